package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// navState says which of the two navigations is shown and whether the
// phone's menu is open and its links can be seen.
type navState struct {
	RowShown, MenuShown, Open, LinksShown bool
	// Bottom of the open menu's last link, and the viewport's height.
	Bottom, Height float64
}

const readNav = `(() => {
  const shown = e => !!e && e.checkVisibility();
  const menu = document.querySelector(".nav-menu");
  const links = [...document.querySelectorAll(".nav-menu .site-nav a")];
  const last = links[links.length - 1];
  return {rowShown: shown(document.querySelector(".nav-row .site-nav")), menuShown: shown(menu), open: !!menu && menu.open,
    linksShown: links.length > 0 && links.every(shown), bottom: last ? last.getBoundingClientRect().bottom : 0, height: innerHeight};
})()`

// Issue 15: on a phone the navigation folds behind a Menu button that works
// without JavaScript, by keyboard; it opens over the page with every link in
// view and leads to the page chosen. On a wide screen the navigation is the
// row under the title and there is no menu button.
func TestPhoneMenuWorksWithoutJavaScript(t *testing.T) {
	t.Parallel()
	tab := DrawingBrowser(t) // it clicks
	srv := Serve(t, realSite(t), "")
	tab.Run(emulation.SetScriptExecutionDisabled(true))
	defer tab.Run(emulation.SetScriptExecutionDisabled(false))

	var wide navState
	tab.Run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL), chromedp.Evaluate(readNav, &wide))
	if !wide.RowShown || wide.MenuShown {
		t.Errorf("at 1280 px: navigation row shown %v, menu button shown %v; want the row only", wide.RowShown, wide.MenuShown)
	}

	var closed, opened navState
	tab.Run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(srv.URL), chromedp.Evaluate(readNav, &closed))
	if closed.RowShown || !closed.MenuShown || closed.Open || closed.LinksShown {
		t.Fatalf("at 320 px before opening: %+v; want only the closed menu button", closed)
	}
	tab.Run(chromedp.Focus(".nav-menu > summary", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter), chromedp.Evaluate(readNav, &opened))
	if !opened.Open || !opened.LinksShown {
		t.Fatalf("at 320 px after Enter on Menu: %+v; want the menu open with its links shown", opened)
	}
	if opened.Bottom > opened.Height {
		t.Errorf("the open menu's last link ends at %.0f px, below the %.0f px screen", opened.Bottom, opened.Height)
	}
	var path string
	tab.Run(chromedp.Click(`.nav-menu a[href$="/countries/"]`, chromedp.ByQuery), chromedp.WaitReady("main h1", chromedp.ByQuery),
		chromedp.Evaluate(`location.pathname`, &path))
	if path != "/countries/" {
		t.Errorf("the menu's Countries link led to %q", path)
	}
}

// A developer's run lays pages out at 320 px and not at 375 (layoutWidths):
// that leaves nothing unchecked only while no breakpoint of the style
// sheets falls between the two, so that both widths get the same rules. A
// breakpoint added there fails this test, and layoutWidths must then lay
// out at 375 px in every run.
func TestLayoutWidthsCoverTheBreakpoints(t *testing.T) {
	media := regexp.MustCompile(`@media[^{]*\((min|max)-width:\s*([0-9.]+)(rem|em|px)\)`)
	found := 0
	for _, name := range []string{"main.css", "search.css"} {
		b, err := os.ReadFile(filepath.Join(Repo, "themes", "cns", "assets", "css", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range media.FindAllStringSubmatch(string(b), -1) {
			found++
			px, err := strconv.ParseFloat(m[2], 64)
			if err != nil {
				t.Fatal(err)
			}
			if m[3] != "px" {
				px *= 16
			}
			// min-width: w applies from w up; max-width: w up to w.
			if (m[1] == "min" && px > 320 && px <= 375) || (m[1] == "max" && px >= 320 && px < 375) {
				t.Errorf("%s: %q sets a breakpoint at %.0f px, between 320 and 375 px: layoutWidths must include 375", name, m[0], px)
			}
		}
	}
	if found == 0 {
		t.Fatal("no width breakpoint found in the style sheets: the pattern no longer reads them")
	}
}

// The lists of meetings and of countries, whose cards hold a count beside
// each state's name, fit a 320 px phone in every language: the Russian
// «Закрыт по правилам» and its count had pushed the page 17 px sideways
// (a reader's review). Pages that differ by language are checked whole by
// TestEveryLanguageInBrowser; these two only for their width.
func TestListPagesFitAPhoneInEveryLanguage(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tab := Browser(t)
	tab.Run(chromedp.EmulateViewport(320, 800))
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		for _, list := range []string{"meetings/", "countries/"} {
			path := themetest.Prefix(lang) + list
			var got struct {
				Over     int
				Culprits []string
			}
			tab.Run(chromedp.Navigate(srv.URL+path), chromedp.Evaluate(`(() => ({
				Over: document.documentElement.scrollWidth - document.documentElement.clientWidth,
				Culprits: [...document.querySelectorAll("main *")].filter(e => e.checkVisibility() && e.children.length === 0 && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 4).map(e => e.tagName.toLowerCase() + "." + String(e.className) + " " + e.textContent.slice(0, 30)),
			}))()`, &got))
			if got.Over > 0 {
				t.Errorf("/%s at 320 px scrolls sideways by %d px: %q", path, got.Over, got.Culprits)
			}
		}
	}
}

// With its script, the phone's Menu closes as a reader expects: Escape
// closes it and puts the focus back on its button, and moving the focus
// out of it (Tab past its last link) closes it, so an open menu does not
// stay over the page (a reader's review found it open after both).
func TestPhoneMenuClosesOnEscapeAndWhenTheFocusLeaves(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	srv := Serve(t, realSite(t), "")
	var st navState
	var focused string
	focus := `document.activeElement ? document.activeElement.tagName.toLowerCase() + (document.activeElement.closest(".nav-menu") ? " in menu" : "") : ""`
	tab.Run(chromedp.EmulateViewport(320, 640), chromedp.Navigate(srv.URL),
		chromedp.Focus(".nav-menu > summary", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter), chromedp.Evaluate(readNav, &st))
	if !st.Open {
		t.Fatalf("Enter on Menu did not open it: %+v", st)
	}
	tab.Run(chromedp.Focus(`.nav-menu a[href$="/countries/"]`, chromedp.ByQuery), chromedp.KeyEvent(kb.Escape),
		chromedp.Evaluate(readNav, &st), chromedp.Evaluate(focus, &focused))
	if st.Open || focused != "summary in menu" {
		t.Errorf("after Escape on a link of the open menu: open %v, focus on %q; want it closed and the focus on its button", st.Open, focused)
	}
	var last int
	tab.Run(chromedp.KeyEvent(kb.Enter), chromedp.Evaluate(`document.querySelectorAll(".nav-menu a").length`, &last),
		chromedp.Evaluate(`(() => { const a = [...document.querySelectorAll(".nav-menu a")]; a[a.length - 1].focus(); return document.activeElement.closest(".nav-menu") !== null; })()`, &st.Open))
	if !st.Open {
		t.Fatal("the focus could not be put on the open menu's last link")
	}
	tab.Run(chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(readNav, &st), chromedp.Evaluate(focus, &focused))
	if st.Open || focused == "" || strings.HasSuffix(focused, "in menu") {
		t.Errorf("after Tab past the menu's last link (of %d): open %v, focus on %q; want it closed and the focus past it", last, st.Open, focused)
	}
}

// On a landscape phone or a small tablet the header takes at most a third
// of the screen, in every language: above the phones' width the seven
// links and five languages had wrapped into two or three rows, a Russian
// header of 228 px on a 667 × 375 screen (a reader's review).
func TestHeaderTakesAtMostAThirdOfALandscapePhoneOrSmallTablet(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	srv := Serve(t, allLanguagesSite(t), "")
	tab := Browser(t)
	for _, screen := range [][2]int64{{667, 375}, {1024, 768}} {
		tab.Run(chromedp.EmulateViewport(screen[0], screen[1]))
		for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
			path := lang + "/"
			if lang == "en" {
				path = ""
			}
			var header float64
			tab.Run(chromedp.Navigate(srv.URL+path), chromedp.Evaluate(`document.querySelector(".site-header").getBoundingClientRect().height`, &header))
			if header > float64(min(screen[0], screen[1]))/3 {
				t.Errorf("at %d × %d px the %s header is %.0f px tall, over a third of the screen", screen[0], screen[1], lang, header)
			}
		}
	}
}

// A reader who sets the browser's text to twice its size (WCAG 1.4.4) on
// a 320 px phone reads every page without scrolling sideways: cards take
// no table's minimum widths, their labels no more than 40 % of a card,
// the search filters and a span of days wrap (a review found the ledger
// 145 px wider than the phone, the search page 152), and the site's title
// keeps a line of its own. In English, Arabic, Spanish and French; a
// Russian word longer than the line is left to the browser's hyphenation,
// which the test browser lacks.
func TestPagesReflowWithTextAtTwiceItsSize(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	srv := Serve(t, allLanguagesSite(t), "")
	tab.Run(page.SetFontSizes(&page.FontSizes{Standard: 32, Fixed: 26}), chromedp.EmulateViewport(320, 800))
	defer tab.Run(page.SetFontSizes(&page.FontSizes{Standard: 16, Fixed: 13}))
	for _, lang := range []string{"", "ar/", "es/", "fr/"} {
		for _, path := range []string{"", "meetings/rm07/", "countries/albania/", "documents/", "documents/rm07-nr-albania/", "search/?q=albania", "publication/", "data/"} {
			var got struct {
				Font  string
				Extra float64
				Title float64 // the site's title's width, as a share of the line
			}
			tab.Run(chromedp.Navigate(srv.URL+lang+path), chromedp.Evaluate(`({font: getComputedStyle(document.body).fontSize, extra: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  title: document.querySelector(".site-title").getBoundingClientRect().width / document.querySelector(".header-bar").getBoundingClientRect().width})`, &got))
			// The title keeps a line of its own rather than a column of
			// broken words beside the Menu button (a review found "Exa/me/n").
			if got.Title < 0.6 {
				t.Errorf("/%s%s at 320 px with text at 200 %%: the site's title takes %.0f %% of the header's width", lang, path, 100*got.Title)
			}
			if got.Font != "32px" {
				t.Fatalf("/%s%s: the text is %s, not twice 16 px", lang, path, got.Font)
			}
			if got.Extra > 0 {
				var wide []string
				tab.Run(chromedp.Evaluate(`[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !(e.parentElement.getBoundingClientRect().right > document.documentElement.clientWidth + 1)).slice(0, 4).map(e => e.tagName.toLowerCase() + "." + String(e.className).split(" ")[0] + " " + (e.textContent || "").trim().slice(0, 30))`, &wide))
				t.Errorf("/%s%s at 320 px with text at 200 %%: the page scrolls %.0f px sideways: %v", lang, path, got.Extra, wide)
			}
		}
	}
}
