package browsertest

import (
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// pastChart is a chart as the reader sees it (partial figure.html): its
// numbers in the picture and in the table, by series (and the total),
// where the picture draws each segment, the days its lines name, and
// whether the notes only a past day shows are shown.
type pastChart struct {
	Found bool           `json:"found"`
	Shown bool           `json:"shown"` // the picture is visible
	Table map[string]int `json:"table"`
	SVG   map[string]int `json:"svg"`
	Total int            `json:"total"`
	Bars  []struct {
		Series  string  `json:"series"`
		X       float64 `json:"x"`
		W       float64 `json:"w"`
		Pattern bool    `json:"pattern"` // its fill is a colour, or a pattern on the page
	} `json:"bars"`
	Legend    []string `json:"legend"` // the series' words in the picture's legend
	Desc      string   `json:"desc"`
	AsOf      string   `json:"asOf"`      // the day the line "as of" names
	CiteDay   string   `json:"citeDay"`   // the day the citation names
	CiteHref  string   `json:"citeHref"`  // the address it cites
	CiteText  string   `json:"citeText"`  // the address as written
	FilesNote string   `json:"filesNote"` // the visible note on the files to download
	RTL       bool     `json:"rtl"`
}

// readPastChartOf reads the chart section the selector finds.
func readPastChartOf(selector string) string {
	return strings.Replace(`(() => {
  const sec = document.querySelector(SELECTOR);
  if (!sec) return {found: false};
  const squash = s => s.replace(/\s+/g, " ").trim();
  const table = {}, svg = {};
  for (const td of sec.querySelectorAll("table [data-row] td[data-series]")) table[td.dataset.series] = Number(td.dataset.value);
  const bars = [...sec.querySelectorAll(".chart-svg svg [data-row] rect[data-series]")].map(r => {
    svg[r.dataset.series] = Number(r.dataset.value);
    const f = r.getAttribute("fill");
    return {series: r.dataset.series, x: Number(r.getAttribute("x")), w: Number(r.getAttribute("width")),
      pattern: !f.startsWith("url(#") || !!document.getElementById(f.slice(5, -1))};
  });
  const chart = sec.querySelector(".chart-svg svg");
  const total = chart.querySelector("[data-total]");
  const cite = sec.querySelector(".citation");
  const note = [...sec.querySelectorAll("[data-past-only]")].filter(e => e.checkVisibility()).map(e => squash(e.textContent)).join(" ");
  return {
    found: true,
    shown: chart.checkVisibility(),
    table, svg, bars,
    total: total ? Number(total.dataset.total) : -1,
    legend: [...chart.querySelectorAll(":scope > g > text:not([data-total])")].filter(t => !t.closest("[data-row]")).map(t => squash(t.textContent)),
    desc: squash(chart.querySelector("desc").textContent),
    asOf: (sec.querySelector(".figure-asof time") || {getAttribute: () => ""}).getAttribute("datetime"),
    citeDay: (cite.querySelector("time") || {getAttribute: () => ""}).getAttribute("datetime"),
    citeHref: cite.querySelector("a").getAttribute("href"),
    citeText: squash(cite.querySelector("a").textContent),
    filesNote: note,
    rtl: chart.getAttribute("direction") === "rtl",
  };
})()`, "SELECTOR", fmt.Sprintf("%q", selector), 1)
}

// pastHidden is, for each chart that does not follow the day, whether its
// body is visible and the words of its note (empty when not shown).
const readPastHidden = `[...document.querySelectorAll("section.figure:not([data-past-kind])")].map(sec => {
  const body = sec.querySelector("[data-past-hide]"), note = sec.querySelector(".note[data-past-only]");
  if (!body && !note) return null; // a chart with no figures yet: nothing to hide
  return {id: sec.id, body: !!body && body.checkVisibility(), note: note && note.checkVisibility() ? note.textContent.replace(/\s+/g, " ").trim() : "",
    link: note ? [...note.querySelectorAll("a")].pop().getAttribute("href") : "",
    meetings: [...sec.querySelectorAll("[data-past-only] a[data-keep-day]")].filter(a => a.checkVisibility()).map(a => a.getAttribute("href") + " " + a.closest("li").dataset.pastFrom)};
}).filter(h => h)`

type pastHidden struct {
	ID   string `json:"id"`
	Body bool   `json:"body"`
	Note string `json:"note"`
	Link string `json:"link"`
	// Meetings: the links to meeting pages that work the chart out for
	// the day (a chart the figures page cannot, and they can).
	Meetings []string `json:"meetings"`
}

// mapCite reads a map's citation and the note on its file.
func mapCite(selector string) string {
	return strings.Replace(`(() => {
  const fig = document.querySelector(SELECTOR);
  const cite = fig.querySelector(".citation"), note = fig.querySelector("[data-past-only]");
  return {citeDay: (cite.querySelector("time") || {getAttribute: () => ""}).getAttribute("datetime"), citeHref: cite.querySelector("a").getAttribute("href"),
    citeText: cite.querySelector("a").textContent.trim(), filesNote: note && note.checkVisibility() ? note.textContent.replace(/\s+/g, " ").trim() : ""};
})()`, "SELECTOR", fmt.Sprintf("%q", selector), 1)
}

type citeView struct {
	CiteDay   string `json:"citeDay"`
	CiteHref  string `json:"citeHref"`
	CiteText  string `json:"citeText"`
	FilesNote string `json:"filesNote"`
}

// citeCheck fails t where a citation does not name the day shown or does
// not cite the page on that day, or the note on the files to download is
// not shown on a past day (or is shown on the build's day).
func citeCheck(t *testing.T, where string, c citeView, note string, day, asOf catalog.Date) {
	t.Helper()
	if day == asOf {
		if c.CiteDay != asOf.String() || strings.Contains(c.CiteHref, "on=") || c.FilesNote != "" {
			t.Errorf("%s: on the build's day the citation names %q and cites %q, and the note on the files says %q", where, c.CiteDay, c.CiteHref, c.FilesNote)
		}
		return
	}
	if c.CiteDay != day.String() {
		t.Errorf("%s: the citation names %q, not the day shown", where, c.CiteDay)
	}
	if !strings.Contains(c.CiteHref, "?on="+day.String()+"#") || c.CiteText != c.CiteHref {
		t.Errorf("%s: the citation cites %q (written %q), not the page on the day shown", where, c.CiteHref, c.CiteText)
	}
	if note == "" || !strings.Contains(c.FilesNote, note) {
		t.Errorf("%s: the note on the files to download says %q; want the words %q", where, c.FilesNote, note)
	}
}

// chartCheck compares a meeting's chart of National Reports by state on
// a day with the states the grid shows of them (grid, which pastCheck has
// compared with the engine): the table and the picture count them alike,
// the total is every report of the meeting, each segment drawn is at
// least its least width, the segments follow each other from the line's
// start (its end in a right-to-left page) and the bar fits the picture,
// and the lines around it name the day.
func chartCheck(t *testing.T, where string, got pastChart, reports []string, grid map[string]string, notes map[string]string, long func(catalog.Date) string, day, asOf catalog.Date) {
	t.Helper()
	if !got.Found || !got.Shown {
		t.Errorf("%s: the chart of National Reports by state is not shown (found %v)", where, got.Found)
		return
	}
	want := map[string]int{}
	for _, id := range reports {
		want[grid[id]]++
	}
	nonzero := func(m map[string]int) map[string]int {
		out := map[string]int{}
		for k, v := range m {
			if v != 0 && k != "total" {
				out[k] = v
			}
		}
		return out
	}
	if !maps.Equal(nonzero(got.Table), want) || got.Table["total"] != len(reports) {
		t.Errorf("%s: the chart's table counts %v; the grid shows the %d reports %v", where, got.Table, len(reports), want)
	}
	if !maps.Equal(got.SVG, want) || got.Total != len(reports) {
		t.Errorf("%s: the chart draws %v (total %d); the grid shows the %d reports %v", where, got.SVG, got.Total, len(reports), want)
	}
	if day != asOf {
		if _, ok := got.Table["not_public"]; !ok {
			t.Errorf("%s: the chart's table has no column for reports not public that day: %v", where, got.Table)
		}
		if slices.Contains(got.Legend, notes["withheld"]) || !slices.Contains(got.Legend, notes["not_public"]) {
			t.Errorf("%s: the legend on a past day says %v; want %q and not %q, a state no past day shows", where, got.Legend, notes["not_public"], notes["withheld"])
		}
	}
	// The bars' least width, the drawing's width and the bars' length
	// (chartsvg.html).
	const minW, width, length = 9.0, 300.0, 248.0
	pos := 0.0
	for _, b := range got.Bars {
		x := b.X
		if got.RTL {
			x = width - b.X - b.W
		}
		if b.W < minW-0.05 || x < pos-0.15 || x > pos+0.15 || !b.Pattern {
			t.Errorf("%s: the segment %s is drawn at %.1f, %.1f wide (pattern on the page: %v); it should start at %.1f and be at least %.0f wide", where, b.Series, b.X, b.W, b.Pattern, pos, minW)
		}
		pos = x + b.W
	}
	if pos > length+0.2 {
		t.Errorf("%s: the bar ends at %.1f, beyond the bars' length %.0f", where, pos, length)
	}
	if got.AsOf != day.String() || long != nil && !strings.Contains(got.Desc, long(day)) {
		t.Errorf("%s: the chart says it is as of %q (%q), not the day %s", where, got.AsOf, got.Desc, day)
	}
	citeCheck(t, where+", the chart", citeView{got.CiteDay, got.CiteHref, got.CiteText, got.FilesNote}, notes["files"], day, asOf)
}

// hiddenCheck fails t where fewer than want charts do not follow the day,
// where, on a past day, a chart that does not follow
// the day is shown, or its note is not, or its note does not lead to the
// chart on the build's day; on the build's day, where such a chart is
// hidden or its note shown.
func hiddenCheck(t *testing.T, where string, got []pastHidden, want int, note string, day, asOf catalog.Date) {
	t.Helper()
	if len(got) < want {
		t.Errorf("%s: %d charts do not follow the day; want at least %d", where, len(got), want)
	}
	for _, h := range got {
		switch {
		case day == asOf && (!h.Body || h.Note != ""):
			t.Errorf("%s: on the build's day the chart %s is shown %v, with the note %q", where, h.ID, h.Body, h.Note)
		case day != asOf && (h.Body || !strings.Contains(h.Note, note) || !strings.HasSuffix(h.Link, "#"+h.ID) || strings.Contains(h.Link, "on=")):
			t.Errorf("%s: on a past day the chart %s is shown %v, with the note %q leading to %q", where, h.ID, h.Body, h.Note, h.Link)
		}
		for _, m := range h.Meetings {
			// The link's address, then the day its meeting's review cycle
			// began ("undefined" for the first meeting's, at entry into force).
			href, from, _ := strings.Cut(m, " ")
			if day != asOf && (!strings.Contains(href, "meetings/") || !strings.Contains(href, "on="+day.String())) {
				t.Errorf("%s: the note of the chart %s leads to %q, not to a meeting's page on the day shown", where, h.ID, href)
			}
			if from != "undefined" && day.String() < from {
				t.Errorf("%s: the note of the chart %s leads to %q, whose meeting's review cycle began on %s, after the day shown", where, h.ID, href, from)
			}
		}
	}
}

// meetingsLinkedCheck fails t where, on a past day, the figures page's
// chart of National Reports by state, which each meeting's page works out
// for the day, does not lead to those pages: one a meeting at most (those
// with National Reports have a row), of the meetings whose review cycle
// had begun (each link's day: hiddenCheck), and at least one (the first
// meeting's, whose cycle began at entry into force).
func meetingsLinkedCheck(t *testing.T, where string, got []pastHidden, c *catalog.Catalog, day, asOf catalog.Date) {
	t.Helper()
	if day == asOf {
		return
	}
	begun, n := 0, 0
	for _, m := range c.Meetings {
		if cycle := m.CycleStart; cycle.IsZero() || cycle == c.InForce || !day.Before(cycle) {
			begun++
		}
	}
	for _, h := range got {
		n += len(h.Meetings)
	}
	if n == 0 || n > begun {
		t.Errorf("%s: the hidden charts' notes lead to %d meeting pages; want 1 to %d, one a meeting whose cycle had begun", where, n, begun)
	}
}

// before is the words of a string before its first argument.
func before(s string) string {
	w, _, _ := strings.Cut(s, "{{")
	return strings.TrimSpace(w)
}

// Issue 22: the figures page on a past day. Its world map (the latest
// meeting's) follows the day as the meeting's own map does, equal to the
// meeting's grid and to the engine's decisions for that day; its charts,
// which the page cannot work out for another day, are hidden, each with
// a note that says so and leads to it as of the build's day. The meeting's
// own chart of National Reports by state follows the day, counted from
// its grid: its table and picture equal the engine's decisions for that
// day; its other charts are hidden with the note. On a past day every
// citation names the day shown and cites the page on it, and a note says
// the files to download are those of the build's day. On the generated
// catalog, on the days either side of a change of the latest meeting's
// reports, on a day before any meeting and on the build's day.
func TestFiguresPageAndMeetingChartsOnAPastDay(t *testing.T) {
	t.Parallel()
	site, c, asOf, today, titles := largeSiteAsBuilt(t)
	loc := c.Rules.Location
	words := themetest.StringsIn(t, "en")
	notes := map[string]string{"files": before(words["past_files_note"]), "hidden": before(words["figure_past_hidden"]),
		"withheld": words["state_withheld"], "not_public": words["state_unknown"]}

	tab := Browser(t)
	srv := Serve(t, site, "")
	// The meeting the figures page maps: its reports' meeting.
	var docs []string
	tab.Run(chromedp.Navigate(srv.URL+"figures/"), chromedp.Evaluate(`[...document.querySelectorAll("figure#figmap tr[data-doc]")].map(tr => tr.dataset.doc)`, &docs))
	if len(docs) == 0 {
		t.Fatal("the figures page's map has no report with its past")
	}
	var meeting string
	for _, d := range c.Documents {
		if d.ID == docs[0] {
			meeting = d.Meeting
		}
	}
	reports := docsOf(c, func(d *catalog.Document) bool { return d.Meeting == meeting && d.Kind == disclosure.NationalReport })
	all := docsOf(c, func(d *catalog.Document) bool { return d.Meeting == meeting })

	// The days either side of the middle publication of the meeting's
	// reports, and of a withdrawal if it has one.
	var public []*catalog.Document
	var withdrawn *catalog.Document
	for _, d := range c.Documents {
		if d.Meeting != meeting || d.Kind != disclosure.NationalReport {
			continue
		}
		switch today[d.ID].State {
		case publication.Public:
			public = append(public, d)
		case publication.Withdrawn:
			withdrawn = d
		}
	}
	if len(public) == 0 {
		t.Fatalf("the generated catalog has no public report of %s; the test needs one", meeting)
	}
	slices.SortFunc(public, func(a, b *catalog.Document) int {
		return strings.Compare(today[a.ID].PublicFrom.String(), today[b.ID].PublicFrom.String())
	})
	pd := today[public[len(public)/2].ID].PublicFrom
	days := []catalog.Date{{Year: 1995, Month: 6, Day: 1}, pd.AddDays(-1), pd}
	if withdrawn != nil {
		days = append(days, today[withdrawn.ID].WithdrawnOn.AddDays(-1))
	}
	days = append(days, asOf)

	seen := map[string]int{}
	for _, day := range days {
		engine := publication.DecideAll(c, day.Start(loc))
		var grid pastView
		var chart pastChart
		var hidden []pastHidden
		var wm citeView
		path := "meetings/" + meeting + "/?on=" + day.String()
		tab.Run(chromedp.Navigate(srv.URL+path), chromedp.Evaluate(readPastView, &grid),
			chromedp.Evaluate(readPastChartOf(`section.figure[data-past-kind]`), &chart), chromedp.Evaluate(readPastHidden, &hidden),
			chromedp.Evaluate(mapCite("figure#wm"), &wm))
		where := fmt.Sprintf("%s on %s", path, day)
		shown := pastCheck(t, where, grid, c, all, engine, titles, day, asOf)
		// Before the meeting's review cycle began, its charts and map are
		// not shown at all (TestMeetingAndCountryPagesOnAPastDayAgreeWithTheEngine).
		if cycle := meetingOf(c, meeting).CycleStart; cycle.IsZero() || cycle == c.InForce || !day.Before(cycle) {
			chartCheck(t, where, chart, reports, shown, notes, catalog.Date.Long, day, asOf)
			for s, n := range chart.SVG {
				seen[s] += n
			}
			hiddenCheck(t, where, hidden, 1, notes["hidden"], day, asOf)
			citeCheck(t, where+", the map", wm, notes["files"], day, asOf)
		}

		var fig pastView
		var figMap pastMap
		var figHidden []pastHidden
		var figCite citeView
		var mapFrom string // the day the mapped meeting's cycle began
		var mapShown bool
		path = "figures/?on=" + day.String()
		tab.Run(chromedp.Navigate(srv.URL+path), chromedp.Evaluate(readPastView, &fig), chromedp.Evaluate(readPastMapOf("figure#figmap"), &figMap),
			chromedp.Evaluate(readPastHidden, &figHidden), chromedp.Evaluate(mapCite("figure#figmap"), &figCite),
			chromedp.Evaluate(`(document.querySelector("[data-past-from]") || {dataset: {}}).dataset.pastFrom || ""`, &mapFrom),
			chromedp.Evaluate(`document.querySelector("figure#figmap").checkVisibility()`, &mapShown))
		where = fmt.Sprintf("%s on %s", path, day)
		if !fig.FormShown || fig.Input != day.String() || fig.Label != words["page_day_label"] {
			t.Errorf("%s: the day's form is shown %v with %q, labelled %q", where, fig.FormShown, fig.Input, fig.Label)
		}
		if day != asOf && fig.NoteDay != day.String() {
			t.Errorf("%s: the note names %q, not the day: %q", where, fig.NoteDay, fig.Note)
		}
		hiddenCheck(t, where, figHidden, 3, notes["hidden"], day, asOf)
		meetingsLinkedCheck(t, where, figHidden, c, day, asOf)
		// Before the mapped meeting's cycle began, no map: its test is
		// TestFiguresPageMapsTheLatestMeetingOnlyFromItsCycle.
		if before := mapFrom != "" && day.String() < mapFrom; before || !mapShown {
			if before == mapShown {
				t.Errorf("%s: the map is shown %v, its meeting's cycle beginning on %q", where, mapShown, mapFrom)
			}
			continue
		}
		mapCheck(t, where, figMap, c, meeting, engine, shown, words, catalog.Date.Long, day, asOf)
		citeCheck(t, where+", the map", figCite, notes["files"], day, asOf)
	}
	for _, s := range []string{"public", "scheduled", "not_public"} {
		if seen[s] == 0 {
			t.Errorf("no report was counted %s in the chart on any day: the catalog did not test that case (%v)", s, seen)
		}
	}
	if c := tab.ConsoleErrors(); len(c) > 0 {
		t.Errorf("console errors: %v", c)
	}
	t.Logf("%s on %v: reports counted by state %v", meeting, days, seen)
}

// Issue 22: the same in Arabic (right to left), on the fixture catalog:
// the 7th meeting's chart of National Reports by state on the days either
// side of its reports' 90th day, drawn from the line's end, its words and
// notes in Arabic; the figures page's map on those days as the meeting's
// grid and the engine say, its charts hidden with the Arabic note; on a
// phone both fit and axe finds nothing serious.
func TestFiguresOnAPastDayInArabic(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	site := allLanguagesSite(t)
	c, err := catalog.Load(os.DirFS(Fixture), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	arabic := themetest.StringsIn(t, "ar")
	notes := map[string]string{"files": before(arabic["past_files_note"]), "hidden": before(arabic["figure_past_hidden"]),
		"withheld": arabic["state_withheld"], "not_public": arabic["state_unknown"]}
	loc := c.Rules.Location
	asOf := catalog.Date{Year: 2017, Month: 7, Day: 6}
	today := publication.DecideAll(c, asOf.Start(loc))
	titles := pastTitles(c, today, false)
	all := docsOf(c, func(d *catalog.Document) bool { return d.Meeting == "rm07" })
	reports := docsOf(c, func(d *catalog.Document) bool { return d.Meeting == "rm07" && d.Kind == disclosure.NationalReport })

	tab := Browser(t)
	srv := Serve(t, site, "")
	seen := map[string]int{}
	for _, day := range []catalog.Date{{Year: 2017, Month: 4, Day: 6}, {Year: 2017, Month: 7, Day: 5}} {
		engine := publication.DecideAll(c, day.Start(loc))
		var grid pastView
		var chart pastChart
		var hidden []pastHidden
		path := "ar/meetings/rm07/?on=" + day.String()
		tab.Run(chromedp.Navigate(srv.URL+path), chromedp.Evaluate(readPastView, &grid),
			chromedp.Evaluate(readPastChartOf(`section.figure[data-past-kind]`), &chart), chromedp.Evaluate(readPastHidden, &hidden))
		where := fmt.Sprintf("%s on %s", path, day)
		// The note under the timing chart (a source's count of early
		// publications) speaks of the chart: hidden with it.
		var helps []bool
		tab.Run(chromedp.Evaluate(`[...document.querySelectorAll("p.help[data-past-hide]")].map(p => p.checkVisibility())`, &helps))
		if len(helps) == 0 || slices.Contains(helps, true) {
			t.Errorf("%s: the notes under the charts not worked out for the day are %v; want some, all hidden", where, helps)
		}
		shown := pastCheck(t, where, grid, c, all, engine, titles, day, asOf)
		if !chart.RTL {
			t.Errorf("%s: the chart is not drawn right to left", where)
		}
		chartCheck(t, where, chart, reports, shown, notes, nil, day, asOf)
		for s, n := range chart.SVG {
			seen[s] += n
		}
		hiddenCheck(t, where, hidden, 1, notes["hidden"], day, asOf)

		var figMap pastMap
		var figHidden []pastHidden
		var figCite citeView
		path = "ar/figures/?on=" + day.String()
		tab.Run(chromedp.Navigate(srv.URL+path), chromedp.Evaluate(readPastMapOf("figure#figmap"), &figMap),
			chromedp.Evaluate(readPastHidden, &figHidden), chromedp.Evaluate(mapCite("figure#figmap"), &figCite))
		where = fmt.Sprintf("%s on %s", path, day)
		mapCheck(t, where, figMap, c, "rm07", engine, shown, arabic, nil, day, asOf)
		hiddenCheck(t, where, figHidden, 3, notes["hidden"], day, asOf)
		meetingsLinkedCheck(t, where, figHidden, c, day, asOf)
		citeCheck(t, where+", the map", figCite, notes["files"], day, asOf)
	}
	// On a phone, the pages on a past day fit, and axe finds nothing
	// serious in what the day changed. In a developer's run axe reads the
	// first page alone, the Arabic meeting's, whose grid, chart and map the
	// day changed (axe took about 2 core-seconds a page here, the pages
	// being long at 320 px); under CNS_TEST_EXHAUSTIVE it reads all three.
	src := AxeSource(t)
	for i, path := range []string{"ar/meetings/rm07/?on=2017-04-06", "ar/figures/?on=2017-04-06", "meetings/rm07/?on=2017-04-06"} {
		var vs []AxeViolation
		var wide bool
		tab.Run(chromedp.EmulateViewport(320, 800), chromedp.Navigate(srv.URL+path),
			chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth + 0.5`, &wide))
		if i == 0 || corpus.Exhaustive() {
			tab.Run(axeOn(src, "main", &vs))
		}
		if wide {
			t.Errorf("%s at 320 px: the page is wider than the screen", path)
		}
		for _, v := range vs {
			if v.Severe() {
				t.Errorf("%s at 320 px: %s", path, v)
			}
		}
	}
	for _, s := range []string{"scheduled", "not_submitted"} {
		if seen[s] == 0 {
			t.Errorf("no report was counted %s in the chart on any day: the fixture did not test that case (%v)", s, seen)
		}
	}
	if c := tab.ConsoleErrors(); len(c) > 0 {
		t.Errorf("console errors: %v", c)
	}
}

// The figures page maps the latest meeting; on a past day before that
// meeting's review cycle began (the day the meeting before it adjourned),
// its reports were not being prepared yet, and the page shows, instead of
// the map, a note saying so (a reader's review found the 10th meeting's
// map drawn for 2017). From that day on, the map.
func TestFiguresPageMapsTheLatestMeetingOnlyFromItsCycle(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	site := realSite(t)
	b, err := os.ReadFile(site + "/figures/index.html")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-past-from="(\d{4}-\d{2}-\d{2})"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("the figures page's map says no day its meeting's cycle began (data-past-from)")
	}
	from, err := catalog.ParseDate(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	tab := Browser(t)
	srv := Serve(t, site, "")
	for _, c := range []struct {
		day      catalog.Date
		wantMap  bool
		wantNote bool
	}{{from.AddDays(-1), false, true}, {from, true, false}} {
		var got struct {
			Map  bool   `json:"map"`
			Note bool   `json:"note"`
			Text string `json:"text"`
		}
		tab.Run(chromedp.Navigate(srv.URL+"figures/?on="+c.day.String()), chromedp.Evaluate(`(() => {
			const map = document.querySelector("#figmap-heading ~ [data-past-from] figure.worldmap"), note = document.querySelector("[data-past-before]");
			return {map: !!map && map.checkVisibility(), note: !!note && note.checkVisibility(), text: note ? note.textContent : ""};
		})()`, &got))
		if got.Map != c.wantMap || got.Note != c.wantNote {
			t.Errorf("figures/?on=%s: the map is shown %v, the note %v; want %v and %v", c.day, got.Map, got.Note, c.wantMap, c.wantNote)
		}
		if c.wantNote && !strings.Contains(got.Text, from.Long()) {
			t.Errorf("figures/?on=%s: the note does not name the day the cycle began, %s: %q", c.day, from.Long(), got.Text)
		}
	}
}

// meetingOf is the catalog's meeting of that id.
func meetingOf(c *catalog.Catalog, id string) *catalog.Meeting {
	for _, m := range c.Meetings {
		if m.ID == id {
			return m
		}
	}
	return &catalog.Meeting{}
}
