package publication

import (
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
)

// day turns a small offset into a date around 2017; 0 means not recorded.
func day(offset int16) catalog.Date {
	if offset == 0 {
		return catalog.Date{}
	}
	return catalog.Date{Year: 2017, Month: time.April, Day: 7}.AddDays(int(offset))
}

// FuzzDecide checks the engine's invariants on any facts and moment.
func FuzzDecide(f *testing.F) {
	f.Add(uint8(0), uint8(2), int16(1), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), false, int64(90*24))
	f.Add(uint8(0), uint8(2), int16(1), int16(-30), int16(60), int16(0), int16(0), int16(0), int16(0), int16(0), false, int64(100*24))
	f.Add(uint8(1), uint8(2), int16(1), int16(0), int16(0), int16(0), int16(5), int16(0), int16(40), int16(0), false, int64(50*24))
	f.Add(uint8(2), uint8(2), int16(0), int16(0), int16(0), int16(0), int16(0), int16(3), int16(0), int16(0), false, int64(3*24))
	f.Add(uint8(0), uint8(2), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), true, int64(0))
	f.Add(uint8(0), uint8(1), int16(1), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), false, int64(90*24))
	f.Add(uint8(0), uint8(1), int16(1), int16(30), int16(0), int16(0), int16(20), int16(0), int16(0), int16(0), false, int64(40*24))
	f.Add(uint8(0), uint8(0), int16(1), int16(-30), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), false, int64(100*24))
	// A report submitted after the rule's day (adjournment + 90).
	f.Add(uint8(0), uint8(2), int16(1), int16(0), int16(0), int16(0), int16(0), int16(0), int16(0), int16(120), false, int64(150*24))
	// An objection its party lifts, after its day and before it.
	f.Add(uint8(0), uint8(2), int16(1), int16(0), int16(100), int16(150), int16(0), int16(0), int16(0), int16(0), false, int64(200*24))
	f.Add(uint8(0), uint8(2), int16(1), int16(0), int16(60), int16(70), int16(0), int16(0), int16(0), int16(0), false, int64(100*24))
	rules := testRules(f)
	loc := rules.Location
	kinds := []string{"national_report", "questions_answers", "summary_report", "unknown"}
	// rm00: no rule covers it; rm06: reports public only once their party
	// publishes them or consents; rm07: the 90-day rule.
	meetings := []string{"rm00", "rm06", "rm07"}
	f.Fuzz(func(t *testing.T, kind, meeting uint8, adj, published, objection, lifted, consent, adopted, withdrawn, submitted int16, notSubmitted bool, hours int64) {
		m := &catalog.Meeting{ID: meetings[int(meeting)%len(meetings)], Adjournment: day(adj)}
		d := &catalog.Document{
			Kind: kinds[int(kind)%len(kinds)], NotSubmitted: notSubmitted,
			Published: day(published), Objection: day(objection), ObjectionLifted: day(lifted), Consent: day(consent),
			Adopted: day(adopted), Withdrawn: day(withdrawn), WithdrawnReason: "r", Submitted: day(submitted),
		}
		base := catalog.Date{Year: 2017, Month: time.April, Day: 7}.Start(loc)
		at := base.Add(time.Duration(hours%(24*4000)) * time.Hour)
		dec := Decide(d, m, rules, at)
		started := func(x catalog.Date) bool { return !x.IsZero() && !at.Before(x.Start(loc)) }
		switch dec.State {
		case Public:
			if dec.PublicFrom.IsZero() || at.Before(dec.PublicFrom.Start(loc)) {
				t.Fatalf("public before its date: %+v at %s", dec, at)
			}
			// A rule's day never before it was submitted (a fact, its
			// party's publication or consent, may be: check warns of that).
			if dec.PublicFrom.Before(d.Submitted) && dec.Basis == BasisAfterAdjournment {
				t.Fatalf("public from %s, before it was submitted on %s: %+v", dec.PublicFrom, d.Submitted, dec)
			}
			// An objection withholds it until its party lifts it (a day after it).
			liftedNow := started(d.ObjectionLifted) && d.Objection.Before(d.ObjectionLifted)
			if notSubmitted || started(d.Objection) && !liftedNow || started(d.Withdrawn) {
				t.Fatalf("public despite not submitted / objection / withdrawal: %+v", dec)
			}
			if liftedNow && dec.PublicFrom.Before(d.ObjectionLifted) && !dec.PublicFrom.Before(d.Objection) {
				t.Fatalf("public from %s, while its objection of %s held (lifted %s): %+v", dec.PublicFrom, d.Objection, d.ObjectionLifted, dec)
			}
			if d.Kind == "questions_answers" && !started(d.Consent) {
				t.Fatalf("public without consent: %+v", dec)
			}
			if d.Kind == "unknown" || m.ID == "rm00" || (d.Kind == "questions_answers" && m.ID != "rm07") {
				t.Fatalf("public with no rule for the kind at the meeting: %+v", dec)
			}
			// The rule's day; or the submission, once after it; or a lift.
			if due := m.Adjournment.AddDays(90); d.Kind == "national_report" && m.ID == "rm07" && d.Published.IsZero() && (m.Adjournment.IsZero() ||
				dec.Basis == BasisAfterAdjournment && dec.PublicFrom != due ||
				dec.Basis == BasisLateSubmission && (dec.PublicFrom != d.Submitted || !due.Before(d.Submitted)) ||
				dec.Basis == BasisObjectionLifted && dec.PublicFrom != d.ObjectionLifted) {
				t.Fatalf("national report public on a day other than adjournment + 90, or its submission after it, or a lift: %+v", dec)
			}
			if d.Kind == "national_report" && m.ID == "rm06" && dec.PublicFrom != d.Published && dec.PublicFrom != d.Consent && dec.PublicFrom != d.ObjectionLifted {
				t.Fatalf("national report of the 6th meeting public on a day its party neither published it nor consented: %+v", dec)
			}
			// Later moments keep it public until something happens.
			if later := Decide(d, m, rules, at.Add(24*time.Hour)); later.State != Public && !started(d.Objection) && !started(d.Withdrawn) &&
				d.Objection.IsZero() && d.Withdrawn.IsZero() {
				t.Fatalf("public at %s but %s a day later", at, later.State)
			}
		case Scheduled:
			if dec.NextChange.IsZero() || dec.NextChange != dec.PublicFrom || !at.Before(dec.PublicFrom.Start(loc)) {
				t.Fatalf("scheduled with a bad date: %+v at %s", dec, at)
			}
		case Withdrawn:
			if !dec.PublicFrom.Before(dec.WithdrawnOn) || at.Before(dec.WithdrawnOn.Start(loc)) {
				t.Fatalf("withdrawn with bad dates: %+v at %s", dec, at)
			}
		case Withheld, Restricted, NotSubmitted:
		default:
			t.Fatalf("unknown state %q", dec.State)
		}
		if dec.Reason == "" {
			t.Fatalf("no reason: %+v", dec)
		}
		if again := Decide(d, m, rules, at); again != dec {
			t.Fatalf("not deterministic: %+v then %+v", dec, again)
		}
	})
}

// FuzzRecordingAdjournmentNeverHidesAReport: recording a meeting's closing
// day never makes a document less public than it was without it, on any
// day, and changes nothing of what is public before the rule's day (issue 20: a report its party published before the meeting closed is
// public from that day whether or not the closing day is known yet).
func FuzzRecordingAdjournmentNeverHidesAReport(f *testing.F) {
	f.Add(uint8(0), uint8(2), int16(1), int16(-30), int16(0), int16(0), int16(0), int64(0))
	f.Add(uint8(0), uint8(2), int16(-200), int16(-300), int16(0), int16(0), int16(0), int64(-250*24))
	f.Add(uint8(0), uint8(2), int16(10), int16(-30), int16(40), int16(0), int16(0), int64(50*24))
	f.Add(uint8(0), uint8(1), int16(10), int16(-30), int16(0), int16(0), int16(0), int64(50*24))
	rules := testRules(f)
	loc := rules.Location
	kinds := []string{"national_report", "questions_answers", "summary_report"}
	meetings := []string{"rm00", "rm06", "rm07"}
	f.Fuzz(func(t *testing.T, kind, meeting uint8, adj, published, objection, consent, withdrawn int16, hours int64) {
		if adj == 0 {
			return // the meeting with its closing day needs one
		}
		id := meetings[int(meeting)%len(meetings)]
		open, closed := &catalog.Meeting{ID: id}, &catalog.Meeting{ID: id, Adjournment: day(adj)}
		d := &catalog.Document{
			Kind: kinds[int(kind)%len(kinds)], Published: day(published), Objection: day(objection),
			Consent: day(consent), Withdrawn: day(withdrawn), WithdrawnReason: "r", Adopted: day(published),
		}
		base := catalog.Date{Year: 2017, Month: time.April, Day: 7}.Start(loc)
		at := base.Add(time.Duration(hours%(24*4000)) * time.Hour)
		without, with := Decide(d, open, rules, at), Decide(d, closed, rules, at)
		// Before the rule's day the closing day changes nothing of what may
		// be read: a report is public then only if its party published it.
		if due := day(adj).AddDays(90); at.Before(due.Start(loc)) && (with.State == Public) != (without.State == Public) {
			t.Fatalf("before %s: %s with the closing day (%s), %s without it (%s)", due, with.State, with.Reason, without.State, without.Reason)
		}
		if without.State == Public && with.State != Public {
			t.Fatalf("public without the closing day (%s) but %s with it: %s", without.Reason, with.State, with.Reason)
		}
		if without.State == Scheduled && with.State != Scheduled && with.State != Public {
			t.Fatalf("scheduled without the closing day but %s with it: %s", with.State, with.Reason)
		}
		if without.State == Scheduled && with.State == Scheduled && without.PublicFrom.Before(with.PublicFrom) {
			t.Fatalf("due on %s without the closing day but on %s with it", without.PublicFrom, with.PublicFrom)
		}
	})
}

// FuzzPublishedByDecidesAsTheDay: a day by which a source shows a document
// published (published_by, the day itself not recorded) decides its state
// and public day as that day recorded as published would, on any facts and
// at any moment, and only marks the day as the latest it may be; an
// undated publication with no such day never makes a document public
// where the same facts without it do not.
func FuzzPublishedByDecidesAsTheDay(f *testing.F) {
	f.Add(uint8(0), uint8(1), int16(1), int16(-30), int16(0), int16(0), int16(0), int64(0))
	f.Add(uint8(0), uint8(2), int16(1), int16(-30), int16(0), int16(0), int16(0), int64(-20*24))
	f.Add(uint8(0), uint8(2), int16(0), int16(-30), int16(40), int16(0), int16(0), int64(50*24))
	f.Add(uint8(0), uint8(1), int16(10), int16(30), int16(0), int16(20), int16(0), int64(50*24))
	rules := testRules(f)
	loc := rules.Location
	meetings := []string{"rm00", "rm06", "rm07"}
	f.Fuzz(func(t *testing.T, kind, meeting uint8, adj, published, objection, consent, withdrawn int16, hours int64) {
		if published == 0 {
			return
		}
		m := &catalog.Meeting{ID: meetings[int(meeting)%len(meetings)], Adjournment: day(adj)}
		facts := catalog.Document{Kind: "national_report", Objection: day(objection), Consent: day(consent), Withdrawn: day(withdrawn), WithdrawnReason: "r"}
		dated, bound, undated, none := facts, facts, facts, facts
		dated.Published = day(published)
		bound.PublishedBy, bound.PublishedUndated = day(published), true
		undated.PublishedUndated = true
		base := catalog.Date{Year: 2017, Month: time.April, Day: 7}.Start(loc)
		at := base.Add(time.Duration(hours%(24*4000)) * time.Hour)
		a, b := Decide(&dated, m, rules, at), Decide(&bound, m, rules, at)
		if a.State != b.State || a.Basis != b.Basis || a.PublicFrom != b.PublicFrom || a.WithdrawnOn != b.WithdrawnOn || a.NextChange != b.NextChange {
			t.Fatalf("published %s: %s from %s (%s); published by that day: %s from %s (%s)", dated.Published, a.State, a.PublicFrom, a.Reason, b.State, b.PublicFrom, b.Reason)
		}
		if a.Latest || b.Latest != !b.PublicFrom.IsZero() && (b.State == Public || b.State == Scheduled || b.State == Withdrawn) && m.ID != "rm00" {
			t.Fatalf("latest: published %v, published by %v (%s, %s)", a.Latest, b.Latest, b.State, b.Reason)
		}
		if u, n := Decide(&undated, m, rules, at), Decide(&none, m, rules, at); (u.State == Public) != (n.State == Public) || u.PublicFrom != n.PublicFrom {
			t.Fatalf("undated publication: %s from %s (%s); without it: %s from %s (%s)", u.State, u.PublicFrom, u.Reason, n.State, n.PublicFrom, n.Reason)
		}
	})
}
