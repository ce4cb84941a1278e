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
// Hugo v0.165.0 hangs instead of failing. The build must end with
// ErrStalled soon after the stall time, not hang; with fewer pages Hugo
// reports the template error itself.
func TestBuildEndsWhenHugoHangsOnManyRenderErrors(t *testing.T) {
	for _, c := range []struct {
		pages       int
		wantStalled bool
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
			if got := errors.Is(err, ErrStalled); got != c.wantStalled {
				t.Errorf("stalled %v, want %v: %v", got, c.wantStalled, err)
			}
			if took > 30*time.Second {
				t.Errorf("the build took %s to fail", took)
			}
			t.Logf("failed after %s: %.200s", took.Round(time.Millisecond), err)
		})
	}
}
