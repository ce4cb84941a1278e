package browsertest

// The contract between the search index (Go, generator/internal/searchindex)
// and the script that searches it (themes/cns/assets/js/search.js): both fold
// words the same way, the script decodes the terms the generator encodes,
// and a fixed set of queries ranks as it always has. A change to either side
// that breaks the other fails here, in a real browser (issue 14).

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/searchindex"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// foldSamples exercise every rule of the folding: case, marks, the letters
// spelt out, scripts other than Latin, digits and punctuation.
var foldSamples = []string{
	"Côte d'Ivoire", "COTE D'IVOIRE", "Türkiye", "TÜRKİYE", "Việt Nam", "Straße", "Ærøskøbing",
	"Œuvre", "Łódź", "Đà Nẵng", "Þingvellir", "ıspanak", "Ħamrun", "Ŋ", "Ελλάδα", "Россия",
	"Česko", "naïve café", "e\u0301te\u0301", "北京", "٢٠١٧", "CNS/7RM/2017/08/Final", "Korea (Republic of)",
	"the former Yugoslav Republic of Macedonia", "São Tomé", "Ðe", "",
}

// termSamples are sorted words whose front coding is easy to get wrong:
// shared prefixes, letters outside the Basic Multilingual Plane (two UTF-16
// code units each), long shared runs.
var termSamples = func() []string {
	ts := []string{"a", "ab", "abc", "abd", "b", "cote", "coted", "𝒜𝒜x", "𝒜𝒜y", "ивуар", "ивуари",
		strings.Repeat("z", 60) + "1", strings.Repeat("z", 60) + "2", "viet", "vietnam"}
	slices.Sort(ts)
	return ts
}()

// rankingWant are the first results of fixed queries on the fixture catalog
// as of 6 July 2017. A change to the ranking shows here; if it is meant,
// change these with it.
var rankingWant = map[string][]string{
	"albania":            {"/countries/albania/", "/documents/rm07-nr-albania/", "/documents/rm07-summary-report/#para-4"},
	"czech republic":     {"/countries/czechia/", "/documents/rm07-nr-czechia/", "/documents/rm07-summary-report/#para-4"},
	"turkey":             {"/countries/turkiye/", "/documents/rm07-nr-turkiye/", "/documents/rm07-summary-report/#para-4"},
	"viet":               {"/countries/viet-nam/", "/documents/rm07-nr-viet-nam/", "/documents/rm07-summary-report/#para-4"},
	"national report fr": {"/documents/rm07-nr-france/", "/documents/rm07-summary-report/#para-37", "/documents/rm07-summary-report/#para-20"},
	"netherlands 6th":    {"/documents/rm06-nr-netherlands/"},
	"summary report":     {"/documents/rm07-summary-report/", "/documents/rm07-summary-report/#para-9", "/documents/rm07-summary-report/#para-19"},
	"safety culture":     {"/documents/rm07-summary-report/#para-26", "/documents/rm07-summary-report/#para-19"},
	"supply chain":       {"/documents/rm07-summary-report/#para-31"},
	"ageing":             {"/documents/rm07-summary-report/#para-32", "/documents/rm07-summary-report/#para-31"},
	"aging":              {"/documents/rm07-summary-report/#para-32", "/documents/rm07-summary-report/#para-31"},
	"regulators":         {"/documents/rm07-summary-report/#para-28", "/documents/rm07-summary-report/#para-19", "/documents/rm07-summary-report/#para-24"},
}

func TestSearchScriptKeepsTheIndexContract(t *testing.T) {
	t.Parallel()
	tab, srv := searchSite(t)
	searchOpen(t, tab, srv, "")

	// Folding and words.
	var js struct {
		Fold  []string   `json:"fold"`
		Words [][]string `json:"words"`
	}
	samples, _ := json.Marshal(foldSamples)
	tab.Run(chromedp.Evaluate(`(s => ({fold: s.map(cnsSearch.fold), words: s.map(x => cnsSearch.words(x))}))(`+string(samples)+`)`, &js))
	for i, s := range foldSamples {
		if i >= len(js.Fold) || js.Fold[i] != searchindex.Fold(s) {
			t.Errorf("fold(%q): script %q, Go %q", s, at(js.Fold, i), searchindex.Fold(s))
		}
		want := searchindex.Words(s)
		if i >= len(js.Words) || !slices.Equal(js.Words[i], want) && !(len(js.Words[i]) == 0 && len(want) == 0) {
			t.Errorf("words(%q): script %q, Go %q", s, at(js.Words, i), want)
		}
	}

	// Terms: spelling variants, -ise and -our spellings and plurals give
	// the same term on both sides.
	termSamples := []string{
		"ageing", "aging", "organisation", "organizations", "organise", "organised", "realising", "authorisation",
		"behaviour", "behaviours", "colour", "contour", "contours", "hour", "regulators", "regulator", "authorities",
		"processes", "approaches", "analysis", "status", "series", "species", "plants", "expertise", "exercise",
		"licence", "programmes", "centre", "nucleus", "always", "issues", "measures", "netherlands", "specialist",
		"criticism", "ies", "sses", "s", "", "türkiye", "côte",
	}
	var jsTerms []string
	arg, _ := json.Marshal(termSamples)
	tab.Run(chromedp.Evaluate(`(`+string(arg)+`).map(w => cnsSearch.term(w))`, &jsTerms))
	for i, w := range termSamples {
		if i >= len(jsTerms) || jsTerms[i] != searchindex.Term(w) {
			t.Errorf("term(%q): script %q, Go %q", w, at(jsTerms, i), searchindex.Term(w))
		}
	}
	for _, pair := range [][2]string{{"ageing", "aging"}, {"organisation", "organization"}, {"regulators", "regulator"}, {"behaviour", "behavior"}, {"programmes", "program"}} {
		if a, b := searchindex.Term(pair[0]), searchindex.Term(pair[1]); a != b {
			t.Errorf("%q and %q are different terms: %q, %q", pair[0], pair[1], a, b)
		}
	}

	// Terms: the index's own, and the hard cases.
	site := BuildSite(t, "--as-of", "2017-07-06")
	b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(searchindex.Path)))
	if err != nil {
		t.Fatal(err)
	}
	var ix struct {
		Terms string `json:"terms"`
	}
	if err := json.Unmarshal(b, &ix); err != nil {
		t.Fatal(err)
	}
	for name, coded := range map[string]string{"the index": ix.Terms, "hard cases": searchindex.EncodeTerms(termSamples)} {
		var got []string
		arg, _ := json.Marshal(coded)
		tab.Run(chromedp.Evaluate(`cnsSearch.decodeTerms(`+string(arg)+`)`, &got))
		want := searchindex.DecodeTerms(coded)
		if len(want) == 0 {
			t.Fatalf("%s: no terms to decode", name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the script decodes %d terms, Go %d; first difference at %d", name, len(got), len(want), firstDiff(got, want))
		}
	}
	if got := searchindex.DecodeTerms(searchindex.EncodeTerms(termSamples)); !slices.Equal(got, termSamples) {
		t.Errorf("Go does not round-trip the hard cases: %q", got)
	}

	// Ranking of fixed queries.
	for _, q := range slices.Sorted(mapKeys(rankingWant)) {
		searchRetype(tab, q)
		hits := searchWait(t, tab, q)
		var got []string
		for _, h := range hits[:min(len(hits), len(rankingWant[q]))] {
			got = append(got, h.Href)
		}

		if !slices.Equal(got, rankingWant[q]) {
			t.Errorf("query %q ranks %q first, want %q", q, got, rankingWant[q])
		}
	}
	searchClean(t, tab, srv)
}

func at[T any](s []T, i int) any {
	if i < len(s) {
		return s[i]
	}
	return "(missing)"
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func mapKeys[M ~map[string]V, V any](m M) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Issue 15: a query that finds nothing offers the closest query that does
// ("safty culture" → "safety culture"), and a facet menu that cannot
// narrow the results is not shown.
func TestSearchSuggestsAndHidesMenusThatCannotNarrow(t *testing.T) {
	t.Parallel()
	tab, srv := searchSiteToClick(t)
	searchOpen(t, tab, srv, "")
	searchType(tab, "safty culture")
	if hits := searchWait(t, tab, "safty culture"); len(hits) != 0 {
		t.Fatalf("\"safty culture\" found %d results; the test needs none", len(hits))
	}
	var suggest struct {
		Hidden bool   `json:"hidden"`
		Text   string `json:"text"`
		Href   string `json:"href"`
	}
	tab.Run(chromedp.Evaluate(`(() => { const p = document.querySelector('.search-suggest'), a = p.querySelector('a'); return {hidden: p.hidden, text: p.textContent, href: a ? a.getAttribute('href') : ''}; })()`, &suggest))
	if suggest.Hidden || suggest.Text != "Did you mean safety culture?" || suggest.Href != "?q=safety%20culture" {
		t.Errorf("suggestion = %+v, want Did you mean safety culture? linking to ?q=safety%%20culture", suggest)
	}
	tab.Run(chromedp.Click(".search-suggest a", chromedp.ByQuery))
	if hits := searchWait(t, tab, "safety culture"); len(hits) == 0 || hits[0].Href != "/documents/rm07-summary-report/#para-26" {
		t.Errorf("following the suggestion: %+v", hits)
	}

	// "libya": the document and paragraphs of one meeting, so the meeting
	// menu cannot narrow them; the kind menu can (a report, paragraphs).
	tab.Run(chromedp.Evaluate(`(() => { const box = document.querySelector('#search-q'); box.value = ''; box.dispatchEvent(new Event('input', {bubbles: true})); })()`, nil))
	searchType(tab, "libya")
	searchWait(t, tab, "libya")
	var shown map[string]bool
	tab.Run(poll(`(() => { const f = document.querySelector('.search-facets'); if (f.hidden) return false; return Object.fromEntries([...f.querySelectorAll('select')].map(s => [s.name, !s.parentNode.hidden])); })()`, &shown, 10*time.Second))
	if shown["meeting"] || !shown["kind"] {
		t.Errorf("menus shown for libya: %v; want no meeting menu (one meeting) and a kind menu", shown)
	}
	if s := searchSuggestHidden(tab); !s {
		t.Error("a query with results still shows a suggestion")
	}
	searchClean(t, tab, srv)
}

func searchSuggestHidden(tab *Tab) bool {
	var hidden bool
	tab.Run(chromedp.Evaluate(`document.querySelector('.search-suggest').hidden`, &hidden))
	return hidden
}

// "Did you mean" writes the word it offers as the site's texts write it,
// accents and all ("réunion", not the folded "reunion" the index holds),
// and keeps the other words as typed; it offers what a reader meant, and
// nothing where nothing close was meant.
func TestSearchSuggestsWordsAsTheTextsWriteThem(t *testing.T) {
	t.Parallel()
	site := allLanguagesSite(t)
	srv := Serve(t, site, "")
	tab := searchBrowser(t)
	prefix := "-"
	// offered is what the search page of a language offers for a query
	// that finds nothing ("" for nothing offered).
	offered := func(lang, q string) string {
		t.Helper()
		if p := themetest.Prefix(lang); p != prefix {
			searchOpenIn(t, tab, srv, p)
			prefix = p
		}
		searchRetype(tab, q)
		if hits := searchWait(t, tab, q); len(hits) != 0 {
			t.Fatalf("%q found %d results; the test needs none", q, len(hits))
		}
		// The page writes what it offers before it marks the list with
		// the query (data-query), which searchWait waits for.
		var said string
		tab.Run(chromedp.Evaluate(`(p => p.hidden ? "" : p.textContent)(document.querySelector('.search-suggest'))`, &said))
		return said
	}
	for _, c := range []struct {
		lang, q string
		want    string // in what is offered; "" for nothing offered
		not     string // not in it
	}{
		{"fr", "Albanie reunionn", "Albanie réunion", ""},
		// Of words as close, one with every letter typed, in order: a
		// letter left out ("rapor": "rapport").
		{"fr", "rapor", "rapport", ""},
		// A name with the capital the texts write, though typed without.
		{"fr", "albanje", "Albanie", ""},
		// Words that find nothing together: the query without the one
		// that keeps it from finding anything («تقرير مصر», a party with
		// no report, offers «مصر»).
		{"en", "Albania qxqxqx", "Albania", "qxqx"},
		// Two letters swapped are one change; a state's name is offered
		// though it is no term of the index.
		{"en", "Fracne", "France", ""},
		{"en", "witheld", "withheld", ""},
		// Two letters changed in a word typed with seven or more, its
		// first letter right.
		{"ru", "Албниия", "Албания", ""},
		// A word of a name the party is only searched by, which no page
		// writes: the fixture's Korea is «République de Corée» on French
		// pages, "Corée du Sud" in CLDR (a reader's review: «Росия» was
		// offered nothing, «Россия» being such a name).
		{"fr", "Corée du Sudd", "Corée du Sud", ""},
		// Two letters changed in a short word make another word: «Катар»
		// (Qatar, not in the fixture) is not offered «Китай» (China).
		{"ru", "Катар", "", ""},
	} {
		got := offered(c.lang, c.q)
		if c.want == "" && got != "" || !strings.Contains(got, c.want) || c.not != "" && strings.Contains(got, c.not) {
			t.Errorf("/%ssearch/ %q offers %q; want %q", themetest.Prefix(c.lang), c.q, got, c.want)
		}
	}
	searchClean(t, tab, srv)
}
