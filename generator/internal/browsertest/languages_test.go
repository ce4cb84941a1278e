package browsertest

// The site in each of its six languages, in a browser (issue 21): on the
// pages whose content differs by language (home, a meeting, a country, a
// document, the ledger on a past day, the search page), the checks every
// page gets (axe, its colour rules in Arabic only as English is checked
// in full elsewhere; nothing clipped or wider than its box at 320 and
// 1280 px, and 375 under CNS_TEST_EXHAUSTIVE; links, no request off the
// site): every Arabic page, and each page in one of the other four
// languages in turn (all four under CNS_TEST_EXHAUSTIVE); and the language
// switcher, followed by keyboard-free clicks, leading to the same page in
// each language and back. With -artifacts the Arabic pages' screenshots are kept.

import (
	"context"
	"math"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// allLanguagesSite is the fixture as of 6 July 2017 in every language.
func allLanguagesSite(t testing.TB) string {
	return BuildSite(t, "--as-of", "2017-07-06", "--languages", "en,ar,zh,fr,ru,es")
}

// languageCases are the pages that differ by language, with a word each
// must show in it: its state, its heading, the navigation.
var languageCases = []struct {
	name, path string
	only       []string // the languages it is checked in, where not every one
}{
	{"home", "", nil},
	{"meeting", "meetings/rm07/", nil},
	{"country", "countries/albania/", nil},
	{"document-public", "documents/rm07-nr-albania/", nil},
	{"ledger-past-day", "documents/?on=2017-05-01", nil},
	{"search", "search/?q=albania", nil},
	// The states' badges beside their definitions (a review found Russian
	// badges over the definitions' first words at 1024 px), and the
	// figures' tables as cards (a Russian value past its card at 320 px):
	// in the language of the longest words, and the one written right to
	// left (the others share their markup and style).
	{"publication", "publication/", []string{"ar", "ru"}},
	{"figures", "figures/", []string{"ar", "ru"}},
}

func TestEveryLanguageInBrowser(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	axeSrc := AxeSource(t)
	srv := Serve(t, allLanguagesSite(t), "")
	links := &LinkChecker{Client: &http.Client{Timeout: 10 * time.Second}}
	tabs := newTabPool(t, Browser)
	strs := themetest.Strings(t)
	for li, lang := range []string{"ar", "zh", "fr", "ru", "es"} {
		for ci, lc := range languageCases {
			// The main content is in the language: the home page's first
			// heading, the breadcrumbs' first link elsewhere.
			word := strs[lang]["nav_home"]["other"]
			if lc.name == "home" {
				word = strs[lang]["home_latest_meeting"]["other"]
			}
			// Colours are checked in English (TestEveryKindOfPageInBrowser)
			// and in Arabic, whose layout is mirrored; the other languages
			// share the English pages' markup and style sheet.
			//
			// Every Arabic page is checked. zh, fr, ru and es have the
			// markup of one another: in a developer's run each page kind
			// is checked in one of them, in turn; under CNS_TEST_EXHAUSTIVE
			// (which .ci/run sets) in all four, axe included.
			if lc.only != nil && !slices.Contains(lc.only, lang) {
				continue
			}
			if lang != "ar" && lc.only == nil && !corpus.Exhaustive() && (li-1) != ci%4 {
				continue
			}
			pc := pageCase{name: lang + "-" + lc.name, path: lang + "/" + lc.path, want: []string{word}, sameColours: lang != "ar"}
			t.Run(pc.name, func(t *testing.T) {
				t.Parallel()
				checkPage(t, tabs.take(t), srv, links, axeSrc, pc)
			})
		}
	}
}

// The switcher leads from a page to the same page in each other language,
// and from there back: every link of every switcher on the way. Each of the
// six pages is opened once (not once per link: the pages a switcher leads
// to are these six), and every link is checked against what the page it
// names holds.
func TestLanguageSwitcherRoundTrips(t *testing.T) {
	t.Parallel()
	srv := Serve(t, allLanguagesSite(t), "")
	tab := Browser(t)
	const page = "documents/rm07-nr-albania/"
	prefixes := []string{"", "ar/", "zh/", "fr/", "ru/", "es/"}
	type seen struct {
		Lang  string   `json:"lang"`
		Dir   string   `json:"dir"`
		Hrefs []string `json:"hrefs"`
	}
	pages := map[string]seen{} // by path, "/ar/documents/…"
	for _, p := range prefixes {
		var s seen
		tab.Run(chromedp.Navigate(srv.URL+p+page),
			chromedp.Evaluate(`({lang: document.documentElement.lang, dir: document.documentElement.dir,
				hrefs: [...document.querySelectorAll(".nav-row nav.languages a")].map(a => a.getAttribute("href"))})`, &s))
		pages["/"+p+page] = s
	}
	for _, from := range prefixes {
		here := "/" + from + page
		s := pages[here]
		if len(s.Hrefs) != len(prefixes)-1 {
			t.Fatalf("%s: the switcher has %d links, want %d", here, len(s.Hrefs), len(prefixes)-1)
		}
		if (s.Lang == "ar") != (s.Dir == "rtl") {
			t.Errorf("%s: lang %q, dir %q", here, s.Lang, s.Dir)
		}
		for _, href := range s.Hrefs {
			there, ok := pages[href]
			if !ok || href == here {
				t.Errorf("%s leads to %s, not the same page in another language", here, href)
				continue
			}
			if !contains(there.Hrefs, here) {
				t.Errorf("%s (lang %s) does not lead back to %s: %v", href, there.Lang, here, there.Hrefs)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// What the scripts write comes in the page's language (issue 21): on the
// ledger on a past day, the day in the note and the intro is written as
// the templates write that day in the language (here as the meeting's page
// writes its closing day), and the counts in the templates' digits; on a
// report, the copy-link buttons are named by the language's string and
// marked with its language inside the English text; on a meeting's page on
// that day, its map says each party's state in the language's words, with
// the day it is due and the map's day as the page writes them. Every
// check in English and Arabic; in a developer's run one of the three in
// each of the other four languages, in turn.
func TestScriptsSpeakThePageLanguage(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tabs := newTabPool(t, Browser)
	strs := themetest.Strings(t)
	const day = "2017-04-07" // the 7th meeting adjourned
	for li, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		prefix := themetest.Prefix(lang)
		// The three checks below (the ledger, the map, the copy buttons):
		// all of them in English and Arabic; in zh, fr, ru and es, which
		// have the markup of one another, one each in turn in a
		// developer's run, all under CNS_TEST_EXHAUSTIVE.
		checks := func(k int) bool { return li < 2 || corpus.Exhaustive() || k == li%3 }
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			tab := tabs.take(t)
			// The days as the meeting's page writes one day (its timeline;
			// its days held are a span), which the ledger's and the map's
			// checks compare with.
			var server, due string
			if checks(0) || checks(1) {
				tab.Run(chromedp.Navigate(srv.URL+prefix+"meetings/rm07/"),
					chromedp.Evaluate(`document.querySelector('.tl-date time[datetime="`+day+`"]').textContent`, &server),
					chromedp.Evaluate(`document.querySelector('time[datetime="2017-07-06"]').textContent`, &due))
			}

			if checks(0) {
				var note, intro string
				var counts []string
				tab.Run(chromedp.Navigate(srv.URL+prefix+"documents/?on="+day),
					poll(`(() => { const t = document.querySelector('.day-note time[datetime="`+day+`"]'); return t ? t.textContent : false })()`, &note, 5*time.Second),
					chromedp.Evaluate(`document.querySelector(".ledger-intro time").textContent`, &intro),
					chromedp.Evaluate(`[...document.querySelectorAll(".ledger-counts .count")].map(c => c.textContent)`, &counts))
				if server == "" || note != server || intro != server {
					t.Errorf("the day %s: the meeting's page writes %q, the ledger's note %q and intro %q", day, server, note, intro)
				}
				for _, c := range counts {
					if strings.Trim(c, "0123456789") != "" {
						t.Errorf("a count of the ledger is written %q, not in the templates' digits", c)
					}
				}
			}

			if checks(1) {
				var shown bool
				var row, name, desc string
				var mapCounts []string
				tab.Run(chromedp.Navigate(srv.URL+prefix+"meetings/rm07/?on="+day),
					poll(`!!document.querySelector(".day-note time")`, &shown, 5*time.Second),
					chromedp.Evaluate(`document.querySelector('#wm tr[data-party="albania"] td').textContent`, &row),
					chromedp.Evaluate(`document.querySelector('#wm a.wm-party[data-party="albania"]').getAttribute("aria-label")`, &name),
					chromedp.Evaluate(`document.querySelector("#wm svg > desc").textContent`, &desc),
					chromedp.Evaluate(`[...document.querySelectorAll("#wm .wm-legend .wm-count")].map(c => c.textContent)`, &mapCounts))
				// The state follows a colon ("Albania: National Report:
				// scheduled"): in lower case where the language writes a
				// word there so (label_after_colon).
				word := strs[lang]["state_scheduled"]["other"]
				if strs[lang]["label_after_colon"]["other"] == "lower" {
					r, n := utf8.DecodeRuneInString(word)
					word = string(unicode.ToLower(r)) + word[n:]
				}
				if !strings.Contains(row, word) || due == "" || !strings.Contains(row, due) || !strings.HasSuffix(name, row) {
					t.Errorf("on %s the map's row of Albania says %q and its shape %q; want the words %q and %q", day, row, name, word, due)
				}
				if server == "" || !strings.Contains(desc, server) {
					t.Errorf("on %s the map's description does not write the day as the page does (%q): %q", day, server, desc)
				}
				for _, c := range mapCounts {
					if c == "" || strings.Trim(c, "0123456789") != "" {
						t.Errorf("a count of the map's legend is written %q, not in the templates' digits", c)
					}
				}
			}

			if checks(2) {
				var label, labelLang, statusLang string
				tab.Run(chromedp.Navigate(srv.URL+prefix+"documents/rm07-summary-report/"),
					chromedp.WaitReady(`#para-18 button.copy-link`, chromedp.ByQuery),
					chromedp.Evaluate(`document.querySelector("#para-18 button.copy-link").textContent.trim()`, &label),
					chromedp.Evaluate(`document.querySelector("#para-18 button.copy-link span").closest("[lang]").lang`, &labelLang),
					chromedp.Evaluate(`document.querySelector(".copy-status").closest("[lang]").lang`, &statusLang))
				if want := strings.ReplaceAll(strs[lang]["copy_link_label"]["other"], "{n}", "18"); label != want {
					t.Errorf("copy button's name %q, want %q", label, want)
				}
				if labelLang != themetest.Locale(t, lang) || statusLang != themetest.Locale(t, lang) {
					t.Errorf("the button's name is marked %q and its status %q, want %q", labelLang, statusLang, themetest.Locale(t, lang))
				}
				// The sentence saying the text is in English comes before
				// its contents, whose headings are the text's (a reader's
				// review met the English contents first), and is drawn above
				// them, not below the whole text (another review found it
				// there on a wide screen).
				var noteFirst bool
				tab.Run(chromedp.Evaluate(`(() => { const n = document.getElementById("doc-language"), c = document.getElementById("doc-contents");
					return !!n && !!c && !!(n.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) && n.getBoundingClientRect().bottom <= c.getBoundingClientRect().top; })()`, &noteFirst))
				if lang != "en" && !noteFirst {
					t.Error("the summary report's page does not say its text's language before its contents")
				}
			}
			if c := tab.ConsoleErrors(); len(c) > 0 {
				t.Errorf("console errors: %v", c)
			}
		})
	}
}

// On an Arabic page, text marked as another language runs left to right,
// isolated from the Arabic around it, whether the page or a script wrote
// it: "20 October 2021" is not drawn as "October 2021 20". (An SVG chart
// or map places its labels for the page's direction itself.)
func TestOtherLanguagesRunLeftToRightInArabic(t *testing.T) {
	t.Parallel()
	srv := Serve(t, allLanguagesSite(t), "")
	tab := Browser(t)
	for _, path := range []string{"ar/meetings/rm07/", "ar/about/", "ar/search/?q=Albania"} {
		var got struct {
			Marked int
			Wrong  []string
		}
		// The search page's results are the script's: wait for them.
		var ready bool
		tab.Run(chromedp.Navigate(srv.URL+path), poll(`!document.querySelector('[data-search-page]') || document.querySelector('[data-search-page]').getAttribute('data-search-ready') === 'true'`, &ready, 20*time.Second), chromedp.Evaluate(`(() => {
			const marked = [...document.querySelectorAll("main [lang]")].filter(e => !e.getAttribute("lang").startsWith("ar") && !e.closest("svg"));
			return {Marked: marked.length, Wrong: marked.filter(e => { const s = getComputedStyle(e); return s.direction !== "ltr" || !/isolate/.test(s.unicodeBidi); })
				.slice(0, 5).map(e => e.tagName + "[lang=" + e.getAttribute("lang") + "] " + e.textContent.slice(0, 40))};
		})()`, &got))
		if got.Marked == 0 {
			t.Errorf("%s: no text marked as another language; the test needs some", path)
		}
		for _, w := range got.Wrong {
			t.Errorf("%s: %s does not run left to right, isolated", path, w)
		}
	}
}

// The note of a past day in Chinese joins its sentences, and the link back,
// as Chinese writes them: with no space after a full stop (a reader's
// review found «…尚不存在。 此处…»).
func TestPastDayNoteInChineseHasNoSpaceBetweenSentences(t *testing.T) {
	t.Parallel()
	srv := Serve(t, allLanguagesSite(t), "")
	tab := Browser(t)
	var note string
	tab.Run(chromedp.Navigate(srv.URL+"zh/documents/?on=2017-05-01"), poll(`(n => !n.hidden && n.textContent)(document.querySelector(".day-note"))`, &note, 10*time.Second))
	if !strings.Contains(note, "。") || strings.Contains(note, "。 ") {
		t.Errorf("the Chinese note of a past day reads %q; want its sentences joined with no space", note)
	}
}

// On an Arabic page, the catalog's note in English (catalognote.html)
// stands on lines of its own, left-aligned, as English reads, not aligned
// to the right under the Arabic label (a reader's review): the membership
// fixture's Drusia.
func TestEnglishNoteReadsLeftAlignedInArabic(t *testing.T) {
	t.Parallel()
	membership := filepath.Join(Repo, "generator", "internal", "cli", "testdata", "membership")
	srv := Serve(t, BuildSite(t, "--data", membership, "--as-of", "2024-01-01", "--languages", "en,fr,es,zh,ar"), "")
	tab := Browser(t)
	var got struct {
		Found              bool
		Direction, Display string
		Left, BoxLeft      float64
	}
	tab.Run(chromedp.EmulateViewport(375, 800), chromedp.Navigate(srv.URL+"ar/countries/drusia/"), chromedp.Evaluate(`(() => {
		const e = document.querySelector("main .note .note-text[lang=en]");
		if (!e) return {Found: false};
		const s = getComputedStyle(e), r = document.createRange();
		r.selectNodeContents(e);
		return {Found: true, Direction: s.direction, Display: s.display, Left: r.getClientRects()[0].left, BoxLeft: e.getBoundingClientRect().left};
	})()`, &got))
	if !got.Found {
		t.Fatal("the Arabic page of Drusia has no note in English")
	}
	if got.Direction != "ltr" || got.Display != "block" || got.Left-got.BoxLeft > 1 {
		t.Errorf("the English note runs %s, displayed %s, its first line %.0f px from its box's left edge; want a left-aligned block", got.Direction, got.Display, got.Left-got.BoxLeft)
	}
}

// Every row label of every chart of the figures page lies within its
// chart, in every language: a label wider than the chart (the fixture's
// Russian title of the joint meeting) is drawn to the chart's width, not
// cut off at its edge (a reader's review found «…по рассмотрени»).
func TestChartLabelsFitTheirChartInEveryLanguage(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tab := Browser(t)
	type overflow struct {
		Chart string  `json:"chart"`
		Label string  `json:"label"`
		Left  float64 `json:"left"`
		Right float64 `json:"right"`
		Width float64 `json:"width"`
	}
	labels := 0
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		prefix := themetest.Prefix(lang)
		var out struct {
			Labels    int        `json:"labels"`
			Over      []overflow `json:"over"`
			Stretched []string   `json:"stretched"`
		}
		tab.Run(chromedp.Navigate(srv.URL+prefix+"figures/"), chromedp.Evaluate(`(() => {
			const over = [], stretched = []; let labels = 0;
			for (const svg of document.querySelectorAll('svg.chart')) {
				const width = svg.viewBox.baseVal.width;
				// A text drawn to its room (textLength) is only ever narrowed:
				// drawn as it is, it is wider than that room.
				for (const text of svg.querySelectorAll('text[textLength]')) {
					const plain = text.cloneNode(true);
					plain.removeAttribute('textLength'); plain.removeAttribute('lengthAdjust');
					text.after(plain);
					const natural = plain.getComputedTextLength(), room = text.textLength.baseVal.value;
					plain.remove();
					if (natural < room - 1) stretched.push(text.textContent + ": " + natural.toFixed(0) + " drawn to " + room.toFixed(0));
				}
				for (const text of svg.querySelectorAll('g[data-row] > text:first-child')) {
					labels++;
					const b = text.getBBox();
					if (b.x < -1.5 || b.x + b.width > width + 1.5) { // a glyph may overhang its origin by a pixel
						over.push({chart: svg.dataset.chart, label: text.textContent, left: b.x, right: b.x + b.width, width});
					}
				}
			}
			return {labels, over, stretched};
		})()`, &out))
		labels += out.Labels
		for _, st := range out.Stretched {
			t.Errorf("%sfigures/: the chart text %s, stretched", prefix, st)
		}
		for _, o := range out.Over {
			t.Errorf("%sfigures/, chart %s: the label %q runs from %.0f to %.0f, outside the chart's 0 to %.0f", prefix, o.Chart, o.Label, o.Left, o.Right, o.Width)
		}
	}
	if labels == 0 {
		t.Fatal("no chart's row label found")
	}
	// On a phone (320 px) a chart's words are drawn at 10 px or more: a
	// chart scales to the column's width, and a reader's review found
	// them at 8 px when the drawing was wider.
	var smallest float64
	tab.Run(chromedp.EmulateViewport(320, 800), chromedp.Navigate(srv.URL+"figures/"), chromedp.Evaluate(`Math.min(...[...document.querySelectorAll('svg.chart')].flatMap(svg => {
		const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
		return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
	}))`, &smallest))
	if smallest < 10 || math.IsInf(smallest, 0) {
		t.Errorf("at 320 px the smallest words of the figures page's charts are drawn at %.1f px; want 10 or more", smallest)
	}
}

// On an Arabic page at a phone's width, the open menu's links line up on
// the right, the page's side, the languages' names (each running in its
// own direction) with the site's links (a reader's review found English,
// Français … on the left).
func TestArabicMenuLinesUpOnTheRight(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tab := Browser(t)
	var ends []struct {
		Text  string  `json:"text"`
		Right float64 `json:"right"`
	}
	tab.Run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(srv.URL+"ar/"), chromedp.Evaluate(`(() => {
		document.querySelector(".nav-menu").open = true;
		return [...document.querySelectorAll(".nav-menu a")].map(a => {
			const r = document.createRange();
			r.selectNodeContents(a);
			return {text: a.textContent.trim(), right: r.getBoundingClientRect().right};
		});
	})()`, &ends))
	if len(ends) < 4 {
		t.Fatalf("the menu has %d links: %+v", len(ends), ends)
	}
	for _, e := range ends[1:] {
		if math.Abs(e.Right-ends[0].Right) > 2 {
			t.Errorf("in the Arabic menu, %q ends at %.0f px; %q at %.0f", e.Text, e.Right, ends[0].Text, ends[0].Right)
		}
	}
	tab.Run(chromedp.EmulateViewport(1280, 900))
}

// In the phone menu, every language's name lines up on the page's side,
// «العربية» too on a left-to-right page, though it runs right to left (a
// reader's review found it alone on the right of the English menu); and
// "English" on the right of the Arabic one.
func TestMenuLanguagesLineUpOnThePagesSide(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	tab := Browser(t)
	srv := Serve(t, allLanguagesSite(t), "")
	for _, c := range []struct{ path, side string }{{"", "left"}, {"ru/", "left"}, {"ar/", "right"}} {
		var edges []float64
		tab.Run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(srv.URL+c.path), chromedp.Evaluate(`(() => {
			const menu = document.querySelector(".nav-menu");
			menu.open = true;
			return [...menu.querySelectorAll(".languages a")].map(a => {
				const r = document.createRange();
				r.selectNodeContents(a);
				const b = r.getBoundingClientRect();
				return b.`+c.side+`;
			});
		})()`, &edges))
		if len(edges) < 5 {
			t.Fatalf("/%s: the menu names %d languages", c.path, len(edges))
		}
		for _, e := range edges[1:] {
			if math.Abs(e-edges[0]) > 1 {
				t.Errorf("/%s: the languages' names do not line up on the %s: %v", c.path, c.side, edges)
				break
			}
		}
	}
}

// The language switcher leads to the same view in each other language: on
// a past day, to that day; on the search page, to its query, the query a
// reader types included (a review found both dropped). And the phone's
// Menu button is named "Menu" alone (its arrow was read out as part of
// its name), after the search box in the document, though drawn before
// it: its links open below the box, and Tab goes from the button into
// them, not back up to the box.
func TestLanguageLinksKeepTheDayAndTheQuery(t *testing.T) {
	t.Parallel()
	tab := searchBrowser(t)
	srv := Serve(t, allLanguagesSite(t), "")
	const hrefs = `[...document.querySelectorAll(".languages a[hreflang]")].map(a => a.getAttribute("href"))`
	var onDay []string
	tab.Run(chromedp.Navigate(srv.URL+"es/meetings/rm07/?on=2017-05-01"), chromedp.Evaluate(hrefs, &onDay))
	if len(onDay) < 5 {
		t.Fatalf("the Spanish meeting page has %d language links", len(onDay))
	}
	for _, h := range onDay {
		if !strings.HasSuffix(h, "meetings/rm07/?on=2017-05-01") {
			t.Errorf("on 1 May 2017 a language link leads to %q, not to that day", h)
		}
	}
	searchOpen(t, tab, srv, "q=albania")
	searchWait(t, tab, "albania")
	var fromAddress []string
	var title string
	tab.Run(chromedp.Evaluate(hrefs, &fromAddress), chromedp.Title(&title))
	// The window's title names the query too, quoted.
	if !strings.HasPrefix(title, "“albania” · ") {
		t.Errorf("the search for albania is titled %q", title)
	}
	searchType(tab, " france")
	searchWait(t, tab, "albania france")
	var typed []string
	// The page puts a typed query in its address once typing pauses
	// (search.js, rememberSoon), the language links with it.
	var remembered bool
	tab.Run(poll(`location.search.includes("france")`, &remembered, 5*time.Second), chromedp.Evaluate(hrefs, &typed))
	for i, h := range fromAddress {
		if !strings.HasSuffix(h, "search/?q=albania") {
			t.Errorf("the search for albania: a language link leads to %q", h)
		}
		if i < len(typed) && !strings.HasSuffix(typed[i], "search/?q=albania+france") {
			t.Errorf("after typing: a language link leads to %q, not to the search typed", typed[i])
		}
	}
	searchClean(t, tab, srv)

	var menu struct {
		Names       []string
		SearchFirst bool
		DrawnAbove  bool
	}
	var summaries []*cdp.Node
	tab.Run(chromedp.EmulateViewport(375, 800), chromedp.Navigate(srv.URL+"fr/"),
		// The accessibility tree is read once the document's nodes are.
		chromedp.Nodes(".nav-menu > summary", &summaries, chromedp.ByQueryAll),
		chromedp.Evaluate(`(() => {
  const s = document.querySelector(".header-bar .searchbox"), m = document.querySelector(".nav-menu > summary");
  return {searchFirst: !!(s.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING), drawnAbove: m.getBoundingClientRect().bottom <= s.getBoundingClientRect().top + 1};
})()`, &menu),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var res struct {
				Nodes []struct {
					Role struct {
						Value string `json:"value"`
					} `json:"role"`
					Name struct {
						Value string `json:"value"`
					} `json:"name"`
				} `json:"nodes"`
			}
			if err := cdp.Execute(ctx, "Accessibility.getFullAXTree", nil, &res); err != nil {
				return err
			}
			for _, n := range res.Nodes {
				if n.Role.Value == "DisclosureTriangle" {
					menu.Names = append(menu.Names, n.Name.Value)
				}
			}
			return nil
		}))
	if !menu.SearchFirst || !menu.DrawnAbove {
		t.Errorf("at 375 px the search box comes first in the document %v, the Menu button is drawn above it %v; want both", menu.SearchFirst, menu.DrawnAbove)
	}
	if want := themetest.Strings(t)["fr"]["nav_menu"]["other"]; !slices.Contains(menu.Names, want) {
		t.Errorf("the Menu button's names in the accessibility tree: %q, want %q", menu.Names, want)
	}
}
