package browsertest

// Search finds what the meeting pages say, and a state's name selects the
// state (issue 24), on the edge catalog as of 1 October 2017.

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// The President of the 6th Review Meeting is named on its page only: his
// name finds the meeting, first.
func TestSearchOfficerFindsTheMeetingFirst(t *testing.T) {
	tab := searchBrowser(t)
	srv := Serve(t, edgeSite(t), "")
	searchOpen(t, tab, srv, "q=Lacoste")
	hits := searchWait(t, tab, "Lacoste")
	if len(hits) == 0 || hits[0].Href != "/meetings/rm06/" {
		t.Fatalf("results for Lacoste = %+v, want the 6th Review Meeting first", hits)
	}
	if !slices.Contains(hits[0].Marks, "Lacoste") {
		t.Errorf("the result does not show the name it was found by: %+v", hits[0])
	}
	searchClean(t, tab, srv)
}

// A meeting's number alone finds the meeting first, before a document
// whose own title has that number (a reader's "7" found the United States'
// report "NUREG-1650, Revision 7" above the 7th Review Meeting).
func TestSearchNumberFindsItsMeetingFirst(t *testing.T) {
	tab := searchBrowser(t)
	srv := Serve(t, edgeSite(t), "")
	searchOpen(t, tab, srv, "q=7")
	hits := searchWait(t, tab, "7")
	if len(hits) < 2 || hits[0].Href != "/meetings/rm07/" || !slices.ContainsFunc(hits, func(h searchHit) bool { return h.Href == "/documents/rm07-nr-borduria/" }) {
		t.Fatalf("results for 7 = %+v, want the 7th Review Meeting first, and Borduria's report, its Revision 7, among them", hits)
	}
	searchClean(t, tab, srv)
}

// A result public by a day at the latest says so, as the pages' lists
// do, not "since" that day.
func TestSearchSaysAPublicDayAtTheLatest(t *testing.T) {
	tab := searchBrowser(t)
	srv := Serve(t, edgeSite(t), "")
	searchOpen(t, tab, srv, "q=carpania")
	hits := searchWait(t, tab, "carpania")
	var found bool
	for _, h := range hits {
		if h.Href == "/documents/rm06-nr-carpania/" {
			found = true
			if !strings.Contains(h.Text, "by 8 August 2013 at the latest") || strings.Contains(h.Text, "since 8 August 2013") {
				t.Errorf("the result of Carpania's 6th report says %q, want public by 8 August 2013 at the latest", h.Text)
			}
		}
	}
	if !found {
		t.Fatalf("carpania does not find its 6th report: %+v", hits)
	}
	searchClean(t, tab, srv)
}

// A result public by the day this catalog read its party's page says
// whose day that is, as every list does: a reader found Switzerland's
// 2005 report "Public, by 30 November 2026 at the latest" in the results
// and nothing more, which reads as public only since 2026. The edge
// catalog with Carpania's 6th report read so.
func TestSearchSaysWhoseDayAReadingDayIs(t *testing.T) {
	data := t.TempDir()
	if err := os.CopyFS(data, os.DirFS(edgeData(t))); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(data, "documents", "rm06.yaml")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	const at = "    party: carpania\n    published_by: 2013-08-08\n"
	if !strings.Contains(string(b), at) {
		t.Fatalf("%s no longer has Carpania's report public by a day", name)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(b), at, at+"    published_by_read: true\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	tab := searchBrowser(t)
	srv := Serve(t, BuildSite(t, "--data", data, "--as-of", "2017-10-01"), "")
	searchOpen(t, tab, srv, "q=carpania")
	hits := searchWait(t, tab, "carpania")
	var found bool
	for _, h := range hits {
		switch h.Href {
		case "/documents/rm06-nr-carpania/":
			found = true
			if !strings.Contains(h.Text, "by 8 August 2013 at the latest, the day this catalog read its party's page") {
				t.Errorf("the result of Carpania's 6th report says %q, want whose day 8 August 2013 is", h.Text)
			}
		default:
			if strings.Contains(h.Text, "this catalog read") {
				t.Errorf("the result %s says %q: no day of it is one this catalog read", h.Href, h.Text)
			}
		}
	}
	if !found {
		t.Fatalf("carpania does not find its 6th report: %+v", hits)
	}
	searchClean(t, tab, srv)
}

// An officer's country finds the meeting, not every document of it: the
// 7th meeting's President came from Canada, which has no document in the
// fixture, so "Canada" finds the meeting alone (a reader found 94 results
// for it on the real site, two of them Canada's).
func TestSearchOfficersCountryFindsNoDocumentOfOthers(t *testing.T) {
	tab, srv := searchSite(t)
	searchOpen(t, tab, srv, "q=Canada")
	hits := searchWait(t, tab, "Canada")
	if len(hits) == 0 || hits[0].Href != "/meetings/rm07/" {
		t.Fatalf("results for Canada = %+v, want the 7th Review Meeting first", hits)
	}
	// A paragraph that says "Canada" is found by its own words.
	for _, h := range hits {
		if strings.HasPrefix(h.Href, "/documents/") && !strings.Contains(h.Href, "#para-") {
			t.Errorf("Canada finds %s, a document of another party", h.Href)
		}
	}
	searchClean(t, tab, srv)
}

// "withheld" lists the documents withheld on the build's day, and only
// them; with a facet chosen, only what the facet also allows.
func TestSearchStateWordSelectsTheState(t *testing.T) {
	c, err := catalog.Load(os.DirFS(edgeData(t)), "data")
	if err != nil {
		t.Fatal(err)
	}
	at := catalog.Date{Year: 2017, Month: time.October, Day: 1}.Start(c.Rules.Location)
	decisions := publication.DecideAll(c, at)
	byState := map[publication.State][]string{}
	for _, d := range c.Documents {
		s := decisions[d.ID].State
		byState[s] = append(byState[s], disclosure.DocumentURL(d.ID))
	}
	if len(byState[publication.Withheld]) == 0 || len(byState[publication.NotSubmitted]) == 0 || len(byState[publication.Public]) == 0 {
		t.Fatalf("the edge catalog has no withheld or not submitted document: %v", byState)
	}

	tab := searchBrowser(t)
	srv := Serve(t, edgeSite(t), "")
	for _, tc := range []struct {
		query, address string
		want           []string
	}{
		{"withheld", "q=withheld", byState[publication.Withheld]},
		{"Withheld", "q=Withheld", byState[publication.Withheld]},
		{"not submitted", "q=not+submitted", byState[publication.NotSubmitted]},
		// The other words a reader types for "public" (search_public_words).
		{"published", "q=published", byState[publication.Public]},
		// A state's name and a country's: that country's documents in the state.
		{"withheld aland", "q=withheld+aland", byState[publication.Withheld]},
		// The facet still narrows: no withheld document is a Summary Report.
		{"withheld", "q=withheld&kind=summary_report", nil},
	} {
		searchOpen(t, tab, srv, tc.address)
		hits := searchWait(t, tab, tc.query)
		var got []string
		for _, h := range hits {
			got = append(got, h.Href)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tc.want))
		if !slices.Equal(got, want) {
			t.Errorf("%s: results %v, want %v", tc.address, got, want)
		}
	}
	searchClean(t, tab, srv)
}

// A restricted result says why in a few words, as the lists do
// ("Restricted" alone reads as withheld by the party): the edge catalog's
// Borduria has a 6th report no publication or consent of which is
// recorded, and questions and answers of the 7th with no consent.
func TestSearchSaysWhyARestrictedDocumentIs(t *testing.T) {
	tab := searchBrowser(t)
	srv := Serve(t, edgeSite(t), "")
	searchOpen(t, tab, srv, "q=borduria")
	hits := searchWait(t, tab, "borduria")
	want := map[string]string{
		"/documents/rm06-nr-borduria/": "Restricted, no publication or consent recorded",
		"/documents/rm07-qa-borduria/": "Restricted, no consent recorded",
	}
	for _, h := range hits {
		if w, ok := want[h.Href]; ok {
			if !strings.Contains(strings.Join(strings.Fields(h.Text), " "), w) {
				t.Errorf("the result %s says %q, want %q", h.Href, h.Text, w)
			}
			delete(want, h.Href)
		} else if strings.Contains(h.Text, "recorded") {
			t.Errorf("the result %s says %q: it is not restricted", h.Href, h.Text)
		}
	}
	for href := range want {
		t.Errorf("borduria does not find %s", href)
	}
	searchClean(t, tab, srv)
}

// A result whose day follows from a rule no source states for its meeting
// says so, as the pages' lists do ("since D, if the rule applied"): a
// journalist found the mark lost in search alone. The lifted catalog
// assumes its 7th meeting's rule; Borduria's report is public from the
// rule's day until its party's objection.
func TestSearchSaysADayTheRuleSetsIfItApplied(t *testing.T) {
	data, err := writeTxtarCatalog(filepath.Join("testdata", "lifted.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	tab := searchBrowser(t)
	srv := Serve(t, BuildSite(t, "--data", data, "--as-of", "2017-07-20"), "")
	searchOpen(t, tab, srv, "q=borduria")
	hits := searchWait(t, tab, "borduria")
	var found bool
	for _, h := range hits {
		if h.Href == "/documents/rm07-nr-borduria/" {
			found = true
			if !strings.Contains(h.Text, "since 6 July 2017, if the rule applied") {
				t.Errorf("the result of Borduria's report says %q, want since 6 July 2017, if the rule applied", h.Text)
			}
		}
	}
	if !found {
		t.Fatalf("borduria does not find its report: %+v", hits)
	}
	searchClean(t, tab, srv)
}
