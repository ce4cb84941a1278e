package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// mapFacts measures a meeting's world map: whether it fits the screen, and
// what its table says of each party ("name: state"), by party id.
const mapFacts = `(() => {
  const svg = document.querySelector("#wm svg.wm-svg");
  if (!svg) return {found: false};
  const r = svg.getBoundingClientRect();
  const table = {};
  document.querySelectorAll("#wm .wm-table tr[data-party]").forEach(tr =>
    table[tr.dataset.party] = (tr.querySelector("th").textContent + ": " + tr.querySelector("td").textContent).replace(/\s+/g, " ").trim());
  return {found: true, width: r.width, height: r.height, left: r.left, right: r.right, viewport: innerWidth,
    pageWidth: document.documentElement.scrollWidth, links: document.querySelectorAll("#wm a.wm-party").length, table};
})()`

type mapState struct {
	Found                                           bool
	Width, Height, Left, Right, Viewport, PageWidth float64
	Links                                           int
	Table                                           map[string]string
}

// mapTabLog starts Tab from just before the map and logs, for each focus
// inside it, the party, its accessible name (its aria-label, or the text
// of a link in the box of parties without territory) and whether the focus
// is visible (a thicker stroke on the shape, an outline on a box link).
const mapTabLog = `(() => {
  const fig = document.querySelector("#wm");
  const start = document.createElement("a");
  start.href = "#"; start.id = "wm-test-start"; start.textContent = "start";
  fig.before(start);
  start.focus();
  window.__map = [];
  addEventListener("focusin", e => {
    const a = e.target;
    if (!a.closest || !a.closest("#wm") || !a.classList.contains("wm-party")) return;
    const shape = a.querySelector(":scope > path, :scope > circle");
    let visible;
    if (shape) {
      visible = parseFloat(getComputedStyle(shape).strokeWidth) >= 3;
    } else {
      const cs = getComputedStyle(a);
      visible = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
    }
    window.__map.push({party: a.dataset.party, name: (a.getAttribute("aria-label") || a.textContent).replace(/\s+/g, " ").trim(), visible});
  }, true);
  return true;
})()`

type mapFocus struct {
	Party, Name string
	Visible     bool
}

// axeOn runs axe-core on the map alone.
func axeOn(src, selector string, res *[]AxeViolation) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := loadAxe(ctx, src); err != nil {
			return err
		}
		return chromedp.Evaluate(`axe.run(document.querySelector(`+fmt.Sprintf("%q", selector)+`), {resultTypes: ["violations"]}).then(r =>
  r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary || ""}))})))`, res, awaitPromise).Do(ctx)
	})
}

// Issue 22: a meeting's world map fits a phone and a wide screen (each
// width of layoutWidths), axe finds nothing serious in it at each, and Tab
// reaches every party on it, in turn, with a visible focus and a name that
// says the party and the state its table says.
func TestMeetingMapFitsAndEveryPartyIsReachableByTab(t *testing.T) {
	t.Parallel()
	src := AxeSource(t)
	tab := Browser(t)
	srv := Serve(t, realSite(t), "")
	u := srv.URL + "meetings/rm07/"
	tab.Run(emulation.SetFocusEmulationEnabled(true))
	var facts mapState
	// The widths of layoutWidths, narrowest first: the walk with Tab below
	// runs at the widest.
	widths := layoutWidths()
	slices.Reverse(widths)
	for _, w := range widths {
		var vs []AxeViolation
		tab.Run(chromedp.EmulateViewport(w, 800), chromedp.Navigate(u), chromedp.Evaluate(mapFacts, &facts), axeOn(src, "#wm", &vs))
		if !facts.Found {
			t.Fatalf("at %d px: the meeting page has no map", w)
		}
		if facts.Left < 0 || facts.Right > facts.Viewport+0.5 || facts.PageWidth > facts.Viewport+0.5 || facts.Width < facts.Viewport/2 || facts.Height < 20 {
			t.Errorf("at %d px: map %.0f×%.0f from %.0f to %.0f, page %.0f wide: it does not fit", w, facts.Width, facts.Height, facts.Left, facts.Right, facts.PageWidth)
		}
		for _, v := range vs {
			if v.Severe() {
				t.Errorf("at %d px: %s", w, v)
			}
		}
	}
	if facts.Links == 0 || len(facts.Table) == 0 {
		t.Fatalf("the map has %d links and its table %d rows", facts.Links, len(facts.Table))
	}
	// Every Tab press in one batch, the log read once: the link past the
	// parties first (TestTheMapsPartiesCanBeSkipped), then each party.
	keys := []chromedp.Action{chromedp.Evaluate(mapTabLog, nil), chromedp.KeyEvent(kb.Tab)}
	for range facts.Links {
		keys = append(keys, chromedp.KeyEvent(kb.Tab))
	}
	var got []mapFocus
	tab.Run(append(keys, chromedp.Evaluate(`window.__map`, &got))...)
	if len(got) != facts.Links {
		t.Errorf("%d Tab presses from before the map reached %d of its %d links", facts.Links, len(got), facts.Links)
	}
	seen := map[string]bool{}
	for _, f := range got {
		seen[f.Party] = true
		if want := facts.Table[f.Party]; want == "" || f.Name != want {
			t.Errorf("party %s announces %q; its table row says %q", f.Party, f.Name, want)
		}
		if !f.Visible {
			t.Errorf("party %s: the focus is not visible", f.Party)
		}
	}
	t.Logf("%d links on the map, %d reached by Tab, %d rows in its table", facts.Links, len(got), len(facts.Table))
	for p := range facts.Table {
		if !seen[p] {
			t.Errorf("party %s is in the table but Tab never reached it on the map", p)
		}
	}
}

// A meeting map says why a report its party published on a day no source
// gives is restricted, as the lists do ("published by its Contracting Party
// on a day not known"), in its shape's accessible name and its table: the
// edge catalog's Côte d'Ivoire at the 6th meeting.
func TestMeetingMapSaysWhyAReportIsRestricted(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join(edgeSite(t), "meetings", "rm06", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	const want = "Côte d&#39;Ivoire: National Report: Restricted, published by its Contracting Party on a day not known"
	if got := strings.Count(string(page), `aria-label="`+want+`"`); got != 1 {
		t.Errorf("%d shapes of the map are named %q, want 1", got, want)
	}
	row := regexp.MustCompile(`data-party="cote-divoire"[^>]*><th scope="row">[^<]*</th><td[^>]*>([^<]*)</td>`).FindSubmatch(page)
	if row == nil || string(row[1]) != "National Report: Restricted, published by its Contracting Party on a day not known" {
		t.Errorf("the map's table says of Côte d'Ivoire %q", row)
	}
}

// A meeting that has adjourned with no document of the meeting as a whole
// recorded says that this is the catalog's gap (every meeting adopts one,
// Article 25), shown from its adjournment on a past day; one still to be
// held does not say it: the edge catalog's 6th and 8th meetings.
func TestMeetingWithoutItsOwnDocumentsSaysTheCatalogLacksThem(t *testing.T) {
	t.Parallel()
	site := edgeSite(t)
	for _, c := range []struct {
		meeting string
		want    bool
	}{{"rm06", true}, {"rm08", false}} {
		page, err := os.ReadFile(filepath.Join(site, "meetings", c.meeting, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), "No documents of the meeting as a whole are recorded.") {
			t.Fatalf("%s: the page does not say that no document of the meeting as a whole is recorded", c.meeting)
		}
		gap := regexp.MustCompile(`<p data-past-from="(\d{4}-\d{2}-\d{2})">That is a gap in this catalog`).FindSubmatch(page)
		if (gap != nil) != c.want || gap != nil && string(gap[1]) != "2014-04-04" {
			t.Errorf("%s: the page says it is the catalog's gap: %q; want it %v, from the adjournment", c.meeting, gap, c.want)
		}
	}
}

// mapFileLayout measures a map.svg opened on its own (the function takes
// the words the legend may hold in the file's language): lines of text
// outside the picture, legend entries that overlap, entries whose words
// do not follow their swatch on its right, the direction each line is
// written in ("rtl|", or "ltr|wm-url" for the address), and the words that, with a three-digit
// count, would not fit the legend's column.
const mapFileLayout = `(words => {
  const svg = document.documentElement, vb = svg.viewBox.baseVal;
  const out = {outside: [], overlaps: [], order: [], dirs: [], tooWide: [], entries: 0, columns: 0};
  for (const t of svg.querySelectorAll("text")) {
    const b = t.getBBox();
    if (b.x < vb.x || b.x + b.width > vb.x + vb.width || b.y < vb.y || b.y + b.height > vb.y + vb.height) out.outside.push(t.textContent);
    out.dirs.push(getComputedStyle(t).direction + "|" + (t.getAttribute("class") || ""));
  }
  const items = [...svg.querySelectorAll(".wm-legend > g")], boxes = items.map(g => g.getBBox());
  out.entries = items.length;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
    if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) out.overlaps.push(items[i].textContent + " / " + items[i + 1 + j].textContent);
  }));
  for (const g of items) {
    const s = g.querySelector("rect").getBBox(), t = g.querySelector("text").getBBox();
    if (t.x < s.x + s.width || t.x - (s.x + s.width) > 12) out.order.push(g.textContent);
  }
  const xs = [...new Set(items.map(g => g.querySelector("rect").getBBox().x))].sort((a, b) => a - b);
  out.columns = xs.length;
  const step = xs.length > 1 ? xs[1] - xs[0] : vb.width;
  const probe = items[0].querySelector("text");
  for (const w of words) {
    const t = probe.cloneNode(false);
    t.textContent = w + ": 999";
    probe.parentNode.appendChild(t);
    if (t.getBBox().width + 22 > step - 8) out.tooWide.push(w);
    t.remove();
  }
  return out;
})`

type mapLayout struct {
	Outside, Overlaps, Order, Dirs, TooWide []string
	Entries, Columns                        int
}

// Issue 22: the downloadable map (map.svg) reads in every language: its
// legend runs left to right, each entry's words after its swatch, no
// entry over another, every word a legend may hold (with a count) fits
// its column, no line of text leaves the picture, and in Arabic each line
// is written right to left (the map's address left to right).
func TestMapFileLegendReadsInEveryLanguage(t *testing.T) {
	t.Parallel()
	site := allLanguagesSite(t)
	strs := themetest.Strings(t)
	tab := Browser(t)
	srv := Serve(t, site, "")
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		var words []string
		for _, k := range []string{"state_public", "state_scheduled", "state_withheld", "state_restricted", "state_not_submitted", "state_withdrawn", "state_unknown", "no_record", "standing_not_yet", "standing_left", "standing_unknown", "map_other_land"} {
			words = append(words, strs[lang][k]["other"])
		}
		arg, _ := json.Marshal(words)
		prefix := themetest.Prefix(lang)
		for _, m := range []string{"rm06", "rm07"} {
			where := prefix + "meetings/" + m + "/map.svg"
			var got mapLayout
			tab.Run(chromedp.Navigate(srv.URL+where), chromedp.Evaluate(mapFileLayout+"("+string(arg)+")", &got))
			if got.Entries < 2 {
				t.Errorf("%s: the legend has %d entries", where, got.Entries)
				continue
			}
			for _, problem := range []struct {
				what string
				list []string
			}{{"lines outside the picture", got.Outside}, {"legend entries over each other", got.Overlaps}, {"legend entries whose words are not right of their swatch", got.Order}, {"words too wide for the legend's columns", got.TooWide}} {
				if len(problem.list) > 0 {
					t.Errorf("%s: %s: %q", where, problem.what, problem.list)
				}
			}
			want := "ltr|"
			if lang == "ar" {
				want = "rtl|"
			}
			for _, d := range got.Dirs {
				if d != want && d != "ltr|wm-url" {
					t.Errorf("%s: a line is written %q; want %q (or the address left to right)", where, d, want)
				}
			}
			if !strings.Contains(strings.Join(got.Dirs, " "), want) {
				t.Errorf("%s: no line is written %q: %v", where, want, got.Dirs)
			}
		}
	}
}

// A keyboard user may go past the map's parties (about a hundred Tab
// stops, a keyboard review counted 96 before the meeting's table): the
// first stop in the map is a link, seen when focused, whose Enter brings
// the next Tab to the map as a table.
func TestTheMapsPartiesCanBeSkipped(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	tab := Browser(t)
	srv := Serve(t, realSite(t), "")
	var got struct {
		Name    string
		Visible bool
	}
	var after string
	tab.Run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"meetings/rm07/"),
		chromedp.Evaluate(mapTabLog, nil), chromedp.KeyEvent(kb.Tab),
		chromedp.Evaluate(`(() => { const a = document.activeElement, r = a.getBoundingClientRect(); return {Name: a.textContent.trim(), Visible: a.closest("#wm") !== null && r.width > 20 && r.height > 10}; })()`, &got),
		chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab),
		chromedp.Evaluate(`(() => { const a = document.activeElement; return a.tagName + (a.closest("details.wm-table") ? " in the map's table" : ""); })()`, &after))
	if got.Name != "Skip the map's parties, to the map as a table" || !got.Visible {
		t.Errorf("the first stop in the map is %q (seen %v), want the visible link past its parties", got.Name, got.Visible)
	}
	if after != "SUMMARY in the map's table" {
		t.Errorf("after the link, Tab goes to %s, want the map's table", after)
	}
}

// A keyboard reader sees which party the map's focus is on, and its state:
// a review found them only in the shape's accessible name, the small
// parties mere dots. Tab through every party of the map: its name and
// state, as its accessible name says them, show in words hidden from
// assistive technology (the link has the name), in a corner of the map
// or under it, over none of the focused party's shape (a review found
// them over twelve parties at 320 px, over Australia in Arabic); they go
// with the focus. At a phone's width and a desktop's, and in Arabic.
func TestTheMapNamesTheFocusedPartyInWords(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	english, all := Serve(t, realSite(t), ""), Serve(t, allLanguagesSite(t), "")
	// Each focus on a party, once the page's own handlers have run (a
	// listener on the document hears the event after the map's parent).
	const logCaptions = `(() => {
  window.__captions = [];
  const svg = document.querySelector("#wm svg.wm-svg");
  document.addEventListener("focusin", e => {
    const a = e.target;
    if (!a.closest || !svg.contains(a) || !a.matches("a.wm-party")) return;
    const c = document.querySelector("#wm .wm-caption");
    const shown = !!c && c.checkVisibility();
    const r = shown ? c.getBoundingClientRect() : null, m = svg.getBoundingClientRect(), p = a.getBoundingClientRect();
    window.__captions.push({party: a.dataset.party, shown, text: shown ? c.textContent : "", name: a.getAttribute("aria-label") || "",
      hidden: shown && c.getAttribute("aria-hidden") === "true",
      over: shown && !(r.right <= p.left || p.right <= r.left || r.bottom <= p.top || p.bottom <= r.top),
      placed: shown && (Math.abs(r.top - m.bottom) <= 1 || (r.top >= m.top - 1 && r.bottom <= m.bottom + 1 && r.left >= m.left - 1 && r.right <= m.right + 1))});
  });
  const all = [...svg.querySelectorAll("a.wm-party")];
  const start = document.createElement("a");
  start.href = "#"; start.textContent = "start";
  document.querySelector("#wm").before(start);
  start.focus();
  return all.length;
})()`
	type caption struct {
		Party, Text, Name           string
		Shown, Hidden, Over, Placed bool
	}
	for _, c := range []struct {
		srv   *Server
		path  string
		width int64
	}{{english, "meetings/rm07/", 1280}, {english, "meetings/rm07/", 320}, {all, "ar/meetings/rm07/", 1280}} {
		where := fmt.Sprintf("/%s at %d px", c.path, c.width)
		var n int
		tab.Run(chromedp.EmulateViewport(c.width, 900), chromedp.Navigate(c.srv.URL+c.path), chromedp.Evaluate(logCaptions, &n))
		// The link past the parties first (TestTheMapsPartiesCanBeSkipped).
		keys := []chromedp.Action{chromedp.KeyEvent(kb.Tab)}
		for range n {
			keys = append(keys, chromedp.KeyEvent(kb.Tab))
		}
		var got []caption
		var gone bool
		tab.Run(append(keys, chromedp.Evaluate(`window.__captions`, &got),
			chromedp.Evaluate(`document.activeElement.blur(), !!document.querySelector("#wm .wm-caption") && document.querySelector("#wm .wm-caption").checkVisibility()`, &gone))...)
		if n == 0 || len(got) != n {
			t.Fatalf("%s: %d parties on the map, %d focused", where, n, len(got))
		}
		for _, g := range got {
			if !g.Shown || g.Text == "" || g.Text != g.Name || !g.Hidden {
				t.Errorf("%s: %s focused, the words %+v; want its accessible name, shown, hidden from assistive technology", where, g.Party, g)
			}
			if g.Over || !g.Placed {
				t.Errorf("%s: %s focused, its words are over its shape %v, in a corner of the map or under it %v", where, g.Party, g.Over, g.Placed)
			}
		}
		if gone {
			t.Errorf("%s: the focus left the map, and its words stay", where)
		}
	}
}
