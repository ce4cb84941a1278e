package sitebuild_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// The meeting maps (issue 22) say what the open data says: the map's table
// and its SVG name the same state for every party, and each number of the
// legend is the count of parties whose National Report at the meeting (the
// latest round, at a joint meeting) has that state in documents.json of the
// same build; the legend counts every party of parties.json once.
func TestMeetingMapsAgreeWithTheirTableAndTheOpenData(t *testing.T) {
	t.Parallel() // the fixture's build in a folder of its own; the corpus's is the shared site
	for _, c := range []struct {
		name, data string
		at         time.Time
	}{
		{"fixture", filepath.Join(repo, "generator", "testdata", "catalog"), time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)},
		{"corpus", "", time.Time{}}, // the shared site
	} {
		t.Run(c.name, func(t *testing.T) {
			var res *sitebuild.Result
			if c.data == "" {
				_, _, res = sharedSite(t)
			} else {
				var err error
				if res, err = sitebuild.Build(options(c.data, t.TempDir(), c.at)); err != nil {
					t.Fatal(err)
				}
			}
			files := siteFiles(t, res.OutDir)
			maps := 0
			for _, meeting := range res.Catalog.Meetings {
				page := string(files["meetings/"+meeting.ID+"/index.html"])
				if page == "" {
					t.Fatalf("no page for meeting %s", meeting.ID)
				}
				problems, ok := checkMeetingMap(page, meeting.ID, files)
				if ok {
					problems = append(problems, checkMapFile(page, files["meetings/"+meeting.ID+"/map.svg"])...)
				}
				if ok {
					maps++
				}
				for _, p := range problems {
					t.Errorf("meeting %s: %s", meeting.ID, p)
				}
			}
			if maps == 0 {
				t.Fatal("no meeting page has a map")
			}
			t.Logf("%d meetings, %d maps", len(res.Catalog.Meetings), maps)
		})
	}
}

var (
	mapSVGRe     = regexp.MustCompile(`(?s)<svg class="wm-svg".*?</svg>`)
	mapBoxRe     = regexp.MustCompile(`(?s)<div class="wm-box">.*?</div>`)
	mapTableRe   = regexp.MustCompile(`(?s)<details class="wm-table"[^>]*>.*?</table>`)
	mapLegendRe  = regexp.MustCompile(`(?s)<div class="wm-legend">.*?</div>`)
	mapLinkRe    = regexp.MustCompile(`<a class="wm-party wm-([a-z_]+)"(?: data-keep-day)? href="[^"]*"(?: aria-label="([^"]*)")? data-party="([^"]+)" data-state="([a-z_]+)">`)
	mapBoxLinkRe = regexp.MustCompile(`(?s)<a class="wm-party wm-([a-z_]+)"(?: data-keep-day)? href="[^"]*" data-party="([^"]+)" data-state="([a-z_]+)">(.*?)</a>`)
	// A row of a map on a page that can show a past day carries its
	// report's id and public past (partial pastattrs.html) too.
	mapRowRe = regexp.MustCompile(`(?s)<tr data-party="([^"]+)"(?: data-doc="[^"]*")? data-state="([a-z_]+)"[^>]*><th scope="row">(.*?)</th><td[^>]*>(.*?)</td></tr>`)
	legendRe = regexp.MustCompile(`(?s)<li data-state="([a-z_]+)">.*?<span class="wm-count">([0-9,]+)</span></li>`)
)

// checkMeetingMap compares a meeting page's map with its table and with
// documents.json and parties.json; ok says that the page has a map.
func checkMeetingMap(page, meeting string, files map[string][]byte) (problems []string, ok bool) {
	svg := mapSVGRe.FindString(page)
	if svg == "" {
		return nil, false
	}
	bad := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }
	// What the map says of each party: the state its link is drawn in
	// and the words of its accessible name.
	said := map[string][2]string{}
	for _, l := range mapLinkRe.FindAllStringSubmatch(svg, -1) {
		if l[1] != l[4] {
			bad("party %s drawn as %s but marked %s", l[3], l[1], l[4])
		}
		said[l[3]] = [2]string{l[4], html.UnescapeString(l[2])}
	}
	for _, l := range mapBoxLinkRe.FindAllStringSubmatch(mapBoxRe.FindString(page), -1) {
		said[l[2]] = [2]string{l[3], themetest.PlainText(l[4])}
	}
	rows := mapRowRe.FindAllStringSubmatch(mapTableRe.FindString(page), -1)
	if len(rows) == 0 {
		bad("the map has no table")
	}
	for _, r := range rows {
		want := themetest.PlainText(r[3]) + ": " + themetest.PlainText(r[4])
		got, ok := said[r[1]]
		switch {
		case !ok:
			bad("party %s is in the map's table but not on the map", r[1])
		case got[0] != r[2]:
			bad("party %s: the map says %s, its table %s", r[1], got[0], r[2])
		case got[1] != want:
			bad("party %s: the map says %q, its table %q", r[1], got[1], want)
		}
		delete(said, r[1])
	}
	for p := range said {
		bad("party %s is on the map but not in its table", p)
	}

	// The legend against the open data.
	var docs struct {
		Documents []struct {
			ID, Meeting, Party, Kind, State string
			Report                          int
		}
	}
	var parties struct{ Parties []struct{ ID string } }
	if err := json.Unmarshal(files["documents.json"], &docs); err != nil {
		bad("documents.json: %v", err)
		return problems, true
	}
	if err := json.Unmarshal(files["parties.json"], &parties); err != nil {
		bad("parties.json: %v", err)
		return problems, true
	}
	type nr struct {
		report int
		state  string
	}
	latest := map[string]nr{}
	for _, d := range docs.Documents {
		if d.Meeting != meeting || d.Kind != "national_report" || d.Party == "" {
			continue
		}
		if l, ok := latest[d.Party]; !ok || d.Report > l.report {
			latest[d.Party] = nr{d.Report, d.State}
		}
	}
	want := map[string]int{}
	for _, l := range latest {
		want[l.state]++
	}
	got := map[string]int{}
	total, withoutReport := 0, 0
	for _, l := range legendRe.FindAllStringSubmatch(mapLegendRe.FindString(page), -1) {
		n, err := strconv.Atoi(strings.ReplaceAll(l[2], ",", ""))
		if err != nil {
			bad("legend %s: %v", l[1], err)
			continue
		}
		got[l[1]] = n
		total += n
		switch l[1] {
		case "no_record", "no_record_yet", "not_yet", "left", "unknown":
			withoutReport += n
		}
	}
	for _, s := range []string{"public", "scheduled", "withheld", "restricted", "not_submitted", "withdrawn"} {
		if got[s] != want[s] {
			bad("legend: %d %s, documents.json: %d", got[s], s, want[s])
		}
	}
	if total != len(parties.Parties) {
		bad("legend counts %d parties, parties.json has %d", total, len(parties.Parties))
	}
	if withoutReport != len(parties.Parties)-len(latest) {
		bad("legend: %d parties without a National Report, the open data %d", withoutReport, len(parties.Parties)-len(latest))
	}
	return problems, true
}

var (
	fileLegendRe = regexp.MustCompile(`<g data-state="([a-z_]+)">.*?<text[^>]*>[^<]*: ([0-9,]+)</text></g>`)
	linkStateRe  = regexp.MustCompile(`data-party="([^"]+)" data-state="([a-z_]+)"`)
)

// checkMapFile compares the map's download (map.svg) with the map on the
// page: a well-formed SVG document with a title, the same state for every
// party drawn, the same numbers in its legend.
func checkMapFile(page string, file []byte) (problems []string) {
	if file == nil {
		return []string{"no map.svg beside the page"}
	}
	dec := xml.NewDecoder(bytes.NewReader(file))
	root, title := "", false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return []string{fmt.Sprintf("map.svg is not well-formed XML: %v", err)}
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Space + " " + se.Name.Local
			}
			title = title || se.Name.Local == "title"
		}
	}
	if root != "http://www.w3.org/2000/svg svg" || !title {
		problems = append(problems, fmt.Sprintf("map.svg: root %q, title %v", root, title))
	}
	states := func(s string) map[string]string {
		out := map[string]string{}
		for _, m := range linkStateRe.FindAllStringSubmatch(s, -1) {
			out[m[1]] = m[2]
		}
		return out
	}
	onPage, inFile := states(mapSVGRe.FindString(page)), states(string(file))
	if fmt.Sprint(onPage) != fmt.Sprint(inFile) {
		problems = append(problems, fmt.Sprintf("map.svg draws %v, the page %v", inFile, onPage))
	}
	legend := func(re *regexp.Regexp, s string) string {
		var out []string
		for _, m := range re.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1]+"="+m[2])
		}
		return strings.Join(out, " ")
	}
	if p, f := legend(legendRe, mapLegendRe.FindString(page)), legend(fileLegendRe, string(file)); p != f || p == "" {
		problems = append(problems, fmt.Sprintf("map.svg's legend %q, the page's %q", f, p))
	}
	return problems
}

// The figures page (issue 22) includes _partials/figuremaps.html: it shows
// the map of the latest meeting, the same as on that meeting's page, and
// links to the maps of the others.
func TestFiguresPageShowsTheLatestMeetingsMap(t *testing.T) {
	dir := t.TempDir()
	res, err := sitebuild.Build(options(filepath.Join(repo, "generator", "testdata", "catalog"), dir, time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	files := siteFiles(t, res.OutDir)
	page := string(files["figures/index.html"])
	svg := mapSVGRe.FindString(page)
	if svg == "" {
		t.Fatalf("the figures page has no map:\n%.2000s", page)
	}
	latest := ""
	for _, m := range res.Catalog.Meetings {
		if strings.Contains(page, `<li><a href="/meetings/`+m.ID+`/#wm" data-keep-day>`) {
			continue
		}
		if latest != "" {
			t.Errorf("the figures page links to neither %s's map nor %s's", latest, m.ID)
		}
		latest = m.ID
	}
	if latest == "" {
		t.Fatal("the figures page links to every meeting's map and shows none")
	}
	onMeeting := mapSVGRe.FindString(string(files["meetings/"+latest+"/index.html"]))
	strip := regexp.MustCompile(`(?:id|aria-labelledby|aria-describedby|fill)="[^"]*"`)
	// Both pages can show a past day (so both have the pattern of "not
	// public", a state only a past day shows).
	if strip.ReplaceAllString(svg, "") != strip.ReplaceAllString(onMeeting, "") {
		t.Errorf("the figures page's map differs from the map of %s", latest)
	}
	if problems, _ := checkMeetingMap(page, latest, files); len(problems) > 0 {
		t.Errorf("the figures page's map: %v", problems)
	}
	// Its map can follow a past day (issue 22): the day's form, the map's
	// words for every state, and each report's past on its row.
	if !strings.Contains(page, `<form class="day-form"`) || !strings.Contains(page, `<template class="wm-past">`) || !strings.Contains(page, `data-past="`) {
		t.Error("the figures page's map cannot follow a past day: no day's form, map template or report's past")
	}
}

// The build's leak audit reads each meeting's map.svg: a title of a
// document that is not public, planted in the map file's template, fails
// the build naming that file.
func TestAuditReadsTheMapSVGFiles(t *testing.T) {
	const end = "</svg>"
	err := buildWithPlantedTitle(t, filepath.Join("meetings", "page.mapsvg.svg"), func(b []byte, title string) ([]byte, bool) {
		planted := fmt.Sprintf("<desc>%s</desc>\n", html.EscapeString(title))
		return bytes.Replace(b, []byte(end), []byte(planted+end), 1), bytes.HasSuffix(bytes.TrimSpace(b), []byte(end))
	})
	if !errors.Is(err, audit.ErrLeak) || !regexp.MustCompile(`meetings/[a-z0-9-]+/map\.svg`).MatchString(err.Error()) {
		t.Fatalf("build error = %v, want a leak audit failure naming a meeting's map.svg", err)
	}
}
