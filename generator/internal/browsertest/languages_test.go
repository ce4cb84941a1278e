package browsertest

// The site in each of its six languages, in a browser (issue 21): on the
// pages whose content differs by language (home, a meeting, a country, a
// document, the ledger on a past day, the search page), the checks every
// page gets (axe, nothing clipped or wider than its box at 320, 375 and
// 1280 px, links, no request off the site), and the language switcher,
// followed by keyboard-free clicks, leading to the same page in each
// language and back. With -artifacts the Arabic pages' screenshots are kept.

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/translations"
)

// allLanguagesSite is the fixture as of 6 July 2017 in every language.
func allLanguagesSite(t testing.TB) string {
	return BuildSite(t, "--as-of", "2017-07-06", "--languages", "en,ar,zh,fr,ru,es")
}

// languageCases are the pages that differ by language, with a word each
// must show in it: its state, its heading, the navigation.
var languageCases = []struct{ name, path string }{
	{"home", ""},
	{"meeting", "meetings/rm07/"},
	{"country", "countries/albania/"},
	{"document-public", "documents/rm07-nr-albania/"},
	{"ledger-past-day", "documents/?on=2017-05-01"},
	{"search", "search/?q=albania"},
}

func TestEveryLanguageInBrowser(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	axeSrc := AxeSource(t)
	srv := Serve(t, allLanguagesSite(t), "")
	links := &LinkChecker{Client: &http.Client{Timeout: 10 * time.Second}}
	tabs := newTabPool(t)
	strs, err := translations.Load(os.DirFS(filepath.Join(Repo, "themes", "cns")), "i18n")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ar", "zh", "fr", "ru", "es"} {
		for _, lc := range languageCases {
			// The main content is in the language: the home page's first
			// heading, the breadcrumbs' first link elsewhere.
			word := strs[lang]["nav_home"]["other"]
			if lc.name == "home" {
				word = strs[lang]["home_latest_meeting"]["other"]
			}
			pc := pageCase{name: lang + "-" + lc.name, path: lang + "/" + lc.path, want: []string{word}}
			t.Run(pc.name, func(t *testing.T) {
				t.Parallel()
				checkPage(t, tabs.take(t), srv, links, axeSrc, pc)
			})
		}
	}
}

// The switcher leads from a page to the same page in each other language,
// and from there back: every link of every switcher on the way.
func TestLanguageSwitcherRoundTrips(t *testing.T) {
	t.Parallel()
	srv := Serve(t, allLanguagesSite(t), "")
	tab := Browser(t)
	const page = "documents/rm07-nr-albania/"
	prefixes := []string{"", "ar/", "zh/", "fr/", "ru/", "es/"}
	for _, from := range prefixes {
		var hrefs []string
		tab.Run(chromedp.Navigate(srv.URL+from+page),
			chromedp.Evaluate(`[...document.querySelectorAll(".nav-row nav.languages a")].map(a => a.getAttribute("href"))`, &hrefs))
		if len(hrefs) != len(prefixes)-1 {
			t.Fatalf("/%s%s: the switcher has %d links, want %d", from, page, len(hrefs), len(prefixes)-1)
		}
		for _, href := range hrefs {
			var back []string
			var lang, dir string
			tab.Run(chromedp.Navigate(srv.URL+strings.TrimPrefix(href, "/")),
				chromedp.Evaluate(`document.documentElement.lang`, &lang),
				chromedp.Evaluate(`document.documentElement.dir`, &dir),
				chromedp.Evaluate(`[...document.querySelectorAll(".nav-row nav.languages a")].map(a => a.getAttribute("href"))`, &back))
			if !strings.HasSuffix(href, page) {
				t.Errorf("/%s%s leads to %s, not the same page", from, page, href)
			}
			if want := "/" + from + page; !contains(back, want) {
				t.Errorf("%s (lang %s) does not lead back to %s: %v", href, lang, want, back)
			}
			if (lang == "ar") != (dir == "rtl") {
				t.Errorf("%s: lang %q, dir %q", href, lang, dir)
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
// marked with its language inside the English text.
func TestScriptsSpeakThePageLanguage(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tabs := newTabPool(t)
	strs, err := translations.Load(os.DirFS(filepath.Join(Repo, "themes", "cns")), "i18n")
	if err != nil {
		t.Fatal(err)
	}
	const day = "2017-04-07" // the 7th meeting adjourned
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		prefix := lang + "/"
		if lang == "en" {
			prefix = ""
		}
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			tab := tabs.take(t)
			var server, note, intro string
			var counts []string
			tab.Run(chromedp.Navigate(srv.URL+prefix+"meetings/rm07/"),
				chromedp.Evaluate(`document.querySelector('time[datetime="`+day+`"]').textContent`, &server),
				chromedp.Navigate(srv.URL+prefix+"documents/?on="+day),
				chromedp.Poll(`(() => { const t = document.querySelector('.day-note time[datetime="`+day+`"]'); return t ? t.textContent : false })()`, &note, chromedp.WithPollingTimeout(5*time.Second)),
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

			var label, labelLang, statusLang string
			tab.Run(chromedp.Navigate(srv.URL+prefix+"documents/rm07-summary-report/"),
				chromedp.WaitReady(`#para-18 button.copy-link`, chromedp.ByQuery),
				chromedp.Evaluate(`document.querySelector("#para-18 button.copy-link").textContent.trim()`, &label),
				chromedp.Evaluate(`document.querySelector("#para-18 button.copy-link span").closest("[lang]").lang`, &labelLang),
				chromedp.Evaluate(`document.querySelector(".copy-status").closest("[lang]").lang`, &statusLang))
			if want := strings.ReplaceAll(strs[lang]["copy_link_label"]["other"], "{n}", "18"); label != want {
				t.Errorf("copy button's name %q, want %q", label, want)
			}
			if labelLang != lang || statusLang != lang {
				t.Errorf("the button's name is marked %q and its status %q, want %q", labelLang, statusLang, lang)
			}
			if c := tab.ConsoleErrors(); len(c) > 0 {
				t.Errorf("console errors: %v", c)
			}
		})
	}
}
