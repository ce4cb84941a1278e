package sitebuild_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/hugosite"
)

// hugosite.Build's test is here, in a test binary that links Hugo anyway:
// hugosite's own test binary took about 4 core-s of linking on every go
// test run, for 0.2 core-s of tests.

// A theme whose page template fails on every page: with ten or more pages
// Hugo v0.165.0 often hangs instead of failing (it depends on the order its
// goroutines run in). The build must end soon after the stall time, with
// ErrStalled or Hugo's own error, never hang; with fewer pages Hugo reports
// the template error itself.
func TestHugoBuildEndsWhenHugoHangsOnManyRenderErrors(t *testing.T) {
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
			_, err := hugosite.Build(hugosite.Options{
				SiteDir: filepath.Join(dir, "site"), ThemesDir: filepath.Join(dir, "themes"),
				ContentDir: filepath.Join(dir, "content"), PublishDir: filepath.Join(dir, "public"),
				CacheDir: filepath.Join(dir, "cache"), Stall: 2 * time.Second,
			})
			took := time.Since(start)
			if err == nil || !errors.Is(err, hugosite.ErrHugo) {
				t.Fatalf("the build with a broken template gave %v", err)
			}
			if errors.Is(err, hugosite.ErrStalled) && !c.mayStall {
				t.Errorf("stalled with %d pages: %v", c.pages, err)
			}
			if took > 30*time.Second {
				t.Errorf("the build took %s to fail", took)
			}
			t.Logf("failed after %s: %.200s", took.Round(time.Millisecond), err)
		})
	}
}
