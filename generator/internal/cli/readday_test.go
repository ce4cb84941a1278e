package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A report public by the day this catalog read its party's page
// (published_by with published_by_read) says whose day that is wherever
// the day appears: its page's note and history, in each language built,
// the feed and the calendar (a reader's review took a 2013 report's feed
// entry for news of November 2026), and the open data (public_from_read).
// A report public by a day a source gives says none of it.
func TestAReadingDaySaysWhoseDayItIs(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyTree(t, fixture, data)
	edit(t, filepath.Join(data, "documents", "rm06.yaml"), "  - kind: national_report\n    party: japan\n",
		"  - kind: national_report\n    party: japan\n    published_by: 2017-06-01\n    published_by_read: true\n    sources: [\"Japan's regulator's page of its reports (this catalog read it on 1 June 2017)\"]\n"+
			"  - kind: national_report\n    party: chile\n    published_by: 2017-06-01\n    published_by_read: true\n    sources: [\"Chile's regulator's page of its reports (this catalog read it on 1 June 2017)\"]\n"+
			"  - kind: national_report\n    party: china\n    published_by: 2013-09-30\n    sources: [\"A regulator's page dated 30 September 2013\"]\n")
	out := buildData(t, data, "2017-06-10", "--languages", "en,fr")
	at := func(rel string) string { return read(t, filepath.Join(out, filepath.FromSlash(rel))) }
	for page, wants := range map[string][]string{
		"documents/rm06-nr-japan/index.html": {
			"is the day this catalog read the party's page that shows it published, not a day a source gives",
			"Public by this day at the latest: the day this catalog read the page of its Contracting Party that shows it published",
		},
		"fr/documents/rm06-nr-japan/index.html": {"est le jour où ce catalogue a lu la page de la Partie qui le montre publié"},
		"feed.atom":                             {"Japan: National Report, 6th Review Meeting: public by this day at the latest, the day this catalog read its party&#39;s page"},
		// Two reports read that day: the event says of both whose day it is.
		"calendar.ics": {"SUMMARY:2 documents public by this day at the latest\\, the day this catalog read their parties' pages",
			"Japan: National Report\\, 6th Review Meeting (public by this day at the latest\\, the day this catalog read its party's page)"},
		// The ledger's row, and the country page's list, beside "Public".
		"documents/index.html":       {"by <time datetime=\"2017-06-01\">1 June 2017</time> at the latest, the day this catalog read its party's page"},
		"countries/japan/index.html": {"by <time datetime=\"2017-06-01\">1 June 2017</time> at the latest, the day this catalog read its party's page"},
		"fr/documents/index.html":    {"jour où ce catalogue a lu la page de sa Partie"},
	} {
		got := at(page)
		// A calendar folds its long lines (RFC 5545, 3.1).
		got = strings.NewReplacer("\r\n ", "", "\n ", "").Replace(got)
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not say %q", page, w)
			}
		}
	}
	// What a page says of its documents is in its main part; the header's
	// search box carries every phrase a result may need, this one too.
	main := func(page string) string {
		_, m, _ := strings.Cut(page, "<main")
		m, _, _ = strings.Cut(m, "</main>")
		// Not the phrases a past day may use (<template>), this one too.
		return regexp.MustCompile(`(?s)<template.*?</template>`).ReplaceAllString(m, "")
	}
	if china := main(at("documents/rm06-nr-china/index.html")); strings.Contains(china, "this catalog read") {
		t.Error("China's report, public by a day its source gives, says it is a day this catalog read a page")
	}
	if n := strings.Count(main(at("documents/index.html")), "the day this catalog read its party"); n != 2 {
		t.Errorf("the ledger says of %d rows that their day is the one this catalog read a page; want 2 (Japan's and Chile's, not China's)", n)
	}
	var docs struct {
		Documents []struct {
			ID     string `json:"id"`
			Latest bool   `json:"public_from_latest"`
			Read   bool   `json:"public_from_read"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(at("documents.json")), &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs.Documents {
		if want := d.ID == "rm06-nr-japan" || d.ID == "rm06-nr-chile"; d.Read != want || (want && !d.Latest) {
			t.Errorf("documents.json: %s public_from_read %v (latest %v), want %v", d.ID, d.Read, d.Latest, want)
		}
	}
}

// The open data page of every other language names a spreadsheet's menus
// and fields as its English version does, marked lang="en", so that a
// screen reader reads them in English (a reader's review found them
// unmarked on /es/data/).
func TestSpreadsheetMenuNamesAreMarkedEnglish(t *testing.T) {
	out := sharedFixture(t, "2017-07-06", allLanguages...)
	for _, lang := range []string{"ar", "zh", "fr", "ru", "es"} {
		b, err := os.ReadFile(filepath.Join(out, lang, "data", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		for _, name := range []string{"Data › From Text/CSV", "Delimiter", "Comma", "File › Import"} {
			if n, marked := strings.Count(page, ">"+name+"<"), strings.Count(page, `<i lang="en">`+name+"</i>"); n == 0 || marked != n {
				t.Errorf("%s/data/: %q appears %d times, %d of them marked lang=\"en\"", lang, name, n, marked)
			}
		}
	}
}
