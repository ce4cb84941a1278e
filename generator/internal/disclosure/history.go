package disclosure

import (
	"slices"
	"strings"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Kinds of change in a document's history.
const (
	ChangeSubmitted = "submitted" // its party submitted it (where the catalog records the day)
	ChangeScheduled = "scheduled" // its publication date became fixed
	ChangePublic    = "public"    // it became public
	ChangeWithdrawn = "withdrawn" // it was taken down
)

// ChangeKinds are the kinds of change, in the order of a history.
var ChangeKinds = []string{ChangeSubmitted, ChangeScheduled, ChangePublic, ChangeWithdrawn}

// Change is a dated event in a document's publication history, as the feeds
// and the document's timeline show it. Every change is dated by the catalog's
// facts, never by the build: a build on any later day gives the same changes,
// plus those that happened since.
type Change struct {
	Date catalog.Date `json:"date"`
	Kind string       `json:"kind"` // submitted | scheduled | public | withdrawn
	Text string       `json:"text"` // one sentence, in English
	// What pages say the sentence with in each language: the day it is due
	// (scheduled), the basis and the rule's days (public).
	Due   catalog.Date      `json:"due,omitzero"`
	Basis publication.Basis `json:"basis,omitempty"`
	Days  int               `json:"days,omitempty"`
	// Latest marks a public change on the rule's day of a document that
	// may have been public earlier, on a day the catalog does not record
	// (its party published it, DocPage.PublishedUndated, or its meeting
	// counts more early publications than the catalog dates,
	// DocPage.EarlierUnrecorded): public by that day at the latest.
	Latest bool `json:"latest,omitempty"`
	// Read marks such a day that is the one this catalog read the page
	// showing the document published (DocRef.LatestRead).
	Read bool `json:"read,omitempty"`
	// Assumed marks a day a rule sets that the catalog assumes for the
	// document's meeting, no source stating it (DocPage.DayAssumed).
	Assumed bool `json:"assumed,omitempty"`
	// Reason is why a withdrawal was made, as the document's page gives it
	// (DocPage.WithdrawnReason): the feeds' entry says it after Text (a
	// webmaster's review found an entry saying only that it was withdrawn).
	Reason string `json:"reason,omitempty"`
	Doc    DocRef `json:"-"`
}

// History lists the changes of a document up to the as-of moment, oldest
// first. It says only what the document's state allows: a document that is
// withheld, restricted or not submitted has no history beyond its state.
func (w *View) History(d *catalog.Document) []Change { return w.history(d, w.Ref(d)) }

// history is History for a document whose Ref the caller has already.
func (w *View) history(d *catalog.Document, ref DocRef) []Change {
	dec := w.in.Decisions[d.ID]
	var out []Change
	add := func(c Change) {
		if !c.Date.IsZero() && !w.in.AsOf.Before(c.Date.Start(w.in.Catalog.Rules.Location)) {
			c.Doc = ref
			out = append(out, c)
		}
	}
	switch dec.State {
	case publication.Scheduled, publication.Public, publication.Withdrawn:
	default:
		return nil
	}
	// The day it was submitted, which its page shows (View.Page), where
	// the catalog records it.
	add(Change{Date: d.Submitted, Kind: ChangeSubmitted, Text: "Submitted by its Contracting Party."})
	// The date of a report under the rule of days is fixed the day its
	// meeting adjourns; of one submitted after that day (the history gives
	// its submission, then its public day), nothing was scheduled then.
	// A document public again after its party lifted the objection at
	// which it was withdrawn: its first period is the one scheduled.
	basis, first := dec.Basis, dec.PublicFrom
	earlier := w.earlier(d, dec)
	if e := earlier; e != nil {
		basis, first = e.Basis, e.PublicFrom
	}
	// One its party objected to and cleared before its day was not due
	// from the adjournment throughout: its past shows it not public before
	// its day (Past), and its history no schedule, as the objection's days
	// are shown nowhere.
	cleared := dec.Lifted && earlier == nil
	if basis == publication.BasisAfterAdjournment && !cleared {
		if m, ok := w.in.Catalog.Meeting(d.Meeting); ok && m.Adjournment.Before(first) && !m.Adjournment.Before(d.Submitted) {
			add(Change{Date: m.Adjournment, Kind: ChangeScheduled, Due: first,
				Text: "The meeting adjourned; the document is due to become public on " + first.Long() + "."})
		}
	}
	// A day it became public, with the marks its page gives that day.
	public := func(day catalog.Date, b publication.Basis, text string, latest, read, assumed bool) {
		c := Change{Date: day, Kind: ChangePublic, Basis: b, Text: "Became public (" + text + ").", Assumed: assumed}
		if b == publication.BasisAfterAdjournment && dec.Version != nil {
			c.Days = dec.Version.Days
		}
		if latest {
			c.Latest = true
			c.Text = "Public by this day at the latest (" + text + "): it may have been public earlier, on a day not recorded."
		}
		if read {
			c.Read = true
			c.Text = "Public by this day at the latest: the day this catalog read the page of its Contracting Party that shows it published; it may have been public long before."
		}
		add(c)
	}
	if e := earlier; e != nil {
		public(e.PublicFrom, e.Basis, e.BasisText, e.Latest, e.Read, e.Assumed)
		add(Change{Date: e.WithdrawnOn, Kind: ChangeWithdrawn, Text: withdrawnWords, Reason: objectionWords})
	}
	if dec.State == publication.Public || dec.State == publication.Withdrawn {
		public(dec.PublicFrom, dec.Basis, dec.BasisText, ref.Latest, ref.LatestRead, dayAssumed(dec))
	}
	if dec.State == publication.Withdrawn {
		reason, _ := withdrawnReason(d, dec)
		add(Change{Date: dec.WithdrawnOn, Kind: ChangeWithdrawn, Text: withdrawnWords, Reason: reason})
	}
	return out
}

// withdrawnWords are a take-down's sentence, which pages write in their
// language from the change's kind (history_withdrawn); its reason apart
// (Change.Reason).
const withdrawnWords = "Withdrawn from publication."

// PastStates are the states Past gives a document on a day before the
// as-of day, in the site's order: a document withheld or restricted today
// is NotPublic on every earlier day, so neither state is among them. The
// charts that a past day counts again draw one series of each
// (figures.Chart.PastSeries).
var PastStates = []publication.State{publication.Public, publication.Scheduled, publication.NotSubmitted, publication.Withdrawn, NotPublic}

// Past says what the public record tells of a document's state on any day
// up to the as-of day. It uses only what the document's page shows today:
// its state, the day it became public or is due to, the day it was
// withdrawn, and the basis of its publication. Where Decide's answer for a
// past day rests on a fact that is not public (the day an objection or a
// consent was received), it says NotPublic, which is true on every such day
// and tells nothing of that fact; on every other day it agrees with Decide.
//
//   - not submitted: the same state on every day.
//   - scheduled: not submitted before its meeting's review cycle began
//     (catalog.Meeting.CycleStart: the day the meeting before it adjourned,
//     which the record of meetings gives) and before the day it was
//     submitted, where recorded, then scheduled.
//   - public, withdrawn: not submitted before the cycle began (or before
//     the day it became public, if earlier); then scheduled before the day
//     it became public when that day followed from a rule or a date fixed
//     in advance, NotPublic when it came from a consent or from a day by
//     which a source shows it published (no day planned: the engine
//     applies it only once it has come); then public, then withdrawn.
//   - withheld, restricted: not submitted before its meeting's review
//     cycle began, NotPublic from then until the as-of day.
//
// A document of a kind made at the meeting itself (catalog.Kind.AtMeeting:
// a Summary Report, a Country Review Report) begins at the meeting's
// opening instead of its cycle's start (publication.Begins): before it,
// not submitted.
//
// Where the catalog does not record the day a document was submitted, the
// record shows it in existence only from the day its meeting adjourned
// (under the rule of days after it) or the day it became public (adopted,
// published by its party): from the cycle's start until that day, which
// its page's history gives, it is NotPublic, not due years before anyone
// wrote it (existed).
func (w *View) Past(d *catalog.Document) Past {
	p := w.past(d)
	if m, ok := w.in.Catalog.Meeting(d.Meeting); ok && m != nil {
		p.Cycle = m.CycleStart
	}
	return p
}

// past is Past without its Cycle.
func (w *View) past(d *catalog.Document) Past {
	dec := w.in.Decisions[d.ID]
	// Public again from the day its party lifted the objection at which
	// it was withdrawn: the past of the document withdrawn then, and
	// public from the lift.
	if w.earlier(d, dec) != nil {
		e := dec.Earlier
		then := dec
		then.State, then.PublicFrom, then.Basis, then.BasisText, then.WithdrawnOn, then.Latest, then.Earlier = publication.Withdrawn, e.From, e.Basis, e.BasisText, e.Until, e.Latest, publication.Period{}
		// Its first period came before the objection: nothing of it rests
		// on the objection.
		then.Lifted = false
		p := w.pastOf(d, then)
		p.Changes = append(p.Changes, PastChange{From: dec.PublicFrom, State: publication.Public})
		// Taken down again after the lift.
		if dec.State == publication.Withdrawn {
			p.Changes = append(p.Changes, PastChange{From: dec.WithdrawnOn, State: publication.Withdrawn})
		}
		return p
	}
	return w.pastOf(d, dec)
}

// pastOf is past for the document's decision dec.
func (w *View) pastOf(d *catalog.Document, dec publication.Decision) Past {
	today := catalog.DateOf(w.in.AsOf.In(w.in.Catalog.Rules.Location))
	// Before its meeting's review cycle began, and before the day it was
	// submitted (which its page shows: View.Page), the document was not
	// yet submitted; or before it became public, where that was earlier
	// (Decide, publication.Exists).
	m, _ := w.in.Catalog.Meeting(d.Meeting)
	kind, _ := w.in.Catalog.Rules.Kind(d.Kind)
	// begins is the first day a document of its kind could exist for its
	// meeting: its review cycle's start, or the meeting's opening for a
	// kind made at the meeting (publication.Begins).
	var cycle, begins catalog.Date
	if m != nil {
		cycle = publication.Exists(d, m, kind)
		begins = publication.Begins(m, kind)
	}
	notYet := func(p Past, until catalog.Date) Past {
		if cycle.IsZero() {
			return p
		}
		first := cycle
		if !until.IsZero() && until.Before(first) {
			first = until
		}
		if first == until {
			return Past{Before: publication.NotSubmitted, Changes: p.Changes}
		}
		return Past{Before: publication.NotSubmitted, Changes: append([]PastChange{{From: first, State: p.Before}}, p.Changes...)}
	}
	// The day the day it became public was known (Past.Fixed).
	var fixed catalog.Date
	switch dec.Basis {
	case publication.BasisAfterAdjournment:
		if m != nil {
			fixed = m.Adjournment
		}
	case publication.BasisEarly, publication.BasisParty, publication.BasisAdoption, publication.BasisObjectionLifted:
		fixed = dec.PublicFrom
	}
	switch dec.State {
	case publication.NotSubmitted:
		return Past{Before: dec.State}
	case publication.Scheduled:
		// Its party lifted an objection that withheld it: not public, on
		// every earlier day of its cycle (nothing tells when the objection
		// came, nor when it was lifted), as a withheld one.
		// Its page shows the day it was submitted, which the past keeps
		// (cycle), as it does once the report is public.
		if dec.Lifted {
			return notPublicUntil(cycle, today, dec.State)
		}
		p := notYet(Past{Before: dec.State}, catalog.Date{})
		p.Fixed = fixed
		if !d.Submitted.IsZero() {
			return p
		}
		// Its submission day not recorded: once its meeting has adjourned,
		// under the rule of days, the record shows it from then (existed),
		// as it would a public one. Otherwise nothing shows it in existence
		// before the day shown: not public on the earlier days of its
		// cycle, as they will stay once it is public (a webmaster's daily
		// builds found a past day's "Scheduled" turning "Not public" at the
		// adjournment; a code review, at a day its party announced).
		if dec.Basis == publication.BasisAfterAdjournment && m != nil && !m.Adjournment.IsZero() && !today.Before(m.Adjournment) {
			return existed(p, d, m, begins, dec)
		}
		p = notPublicUntil(begins, today, dec.State)
		p.Fixed = fixed
		return p
	case publication.Public, publication.Withdrawn:
		p := Past{Before: NotPublic, Changes: []PastChange{{From: dec.PublicFrom, State: publication.Public}}}
		switch dec.Basis {
		case publication.BasisAfterAdjournment, publication.BasisEarly, publication.BasisParty, publication.BasisAdoption:
			p.Before = publication.Scheduled
		}
		// Public after its party lifted an objection that withheld it (and
		// perhaps taken down since): not public before, on days whose state
		// rests on the objection (neither its day nor the lift's, before its
		// own, is shown).
		if dec.Lifted {
			p.Before = NotPublic
		}
		// A day by which a source shows it published was no day planned:
		// before it the engine applies the rule's day alone, or finds
		// nothing published (publication.Decide), which the page shows no
		// day of. Not public, which is true either way.
		if d.Published.IsZero() && !d.PublishedBy.IsZero() && dec.PublicFrom == d.PublishedBy && (dec.Basis == publication.BasisEarly || dec.Basis == publication.BasisParty) {
			p.Before = NotPublic
		}
		if dec.State == publication.Withdrawn {
			p.Changes = append(p.Changes, PastChange{From: dec.WithdrawnOn, State: publication.Withdrawn})
		}
		p = notYet(p, dec.PublicFrom)
		p.Fixed = fixed
		p = existed(p, d, m, begins, dec)
		p.Existed = surelyExisted(d, m, kind)
		return p
	}
	// Withheld or restricted: not public on every earlier day of its
	// review cycle (nothing tells when an objection came, and its page
	// shows no submission day), not yet submitted before the cycle began.
	return notPublicUntil(begins, today, dec.State)
}

// notPublicUntil is the past of a document in state on the as-of day,
// today, of which nothing earlier may be told: not yet submitted before
// begins (its kind's first day at its meeting), not public from then.
func notPublicUntil(begins, today catalog.Date, state publication.State) Past {
	switch {
	case begins.IsZero():
		return Past{Before: NotPublic, Changes: []PastChange{{From: today, State: state}}}
	case begins.Before(today):
		return Past{Before: publication.NotSubmitted, Changes: []PastChange{{From: begins, State: NotPublic}, {From: today, State: state}}}
	}
	// Its first day is today's (or later): not yet submitted before.
	return Past{Before: publication.NotSubmitted, Changes: []PastChange{{From: today, State: state}}}
}

// surelyExisted is Past.Existed of a document of kind at meeting m.
func surelyExisted(d *catalog.Document, m *catalog.Meeting, kind *catalog.Kind) catalog.Date {
	switch {
	case !d.Submitted.IsZero():
		return d.Submitted
	case m == nil:
		return catalog.Date{}
	case kind != nil && kind.AtMeeting:
		return m.Adjournment
	}
	return m.Opening
}

// existed makes p NotPublic, from begins (its meeting's cycle start, or
// its opening for a kind made at the meeting), on the days before the
// record shows the document in existence, where its submission day is
// not recorded (Past): before its meeting adjourned, under the rule of
// days after it; before it became public, otherwise. p is the past of a
// document public, or once public, today, or scheduled after its meeting
// adjourned.
func existed(p Past, d *catalog.Document, m *catalog.Meeting, begins catalog.Date, dec publication.Decision) Past {
	if !d.Submitted.IsZero() || m == nil || begins.IsZero() {
		return p
	}
	shown := dec.PublicFrom
	if dec.Basis == publication.BasisAfterAdjournment && !m.Adjournment.IsZero() && m.Adjournment.Before(shown) {
		shown = m.Adjournment
	}
	if !begins.Before(shown) {
		return p
	}
	// The changes from the cycle's start on: NotPublic from it, and the
	// state the document had on the day it is shown from, from that day.
	at := p.At(shown)
	changes := []PastChange{{From: begins, State: NotPublic}}
	if at != NotPublic {
		changes = append(changes, PastChange{From: shown, State: at})
	}
	for _, c := range p.Changes {
		if shown.Before(c.From) {
			changes = append(changes, c)
		}
	}
	return Past{Before: p.At(begins.AddDays(-1)), Changes: changes, Fixed: p.Fixed}
}

// Changes lists every document's history, newest first, for the feeds.
func (w *View) Changes() []Change {
	var all []Change
	for _, d := range w.in.Catalog.Documents {
		all = append(all, w.History(d)...)
	}
	slices.SortStableFunc(all, func(a, b Change) int {
		if c := strings.Compare(b.Date.String(), a.Date.String()); c != 0 {
			return c
		}
		if c := strings.Compare(a.Doc.ID, b.Doc.ID); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	return all
}
