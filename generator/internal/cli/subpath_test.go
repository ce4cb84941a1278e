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

// Issue 16: one address for everything that needs a host. Without
// --base-url the build takes baseURL from site/hugo.toml, and canonical
// links, the sitemap, feeds, calendar, open data and citations are
// absolute under it.
func TestAddressFromSiteConfigMakesLinksAbsolute(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	copyTree(t, filepath.Join(repo, "site"), site)
	conf := filepath.Join(site, "hugo.toml")
	writeFile(t, conf, regexp.MustCompile(`(?m)^baseURL = .*$`).ReplaceAllString(read(t, conf), `baseURL = "https://cns.test.invalid/reports/"`))
	out := filepath.Join(dir, "public")
	args := append(buildArgs(fixture, out, filepath.Join(dir, ".build"), "--as-of", "2017-05-01"), "--site", site, "--languages", "en,fr")
	if r := run(t, nil, args...); r.code != 0 || r.stderr != "" {
		t.Fatalf("build exited %d, stderr %q", r.code, r.stderr)
	}
	const base = "https://cns.test.invalid/reports/"
	for file, re := range map[string]string{
		"documents/rm07-nr-albania/index.html": `rel="canonical" href="` + base + `documents/rm07-nr-albania/"`,
		// A sitemap per language, under an index at the root; the
		// English one at the root too, beside the pages it lists: a
		// sitemap lists only what is under its own folder (sitemaps.org).
		"sitemap.xml":    `<loc>` + base + `sitemap-en.xml</loc>`,
		"sitemap-en.xml": `<loc>` + base + `documents/`,
		// Each page with its English one, which is also the one for a
		// reader of none of the languages (x-default), as the pages say.
		"fr/sitemap.xml": `hreflang="en" href="` + base + `documents/"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="` + base + `documents/"/>`,
		"feed.atom":      `<link rel="self" type="application/atom+xml" href="` + base + `feed.atom">`,
		"documents.csv":  `,` + base + `documents/rm07-nr-albania/,`,
		"documents.json": `"page_url": "` + base + `documents/rm07-nr-albania/"`,
		"calendar.ics":   `URL:` + base,
		// Crawlers find the sitemap from robots.txt.
		"robots.txt": "Sitemap: " + base + "sitemap.xml\n",
	} {
		if !strings.Contains(read(t, filepath.Join(out, filepath.FromSlash(file))), re) {
			t.Errorf("%s lacks %s", file, re)
		}
	}
	cite := regexp.MustCompile(`class="citation">.*?<a href="([^"]+)"`).FindStringSubmatch(read(t, filepath.Join(out, "documents", "rm07-nr-albania", "index.html")))
	if cite == nil || cite[1] != base+"documents/rm07-nr-albania/" {
		t.Errorf("the citation links to %v, want %sdocuments/rm07-nr-albania/", cite, base)
	}
}

// A build whose address is missing or a placeholder says so on stderr, and
// still builds. (The warnings are the same whatever the catalog: the
// builds here are of the smallest.)
func TestMissingOrPlaceholderAddressIsWarned(t *testing.T) {
	data := noDocumentsCatalog(t)
	for _, tc := range []struct{ flag, want string }{
		{"https://example.org/cns/", "is a placeholder"},
		{"/", "is not an absolute http(s) address"},
	} {
		dir := t.TempDir()
		r := run(t, nil, buildArgs(data, filepath.Join(dir, "public"), filepath.Join(dir, ".build"), "--base-url", tc.flag)...)
		if r.code != 0 || !strings.Contains(r.stderr, "warning: ") || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "--base-url") {
			t.Errorf("--base-url %s: exit %d, stderr %q; want a warning that it %s", tc.flag, r.code, r.stderr, tc.want)
		}
	}
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	copyTree(t, filepath.Join(repo, "site"), site)
	conf := filepath.Join(site, "hugo.toml")
	writeFile(t, conf, regexp.MustCompile(`(?m)^baseURL = .*$`).ReplaceAllString(read(t, conf), ""))
	r := run(t, nil, append(buildArgs(data, filepath.Join(dir, "public"), filepath.Join(dir, ".build")), "--site", site)...)
	if r.code != 0 || !strings.Contains(r.stderr, "warning: the site has no address") {
		t.Errorf("no address: exit %d, stderr %q", r.code, r.stderr)
	}
}
