package browsertest

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
)

// scriptGate holds back every script a served site is asked for until the
// test opens the gate (serveThrough): the page is parsed and painted first, and what
// the script then changes shows as a layout shift. Without it a fast
// loopback load may run the deferred script before the first paint, and a
// shift would go unseen.
type scriptGate struct {
	mu   sync.Mutex
	open chan struct{}
	fail bool // answer every script with 404 Not Found
	// suffix is of the addresses held back: ".js" (scripts) unless set
	// ("/index.json": a search index).
	suffix string
}

func (g *scriptGate) close() {
	g.mu.Lock()
	g.open = make(chan struct{})
	g.mu.Unlock()
}

func (g *scriptGate) release() {
	g.mu.Lock()
	close(g.open)
	g.mu.Unlock()
}

func (g *scriptGate) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		suffix := g.suffix
		if suffix == "" {
			suffix = ".js"
		}
		if strings.HasSuffix(r.URL.Path, suffix) {
			g.mu.Lock()
			open, fail := g.open, g.fail
			g.mu.Unlock()
			if fail {
				http.NotFound(w, r)
				return
			}
			select {
			case <-open:
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Second): // a failed test's page must not hang its server
			}
		}
		h.ServeHTTP(w, r)
	})
}

// Nothing on a page moves when its script starts (a layout shift, which
// Lighthouse sums as Cumulative Layout Shift): what the script adds takes
// no room, or room the page keeps for it from its first paint where
// scripts run (main.css, "scripting: enabled"). Two things moved pages
// before: the day's form above the ledger, a meeting's grid and the
// figures, which the script showed (0.06 to 0.08 here at a phone's width,
// 0.07 to 0.12 in Lighthouse), and the sortable tables' headers, which grew
// by their buttons' icons and, on a phone, appeared as a row of buttons
// above the cards (0.002 to 0.014). A page on a past day (?on=) keeps what
// the day changes hidden until the script has applied it, where it moved
// by 0.11 to 0.17 in Lighthouse as the day's note and states replaced
// today's (and showed today's states, for a moment, under the day's
// address). Each page is painted with its script held back, then the
// script is let through, and every shift the page records is summed, at a
// phone's width and a desktop's (in turn, in a developer's run).
func TestPagesDoNotMoveWhenTheirScriptStarts(t *testing.T) {
	t.Parallel()
	tab := DrawingBrowser(t) // layout shifts are found when a frame is drawn
	gate := &scriptGate{}
	srv := serveThrough(t, realSite(t), "", gate.wrap)
	// The shifts from when the page is parsed and drawn, its script held
	// back, on: the script's. (A long table may move while it is still
	// being parsed, as later rows widen its columns; that is not the
	// script's doing, and a loaded machine paints earlier in the parse.)
	// Shifts caused by input (none here) are not counted, as Lighthouse
	// and the browser's own score do not count them.
	const observe = `window.shiftsSeen = [];
window.shiftObserver = new PerformanceObserver(list => window.shiftsSeen.push(...list.getEntries()));
window.shiftObserver.observe({type: "layout-shift"});
true`
	const shifts = `[...window.shiftsSeen, ...window.shiftObserver.takeRecords()].filter(e => !e.hadRecentInput).map(e => ({
  value: e.value,
  nodes: e.sources.map(s => s.node ? s.node.nodeName + (s.node.getAttribute && s.node.getAttribute("class") ? "." + s.node.getAttribute("class").split(" ")[0] : "") : "?"),
}))`
	// Two frames after a change: a shift is found when the frame after the
	// change is drawn.
	const settled = `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`
	// Whether what a past day changes is seen: the first element that
	// shows a document's state (a row, a cell) and the ledger intro's day;
	// "hidden" only if each is.
	const pending = `(() => {
  if (!document.querySelector(".day-form")) return "no day form";
  const parts = [document.querySelector("[data-past]"), document.querySelector("[data-past-day]")].filter(e => e);
  if (!parts.length) return "nothing the day changes";
  return parts.every(e => getComputedStyle(e).visibility === "hidden") ? "hidden" : parts.every(e => getComputedStyle(e).visibility === "visible") ? "visible" : "partly hidden";
})()`
	// Every page at a phone's width and a desktop's under
	// CNS_TEST_EXHAUSTIVE; in a developer's run each at one of the two,
	// in turn, so that each width sees pages with the day's form and with
	// sortable tables, today and on a past day.
	for pi, path := range []string{"documents/", "countries/", "meetings/rm07/", "figures/", "documents/?on=2017-05-01", "meetings/rm07/?on=2017-05-01", "countries/albania/?on=2017-05-01", "figures/?on=2017-05-01"} {
		past := strings.Contains(path, "?on=")
		widths := []int64{375, desktopWidth}
		if !corpus.Exhaustive() {
			widths = widths[pi%2 : pi%2+1]
		}
		for _, width := range widths {
			gate.close()
			var painted, held, ran, ok bool
			var before, after string
			// The script is fetched anew for each load (not from the cache,
			// which the gate would not hold back).
			tab.Run(network.SetCacheDisabled(true), chromedp.EmulateViewport(width, 800),
				chromedp.ActionFunc(func(ctx context.Context) error {
					_, _, _, _, err := page.Navigate(srv.URL + path).Do(ctx)
					return err
				}),
				// Parsed (the deferred script waits at the gate) and painted.
				poll(`document.readyState === "interactive" && performance.getEntriesByName("first-contentful-paint").length > 0`, &painted, 10*time.Second),
				chromedp.Evaluate(settled, &ok, awaitPromise),
				chromedp.Evaluate(observe, &ok),
				chromedp.Evaluate(`!!document.querySelector("script[defer]") && document.readyState !== "complete"`, &held),
				chromedp.Evaluate(pending, &before))
			gate.release()
			if !held {
				t.Fatalf("%s at %d px: the page has no deferred script, or it ran before the test let it through", path, width)
			}
			tab.Run(poll(`document.readyState === "complete"`, &ran, 10*time.Second),
				chromedp.Evaluate(settled, &ok, awaitPromise),
				chromedp.Evaluate(pending, &after))
			if want := map[bool]string{true: "hidden", false: "visible"}[past]; (past || before != "no day form") && (before != want || after != "visible") {
				t.Errorf("%s at %d px: what the day changes is %s before the script runs (want %s) and %s after (want visible)", path, width, before, want, after)
			}
			tab.Run(network.SetCacheDisabled(false))
			var found []struct {
				Value float64  `json:"value"`
				Nodes []string `json:"nodes"`
			}
			tab.Run(chromedp.Evaluate(shifts, &found))
			total := 0.0
			for _, s := range found {
				total += s.Value
			}
			// A shift of a thousandth is a pixel or two of a line; the
			// day's form moved the page by about 0.05 on a desktop.
			if total > 0.001 {
				t.Errorf("%s at %d px: the page moved when its script started (layout shift %.3f): %+v", path, width, total, found)
			}
		}
	}
	// Should the script fail to load, its onerror shows at once what a
	// past day kept hidden for it, with today's states (as without scripts).
	gate.mu.Lock()
	gate.fail = true
	gate.mu.Unlock()
	var shown string
	tab.Run(network.SetCacheDisabled(true), chromedp.Navigate(srv.URL+"documents/?on=2017-05-01"),
		chromedp.Evaluate(pending, &shown), network.SetCacheDisabled(false))
	if shown != "visible" {
		t.Errorf("with its script failing to load, a page on a past day shows what the day changes: %s (want visible)", shown)
	}
}
