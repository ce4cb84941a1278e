package browsertest

// Search in every language of the site (issue 21), on the fixture as of 6
// July 2017 in all six languages (the site the other language tests load):
// each language's search page loads its own index, whose spelling the
// script applies as Go does; a country's name in the language finds it
// first, and its English name too; what the script writes (the suggestion,
// other names, dates) is in the page's language, and the catalog's English
// words are marked as English.

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/searchindex"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// languageSamples exercise the rules of each script: Cyrillic letters with
// marks, Arabic harakat, tatweel, alef, yeh and teh marbuta forms, digits
// and presentation forms, the Arabic article, Han runs of every length and
// mixed with other letters, full-width Latin letters and digits; Arabic
// plurals, regular and broken, with and without the article.
var languageSamples = []string{
	"Ёлка ЁЖ Китай", "Российская Федерация", "Республика Корея",
	"Албании Албанией Албанию Албанья", "доклад доклады докладов докладами", "Китая Кореи Корее Чили Перу кита",
	"Российской Федерацией национального безопасностью", "ия иями ие ь а",
	"أَلْبَانِيَا", "ألبـــانيا", "إآٱأ", "مصطفى", "جمهورية كوريا", "مؤتمر رئيس", "٢٠١٧ ۲۰۱۷", "ﻻ ﷲ", "کوریا", "هٰذا",
	"الجزائر", "والصين", "للطاقة", "الم", "ال", "وال",
	"التقارير الوطنية", "والأسئلة الأجوبة", "اجتماعات اتفاقيات", "الدول للدول", "الصين",
	"阿尔巴尼亚", "阿", "第7次审议会议", "CNS第７次", "法国、中国", "ＣＮＳ／２０１７", "𠀀𠀁", "大韩民国Korea",
	"Regulators’ ageing programmes",
	"informes nacionales reuniones de examen ciudades Partes Contratantes",
	"reunión de revisión exámenes revisiones",
	"rapports nationaux internationaux travaux",
	"7.ª reunión, 7-е совещание 8-го 1-a 2017-05-01 CNS/7RM/2017/08 No. 8-ab-c",
}

// searchOpenIn opens a language's search page (prefix "ru/", or "" for
// English) and waits for its index.
func searchOpenIn(t testing.TB, tab *Tab, srv *Server, prefix string) {
	t.Helper()
	var ready bool
	tab.Run(chromedp.Navigate(srv.URL+prefix+"search/"),
		poll(`document.querySelector('[data-search-page]').getAttribute('data-search-ready') === 'true'`, &ready, 20*time.Second))
}

// searchRetype replaces the box's query with q at once, as a paste does:
// one input event instead of a search per key (typing key by key is
// tested where it matters, TestSearchFindsVietNamAsYouType and the
// keyboard tests), which took most of the time of the ranking tests.
func searchRetype(tab *Tab, q string) {
	arg, _ := json.Marshal(q)
	tab.Run(chromedp.Evaluate(`(q => { const box = document.querySelector('#search-q'); box.value = q; box.dispatchEvent(new Event('input', {bubbles: true})); })(`+string(arg)+`)`, nil))
}

// searchFound types each query into the open search page's box in turn, as
// searchRetype does, in one script, and gives what each finds: the states
// its results select and the number of their documents ("public: 12";
// "none: 0" when it selects no state), and the other spelling the page
// offers for it ("" when none).
func searchFound(t testing.TB, tab *Tab, queries []string) map[string]searchOutcome {
	t.Helper()
	arg, _ := json.Marshal(queries)
	var found []struct {
		Q, Err string
		searchOutcome
	}
	js := `(async qs => {
		const box = document.querySelector('#search-q'), out = [];
		for (const q of qs) {
			box.value = q;
			box.dispatchEvent(new Event('input', {bubbles: true}));
			const t0 = performance.now();
			let l;
			while (!((l = document.querySelector('.search-results')) && l.getAttribute('data-query') === q)) {
				if (performance.now() - t0 > 10000) break;
				await new Promise(r => setTimeout(r, 4));
			}
			if (!l || l.getAttribute('data-query') !== q) { out.push({q, err: 'no results after 10 s'}); continue; }
			const p = document.querySelector('.search-suggest');
			out.push({q, found: (l.getAttribute('data-states') || 'none') + ': ' + (l.getAttribute('data-documents') || '0'), offered: p.hidden ? '' : p.textContent});
		}
		return out;
	})(` + string(arg) + `)`
	if err := chromedp.Run(tab.Ctx, chromedp.Evaluate(js, &found, awaitPromise)); err != nil {
		t.Fatalf("searching %d queries: %v (console: %v)", len(queries), err, tab.ConsoleErrors())
	}
	res := map[string]searchOutcome{}
	for _, f := range found {
		if f.Err != "" {
			t.Errorf("searching %q: %s", f.Q, f.Err)
		}
		res[f.Q] = f.searchOutcome
	}
	return res
}

// searchOutcome is what a query typed on the search page finds (searchFound).
type searchOutcome struct {
	Found   string `json:"found"`   // "public restricted: 12"
	Offered string `json:"offered"` // the "did you mean" line, "" when hidden
}

func TestSearchInEveryLanguage(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	site := allLanguagesSite(t)
	srv := Serve(t, site, "")
	tabs := newTabPool(t, searchBrowser)
	strs := themetest.Strings(t)
	for _, tc := range []struct {
		lang    string
		queries []string // each finds Albania first
	}{
		{"ru", []string{"Албания", "албан", "Albania", "Албании", "Албанией", "Албанию"}},
		{"ar", []string{"ألبانيا", "البانيا", "أَلْبَانِيَا", "Albania"}},
		{"zh", []string{"阿尔巴尼亚", "巴尼亚", "ＡＬＢＡＮＩＡ", "Albania", "阿爾巴尼亞"}},
		{"fr", []string{"Albanie", "Albania"}},
		{"es", []string{"Albania"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			t.Parallel()
			tab := tabs.take(t)
			prefix := tc.lang + "/"
			searchOpenIn(t, tab, srv, prefix)

			// The page loads its language's index.
			var index string
			tab.Run(chromedp.Evaluate(`document.querySelector('[data-search-page]').dataset.searchIndex`, &index))
			if want := "/" + searchindex.PathOf(tc.lang, "en"); index != want {
				t.Errorf("the search page loads %q, want %q", index, want)
			}

			// The script folds, splits and makes terms as Go does, with the
			// spelling that index carries.
			sp := searchindex.SpellingOf(tc.lang)
			samples := append(slices.Clone(foldSamples), languageSamples...)
			var js struct {
				Fold  []string     `json:"fold"`
				Words [][]string   `json:"words"`
				Terms [][][]string `json:"terms"`
			}
			arg, _ := json.Marshal(samples)
			tab.Run(chromedp.Evaluate(`(s => ({
				fold: s.map(cnsSearch.fold),
				words: s.map(x => cnsSearch.words(x)),
				terms: s.map(x => cnsSearch.words(x).map(cnsSearch.indexForms)),
			}))(`+string(arg)+`)`, &js))
			for i, s := range samples {
				if got, want := at(js.Fold, i), sp.Fold(s); got != want {
					t.Errorf("fold(%q): script %q, Go %q", s, got, want)
				}
				var words []string
				var terms [][]string
				for _, w := range sp.Words(s) {
					words = append(words, w)
					terms = append(terms, sp.IndexForms(w))
				}
				if i >= len(js.Words) || !slices.Equal(js.Words[i], words) {
					t.Errorf("words(%q): script %q, Go %q", s, at(js.Words, i), words)
				}
				if i >= len(js.Terms) || fmt.Sprint(js.Terms[i]) != fmt.Sprint(terms) {
					t.Errorf("terms of %q: script %q, Go %q", s, at(js.Terms, i), terms)
				}
			}

			// Albania first, by its name in the language and in English,
			// named in the language; France by its English name.
			name := localName(t, site, prefix, "albania")
			for _, q := range tc.queries {
				searchRetype(tab, q)
				hits := searchWait(t, tab, q)
				if len(hits) == 0 || hits[0].Href != "/"+prefix+"countries/albania/" || hits[0].Title != name {
					t.Errorf("%q: first result %+v, want Albania (%s)", q, searchFirst(hits), name)
				}
				if len(hits) > 1 && hits[1].Href != "/"+prefix+"documents/rm07-nr-albania/" {
					t.Errorf("%q: second result %+v, want Albania's National Report", q, hits[1])
				}
			}
			searchRetype(tab, "France")
			if hits := searchWait(t, tab, "France"); len(hits) == 0 || hits[0].Href != "/"+prefix+"countries/france/" {
				t.Errorf("France: first result %+v", searchFirst(hits))
			}

			// A meeting by its title in the language (the fixture
			// translates the 7th's into French), shown in it and not
			// marked English, with its place in the language.
			if tc.lang == "fr" {
				const q = "7e réunion"
				searchRetype(tab, q)
				hits := searchWait(t, tab, q)
				var meeting struct {
					Title, TitleLang, Meta string
				}
				tab.Run(chromedp.Evaluate(`(() => { const li = document.querySelector('.search-results > li'), tt = li.querySelector('.search-hit-title');
					return {Title: tt.textContent, TitleLang: (tt.firstChild.nodeType === 1 ? tt.firstChild : tt).closest('[lang]').lang, Meta: li.querySelector('.search-hit-meta').textContent}; })()`, &meeting))
				if len(hits) == 0 || hits[0].Href != "/fr/meetings/rm07/" || meeting.Title != "7e réunion d'examen" || meeting.TitleLang != "fr" || !strings.Contains(meeting.Meta, "Vienne, Autriche") {
					t.Errorf("%q: first result %+v, shown %+v; want the 7th meeting, titled and placed in French", q, searchFirst(hits), meeting)
				}
			}

			// French: by its kind's plural in -aux.
			if tc.lang == "fr" {
				const q = "rapports nationaux albanie"
				searchRetype(tab, q)
				if hits := searchWait(t, tab, q); len(hits) == 0 || hits[0].Href != "/fr/documents/rm07-nr-albania/" {
					t.Errorf("%q: first result %+v, want Albania's National Report", q, searchFirst(hits))
				}
			}
			// Arabic: a report is found by its kind's plural, with or
			// without the article, and by a word not yet typed whole.
			if tc.lang == "ar" {
				for _, q := range []string{"تقارير ألبانيا", "التقارير الوطنية ألبانيا", "ألبانيا التقر"} {
					searchRetype(tab, q)
					hits := searchWait(t, tab, q)
					if len(hits) == 0 || hits[0].Href != "/ar/documents/rm07-nr-albania/" {
						t.Errorf("%q: first result %+v, want Albania's National Report", q, searchFirst(hits))
					}
				}
				// A meeting by a word its title writes without the
				// article («اجتماع الاستعراض السابع»), typed with it.
				for _, q := range []string{"الاجتماع السابع", "اجتماع السابع"} {
					searchRetype(tab, q)
					if hits := searchWait(t, tab, q); len(hits) == 0 || hits[0].Href != "/ar/meetings/rm07/" {
						t.Errorf("%q: first result %+v, want the 7th meeting", q, searchFirst(hits))
					}
				}
			}
			if tc.lang == "zh" {
				// A joint meeting by one of its numbers, typed as a meeting
				// of that number alone: 第八次审议会议 finds the joint
				// meeting (第八次和第九次联合审议会议) first, though its pair
				// 次审 is only the 7th meeting's (a reader's review found
				// nothing).
				for _, q := range []string{"第八次审议会议", "第九次审议会议"} {
					searchRetype(tab, q)
					if hits := searchWait(t, tab, q); len(hits) == 0 || hits[0].Href != "/zh/meetings/rm08-09/" {
						t.Errorf("%q: first result %+v, want the joint meeting", q, searchFirst(hits))
					}
				}
			}

			// The catalog's words are marked as English, the page's own
			// are not: the country's name in the language, the state, the
			// date; its English name among its other names is.
			var marks struct {
				Country   string      `json:"country"`
				Others    string      `json:"others"`
				DocTitle  string      `json:"docTitle"`
				DocParts  [][2]string `json:"docParts"`
				Kind      string      `json:"kind"`
				KindLabel string      `json:"kindLabel"`
				State     string      `json:"state"`
				Date      string      `json:"date"`
				Meta      string      `json:"meta"`
				Options   []string    `json:"options"`
				NR        string      `json:"nr"`
				NRCount   string      `json:"nrCount"`
				Alls      [][3]string `json:"alls"`
			}
			searchRetype(tab, tc.queries[0])
			searchWait(t, tab, tc.queries[0])
			tab.Run(chromedp.Evaluate(`(() => {
				const lang = e => { if (!e) return 'missing'; const el = e.nodeType === 1 ? e : e.parentElement; return (el.closest('[lang]') || {}).lang; };
				const [country, doc] = document.querySelectorAll('.search-results > li');
				return {
					country: lang(country.querySelector('.search-hit-title').firstChild),
					others: lang(country.querySelector('.search-hit-meta span[lang]')),
					docTitle: doc.querySelector('.search-hit-title').textContent,
					docParts: [...doc.querySelectorAll('.search-hit-title [lang]')].map(e => [e.lang, e.textContent]),
					kind: lang(doc.querySelector('.search-hit-type')),
					kindLabel: doc.querySelector('.search-hit-type').textContent,
					state: lang(doc.querySelector('.state')),
					date: lang(doc.querySelector('time')),
					meta: country.querySelector('.search-hit-meta').textContent,
					options: [...document.querySelectorAll('select[name=kind] option')].map(o => lang(o)),
					nr: document.querySelector('select[name=kind] option[value=national_report]').textContent,
					nrCount: document.querySelector('select[name=kind] option[value=national_report]').dataset.count,
					alls: [...document.querySelectorAll('.search-facets select')].map(s => [s.name, s.options[0].textContent, s.options[0].dataset.count]),
				};
			})()`, &marks))
			// Each menu's first choice, "All (n)", in the words that agree
			// with the menu's noun where the language has them (French
			// «Toutes» for «Réunion d'examen»: search_facet_all_<menu>).
			for _, a := range marks.Alls {
				want := strs[tc.lang]["search_facet_all_"+a[0]]["other"]
				if want == "" {
					want = strs[tc.lang]["search_facet_all"]["other"]
				}
				if want = strings.ReplaceAll(want, "{n}", a[2]); a[1] != want {
					t.Errorf("the menu %s begins with %q; want %q", a[0], a[1], want)
				}
			}
			page, others := themetest.Locale(t, tc.lang), "en"
			if name == "Albania" {
				others = "missing" // the name in the language is the English one
			}
			// The kind in the language where the catalog translates it
			// (the index's kind_names), else in English, marked.
			kindLabel, kindLang := "National Report", "en"
			if names := indexKindNames(t, site, prefix); len(names) > 0 && names[0] != "" {
				kindLabel, kindLang = names[0], page
			}
			if marks.Country != page || marks.Others != others || marks.Kind != kindLang || marks.KindLabel != kindLabel || marks.State != page || marks.Date != page {
				t.Errorf("languages of a result's parts: %+v; want the country's name, state and date in %s, the kind %q in %s, the rest in en", marks, page, kindLabel, kindLang)
			}
			// A document's title as its page's heading writes it, in the
			// page's language, with the same parts marked as English.
			heading, headingParts := pageHeading(t, site, prefix+"documents/rm07-nr-albania/")
			if marks.DocTitle != heading || fmt.Sprint(marks.DocParts) != fmt.Sprint(headingParts) {
				t.Errorf("Albania's report is titled %q (parts in other languages %q); its page's heading is %q (%q)", marks.DocTitle, marks.DocParts, heading, headingParts)
			}
			if want := strings.ReplaceAll(strs[tc.lang]["search_other_names"]["other"], "{names}", "Albania"); others == "en" && !strings.Contains(marks.Meta, want) {
				t.Errorf("the country's other names: %q, want %q", marks.Meta, want)
			}
			if want := strings.NewReplacer("{value}", kindLabel, "{n}", marks.NRCount).Replace(strs[tc.lang]["search_facet_value"]["other"]); marks.NR != want {
				t.Errorf("kind menu: %q, want %q", marks.NR, want)
			}
			for i, l := range marks.Options {
				if want := map[bool]string{true: page, false: kindLang}[i == 0]; l != want {
					t.Errorf("kind menu option %d is in %q, want %q", i, l, want)
				}
			}

			// Days as the document's page writes them.
			var day string
			tab.Run(chromedp.Evaluate(`document.querySelectorAll('.search-results > li')[1].querySelector('time[datetime="2017-07-06"]').textContent`, &day))
			if want := pageDay(t, site, prefix+"documents/rm07-nr-albania/", "2017-07-06"); day != want {
				t.Errorf("the result writes 6 July 2017 as %q, the document's page as %q", day, want)
			}

			// A query that finds nothing offers a better one, in the
			// language's words and punctuation.
			searchRetype(tab, "safty culture")
			if hits := searchWait(t, tab, "safty culture"); len(hits) != 0 {
				t.Fatalf("\"safty culture\" found %d results; the test needs none", len(hits))
			}
			var suggest string
			tab.Run(poll(`(() => { const p = document.querySelector('.search-suggest'); return !p.hidden && p.textContent; })()`, &suggest, 10*time.Second))
			if want := strings.ReplaceAll(strs[tc.lang]["search_did_you_mean"]["other"], "{q}", "safety culture"); suggest != want {
				t.Errorf("suggestion %q, want %q", suggest, want)
			}
			// A Russian word mistyped is offered back as the texts write
			// it, not as the stem the index holds ("албан"), with the
			// capital the reader typed.
			if tc.lang == "ru" {
				searchRetype(tab, "Албнии")
				if hits := searchWait(t, tab, "Албнии"); len(hits) != 0 {
					t.Fatalf("\"Албнии\" found %d results; the test needs none", len(hits))
				}
				tab.Run(poll(`(() => { const p = document.querySelector('.search-suggest'); return !p.hidden && p.textContent; })()`, &suggest, 10*time.Second))
				if want := strings.ReplaceAll(strs[tc.lang]["search_did_you_mean"]["other"], "{q}", "Албания"); suggest != want {
					t.Errorf("suggestion %q, want %q", suggest, want)
				}
			}
			searchClean(t, tab, srv)
		})
	}
}

// The header box of a page in another language searches that language's
// index: "Албания" under the box of a Russian page finds Albania first.
func TestSearchHeaderBoxInAnotherLanguage(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tab := DrawingBrowser(t) // it clicks
	tab.Run(chromedp.Navigate(srv.URL+"ru/meetings/"), chromedp.WaitReady("#site-search", chromedp.ByID))
	tab.Run(chromedp.Click("#site-search", chromedp.ByID), chromedp.SendKeys("#site-search", "Албания", chromedp.ByID))
	hits := searchWait(t, tab, "Албания")
	if len(hits) == 0 || hits[0].Href != "/ru/countries/albania/" || hits[0].Title != "Албания" {
		t.Errorf("results under the box: %+v", hits)
	}
	var loaded []string
	for _, r := range tab.Requests() {
		if strings.HasSuffix(r, "/index.json") {
			loaded = append(loaded, r)
		}
	}
	if len(loaded) != 1 || !strings.HasSuffix(loaded[0], "/ru/search/index.json") {
		t.Errorf("indexes loaded: %v, want /ru/search/index.json alone", loaded)
	}
	searchClean(t, tab, srv)
}

var h1Re = regexp.MustCompile(`<h1[^>]*>(?:<span[^>]*>)?([^<]*)`)

// localName is a party's name on its page in a language.
func localName(t testing.TB, site, prefix, id string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(prefix+"countries/"+id+"/index.html")))
	if err != nil {
		t.Fatal(err)
	}
	m := h1Re.FindSubmatch(b)
	if m == nil {
		t.Fatalf("%scountries/%s/ has no heading", prefix, id)
	}
	return string(m[1])
}

// indexKindNames are the kind_names of a language's search index.
func indexKindNames(t testing.TB, site, prefix string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(prefix+"search/index.json")))
	if err != nil {
		t.Fatal(err)
	}
	var ix struct {
		KindNames []string `json:"kind_names"`
	}
	if err := json.Unmarshal(b, &ix); err != nil {
		t.Fatal(err)
	}
	return ix.KindNames
}

// pageHeading is a built page's <h1> as text, and its parts marked with a
// language, as [lang, text] pairs.
func pageHeading(t testing.TB, site, page string) (string, [][2]string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(page+"index.html")))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s has no heading", page)
	}
	var parts [][2]string
	for _, p := range regexp.MustCompile(`<span lang="([^"]+)">([^<]*)</span>`).FindAllSubmatch(m[1], -1) {
		parts = append(parts, [2]string{string(p[1]), html.UnescapeString(string(p[2]))})
	}
	return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(m[1]), "")), parts
}

// pageDay is how a built page writes a day (its first <time> of it).
func pageDay(t testing.TB, site, page, day string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(page+"index.html")))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<time datetime="` + day + `">([^<]*)</time>`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s does not write %s", page, day)
	}
	return string(m[1])
}

// A meeting found by its officer's name shows its officers in the page's
// language: the role in the language's word (officer_president), the
// person's name as the catalog has it, marked as English.
func TestSearchShowsOfficersInThePageLanguage(t *testing.T) {
	t.Parallel()
	strs := themetest.Strings(t)
	srv := Serve(t, allLanguagesSite(t), "")
	tab := searchBrowser(t)
	for _, lang := range []string{"fr", "ar", "zh"} {
		searchOpenIn(t, tab, srv, lang+"/")
		searchRetype(tab, "Jammal")
		hits := searchWait(t, tab, "Jammal")
		if len(hits) == 0 || hits[0].Href != "/"+lang+"/meetings/rm07/" {
			t.Fatalf("%s: results for Jammal = %+v, want the 7th Review Meeting first", lang, hits)
		}
		role := strs[lang]["officer_president"]["other"]
		if !strings.Contains(hits[0].Text, role) || strings.Contains(hits[0].Text, "President") {
			t.Errorf("%s: the meeting's officers read %q, want the role as %q", lang, hits[0].Text, role)
		}
		// The person's title in the language, as the meeting's page writes it.
		title := strings.Join(strings.Fields(strings.ReplaceAll(strs[lang]["honorific_mr"]["other"], "{{ .Name }}", "Ramzi Jammal")), " ")
		if !strings.Contains(hits[0].Text, title) || strings.Contains(hits[0].Text, "Mr ") {
			t.Errorf("%s: the meeting's officers read %q, want the person as %q", lang, hits[0].Text, title)
		}
		b, err := os.ReadFile(filepath.Join(allLanguagesSite(t), lang, "meetings", "rm07", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if page := strings.Join(strings.Fields(html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(b), ""))), " "); !strings.Contains(page, title) {
			t.Errorf("%s: the meeting's page does not name the person as %q", lang, title)
		}
		var nameLang string
		tab.Run(chromedp.Evaluate(`(() => { const m = [...document.querySelectorAll('.search-results > li mark')].find(m => m.textContent === 'Jammal'); return m ? (m.closest('[lang]') || document.documentElement).lang : '' })()`, &nameLang))
		if nameLang != "en" {
			t.Errorf("%s: the officer's name is marked %q, want en", lang, nameLang)
		}
	}
	searchClean(t, tab, srv)
}

// A meeting's result says when it was held as the meeting's page does, in
// the page's language: its two days as <time>s in the page's long date,
// joined as meeting_held_days joins them, and no English month.
func TestSearchShowsMeetingDaysInThePageLanguage(t *testing.T) {
	t.Parallel()
	site := allLanguagesSite(t)
	srv := Serve(t, site, "")
	tab := searchBrowser(t)
	tags := regexp.MustCompile(`<[^>]*>`)
	page := func(lang, id string) []byte {
		b, err := os.ReadFile(filepath.Join(site, lang, "meetings", id, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, lang := range []string{"fr", "ar", "zh", "ru"} {
		searchOpenIn(t, tab, srv, lang+"/")
		// The 7th meeting was held across two months, the joint meeting
		// within one: the page writes each as a span (meetingdates.html),
		// its days as <time>s, and so must the result.
		for _, m := range []struct{ id, q, opening, adjournment string }{
			{"rm07", "Jammal", "2017-03-27", "2017-04-07"},
			{"rm08-09", "joint", "2023-03-20", "2023-03-31"},
		} {
			// (Two days of one month are held on one line by a span.)
			const text = `(?:[^<]|<span class="day-range">|</span>)*`
			held := regexp.MustCompile(`<dd>(` + text + `<time datetime="` + m.opening + `">[^<]*</time>` + text + `<time datetime="` + m.adjournment + `">[^<]*</time>` + text + `)</dd>`)
			found := held.FindSubmatch(page(lang, m.id))
			if found == nil {
				t.Fatalf("%s: the page of %s does not write its days", lang, m.id)
			}
			want := html.UnescapeString(tags.ReplaceAllString(string(found[1]), ""))
			searchRetype(tab, m.q)
			hits := searchWait(t, tab, m.q)
			if len(hits) == 0 || hits[0].Href != "/"+lang+"/meetings/"+m.id+"/" {
				t.Fatalf("%s: results for %s = %+v, want the meeting %s first", lang, m.q, hits, m.id)
			}
			var shown struct {
				Meta  string   `json:"meta"`
				Times []string `json:"times"`
			}
			tab.Run(chromedp.Evaluate(`(() => { const m = document.querySelector('.search-results > li .search-hit-meta');
			return {meta: m.textContent, times: [...m.querySelectorAll('time')].map(t => t.dateTime + ' ' + (t.closest('[lang]') || document.documentElement).lang)}; })()`, &shown))
			if !strings.Contains(shown.Meta, want) || strings.Contains(shown.Meta, "March") {
				t.Errorf("%s: the result of %s reads %q, want its days as its page writes them, %q", lang, m.id, shown.Meta, want)
			}
			if wantTimes := []string{m.opening + " " + themetest.Locale(t, lang), m.adjournment + " " + themetest.Locale(t, lang)}; !slices.Equal(shown.Times, wantTimes) {
				t.Errorf("%s: the result's days are %q, want %q", lang, shown.Times, wantTimes)
			}
		}
		// The closing day, typed as the meeting's timeline writes it ("7
		// avril 2017", "7 апреля 2017 г."), finds the meeting first.
		day := regexp.MustCompile(`<span class="tl-date"><time datetime="2017-04-07">([^<]*)</time>`).FindSubmatch(page(lang, "rm07"))
		if day == nil {
			t.Fatalf("%s: the 7th meeting's timeline does not write its closing day", lang)
		}
		closing := html.UnescapeString(string(day[1]))
		searchRetype(tab, closing)
		if hits := searchWait(t, tab, closing); len(hits) == 0 || hits[0].Href != "/"+lang+"/meetings/rm07/" {
			t.Errorf("%s: results for %q = %+v, want the 7th Review Meeting first", lang, closing, hits)
		}
	}
	searchClean(t, tab, srv)
}

// Two names that share their first letters in every language (issue 21):
// Austria and Australia, Австрия and Австралия, النمسا and أستراليا,
// 奥地利 and 澳大利亚. On each language's search page, either name, in the
// language or in English (and in Russian an inflected form), finds its own
// country first: a word matched whole outranks one it only begins.
func TestSearchTellsAustriaFromAustralia(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	site := austriaSite(t)
	srv := Serve(t, site, "")
	tab := searchBrowser(t)
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		prefix := themetest.Prefix(lang)
		searchOpenIn(t, tab, srv, prefix)
		extra := map[string][]string{}
		if lang == "ru" {
			extra["austria"] = []string{"Австрии", "австрию"}
			extra["australia"] = []string{"Австралии"}
		}
		// Every party by its name in the language and in English.
		for _, id := range []string{"austria", "australia", "belarus", "russia", "sri-lanka", "public-islands"} {
			name := localName(t, site, prefix, id)
			english := map[string]string{"austria": "Austria", "australia": "Australia", "belarus": "Belarus", "russia": "Russian Federation", "sri-lanka": "Sri Lanka", "public-islands": "Public Islands"}[id]
			queries := append([]string{name, english}, extra[id]...)
			for _, q := range queries {
				searchRetype(tab, q)
				hits := searchWait(t, tab, q)
				if len(hits) == 0 || hits[0].Href != "/"+prefix+"countries/"+id+"/" {
					t.Errorf("/%ssearch/ %q: first result %+v, want %s (%s)", prefix, q, searchFirst(hits), id, name)
				}
			}
		}
	}
	// A meeting's title typed with its number in words finds the meeting
	// first, before a report whose own title names it so (this catalog
	// has the English titles alone; TestMeetingFoundByItsNumberInWords
	// has the others).
	for _, q := range []struct{ prefix, q string }{{"", "ninth review meeting"}, {"fr/", "ninth review meeting"}} {
		searchOpenIn(t, tab, srv, q.prefix)
		searchRetype(tab, q.q)
		if hits := searchWait(t, tab, q.q); len(hits) == 0 || hits[0].Href != "/"+q.prefix+"meetings/rm09/" {
			t.Errorf("/%ssearch/ %q: first result %+v, want the 9th Review Meeting", q.prefix, q.q, searchFirst(hits))
		} else if len(hits) < 3 || hits[1].Href != "/"+q.prefix+"documents/rm09-summary-report/" || hits[2].Href != "/"+q.prefix+"documents/rm09-nr-austria/" {
			// Then the meeting's own document, its Summary Report, before
			// its parties' reports, Austria's first, whose title names
			// the meeting (it came first of all documents).
			t.Errorf("/%ssearch/ %q: results %+v, want the meeting, its Summary Report, then Austria's report", q.prefix, q.q, hits[:min(4, len(hits))])
		}
	}
	// A name that begins with what is typed comes before one that only
	// holds it: 俄罗斯 finds the Russian Federation (俄罗斯联邦) before
	// Belarus (白俄罗斯), a reader's review found it after.
	searchOpenIn(t, tab, srv, "zh/")
	searchRetype(tab, "俄罗斯")
	if hits := searchWait(t, tab, "俄罗斯"); len(hits) < 2 || hits[0].Href != "/zh/countries/russia/" {
		t.Errorf("/zh/search/ 俄罗斯: results %+v, want the Russian Federation first", hits)
	} else {
		// And its report before Belarus's.
		var docs []string
		for _, h := range hits {
			if strings.Contains(h.Href, "/documents/") {
				docs = append(docs, h.Href)
			}
		}
		if len(docs) < 2 || docs[0] != "/zh/documents/rm09-nr-russia/" {
			t.Errorf("/zh/search/ 俄罗斯: documents %q, want the Russian Federation's report first", docs)
		}
	}
}

// A document's own title in a language of its own (title_lang) is marked
// with it in the search results, on the English page as on the French,
// and not on a page in its language; an English title on the French page
// keeps its lang="en" (issue 21).
func TestSearchMarksATitleWithItsOwnLanguage(t *testing.T) {
	t.Parallel()
	tab := searchBrowser(t)
	membership := filepath.Join(Repo, "generator", "internal", "cli", "testdata", "membership")
	site := BuildSite(t, "--data", membership, "--as-of", "2024-01-01", "--languages", "en,fr,es,zh,ar")
	srv := Serve(t, site, "")
	const titleLangs = `Object.fromEntries([...document.querySelectorAll('.search-results > li')].map(li => [
  li.querySelector('a').getAttribute('href'),
  (li.querySelector('.search-hit-title [lang]') || { lang: '' }).lang,
]))`
	const madeTitles = `Object.fromEntries([...document.querySelectorAll('.search-results > li')].map(li => [
  li.querySelector('a').getAttribute('href'), li.querySelector('.search-hit-type').textContent,
]))`
	for _, tc := range []struct {
		prefix, q  string
		href, want string
	}{
		{"", "carpania", "/documents/rm07-nr-carpania/", "es"},
		{"fr/", "carpania", "/fr/documents/rm07-nr-carpania/", "es"},
		{"fr/", "eighth", "/fr/documents/rm08-09-nr8-aland/", "en"},
		// Chinese writes the report's number in words, as the meeting's
		// title does (i18n report_number): the script as the page.
		{"zh/", "eighth", "/zh/documents/rm08-09-nr8-aland/", "en"},
		// Arabic, as an ordinal after the kind («التقرير الوطني الثامن»).
		{"ar/", "eighth", "/ar/documents/rm08-09-nr8-aland/", "en"},
		{"es/", "carpania", "/es/documents/rm07-nr-carpania/", ""}, // the page's own language
	} {
		searchOpenIn(t, tab, srv, tc.prefix)
		searchRetype(tab, tc.q)
		searchWait(t, tab, tc.q)
		var langs map[string]string
		tab.Run(chromedp.Evaluate(titleLangs, &langs))
		if got, ok := langs[tc.href]; !ok || got != tc.want {
			t.Errorf("/%ssearch/ %q: the title of %s is marked %q (found %v), want %q: %v", tc.prefix, tc.q, tc.href, got, ok, tc.want, langs)
		}
		// A title of its own may name neither party nor meeting: the
		// result says them, as the title its page makes of them
		// (template[data-title-then], titlethen.html).
		var made map[string]string
		tab.Run(chromedp.Evaluate(madeTitles, &made))
		id := path.Base(tc.href)
		meeting := map[string]string{"rm07-nr-carpania": "rm07", "rm08-09-nr8-aland": "rm08-09"}[id]
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(tc.prefix+"meetings/"+meeting+"/index.html")))
		if err != nil {
			t.Fatal(err)
		}
		then := regexp.MustCompile(`data-doc="` + id + `"[^>]*><template data-title-then>(.*?)</template>`).FindSubmatch(b)
		if then == nil {
			t.Fatalf("the grid of %s gives %s no title made of its parts", meeting, id)
		}
		if want := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(then[1]), "")); made[tc.href] != want {
			t.Errorf("/%ssearch/ %q: %s is said to be %q, want %q", tc.prefix, tc.q, tc.href, made[tc.href], want)
		}
		if word := map[string]string{"zh/": "第八次", "ar/": "الثامن"}[tc.prefix]; word != "" && !strings.Contains(made[tc.href], word) {
			t.Errorf("/%ssearch/: %s is said to be %q, without %s (its number in words)", tc.prefix, tc.href, made[tc.href], word)
		}
	}
}

// Chinese is written without spaces between words: words typed together
// find what the same words apart find, though a pair of characters that
// spans them ("亚公" of "阿尔巴尼亚公开") is in no record (search.js
// match leaves such a pair out).
func TestChineseWordsTypedTogetherFindWhatTheyFindApart(t *testing.T) {
	t.Parallel()
	site := allLanguagesSite(t)
	srv := Serve(t, site, "")
	tab := searchBrowser(t)
	searchOpenIn(t, tab, srv, "zh/")
	hrefs := func(q string) []string {
		searchRetype(tab, q)
		var out []string
		for _, h := range searchWait(t, tab, q) {
			out = append(out, h.Href)
		}
		return out
	}
	apart, together := hrefs("阿尔巴尼亚 公开"), hrefs("阿尔巴尼亚公开")
	if !slices.Contains(apart, "/zh/documents/rm07-nr-albania/") {
		t.Fatalf("阿尔巴尼亚 公开 finds %q, not Albania's public report", apart)
	}
	if !slices.Equal(apart, together) {
		t.Errorf("阿尔巴尼亚公开 finds %q; apart, the words find %q", together, apart)
	}
	// A pair of characters alone that no record holds still finds nothing.
	if got := hrefs("国阿"); len(got) != 0 {
		t.Errorf("国阿 finds %q, want nothing", got)
	}
	searchClean(t, tab, srv)
}

// The words a reader types for a state in each language ("published",
// «опубликован», 已公开, «منشور» for public; «ограничен», 限制, «مقيد» for
// restricted; search_<state>_words) select the state as its name does:
// alone, they list every document in it, as many in every language (a
// reader's review found them finding nothing). "Not public" (its name,
// state_unknown, and search_not_public_words: "unpublished", 不公开,
// «закрыт») lists every document that is not public, not the public
// ones matching "not".
func TestSearchStateWordsSelectTheStateInEveryLanguage(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tab := searchBrowser(t)
	states := []string{"public", "scheduled", "withheld", "restricted", "not_submitted", "withdrawn", "not_public"}
	want := map[string]string{} // by state, what its English name finds
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		strs := themetest.StringsIn(t, lang)
		searchOpenIn(t, tab, srv, themetest.Prefix(lang))
		// Every query of the language is run in one script in the page
		// (searchFound): a round trip to the browser for each of some 180
		// queries took most of this test's time.
		names := map[string]string{} // by state, its name
		var queries []string
		for _, st := range states {
			name := strs["state_"+st]
			if st == "not_public" {
				name = strs["state_unknown"]
			}
			names[st] = name
			if strs["search_"+st+"_words"] == "" {
				t.Errorf("%s: no other words for %s (search_%s_words)", lang, st, st)
			}
			queries = append(queries, name)
			queries = append(queries, strings.Split(strs["search_"+st+"_words"], "|")...)
		}
		var notStates []string
		for _, w := range strings.Split(strs["search_not_state_words"], "|") {
			if w != "" {
				notStates = append(notStates, w)
			}
		}
		found := searchFound(t, tab, append(queries, notStates...))
		statusRead := false
		for _, st := range states {
			name := names[st]
			got := found[name].Found
			if lang == "en" {
				want[st] = got
			}
			if got != want[st] {
				t.Errorf("%s: the name of %s, %q, finds %s; in English %s", lang, st, name, got, want[st])
			}
			for _, w := range strings.Split(strs["search_"+st+"_words"], "|") {
				if n := found[w].Found; n != want[st] {
					t.Errorf("%s: %q finds %s; the state %s's name finds %s", lang, w, n, st, want[st])
				}
			}
			if !strings.HasSuffix(got, ": 0") {
				continue
			}
			// A state no document is in offers no other spelling of its
			// name (a review found «Vouliez-vous dire non ?» after «Non
			// divulgué»),
			if o := found[name].Offered; o != "" {
				t.Errorf("%s: %q finds no document and offers %q", lang, name, o)
			}
			// and says so, by its name, as of the index's day (read for
			// one state per language: the live region is written once
			// typing has paused for 300 ms, and each state's is the same
			// sentence).
			if statusRead {
				continue
			}
			statusRead = true
			searchRetype(tab, name)
			searchWait(t, tab, name)
			arg, _ := json.Marshal(name)
			var status string
			tab.Run(poll(`(n => { const s = document.querySelector('.search-status').textContent; return s.includes(n) && s; })(`+string(arg)+`)`, &status, 3*time.Second))
			tab.Run(chromedp.Evaluate(`document.querySelector('.search-status').textContent`, &status))
			if !strings.Contains(status, name) || !strings.Contains(status, "2017") {
				t.Errorf("%s: %q finds no document and says %q; want it to say no document is %q as of the day", lang, name, status, name)
			}
		}
		// A word that reads as a state's name once its accents are left
		// out, but is a word of its own (French «programme»), selects no
		// state.
		for _, w := range notStates {
			if n := found[w].Found; !strings.HasPrefix(n, "none:") {
				t.Errorf("%s: %q is no state's name (search_not_state_words) but finds %s", lang, w, n)
			}
		}
	}
	// Each name selects its state, "not public" every state but public,
	// and finds every document in them.
	sum := 0
	for _, st := range states {
		sel, n, _ := strings.Cut(want[st], ": ")
		wantSel := st
		if st == "not_public" {
			wantSel = strings.Join(states[1:6], " ")
		}
		if sel != wantSel {
			t.Errorf("in English, the name of %s selects %q, want %q", st, sel, wantSel)
		}
		if k, _ := strconv.Atoi(n); st != "public" && st != "not_public" {
			sum += k
		}
	}
	if want["not_public"] != strings.Join(states[1:6], " ")+": "+strconv.Itoa(sum) || strings.HasSuffix(want["public"], ": 0") || sum == 0 {
		t.Errorf("in English: %v; want \"not public\" to find the %d documents in the states but public", want, sum)
	}
	searchClean(t, tab, srv)
}

// A paragraph of a report whose own title is in another language than the
// page's names the report by the title made of its kind and meeting in the
// page's language, as the report's page does in the window's title (a
// review found the English title alone under a paragraph on /es/).
func TestSearchParagraphNamesItsReportInThePageLanguage(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	site := allLanguagesSite(t)
	srv := Serve(t, site, "")
	tab := searchBrowser(t)
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		prefix := themetest.Prefix(lang)
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(prefix+"documents/rm07-summary-report/index.html")))
		if err != nil {
			t.Fatal(err)
		}
		// The window's title: the report's, then the site's.
		m := regexp.MustCompile(`<title>(.*?) · `).FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: the Summary Report's page has no title", lang)
		}
		want := html.UnescapeString(string(m[1]))
		searchOpenIn(t, tab, srv, prefix)
		searchRetype(tab, "supply chain")
		searchWait(t, tab, "supply chain")
		var got struct{ Href, Of string }
		tab.Run(chromedp.Evaluate(`(li => ({Href: li.querySelector('a').getAttribute('href'), Of: li.querySelector('.search-hit-type').textContent}))(document.querySelector('.search-results > li'))`, &got))
		if got.Href != "/"+prefix+"documents/rm07-summary-report/#para-31" || got.Of != want {
			t.Errorf("/%ssearch/ \"supply chain\": the first result %s is of %q; want paragraph 31, of %q", prefix, got.Href, got.Of, want)
		}
	}
	searchClean(t, tab, srv)
}

// A document's result says its state and its day in the order and with
// the joiner its language uses (search_state_when): in Chinese «公开，自…起»,
// not «公开 自…起», which a reader's review found.
func TestSearchStateAndDayReadInChinese(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tab := searchBrowser(t)
	searchOpenIn(t, tab, srv, "zh/")
	searchRetype(tab, "阿尔巴尼亚")
	searchWait(t, tab, "阿尔巴尼亚")
	var metas []string
	tab.Run(chromedp.Evaluate(`[...document.querySelectorAll('.search-results > li.search-hit-document .search-hit-meta')].map(p => p.textContent)`, &metas))
	found := false
	for _, m := range metas {
		if strings.Contains(m, "公开 ") {
			t.Errorf("a result says %q: a space between the state and its day", m)
		}
		found = found || strings.Contains(m, "公开，")
	}
	if !found {
		t.Errorf("no document's result says «公开，» and its day: %q", metas)
	}
	searchClean(t, tab, srv)
}
