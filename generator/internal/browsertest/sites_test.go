package browsertest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
)

// The sites the page tests load, each built once per test binary.

// realSite is the fixture catalog (generator/testdata/catalog, the shape of
// the real one) on the day the 7th Review Meeting's National Reports became
// public: public, restricted and not-submitted documents.
func realSite(t testing.TB) string { return BuildSite(t, "--as-of", "2017-07-06") }

// scheduledSite is the same catalog before that day: scheduled documents.
func scheduledSite(t testing.TB) string { return BuildSite(t, "--as-of", "2017-05-01") }

// laterSite is the same catalog some weeks after that day, so that a past
// day can show the reports public.
func laterSite(t testing.TB) string { return BuildSite(t, "--as-of", "2017-09-01") }

// edgeSite is testdata/edge.txtar, which has a document in every state.
func edgeSite(t testing.TB) string {
	return BuildSite(t, "--data", edgeData(t), "--as-of", "2017-10-01")
}

// largeSite is a generated catalog of about 300 documents as of a day when
// some of them are in every state: enough for the ledger to take two pages
// (of 250 rows, hugo.toml's pagerSize, the heaviest page the site has).
func largeSite(t testing.TB) string {
	t.Helper()
	largeOnce.Do(func() {
		largeDir, largeErr = os.MkdirTemp("", "cns-browsertest-large-")
		if largeErr == nil {
			largeManifest, largeErr = corpus.Write(filepath.Join(largeDir, "data"), corpus.Options{Seed: 7, Documents: 300})
		}
	})
	if largeErr != nil {
		t.Fatal(largeErr)
	}
	return BuildSite(t, "--data", largeManifest.Dir, "--as-of", "2020-01-01")
}

var (
	largeOnce     sync.Once
	largeDir      string
	largeManifest *corpus.Manifest
	largeErr      error
)

var (
	edgeOnce sync.Once
	edgeDir  string
	edgeErr  error
)

// edgeData writes testdata/edge.txtar into a catalog folder, once per test binary (BuildSite caches by flags, so the
// folder must not change between tests).
func edgeData(t testing.TB) string {
	t.Helper()
	edgeOnce.Do(func() {
		edgeDir, edgeErr = writeTxtarCatalog(filepath.Join("testdata", "edge.txtar"))
	})
	if edgeErr != nil {
		t.Fatal(edgeErr)
	}
	return edgeDir
}

func writeTxtarCatalog(name string) (string, error) {
	ar, err := txtar.ParseFile(name)
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "cns-browsertest-data-")
	if err != nil {
		return "", err
	}
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// pageCase is one kind of page: where it is and a few words that prove it
// is the page it should be.
type pageCase struct {
	name string
	site func(testing.TB) string
	path string
	want []string // text the page's main content must contain
	// status is the HTTP status the page is served with (0: 200).
	status int
	// sameColours says the page is one checked in full in another
	// language, with the same markup and style sheet: axe skips the rules
	// that only compare colours (color-contrast, link-in-text-block), a
	// third of its time on a page, and runs every other.
	sameColours bool
	// noAxe says axe does not run on the page: it is a page checked by
	// axe in another language with the same markup (languages_test.go).
	noAxe bool
}

// pageCases lists one page of every kind, and a page in every document state.
var pageCases = []pageCase{
	{name: "home", site: realSite, path: "", want: []string{"Latest meeting", "Recently public", "Next publication dates"}},
	{name: "meetings", site: realSite, path: "meetings/", want: []string{"7th Review Meeting", "Joint 8th and 9th Review Meeting"}},
	{name: "meeting", site: realSite, path: "meetings/rm07/", want: []string{"Timeline", "Organizational Meeting", "Opening of the meeting", "National Reports became public", "Findings", "Participation", "Documents by Contracting Party"}},
	{name: "countries", site: realSite, path: "countries/", want: []string{"Nuclear power plants", "10 Contracting Parties had nuclear power plants in operation", "Albania"}},
	{name: "country", site: realSite, path: "countries/albania/", want: []string{"Albania", "7th Review Meeting", "National Report"}},
	{name: "document-public", site: realSite, path: "documents/rm07-nr-albania/", want: []string{"Public", "90 days after", "What to expect next", "If the Contracting Party objects"}},
	{name: "summary-report", site: realSite, path: "documents/rm07-summary-report/", want: []string{"Contents", "A. Introduction", "1.", "Safety Culture"}},
	{name: "ledger", site: realSite, path: "documents/", want: []string{"Every document and its publication state", "Albania: National Report"}},
	{name: "search-results", site: realSite, path: "search/?q=safety+culture", want: []string{"Search"}},
	{name: "ledger-past-day", site: realSite, path: "documents/?on=2017-05-01", want: []string{"States on 1 May 2017", "Show the list as it stood on", "Not public"}},
	{name: "how-publication-works", site: edgeSite, path: "publication/", want: []string{"National Report", "For the 6th Review Meeting", "only once the Contracting Party publishes it", "For the 7th Review Meeting and every later meeting", "Public 90 days after the meeting adjourns", "A test source for the 90-day rule", "Withdrawn"}},
	{name: "about", site: realSite, path: "about/", want: []string{"catalog", "Who publishes it", "its public repository", "write to us"}},
	{name: "open-data", site: realSite, path: "data/", want: []string{"documents.json"}},
	{name: "upcoming-none", site: realSite, path: "upcoming/", want: []string{"No document is due to become public on a known date."}},
	{name: "document-not-submitted", site: realSite, path: "documents/rm07-nr-libya/", want: []string{"Not submitted", "Nothing is expected"}},
	{name: "not-found", site: realSite, path: "no-such-page/", status: 404, want: []string{"Page not found"}},

	{name: "home-scheduled", site: scheduledSite, path: "", want: []string{"Next publication dates", "14 documents"}},
	{name: "document-scheduled", site: scheduledSite, path: "documents/rm07-nr-albania/", want: []string{"Scheduled", "Public on 6 July 2017 unless the Contracting Party objects"}},
	{name: "upcoming", site: scheduledSite, path: "upcoming/", want: []string{"6 July 2017", "14 documents", "Albania: National Report"}},
	{name: "meeting-past-day", site: realSite, path: "meetings/rm07/?on=2017-05-01", want: []string{"States on 1 May 2017", "Show this page as it stood on", "Scheduled", "Back to the current states"}},
	{name: "country-past-day", site: realSite, path: "countries/albania/?on=2017-05-01", want: []string{"States on 1 May 2017", "Show this page as it stood on", "Scheduled"}},
	{name: "meeting-scheduled", site: scheduledSite, path: "meetings/rm07/", want: []string{"(to come)", "National Reports become public"}},

	{name: "document-public-file", site: edgeSite, path: "documents/rm07-nr-borduria/", want: []string{"Download", "borduria.pdf", "PDF", "SHA-256", "Official copy"}},
	{name: "document-public-early", site: edgeSite, path: "documents/rm07-nr-carpania/", want: []string{"Public", "1 March 2017"}},
	{name: "document-withheld", site: edgeSite, path: "documents/rm07-nr-aland/", want: []string{"Withheld", "stays withheld"}},
	{name: "document-withdrawn", site: edgeSite, path: "documents/rm07-nr-syldavia/", want: []string{"This document has been withdrawn", "1 September 2017"}},
	{name: "document-restricted", site: edgeSite, path: "documents/rm07-qa-borduria/", want: []string{"Restricted", "only if the Contracting Party consents"}},
	{name: "document-before-rules-changed-published", site: edgeSite, path: "documents/rm06-nr-aland/", want: []string{"Public", "1 September 2014", "published by the Contracting Party", "rule for the 6th Review Meeting", "Official copy"}},
	{name: "document-before-rules-changed-unpublished", site: edgeSite, path: "documents/rm06-nr-borduria/", want: []string{"Restricted", "only when the Contracting Party publishes it", "this does not say that the Contracting Party objected"}},
	// Published by its party on a day no source gives: public from a day
	// by which a source shows it published, at the latest; with no such
	// day, restricted, and saying why (not that nothing is recorded).
	{name: "document-published-by-a-day", site: edgeSite, path: "documents/rm06-nr-carpania/", want: []string{"Public", "Public by 8 August 2013 at the latest (published by the Contracting Party)", "its sources show it public by 8 August 2013", "Public by (at the latest)", "8 August 2013: Public by this day at the latest", "Every document as it stood on 8 August 2013"}},
	{name: "document-published-undated", site: edgeSite, path: "documents/rm06-nr-cote-divoire/", want: []string{"Restricted", "none gives a day by which it had", "will show it as public once a source gives a day by which its Contracting Party had published it"}},
	{name: "document-read-meeting-list", site: edgeSite, path: "documents/rm06-nr-syldavia/", want: []string{"This site holds no copy", "official list of the documents of the 6th Review Meeting"}},
	{name: "document-read-party-page", site: edgeSite, path: "documents/rm07-nr-carpania/", want: []string{"This site holds no copy", "Carpania: its own page of its reports"}},
	{name: "document-read-unknown", site: edgeSite, path: "documents/rm07-nr-union/", want: []string{"This site holds no copy", "not recorded", "write to"}},
	{name: "document-scheduled-future-meeting", site: edgeSite, path: "documents/rm08-nr-aland/", want: []string{"Scheduled", "15 February 2018"}},
	{name: "meeting-mixed", site: edgeSite, path: "meetings/rm07/", want: []string{"Withheld", "Withdrawn", "Restricted", "Not submitted"}},
	{name: "upcoming-mixed", site: edgeSite, path: "upcoming/", want: []string{"15 February 2018", "8th Review Meeting"}},
	{name: "ledger-mixed", site: edgeSite, path: "documents/", want: []string{"Withheld", "Withdrawn", "published by its Contracting Party on a day not known"}},
	{name: "country-organisation", site: edgeSite, path: "countries/union/", want: []string{"Regional organisation"}},
	// "Restricted" alone reads as withheld: lists, cells and the map say
	// why in a few words, from the document's cause.
	{name: "country-restricted-why", site: edgeSite, path: "countries/borduria/", want: []string{"no publication or consent recorded", "no consent recorded"}},
	{name: "meeting-restricted-why", site: edgeSite, path: "meetings/rm06/", want: []string{"no publication or consent recorded", "National Report: Restricted, no publication or consent recorded"}},
	// A report public by a day at the latest is listed so, not "since".
	{name: "country-public-by-a-day", site: edgeSite, path: "countries/carpania/", want: []string{"by 8 August 2013 at the latest"}},
	{name: "meeting-public-by-a-day-past-day", site: laterSite, path: "meetings/rm07/?on=2017-08-01", want: []string{"National Report: Public, by 6 July 2017 at the latest"}},
	{name: "country-public-by-a-day-past-day", site: edgeSite, path: "countries/carpania/?on=2014-01-01", want: []string{"States on 1 January 2014", "by 8 August 2013 at the latest"}},
	{name: "figures", site: edgeSite, path: "figures/", want: []string{"National Reports recorded in this catalog, by state", "When National Reports became public", "Withheld", "Cite as"}},
	{name: "figures-arabic", site: allLanguagesSite, path: "ar/figures/", want: []string{"التقارير الوطنية المسجّلة في هذا الفهرس، حسب الحالة"}},

	{name: "ledger-page", site: largeSite, path: "documents/page/2/", want: []string{"rows 251 to 300", "page 2 of 2", "Previous page"}},
}
