package browsertest

// Search in the browser (issue 5): the search page and the header box, on
// the fixture catalog as of 6 July 2017 (every National Report of the 7th
// Review Meeting public, Libya's not submitted, the Summary Report public),
// and on a small catalog built for a subpath.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
)

// searchHit is one result as the reader sees it.
type searchHit struct {
	Title string   `json:"title"`
	Href  string   `json:"href"`
	Text  string   `json:"text"`
	Marks []string `json:"marks"`
}

const searchHitsJS = `[...document.querySelectorAll('.search-results > li')].map(li => ({
	title: li.querySelector('.search-hit-title').textContent,
	href: li.querySelector('a').getAttribute('href'),
	text: li.textContent.replace(/\s+/g, ' ').trim(),
	marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
}))`

// searchSite builds the fixture catalog as of 6 July 2017 and serves it,
// with a tab of searchBrowser.
func searchSite(t *testing.T) (*Tab, *Server) {
	t.Helper()
	return searchBrowser(t), Serve(t, BuildSite(t, "--as-of", "2017-07-06"), "")
}

// searchSiteToClick is searchSite with a tab that draws frames, for a test
// that clicks with the mouse (DrawingBrowser).
func searchSiteToClick(t *testing.T) (*Tab, *Server) {
	t.Helper()
	return DrawingBrowser(t), Serve(t, BuildSite(t, "--as-of", "2017-07-06"), "")
}

// searchBrowser lends a search test a tab of Browser. The search script
// leaves the rest of a search (the results past the first ones, the
// facets) to the browser's idle time (requestIdleCallback), which comes
// after a frame is drawn; in a tab that draws none (drawsFrames: a
// developer's run), it would come only at the callback's timeout of 200
// ms, so there the tab's requestIdleCallback runs its work after a timer
// of 0 ms instead, as the script's own fallback for a browser without one
// does after 50 ms. Drawing frames cost Chromium some 40% more in three
// of the search tests (12 against 7.3 core-s). Under CNS_TEST_EXHAUSTIVE
// (.ci/run) every tab draws, and the browser's own callback is used.
func searchBrowser(t testing.TB) *Tab {
	t.Helper()
	tab := Browser(t)
	if !drawsFrames() {
		tab.OnNewDocument(idleAtOnce)
	}
	return tab
}

// idleAtOnce replaces requestIdleCallback with a timer of 0 ms, for pages
// in a tab that draws no frames (searchBrowser).
const idleAtOnce = `window.requestIdleCallback = f => setTimeout(() => f({didTimeout: false, timeRemaining: () => 50}), 0);
window.cancelIdleCallback = clearTimeout;`

// searchWait waits until the results on the page are those of query q.
func searchWait(t testing.TB, tab *Tab, q string) []searchHit {
	t.Helper()
	// The results are read in the same script that checks they are q's.
	// The script waits for them in the page, a second at most, without a
	// round trip to the browser for each look (a test of many queries
	// spent most of its time in them); it is run again until the deadline,
	// since the page may be between two documents (after Back, or while
	// the index loads), which ends the script.
	js := fmt.Sprintf(`new Promise(done => { const t0 = performance.now(); (function look() { const l = document.querySelector('.search-results'); if (l && l.getAttribute('data-query') === %q) return done(%s); if (performance.now() - t0 > 1000) return done(null); setTimeout(look, 4); })(); })`, q, searchHitsJS)
	deadline := time.Now().Add(20 * time.Second)
	for {
		var hits *[]searchHit
		err := chromedp.Run(tab.Ctx, chromedp.Evaluate(js, &hits, awaitPromise))
		if err == nil && hits != nil {
			return *hits
		}
		if time.Now().After(deadline) {
			var state string
			chromedp.Run(tab.Ctx, chromedp.Evaluate(`document.querySelector('.search-status') ? document.querySelector('.search-status').textContent : 'no status'`, &state))
			t.Fatalf("waiting for the results of %q: %v (status: %q; console: %v)", q, err, state, tab.ConsoleErrors())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// searchOpen opens the search page (with an address query) and waits for
// the index.
func searchOpen(t testing.TB, tab *Tab, srv *Server, query string) {
	t.Helper()
	u := srv.URL + "search/"
	if query != "" {
		u += "?" + query
	}
	var ready bool
	tab.Run(chromedp.Navigate(u),
		poll(`document.querySelector('[data-search-page]').getAttribute('data-search-ready') === 'true'`, &ready, 20*time.Second))
}

// searchType types into the search page's box, key by key.
func searchType(tab *Tab, text string) {
	tab.Run(chromedp.SendKeys("#search-q", text, chromedp.ByQuery))
}

// searchClean checks that the page made no request off the site and logged
// no error.
func searchClean(t testing.TB, tab *Tab, srv *Server) {
	t.Helper()
	if f := Foreign(tab.Requests(), srv.URL); len(f) > 0 {
		t.Errorf("requests left the site: %v", f)
	}
	if c := tab.ConsoleErrors(); len(c) > 0 {
		t.Errorf("console errors: %v", c)
	}
}

// "supply chain" is the heading of paragraph 31 of the 7th Summary Report:
// that paragraph comes first, linked to its anchor, with the words marked.
func TestSearchSupplyChainPutsParagraph31First(t *testing.T) {
	t.Parallel()
	tab, srv := searchSiteToClick(t)
	searchOpen(t, tab, srv, "")
	searchType(tab, "supply chain")
	hits := searchWait(t, tab, "supply chain")
	if len(hits) == 0 {
		t.Fatal("no results")
	}
	if h := hits[0]; h.Href != "/documents/rm07-summary-report/#para-31" || !strings.Contains(h.Title, "31") {
		t.Errorf("first result = %+v, want paragraph 31 of the 7th Summary Report", h)
	}
	if m := hits[0].Marks; !slices.Contains(m, "Supply") || !slices.Contains(m, "Chain") {
		t.Errorf("marked words = %q", m)
	}
	if !strings.Contains(hits[0].Text, "Summary Report of the 7th Review Meeting") {
		t.Errorf("the result does not name its report: %q", hits[0].Text)
	}
	// The anchor exists on the report's page.
	var found bool
	tab.Run(chromedp.Click(".search-results a", chromedp.ByQuery), chromedp.WaitReady("#para-31", chromedp.ByID),
		chromedp.Evaluate(`location.hash === '#para-31'`, &found))
	if !found {
		t.Error("the result did not open paragraph 31")
	}
	searchClean(t, tab, srv)
}

// Other names: "Korea" finds the Republic of Korea, "Turkiye" and "Turkey"
// find Türkiye, first, before their documents.
func TestSearchFindsCountriesByOtherNames(t *testing.T) {
	t.Parallel()
	tab, srv := searchSite(t)
	searchOpen(t, tab, srv, "")
	for _, c := range []struct{ q, href, title, also string }{
		{"Korea", "/countries/korea/", "Republic of Korea", "South Korea"},
		{"Turkiye", "/countries/turkiye/", "Türkiye", "Turkey"},
		{"turkey", "/countries/turkiye/", "Türkiye", "Turkey"},
		{"czech republic", "/countries/czechia/", "Czechia", "Czech Republic"},
		{"former yugoslav", "/countries/north-macedonia/", "North Macedonia", "the former Yugoslav Republic of Macedonia"},
	} {
		searchRetype(tab, c.q)
		hits := searchWait(t, tab, c.q)
		if len(hits) == 0 || hits[0].Href != c.href || hits[0].Title != c.title || !strings.Contains(hits[0].Text, c.also) {
			t.Errorf("%q: first result = %+v, want %s (%s)", c.q, searchFirst(hits), c.title, c.href)
		}
	}
	searchClean(t, tab, srv)
}

func searchFirst(hits []searchHit) any {
	if len(hits) == 0 {
		return "none"
	}
	return hits[0]
}

// Results come as the reader types: after each key of "viet", and Viet Nam
// is first once "viet" is typed, without pressing Enter. The query is kept
// in the address while typing.
func TestSearchFindsVietNamAsYouType(t *testing.T) {
	t.Parallel()
	tab, srv := searchSite(t)
	searchOpen(t, tab, srv, "")
	typed := ""
	for _, k := range "viet" {
		typed += string(k)
		searchType(tab, string(k))
		if hits := searchWait(t, tab, typed); len(hits) == 0 {
			t.Errorf("no results after %q", typed)
		}
	}
	hits := searchWait(t, tab, "viet")
	if hits[0].Href != "/countries/viet-nam/" || !slices.Contains(hits[0].Marks, "Viet") {
		t.Errorf("first result for viet = %+v", hits[0])
	}
	// Once typing pauses.
	var ok bool
	if err := chromedp.Run(tab.Ctx, poll(`location.search === '?q=viet'`, &ok, 5*time.Second)); err != nil {
		var loc string
		tab.Run(chromedp.Evaluate(`location.search`, &loc))
		t.Errorf("address query = %q", loc)
	}
	searchClean(t, tab, srv)
}

// Facets: every facet's counts add up to the results it applies to; choosing
// one narrows the results to its count; they combine; they are in the
// address, and Back undoes the last one.
func TestSearchFacetsNarrowAndCountsAddUp(t *testing.T) {
	t.Parallel()
	tab, srv := searchSite(t)
	searchOpen(t, tab, srv, "")
	searchType(tab, "report")
	hits := searchWait(t, tab, "report")
	type facet struct {
		All    int            `json:"all"`
		Counts map[string]int `json:"counts"`
	}
	facets := func() (map[string]facet, int) {
		var f map[string]facet
		var docs int
		tab.Run(chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll('.search-facets select')].map(s => [s.name, {
			all: +s.options[0].dataset.count,
			counts: Object.fromEntries([...s.options].slice(1).map(o => [o.value, +o.dataset.count])),
		}]))`, &f), chromedp.Evaluate(`+document.querySelector('.search-results').dataset.documents`, &docs))
		return f, docs
	}
	f, docs := facets()
	if docs < 10 || len(f) != 4 {
		t.Fatalf("%d document results, facets %v", docs, f)
	}
	for name, fc := range f {
		sum := 0
		for _, n := range fc.Counts {
			sum += n
		}
		if sum != docs || fc.All != docs {
			t.Errorf("facet %s: counts add up to %d, All says %d; %d document results", name, sum, fc.All, docs)
		}
	}
	choose := func(name, value string) {
		tab.Run(chromedp.Evaluate(fmt.Sprintf(`(s => { s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); })(document.querySelector('select[name=%s]'))`, value, name), nil))
	}
	// One facet: only national reports, as many as it said.
	want := f["kind"].Counts["national_report"]
	choose("kind", "national_report")
	hits = searchWait(t, tab, "report")
	if f, docs = facets(); docs != want || len(hits) != min(want, 30) {
		t.Errorf("kind=national_report: %d results (%d shown), want %d", docs, len(hits), want)
	}
	for _, h := range hits {
		if !strings.Contains(h.Text, "National Report") {
			t.Errorf("kind=national_report shows %+v", h)
		}
	}
	// Two facets combine: the one National Report not submitted (Libya).
	if f["state"].Counts["not_submitted"] != 1 {
		t.Errorf("state counts under kind=national_report: %v", f["state"].Counts)
	}
	choose("state", "not_submitted")
	hits = searchWait(t, tab, "report")
	if _, docs = facets(); docs != 1 || len(hits) != 1 || !strings.Contains(hits[0].Title, "Libya") {
		t.Errorf("kind=national_report&state=not_submitted: %d results %+v", docs, hits)
	}
	var loc string
	tab.Run(chromedp.Evaluate(`location.search`, &loc))
	if q, _ := url.ParseQuery(strings.TrimPrefix(loc, "?")); q.Get("q") != "report" || q.Get("kind") != "national_report" || q.Get("state") != "not_submitted" {
		t.Errorf("address = %q", loc)
	}
	// Back: the state facet is undone, the kind facet stays.
	tab.Run(chromedp.NavigateBack())
	hits = searchWait(t, tab, "report")
	var state, kind string
	tab.Run(chromedp.Value("select[name=state]", &state, chromedp.ByQuery), chromedp.Value("select[name=kind]", &kind, chromedp.ByQuery))
	if _, docs = facets(); state != "" || kind != "national_report" || docs != want {
		t.Errorf("after Back: state=%q kind=%q, %d results; want kind only, %d results", state, kind, docs, want)
	}
	searchClean(t, tab, srv)
}

// A shared address opens with its results, and the live region says how many.
func TestSearchOpensWithQueryFromAddress(t *testing.T) {
	t.Parallel()
	tab, srv := searchSite(t)
	searchOpen(t, tab, srv, "q=safety+culture")
	hits := searchWait(t, tab, "safety culture")
	if len(hits) == 0 {
		t.Fatal("no results for ?q=safety+culture")
	}
	if hits[0].Href != "/documents/rm07-summary-report/#para-26" {
		t.Errorf("first result = %+v, want paragraph 26 (Safety Culture)", hits[0])
	}
	var value, status, live string
	tab.Run(chromedp.Value("#search-q", &value, chromedp.ByID),
		chromedp.Text(".search-status", &status, chromedp.ByQuery),
		chromedp.AttributeValue(".search-status", "aria-live", &live, nil, chromedp.ByQuery))
	if value != "safety culture" || live != "polite" || !strings.Contains(status, fmt.Sprint(len(hits))) && !strings.Contains(status, "results") {
		t.Errorf("box %q, live region (%s) %q", value, live, status)
	}
	searchClean(t, tab, srv)
}

// Keyboard: Down moves from the box into the results and through them, Up
// goes back, Enter opens the focused result; Back returns to the search.
func TestSearchKeyboardMovesThroughResultsAndOpensOne(t *testing.T) {
	t.Parallel()
	tab, srv := searchSite(t)
	searchOpen(t, tab, srv, "")
	searchType(tab, "national report fr")
	hits := searchWait(t, tab, "national report fr")
	if len(hits) < 2 {
		t.Fatalf("results = %+v", hits)
	}
	focused := func() string {
		var s string
		tab.Run(chromedp.Evaluate(`document.activeElement.getAttribute('href') || document.activeElement.id`, &s))
		return s
	}
	tab.Run(chromedp.KeyEvent(kb.ArrowDown))
	tab.Run(chromedp.KeyEvent(kb.ArrowDown))
	if got := focused(); got != hits[1].Href {
		t.Errorf("after Down, Down: focus on %q, want %q", got, hits[1].Href)
	}
	tab.Run(chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.ArrowUp))
	if got := focused(); got != "search-q" {
		t.Errorf("after Up, Up: focus on %q, want the box", got)
	}
	tab.Run(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter), chromedp.WaitReady("main h1", chromedp.ByQuery))
	var path string
	tab.Run(chromedp.Evaluate(`location.pathname`, &path))
	if path != hits[0].Href {
		t.Errorf("Enter opened %q, want %q", path, hits[0].Href)
	}
	// Back to the search page (from the browser's cache or loaded again).
	tab.Run(chromedp.Evaluate(`history.back()`, nil))
	searchWait(t, tab, "national report fr")
	searchClean(t, tab, srv)
}

// The header box of every other page: the script is not loaded until the
// reader starts to search; then the first results appear under the box and
// Down, Enter opens one.
func TestSearchHeaderBoxLoadsOnFocusAndShowsResults(t *testing.T) {
	t.Parallel()
	tab, srv := searchSiteToClick(t)
	tab.Run(chromedp.Navigate(srv.URL+"meetings/"), chromedp.WaitReady("#site-search", chromedp.ByID))
	for _, r := range tab.Requests() {
		if strings.Contains(r, "/js/search") || strings.Contains(r, "/search/index.json") {
			t.Errorf("requested before the reader searched: %s", r)
		}
	}
	tab.Run(chromedp.Click("#site-search", chromedp.ByID))
	tab.Run(chromedp.SendKeys("#site-search", "viet", chromedp.ByID))
	hits := searchWait(t, tab, "viet")
	if len(hits) == 0 || hits[0].Href != "/countries/viet-nam/" || len(hits) > 8 {
		t.Fatalf("results under the box = %+v", hits)
	}
	var all string
	tab.Run(chromedp.AttributeValue(".search-all", "href", &all, nil, chromedp.ByQuery))
	if !strings.HasSuffix(all, "/search/?q=viet") {
		t.Errorf("link to all results = %q", all)
	}
	tab.Run(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter), chromedp.WaitReady("main h1", chromedp.ByQuery))
	var path string
	tab.Run(chromedp.Evaluate(`location.pathname`, &path))
	if path != "/countries/viet-nam/" {
		t.Errorf("Enter opened %q", path)
	}
	searchClean(t, tab, srv)
}

// Without JavaScript the header box still leads somewhere useful: the search
// page, which offers the browse pages.
func TestSearchWithoutJavaScriptLeadsToBrowsePages(t *testing.T) {
	t.Parallel()
	tab, srv := searchSite(t)
	tab.Run(emulation.SetScriptExecutionDisabled(true))
	tab.Run(chromedp.Navigate(srv.URL), chromedp.SendKeys("#site-search", "korea\n", chromedp.ByID),
		chromedp.WaitReady(".search-browse", chromedp.ByQuery))
	var loc string
	var links []string
	var help bool
	tab.Run(chromedp.Evaluate(`location.pathname + location.search`, &loc),
		chromedp.Evaluate(`[...document.querySelectorAll('.search-browse a')].map(a => a.getAttribute('href'))`, &links),
		chromedp.Evaluate(`document.querySelector('.search-help').checkVisibility()`, &help))
	if loc != "/search/?q=korea" {
		t.Errorf("the form led to %q", loc)
	}
	// The help on results as one types is untrue without JavaScript (a
	// keyboard review).
	if help {
		t.Error("without JavaScript the search page shows the help on results as one types")
	}
	for _, want := range []string{"/meetings/", "/countries/", "/documents/", "/countries/korea/"} {
		if !slices.Contains(links, want) {
			t.Errorf("the search page without JavaScript has no link to %s", want)
		}
	}
	searchClean(t, tab, srv)
}

// A catalog with "Côte d'Ivoire", built for a subpath: "cote" finds it, and
// the index and links are found below the subpath.
func TestSearchCoteFindsCoteDIvoireUnderSubpath(t *testing.T) {
	t.Parallel()
	data := searchCatalog(t)
	tab := searchBrowser(t)
	srv := Serve(t, BuildSite(t, "--data", data, "--as-of", "2024-01-01", "--base-url", "https://example.org/cns/"), "/cns/")
	searchOpen(t, tab, srv, "")
	searchType(tab, "cote")
	hits := searchWait(t, tab, "cote")
	if len(hits) == 0 || hits[0].Title != "Côte d'Ivoire" || hits[0].Href != "/cns/countries/cote-divoire/" || !slices.Contains(hits[0].Marks, "Côte") {
		t.Fatalf("results for cote = %+v", hits)
	}
	if len(hits) < 2 || !strings.Contains(hits[1].Title, "Côte d'Ivoire: National Report") || !strings.HasPrefix(hits[1].Href, "/cns/documents/") {
		t.Errorf("its report: %+v", hits)
	}
	for _, r := range tab.Requests() {
		if u, _ := url.Parse(r); u != nil && !strings.HasPrefix(u.Path, "/cns/") {
			t.Errorf("request outside the subpath: %s", r)
		}
	}
	searchClean(t, tab, srv)
}

// searchCatalog writes a small catalog with an accented party name.
func searchCatalog(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	files := map[string]string{
		"rules.yaml": `timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, rules: [{from: rm09, public: after_adjournment, days: 90, objection: true}]}
`,
		"parties.yaml": `parties:
  - id: cote-divoire
    name: "Côte d'Ivoire"
    other_names: [Ivory Coast]
    type: state
  - id: ghana
    name: Ghana
    type: state
`,
		"meetings.yaml": `meetings:
  - id: rm09
    type: review
    numbers: [9]
    title: 9th Review Meeting
    opening: 2023-03-20
    adjournment: 2023-03-31
    parties: [cote-divoire, ghana]
`,
		"documents/rm09.yaml": `meeting: rm09
documents:
  - kind: national_report
    party: cote-divoire
  - kind: national_report
    party: ghana
`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// searchBenchQueries are the benchmark's 20 queries over a generated corpus:
// kinds, meetings, party names (accented or not, typed with or without
// accents), other names, titles and summaries, and text of summary reports.
var searchBenchQueries = []string{
	"national report", "summary report", "questions and answers", "country review report",
	"review meeting 12", "cote", "côte syldavia", "türk", "turk wakanda", "sao",
	"syldavia 3", "ruritania genovia", "alias p0042", "title", "summary of the document",
	"cns", "zubrowka elbonia", "genovia national", "meeting discussed", "second paragraph",
}

// BenchmarkSearchKeystroke measures search on a generated corpus of 10,000
// documents: the index's size gzipped, and the time from each keystroke to
// its results on screen in Chromium, typing the 20 queries key by key. The
// time is measured twice: by the browser (Event Timing: from the key event to
// the next frame presented after it was handled, as Interaction to Next
// Paint counts it, in steps of 8 ms) and by a script (from the key event to a
// task after the next frame). The targets of issue 5 (300 KB gzipped, median
// 16 ms, 95th percentile 50 ms) are checked on the browser's figures. It
// builds the corpus's site first (a minute or so). Run it with
//
//	go test ./generator/internal/browsertest -run '^$' -bench SearchKeystroke -benchtime 1x
func BenchmarkSearchKeystroke(b *testing.B) {
	m, err := corpus.Write(filepath.Join(b.TempDir(), "data"), corpus.Options{Seed: 1, Documents: 10000, FileSize: 256})
	if err != nil {
		b.Fatal(err)
	}
	// The end of the corpus's span: the most documents public, the largest index.
	out := BuildSite(b, "--data", m.Dir, "--as-of", m.To.Format(time.RFC3339))
	raw, err := os.ReadFile(filepath.Join(out, "search", "index.json"))
	if err != nil {
		b.Fatal(err)
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz) // the default level, as web servers compress
	w.Write(raw)
	w.Close()

	tab := searchBrowser(b) // it times keys to the next frame painted
	srv := Serve(b, out, "")
	start := time.Now()
	searchOpen(b, tab, srv, "")
	ready := time.Since(start)
	tab.Run(chromedp.Evaluate(`window.searchPaint = {}; new PerformanceObserver(list => {
		for (const e of list.getEntries()) if (e.interactionId) window.searchPaint[e.interactionId] = Math.max(window.searchPaint[e.interactionId] || 0, e.duration);
	}).observe({type: 'event', durationThreshold: 0}); 1`, nil))
	var rendered []float64
	b.ResetTimer()
	for range b.N {
		rendered = rendered[:0]
		for _, q := range searchBenchQueries {
			rendered = append(rendered, searchTypeTimed(b, tab, q)...)
		}
	}
	b.StopTimer()
	time.Sleep(500 * time.Millisecond) // Event Timing entries come after the frame
	var byInteraction map[string]float64
	tab.Run(chromedp.Evaluate(`window.searchPaint`, &byInteraction))
	var paint []float64
	for _, d := range byInteraction {
		paint = append(paint, d)
	}
	if len(paint) < len(rendered)*9/10 {
		b.Fatalf("the browser timed %d of %d keystrokes", len(paint), len(rendered))
	}
	pm, pp := searchPercentiles(paint)
	rm, rp := searchPercentiles(rendered)
	b.ReportMetric(float64(gz.Len())/1000, "index-gzip-kB")
	b.ReportMetric(pm, "paint-median-ms")
	b.ReportMetric(pp, "paint-p95-ms")
	b.ReportMetric(rm, "rendered-median-ms")
	b.ReportMetric(rp, "rendered-p95-ms")
	b.Logf("10,000 documents (%d public as of %s): index %d bytes, %d gzipped; search page ready (index loaded) in %v", searchCountPublic(raw), m.To.Format(time.DateOnly), len(raw), gz.Len(), ready.Round(time.Millisecond))
	b.Logf("%d keystrokes: to the next frame presented (Event Timing): median %.0f ms, p95 %.0f ms; to a task after the next frame (script): median %.1f ms, p95 %.1f ms", len(rendered), pm, pp, rm, rp)
	if gz.Len() > 300_000 || pm > 16 || pp > 50 {
		b.Errorf("over the targets: index %d bytes gzipped (300,000), median %.0f ms (16), p95 %.0f ms (50)", gz.Len(), pm, pp)
	}
	searchClean(b, tab, srv)
}

func searchPercentiles(v []float64) (median, p95 float64) {
	slices.Sort(v)
	return v[len(v)/2], v[(len(v)*95+99)/100-1]
}

// searchTypeTimed clears the box, types q key by key and returns, for each
// key, the milliseconds from the key event to the first frame painted after
// the results were rendered.
func searchTypeTimed(b testing.TB, tab *Tab, q string) []float64 {
	b.Helper()
	tab.Run(chromedp.Evaluate(`(() => {
		const box = document.querySelector('#search-q');
		box.value = '';
		box.dispatchEvent(new Event('input', {bubbles: true}));
		window.searchLatency = [];
		if (!window.searchTimed) {
			window.searchTimed = true;
			// The key's time, then, after the search's own input handler has
			// rendered the results, the first frame after that.
			box.addEventListener('keydown', e => { window.searchKey = e.timeStamp; }, true);
			box.addEventListener('input', () => {
				const t0 = window.searchKey;
				if (t0 === undefined) return;
				window.searchKey = undefined;
				requestAnimationFrame(() => setTimeout(() => window.searchLatency.push(performance.now() - t0), 0));
			});
		}
	})()`, nil))
	var out []float64
	for i, k := range []rune(q) {
		tab.Run(chromedp.SendKeys("#search-q", string(k), chromedp.ByQuery))
		var n int
		deadline := time.Now().Add(10 * time.Second)
		for n <= i {
			time.Sleep(2 * time.Millisecond)
			tab.Run(chromedp.Evaluate(`window.searchLatency.length`, &n))
			if time.Now().After(deadline) {
				b.Fatalf("no results painted after %q", string([]rune(q)[:i+1]))
			}
		}
	}
	tab.Run(chromedp.Evaluate(`window.searchLatency`, &out))
	if got := searchWait(b, tab, q); len(got) == 0 {
		b.Errorf("no results for %q", q)
	}
	return out
}

func searchCountPublic(raw []byte) int {
	var ix struct{ Docs [][]any }
	json.Unmarshal(raw, &ix)
	n := 0
	for _, d := range ix.Docs {
		if d[3].(float64) == 0 {
			n++
		}
	}
	return n
}

// A search page opened with a query in its address (a shared link) moves
// nothing it has drawn when its results come: its count, facets and first
// results come in one frame, the count above the facets, and the results'
// place keeps a screen's height, the browse lists they replace not drawn
// (Lighthouse measured a layout shift of 0.15 on a phone where the facets
// came a frame after the results; where the index came after the first
// paint, the footer moved by 0.18 here). The index is held back until the
// page is painted.
func TestSearchFromTheAddressMovesNothingDrawn(t *testing.T) {
	t.Parallel()
	tab := DrawingBrowser(t) // layout shifts are found when a frame is drawn
	gate := &scriptGate{suffix: "/index.json"}
	srv := serveThrough(t, BuildSite(t, "--as-of", "2017-07-06"), "", gate.wrap)
	gate.close()
	tab.OnNewDocument(`window.shifts = [];
new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.shifts.push([e.value, e.sources.map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '').join(' ')]); }).observe({type: 'layout-shift', buffered: true});`)
	var painted, facets, ok bool
	tab.Run(network.SetCacheDisabled(true), chromedp.EmulateViewport(375, 667),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, _, _, _, err := page.Navigate(srv.URL + "search/?q=finland").Do(ctx)
			return err
		}),
		poll(`performance.getEntriesByName("first-contentful-paint").length > 0`, &painted, 10*time.Second),
		chromedp.Evaluate(`new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`, &ok, awaitPromise))
	gate.release()
	if hits := searchWait(t, tab, "finland"); len(hits) == 0 {
		t.Fatal("finland: no results")
	}
	var shifts [][]any
	tab.Run(poll(`!document.querySelector('.search-facets').hidden`, &facets, 5*time.Second),
		chromedp.Evaluate(`new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`, &ok, awaitPromise),
		chromedp.Evaluate(`window.shifts`, &shifts), network.SetCacheDisabled(false))
	if len(shifts) > 0 {
		t.Errorf("drawing the results of a query in the address moved what was drawn: %v", shifts)
	}
	// Cleared, the browse lists the query kept back are shown; and where
	// the index cannot be had, which the page then says leaves them (a
	// code review found the class could stay, the page a blank screen).
	const browseShown = `getComputedStyle(document.querySelector('.search-browse')).display !== 'none'`
	var browse bool
	tab.Run(chromedp.Evaluate(`(() => { const box = document.querySelector('#search-q'); box.value = ''; box.dispatchEvent(new Event('input', {bubbles: true})); })()`, nil),
		poll(browseShown, &browse, 5*time.Second))
	gate.mu.Lock()
	gate.fail = true
	gate.mu.Unlock()
	var failed string
	tab.Run(network.SetCacheDisabled(true), chromedp.Navigate(srv.URL+"search/?q=finland"),
		poll(`document.querySelector('[data-search-page]').getAttribute('data-search-ready') === 'error'`, &ok, 10*time.Second),
		poll(browseShown, &browse, 5*time.Second),
		chromedp.Evaluate(`document.documentElement.className`, &failed), network.SetCacheDisabled(false))
	if strings.Contains(failed, "search-query") {
		t.Errorf("with no index, the page keeps the browse lists back (class %q)", failed)
	}
}

// In a browser the search script cannot run in (here: no fetch), a page
// opened with a query keeps nothing back: the browse lists, which are the
// page there, show at once (a code review found a blank screen possible
// where the script loads but cannot start).
func TestSearchFromTheAddressWithoutItsScriptShowsTheBrowseLists(t *testing.T) {
	t.Parallel()
	tab, srv := searchSite(t)
	tab.OnNewDocument(`window.fetch = undefined;`)
	var class string
	var shown bool
	tab.Run(chromedp.Navigate(srv.URL+"search/?q=finland"),
		chromedp.Evaluate(`document.documentElement.className`, &class),
		chromedp.Evaluate(`getComputedStyle(document.querySelector('.search-browse')).display !== 'none'`, &shown))
	if strings.Contains(class, "search-query") || !shown {
		t.Errorf("with no fetch, the page keeps its browse lists back (class %q, shown %v)", class, shown)
	}
}
