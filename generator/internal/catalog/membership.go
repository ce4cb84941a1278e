package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// Standing is what the catalog knows of a party at a meeting: whether the
// Convention bound it then.
type Standing string

const (
	// Bound: a Contracting Party at the meeting.
	Bound Standing = "bound"
	// NotYet: the Convention entered into force for it after the meeting.
	NotYet Standing = "not_yet"
	// Former: it had ceased to be a party by the meeting.
	Former Standing = "left"
	// StandingUnknown: the catalog cannot tell.
	StandingUnknown Standing = "unknown"
)

// Standings lists every standing, in the order the site presents them.
var Standings = []Standing{Bound, NotYet, Former, StandingUnknown}

// Why a standing is known (Membership.Basis).
const (
	BasisList          = "list"            // the meeting's parties: list names it, or does not
	BasisInForce       = "in_force"        // the day the Convention entered into force for it
	BasisInForceBy     = "in_force_by"     // a day by which it was in force at the latest
	BasisNotBoundOn    = "not_bound_on"    // a day on which it was not yet bound
	BasisEarlier       = "earlier_meeting" // a party at an earlier meeting, and still one
	BasisLater         = "later_meeting"   // not a party at a later meeting
	BasisRecord        = "record"          // it has a document of the meeting
	BasisLeft          = "left"            // the day it ceased to be a party
	BasisNoInformation = ""                // nothing known
)

// Membership is a party's standing at a meeting and why it is known.
type Membership struct {
	Standing Standing
	Basis    string
}

// Membership is the standing of a party at a meeting, as the loader
// derived it; unknown for ids the catalog lacks.
func (c *Catalog) Membership(meeting, party string) Membership {
	if m, ok := c.membership[meeting][party]; ok {
		return m
	}
	return Membership{Standing: StandingUnknown}
}

// Completeness says how complete the catalog's record of a meeting is: of
// the parties bound at it, how many have at least one document recorded.
type Completeness struct {
	// Bound is how many parties of the catalog are known to have been
	// bound; WithRecord how many of them have a document of the meeting.
	Bound, WithRecord int
	// NoRecord, NotYet, Left and Unknown name the parties (ids, in the
	// catalog's order) bound with no document recorded, not yet bound,
	// no longer bound, and whose standing is not known.
	NoRecord, NotYet, Left, Unknown []string
	// Total is how many Contracting Parties the meeting had: the meeting's
	// own count (contracting_parties) when recorded (TotalFromCount), else
	// Bound when every party's standing is known and no count of the
	// parties (Counted) shows more; 0 when not known.
	Total          int
	TotalFromCount bool
	// AtLeast is, when Total is not known, the least number of Contracting
	// Parties the meeting had: Bound, or more where a source's count of an
	// earlier day shows more (Counted, less CountedLeft, the parties the
	// catalog records leaving between that day and the meeting).
	AtLeast     int
	Counted     *PartyCount
	CountedLeft int
}

// Missing is how many of the meeting's Contracting Parties have no record,
// when Total is known; -1 otherwise.
func (c Completeness) Missing() int {
	if c.Total == 0 && (len(c.Unknown) > 0 || c.AtLeast > c.Bound) {
		return -1
	}
	return c.Total - c.WithRecord
}

// NoRecordAtLeast is, when Total is not known, the least number of the
// meeting's Contracting Parties that have no record: AtLeast less those
// with one. NoRecord names some of them (those the catalog knows bound);
// the others are among the parties of unknown standing, or not in the
// catalog.
func (c Completeness) NoRecordAtLeast() int {
	return c.AtLeast - c.WithRecord
}

// maxOmissionsEach is how many parties bound by then a meeting's list may
// leave out and have each reported at its line; more are one error at the
// list.
const maxOmissionsEach = 3

// InForceAfterDays is how long after a State deposits its instrument the
// Convention enters into force for it (Article 31(2): on the ninetieth day).
const InForceAfterDays = 90

// countedBound is the most Contracting Parties that a source's count
// (parties.yaml counts:) shows a meeting to have had, on its reference
// day ref: a count of a day at least InForceAfterDays before it (a source
// may count instruments deposited but not yet in force), less the parties
// the catalog records leaving between the two days; with that count and
// how many left. The latest of equal counts wins; nil when none applies.
// A count checkCounts refuses (no day or number, a day before the
// Convention's own) applies to none.
func (c *Catalog) countedBound(ref Date) (int, *PartyCount, int) {
	best, left := 0, 0
	var from *PartyCount
	for _, n := range c.Counts {
		if n.Day.IsZero() || n.Count <= 0 || n.Day.Before(c.InForce) || ref.IsZero() || ref.Before(n.Day.AddDays(InForceAfterDays)) {
			continue
		}
		gone := c.leftBetween(n.Day, ref)
		if v := n.Count - gone; v > best || v == best && from != nil && from.Day.Before(n.Day) {
			best, from, left = v, n, gone
		}
	}
	return best, from, left
}

// leftBetween is how many parties the catalog records ceasing to be one
// after day from and by day to (left: is the first day a party is not).
func (c *Catalog) leftBetween(from, to Date) int {
	n := 0
	for _, p := range c.Parties {
		if !p.Left.IsZero() && from.Before(p.Left) && !to.Before(p.Left) {
			n++
		}
	}
	return n
}

// Completeness is how complete the record of a meeting is.
func (c *Catalog) Completeness(meeting string) Completeness {
	m, ok := c.Meeting(meeting)
	if !ok {
		return Completeness{}
	}
	var out Completeness
	for _, p := range c.Parties {
		switch c.Membership(meeting, p.ID).Standing {
		case Bound:
			out.Bound++
			if c.recorded[[2]string{meeting, p.ID}] {
				out.WithRecord++
			} else {
				out.NoRecord = append(out.NoRecord, p.ID)
			}
		case NotYet:
			out.NotYet = append(out.NotYet, p.ID)
		case Former:
			out.Left = append(out.Left, p.ID)
		default:
			out.Unknown = append(out.Unknown, p.ID)
		}
	}
	if m.ContractingParties > 0 {
		out.Total, out.TotalFromCount = m.ContractingParties, true
		return out
	}
	counted, from, left := c.countedBound(ReferenceDay(m))
	switch {
	case counted > out.Bound:
		out.AtLeast, out.Counted, out.CountedLeft = counted, from, left
	case len(out.Unknown) == 0:
		out.Total = out.Bound
	default:
		out.AtLeast = out.Bound
	}
	return out
}

// ReferenceDay is the day a meeting's membership is taken on: its opening,
// else its adjournment; zero when neither is recorded. A party is bound
// at a meeting when the Convention was in force for it on that day.
func ReferenceDay(m *Meeting) Date {
	if !m.Opening.IsZero() {
		return m.Opening
	}
	return m.Adjournment
}

// checkPartyDates validates a party's dates of membership and sets
// InForce and InForceBy.
func (l *loader) checkPartyDates(c *Catalog, p *Party, fileW Where) {
	dated := false
	for _, f := range []struct {
		name string
		d    Date
	}{{"deposit", p.Deposit}, {"entry_into_force", p.EntryIntoForce}, {"deposited_by", p.DepositedBy}, {"not_bound_on", p.NotBoundOn}, {"left", p.Left}} {
		if !f.d.IsZero() {
			dated = true
			if len(p.Sources) == 0 {
				l.errorf(p.Field(f.name), "party %q: %s needs its source in sources:", p.ID, f.name)
			}
		}
	}
	if !dated {
		return
	}
	// Article 31: in force for a party on the 90th day after its deposit,
	// or on the day the Convention itself entered into force, whichever
	// is later.
	after := func(deposit Date) (Date, bool) {
		if c.InForce.IsZero() {
			l.errorf(fileW.Field("parties"), "party %q: the day the Convention entered into force for it follows from its deposit only with the day the Convention itself entered into force: give entry_into_force: at the top of %s", p.ID, l.display(PartiesFile))
			return Date{}, false
		}
		d := deposit.AddDays(InForceAfterDays)
		if d.Before(c.InForce) {
			d = c.InForce
		}
		return d, true
	}
	if !p.DepositedBy.IsZero() && (!p.Deposit.IsZero() || !p.EntryIntoForce.IsZero()) {
		l.errorf(p.Field("deposited_by"), "party %q: deposited_by is for a party whose day of deposit and of entry into force are not known; this one has %s", p.ID, map[bool]string{true: "deposit", false: "entry_into_force"}[!p.Deposit.IsZero()])
	}
	if !p.NotBoundOn.IsZero() && (!p.Deposit.IsZero() || !p.EntryIntoForce.IsZero()) {
		l.errorf(p.Field("not_bound_on"), "party %q: not_bound_on is for a party whose day of deposit and of entry into force are not known; this one has %s", p.ID, map[bool]string{true: "deposit", false: "entry_into_force"}[!p.Deposit.IsZero()])
	}
	if !p.EntryIntoForce.IsZero() && !c.InForce.IsZero() && p.EntryIntoForce.Before(c.InForce) {
		l.errorf(p.Field("entry_into_force"), "party %q: entry_into_force %s is before the Convention itself entered into force (%s)", p.ID, p.EntryIntoForce, c.InForce)
	}
	switch {
	case !p.Deposit.IsZero():
		if d, ok := after(p.Deposit); ok {
			if !p.EntryIntoForce.IsZero() && p.EntryIntoForce != d {
				l.errorf(p.Field("entry_into_force"), "party %q: entry_into_force %s does not follow from its deposit on %s, which gives %s (Article 31: the 90th day after deposit, and not before the Convention's own entry into force); correct one of them", p.ID, p.EntryIntoForce, p.Deposit, d)
			}
			p.InForce, p.InForceComputed = d, p.EntryIntoForce.IsZero()
		}
	case !p.EntryIntoForce.IsZero():
		p.InForce = p.EntryIntoForce
	case !p.DepositedBy.IsZero():
		if d, ok := after(p.DepositedBy); ok {
			p.InForceBy = d
		}
	}
	if !p.Left.IsZero() {
		if from := p.InForce; !from.IsZero() && !from.Before(p.Left) {
			l.errorf(p.Field("left"), "party %q: left %s is not after the Convention entered into force for it (%s)", p.ID, p.Left, from)
		}
	}
}

// evidence is one fact that shows a party bound, or not bound, on a day.
type evidence struct {
	day     Date
	basis   string
	meeting string // for evidence from a meeting
	text    string
	pos     Pos
}

// deriveMembership works out every party's standing at every meeting from
// the meetings' parties: lists, the parties' days of entry into force and
// the documents recorded, and reports facts that contradict each other.
//
// A party bound on a day is bound on every later day until it left (the
// catalog lists the current Contracting Parties and, with left:, former
// ones); a party not bound on a day was not bound on any earlier one. So a
// party listed at the 7th meeting was bound at every later meeting, and a
// party missing from that list was not yet bound at any earlier one. A
// meeting's own parties: list decides for that meeting.
func (l *loader) deriveMembership(c *Catalog) {
	c.membership = map[string]map[string]Membership{}
	c.recorded = map[[2]string]bool{}
	docsAt := map[[2]string]*Document{} // meeting, party: the first document
	for _, d := range c.Documents {
		if d.Party == "" {
			continue
		}
		if k := [2]string{d.Meeting, d.Party}; docsAt[k] == nil {
			docsAt[k] = d
			c.recorded[k] = true
		}
	}
	boundOn := map[string]Date{} // party id: the earliest day the catalog shows it bound
	notOn := map[string]Date{}   // party id: the latest day the catalog shows it not yet bound
	// The parties each meeting's list leaves out though bound by then.
	type omission struct {
		party string
		at    Pos
		msg   string
	}
	omitted := map[string][]omission{}
	listed := map[string]map[string]bool{}
	for _, m := range c.Meetings {
		if len(m.Parties) > 0 {
			listed[m.ID] = map[string]bool{}
			for _, id := range m.Parties {
				listed[m.ID][id] = true
			}
		}
		c.membership[m.ID] = map[string]Membership{}
	}
	for _, p := range c.Parties {
		var boundFrom, notUntil *evidence
		bound := func(e evidence) {
			if boundFrom == nil || e.day.Before(boundFrom.day) {
				boundFrom = &e
			}
		}
		notBound := func(e evidence) {
			if notUntil == nil || notUntil.day.Before(e.day) {
				notUntil = &e
			}
		}
		if !p.InForce.IsZero() {
			field := "entry_into_force"
			text := fmt.Sprintf("the Convention entered into force for it on %s", p.InForce)
			if p.InForceComputed {
				field = "deposit"
				text += fmt.Sprintf(" (90 days after its deposit on %s)", p.Deposit)
			}
			bound(evidence{day: p.InForce, basis: BasisInForce, text: text, pos: p.Field(field)})
			notBound(evidence{day: p.InForce.AddDays(-1), basis: BasisInForce, text: text, pos: p.Field(field)})
		}
		if !p.InForceBy.IsZero() {
			bound(evidence{day: p.InForceBy, basis: BasisInForceBy, text: fmt.Sprintf("it had deposited its instrument by %s, so the Convention was in force for it by %s", p.DepositedBy, p.InForceBy), pos: p.Field("deposited_by")})
		}
		if !p.NotBoundOn.IsZero() {
			notBound(evidence{day: p.NotBoundOn, basis: BasisNotBoundOn, text: fmt.Sprintf("the Convention did not yet bind it on %s (not_bound_on)", p.NotBoundOn), pos: p.Field("not_bound_on")})
		}
		for _, m := range c.Meetings {
			r := ReferenceDay(m)
			if r.IsZero() {
				continue
			}
			switch {
			case listed[m.ID] != nil && listed[m.ID][p.ID]:
				e := evidence{day: r, basis: BasisList, meeting: m.ID, text: fmt.Sprintf("meeting %q (%s) lists it among its parties", m.ID, r), pos: m.Field("parties")}
				if !p.Left.IsZero() && !r.Before(p.Left) {
					l.errorf(e.pos, "party %q: %s, but it left on %s (%s)", p.ID, e.text, p.Left, posText(p.Field("left")))
				}
				bound(e)
			case listed[m.ID] != nil:
				if p.Left.IsZero() || r.Before(p.Left) {
					notBound(evidence{day: r, basis: BasisList, meeting: m.ID, text: fmt.Sprintf("meeting %q (%s) does not list it among its parties", m.ID, r), pos: m.Field("parties")})
				}
			case docsAt[[2]string{m.ID, p.ID}] != nil:
				d := docsAt[[2]string{m.ID, p.ID}]
				e := evidence{day: r, basis: BasisRecord, meeting: m.ID, text: fmt.Sprintf("it has document %q at meeting %q, which opened on %s (%s)", d.ID, m.ID, r, posText(d.Pos)), pos: d.Pos}
				if !p.Left.IsZero() && !r.Before(p.Left) {
					l.errorf(d.Field("party"), "party %q: %s, but it left on %s (%s)", p.ID, e.text, p.Left, posText(p.Field("left")))
				}
				bound(e)
			}
		}
		if boundFrom != nil && notUntil != nil && !notUntil.day.Before(boundFrom.day) {
			// Reported at the party's own date when one of the two is it,
			// else where the meeting's list leaves it out.
			first, second, at := boundFrom, notUntil, notUntil.pos
			switch {
			case notUntil.meeting == "":
				first, second = notUntil, boundFrom
			case boundFrom.meeting == "":
				at = boundFrom.pos
			}
			msg := fmt.Sprintf("party %q: %s, but %s; correct one of them", p.ID, first.text, second.text)
			if notUntil.basis == BasisList {
				omitted[notUntil.meeting] = append(omitted[notUntil.meeting], omission{p.ID, at, msg})
			} else {
				l.errorf(at, "%s", msg)
			}
		}
		if boundFrom != nil {
			p.BoundAt = boundFrom.meeting
			boundOn[p.ID] = boundFrom.day
		}
		if notUntil != nil {
			p.NotBoundAt = notUntil.meeting
			notOn[p.ID] = notUntil.day
		}
		for _, m := range c.Meetings {
			c.membership[m.ID][p.ID] = standing(m, p, listed[m.ID], docsAt[[2]string{m.ID, p.ID}] != nil, boundFrom, notUntil)
		}
	}
	// A list that leaves out many parties bound by then is most likely
	// not the meeting's whole list: one error at the list says so, rather
	// than one in parties.yaml for each party it leaves out.
	for _, m := range c.Meetings {
		o := omitted[m.ID]
		if len(o) <= maxOmissionsEach {
			for _, e := range o {
				l.errorf(e.at, "%s", e.msg)
			}
			continue
		}
		var ids []string
		for _, e := range o[:maxOmissionsEach] {
			ids = append(ids, e.party)
		}
		l.errorf(m.Field("parties"), "meeting %q: parties: names %d and leaves out %d that were Contracting Parties by %s by their dates in %s (%s …); parties: names every Contracting Party at the meeting, as a source lists them: complete it, or leave it out", m.ID, len(m.Parties), len(o), ReferenceDay(m), l.display(PartiesFile), strings.Join(ids, ", "))
	}
	for _, m := range c.Meetings {
		if m.ContractingParties == 0 {
			continue
		}
		if n := c.Completeness(m.ID).Bound; n > m.ContractingParties {
			l.errorf(m.Field("contracting_parties"), "meeting %q: contracting_parties is %d, but %d parties of %s were bound at it", m.ID, m.ContractingParties, n, l.display(PartiesFile))
		}
		if n, from, left := c.countedBound(ReferenceDay(m)); n > m.ContractingParties {
			l.errorf(m.Field("contracting_parties"), "meeting %q: contracting_parties is %d, but %s counts %d Contracting Parties on %s (%s), and the catalog records %d leaving between that day and the meeting; correct one of them", m.ID, m.ContractingParties, l.display(PartiesFile), from.Count, from.Day, posText(from.Field("count")), left)
		}
	}
	for _, m := range c.Meetings {
		if len(m.Parties) == 0 {
			continue
		}
		if n, from, left := c.countedBound(ReferenceDay(m)); n > len(m.Parties) {
			l.errorf(m.Field("parties"), "meeting %q: parties: names %d Contracting Parties, but %s counts %d on %s (%s), and the catalog records %d leaving between that day and the meeting; correct one of them", m.ID, len(m.Parties), l.display(PartiesFile), from.Count, from.Day, posText(from.Field("count")), left)
		}
	}
	l.checkCounts(c, boundOn, notOn)
}

// checkCounts checks the sources' counts of Contracting Parties
// (parties.yaml counts:): each has its day, a number and a source, and
// counts no fewer parties than the catalog shows bound on its day.
func (l *loader) checkCounts(c *Catalog, boundOn, notOn map[string]Date) {
	for i, n := range c.Counts {
		if n.Day.IsZero() {
			l.errorf(n.Field("day"), "counts: each count needs the day it was true on (day: YYYY-MM-DD)")
			continue
		}
		if n.Count <= 0 {
			l.errorf(n.Field("count"), "counts: the count of %s needs a number of Contracting Parties above 0 (count:)", n.Day)
		}
		if len(n.Sources) == 0 {
			l.errorf(n.Field("sources"), "counts: the count of %s needs its source in sources:", n.Day)
		}
		if !c.InForce.IsZero() && n.Day.Before(c.InForce) {
			l.errorf(n.Field("day"), "counts: %s is before the Convention itself entered into force (%s), when it had no Contracting Parties", n.Day, c.InForce)
		}
		bound := 0
		for _, p := range c.Parties {
			if d, ok := boundOn[p.ID]; ok && !n.Day.Before(d) && (p.Left.IsZero() || n.Day.Before(p.Left)) {
				bound++
			}
		}
		if n.Count > 0 && bound > n.Count {
			l.errorf(n.Field("count"), "counts: the count of %s is %d, but %d parties of %s were bound that day; correct the count or a party's dates", n.Day, n.Count, bound, l.display(PartiesFile))
		}
		// More than the catalog's parties that may have been bound that
		// day: some Contracting Parties are missing from it. True, and
		// worth knowing, but no error: a source may count a party no
		// source yet names.
		possible := 0
		for _, p := range c.Parties {
			if d, ok := notOn[p.ID]; ok && !d.Before(n.Day) {
				continue
			}
			if !p.Left.IsZero() && !n.Day.Before(p.Left) {
				continue
			}
			possible++
		}
		if n.Count > possible {
			c.Warnings.add(n.Field("count"), "counts: the count of %s is %d, more than the %d parties of %s that may have been bound that day: it lacks %d of the parties counted, or the count is wrong", n.Day, n.Count, possible, l.display(PartiesFile), n.Count-possible)
		}
		// A later count, ninety days on or more, below this one less the
		// parties recorded leaving between: the sources disagree.
		for _, o := range c.Counts[i+1:] {
			later, earlier := o, n
			if o.Day.Before(n.Day) {
				later, earlier = n, o
			}
			if earlier.Day.IsZero() || later.Day.Before(earlier.Day.AddDays(InForceAfterDays)) || earlier.Count <= 0 || later.Count <= 0 {
				continue
			}
			gone := c.leftBetween(earlier.Day, later.Day)
			if later.Count < earlier.Count-gone {
				c.Warnings.add(later.Field("count"), "counts: the count of %s is %d, fewer than the %d of %s (%s) less the %d parties recorded leaving between: the sources disagree; the larger gives the meetings after both their least number", later.Day, later.Count, earlier.Count, earlier.Day, posText(earlier.Field("count")), gone)
			}
		}
	}
}

// standing is a party's standing at one meeting, from the evidence.
func standing(m *Meeting, p *Party, list map[string]bool, hasDoc bool, boundFrom, notUntil *evidence) Membership {
	r := ReferenceDay(m)
	switch {
	case list != nil && list[p.ID]:
		return Membership{Bound, BasisList}
	case list != nil && !p.Left.IsZero() && !r.Before(p.Left):
		return Membership{Former, BasisLeft}
	case list != nil:
		return Membership{NotYet, BasisList}
	case r.IsZero() && hasDoc:
		return Membership{Bound, BasisRecord}
	case r.IsZero():
		return Membership{StandingUnknown, BasisNoInformation}
	case !p.Left.IsZero() && !r.Before(p.Left):
		return Membership{Former, BasisLeft}
	case boundFrom != nil && !r.Before(boundFrom.day):
		switch {
		case boundFrom.meeting == "":
			return Membership{Bound, boundFrom.basis}
		case boundFrom.meeting == m.ID:
			return Membership{Bound, boundFrom.basis}
		case hasDoc:
			return Membership{Bound, BasisRecord}
		}
		return Membership{Bound, BasisEarlier}
	case notUntil != nil && !notUntil.day.Before(r):
		if notUntil.meeting == "" {
			return Membership{NotYet, notUntil.basis}
		}
		return Membership{NotYet, BasisLater}
	}
	return Membership{StandingUnknown, BasisNoInformation}
}

func posText(p Pos) string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// checkReport checks a document's report: against its kind and the rounds of
// its meeting (that no other document of its party takes its place is
// checked with the other slots, in checkDocuments).
func (l *loader) checkReport(m *Meeting, k *Kind, d *Document) {
	if d.Report == 0 {
		if d.Has("report") && !d.Failed("report") {
			l.errorf(d.Field("report"), "document %q: report: 0 is not a round; name one of the meeting's numbers, or leave report: out", d.ID)
		}
		return
	}
	switch {
	case k != nil && !k.Numbered:
		l.errorf(d.Field("report"), "document %q: a party has one %s per meeting; report: applies to kinds with numbered: true in %s", d.ID, d.Kind, l.display(RulesFile))
	case len(m.Numbers) < 2:
		l.errorf(d.Field("report"), "document %q: meeting %q reviews one round (numbers: %v); report: names one round of a meeting that reviews several", d.ID, m.ID, m.Numbers)
	case !slices.Contains(m.Numbers, d.Report):
		l.errorf(d.Field("report"), "document %q: report %d is not one of meeting %q's numbers %v", d.ID, d.Report, m.ID, m.Numbers)
	}
}
