// Package progress ends the wait for a build that has stopped making
// progress: Hugo may hang instead of failing (hugosite.ErrStalled). It is a
// package of its own, apart from the one that runs Hugo, so that its tests
// run without linking Hugo.
package progress

import (
	"errors"
	"fmt"
	"time"
)

// ErrStalled is matched by errors.Is for a build abandoned for making no
// progress.
var ErrStalled = errors.New("hugo made no progress")

// Await waits for the build's result, unless progress (a count that grows
// as the build works) stays the same for the stall time. It reads progress
// once at the start and then on each tick, which carries the time (a
// time.Ticker's channel; tests send their own times, and their own
// counts), from start.
func Await(built <-chan error, progress func() int64, stall time.Duration, start time.Time, ticks <-chan time.Time) error {
	last, since := progress(), start
	for {
		select {
		case err := <-built:
			return err
		case now := <-ticks:
			if n := progress(); n != last {
				last, since = n, now
			} else if now.Sub(since) >= stall {
				return fmt.Errorf("%w for %s (no file opened or written), so the build was abandoned. "+
					"Hugo hangs like this, hiding their errors, when ten or more pages fail to render; "+
					"a build of a catalog with fewer than ten documents, meetings and parties shows the errors", ErrStalled, stall)
			}
		}
	}
}
