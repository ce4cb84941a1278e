package browsertest

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// ledgerRow is one row of the ledger as the reader sees it.
type ledgerRow struct {
	ID    string   `json:"id"`
	State string   `json:"state"`
	Dates []string `json:"dates"` // the days in its date cell
	Date  string   `json:"date"`  // the date cell's text
	Sort  string   `json:"sort"`  // the date cell's sort key
	Title string   `json:"title"`
	// From is the day its meeting's review cycle began (data-past-from):
	// on an earlier day the row is left out. Shown: whether it is.
	From  string `json:"from"`
	Shown bool   `json:"shown"`
}

type ledgerPage struct {
	Rows      []ledgerRow `json:"rows"`
	Counted   int         `json:"counted"` // the sum of the counts above the table
	Note      string      `json:"note"`    // the note saying which day is shown
	FormShown bool        `json:"formShown"`
	Input     string      `json:"input"`
	Pager     []string    `json:"pager"`
	// FilesNote: the note that the files to download are the build day's,
	// as shown.
	FilesNote bool `json:"filesNote"`
	// CycleNote: the note that rows of meetings whose cycle had not
	// begun are left out, as shown.
	CycleNote bool `json:"cycleNote"`
}

const readLedger = `(() => ({
  rows: [...document.querySelectorAll("table.ledger tbody tr")].map(r => ({
    id: r.id.replace(/^doc-/, ""),
    state: r.className.replace(/^row-/, ""),
    dates: [...r.querySelectorAll(".date-cell time")].map(t => t.getAttribute("datetime")),
    date: r.querySelector(".date-cell").textContent.trim(),
    sort: r.querySelector(".date-cell").getAttribute("data-sort"),
    title: r.querySelector("th").textContent,
    from: r.dataset.pastFrom || "",
    shown: r.checkVisibility(),
  })),
  counted: [...document.querySelectorAll(".ledger-counts .count")].reduce((n, c) => n + Number(c.textContent.replace(/\D/g, "")), 0),
  note: (() => { const n = document.querySelector(".day-note"); return n && !n.hidden ? n.textContent.trim() : ""; })(),
  formShown: !!document.querySelector("form.day-form") && document.querySelector("form.day-form").checkVisibility(),
  input: (document.querySelector("#day-on") || {}).value || "",
  pager: [...document.querySelectorAll(".pager a[href]")].map(a => a.getAttribute("href")),
  filesNote: [...document.querySelectorAll("main [data-past-only]")].some(e => e.checkVisibility()),
  cycleNote: [...document.querySelectorAll("main p.note[data-past-before]")].some(e => e.checkVisibility()),
}))()`

// Issue 15: the ledger on a past day (/documents/?on=YYYY-MM-DD), computed
// in the browser, shows on every page the engine's state for that day for
// every document whose history is public, and "not public" only where the
// engine's state was not public: on a generated catalog with documents in
// every state, on the days either side of publications and withdrawals
// (days in Vienna), with the browser in time zones 14 hours ahead of UTC and
// 8 behind. The counts follow the rows, the note names the day, and the
// pager keeps the day. A document is titled as it was that day (issue 22).
func TestLedgerOnAPastDayAgreesWithTheEngine(t *testing.T) {
	t.Parallel()
	site, c, asOf, today, titles := largeSiteAsBuilt(t)
	loc := c.Rules.Location

	// Days: either side of a publication and a withdrawal before the as-of
	// day (with CNS_TEST_EXHAUSTIVE=1, the first and the middle publication
	// and the first and last withdrawal), a day before any meeting, and the
	// as-of day.
	// Latest: the days by which documents were public at the latest, of
	// those the record shows in existence the day before (their submission
	// day recorded before it): on that day they may already have been
	// public, which their rows say. Before the record shows a document,
	// its row says "not public" and nothing more.
	submitted := map[string]catalog.Date{}
	for _, d := range c.Documents {
		submitted[d.ID] = d.Submitted
	}
	var public, withdrawn, latest []catalog.Date
	for id, d := range today {
		switch d.State {
		case publication.Public:
			public = append(public, d.PublicFrom)
		case publication.Withdrawn:
			withdrawn = append(withdrawn, d.WithdrawnOn)
		}
		if s := submitted[id]; d.Latest && !s.IsZero() && s.Before(d.PublicFrom.AddDays(-1)) {
			latest = append(latest, d.PublicFrom)
		}
	}
	less := func(a, b catalog.Date) int { return strings.Compare(a.String(), b.String()) }
	slices.SortFunc(public, less)
	slices.SortFunc(withdrawn, less)
	slices.SortFunc(latest, less)
	if len(public) == 0 || len(withdrawn) == 0 || len(latest) == 0 {
		t.Fatalf("the generated catalog has %d public, %d withdrawn and %d documents public by a day at the latest; the test needs each", len(public), len(withdrawn), len(latest))
	}
	days := []catalog.Date{{Year: 1995, Month: 6, Day: 1}, asOf}
	// The day before a document became public at the latest, too.
	events := []catalog.Date{public[len(public)/2], withdrawn[0], latest[len(latest)/2]}
	if corpus.Exhaustive() {
		events = []catalog.Date{public[0], public[len(public)/2], withdrawn[0], withdrawn[len(withdrawn)-1], latest[len(latest)/2]}
	}
	for _, d := range events {
		days = append(days, d.AddDays(-1), d)
	}

	tab := Browser(t)
	srv := Serve(t, site, "")
	seen := map[string]int{}
	changed, notYet, leftOut, perhaps, perhapsNotes := 0, 0, 0, 0, 0
	for i, day := range days {
		zone := []string{"Pacific/Kiritimati", "America/Los_Angeles"}[i%2]
		tab.Run(emulation.SetTimezoneOverride(zone))
		engine := publication.DecideAll(c, day.Start(loc))
		rows := 0
		for page := 1; ; page++ {
			path := "documents/"
			if page > 1 {
				path = fmt.Sprintf("documents/page/%d/", page)
			}
			var got ledgerPage
			tab.Run(chromedp.Navigate(srv.URL+path+"?on="+day.String()), chromedp.Evaluate(readLedger, &got))
			where := fmt.Sprintf("%s (page %d, browser in %s)", day, page, zone)
			if len(got.Rows) == 0 {
				t.Fatalf("%s: no rows", where)
			}
			if !got.FormShown || got.Input != day.String() {
				t.Errorf("%s: the day's form is shown %v with %q", where, got.FormShown, got.Input)
			}
			// On a past day the counts are this page's rows shown: a row
			// of a meeting whose review cycle had not begun is left out;
			// on the as-of day, the whole ledger's, as built.
			wantCount := 0
			for _, r := range got.Rows {
				if left := day != asOf && r.From != "" && day.String() < r.From; r.Shown == left {
					t.Errorf("%s: %s (cycle from %q) shown %v", where, r.ID, r.From, r.Shown)
				}
				if r.Shown {
					wantCount++
				}
			}
			if got.CycleNote != (wantCount < len(got.Rows)) {
				t.Errorf("%s: %d of %d rows shown, and the note that rows are left out shown %v", where, wantCount, len(got.Rows), got.CycleNote)
			}
			if wantCount < len(got.Rows) {
				leftOut++
			}
			if day == asOf {
				wantCount = len(c.Documents)
			}
			if got.Counted != wantCount {
				t.Errorf("%s: the counts add up to %d; want %d", where, got.Counted, wantCount)
			}
			if day != asOf && !strings.Contains(got.Note, day.Long()) {
				t.Errorf("%s: the note does not name the day: %q", where, got.Note)
			}
			// The data to download are the build day's: said on a past
			// day, not on the build day.
			if got.FilesNote != (day != asOf) {
				t.Errorf("%s: the note that the files to download are the build day's is shown %v", where, got.FilesNote)
			}
			// The note says that some rows counted may already have been
			// public, where some shown may have been, and only there.
			pagePerhaps := false
			for _, r := range got.Rows {
				if was := today[r.ID]; r.Shown && day != asOf && mayBePublicAlready(c, r.ID, was.Latest, was.PublicFrom, engine[r.ID].State, day, r.State) {
					pagePerhaps = true
				}
			}
			if said := strings.Contains(got.Note, "may already have been public on that day"); said != pagePerhaps {
				t.Errorf("%s: the note says that some documents may already have been public: %v; want %v", where, said, pagePerhaps)
			}
			if pagePerhaps {
				perhapsNotes++
			}
			for _, href := range got.Pager {
				if day != asOf && !strings.Contains(href, "on="+day.String()) {
					t.Errorf("%s: the pager link %q loses the day", where, href)
				}
			}
			for _, r := range got.Rows {
				dec, ok := engine[r.ID]
				if !ok {
					t.Fatalf("%s: row %q is no document of the catalog", where, r.ID)
				}
				seen[r.State]++
				titleCheck(t, where, r.ID, r.State, r.Title, titles)
				if r.State != string(today[r.ID].State) {
					changed++
				}
				// Before the day by which a document public today was
				// public at the latest, in any state then but public or not
				// submitted: it may already have been public, which its
				// date cell says, with that day, and it sorts by that day.
				if was := today[r.ID]; mayBePublicAlready(c, r.ID, was.Latest, was.PublicFrom, dec.State, day, r.State) {
					perhaps++
					from := was.PublicFrom.String()
					if r.State != string(dec.State) && r.State != "not_public" || !slices.Equal(r.Dates, []string{from}) || !strings.Contains(r.Date, "may already have been public") || r.Sort != from {
						t.Errorf("%s: %s, %s that day and public by %s at the latest, shown %s %v %q sorting by %q; want that it may already have been public, by that day", where, r.ID, dec.State, from, r.State, r.Dates, r.Date, r.Sort)
					}
					continue
				}
				if r.State == "not_public" {
					if dec.State == publication.Public || dec.State == publication.Withdrawn || day == asOf {
						t.Errorf("%s: %s shown as not public; the engine says %s", where, r.ID, dec.State)
					}
					continue
				}
				var want []string
				switch dec.State {
				case publication.Public:
					want = []string{dec.PublicFrom.String()}
				case publication.Scheduled:
					if due := dueKnown(c, r.ID, dec, day); !due.IsZero() {
						want = []string{due.String()}
					}
				case publication.Withdrawn:
					want = []string{dec.PublicFrom.String(), dec.WithdrawnOn.String()}
				}
				if r.State != string(dec.State) || !slices.Equal(r.Dates, want) && !(len(r.Dates) == 0 && len(want) == 0) {
					t.Errorf("%s: %s shown %s %v; the engine says %s %v", where, r.ID, r.State, r.Dates, dec.State, want)
				}
				// Not submitted on a day before the document existed (its
				// state changed later, or, never submitted, before its
				// meeting's review cycle began): "not yet submitted"; one
				// never submitted says nothing more.
				if dec.State == publication.NotSubmitted {
					wantText := ""
					var cycle catalog.Date
					if d, ok := c.Document(r.ID); ok {
						if m, ok := c.Meeting(d.Meeting); ok {
							cycle = m.CycleStart
						}
					}
					if today[r.ID].State != publication.NotSubmitted || day.Before(cycle) {
						wantText = "not yet submitted"
						notYet++
					}
					if r.Date != wantText {
						t.Errorf("%s: %s, not submitted, says %q in its date cell; want %q", where, r.ID, r.Date, wantText)
					}
				}
				// The row sorts by the last of its days: a withdrawn
				// document's withdrawal, else the day it became public.
				if wantSort := strings.Join(want[max(len(want)-1, 0):], ""); r.Sort != wantSort {
					t.Errorf("%s: %s sorts by %q, want %q", where, r.ID, r.Sort, wantSort)
				}
			}
			rows += len(got.Rows)
			if !slices.ContainsFunc(got.Pager, func(h string) bool { return strings.Contains(h, fmt.Sprintf("/page/%d/", page+1)) }) {
				break
			}
		}
		if rows != len(c.Documents) {
			t.Errorf("%s: %d rows over all pages for %d documents", day, rows, len(c.Documents))
		}
	}
	tab.Run(emulation.SetTimezoneOverride(""))
	for _, s := range []string{"public", "scheduled", "withdrawn", "withheld", "restricted", "not_submitted", "not_public"} {
		if seen[s] == 0 {
			t.Errorf("no row was shown %s on any day: the catalog did not test that case", s)
		}
	}
	if changed == 0 {
		t.Error("no row's state differed from today's on any day")
	}
	if notYet == 0 {
		t.Error("no row was not yet submitted on any day")
	}
	if perhaps == 0 || perhapsNotes == 0 {
		t.Errorf("%d rows shown on a day before the one by which they were public at the latest, on %d pages; the test needs some", perhaps, perhapsNotes)
	}
	t.Logf("%d days, rows by state: %v; %d pages leave out rows of meetings not begun", len(days), seen, leftOut)
	if leftOut == 0 {
		t.Error("no day shown is before a meeting's review cycle began: the rows left out are not tested")
	}
}

// Without JavaScript the ledger shows the current states whatever the day
// asked for, hides the day's form and says so; a document page's link
// "this list on the day this document became public" leads, with
// JavaScript, to its row on that day, public, and the day before shows it
// scheduled.
func TestLedgerDayWithoutJavaScriptAndFromADocumentPage(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	srv := Serve(t, realSite(t), "")
	var now, asked ledgerPage
	var noscript string
	tab.Run(emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(srv.URL+"documents/"), chromedp.Evaluate(readLedger, &now),
		chromedp.Navigate(srv.URL+"documents/?on=2017-05-01"), chromedp.Evaluate(readLedger, &asked),
		chromedp.Evaluate(`[...document.querySelectorAll("noscript")].map(n => n.textContent).join(" ")`, &noscript),
		emulation.SetScriptExecutionDisabled(false))
	if asked.FormShown || asked.Note != "" {
		t.Errorf("without JavaScript the form is shown (%v) or a note says %q", asked.FormShown, asked.Note)
	}
	if !slices.EqualFunc(now.Rows, asked.Rows, func(a, b ledgerRow) bool { return a.ID == b.ID && a.State == b.State }) {
		t.Error("without JavaScript ?on= changed the rows")
	}
	if !strings.Contains(noscript, "needs JavaScript") {
		t.Errorf("the page does not say that another day needs JavaScript: %q", noscript)
	}

	var href string
	tab.Run(chromedp.Navigate(srv.URL+"documents/rm07-nr-albania/"), chromedp.AttributeValue(".ledger-link a", "href", &href, nil, chromedp.ByQuery))
	if href != "/documents/?on=2017-07-06#doc-rm07-nr-albania" {
		t.Fatalf("the document's link to the ledger is %q", href)
	}
	row := func(path string) ledgerRow {
		var got ledgerPage
		tab.Run(chromedp.Navigate(srv.URL+strings.TrimPrefix(path, "/")), chromedp.Evaluate(readLedger, &got))
		for _, r := range got.Rows {
			if r.ID == "rm07-nr-albania" {
				return r
			}
		}
		t.Fatalf("%s: no row for the document", path)
		return ledgerRow{}
	}
	if r := row(href); r.State != "public" || !slices.Equal(r.Dates, []string{"2017-07-06"}) {
		t.Errorf("on the day it became public the row says %s %v", r.State, r.Dates)
	}
	if r := row("/documents/?on=2017-07-05"); r.State != "scheduled" || !slices.Equal(r.Dates, []string{"2017-07-06"}) {
		t.Errorf("the day before, the row says %s %v", r.State, r.Dates)
	}
	var after, bad ledgerPage
	tab.Run(chromedp.Navigate(srv.URL+"documents/?on=2030-01-01"), chromedp.Evaluate(readLedger, &after),
		chromedp.Navigate(srv.URL+"documents/?on=yesterday"), chromedp.Evaluate(readLedger, &bad))
	if !strings.Contains(after.Note, "cannot show a day after 6 July 2017") || after.Input != "2017-07-06" {
		t.Errorf("a day after the build: note %q, field %q", after.Note, after.Input)
	}
	if !strings.Contains(bad.Note, "yesterday") || !strings.Contains(bad.Note, "YYYY-MM-DD") {
		t.Errorf("a day that is no date: note %q", bad.Note)
	}
	// Days the calendar does not have, written as days.
	for _, day := range []string{"2017-02-29", "2016-02-30", "2017-04-31"} {
		var none ledgerPage
		tab.Run(chromedp.Navigate(srv.URL+"documents/?on="+day), chromedp.Evaluate(readLedger, &none))
		if !strings.Contains(none.Note, day) || !strings.Contains(none.Note, "YYYY-MM-DD") {
			t.Errorf("%s, no day of the calendar: note %q", day, none.Note)
		}
	}
	var leap ledgerPage
	tab.Run(chromedp.Navigate(srv.URL+"documents/?on=2016-02-29"), chromedp.Evaluate(readLedger, &leap))
	if !strings.Contains(leap.Note, "29 February 2016") {
		t.Errorf("29 February 2016, a leap day: note %q", leap.Note)
	}
}

// largeSiteAsBuilt is the large generated site with what its tests compare
// it to: its catalog, the day it is built as of (1 January 2020), the
// engine's decisions that day and the titles each document shows.
func largeSiteAsBuilt(t *testing.T) (site string, c *catalog.Catalog, asOf catalog.Date, today map[string]publication.Decision, titles map[string]pastTitle) {
	t.Helper()
	site = largeSite(t)
	c, err := catalog.Load(os.DirFS(largeManifest.Dir), "data")
	if err != nil {
		t.Fatal(err)
	}
	asOf = catalog.Date{Year: 2020, Month: 1, Day: 1}
	today = publication.DecideAll(c, asOf.Start(c.Rules.Location))
	return site, c, asOf, today, pastTitles(c, today, true)
}

// A Summary Report, made at the meeting itself, on a day before its
// meeting opened: the ledger shows it not submitted and says it was yet to
// be made at the meeting, not that it was "not yet submitted", which is
// said of a report a party submits.
func TestLedgerSaysASummaryReportWasYetToBeMade(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	srv := Serve(t, realSite(t), "")
	const read = `(() => { const r = document.querySelector("#doc-rm07-summary-report"); return r ? [r.className, r.querySelector(".date-cell").textContent.trim()] : []; })()`
	row := func(day string) []string {
		var got []string
		tab.Run(chromedp.Navigate(srv.URL+"documents/?on="+day), chromedp.Evaluate(read, &got))
		return got
	}
	if got, want := row("2017-01-10"), []string{"row-not_submitted", "made at the meeting, not yet opened"}; !slices.Equal(got, want) {
		t.Errorf("before the meeting opened, the Summary Report's row is %q; want %q", got, want)
	}
	if got := row("2017-07-06"); len(got) != 2 || strings.Contains(got[1], "made at the meeting") {
		t.Errorf("after it was adopted, the Summary Report's row is %q; want it made", got)
	}
}

// The ledger on a day before any of its rows' meetings' review cycles
// began (before the Convention entered into force) leaves every row out:
// the note says why, and no empty table with only its headings stands
// under it (a journalist's review found one); on a later day, the table.
func TestLedgerOnADayBeforeAnyCycleShowsNoEmptyTable(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	tab := Browser(t)
	srv := Serve(t, largeSite(t), "")
	for _, c := range []struct {
		on    string
		table bool
	}{{"1996-01-01", false}, {"2019-01-01", true}, {"", true}} {
		var got struct {
			Table, Note bool
			Counts      []string
		}
		tab.Run(chromedp.Navigate(srv.URL+"documents/?on="+c.on), poll(`!document.documentElement.classList.contains("past-pending")`, nil, 10*time.Second), chromedp.Evaluate(`(() => ({
			Table: document.querySelector("table.ledger").checkVisibility(),
			Note: !!document.querySelector("main p.note[data-past-before]") && document.querySelector("main p.note[data-past-before]").checkVisibility(),
			Counts: [...document.querySelectorAll("[data-past-counts] li .state")].map(s => [...s.classList].find(c => c.startsWith("state-")).slice(6)),
		}))()`, &got))
		if got.Table != c.table || !c.table && !got.Note {
			t.Errorf("on %q: table shown %v, note shown %v; want the table %v", c.on, got.Table, got.Note, c.table)
		}
		// Its counts: on a day before any cycle, every state a past day
		// shows, at 0, "Not public" among them (it was left out), and
		// neither withheld nor restricted, which no past day shows.
		if want := []string{"public", "scheduled", "not_submitted", "withdrawn", "unknown"}; c.on == "1996-01-01" && !slices.Equal(got.Counts, want) {
			t.Errorf("on %q: the counts list %q, want %q", c.on, got.Counts, want)
		}
	}
}
