package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A document page prints as a clean record (issue 4): no navigation, search
// box, skip link or buttons; black on white; the download and official
// addresses written out. With go test -artifacts, the page is printed to a
// PDF, kept as a test artifact.
func TestDocumentPagePrintsAsCleanRecord(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	edge := Serve(t, edgeSite(t), "")
	real := Serve(t, realSite(t), "")
	for _, c := range []struct {
		name, url string
		written   []string // selectors whose ::after writes out their address
	}{
		{"document-public-file", edge.URL + "documents/rm07-nr-borduria/", []string{"a.download-link", "a.official-link"}},
		{"summary-report", real.URL + "documents/rm07-summary-report/", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var shown []string
			var colors string
			err := chromedp.Run(tab.Ctx,
				chromedp.Navigate(c.url),
				emulation.SetEmulatedMedia().WithMedia("print"),
				chromedp.Evaluate(`[".skip-link", ".site-nav", ".footer-nav", ".searchbox", ".toc", ".copy-link", ".sort-button .sort-icon"]
				  .flatMap(s => [...document.querySelectorAll(s)]).filter(e => getComputedStyle(e).display !== "none")
				  .map(e => e.tagName.toLowerCase() + "." + String(e.className).split(" ")[0])`, &shown),
				chromedp.Evaluate(`getComputedStyle(document.body).color + " on " + getComputedStyle(document.body).backgroundColor`, &colors),
			)
			if err != nil {
				t.Fatal(err)
			}
			if len(shown) > 0 {
				t.Errorf("printed, these still show: %v", shown)
			}
			if colors != "rgb(0, 0, 0) on rgb(255, 255, 255)" {
				t.Errorf("printed colours: %s, want black on white", colors)
			}
			for _, sel := range c.written {
				var after, href string
				if err := chromedp.Run(tab.Ctx,
					chromedp.Evaluate(`getComputedStyle(document.querySelector("`+sel+`"), "::after").content`, &after),
					chromedp.Evaluate(`document.querySelector("`+sel+`").getAttribute("href")`, &href),
				); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(after, href) {
					t.Errorf("printed, %s does not write out its address %q (::after is %s)", sel, href, after)
				}
			}
			if keepArtifacts() {
				var pdf []byte
				if err := chromedp.Run(tab.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
					var err error
					pdf, _, err = page.PrintToPDF().WithPrintBackground(true).Do(ctx)
					return err
				})); err != nil {
					t.Fatal(err)
				}
				f := filepath.Join(t.ArtifactDir(), c.name+".pdf")
				if err := os.WriteFile(f, pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("printed to %s (%d bytes)", f, len(pdf))
			}
			chromedp.Run(tab.Ctx, emulation.SetEmulatedMedia().WithMedia(""))
		})
	}
}

// The axe check can fail: on a page with an image without alternative text
// and unreadable text, it reports both as serious or critical.
func TestAxeReportsViolations(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	src := AxeSource(t)
	srv := Serve(t, realSite(t), "")
	var vs []AxeViolation
	tab.Run(chromedp.Navigate(srv.URL+"about/"),
		chromedp.Evaluate(`document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="data:,"><p style="color:#ccc;background:#fff">faint</p>'); true`, nil),
		AxeRun(src, "", &vs))
	found := map[string]bool{}
	for _, v := range vs {
		if v.Severe() {
			found[v.ID] = true
		}
	}
	for _, id := range []string{"image-alt", "color-contrast"} {
		if !found[id] {
			t.Errorf("axe did not report %s as serious or critical; it reported %v", id, vs)
		}
	}
}

// mapPrint measures a meeting's map under print media: each party's shape
// keeps its pattern, every colour in the patterns and on the land is a
// grey (legible in black and white), the map and its legend show, and the
// legend names each state of the map with its swatch.
const mapPrint = `(() => {
  const fig = document.querySelector("figure#wm");
  if (!fig) return {found: false};
  const shown = e => !!e && e.checkVisibility() && e.getBoundingClientRect().width > 0;
  const grey = c => { const m = c.match(/^rgba?\((\d+), (\d+), (\d+)/); return c === "none" || !!m && m[1] === m[2] && m[2] === m[3]; };
  const colours = [...fig.querySelectorAll("svg.wm-svg pattern *, svg.wm-svg .wm-land")].flatMap(e => {
    const s = getComputedStyle(e);
    return [s.fill, s.stroke].filter(c => !grey(c)).map(c => e.getAttribute("class") + ": " + c);
  });
  const shapes = [...fig.querySelectorAll("svg.wm-svg a.wm-party > path, svg.wm-svg a.wm-party > circle")];
  return {
    found: true,
    map: shown(fig.querySelector("svg.wm-svg")),
    shapes: shapes.length,
    patterned: shapes.filter(p => /^url\("?#wm-/.test(getComputedStyle(p).fill) && document.getElementById(p.getAttribute("fill").slice(5, -1))).length,
    colours,
    legend: shown(fig.querySelector(".wm-legend")),
    keys: [...fig.querySelectorAll(".wm-legend li[data-state]")].filter(li => shown(li) && shown(li.querySelector(".wm-swatch"))).map(li => li.dataset.state),
    // A report not yet in existence on a past day (data-not-yet) has its
    // own entry in the legend, with not_submitted's pattern.
    states: [...new Set([...fig.querySelectorAll(".wm-table tr[data-state]")].map(tr => tr.hasAttribute("data-not-yet") ? "not_yet_submitted" : tr.dataset.state))],
    table: shown(fig.querySelector(".wm-table table")),
  };
})()`

// Issue 22: a meeting's world map prints legible in black and white: its
// shapes keep their patterns, whose colours (and the land's) print as
// greys, and the legend shows a swatch for every state on the map, as does
// the table beside it; on the build's day and on a past day.
func TestMeetingMapPrintsInBlackAndWhite(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	site, cat, _, _, _ := largeSiteAsBuilt(t)
	srv := Serve(t, site, "")
	// The past day: the first of the meeting's review cycle (before it,
	// the page draws no map).
	for _, c := range []struct{ name, path string }{
		{"meeting-map", "meetings/m02/"},
		{"meeting-map-past-day", "meetings/m02/?on=" + meetingOf(cat, "m02").CycleStart.String()},
		{"meeting-map-not-public", "meetings/m01/?on=1999-07-11"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got struct {
				Found, Map, Legend, Table bool
				Shapes, Patterned         int
				Colours, Keys, States     []string
			}
			tab.Run(chromedp.Navigate(srv.URL+c.path), emulation.SetEmulatedMedia().WithMedia("print"), chromedp.Evaluate(mapPrint, &got))
			defer chromedp.Run(tab.Ctx, emulation.SetEmulatedMedia().WithMedia(""))
			if !got.Found {
				t.Fatal("the meeting's page has no map")
			}
			if !got.Map || !got.Legend || !got.Table {
				t.Errorf("printed, the map shows %v, its legend %v, its table %v", got.Map, got.Legend, got.Table)
			}
			if got.Shapes == 0 || got.Patterned != got.Shapes {
				t.Errorf("printed, %d of the map's %d shapes keep their pattern", got.Patterned, got.Shapes)
			}
			if len(got.Colours) > 0 {
				t.Errorf("printed, the map's patterns have colours that are not greys: %v", got.Colours)
			}
			slices.Sort(got.Keys)
			slices.Sort(got.States)
			if len(got.States) == 0 || !slices.Equal(got.Keys, got.States) {
				t.Errorf("printed, the legend shows %v; the map has %v", got.Keys, got.States)
			}
			t.Logf("%d shapes; states %v", got.Shapes, got.States)
			if keepArtifacts() {
				var pdf []byte
				if err := chromedp.Run(tab.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
					var err error
					pdf, _, err = page.PrintToPDF().WithPrintBackground(false).Do(ctx)
					return err
				})); err != nil {
					t.Fatal(err)
				}
				f := filepath.Join(t.ArtifactDir(), c.name+".pdf")
				if err := os.WriteFile(f, pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("printed to %s (%d bytes)", f, len(pdf))
			}
		})
	}
}
