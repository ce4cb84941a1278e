package sitebuild_test

// The charts (issue 22): every number a chart draws, its table shows and
// its CSV holds is the same, and is what documents.json and meetings.json
// of the same build say.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/figures"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// chartValues are a chart's numbers: by meeting, by series (and "total"),
// the value as text ("" for not known).
type chartValues map[string]map[string]string

func (c chartValues) set(row, series, v string) {
	if c[row] == nil {
		c[row] = map[string]string{}
	}
	c[row][series] = v
}

// shownValues reads the charts of a page or an SVG file: the values of the
// elements with data-series and data-value (or the totals, data-total)
// inside an element with data-row inside one with data-chart; "svg" and
// "table" apart, by chart id. A template's content (the frame a past day
// draws a chart in) is not shown, and not read.
func shownValues(b []byte) (map[string]map[string]chartValues, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]chartValues{}
	get := func(n *html.Node, k string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val, true
			}
		}
		return "", false
	}
	var walk func(n *html.Node, kind, chart, row string)
	walk = func(n *html.Node, kind, chart, row string) {
		if n.Type == html.ElementNode && n.Data == "template" {
			return // a past day's frame (figure.html), not shown
		}
		if n.Type == html.ElementNode {
			if c, ok := get(n, "data-chart"); ok {
				kind, chart = n.Data, c
				if out[kind] == nil {
					out[kind] = map[string]chartValues{}
				}
				if out[kind][chart] == nil {
					out[kind][chart] = chartValues{}
				}
			}
			if r, ok := get(n, "data-row"); ok {
				row = r
			}
			if chart != "" && row != "" {
				if s, ok := get(n, "data-series"); ok {
					v, _ := get(n, "data-value")
					out[kind][chart].set(row, s, v)
				}
				if v, ok := get(n, "data-total"); ok {
					out[kind][chart].set(row, "total", v)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, kind, chart, row)
		}
	}
	walk(doc, "", "", "")
	return out, nil
}

// csvValues reads a chart's CSV: its series and total columns, by meeting.
func csvValues(b []byte, chart string) (chartValues, []string, error) {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, nil, fmt.Errorf("%s: %v (%d records)", chart, err, len(recs))
	}
	skip := []string{"meeting", "meeting_title", "public_on", "days", "contracting_parties_at_least"}
	out := chartValues{}
	var rows []string
	for _, rec := range recs[1:] {
		rows = append(rows, rec[0])
		for i, col := range recs[0] {
			if !slices.Contains(skip, col) {
				out.set(rec[0], col, rec[i])
			}
		}
	}
	return out, rows, nil
}

// expectedFigures are the charts' numbers counted again, plainly, from
// documents.json and meetings.json.
func expectedFigures(files map[string][]byte) (map[string]chartValues, error) {
	var docs struct {
		Documents []struct {
			Meeting, Kind, State, Public_From string
			// The first day of a report public again after a lift,
			// which the chart counts by.
			EarlierPublicFrom string `json:"earlier_public_from"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(files["documents.json"], &docs); err != nil {
		return nil, err
	}
	var meetings struct {
		Meetings []struct {
			ID                   string         `json:"id"`
			Title                string         `json:"title"`
			ReportsPublicOn      string         `json:"reports_public_on"`
			ParticipatingParties int            `json:"participating_parties"`
			Findings             map[string]int `json:"findings"`
			Membership           struct{ Total, Bound int }
		} `json:"meetings"`
	}
	if err := json.Unmarshal(files["meetings.json"], &meetings); err != nil {
		return nil, err
	}
	out := map[string]chartValues{figures.ReportsByState: {}, figures.PublicationTiming: {}, figures.Parties: {}, figures.Findings: {}}
	count := func(c chartValues, row string, series ...string) {
		if c[row] == nil {
			c[row] = map[string]string{}
		}
		for _, s := range series {
			n, _ := strconv.Atoi(c[row][s])
			c[row][s] = strconv.Itoa(n + 1)
		}
	}
	states := []string{"public", "scheduled", "withheld", "restricted", "not_submitted", "withdrawn"}
	timing := []string{"early", "on_day", "later", "not_yet", "not_public", "not_submitted"}
	for _, m := range meetings.Meetings {
		n := 0
		for _, d := range docs.Documents {
			if d.Meeting != m.ID || d.Kind != "national_report" {
				continue
			}
			n++
			count(out[figures.ReportsByState], m.ID, d.State, "total")
			if m.ReportsPublicOn == "" {
				continue
			}
			var when string
			first := cmpOr(d.EarlierPublicFrom, d.Public_From)
			switch {
			case d.State == "public" && first < m.ReportsPublicOn:
				when = "early"
			case d.State == "public" && first == m.ReportsPublicOn:
				when = "on_day"
			case d.State == "public":
				when = "later"
			case d.State == "scheduled":
				when = "not_yet"
			case d.State == "not_submitted":
				when = "not_submitted"
			default:
				when = "not_public"
			}
			count(out[figures.PublicationTiming], m.ID, when, "total")
		}
		if n > 0 {
			for _, s := range states {
				out[figures.ReportsByState][m.ID][s] = cmpOr(out[figures.ReportsByState][m.ID][s], "0")
			}
			if m.ReportsPublicOn != "" {
				for _, s := range timing {
					out[figures.PublicationTiming][m.ID][s] = cmpOr(out[figures.PublicationTiming][m.ID][s], "0")
				}
			}
		}
		known := func(n int) string {
			if n > 0 {
				return strconv.Itoa(n)
			}
			return ""
		}
		out[figures.Parties].set(m.ID, "contracting_parties", known(m.Membership.Total))
		out[figures.Parties].set(m.ID, "participating_parties", known(m.ParticipatingParties))
		if m.Findings != nil {
			for _, s := range []string{"good_practices", "areas_of_good_performance", "challenges", "suggestions"} {
				out[figures.Findings].set(m.ID, s, strconv.Itoa(m.Findings[s]))
			}
		}
	}
	return out, nil
}

func cmpOr(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func diffValues(where string, got, want chartValues) []string {
	var out []string
	// A stacked bar draws no segment for a series of none.
	zero := strings.Contains(where, "svg")
	for row, ws := range want {
		for s, w := range ws {
			g, ok := got[row][s]
			if !ok && zero && w == "0" {
				continue
			}
			if !ok || g != w {
				out = append(out, fmt.Sprintf("%s: %s %s is %q, want %q", where, row, s, g, w))
			}
		}
	}
	for row, gs := range got {
		for s, g := range gs {
			if _, ok := want[row][s]; !ok {
				out = append(out, fmt.Sprintf("%s: %s %s is %q, and should not be there", where, row, s, g))
			}
		}
	}
	slices.Sort(out)
	return out
}

// figureMismatches lists where a chart's CSV, table or SVG (inline and
// file) differs from the documents and meetings of the open data, in each
// language built.
func figureMismatches(files map[string][]byte, langs []string) []string {
	want, err := expectedFigures(files)
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	ids := []string{figures.ReportsByState, figures.PublicationTiming, figures.Parties, figures.Findings}
	csvs := map[string]chartValues{}
	for _, id := range ids {
		b, ok := files[figures.CSVPath(id)]
		if !ok {
			out = append(out, "no "+figures.CSVPath(id))
			continue
		}
		got, rows, err := csvValues(b, id)
		if err != nil {
			out = append(out, err.Error())
			continue
		}
		if len(rows) != len(want[id]) {
			out = append(out, fmt.Sprintf("%s has rows %v, want %d", figures.CSVPath(id), rows, len(want[id])))
		}
		csvs[id] = got
		out = append(out, diffValues(figures.CSVPath(id), got, want[id])...)
	}
	for _, lang := range langs {
		prefix := themetest.Prefix(lang)
		page := prefix + "figures/index.html"
		shown, err := shownValues(files[page])
		if err != nil || files[page] == nil {
			out = append(out, fmt.Sprintf("%s: %v (%d bytes)", page, err, len(files[page])))
			continue
		}
		for _, n := range narrowBars(files[page]) {
			out = append(out, page+": "+n)
		}
		out = append(out, sharedLooks(page, files[page])...)
		for _, id := range ids {
			for _, kind := range []string{"svg", "table"} {
				if len(want[id]) == 0 && shown[kind][id] == nil {
					continue // a chart with no row says so, and draws nothing
				}
				out = append(out, diffValues(page+" "+kind, shown[kind][id], csvs[id])...)
			}
			file := "figures/" + lang + "/" + id + ".svg"
			if len(want[id]) == 0 {
				continue
			}
			if !bytes.Contains(files[page], files[file]) || len(files[file]) == 0 {
				out = append(out, fmt.Sprintf("%s does not show the SVG of %s as it is", page, file))
			}
			fromFile, err := shownValues(files[file])
			if err != nil {
				out = append(out, err.Error())
				continue
			}
			out = append(out, diffValues(file, fromFile["svg"][id], csvs[id])...)
		}
		// Each meeting's page: its own row of each chart but parties.
		for m := range want[figures.Parties] {
			page := prefix + "meetings/" + m + "/index.html"
			shown, err := shownValues(files[page])
			if err != nil || files[page] == nil {
				out = append(out, fmt.Sprintf("%s: %v", page, err))
				continue
			}
			out = append(out, sharedLooks(page, files[page])...)
			for _, id := range []string{figures.ReportsByState, figures.PublicationTiming, figures.Findings} {
				one := chartValues{}
				if r, ok := csvs[id][m]; ok {
					one[m] = r
				}
				for _, kind := range []string{"svg", "table"} {
					out = append(out, diffValues(page+" "+kind+" "+id, shown[kind][id], one)...)
				}
				file := path.Join("figures", lang, id+"-"+m+".svg")
				if _, has := files[file]; has != (len(one) > 0) {
					out = append(out, fmt.Sprintf("%s: its SVG file %s is there: %v; its row: %v", page, file, has, len(one) > 0))
				}
			}
		}
	}
	return out
}

var (
	chartSVG    = regexp.MustCompile(`(?s)<svg[^>]*data-chart="([^"]+)"[^>]*>(.*?)</svg>`)
	chartPatern = regexp.MustCompile(`(?s)<pattern id="([^"]+)"(.*?)</pattern>`)
	legendEntry = regexp.MustCompile(`<rect [^>]*width="14" height="12" fill="([^"]+)"[^>]*/><text[^>]*>([^<]*)</text>`)
)

// sharedLooks names the looks (a colour, or a pattern's colours and
// shapes) that one chart's legends on a page give to two series, and the
// series they give two looks: across the chart as the page draws it and
// its frame for a past day (template.chart-past), each look means one
// thing, so that "not public" on a past day does not look like
// "withheld".
func sharedLooks(page string, b []byte) []string {
	byLook := map[string]map[string]map[string]bool{}  // chart, look: labels
	byLabel := map[string]map[string]map[string]bool{} // chart, label: looks
	add := func(m map[string]map[string]map[string]bool, chart, k, v string) {
		if m[chart] == nil {
			m[chart] = map[string]map[string]bool{}
		}
		if m[chart][k] == nil {
			m[chart][k] = map[string]bool{}
		}
		m[chart][k][v] = true
	}
	for _, svg := range chartSVG.FindAllSubmatch(b, -1) {
		chart, body := string(svg[1]), svg[2]
		patterns := map[string]string{}
		for _, p := range chartPatern.FindAllSubmatch(body, -1) {
			patterns[string(p[1])] = string(p[2])
		}
		for _, e := range legendEntry.FindAllSubmatch(body, -1) {
			look := string(e[1])
			if id, ok := strings.CutPrefix(look, "url(#"); ok {
				look = patterns[strings.TrimSuffix(id, ")")]
			}
			add(byLook, chart, look, string(e[2]))
			add(byLabel, chart, string(e[2]), look)
		}
	}
	var out []string
	for _, chart := range slices.Sorted(maps.Keys(byLook)) {
		for look, labels := range byLook[chart] {
			if len(labels) > 1 {
				out = append(out, fmt.Sprintf("%s: the chart %s draws %v alike (%s)", page, chart, slices.Sorted(maps.Keys(labels)), look))
			}
		}
		for label, looks := range byLabel[chart] {
			if len(looks) > 1 {
				out = append(out, fmt.Sprintf("%s: the chart %s draws %q in %d ways", page, chart, label, len(looks)))
			}
		}
	}
	return out
}

// figureFiles are the charts' CSVs and SVG files of a built site.
func figureFiles(files map[string][]byte) []string {
	var out []string
	for name := range files {
		if strings.HasPrefix(name, "data/figures/") || (strings.HasPrefix(name, "figures/") && strings.HasSuffix(name, ".svg")) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// On the fixture catalog, in English and Arabic (right to left): every
// chart's numbers in its CSV, its table and its SVG are the counts of
// documents.json and the figures of meetings.json.
func TestFiguresSayWhatTheOpenDataSays(t *testing.T) {
	dir := t.TempDir()
	o := options(filepath.Join(repo, "generator", "testdata", "catalog"), dir, time.Date(2017, 7, 6, 12, 0, 0, 0, vienna))
	o.Languages = []string{"en", "ar"}
	before := figures.Computations()
	res, err := sitebuild.Build(o)
	if err != nil {
		t.Fatal(err)
	}
	// The pages, the CSVs and the data package's Table Schemas all take
	// the charts from the one computation of the build.
	if n := figures.Computations() - before; n != 1 {
		t.Errorf("the build computed the charts %d times, want once", n)
	}
	files := siteFiles(t, res.OutDir)
	for _, m := range figureMismatches(files, o.Languages) {
		t.Error(m)
	}
	// The fixture has what every chart needs: reports in several states
	// at two meetings, a meeting under the 90-day rule, and findings.
	for _, id := range []string{figures.ReportsByState, figures.PublicationTiming, figures.Findings} {
		if n := bytes.Count(files[figures.CSVPath(id)], []byte("\n")); n < 2 {
			t.Errorf("%s has %d lines; the fixture should give it rows", figures.CSVPath(id), n)
		}
	}
	if len(figureFiles(files)) < 4+2*4 {
		t.Errorf("chart files: %v", figureFiles(files))
	}
}

// The same on a generated corpus, at a moment when reports are in every
// state.
func TestFiguresOfAGeneratedCorpus(t *testing.T) {
	t.Parallel() // builds of their own, in folders of their own
	dir := t.TempDir()
	m, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 21, Documents: 150})
	if err != nil {
		t.Fatal(err)
	}
	res, err := sitebuild.Build(options(m.Dir, dir, m.From.Add(m.To.Sub(m.From)*2/3)))
	if err != nil {
		t.Fatal(err)
	}
	files := siteFiles(t, res.OutDir)
	for _, m := range figureMismatches(files, []string{"en"}) {
		t.Error(m)
	}
	if n := bytes.Count(files[figures.CSVPath(figures.PublicationTiming)], []byte("\n")); n < 2 {
		t.Errorf("the corpus gives the timing chart %d lines", n)
	}
}

// A chart's SVG file is published by Hugo as a resource, not as a page; the
// build's audit reads it all the same: a theme that wrote a non-public
// document's title into the file alone fails the build, naming the file.
func TestAuditReadsTheChartsSVGFiles(t *testing.T) {
	const at0 = `(string $svg) }}`
	err := buildWithPlantedTitle(t, filepath.Join("_partials", "figure.html"), func(b []byte, title string) ([]byte, bool) {
		return bytes.Replace(b, []byte(at0), []byte(fmt.Sprintf(`(print (string $svg) %q) }}`, "\n"+title+"\n")), 1), bytes.Contains(b, []byte(at0))
	})
	if !errors.Is(err, audit.ErrLeak) || !regexp.MustCompile(`figures/en/[a-z0-9-]+\.svg`).MatchString(err.Error()) {
		t.Fatalf("build error = %v, want a leak audit failure naming a chart's SVG file", err)
	}
}

// buildWithPlantedTitle builds a 40-document corpus as of a day when none of
// its documents is public, with a copy of the theme whose layout (a path
// under themes/cns/layouts) plant has changed to write the first document's
// title (as the corpus writes it, with markup and quotes); plant reports
// whether the layout still has the place it writes into. It returns the
// build's error.
func buildWithPlantedTitle(t *testing.T, layout string, plant func(b []byte, title string) ([]byte, bool)) error {
	t.Helper()
	dir := t.TempDir()
	m, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 42, Documents: 40})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC) // nothing is public
	themes := filepath.Join(dir, "themes")
	copyDir(t, filepath.Join(repo, "themes"), themes)
	name := filepath.Join(themes, "cns", "layouts", layout)
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := plant(b, m.Docs[0].Title+` <b>&amp; "quoted"</b>`)
	if !ok {
		t.Fatalf("%s no longer has the place the test writes into", name)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	o := options(m.Dir, dir, at)
	o.ThemesDir = themes
	_, err = sitebuild.Build(o)
	return err
}

// figure.html names each series by the label its chart gives it
// (figures.Series), knowing no chart: a chart drawn through a stand-in
// layout, with the id of a real chart but series labelled with other
// strings, shows those strings in its table's head and its SVG's legend,
// in English and in Arabic.
func TestFigureNamesEachSeriesByItsOwnLabel(t *testing.T) {
	files := buildWithStandInChart(t, `{{ partial "figure.html" (dict "page" . "level" 2 "scope" "standin" "chart" (dict
  "id" "findings" "stacked" true "dated" false "csv" "data/figures/findings.csv"
  "series" (slice (dict "id" "good_practices" "label" "state_withheld") (dict "id" "challenges" "label" "figure_timing_on_day"))
  "rows" (slice (dict "meeting" "rm07" "title" "7th Review Meeting" "values" (slice 2 3) "total" 5)))) }}`)
	for _, lang := range []string{"en", "ar"} {
		strs := themetest.StringsIn(t, lang)
		want := []string{strs["state_withheld"], strs["figure_timing_on_day"]}
		page := "figures/index.html"
		if lang != "en" {
			page = lang + "/" + page
		}
		heads, legend := figureLabels(t, files[page], "fig-findings-standin")
		if len(heads) != 1+len(want)+1 || !slices.Equal(heads[1:1+len(want)], want) {
			t.Errorf("%s: the stand-in chart's table heads are %q, want the meeting, %q and the total", page, heads, want)
		}
		if !slices.Equal(legend, want) {
			t.Errorf("%s: the stand-in chart's legend says %q, want %q", page, legend, want)
		}
	}
}

// A bar of one among hundreds is still wide enough to show its pattern
// (WCAG 1.4.1: the state is told by pattern as well as colour), in a
// stacked and in a grouped chart, left to right and right to left; the
// numbers the bars carry, the table and the totals stay exact.
func TestABarOfOneShowsItsPattern(t *testing.T) {
	rows := `(slice (dict "meeting" "standin-a" "title" "A" "values" (slice 300 1 1 0 1 1) "total" 304) (dict "meeting" "standin-b" "title" "B" "values" (slice 1 1 1 1 1 1) "total" 6))`
	series := `(slice (dict "id" "public" "label" "state_public") (dict "id" "scheduled" "label" "state_scheduled") (dict "id" "withheld" "label" "state_withheld") (dict "id" "restricted" "label" "state_restricted") (dict "id" "not_submitted" "label" "state_not_submitted") (dict "id" "withdrawn" "label" "state_withdrawn"))`
	files := buildWithStandInChart(t, `{{ partial "figure.html" (dict "page" . "level" 2 "scope" "narrow" "chart" (dict
  "id" "reports-by-state" "stacked" true "dated" false "csv" "data/figures/reports-by-state.csv" "series" `+series+` "rows" `+rows+`)) }}
{{ partial "figure.html" (dict "page" . "level" 2 "scope" "narrow" "chart" (dict
  "id" "findings" "stacked" false "dated" false "csv" "data/figures/findings.csv" "series" `+series+` "rows" `+rows+`)) }}`)
	ids := []string{"public", "scheduled", "withheld", "restricted", "not_submitted", "withdrawn"}
	for _, page := range []string{"figures/index.html", "ar/figures/index.html"} {
		shown, err := shownValues(files[page])
		if err != nil {
			t.Fatal(err)
		}
		for row, values := range map[string][]string{"standin-a": {"300", "1", "1", "0", "1", "1"}, "standin-b": {"1", "1", "1", "1", "1", "1"}} {
			for i, s := range ids {
				want := values[i]
				if g := shown["table"]["reports-by-state"][row][s]; g != want {
					t.Errorf("%s: the stacked chart's table says %s %s is %q, want %q", page, row, s, g, want)
				}
				if g, ok := shown["svg"]["reports-by-state"][row][s]; (ok || want != "0") && g != want {
					t.Errorf("%s: the stacked bar says %s %s is %q, want %q", page, row, s, g, want)
				}
				if g := shown["svg"]["findings"][row][s]; g != want {
					t.Errorf("%s: the grouped bars say %s %s is %q, want %q", page, row, s, g, want)
				}
			}
		}
		if g := shown["svg"]["reports-by-state"]["standin-a"]["total"]; g != "304" {
			t.Errorf("%s: the stacked bar's total is %q, want 304", page, g)
		}
		if n := narrowBars(files[page]); len(n) > 0 {
			t.Errorf("%s: bars narrower than 1.5 of their pattern's tile, or out of their picture:\n%s", page, strings.Join(n, "\n"))
		}
	}
}

// buildWithStandInChart builds the fixture catalog in English and Arabic
// with a copy of the theme whose figures page also draws standIn (calls of
// figure.html with charts of the test's own), and returns the built files.
func buildWithStandInChart(t *testing.T, standIn string) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	themes := filepath.Join(dir, "themes")
	copyDir(t, filepath.Join(repo, "themes"), themes)
	layout := filepath.Join(themes, "cns", "layouts", "figures.html")
	b, err := os.ReadFile(layout)
	if err != nil {
		t.Fatal(err)
	}
	const at = `{{ if templates.Exists "_partials/figuremaps.html" }}`
	if !bytes.Contains(b, []byte(at)) {
		t.Fatalf("%s no longer has the place the test writes into", layout)
	}
	if err := os.WriteFile(layout, bytes.Replace(b, []byte(at), []byte(standIn+"\n"+at), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	o := options(filepath.Join(repo, "generator", "testdata", "catalog"), dir, time.Date(2017, 7, 6, 12, 0, 0, 0, vienna))
	o.ThemesDir = themes
	o.Languages = []string{"en", "ar"}
	res, err := sitebuild.Build(o)
	if err != nil {
		t.Fatal(err)
	}
	return siteFiles(t, res.OutDir)
}

// narrowBars lists the bars of the charts of a page or SVG file (rects
// with data-value) of more than none that are narrower than one and a
// half times the tile of the pattern they are filled with, so that their
// pattern cannot be made out, and the bars that reach out of their
// picture (the charts' drawings are 300 units wide, from 0).
func narrowBars(b []byte) []string {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return []string{err.Error()}
	}
	attr := func(n *html.Node, k string) string {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val
			}
		}
		return ""
	}
	tiles := map[string]float64{}
	var rects []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "pattern":
				tiles[attr(n, "id")], _ = strconv.ParseFloat(attr(n, "width"), 64)
			case n.Data == "rect" && attr(n, "data-value") != "":
				rects = append(rects, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var out []string
	for _, r := range rects {
		v, _ := strconv.Atoi(attr(r, "data-value"))
		w, _ := strconv.ParseFloat(attr(r, "width"), 64)
		x, _ := strconv.ParseFloat(attr(r, "x"), 64)
		fill := attr(r, "fill")
		if v > 0 && strings.HasPrefix(fill, "url(#") {
			tile, ok := tiles[strings.TrimSuffix(strings.TrimPrefix(fill, "url(#"), ")")]
			if !ok || w < 1.5*tile {
				out = append(out, fmt.Sprintf("%s %s=%d: %g wide, its pattern's tile %g", attr(r, "data-series"), "value", v, w, tile))
			}
		}
		if x < 0 || x+w > 300.05 {
			out = append(out, fmt.Sprintf("%s: from %g to %g, out of the picture", attr(r, "data-series"), x, x+w))
		}
	}
	return out
}

// figureLabels are the texts of the column heads of the table of a
// figure's section (by its id), and of the legend of its SVG (the texts
// beside the swatches, before the first row's group).
func figureLabels(t *testing.T, page []byte, id string) (heads, legend []string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, k string) string {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val
			}
		}
		return ""
	}
	var text func(n *html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		s := ""
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s += text(c)
		}
		return s
	}
	var section *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "section" && attr(n, "id") == id {
			section = n
		}
		for c := n.FirstChild; c != nil && section == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if section == nil {
		t.Fatalf("no section %s", id)
	}
	var walk func(n *html.Node, inSVG bool)
	rowsBegun := false
	walk = func(n *html.Node, inSVG bool) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "th" && attr(n, "scope") == "col":
				heads = append(heads, strings.TrimSpace(text(n)))
			case n.Data == "svg":
				inSVG = true
			case inSVG && n.Data == "g" && attr(n, "data-row") != "":
				rowsBegun = true
			case inSVG && !rowsBegun && n.Data == "text":
				legend = append(legend, strings.TrimSpace(text(n)))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSVG)
		}
	}
	walk(section, false)
	return heads, legend
}
