package hugosite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A theme whose page template fails on every page: with ten or more pages
// Hugo v0.165.0 often hangs instead of failing (it depends on the order its
// goroutines run in). The build must end soon after the stall time, with
// ErrStalled or Hugo's own error, never hang; with fewer pages Hugo reports
// the template error itself.
func TestBuildEndsWhenHugoHangsOnManyRenderErrors(t *testing.T) {
	for _, c := range []struct {
		pages    int
		mayStall bool
	}{{40, true}, {3, false}} {
		t.Run(fmt.Sprint(c.pages, " pages"), func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"site/hugo.toml":                  "title = \"T\"\ntheme = \"broken\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
				"themes/broken/layouts/page.html": "{{ .NoSuchField.Either }}",
				"themes/broken/layouts/list.html": "list",
				"themes/broken/layouts/home.html": "home",
				"content/_index.md":               "---\ntitle: Home\n---\n",
				"content/docs/_index.md":          "---\ntitle: Docs\n---\n",
			}
			for i := range c.pages {
				files[fmt.Sprintf("content/docs/p%03d.md", i)] = fmt.Sprintf("---\ntitle: P%d\n---\n", i)
			}
			for name, body := range files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			start := time.Now()
			_, err := Build(Options{
				SiteDir: filepath.Join(dir, "site"), ThemesDir: filepath.Join(dir, "themes"),
				ContentDir: filepath.Join(dir, "content"), PublishDir: filepath.Join(dir, "public"),
				CacheDir: filepath.Join(dir, "cache"), Stall: 2 * time.Second,
			})
			took := time.Since(start)
			if err == nil || !errors.Is(err, ErrHugo) {
				t.Fatalf("the build with a broken template gave %v", err)
			}
			if errors.Is(err, ErrStalled) && !c.mayStall {
				t.Errorf("stalled with %d pages: %v", c.pages, err)
			}
			if took > 30*time.Second {
				t.Errorf("the build took %s to fail", took)
			}
			t.Logf("failed after %s: %.200s", took.Round(time.Millisecond), err)
		})
	}
}

// awaitProgress ends a build that shows no progress for the stall time,
// and not one that shows progress, however long it takes. The test sends
// the ticks, with made-up times 50 ms apart, and waits for no clock.
func TestAwaitProgress(t *testing.T) {
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
			// The count awaitProgress reads, handed over at each reading:
			// the test decides what it reads at each tick, however the
			// two goroutines are scheduled.
			counts := make(chan int64)
			built := make(chan error, 1)
			ticks := make(chan time.Time)
			res := make(chan error, 1)
			go func() { res <- awaitProgress(built, func() int64 { return <-counts }, stall, start, ticks) }()
			var n int64
			counts <- n // the reading at the start
			for d := 50 * time.Millisecond; d <= 1200*time.Millisecond; d += 50 * time.Millisecond {
				if c.progress(d) {
					n++
				}
				// A tick is taken only while awaitProgress waits.
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
