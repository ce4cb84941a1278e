package cli

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// The open data page carries schema.org Dataset markup in every language
// (issue 22): valid JSON, its description in the page's language, the
// as-of day, the licence, the time covered, and a distribution whose every
// file the site has; and nothing else of the site's pages carries it.
func TestOpenDataPageHasDatasetMarkupInEveryLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	script := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	descriptions := map[string]bool{}
	for lang := range siteLanguages {
		page := read(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+"data/index.html")))
		m := script.FindAllStringSubmatch(page, -1)
		if len(m) != 1 {
			t.Errorf("%s: the open data page has %d JSON-LD scripts, want 1", lang, len(m))
			continue
		}
		var ld struct {
			Context          string `json:"@context"`
			Type             string `json:"@type"`
			Name             string
			Description      string
			URL              string
			InLanguage       string
			License          string
			DateModified     string
			TemporalCoverage string
			Creator          struct {
				Type string `json:"@type"`
				Name string
			}
			Distribution []struct {
				Type           string `json:"@type"`
				EncodingFormat string
				ContentURL     string
			}
		}
		if err := json.Unmarshal([]byte(m[0][1]), &ld); err != nil {
			t.Errorf("%s: the Dataset markup is not valid JSON: %v\n%s", lang, err, m[0][1])
			continue
		}
		if ld.Context != "https://schema.org" || ld.Type != "Dataset" || ld.Name == "" || len(ld.Description) < 50 || ld.Creator.Name == "" {
			t.Errorf("%s: the Dataset markup lacks what dataset search needs: %+v", lang, ld)
		}
		descriptions[ld.Description] = true
		if ld.InLanguage != themetest.Locale(t, lang) || !strings.HasSuffix(ld.URL, "/"+themetest.Prefix(lang)+"data/") {
			t.Errorf("%s: inLanguage %q, url %q", lang, ld.InLanguage, ld.URL)
		}
		if ld.DateModified != "2017-07-06" {
			t.Errorf("%s: dateModified %q, want the build's as-of day 2017-07-06", lang, ld.DateModified)
		}
		if ld.License != opendata.License.URL {
			t.Errorf("%s: license %q", lang, ld.License)
		}
		if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}/2017-07-06$`).MatchString(ld.TemporalCoverage) {
			t.Errorf("%s: temporalCoverage %q, want the first meeting's day to the as-of day", lang, ld.TemporalCoverage)
		}
		files := map[string]bool{}
		for _, d := range ld.Distribution {
			u, err := url.Parse(d.ContentURL)
			if err != nil || !u.IsAbs() || d.Type != "DataDownload" || d.EncodingFormat == "" {
				t.Errorf("%s: distribution %+v", lang, d)
				continue
			}
			// The site's files are under the path of its address.
			rel := u.Path[strings.Index(u.Path[1:], "/")+2:]
			files[rel] = true
			if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(rel))); err != nil {
				t.Errorf("%s: the Dataset markup lists %s, which the site does not have", lang, d.ContentURL)
			}
		}
		for _, want := range []string{opendata.Package, opendata.DocumentsJSON, opendata.DocumentsCSV, opendata.MeetingsJSON, opendata.PartiesJSON} {
			if !files[want] {
				t.Errorf("%s: the Dataset markup does not list %s", lang, want)
			}
		}
	}
	if len(descriptions) != len(siteLanguages) {
		t.Errorf("%d descriptions for %d languages: each language needs its own", len(descriptions), len(siteLanguages))
	}
	for _, p := range []string{"index.html", "documents/index.html", "about/index.html"} {
		if page := read(t, filepath.Join(site, p)); strings.Contains(page, "application/ld+json") {
			i := strings.Index(page, "application/ld+json")
			t.Errorf("%s carries Dataset markup; only the open data page does: %s", p, page[max(0, i-300):i+100])
		}
	}
}
