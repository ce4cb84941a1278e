package progress

import (
	"errors"
	"testing"
	"time"
)

// Await ends a build that shows no progress for the stall time,
// and not one that shows progress, however long it takes. The test sends
// the ticks, with made-up times 50 ms apart, and waits for no clock.
func TestAwait(t *testing.T) {
	const stall = 400 * time.Millisecond
	start := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		// progress says whether the build makes progress just before the
		// tick at d after the start.
		progress func(d time.Duration) bool
		// stalledAt is the tick at which the build is abandoned; 0: never,
		// it ends by itself after the last tick (1,200 ms: three stall times).
		stalledAt time.Duration
	}{
		{"no progress", func(time.Duration) bool { return false }, stall},
		{"progress all along", func(time.Duration) bool { return true }, 0},
		{"progress then none", func(d time.Duration) bool { return d <= 600*time.Millisecond }, 600*time.Millisecond + stall},
	} {
		t.Run(c.name, func(t *testing.T) {
			// The count Await reads, handed over at each reading:
			// the test decides what it reads at each tick, however the
			// two goroutines are scheduled.
			counts := make(chan int64)
			built := make(chan error, 1)
			ticks := make(chan time.Time)
			res := make(chan error, 1)
			go func() { res <- Await(built, func() int64 { return <-counts }, stall, start, ticks) }()
			var n int64
			counts <- n // the reading at the start
			for d := 50 * time.Millisecond; d <= 1200*time.Millisecond; d += 50 * time.Millisecond {
				if c.progress(d) {
					n++
				}
				// A tick is taken only while Await waits.
				select {
				case ticks <- start.Add(d):
				case err := <-res:
					t.Fatalf("ended before the tick at %s: %v", d, err)
				}
				counts <- n
				if d == c.stalledAt {
					select {
					case err := <-res:
						if !errors.Is(err, ErrStalled) {
							t.Fatalf("after %s without progress: %v, want ErrStalled", stall, err)
						}
						return
					case ticks <- start.Add(d + 50*time.Millisecond):
						t.Fatalf("still waiting at %s, %s after the start or the last progress", d+50*time.Millisecond, stall+50*time.Millisecond)
					}
				}
			}
			built <- errDone
			if err := <-res; err != errDone {
				t.Errorf("a build that made progress for three stall times gave %v", err)
			}
		})
	}
}

var errDone = errors.New("done")
