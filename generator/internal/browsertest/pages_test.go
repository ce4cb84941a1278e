package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
)

// Every kind of page, in a real browser (issue 4): axe-core finds no serious
// or critical violation in the light scheme (on axeSample in a developer's
// run, on every page under CNS_TEST_EXHAUSTIVE), nor in the colours of the
// dark one on a sample of pages (colourSample, which says which scheme's
// colours a developer's run reads); nothing is requested from another
// host; nothing is logged as an error; every link target on the page
// resolves; the page does not scroll sideways at any width of
// layoutWidths. With go test -artifacts, screenshots
// at 375 and 1280 px (and 375 px in the dark scheme) are kept. Pages are
// checked side by side, in a few tabs.
func TestEveryKindOfPageInBrowser(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	axeSrc := AxeSource(t)
	names := map[string]bool{}
	for _, pc := range pageCases {
		names[pc.name] = true
	}
	for name, scheme := range colourSample {
		if !names[name] || !axeSample[name] {
			t.Errorf("colourSample names %q, which is no page case of axeSample: its colours are not checked", name)
		}
		if scheme != "light" && scheme != "dark" {
			t.Errorf("colourSample: %q is to be read in the %q scheme, which is neither light nor dark", name, scheme)
		}
	}
	for name := range axeSample {
		if !names[name] {
			t.Errorf("axeSample names %q, which is no page case: axe does not read it", name)
		}
	}
	servers := map[string]*Server{}
	links := &LinkChecker{Client: &http.Client{Timeout: 10 * time.Second}}
	tabs := newTabPool(t, Browser)
	for _, pc := range pageCases {
		dir := pc.site(t)
		srv, ok := servers[dir]
		if !ok {
			srv = Serve(t, dir, "")
			servers[dir] = srv
		}
		t.Run(pc.name, func(t *testing.T) {
			t.Parallel()
			checkPage(t, tabs.take(t), srv, links, axeSrc, pc)
		})
	}
}

// colourSample are the pages whose colours axe checks in both colour
// schemes under CNS_TEST_EXHAUSTIVE (the rules color-contrast and
// link-in-text-block; every other page of axeSample in the light scheme
// alone): one of each layout, the pages that show every document state
// side by side (each state has colours of its own), search and the notices
// of a document page. A developer's run reads each in the one scheme named
// here, about half in each, so that the pages of every state are read in
// both (meeting-mixed light, ledger-mixed dark), as are the charts
// (meeting-mixed's light, the figures page's dark). axe took 0.1 to 0.7 s a
// page for these two rules, some 15 s of Chromium's time on every page.
var colourSample = map[string]string{
	"meeting-mixed": "light", "summary-report": "light", "document-public-file": "light",
	"how-publication-works": "light", "search-results": "light",
	"home": "dark", "ledger-mixed": "dark", "document-withdrawn": "dark",
	"figures": "dark", // the charts and the map, whose states and standings have colours of their own
}

// axeSample are the pages axe reads in a developer's run (all of them
// under CNS_TEST_EXHAUSTIVE, which .ci/run sets): one of each layout, the
// pages that show every document state side by side (the ledger and a
// meeting of the edge catalog, whose badges and map patterns are those of
// every other page), a document page whose status section has each kind of
// content (a file, an official copy, a withdrawal), the script's past day
// and the largest page. axe took 0.3 to 1.4 s a page, most of the test's
// time; the pages left out have the markup of one of these with other
// words, and every other check (text, links, layout at three widths,
// requests, console) still reads them.
var axeSample = map[string]bool{
	"home": true, "meetings": true, "meeting-mixed": true, "meeting-past-day": true, "countries": true, "country": true,
	"document-public": true, "document-public-file": true, "document-withdrawn": true, "summary-report": true,
	"ledger-mixed": true, "ledger-page": true, "search-results": true, "how-publication-works": true, "about": true,
	"open-data": true, "upcoming": true, "not-found": true, "figures": true, "figures-arabic": true,
}

// colours says in which schemes axe's colour rules read a page. The pages
// of axeSample: those of colourSample in the schemes it says (both under
// CNS_TEST_EXHAUSTIVE), the others in neither in a developer's run and in
// the light one under CNS_TEST_EXHAUSTIVE. Pages of other tests (the
// languages') are read in the light scheme unless sameColours says their
// colours are checked elsewhere.
func colours(pc pageCase) (light, dark bool) {
	scheme, sampled := colourSample[pc.name]
	switch {
	case pc.sameColours:
		return false, false
	case !axeSample[pc.name]:
		return true, false
	case corpus.Exhaustive():
		return true, sampled
	}
	return scheme == "light", scheme == "dark"
}

// pageLink is a URL a page refers to.
type pageLink struct {
	Tag  string `json:"tag"`
	Attr string `json:"attr"`
	URL  string `json:"url"`
	Rel  string `json:"rel"`
}

const listLinks = `[...document.querySelectorAll("a[href], area[href], link[href], script[src], img[src], iframe[src], source[src]")].map(e => {
  const attr = e.hasAttribute("href") ? "href" : "src";
  return {tag: e.tagName.toLowerCase(), attr, url: new URL(e.getAttribute(attr), document.baseURI).href, rel: e.getAttribute("rel") || ""};
})`

func checkPage(t *testing.T, tab *Tab, srv *Server, links *LinkChecker, axeSrc string, pc pageCase) {
	u := srv.URL + pc.path
	run := func(actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(tab.Ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	// The status the page is served with.
	wantStatus := pc.status
	if wantStatus == 0 {
		wantStatus = http.StatusOK
	}
	if resp, err := http.Get(u); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != wantStatus {
		t.Errorf("GET %s: status %d, want %d", u, resp.StatusCode, wantStatus)
	}

	tab.Requests()
	tab.ConsoleErrors()
	var mainText string
	run(
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}),
		chromedp.EmulateViewport(desktopWidth, pageHeight),
		chromedp.Navigate(u),
		chromedp.Evaluate(`(document.querySelector("main") || document.body).innerText`, &mainText),
	)
	for _, w := range pc.want {
		if !strings.Contains(mainText, w) {
			t.Errorf("the page's main content lacks %q", w)
		}
	}
	// Links that lead to different places have different names, as a
	// screen reader's list of links reads them: every chart had its
	// "Picture (SVG)" and "Data (CSV)" (WCAG 2.4.9).
	var sameNames []string
	run(chromedp.Evaluate(sameNamedLinks, &sameNames))
	for _, n := range sameNames {
		t.Errorf("links to different places share one name: %s", n)
	}

	// axe-core, light scheme, every rule (the colour rules as colours
	// says); then, where colours says so, the dark scheme's colours.
	var light, dark []AxeViolation
	lightColours, darkColours := colours(pc)
	opts := ""
	if !lightColours {
		opts = `{rules: {"color-contrast": {enabled: false}, "link-in-text-block": {enabled: false}}}`
	}
	if !pc.noAxe && (axeSample[pc.name] || corpus.Exhaustive()) {
		run(AxeRun(axeSrc, opts, &light))
	}
	if darkColours && !pc.noAxe {
		run(
			emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}),
			AxeRun(axeSrc, `{runOnly: {type: "rule", values: ["color-contrast", "link-in-text-block"]}}`, &dark),
			emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}),
		)
	}
	for scheme, vs := range map[string][]AxeViolation{"light": light, "dark": dark} {
		for _, v := range vs {
			if v.Severe() {
				t.Errorf("axe, %s scheme: %s", scheme, v)
			} else {
				t.Logf("axe, %s scheme (not failing): %s", scheme, v)
			}
		}
	}

	// Every link target resolves; nothing points to another host except
	// links a reader follows (the official copy), which are not requested.
	var refs []pageLink
	run(chromedp.Evaluate(listLinks, &refs))
	origin, _ := url.Parse(srv.URL)
	for _, l := range refs {
		lu, err := url.Parse(l.URL)
		if err != nil {
			t.Errorf("<%s %s=%q>: %v", l.Tag, l.Attr, l.URL, err)
			continue
		}
		if lu.Scheme == "data" {
			continue
		}
		if lu.Host != origin.Host {
			if l.Tag != "a" {
				t.Errorf("<%s %s=%q> loads from another host", l.Tag, l.Attr, l.URL)
			}
			continue
		}
		pageURL := strings.SplitN(u, "#", 2)[0]
		if lu.Fragment != "" && strings.SplitN(l.URL, "#", 2)[0] == pageURL {
			var found bool
			run(chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q) !== null`, lu.Fragment), &found))
			if !found {
				t.Errorf("<%s %s=%q>: no element with id %q on the page", l.Tag, l.Attr, l.URL, lu.Fragment)
			}
			continue
		}
		if err := links.Check(l.URL); err != nil {
			t.Errorf("<%s %s=%q>: %v", l.Tag, l.Attr, l.URL, err)
		}
	}

	// Screenshots (with -artifacts), and no sideways scrolling of the page
	// itself.
	art := ""
	if keepArtifacts() {
		art = t.ArtifactDir()
	}
	// The first 6,000 px of the page: a long page (the ledger as cards on a
	// phone is 50,000 px) would take seconds to capture whole.
	shot := func(width int64, name string) {
		if art == "" {
			return
		}
		var buf []byte
		var height float64
		run(chromedp.EmulateViewport(width, 900), chromedp.Evaluate(`document.documentElement.scrollHeight`, &height))
		run(chromedp.ActionFunc(func(ctx context.Context) (err error) {
			buf, err = page.CaptureScreenshot().WithFormat(page.CaptureScreenshotFormatPng).WithCaptureBeyondViewport(true).
				WithClip(&page.Viewport{Width: float64(width), Height: min(height, 6000), Scale: 1}).Do(ctx)
			return err
		}))
		if err := os.WriteFile(filepath.Join(art, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shot(1280, pc.name+"-1280.png")
	// Phones first (issue 15): at each of layoutWidths the page does not
	// scroll sideways, no table is wider than the page, nothing scrolls
	// sideways inside its box or is cut off, and on a phone the header
	// takes at most 120 px. One layout per width, widest first: the page
	// was loaded at desktopWidth, and is read as it stands at that width.
	for _, w := range layoutWidths() {
		var overflow int
		var l phoneLayout
		var resize []chromedp.Action
		if w != desktopWidth {
			resize = append(resize, chromedp.EmulateViewport(w, pageHeight))
		}
		run(append(resize,
			chromedp.Evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow),
			chromedp.Evaluate(layoutProblems, &l))...)
		if overflow > 0 {
			var culprits []string
			run(chromedp.Evaluate(`[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : ""))`, &culprits))
			t.Errorf("at %d px the page scrolls sideways by %d px: %v", w, overflow, culprits)
		}
		for _, p := range l.Problems {
			t.Errorf("at %d px: %s", w, p)
		}
		if w < 400 && l.Header > 120 {
			t.Errorf("at %d px the header is %.0f px tall; want at most 120", w, l.Header)
		}
	}
	if art != "" {
		shot(375, pc.name+"-375.png")
		run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}))
		shot(375, pc.name+"-375-dark.png")
		run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}))
		t.Logf("screenshots in %s", art)
	}

	if f := Foreign(tab.Requests(), srv.URL); len(f) > 0 {
		t.Errorf("requests left the site: %v", f)
	}
	if c := tab.ConsoleErrors(); len(c) > 0 {
		t.Errorf("console errors: %v", c)
	}
}

// sameNamedLinks lists the names shared by visible links to different
// places, each with how many places: a link's name is what its
// aria-labelledby's elements say, else its aria-label, else its text.
const sameNamedLinks = `(() => {
  const name = a => {
    const by = a.getAttribute("aria-labelledby");
    const n = by ? by.split(/\s+/).map(i => (document.getElementById(i) || {}).textContent || "").join(" ") : a.getAttribute("aria-label") || a.textContent;
    return n.replace(/\s+/g, " ").trim();
  };
  const to = {};
  for (const a of document.querySelectorAll("a[href]")) {
    if (!a.checkVisibility()) continue;
    const u = new URL(a.getAttribute("href"), location.href);
    (to[name(a)] ||= new Set()).add(u.pathname + u.search + u.hash);
  }
  return Object.entries(to).filter(([, places]) => places.size > 1).map(([n, places]) => JSON.stringify(n) + " (" + places.size + " places)");
})()`

// desktopWidth and pageHeight are the viewport, in CSS pixels, at which
// checkPage loads a page; it then lays it out at each narrower width of
// layoutWidths, at the same height.
const desktopWidth, pageHeight = 1280, 900

// layoutWidths are the widths, in CSS pixels, at which checkPage lays a
// page out, widest first: a desktop and a small phone in a developer's run,
// and a common phone (375 px) as well under CNS_TEST_EXHAUSTIVE, which
// .ci/run sets.
// 320 and 375 px fall under the same style rules (the style sheet's
// narrowest breakpoint is 30rem, 480 px, as TestLayoutWidthsCoverTheBreakpoints
// checks), and what fits in 320 px has more room in 375.
func layoutWidths() []int64 {
	if corpus.Exhaustive() {
		return []int64{desktopWidth, 375, 320}
	}
	return []int64{desktopWidth, 320}
}

type phoneLayout struct {
	Problems []string
	Header   float64
}

// layoutProblems lists, on the page as shown: tables wider than the page or
// their box, and elements that cut off or scroll their content sideways
// (a long command too: a box that scrolls is out of a keyboard's reach on
// a phone, as axe's scrollable-region-focusable says), and inputs whose
// placeholder does not fit. Elements hidden
// on purpose (visually hidden text, closed menus) are skipped.
const layoutProblems = `(() => {
  const vw = document.documentElement.clientWidth;
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const hidden = e => { const cs = getComputedStyle(e); return cs.clipPath !== "none" || cs.clip !== "auto" || !e.getClientRects().length; };
  const problems = [];
  for (const t of document.querySelectorAll("table")) {
    if (hidden(t)) continue;
    const r = t.getBoundingClientRect(), box = t.parentElement.getBoundingClientRect();
    if (r.right > vw + 1 || r.width > box.width + 1) problems.push(name(t) + " (" + (t.caption ? t.caption.textContent.trim().slice(0, 50) : "") + ") is " + Math.round(r.width) + " px wide in a " + Math.round(box.width) + " px box");
  }
  for (const e of document.querySelectorAll("body *")) {
    // Most elements fit their box: their style is not read.
    if (e.scrollWidth <= e.clientWidth + 1 || hidden(e)) continue;
    const cs = getComputedStyle(e);
    if (cs.overflowX !== "visible") problems.push(name(e) + " cuts off or scrolls " + (e.scrollWidth - e.clientWidth) + " px of its content sideways");
    else if (cs.textOverflow === "ellipsis") problems.push(name(e) + " cuts its text short");
    if (problems.length >= 8) break;
  }
  // A placeholder, the only visible label of the header's search box, must fit.
  const ctx = document.createElement("canvas").getContext("2d");
  for (const i of document.querySelectorAll("input[placeholder]")) {
    if (hidden(i)) continue;
    const cs = getComputedStyle(i);
    ctx.font = cs.font;
    const room = i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    if (ctx.measureText(i.placeholder).width > room + 1) problems.push(name(i) + " cuts its placeholder " + JSON.stringify(i.placeholder) + " short");
  }
  // A chart (issue 22) fits the page, and none of its words runs out of
  // the picture, where an SVG cuts it off without a scroll bar.
  for (const c of document.querySelectorAll("svg.chart")) {
    if (hidden(c)) continue;
    const b = c.getBoundingClientRect();
    if (b.left < -1 || b.right > vw + 1) problems.push("chart " + c.dataset.chart + " is " + Math.round(b.width) + " px wide, beyond the page");
    for (const x of c.querySelectorAll("text")) {
      const r = x.getBoundingClientRect();
      if (r.left < b.left - 1 || r.right > b.right + 1) problems.push("chart " + c.dataset.chart + " cuts off " + JSON.stringify(x.textContent.slice(0, 40)));
    }
  }
  // The skip link shows nothing until focused, however many lines its
  // words take (two in Russian at 320 px showed their last 6 px).
  for (const k of document.querySelectorAll(".skip-link")) {
    if (k !== document.activeElement && k.getBoundingClientRect().bottom > 0.5) problems.push("the skip link shows " + Math.round(k.getBoundingClientRect().bottom) + " px before it is focused");
  }
  // A state's badge stays inside the box that holds it: a card (Russian
  // «Общедоступен» at 320 px), a definition list's term (Russian badges
  // ran over their definitions on the publication page), a status line.
  for (const b of document.querySelectorAll(".state")) {
    if (hidden(b) || b.closest("template")) continue;
    let box = b.parentElement;
    while (box.parentElement && getComputedStyle(box).display.startsWith("inline")) box = box.parentElement;
    const r = b.getBoundingClientRect(), c = box.getBoundingClientRect();
    if (r.right > c.right + 1 || r.left < c.left - 1) problems.push("the state " + JSON.stringify(b.textContent.trim()) + " runs " + Math.round(Math.max(r.right - c.right, c.left - r.left)) + " px out of its " + name(box));
    if (problems.length >= 8) break;
  }
  // A stacked table's cell holds its words (a Russian count ran 14 px past
  // its card at 320 px).
  for (const d of document.querySelectorAll("table.stack td")) {
    if (d.scrollWidth <= d.clientWidth + 1 || hidden(d)) continue;
    problems.push("a cell " + JSON.stringify(d.textContent.trim().slice(0, 40)) + " runs " + (d.scrollWidth - d.clientWidth) + " px past its card");
    if (problems.length >= 8) break;
  }
  const h = document.querySelector(".site-header");
  return {problems, header: h ? h.getBoundingClientRect().height : 0};
})()`

// On a phone, a link to a heading or a paragraph of a long text brings it
// below the button back to the contents, which stays at the top of the
// screen over the text; a reader's review found the heading "C. Overview"
// half under it and a paragraph's first line hidden.
func TestALinkIntoTheTextStopsBelowTheButtonBackToTheContents(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	tab := Browser(t)
	srv := Serve(t, realSite(t), "")
	tab.Run(chromedp.EmulateViewport(375, 700), chromedp.Navigate(srv.URL+"documents/rm07-summary-report/"))
	var targets []string
	tab.Run(chromedp.Evaluate(`[...document.querySelectorAll("#TableOfContents a")].slice(0, 3).map(a => a.hash).concat([...document.querySelectorAll(".report p.para[id]")].slice(4, 6).map(p => "#" + p.id))`, &targets))
	if len(targets) < 4 {
		t.Fatalf("the Summary Report's page has %d headings and paragraphs to link to: %v", len(targets), targets)
	}
	for _, hash := range targets {
		var got struct {
			Button, Target float64
			Found          bool
		}
		tab.Run(chromedp.Evaluate(`(() => {
			const e = document.getElementById(decodeURIComponent(`+strconv.Quote(hash[1:])+`));
			if (!e) return {Found: false};
			e.scrollIntoView({behavior: "instant"}); // as a link does, at once
			const b = document.querySelector(".to-contents").getBoundingClientRect();
			return {Found: true, Button: b.bottom, Target: e.getBoundingClientRect().top};
		})()`, &got))
		if !got.Found {
			t.Errorf("%s: no such element", hash)
			continue
		}
		if got.Target < got.Button {
			t.Errorf("%s: a link to it puts its top at %.0f px, under the button back to the contents (its bottom at %.0f px)", hash, got.Target, got.Button)
		}
	}
	// The focus going back up the text (Shift+Tab) brings each link and
	// button above the screen into view below the button too: a keyboard
	// review found a paragraph's copy button and number link wholly under
	// it at 375 and 800 px, in Arabic too (WCAG 2.4.11).
	for _, width := range []int64{375, 800} {
		// Reduced motion: the focus scrolls at once, not smoothly.
		tab.Run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}),
			chromedp.EmulateViewport(width, 700), chromedp.Navigate(srv.URL+"documents/rm07-summary-report/"))
		var n int
		tab.Run(chromedp.Evaluate(`(window.__up = [...document.querySelectorAll(".report a[href], .report button")].filter(e => e.checkVisibility())).length`, &n))
		for i := 3; i < n && i < 90; i += 7 {
			// With the page scrolled so that one is partly above the
			// screen, from the next one, focused without scrolling, one
			// Shift+Tab: the browser scrolls it only just into view.
			var covered string
			tab.Run(chromedp.Evaluate(fmt.Sprintf(`(() => {
				const e = window.__up[%d], r = e.getBoundingClientRect();
				window.scrollTo({top: scrollY + r.top + 2, behavior: "instant"});
				window.__up[%d].focus({preventScroll: true});
			})()`, i, i+1), nil),
				chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(input.ModifierShift)),
				chromedp.Evaluate(`(() => {
				const e = document.activeElement, r = e.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return hit && (e === hit || e.contains(hit)) ? "" : (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 40) + " under " + (hit ? hit.className : "nothing");
			})()`, &covered))
			if covered != "" {
				t.Errorf("at %d px, Shift+Tab up the text brings %s", width, covered)
			}
		}
	}
}

// The text scrolls under a bar as wide as the screen, not around the
// button back to the contents: beside it, where a paragraph's first line
// lies, nothing of the text shows (a reader's review found a word hidden
// mid-line on a phone). A picture of that band, so a tab that draws.
func TestTheTextScrollsUnderABarNotAroundTheButtonBackToTheContents(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	tab := DrawingBrowser(t)
	srv := Serve(t, realSite(t), "")
	var band struct{ X, Y, W, H float64 }
	tab.Run(chromedp.EmulateViewport(375, 700), chromedp.Navigate(srv.URL+"documents/rm07-summary-report/"),
		chromedp.Evaluate(`(() => {
			const b = document.querySelector(".to-contents"), p = document.getElementById("para-6");
			window.scrollTo({top: p.getBoundingClientRect().top + scrollY - b.getBoundingClientRect().top, behavior: "instant"});
			const r = b.getBoundingClientRect();
			return {X: 0, Y: r.top + scrollY, W: r.left - 2, H: r.height}; // the page's coordinates, as the picture takes them
		})()`, &band))
	var buf []byte
	tab.Run(chromedp.ActionFunc(func(ctx context.Context) (err error) {
		buf, err = page.CaptureScreenshot().WithFormat(page.CaptureScreenshotFormatPng).WithCaptureBeyondViewport(true).
			WithClip(&page.Viewport{X: band.X, Y: band.Y, Width: band.W, Height: band.H, Scale: 1}).Do(ctx)
		return err
	}))
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil || band.W < 40 {
		t.Fatalf("the band beside the button back to the contents (%+v): %v", band, err)
	}
	first := img.At(img.Bounds().Min.X, img.Bounds().Min.Y)
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if img.At(x, y) != first {
				t.Fatalf("at 375 px the text shows beside the button back to the contents (a pixel at %d,%d of the band %+v differs from the background)", x, y, band)
			}
		}
	}
}
