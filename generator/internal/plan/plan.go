// Package plan compares the publication decisions of two catalogs, a base
// (what is deployed, or the branch a change will merge into) and a head
// (the change), and says what the change will publish, withhold or
// withdraw, and when: the consequences of a catalog edit, for review before
// it merges.
//
// # What it compares
//
// Every document of either catalog, matched by id (a head document whose
// former_ids name a base id is that document renamed; one whose former_ids
// name several is the first renamed and the others merged into it), is decided by both
// catalogs as of the moment and at the start of every day in a window after
// it on which either catalog's facts could change its state (a date of the
// document, of its meeting, or a rule's date). Where the two decisions
// differ in what the public sees (state, basis, public from, withdrawn on),
// the document is in the plan with each period of difference.
//
// # What it may say
//
// A plan is published (in CI logs and job summaries), so it says only what
// the site itself may say of each document: its id, its title as lists show
// it (its own title only once public or withdrawn), its states and their
// dates. Of the facts that changed it names every field, and gives values
// only of public facts (a meeting's dates, a rule) and of documents public
// in either catalog; a changed title, summary, symbol, address, file or
// text of a document public in neither is "details of a non-public document
// changed".
package plan

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Kinds of change of a document.
const (
	Changed = "changed"
	Added   = "added"
	Removed = "removed"
	Renamed = "renamed"
	// Merged: a second base document a head document's former_ids name
	// (the first is Renamed); each is compared with the head document.
	Merged = "merged"
)

// Plan is every document whose public view differs between base and head.
type Plan struct {
	AsOf    time.Time `json:"as_of"`
	Days    int       `json:"days"`
	Changes []Change  `json:"changes"`
}

// Period is a stretch of days over which base and head disagree.
type Period struct {
	From string `json:"from"` // YYYY-MM-DD; the as-of day for the first, when it differs now
	// Before and After are what the public sees of the document in the base
	// and in the head, as every output of the site says it
	// (disclosure.StatusOf); an empty State where it does not exist.
	Before disclosure.Status `json:"before"`
	After  disclosure.Status `json:"after"`
}

// Change is one document in the plan.
type Change struct {
	ID       string `json:"id"`
	FormerID string `json:"former_id,omitempty"` // Renamed, Merged: its id in the base
	Title    string `json:"title"`
	Change   string `json:"change"`
	// Immediate: whether the document is public differs as of the moment,
	// so the change shows at the next deploy.
	Immediate bool `json:"immediate"`
	// Earlier: the head makes it public earlier than the base did, or at
	// all where the base did not within the window.
	Earlier bool `json:"earlier"`
	// Now is the view as of the moment, before and after.
	Now Period `json:"now"`
	// Periods are the differences from the moment to the window's end.
	Periods []Period `json:"periods"`
	// Facts name what changed in the catalog, with values where public.
	Facts []string `json:"facts"`
	// Hidden is set when details of a document public in neither catalog
	// changed, which the plan does not print.
	Hidden bool `json:"hidden_details_changed"`
}

// Compare makes the plan of going from base to head, as of at and for the
// days after it.
func Compare(base, head *catalog.Catalog, at time.Time, days int) Plan {
	p := Plan{AsOf: at, Days: days, Changes: []Change{}}
	c := comparer{base: base, head: head, at: at, days: days,
		baseView: disclosure.NewView(disclosure.Input{Catalog: base, Decisions: publication.DecideAll(base, at), AsOf: at}),
		headView: disclosure.NewView(disclosure.Input{Catalog: head, Decisions: publication.DecideAll(head, at), AsOf: at}),
	}
	seen := map[string]bool{}
	for _, d := range head.Documents {
		seen[d.ID] = true
		if b, ok := base.Document(d.ID); ok {
			if ch, ok := c.compare(b, d, Changed, ""); ok {
				p.Changes = append(p.Changes, ch)
			}
			continue
		}
		// A new id: the document renamed when a former id names a base
		// document gone from the head, and the others it names merged into
		// it, each compared on its own, in the order former_ids gives them.
		kind := Added
		for _, old := range formerInBase(base, head, d) {
			b, _ := base.Document(old)
			seen[old] = true
			if kind == Added {
				kind = Renamed
			} else {
				kind = Merged
			}
			if ch, ok := c.compare(b, d, kind, old); ok {
				p.Changes = append(p.Changes, ch)
			}
		}
		if kind == Added {
			if ch, ok := c.compare(nil, d, Added, ""); ok {
				p.Changes = append(p.Changes, ch)
			}
		}
	}
	for _, b := range base.Documents {
		if seen[b.ID] {
			continue
		}
		if ch, ok := c.compare(b, nil, Removed, ""); ok {
			p.Changes = append(p.Changes, ch)
		}
	}
	slices.SortStableFunc(p.Changes, func(a, b Change) int {
		if a.Immediate != b.Immediate {
			if a.Immediate {
				return -1
			}
			return 1
		}
		return cmp.Or(strings.Compare(firstDay(a), firstDay(b)), strings.Compare(a.ID, b.ID), strings.Compare(a.FormerID, b.FormerID))
	})
	return p
}

// formerInBase lists the former ids of head document d that name a base
// document no longer in the head, in d's order.
func formerInBase(base, head *catalog.Catalog, d *catalog.Document) []string {
	var out []string
	for _, old := range d.FormerIDs {
		_, inBase := base.Document(old)
		_, inHead := head.Document(old)
		if inBase && !inHead {
			out = append(out, old)
		}
	}
	return out
}

// NoChange reports whether the plan changes no document: nothing a
// document's page, the lists, the feeds or the open data show of it, nor
// a fact of a document that is not public. A changed title of a public
// document is a change, though its state is the same (StateChanges).
func (p Plan) NoChange() bool { return len(p.Changes) == 0 }

// StateChanges reports whether a document's state changes on some day, or
// a document is added, removed or renamed.
func (p Plan) StateChanges() bool {
	for _, c := range p.Changes {
		if len(c.Periods) > 0 || c.Change != Changed {
			return true
		}
	}
	return false
}

// Immediate counts the changes that show at the next deploy.
func (p Plan) Immediate() int {
	n := 0
	for _, c := range p.Changes {
		if c.Immediate {
			n++
		}
	}
	return n
}

func firstDay(c Change) string {
	if len(c.Periods) > 0 {
		return c.Periods[0].From
	}
	return "9999"
}

type comparer struct {
	base, head         *catalog.Catalog
	at                 time.Time
	days               int
	baseView, headView *disclosure.View
}

// decide gives the public view of a document of c (nil: it does not exist).
func decide(c *catalog.Catalog, d *catalog.Document, at time.Time) (disclosure.Status, publication.Decision) {
	if d == nil {
		return disclosure.Status{}, publication.Decision{}
	}
	m, _ := c.Meeting(d.Meeting)
	dec := publication.Decide(d, m, &c.Rules, at)
	return disclosure.StatusOf(dec), dec
}

// moments lists the start of every day in the window on which a fact of
// either document could change its decision.
func (c *comparer) moments(b, h *catalog.Document) []time.Time {
	loc := c.head.Rules.Location
	first := catalog.DateOf(c.at.In(loc))
	last := first.AddDays(c.days)
	var dates []catalog.Date
	for _, side := range []struct {
		cat *catalog.Catalog
		d   *catalog.Document
	}{{c.base, b}, {c.head, h}} {
		if side.d == nil {
			continue
		}
		d := side.d
		for _, f := range d.Facts() {
			dates = append(dates, f.Day)
		}
		if m, ok := side.cat.Meeting(d.Meeting); ok {
			dates = append(dates, m.Opening, m.Adjournment, m.CycleStart)
			if r, ok := side.cat.Rules.For(d.Kind, m.ID); ok {
				if day, ok := publication.RuleDay(m, r); ok {
					dates = append(dates, day)
				}
			}
		}
	}
	out := []time.Time{c.at}
	for _, day := range dates {
		if !day.IsZero() && first.Before(day) && !last.Before(day) {
			out = append(out, day.Start(loc))
		}
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return slices.Compact(out)
}

func (c *comparer) compare(b, h *catalog.Document, kind, former string) (Change, bool) {
	loc := c.head.Rules.Location
	var id string
	if h != nil {
		id = h.ID
	} else {
		id = b.ID // removed
	}
	ch := Change{ID: id, FormerID: former, Change: kind, Periods: []Period{}, Facts: []string{}}
	if h != nil {
		ch.Title = c.headView.Ref(h).Title
	} else {
		ch.Title = c.baseView.Ref(b).Title
	}

	var open *Period
	for i, t := range c.moments(b, h) {
		bv, bd := decide(c.base, b, t)
		hv, hd := decide(c.head, h, t)
		day := catalog.DateOf(t.In(loc)).String()
		if i == 0 {
			ch.Now = Period{From: day, Before: bv, After: hv}
			ch.Immediate = bd.IsPublic() != hd.IsPublic()
		}
		if bv == hv {
			open = nil
			continue
		}
		if open != nil && open.Before == bv && open.After == hv {
			continue
		}
		ch.Periods = append(ch.Periods, Period{From: day, Before: bv, After: hv})
		open = &ch.Periods[len(ch.Periods)-1]
	}
	bSeen, bNow := decide(c.base, b, c.at)
	hSeen, hNow := decide(c.head, h, c.at)
	// Within the window only: a report the head schedules years ahead
	// (a meeting added in advance) is not "public earlier".
	last := catalog.DateOf(c.at.In(loc)).AddDays(c.days)
	if hFrom, ok := publicFrom(hNow); ok && !last.Before(hFrom) {
		bFrom, bok := publicFrom(bNow)
		ch.Earlier = !bok || hFrom.Before(bFrom)
	}
	ch.Facts, ch.Hidden = c.facts(b, h, func(field string) bool { return disclosure.FieldShown(field, bSeen, hSeen) },
		func(field string) (bool, bool) {
			return disclosure.ValueShown(field, bSeen), disclosure.ValueShown(field, hSeen)
		})
	if len(ch.Periods) == 0 && len(ch.Facts) == 0 && !ch.Hidden && kind == Changed {
		return ch, false
	}
	return ch, true
}

// publicFrom is the day a decision makes a document public, if it does.
func publicFrom(d publication.Decision) (catalog.Date, bool) {
	switch d.State {
	case publication.Public, publication.Scheduled:
		return d.PublicFrom, !d.PublicFrom.IsZero()
	}
	return catalog.Date{}, false
}

// facts names what changed between the two versions of a document, its
// meeting and its rule; values only where public. hidden reports a change
// to details the plan may not print.
func (c *comparer) facts(b, h *catalog.Document, public func(field string) bool, shown func(field string) (base, head bool)) (facts []string, hidden bool) {
	if b == nil || h == nil {
		return []string{}, false
	}
	// The days each records (catalog.Document.Facts), field by field.
	hf := h.Facts()
	for i, f := range b.Facts() {
		a, z := f.Day, hf[i].Day
		if a == z {
			continue
		}
		if public(f.Field) {
			facts = append(facts, fmt.Sprintf("%s: %s → %s", f.Field, orNone(a), orNone(z)))
		} else {
			facts = append(facts, f.Field+" (the value is not public)")
		}
	}
	for _, f := range []struct {
		name string
		a, z string
	}{
		{"kind", b.Kind, h.Kind}, {"party", b.Party, h.Party}, {"meeting", b.Meeting, h.Meeting},
		{"report", reportText(b.Report), reportText(h.Report)},
		{"not_submitted", fmt.Sprint(b.NotSubmitted), fmt.Sprint(h.NotSubmitted)},
	} {
		if f.a != f.z {
			facts = append(facts, fmt.Sprintf("%s: %s → %s", f.name, f.a, f.z))
		}
	}
	// Details: a one-line value before and after, on each side that shows
	// it (disclosure.ValueShown; a webmaster's review found a new address
	// named alone, and a new title twice), the names of the others.
	var changed, details []string
	for _, f := range []struct {
		name string
		a, z string
	}{
		{"title", b.Title, h.Title}, {"summary", b.Summary, h.Summary}, {"symbol", b.Symbol, h.Symbol},
		{"url", b.URL, h.URL}, {"file", fileSum(b), fileSum(h)}, {"text", b.Body, h.Body},
		{"withdrawn_reason", b.WithdrawnReason, h.WithdrawnReason},
	} {
		if f.a == f.z {
			continue
		}
		inBase, inHead := shown(f.name)
		if !inBase && !inHead {
			details = append(details, f.name)
			continue
		}
		side := func(v string, ok bool) string {
			if !ok {
				return "(not shown)"
			}
			return fmt.Sprintf("%q", v)
		}
		changed = append(changed, fmt.Sprintf("%s: %s → %s", f.name, side(f.a, inBase), side(f.z, inHead)))
	}
	if len(changed)+len(details) > 0 {
		if public("details") {
			facts = append(facts, changed...)
			if len(details) > 0 {
				facts = append(facts, "details changed: "+strings.Join(details, ", "))
			}
		} else {
			hidden = true
		}
	}
	bm, _ := c.base.Meeting(b.Meeting)
	hm, _ := c.head.Meeting(h.Meeting)
	if bm != nil && hm != nil {
		for _, f := range []struct {
			name string
			a, z catalog.Date
		}{{"meeting opening", bm.Opening, hm.Opening}, {"meeting adjournment", bm.Adjournment, hm.Adjournment}} {
			if f.a != f.z {
				facts = append(facts, fmt.Sprintf("%s: %s → %s", f.name, orNone(f.a), orNone(f.z)))
			}
		}
	}
	br, bok := c.base.Rules.For(b.Kind, b.Meeting)
	hr, hok := c.head.Rules.For(h.Kind, h.Meeting)
	switch {
	case bok != hok:
		facts = append(facts, fmt.Sprintf("rule: %s → %s", ruleName(c.base, b.Kind, br), ruleName(c.head, h.Kind, hr)))
	case bok && (publication.RuleText(br) != publication.RuleText(hr) || br.Span != hr.Span):
		facts = append(facts, fmt.Sprintf("rule: %s (%s) → %s (%s)", ruleName(c.base, b.Kind, br), publication.RuleText(br), ruleName(c.head, h.Kind, hr), publication.RuleText(hr)))
	}
	if facts == nil {
		facts = []string{}
	}
	return facts, hidden
}

// reportText is a document's report: as the plan names it.
func reportText(n int) string {
	if n == 0 {
		return "none"
	}
	return fmt.Sprint(n)
}

func ruleName(c *catalog.Catalog, kind string, r *catalog.RuleVersion) string {
	k, ok := c.Rules.Kind(kind)
	if !ok || r == nil {
		return "no rule"
	}
	return publication.RuleName(k, r)
}

func fileSum(d *catalog.Document) string {
	if d.FileInfo == nil {
		return d.File
	}
	return d.FileInfo.SHA256
}

func orNone(d catalog.Date) string {
	if d.IsZero() {
		return "none"
	}
	return d.String()
}
