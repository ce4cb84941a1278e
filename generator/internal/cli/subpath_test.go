package cli

import (
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var linkRe = regexp.MustCompile(`(?:href|src|action|data-index|data-[a-z]+-url)="([^"]*)"`)

// A site built for https://example.org/cns/ links only inside /cns/: every
// page, asset, feed and data file, and every one of those links resolves.
func TestSubpathBuildKeepsEveryLinkInsideItsPath(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if r := run(t, nil, buildArgs(fixture, out, filepath.Join(dir, ".build"), "--as-of", "2017-07-06", "--base-url", "https://example.org/cns/")...); r.code != 0 {
		t.Fatalf("build exited %d: %s", r.code, r.stderr)
	}
	checked := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := filepath.Ext(p)
		if ext != ".html" && ext != ".xml" && ext != ".atom" && ext != ".json" {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		b := read(t, p)
		var links []string
		for _, m := range linkRe.FindAllStringSubmatch(b, -1) {
			links = append(links, html.UnescapeString(m[1]))
		}
		for _, m := range regexp.MustCompile(`"(?:page_url|file_url|url)": "([^"]+)"|<loc>([^<]+)</loc>`).FindAllStringSubmatch(b, -1) {
			links = append(links, m[1]+m[2])
		}
		for _, link := range links {
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: bad link %q", rel, link)
				continue
			}
			switch {
			case link == "" || strings.HasPrefix(link, "#") || u.Scheme == "data" || u.Scheme == "mailto":
				continue
			case u.Host != "" && u.Host != "example.org":
				continue // an official copy elsewhere
			case !strings.HasPrefix(u.Path, "/cns/") && u.Path != "/cns":
				if strings.HasPrefix(u.Path, "/") || u.Host != "" {
					t.Errorf("%s links outside /cns/: %q", rel, link)
				}
				continue
			}
			target := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u.Path, "/cns/")))
			if fi, err := os.Stat(target); err == nil && fi.IsDir() {
				target = filepath.Join(target, "index.html")
			}
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: %q does not resolve", rel, link)
			}
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 500 {
		t.Errorf("only %d links checked", checked)
	}
}
