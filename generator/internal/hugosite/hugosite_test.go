package hugosite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
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
// and not one that shows progress, however long it takes.
func TestAwaitProgress(t *testing.T) {
	var progress atomic.Int64
	start := time.Now()
	err := awaitProgress(make(chan error), &progress, 400*time.Millisecond)
	if !errors.Is(err, ErrStalled) {
		t.Fatalf("a build with no progress gave %v", err)
	}
	if took := time.Since(start); took < 400*time.Millisecond || took > 5*time.Second {
		t.Errorf("abandoned after %s for a stall time of 400ms", took)
	}

	built := make(chan error, 1)
	stop := make(chan struct{})
	go func() {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		deadline := time.After(1200 * time.Millisecond)
		for {
			select {
			case <-tick.C:
				progress.Add(1)
			case <-deadline:
				built <- errDone
				return
			case <-stop:
				return
			}
		}
	}()
	defer close(stop)
	if err := awaitProgress(built, &progress, 400*time.Millisecond); err != errDone {
		t.Errorf("a build that made progress for three stall times gave %v", err)
	}
}

var errDone = errors.New("done")
