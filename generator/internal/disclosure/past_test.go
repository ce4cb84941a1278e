package disclosure_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Issue 15: what the ledger says of a past day agrees with the engine's
// decision for that day, on every day on which any fact of a generated
// catalog could change a decision (and the days either side), from the
// first instant of the day in Vienna to its last; where it says "not
// public" the engine did not make the document public; and it names no day
// the document's page does not show.
func TestPastAgreesWithTheEngineOnEveryDay(t *testing.T) {
	for _, seed := range []uint64{2, 7, 19} {
		m, c := corpusCatalog(t, seed)
		loc := c.Rules.Location
		days := factDays(c)
		states, before := map[publication.State]int{}, map[publication.State]int{}
		for _, at := range []time.Time{m.From.Add(m.To.Sub(m.From) / 3), m.To.Add(30 * 24 * time.Hour)} {
			decisions := publication.DecideAll(c, at)
			w := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, SiteTitle: "T"})
			today := catalog.DateOf(at.In(loc))
			checked := append(slices.Clip(days), today)
			for _, d := range c.Documents {
				ref := w.Ref(d)
				past := w.Past(d)
				mt, _ := c.Meeting(d.Meeting)
				page, _ := w.Page(d)
				// The days its page shows: those above, and its history's.
				shows := map[catalog.Date]bool{ref.PublicFrom: true, ref.WithdrawnOn: true, today: true, mt.CycleStart: true, page.Submitted: true}
				for _, h := range w.History(d) {
					shows[h.Date] = true
				}
				for _, ch := range past.Changes {
					if !shows[ch.From] {
						t.Errorf("seed %d, %s (%s): the past names %s, a day its page does not show", seed, d.ID, ref.State, ch.From)
					}
				}
				if got := past.At(today); got != ref.State {
					t.Errorf("seed %d, %s: on the as-of day the past says %s, the page %s", seed, d.ID, got, ref.State)
				}
				for _, day := range checked {
					if today.Before(day) {
						continue
					}
					said := past.At(day)
					states[said]++
					if day.Before(today) {
						before[said]++
						if !slices.Contains(disclosure.PastStates, said) {
							t.Errorf("seed %d, %s on %s: the past says %s, which PastStates lacks (the charts drawn again on a past day have no series for it)", seed, d.ID, day, said)
						}
					}
					// The first and the last instant of the day in Vienna.
					for _, moment := range []time.Time{day.Start(loc), day.AddDays(1).Start(loc).Add(-time.Nanosecond)} {
						dec := publication.Decide(d, mt, &c.Rules, moment)
						if said == disclosure.NotPublic {
							if dec.State == publication.Public || dec.State == publication.Withdrawn {
								t.Errorf("seed %d, %s on %s (%s): the past says not public, the engine %s", seed, d.ID, day, moment, dec.State)
							}
							continue
						}
						if dec.State != said {
							t.Errorf("seed %d, %s on %s (%s): the past says %s, the engine %s", seed, d.ID, day, moment, said, dec.State)
						} else if due := nextPublic(past, day, ref.PublicFrom); said == publication.Scheduled && dec.PublicFrom != due {
							t.Errorf("seed %d, %s on %s: scheduled for %s by the engine, but the row shows %s", seed, d.ID, day, dec.PublicFrom, due)
						}
					}
				}
			}
		}
		for _, s := range disclosure.PastStates {
			if before[s] == 0 {
				t.Errorf("seed %d: no document was %s on a day before the as-of day, which PastStates names", seed, s)
			}
		}
		// The catalog must have put the comparison through every case.
		for _, s := range []publication.State{publication.Public, publication.Scheduled, publication.Withdrawn, publication.NotSubmitted, disclosure.NotPublic, publication.Withheld, publication.Restricted} {
			if states[s] == 0 {
				t.Errorf("seed %d: no document was %s on any day compared", seed, s)
			}
		}
	}
}

// corpusCatalog is a generated catalog of 300 documents, loaded.
func corpusCatalog(t *testing.T, seed uint64) (*corpus.Manifest, *catalog.Catalog) {
	t.Helper()
	m, c, err := corpus.Load(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: seed, Documents: 300})
	if err != nil {
		t.Fatal(err)
	}
	return m, c
}

// factDays lists, in order, every day on which a fact of c could change a
// decision, with the day before and after each, and a day long before all.
func factDays(c *catalog.Catalog) []catalog.Date {
	seen := map[catalog.Date]bool{}
	add := func(d catalog.Date) {
		if !d.IsZero() {
			seen[d.AddDays(-1)], seen[d], seen[d.AddDays(1)] = true, true, true
		}
	}
	for _, m := range c.Meetings {
		add(m.Opening)
		add(m.Adjournment)
		for _, k := range c.Rules.Kinds {
			if r, ok := k.For(m.ID); ok && r.Days > 0 && !m.Adjournment.IsZero() {
				add(m.Adjournment.AddDays(r.Days))
			}
		}
	}
	for _, d := range c.Documents {
		for _, f := range d.Facts() {
			add(f.Day)
		}
	}
	out := []catalog.Date{{Year: 1990, Month: time.January, Day: 1}}
	for d := range seen {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b catalog.Date) int {
		switch {
		case a.Before(b):
			return -1
		case b.Before(a):
			return 1
		}
		return 0
	})
	return out
}

// A document whose submission day the catalog does not record is not said
// to be due on the days before the record shows it in existence: from its
// cycle's start it is "not public" until its meeting adjourned (under the
// rule of days after it) or until it became public (a Summary Report, on
// its adoption; a report its party published early), and only then
// scheduled or public. One whose submission day is recorded is not yet
// submitted until that day, then scheduled (issue 20, a reader's review:
// the joint meeting's reports were "pending" in 2017).
func TestPastBeforeTheRecordShowsADocument(t *testing.T) {
	c, err := catalog.Load(os.DirFS("../../testdata/catalog"), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	rm07, _ := c.Meeting("rm07")
	france, _ := c.Document("rm07-nr-france")
	france.Published = rm07.Opening.AddDays(-30)
	japan, _ := c.Document("rm07-nr-japan")
	japan.Submitted = rm07.Opening.AddDays(-200)
	// The 6th meeting's cycle, as if the catalog gave the Convention's day.
	rm06, _ := c.Meeting("rm06")
	rm06.CycleStart = catalog.Date{Year: 1996, Month: time.October, Day: 24}
	at := rm07.Adjournment.AddDays(200).Start(c.Rules.Location)
	w := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at, SiteTitle: "T"})
	start, adjourned := rm07.CycleStart, rm07.Adjournment
	public := adjourned.AddDays(90)
	for _, tc := range []struct {
		doc  string
		day  catalog.Date
		want publication.State
	}{
		{"rm07-nr-albania", start.AddDays(-1), publication.NotSubmitted},
		{"rm07-nr-albania", start, disclosure.NotPublic},
		{"rm07-nr-albania", adjourned.AddDays(-1), disclosure.NotPublic},
		{"rm07-nr-albania", adjourned, publication.Scheduled},
		{"rm07-nr-albania", public, publication.Public},
		// Made at its meeting (at_meeting): not yet submitted before the
		// meeting opened, however long its cycle had run; not public
		// from then until it was adopted.
		{"rm07-summary-report", start.AddDays(100), publication.NotSubmitted},
		{"rm07-summary-report", rm07.Opening.AddDays(-1), publication.NotSubmitted},
		{"rm07-summary-report", rm07.Opening, disclosure.NotPublic},
		{"rm07-summary-report", adjourned, publication.Public},
		{"rm07-nr-france", start.AddDays(100), disclosure.NotPublic},
		{"rm07-nr-france", france.Published, publication.Public},
		{"rm07-nr-japan", japan.Submitted.AddDays(-1), publication.NotSubmitted},
		{"rm07-nr-japan", japan.Submitted, publication.Scheduled},
		{"rm07-nr-japan", public, publication.Public},
		// Restricted today: not yet submitted before its cycle, then not
		// public (not "not public" back to 1990).
		{"rm06-nr-japan", rm06.CycleStart.AddDays(-1), publication.NotSubmitted},
		{"rm06-nr-japan", rm06.CycleStart, disclosure.NotPublic},
	} {
		d, ok := c.Document(tc.doc)
		if !ok {
			t.Fatalf("the fixture has no %s", tc.doc)
		}
		if got := w.Past(d).At(tc.day); got != tc.want {
			t.Errorf("%s on %s: the past says %s, want %s (%+v)", tc.doc, tc.day, got, tc.want, w.Past(d))
		}
	}
	// Scheduled today, its meeting adjourned: the same past before its
	// public day.
	between := rm07.Adjournment.AddDays(30).Start(c.Rules.Location)
	ws := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, between), AsOf: between, SiteTitle: "T"})
	albania, _ := c.Document("rm07-nr-albania")
	if p := ws.Past(albania); p.At(start.AddDays(100)) != disclosure.NotPublic || p.At(adjourned) != publication.Scheduled || p.At(adjourned.AddDays(30)) != publication.Scheduled {
		t.Errorf("a report scheduled 30 days after its meeting adjourned: past %+v", p)
	}
	// Scheduled today, before its meeting adjourns: not public on the
	// earlier days of its cycle too, as a build after the adjournment says
	// of them (a webmaster's daily builds found "Scheduled" there turning
	// "Not public" at the adjournment).
	opening := rm07.Opening.AddDays(-10).Start(c.Rules.Location)
	wo := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, opening), AsOf: opening, SiteTitle: "T"})
	today := rm07.Opening.AddDays(-10)
	if p := wo.Past(albania); p.At(start.AddDays(100)) != disclosure.NotPublic || p.At(today.AddDays(-1)) != disclosure.NotPublic || p.At(today) != publication.Scheduled {
		t.Errorf("a report scheduled before its meeting adjourned: past %+v", p)
	}
	// Scheduled for a day its party announced, its submission day not
	// recorded: not public on the earlier days of its cycle, as once it
	// is public (a code review found "Scheduled" there turning "Not
	// public" on the day).
	announced := france.Published.AddDays(-5)
	wa := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, announced.Start(c.Rules.Location)), AsOf: announced.Start(c.Rules.Location), SiteTitle: "T"})
	if p := wa.Past(france); p.At(start.AddDays(100)) != disclosure.NotPublic || p.At(announced) != publication.Scheduled {
		t.Errorf("a report scheduled for a day its party announced: past %+v", p)
	}
	// On the first day of its cycle, not yet submitted before it.
	wc := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, start.Start(c.Rules.Location)), AsOf: start.Start(c.Rules.Location), SiteTitle: "T"})
	if p := wc.Past(albania); p.At(start.AddDays(-1)) != publication.NotSubmitted || p.At(start) != wc.Ref(albania).State {
		t.Errorf("a report on its cycle's first day: past %+v, state %s", p, wc.Ref(albania).State)
	}
	// The page's history begins with the day it was submitted, where the
	// catalog records it, which the past's change of that day rests on.
	if h := w.History(japan); len(h) == 0 || h[0].Kind != disclosure.ChangeSubmitted || h[0].Date != japan.Submitted {
		t.Errorf("the history of a report submitted on %s: %+v", japan.Submitted, h)
	}
	for _, ch := range w.History(albania) {
		if ch.Kind == disclosure.ChangeSubmitted {
			t.Errorf("a report whose submission day is not recorded has a submission in its history: %+v", ch)
		}
	}
}

// nextPublic is the day a past day's row shows a scheduled document due:
// its past's first change to public after the day (enhance.js; a document
// public twice, again from the lift of an objection, was due on the first
// period's day), else the row's day.
func nextPublic(p disclosure.Past, day, row catalog.Date) catalog.Date {
	for _, ch := range p.Changes {
		if ch.State == publication.Public && day.Before(ch.From) {
			return ch.From
		}
	}
	return row
}

// What a past day shows of a document does not change from one day's
// build to the next, unless a fact of the document dated that next day
// could rewrite it (an objection hides its whole past; a lift, a
// take-down, a publication or a submission is new): a journalist who cites
// the ledger on a past day cites what every later build says too (a
// webmaster's daily builds found a "Scheduled" past day turning "Not
// public" at the adjournment; a code review, at a day a party announced).
func TestAPastDayKeepsItsStateFromOneBuildToTheNext(t *testing.T) {
	for _, seed := range []uint64{2, 7} {
		_, c := corpusCatalog(t, seed)
		loc := c.Rules.Location
		days := factDays(c)
		view := func(day catalog.Date) *disclosure.View {
			at := day.Start(loc)
			return disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at, SiteTitle: "T"})
		}
		hidden := func(s publication.State) bool { return s == publication.Withheld || s == publication.Restricted }
		compared := 0
		for i, b := range days {
			if i%3 != 0 || b.Year < 1995 {
				continue // a third of the days keeps the test quick
			}
			next := b.AddDays(1)
			wb, wn := view(b), view(next)
			for _, d := range c.Documents {
				if slices.ContainsFunc(d.Facts(), func(f catalog.Fact) bool { return f.Day == next }) {
					continue
				}
				if hidden(wb.Ref(d).State) || hidden(wn.Ref(d).State) {
					continue
				}
				pb, pn := wb.Past(d), wn.Past(d)
				for _, day := range days {
					if !day.Before(b) {
						break
					}
					compared++
					if x, y := pb.At(day), pn.At(day); x != y {
						t.Errorf("seed %d, %s on %s: built on %s the past says %s, built the next day %s (%+v, then %+v)", seed, d.ID, day, b, x, y, pb, pn)
						break
					}
				}
			}
		}
		if compared < 1000 {
			t.Errorf("seed %d: only %d past days compared", seed, compared)
		}
	}
}
