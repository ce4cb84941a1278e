// Package publication decides, for one moment ("as of"), whether each
// document of the catalog may be public.
//
// # States
//
//   - public: may be published now. The basis says why: published early by
//     the Contracting Party, the N-day rule after adjournment, adopted at the
//     plenary, or the party's consent.
//   - scheduled: becomes public on a known date unless the party objects.
//   - withheld: the party objected before the document became public.
//   - restricted: not public under the rules (no consent, a date the rule
//     needs is not recorded, no rule for the kind).
//   - not_submitted: the party submitted no document.
//   - withdrawn: was public, then taken down (an objection received after
//     publication, or a recorded withdrawal).
//
// # Rules
//
// Rules are data (catalog.Rules): per document kind, one or more versions,
// each covering a range of meetings (the rules changed with the 7th Review
// Meeting: before it a National Report became public only when its party
// published it; from it on, 90 days after adjournment unless the party
// objects). The version that covers a document's meeting decides it, and
// the decision names it (Decision.Version). A meeting no version covers
// publishes nothing of the kind. A date in the
// catalog is a whole day in the rules' time zone: a document public "from
// 6 July 2017" is public from 00:00 on that day in Europe/Vienna. An event
// (objection, consent, withdrawal) counts from the start of its day, and only
// when that day has begun by the as-of moment: a build "as of" a past day shows
// what was known then.
//
// # Invariants
//
// Decide is pure: the same document, meeting, rules and moment give the same
// Decision. It fails closed: a missing rule or rule version, an unknown
// basis or a date the rule needs and the catalog lacks gives restricted,
// never public. The
// catalog's validation reports the same cases as errors; the engine does not
// rely on it.
package publication

import (
	"fmt"
	"slices"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
)

// State of a document as the public sees it.
type State string

const (
	Public       State = "public"
	Scheduled    State = "scheduled"
	Withheld     State = "withheld"
	Restricted   State = "restricted"
	NotSubmitted State = "not_submitted"
	Withdrawn    State = "withdrawn"
)

// States lists every state, in the order the site presents them: the
// charts, the open data and its schemas take them from it, and a test
// fails when a State is declared and not listed.
var States = []State{Public, Scheduled, Withheld, Restricted, NotSubmitted, Withdrawn}

// StatesWithNextChange are the states whose decisions may carry a
// NextChange (Decide): a scheduled document, the day it becomes public; one
// not yet submitted, the day its meeting's review cycle begins or its
// meeting opens. The open data's schema takes them from here.
var StatesWithNextChange = []State{Scheduled, NotSubmitted}

// Basis on which a document is, was or will be public.
type Basis string

const (
	BasisNone             Basis = ""
	BasisEarly            Basis = "published_early"
	BasisParty            Basis = "party_publication"
	BasisAfterAdjournment Basis = "after_adjournment"
	BasisAdoption         Basis = "adoption"
	BasisConsent          Basis = "consent"
	// BasisObjectionLifted: public from the day its party lifted the
	// objection that had withheld it after its day, or withdrawn it.
	BasisObjectionLifted Basis = "objection_lifted"
	// BasisLateSubmission: submitted after the day a rule of days after
	// adjournment made its meeting's reports public; public from its
	// submission, not before it existed.
	BasisLateSubmission Basis = "late_submission"
)

// Decision is the state of one document as of one moment, with the facts
// that produced it.
type Decision struct {
	State State
	// Basis is why the document is (public), was (withdrawn) or will be
	// (scheduled) public. Empty for the other states.
	Basis Basis
	// PublicFrom is the day it became or becomes public; zero when it never
	// does under the facts known as of the moment.
	PublicFrom catalog.Date
	// WithdrawnOn is the day a withdrawn document was taken down.
	WithdrawnOn catalog.Date
	// Earlier is, for a document public again from the day its party
	// lifted the objection at which it was withdrawn, the period it was
	// public before; zero otherwise.
	Earlier Period
	// Lifted is set where its party lifted an objection by the moment:
	// the rule applies again (events).
	Lifted bool
	// ToCome is set for a document scheduled under the rule of days whose
	// meeting has not adjourned by the moment: its basis names an
	// adjournment to come ("90 days after the meeting adjourns",
	// BasisText), which pages say in their language.
	ToCome bool
	// NextChange is the day the state will change by itself (a scheduled
	// document turning public); zero when no change is known.
	NextChange catalog.Date
	// Latest is set where PublicFrom is the latest day it may have become
	// (or may become) public: its party published it on a day no source
	// gives (catalog.Document.PublishedUndated), so it may have been public
	// before, on a day not recorded.
	Latest bool
	// BasisText is Basis in words.
	BasisText string
	// Version is the version of the kind's rule that applied; nil when no
	// rule covers the document (it is then never public).
	Version *catalog.RuleVersion
	// RuleText is the rule applied, in words, named by the meetings it covers;
	// Reason says why this state, in English words; Cause is the same as a
	// code and its facts, for words in other languages.
	RuleText string
	Reason   string
	Cause    Cause
}

// Period is a time a document was public: from a day, on a basis, until
// the day it was taken down.
type Period struct {
	From      catalog.Date
	Basis     Basis
	BasisText string
	// Latest: From is the latest day it may have become public
	// (Decision.Latest).
	Latest bool
	Until  catalog.Date
}

// DecideAll decides every document of c as of at, each by the version of
// its kind's rule that covers its meeting.
func DecideAll(c *catalog.Catalog, at time.Time) map[string]Decision {
	out := make(map[string]Decision, len(c.Documents))
	for _, d := range c.Documents {
		m, _ := c.Meeting(d.Meeting)
		out[d.ID] = Decide(d, m, &c.Rules, at)
	}
	return out
}

// IsPublic reports whether anything beyond the document's existence may be shown.
func (d Decision) IsPublic() bool { return d.State == Public }

// Decide gives the state of doc, a document of meeting m, as of asOf, in
// three steps: the version of the rule that covers it, the day that rule
// makes it public, then what its party did by the moment.
func Decide(doc *catalog.Document, m *catalog.Meeting, rules *catalog.Rules, asOf time.Time) Decision {
	loc := rules.Location
	if loc == nil {
		return because(Decision{State: Restricted}, Cause{Code: CauseNoTimezone})
	}
	started := func(d catalog.Date) bool { return !d.IsZero() && !asOf.Before(d.Start(loc)) }

	kind, rule, dec, ok := version(doc, m, rules)
	if !ok {
		return dec
	}
	var why Cause
	dec.PublicFrom, dec.Basis, why = publicDay(doc, m, rule, started)
	_, undated := partyPublished(doc, started)
	dec.Latest = !dec.PublicFrom.IsZero() && undated && doc.Published.IsZero() && (rule.EarlyPublication || rule.Public == catalog.PublicByParty)
	// Before its meeting's review cycle began no document of it existed
	// yet, whatever the rule gives later, nor before the day it was
	// submitted, where the catalog records it: not submitted until then
	// (or until the day it became public, where a fact makes that earlier;
	// not once an objection or a withdrawal is received, whose day, and the
	// day it would have become public, only the cycle may then tell).
	if first := Exists(doc, m, kind); !first.IsZero() {
		if !dec.PublicFrom.IsZero() && dec.PublicFrom.Before(first) && !started(doc.Objection) && !started(doc.Withdrawn) {
			first = dec.PublicFrom
		}
		if !started(first) {
			why := Cause{Code: CauseNotYet, Date: m.CycleStart}
			if begins := Begins(m, kind); begins != m.CycleStart && first == begins {
				// Made at its meeting (a Summary Report): not before the
				// meeting opens, however long its cycle has run.
				why = Cause{Code: CauseBeforeMeeting, Date: begins}
			} else if m.CycleStart.IsZero() || first == doc.Submitted && started(m.CycleStart) {
				// Before the day it was submitted, where that day is the
				// reason (no cycle known, or the cycle begun): said with the
				// day (explain said the cycle runs from a day long past).
				why = Cause{Code: CauseBeforeSubmission}
				if first == doc.Submitted {
					why.Date = doc.Submitted
				}
			}
			// The day a review cycle begins is known in advance; the day
			// a party submits its report is not: it is no next change.
			next := first
			if first == doc.Submitted {
				next = catalog.Date{}
			}
			return because(Decision{State: NotSubmitted, Version: rule, RuleText: dec.RuleText, NextChange: next}, why)
		}
	}
	if dec.PublicFrom.IsZero() {
		dec.State, dec.Basis = Restricted, BasisNone
		return because(dec, why)
	}
	dec = events(dec, doc, rule, started)
	// Scheduled under the rule of days before its meeting adjourns: the
	// adjournment its basis names is to come.
	if dec.State == Scheduled && dec.Basis == BasisAfterAdjournment && (m == nil || !started(m.Adjournment)) {
		dec.ToCome, dec.BasisText = true, BasisWordsToCome(rule.Days)
	}
	return dec
}

// Exists is the first day on which a document of meeting m existed, as
// far as the catalog tells: the later of the day it could first exist
// (Begins) and the day it was submitted; zero when neither is known.
func Exists(doc *catalog.Document, m *catalog.Meeting, kind *catalog.Kind) catalog.Date {
	first := Begins(m, kind)
	if first.Before(doc.Submitted) {
		first = doc.Submitted
	}
	return first
}

// Begins is the first day on which a document of a kind could exist for
// meeting m: the day its review cycle began, or, for a kind made at the
// meeting itself (catalog.Kind.AtMeeting), the day the meeting opened,
// where that is known and later; zero when neither is known.
func Begins(m *catalog.Meeting, kind *catalog.Kind) catalog.Date {
	if kind != nil && kind.AtMeeting && m.CycleStart.Before(m.Opening) {
		return m.Opening
	}
	return m.CycleStart
}

// because gives a decision its cause, and the cause's words as its reason.
func because(dec Decision, c Cause) Decision {
	dec.Cause, dec.Reason = c, c.English()
	return dec
}

// version finds the document's kind and the version of its rule that
// covers the document's meeting; without one (or with nothing submitted)
// the decision is final.
func version(doc *catalog.Document, m *catalog.Meeting, rules *catalog.Rules) (*catalog.Kind, *catalog.RuleVersion, Decision, bool) {
	kind, ok := rules.Kind(doc.Kind)
	if !ok {
		return nil, nil, because(Decision{State: Restricted}, Cause{Code: CauseNoRule, Kind: doc.Kind}), false
	}
	if doc.NotSubmitted {
		return kind, nil, because(Decision{State: NotSubmitted}, Cause{Code: CauseNotSubmitted}), false
	}
	if m == nil {
		return kind, nil, because(Decision{State: Restricted}, Cause{Code: CauseNoMeeting}), false
	}
	rule, ok := kind.For(m.ID)
	if !ok {
		return kind, nil, because(Decision{State: Restricted}, Cause{Code: CauseNoVersion, Kind: kind.Kind, Meeting: m.ID, KindLabel: kind.Label, MeetingTitle: m.Title}), false
	}
	return kind, rule, Decision{Version: rule, RuleText: RuleName(kind, rule) + ": " + RuleText(rule)}, true
}

// RuleDay is the day a rule of days after adjournment makes a meeting's
// documents public (catalog.RuleVersion.DayFor, the one place that sum is
// made: the engine, the meeting's page, the plan's days to compare and
// check's warnings all read it there).
func RuleDay(m *catalog.Meeting, rule *catalog.RuleVersion) (catalog.Date, bool) {
	return rule.DayFor(m)
}

// publicDay is the day the rule makes the document public and on what
// basis, or a zero day and the cause of its never being public under the
// facts recorded. A consent counts only once its day has come.
func publicDay(doc *catalog.Document, m *catalog.Meeting, rule *catalog.RuleVersion, started func(catalog.Date) bool) (catalog.Date, Basis, Cause) {
	never := func(code string) (catalog.Date, Basis, Cause) { return catalog.Date{}, BasisNone, Cause{Code: code} }
	switch rule.Public {
	case catalog.PublicAfterAdjournment:
		if rule.Days <= 0 {
			return never(CauseNoDays)
		}
		// The rule's day needs the adjournment; a publication by the party
		// does not. A report its party published before the meeting closed
		// (or before its closing day is recorded) is public from that day,
		// so recording the adjournment never makes a document less public
		// before the rule's day.
		published, undated := partyPublished(doc, started)
		early := rule.EarlyPublication && !published.IsZero()
		due, dated := RuleDay(m, rule)
		switch {
		case dated:
			if early && published.Before(due) {
				return published, BasisEarly, Cause{}
			}
			// A report submitted after the rule's day is not public before
			// it existed: from the day it was submitted (check warns).
			if due.Before(doc.Submitted) {
				return doc.Submitted, BasisLateSubmission, Cause{}
			}
			return due, BasisAfterAdjournment, Cause{}
		case early:
			return published, BasisEarly, Cause{}
		case rule.EarlyPublication && undated:
			return never(CauseUndated)
		}
		return never(CauseNoAdjournment)
	case catalog.PublicByParty:
		// From the day the party published it, or from the day it consented
		// to publication, whichever came first.
		from, undated := partyPublished(doc, started)
		basis := BasisParty
		if started(doc.Consent) && (from.IsZero() || doc.Consent.Before(from)) {
			from, basis = doc.Consent, BasisConsent
		}
		if from.IsZero() && undated {
			return never(CauseUndated)
		}
		if from.IsZero() {
			return never(CauseNotPublished)
		}
		return from, basis, Cause{}
	case catalog.PublicOnAdoption:
		if doc.Adopted.IsZero() {
			return never(CauseNoAdoption)
		}
		return doc.Adopted, BasisAdoption, Cause{}
	case catalog.PublicWithConsent:
		if !started(doc.Consent) {
			return never(CauseNoConsent)
		}
		return doc.Consent, BasisConsent, Cause{}
	}
	return catalog.Date{}, BasisNone, Cause{Code: CauseUnknownBasis, Value: rule.Public}
}

// partyPublished is what the record shows of the document's publication
// by its party by the moment: the day the rules take as the one it
// published it on (catalog.Document.PartyDay), and whether its publication is recorded
// without a day. A day by which a source shows it published is evidence
// read afterwards, never a day planned: before it has come the record
// shows nothing published, and nothing is scheduled for it, under either
// rule (a build as of 2017 had Germany's 2012 report "scheduled" for 30
// November 2026, the day this catalog read its party's page). A day
// recorded (Published) may lie ahead, as a party announces the day it
// will publish: the document is scheduled for it.
func partyPublished(doc *catalog.Document, started func(catalog.Date) bool) (catalog.Date, bool) {
	if doc.Published.IsZero() && !doc.PublishedBy.IsZero() && !started(doc.PublishedBy) {
		return catalog.Date{}, false
	}
	return doc.PartyDay(), doc.PublishedUndated
}

// events applies what happened by the moment to a document due to become
// public on dec.PublicFrom. An objection received by the moment withholds
// a document not yet public and withdraws one already public; the same day
// counts as before: a document objected to on the day it was due is never
// public. Once its party lifts the objection (a day after it), the rule
// applies again: a document due by then, or withdrawn at the objection,
// is public from the lift; one due later, on its day.
func events(dec Decision, doc *catalog.Document, rule *catalog.RuleVersion, started func(catalog.Date) bool) Decision {
	// A document taken down (withdrawn:) by the day of the lift stays
	// down: the lift publishes nothing.
	lifted := started(doc.ObjectionLifted) && doc.Objection.Before(doc.ObjectionLifted) && (doc.Withdrawn.IsZero() || doc.ObjectionLifted.Before(doc.Withdrawn))
	if lifted {
		dec.Lifted = true
		switch {
		case dec.PublicFrom.Before(doc.Objection):
			dec.Earlier = Period{From: dec.PublicFrom, Basis: dec.Basis, BasisText: basisText(dec.Basis, rule), Latest: dec.Latest, Until: doc.Objection}
			dec.PublicFrom, dec.Basis, dec.Latest = doc.ObjectionLifted, BasisObjectionLifted, false
		case dec.PublicFrom.Before(doc.ObjectionLifted):
			dec.PublicFrom, dec.Basis, dec.Latest = doc.ObjectionLifted, BasisObjectionLifted, false
		}
	}
	// An objection after a take-down finds nothing to withdraw: the
	// take-down keeps its day and reason (a code review found a report's
	// withdrawal moved to a later objection's day, and its feed entry with
	// it).
	takenDownFirst := started(doc.Withdrawn) && doc.Withdrawn.Before(doc.Objection)
	if started(doc.Objection) && !lifted && !takenDownFirst {
		if !dec.PublicFrom.Before(doc.Objection) {
			return because(Decision{State: Withheld, Version: rule, RuleText: dec.RuleText}, Cause{Code: CauseObjected, Date: doc.Objection, Due: dec.PublicFrom})
		}
		dec.State, dec.WithdrawnOn, dec.BasisText = Withdrawn, doc.Objection, basisText(dec.Basis, rule)
		return because(dec, Cause{Code: CauseWithdrawnObjected, Date: doc.Objection, Due: dec.PublicFrom})
	}
	if started(doc.Withdrawn) {
		if !dec.PublicFrom.Before(doc.Withdrawn) {
			return because(Decision{State: Restricted, Version: rule, RuleText: dec.RuleText}, Cause{Code: CauseWithdrawnEarly, Date: doc.Withdrawn})
		}
		dec.State, dec.WithdrawnOn, dec.BasisText = Withdrawn, doc.Withdrawn, basisText(dec.Basis, rule)
		return because(dec, Cause{Code: CauseWithdrawn, Date: doc.Withdrawn, Due: dec.PublicFrom, Note: doc.WithdrawnReason})
	}
	dec.BasisText = basisText(dec.Basis, rule)
	if started(dec.PublicFrom) {
		dec.State = Public
		c := Cause{Code: CauseBecamePublic, Date: dec.PublicFrom, Basis: dec.Basis}
		if dec.Latest {
			c.Code = CausePublicLatest
		}
		if dec.Basis == BasisAfterAdjournment {
			c.Days = rule.Days
		}
		return because(dec, c)
	}
	dec.State, dec.NextChange = Scheduled, dec.PublicFrom
	return because(dec, Cause{Code: CauseBecomesPublic, Date: dec.PublicFrom, Objection: rule.Objection})
}

// basisText says a basis in words.
func basisText(b Basis, rule *catalog.RuleVersion) string { return BasisWords(b, rule.Days) }

// RuleName names one version of a kind's rule by the meetings it covers:
// "National Report rule for the 7th Review Meeting and every later meeting".
func RuleName(k *catalog.Kind, r *catalog.RuleVersion) string {
	if r.Span == "" {
		return k.Label + " rule"
	}
	return k.Label + " rule for " + r.Span
}

// RuleText says a rule in one sentence, from the same fields the engine
// reads: the words explain, document pages and the rules page show.
func RuleText(r *catalog.RuleVersion) string {
	var s string
	switch r.Public {
	case catalog.PublicAfterAdjournment:
		s = fmt.Sprintf("public %d %s after the meeting adjourns", r.Days, dayWord(r.Days))
		if r.Objection {
			s += ", unless the Contracting Party objects to the publication of its own document"
		}
		s += "."
		if r.EarlyPublication {
			s += " The Contracting Party may publish it earlier."
		}
		if r.Objection {
			s += " An objection received after publication withdraws it."
		}
	case catalog.PublicByParty:
		s = "public only once the Contracting Party publishes it itself (or has it published) or consents to its publication; there is no date by default."
	case catalog.PublicOnAdoption:
		s = "public from the day it is adopted at the meeting."
	case catalog.PublicWithConsent:
		s = "public only if the Contracting Party consents, from the day of its consent."
	default:
		s = "never public: the rule is not known."
	}
	return s
}

// Next is the first change of doc's state after at, dec being its
// decision then: on its decision's own next change (a scheduled report's
// day), or on the day of a fact the catalog records for a day to come (a
// lift, a late submission, a take-down, an objection), which a decision,
// made on the facts of its moment, does not see. Facts are the fields
// recorded for that day (none for the decision's own); ok is false when
// no change is known.
func Next(doc *catalog.Document, m *catalog.Meeting, rules *catalog.Rules, at time.Time, dec Decision) (day catalog.Date, then Decision, facts []string, ok bool) {
	loc := rules.Location
	if loc == nil {
		return day, then, nil, false
	}
	days := []catalog.Date{dec.NextChange}
	for _, f := range doc.Facts() {
		days = append(days, f.Day)
	}
	slices.SortFunc(days, func(a, b catalog.Date) int { return a.Start(loc).Compare(b.Start(loc)) })
	for _, d := range slices.Compact(days) {
		if d.IsZero() || !at.Before(d.Start(loc)) {
			continue
		}
		then = Decide(doc, m, rules, d.Start(loc))
		if then.State == dec.State {
			continue
		}
		// The decision's own change, as foretold (a day its party
		// announced, an adoption to come): no fact ahead changed it.
		if d == dec.NextChange && then.State == Public && then.PublicFrom == dec.PublicFrom {
			return d, then, nil, true
		}
		for _, f := range doc.Facts() {
			if f.Day == d {
				facts = append(facts, f.Field)
			}
		}
		return d, then, facts, true
	}
	return day, then, nil, false
}
