package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

const repo = "../../.."

// site is the outputs of the open data written in memory, as a build
// writes them beside Hugo's pages, with what they were written from: its
// files are read through fs, below dir. (A built site's open data are
// checked in sitebuild's tests.)
type site struct {
	fs   afero.Fs
	dir  string
	res  decided
	docs []corpus.Doc
}

// decided is a catalog and the engine's decisions for it.
type decided struct {
	Catalog   *catalog.Catalog
	Decisions map[string]publication.Decision
}

// read reads a file of the site, by its slash-separated name.
func (s site) read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := afero.ReadFile(s.fs, filepath.Join(s.dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// written writes the open data, feeds, calendar and checksums of a
// generated corpus as of a moment into memory, as a build writes them
// beside Hugo, without building the site.
func written(t testing.TB, m *corpus.Manifest, at time.Time, baseURL string) site {
	t.Helper()
	c, err := catalog.Load(os.DirFS(m.Dir), "data")
	if err != nil {
		t.Fatal(err)
	}
	decisions := publication.DecideAll(c, at)
	fs := afero.NewMemMapFs()
	v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, BaseURL: baseURL})
	if err := opendata.Write(fs, "/site", baseURL, v); err != nil {
		t.Fatal(err)
	}
	return site{fs: fs, dir: "/site", res: decided{c, decisions}, docs: m.Docs}
}

func genCorpus(t testing.TB, seed uint64, n int) *corpus.Manifest {
	t.Helper()
	m, err := corpus.Write(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: seed, Documents: n})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readFile(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// documents.json and documents.csv hold every document with the state and
// dates the engine decided, and nothing a state does not allow.
func TestDocumentsJSONAndCSVAgreeWithDecisions(t *testing.T) {
	m := genCorpus(t, 5, 200)
	at := m.From.Add(m.To.Sub(m.From) / 2)
	s := written(t, m, at, "https://example.org/cns/")

	var data struct {
		AsOf      string            `json:"as_of"`
		Timezone  string            `json:"timezone"`
		Documents []opendata.Record `json:"documents"`
	}
	dec := json.NewDecoder(strings.NewReader(string(s.read(t, opendata.DocumentsJSON))))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&data); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(s.read(t, opendata.DocumentsCSV)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(opendata.Columns, rows[0]); diff != "" {
		t.Errorf("CSV header (-want +got):\n%s", diff)
	}
	if len(data.Documents) != len(m.Docs) || len(rows)-1 != len(m.Docs) {
		t.Fatalf("%d JSON records, %d CSV rows, %d documents", len(data.Documents), len(rows)-1, len(m.Docs))
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	reports, latest := 0, 0
	for i, r := range data.Documents {
		d := s.res.Decisions[r.ID]
		if r.State != string(d.State) {
			t.Errorf("%s: state %s, decided %s", r.ID, r.State, d.State)
		}
		wantFrom := ""
		if d.State == publication.Public || d.State == publication.Scheduled || d.State == publication.Withdrawn {
			wantFrom = d.PublicFrom.String()
		}
		if r.PublicFrom != wantFrom || r.WithdrawnOn != d.WithdrawnOn.String() {
			t.Errorf("%s: public_from %q withdrawn_on %q, decided %+v", r.ID, r.PublicFrom, r.WithdrawnOn, d)
		}
		if d.State != publication.Public && (r.SHA256 != "" || r.FileName != "" || r.FileURL != "" || r.OfficialURL != "" || r.FileSize != nil) {
			t.Errorf("%s is %s but its record has file or address fields: %+v", r.ID, d.State, r)
		}
		if d.State == publication.Public && r.SHA256 == "" {
			t.Errorf("%s is public but its record has no checksum", r.ID)
		}
		if !strings.HasPrefix(r.PageURL, "https://example.org/cns/documents/") {
			t.Errorf("%s: page_url %q is not under the site's address", r.ID, r.PageURL)
		}
		row := rows[i+1]
		// report: a number from 1 in both files, or nothing in both
		// (null, an empty cell), never a 0 that the schemas refuse.
		switch {
		case r.Report == nil && row[col["report"]] != "":
			t.Errorf("%s: report null in JSON, %q in CSV", r.ID, row[col["report"]])
		case r.Report != nil && (*r.Report < 1 || row[col["report"]] != strconv.Itoa(*r.Report)):
			t.Errorf("%s: report %d in JSON, %q in CSV", r.ID, *r.Report, row[col["report"]])
		case r.Report != nil:
			reports++
		}
		if row[col["id"]] != r.ID || row[col["state"]] != r.State || row[col["public_from"]] != r.PublicFrom || row[col["sha256"]] != r.SHA256 ||
			row[col["public_from_latest"]] != strconv.FormatBool(r.PublicFromLatest) {
			t.Errorf("CSV row %d %v disagrees with JSON %+v", i+1, row, r)
		}
		// public_from is the latest day it may be where its party
		// published it on a day not recorded, and only there.
		// (Generated catalogs give no meeting a source's count of early
		// publications, the other case of a latest day.)
		if want := wantFrom != "" && d.Latest; r.PublicFromLatest != want {
			t.Errorf("%s: public_from_latest %v, want %v (decided %+v)", r.ID, r.PublicFromLatest, want, d)
		}
		if r.PublicFromLatest {
			latest++
		}
	}
	if reports == 0 || reports == len(data.Documents) {
		t.Errorf("%d of %d documents have a report number: the test proves little of the column", reports, len(data.Documents))
	}
	if latest == 0 {
		t.Errorf("no document's public_from is the latest it may be: the test proves little of the column")
	}
}

// parseFeed reads an Atom feed with a real feed parser.
func parseFeed(t testing.TB, s site, path string) *gofeed.Feed {
	t.Helper()
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(s.read(t, path)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if feed.FeedType != "atom" {
		t.Fatalf("%s is %s, not Atom", path, feed.FeedType)
	}
	return feed
}

// Building on a later day keeps every entry of the earlier feed with the same
// id and date, and adds entries only for changes between the two days; each
// entry is dated on the day of its change, which the decisions confirm.
func TestFeedsKeepEntriesAcrossBuildDays(t *testing.T) {
	m := genCorpus(t, 8, 70)
	span := m.To.Sub(m.From)
	day1 := m.From.Add(span * 6 / 10)
	day2 := m.To
	s1, s2 := written(t, m, day1, ""), written(t, m, day2, "")
	f1, f2 := parseFeed(t, s1, opendata.SiteFeed), parseFeed(t, s2, opendata.SiteFeed)
	// A feed says how many changes it holds at most (a reader's review
	// found the cap said only on the open data page).
	if want := fmt.Sprintf("The %d newest changes", opendata.FeedEntries); !strings.HasPrefix(f2.Description, want) {
		t.Errorf("the feed's subtitle is %q; want it to begin %q", f2.Description, want)
	}
	if len(f1.Items) == 0 || len(f2.Items) <= len(f1.Items) || len(f2.Items) >= opendata.FeedEntries {
		t.Fatalf("entries: %d on day 1, %d on day 2; choose other days", len(f1.Items), len(f2.Items))
	}
	// The documents public by day 2 under a title of their own that they
	// did not show on day 1: their earlier entries are the ones whose words
	// could change (a scheduled entry once took the title).
	v2 := disclosure.NewView(disclosure.Input{Catalog: s2.res.Catalog, Decisions: s2.res.Decisions, AsOf: day2})
	titledSince := map[string]bool{}
	for _, d := range s2.res.Catalog.Documents {
		r := v2.Ref(d)
		if r.OwnTitle && r.FirstPublic.Start(s2.res.Catalog.Rules.Location).After(day1) {
			titledSince[r.URL] = true
		}
	}
	kept := 0
	second := map[string]*gofeed.Item{}
	for _, it := range f2.Items {
		if second[it.GUID] != nil {
			t.Errorf("entry id %s twice", it.GUID)
		}
		second[it.GUID] = it
	}
	for _, it := range f1.Items {
		later, ok := second[it.GUID]
		if !ok {
			t.Errorf("entry %s (%s) of day 1 is gone on day 2", it.GUID, it.Title)
			continue
		}
		if *it.UpdatedParsed != *later.UpdatedParsed {
			t.Errorf("entry %s moved from %s to %s", it.GUID, it.Updated, later.Updated)
		}
		// Nor do its words change: a reader offers a changed entry as
		// news again (a scheduled entry took the document's own title
		// once it became public).
		if it.Title != later.Title || it.Description != later.Description {
			t.Errorf("entry %s changed from %q (%q) to %q (%q) with no change of its own", it.GUID, it.Title, it.Description, later.Title, later.Description)
		}
		if titledSince[it.Link] {
			kept++
		}
	}
	if kept == 0 {
		t.Error("no entry of day 1 is of a document that shows a title of its own by day 2: the test proves little of entries' words; choose other days")
	}
	for _, it := range f2.Items {
		if it.UpdatedParsed.After(day2) {
			t.Errorf("entry %s is dated %s, after the build's moment", it.Title, it.Updated)
		}
		inFirst := slices.ContainsFunc(f1.Items, func(x *gofeed.Item) bool { return x.GUID == it.GUID })
		if !inFirst && !it.UpdatedParsed.After(day1) {
			t.Errorf("entry %s (%s) is new on day 2 but dated %s, before day 1", it.GUID, it.Title, it.Updated)
		}
	}
	// Each "public" entry is a document decided public (or withdrawn since)
	// from that very day, or, public again since its party lifted an
	// objection, from the day its earlier period began.
	for _, it := range f2.Items {
		if len(it.Categories) != 1 || it.Categories[0] != "public" {
			continue
		}
		id := strings.TrimSuffix(strings.TrimPrefix(it.Link, "/documents/"), "/")
		d := s2.res.Decisions[id]
		if d.State != publication.Public && d.State != publication.Withdrawn {
			t.Errorf("feed says %s became public; it is %s", id, d.State)
		}
		if got := it.UpdatedParsed.In(s2.res.Catalog.Rules.Location).Format(time.DateOnly); got != d.PublicFrom.String() && got != d.Earlier.From.String() {
			t.Errorf("feed dates %s public on %s; decided %s", id, got, d.PublicFrom)
		}
	}
	// Per-meeting and per-country feeds exist and parse.
	for _, mid := range m.Meetings {
		parseFeed(t, s2, opendata.MeetingFeed(mid))
	}
	for _, p := range m.Parties {
		parseFeed(t, s2, opendata.CountryFeed(p))
	}
}

// The calendar holds one all-day event on each day on which documents
// became public (public or withdrawn since) or, scheduled, become public,
// counting them, as the decisions say; and a later build keeps every event
// of an earlier one, with its UID and day, so that a subscriber's
// calendar keeps the days that have passed.
func TestCalendarListsPastAndUpcomingPublicationDays(t *testing.T) {
	m := genCorpus(t, 9, 300)
	span := m.To.Sub(m.From)
	type event struct {
		day   string
		count int
	}
	latest := 0 // events that say a document was public by their day at the latest
	events := func(s site) map[string]event {
		t.Helper()
		cal, err := ics.ParseCalendar(bytes.NewReader(s.read(t, opendata.Calendar)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]event{}
		for _, e := range cal.Events() {
			start, err := e.GetAllDayStartAt()
			if err != nil {
				t.Fatal(err)
			}
			summary := e.GetProperty(ics.ComponentPropertySummary).Value
			// An event of several documents past leads to the ledger as it
			// stood on its day.
			if url := e.GetProperty(ics.ComponentPropertyUrl); strings.HasSuffix(summary, "documents became public") && (url == nil || !strings.HasSuffix(url.Value, "/documents/?on="+start.Format(time.DateOnly))) {
				t.Errorf("the event %q of %s leads to %v, not the ledger on its day", summary, start.Format(time.DateOnly), url)
			}
			if desc := e.GetProperty(ics.ComponentPropertyDescription); strings.HasSuffix(summary, "public by this day at the latest") ||
				desc != nil && strings.Contains(desc.Value, "(public by this day at the latest)") {
				latest++
			}
			n := 1
			if strings.HasSuffix(summary, "documents become public") || strings.HasSuffix(summary, "documents became public") || strings.HasSuffix(summary, "documents public by this day at the latest") {
				n = 0
				for _, c := range summary {
					if c < '0' || c > '9' {
						break
					}
					n = n*10 + int(c-'0')
				}
			}
			out[e.Id()] = event{start.Format(time.DateOnly), n}
		}
		return out
	}
	var before map[string]event
	t.Cleanup(func() {
		if latest == 0 {
			t.Error("no event says a document was public by its day at the latest, as its page does")
		}
	})
	for _, at := range []time.Time{m.From.Add(span / 3), m.From.Add(span / 2)} {
		s := written(t, m, at, "")
		want := map[string]int{}
		past, upcoming := 0, 0
		for _, d := range s.res.Decisions {
			switch d.State {
			case publication.Scheduled:
				want[d.NextChange.String()]++
				upcoming++
			case publication.Public, publication.Withdrawn:
				want[d.PublicFrom.String()]++
				past++
			}
		}
		if past == 0 || upcoming == 0 {
			t.Fatalf("as of %s: %d documents public or withdrawn, %d scheduled: the test proves nothing", at, past, upcoming)
		}
		now := events(s)
		got := map[string]int{}
		for _, e := range now {
			got[e.day] = e.count
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("as of %s, days and counts (-decided +calendar):\n%s", at.Format(time.DateOnly), diff)
		}
		for uid, e := range before {
			if got, ok := now[uid]; !ok || got.day != e.day {
				t.Errorf("as of %s, the event %s of %s is %+v", at.Format(time.DateOnly), uid, e.day, now[uid])
			}
		}
		before = now
	}
}

// A catalog in which nothing has become public or been scheduled still
// gets a calendar with a component, as RFC 5545 requires (an empty
// VCALENDAR is refused by strict clients): the rules' time zone, with the
// offsets Go's time zone database gives it around the as-of day.
func TestCalendarWithNoPublicationDayHoldsTheRulesTimeZone(t *testing.T) {
	c, err := catalog.Load(os.DirFS("../../testdata/catalog"), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	c.Documents = nil // a new catalog, with meetings and parties but no document yet
	at := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	fs := afero.NewMemMapFs()
	v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at})
	if err := opendata.Write(fs, "/site", "", v); err != nil {
		t.Fatal(err)
	}
	b, err := afero.ReadFile(fs, "/site/"+opendata.Calendar)
	if err != nil {
		t.Fatal(err)
	}
	checkICalendarLines(t, opendata.Calendar, b)
	cal, err := ics.ParseCalendar(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Components) != 1 || len(cal.Timezones()) != 1 {
		t.Fatalf("%d components, %d of them time zones; want one time zone:\n%s", len(cal.Components), len(cal.Timezones()), b)
	}
	tz := cal.Timezones()[0]
	if id := tz.GetProperty(ics.ComponentPropertyTzid); id == nil || id.Value != c.Rules.Timezone {
		t.Errorf("the time zone is %v, want %s", id, c.Rules.Timezone)
	}
	// Vienna, from the start of 2026 to the end of 2027: winter time
	// since October 2025, then summer and winter time in each year.
	var got []string
	for _, o := range tz.Components {
		var kind string
		switch o.(type) {
		case *ics.Standard:
			kind = "STANDARD"
		case *ics.Daylight:
			kind = "DAYLIGHT"
		}
		got = append(got, kind)
	}
	want := []string{"STANDARD", "DAYLIGHT", "STANDARD", "DAYLIGHT", "STANDARD"}
	if !slices.Equal(got, want) {
		t.Errorf("observances %v, want %v:\n%s", got, want, b)
	}
	for _, line := range []string{"DTSTART:20251026T030000", "DTSTART:20260329T020000", "DTSTART:20261025T030000", "DTSTART:20270328T020000", "DTSTART:20271031T030000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST"} {
		if !bytes.Contains(b, []byte(line+"\r\n")) {
			t.Errorf("the time zone has no line %s:\n%s", line, b)
		}
	}
}

// Every column of documents.csv is described on the open data page.
func TestEveryColumnIsDocumented(t *testing.T) {
	page := string(readFile(t, filepath.Join(repo, "site", "content", "data.md")))
	for _, c := range opendata.Columns {
		if !strings.Contains(page, "| `"+c+"` |") {
			t.Errorf("column %q is not described in site/content/data.md", c)
		}
	}
}

// checkICalendarLines fails unless every line of an iCalendar file ends in
// CRLF and is at most 75 octets long, longer ones folded onto lines that
// start with a space, as RFC 5545 (3.1) requires: strict clients refuse a
// file with bare LF line endings.
func checkICalendarLines(t testing.TB, name string, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Errorf("%s does not end with CRLF", name)
	}
	lines := bytes.Split(bytes.TrimSuffix(b, []byte("\r\n")), []byte("\r\n"))
	bad := 0
	for i, l := range lines {
		problem := ""
		switch {
		case bytes.ContainsAny(l, "\r\n"):
			problem = "a line ending other than CRLF"
		case len(l) > 75:
			problem = fmt.Sprintf("%d octets, more than 75", len(l))
		case len(l) == 0:
			problem = "nothing"
		}
		if problem != "" {
			t.Errorf("%s: line %d has %s: %.80q", name, i+1, problem, l)
			if bad++; bad == 5 {
				return
			}
		}
	}
}

// The calendar is iCalendar text as RFC 5545 writes it: CRLF line endings,
// long lines folded at 75 octets (a description naming many documents is
// long, and titles are UTF-8: a fold never splits a character).
func TestCalendarLinesEndInCRLFAndFoldAt75Octets(t *testing.T) {
	m := genCorpus(t, 9, 300)
	s := written(t, m, m.From.Add(m.To.Sub(m.From)/2), "https://example.org/cns/")
	b := s.read(t, opendata.Calendar)
	checkICalendarLines(t, opendata.Calendar, b)
	if !bytes.Contains(b, []byte("\r\n ")) {
		t.Error("no line of the calendar is folded: the test proves nothing of folding")
	}
	if !utf8.Valid(b) {
		t.Error("the calendar is not UTF-8: a fold split a character")
	}
}

// A feed entry says whose document changed and of which meeting, whatever
// the document's title: the title made of party, kind and meeting, then
// the document's own title where it shows one, then the change. So does a
// calendar event of one document, which leads to that document's page.
func TestFeedEntryAndEventTitlesNamePartyAndMeeting(t *testing.T) {
	m := genCorpus(t, 8, 120)
	at := m.To
	s := written(t, m, at, "")
	v := disclosure.NewView(disclosure.Input{Catalog: s.res.Catalog, Decisions: s.res.Decisions, AsOf: at})
	names := map[string]string{} // document page → what an entry calls it
	made := map[string]string{}  // … before it first became public: its title made of party, kind and meeting
	first := map[string]string{} // … the day it first became public
	latest := map[string]bool{}  // document page → public by a day at the latest
	read := map[string]bool{}    // … that is the day this catalog read its party's page
	own, before, latestSeen := 0, 0, 0
	for _, d := range s.res.Catalog.Documents {
		r := v.Ref(d)
		name := disclosure.DefaultTitle(disclosure.ReportLabel(r.KindLabel, r.Report), r.PartyName, r.MeetingTitle)
		made[r.URL] = name
		if r.OwnTitle {
			name += ", “" + r.Title + "”"
		}
		names[r.URL] = name
		first[r.URL] = r.FirstPublic.String()
		latest[r.URL], read[r.URL] = r.Latest, r.LatestRead
	}
	for _, it := range parseFeed(t, s, opendata.SiteFeed).Items {
		// The change; "public" on a day by which it was public at the
		// latest says so.
		change := it.Categories[0]
		if change == "public" && latest[it.Link] {
			change, latestSeen = "public by this day at the latest", latestSeen+1
			if read[it.Link] {
				change += ", the day this catalog read its party's page"
			}
		}
		// An entry of a change before the document first became public
		// names it as it was named then, without its own title.
		name := names[it.Link]
		if day := it.UpdatedParsed.In(s.res.Catalog.Rules.Location).Format(time.DateOnly); day < first[it.Link] {
			if name != made[it.Link] {
				before++
			}
			name = made[it.Link]
		}
		want := name + ": " + change
		if it.Title != want {
			t.Errorf("entry %s is titled %q, want %q", it.GUID, it.Title, want)
		}
		if strings.Contains(it.Title, "”") {
			own++
		}
	}
	if latestSeen == 0 {
		t.Error("no entry is of a document public by a day at the latest: the test proves little")
	}
	if own == 0 || before == 0 {
		t.Errorf("%d entries of a document with its own title, %d of one before it was public: the test proves little", own, before)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(s.read(t, opendata.Calendar)))
	if err != nil {
		t.Fatal(err)
	}
	one := 0
	for _, e := range cal.Events() {
		summary := e.GetProperty(ics.ComponentPropertySummary).Value
		if strings.Contains(summary, " documents bec") || strings.Contains(summary, " documents public by") {
			continue
		}
		name := summary
		for _, verb := range []string{" became public", " becomes public", " public by this day at the latest, the day this catalog read its party's page", " public by this day at the latest"} {
			name = strings.TrimSuffix(name, verb)
		}
		if !slices.Contains(slices.Collect(maps.Values(names)), name) {
			t.Errorf("the event %s names %q, which is not a document's title made of party, kind and meeting", e.Id(), name)
		}
		// It leads to that document's page, not to a list of many.
		if url := e.GetProperty(ics.ComponentPropertyUrl); url == nil || names[url.Value] != name {
			t.Errorf("the event %s of %q leads to %v, not to that document's page", e.Id(), name, url)
		}
		one++
	}
	if one == 0 {
		t.Error("no event is of one document: the test proves little of events")
	}
}

// A feed with no entry (a country none of whose documents has changed) is
// dated by the newest change of the whole site, not by the build: two
// builds of one catalog at two moments with no change between them write
// the same bytes, and a feed reader sees no update of an empty feed.
func TestEmptyFeedIsDatedByTheSitesNewestChange(t *testing.T) {
	c, err := catalog.Load(os.DirFS("../../testdata/catalog"), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	write := func(at time.Time) afero.Fs {
		fs := afero.NewMemMapFs()
		v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at})
		if err := opendata.Write(fs, "/site", "", v); err != nil {
			t.Fatal(err)
		}
		return fs
	}
	// Albania's report became public on 6 July 2017; nothing changed
	// in the fixture for weeks after.
	early, late := write(time.Date(2017, 7, 20, 8, 0, 0, 0, time.UTC)), write(time.Date(2017, 8, 3, 21, 30, 0, 0, time.UTC))
	type feed struct {
		Updated string `xml:"updated"`
		Entries []struct {
			ID string `xml:"id"`
		} `xml:"entry"`
	}
	read := func(fs afero.Fs, name string) ([]byte, feed) {
		b, err := afero.ReadFile(fs, "/site/"+name)
		if err != nil {
			t.Fatal(err)
		}
		var f feed
		if err := xml.Unmarshal(b, &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b, f
	}
	_, site := read(late, opendata.SiteFeed)
	if len(site.Entries) == 0 {
		t.Fatal("the site's feed has no entry: the test proves nothing")
	}
	empty := 0
	for _, p := range c.Parties {
		name := opendata.CountryFeed(p.ID)
		b1, _ := read(early, name)
		b2, f := read(late, name)
		if len(f.Entries) > 0 {
			continue
		}
		empty++
		if f.Updated != site.Updated {
			t.Errorf("%s has no entry and is updated %s; the site's newest change is of %s", name, f.Updated, site.Updated)
		}
		if !bytes.Equal(b1, b2) {
			t.Errorf("%s has no entry, and differs between two builds with no change between them:\n%s\n%s", name, b1, b2)
		}
	}
	if empty == 0 {
		t.Fatal("no country's feed is empty: the test proves nothing")
	}
}

// The CSVs are what the data package and /data/ say they are: UTF-8
// without a byte-order mark (which programs that read CSV would take as
// part of the first column's name), a header row, rows ending in LF; and
// /data/ says how to open them in a spreadsheet, which otherwise may guess
// another encoding.
func TestCSVsAreUTF8AsThePackageAndTheDataPageSay(t *testing.T) {
	s := writtenPackage(t)
	var pkg struct {
		Resources []struct {
			Path, Format, Encoding string
			Dialect                *struct {
				Delimiter      string `json:"delimiter"`
				LineTerminator string `json:"lineTerminator"`
				QuoteChar      string `json:"quoteChar"`
				DoubleQuote    bool   `json:"doubleQuote"`
				Header         bool   `json:"header"`
			}
		}
	}
	if err := json.Unmarshal(s.read(t, opendata.Package), &pkg); err != nil {
		t.Fatal(err)
	}
	csvs := 0
	for _, r := range pkg.Resources {
		if r.Format != "csv" {
			continue
		}
		csvs++
		b := s.read(t, r.Path)
		d := r.Dialect
		if r.Encoding != "utf-8" || d == nil || d.Delimiter != "," || d.LineTerminator != "\n" || d.QuoteChar != `"` || !d.DoubleQuote || !d.Header {
			t.Errorf("%s: encoding %q, dialect %+v; want utf-8 and the dialect encoding/csv writes", r.Path, r.Encoding, d)
		}
		if bytes.HasPrefix(b, []byte("\uFEFF")) || !utf8.Valid(b) || bytes.Contains(b, []byte("\r\n")) || !bytes.HasSuffix(b, []byte("\n")) {
			t.Errorf("%s is not UTF-8 without a byte-order mark, with rows ending in LF", r.Path)
		}
	}
	if csvs < 2 {
		t.Fatalf("the package lists %d CSVs", csvs)
	}
	page := string(readFile(t, filepath.Join(repo, "site", "content", "data.md")))
	for _, want := range []string{"UTF-8", "byte-order mark", "Excel", "LibreOffice"} {
		if !strings.Contains(page, want) {
			t.Errorf("site/content/data.md does not say %q: it must say how the CSVs are encoded and how to open them in a spreadsheet", want)
		}
	}
}

// writtenPackage is the open data of a generated catalog as of 1 January
// 2018, with its datapackage.json.
func writtenPackage(t *testing.T) site {
	t.Helper()
	asOf := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	s := written(t, genCorpus(t, 5, 60), asOf, "")
	v := disclosure.NewView(disclosure.Input{Catalog: s.res.Catalog, Decisions: s.res.Decisions, AsOf: asOf})
	if err := opendata.WritePackage(s.fs, s.dir, "", v); err != nil {
		t.Fatal(err)
	}
	return s
}

// A Table Schema's pattern is in XML Schema's syntax, which matches the
// whole value without anchors: a JSON Schema's "^…$" there would have its
// anchors read as characters by a validator that follows the standard (a
// data reader's review). Each pattern of the package's CSVs has none, and
// still matches the whole of each value in them (read as anchored, as a
// Table Schema means).
func TestTableSchemaPatternsHaveNoAnchors(t *testing.T) {
	s := writtenPackage(t)
	var pkg struct {
		Resources []struct {
			Path   string
			Schema *struct {
				Fields []struct {
					Name        string
					Constraints *struct{ Pattern string }
				}
			}
		}
	}
	if err := json.Unmarshal(s.read(t, opendata.Package), &pkg); err != nil {
		t.Fatal(err)
	}
	patterns := 0
	for _, r := range pkg.Resources {
		if r.Schema == nil {
			continue
		}
		rows, err := csv.NewReader(bytes.NewReader(s.read(t, r.Path))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", r.Path, err)
		}
		for i, f := range r.Schema.Fields {
			if f.Constraints == nil || f.Constraints.Pattern == "" {
				continue
			}
			patterns++
			p := f.Constraints.Pattern
			if strings.HasPrefix(p, "^") || strings.HasSuffix(p, "$") {
				t.Errorf("%s: field %s has the pattern %q, anchored", r.Path, f.Name, p)
				continue
			}
			whole := regexp.MustCompile("^(?:" + p + ")$")
			for _, row := range rows[1:] {
				if v := row[i]; v != "" && !whole.MatchString(v) {
					t.Errorf("%s: field %s: %q does not match %q", r.Path, f.Name, v, p)
				}
			}
		}
	}
	if patterns == 0 {
		t.Fatal("no Table Schema of the package has a pattern")
	}
}
