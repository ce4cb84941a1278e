package catalog

import "strings"

// EventDateWarnings are the days of a document's facts (the day something
// was done: submitted, published, objected …) that cannot be right as
// given, though the catalog is valid: a day after today (nothing recorded
// can have happened yet), a day before its meeting's review cycle began
// (none of its documents existed yet), or an objection before its party's
// own publication. today is the real day in the rules' time zone, not the
// moment a build is made as of: a catalog checked as of a past day rightly
// holds later facts.
func (c *Catalog) EventDateWarnings(today Date) Problems {
	var ps Problems
	for _, d := range c.Documents {
		m, _ := c.Meeting(d.Meeting)
		for _, f := range d.Facts() {
			// A fact of the document's making, not of its meeting's.
			cycled := f.Field != "adopted" && f.Field != "withdrawn"
			switch {
			case f.Day.IsZero():
			case today.Before(f.Day) && f.Field == "published":
				// The one fact a source may give in advance: a day its
				// party announced, for which the document is scheduled.
				ps.add(d.Field(f.Field), "document %q: published %s is after today (%s): the document is scheduled for that day, right only if its party announced it (the source in sources: must say so); otherwise give the day it happened, once it has", d.ID, f.Day, today)
			case today.Before(f.Day):
				ps.add(d.Field(f.Field), "document %q: %s %s is after today (%s): it records something done, which cannot have happened yet; give the day it happened, once it has", d.ID, f.Field, f.Day, today)
			case cycled && m != nil && !m.CycleStart.IsZero() && f.Day.Before(m.CycleStart):
				ps.add(d.Field(f.Field), "document %q: %s %s is before meeting %q's review cycle began (%s, the close of the meeting before it), when none of its documents existed yet; check the day, and the meeting", d.ID, f.Field, f.Day, d.Meeting, m.CycleStart)
			}
		}
		if pub := d.PartyDay(); !pub.IsZero() && !d.Submitted.IsZero() && pub.Before(d.Submitted) {
			ps.add(d.Field("submitted"), "document %q: submitted %s is after its party published it (%s); a report is submitted before it is published: check both days", d.ID, d.Submitted, pub)
		}
		if pub := d.PartyDay(); !pub.IsZero() && !d.Withdrawn.IsZero() && d.Withdrawn.Before(pub) {
			ps.add(d.Field("withdrawn"), "document %q: withdrawn %s is before its party published it (%s); withdrawn: records the day a public document was taken down, and a document withdrawn before it was public stays restricted: check both days", d.ID, d.Withdrawn, pub)
		}
		// The day the rule of days after adjournment makes its meeting's
		// reports public, where one does.
		var due Date
		var days int
		if k, ok := c.Rules.Kind(d.Kind); ok && m != nil {
			if r, ok := k.For(m.ID); ok {
				if day, ok := r.DayFor(m); ok {
					due, days = day, r.Days
				}
			}
		}
		// Submitted after that day: public from the day it was submitted
		// (the engine), which is right only for a report that came late.
		if !due.IsZero() && due.Before(d.Submitted) {
			ps.add(d.Field("submitted"), "document %q: submitted %s is after %s, the day its meeting's reports became public under the rule (%d days after it adjourned): it is not public before the day it was submitted, right only for a report that came late; check the day", d.ID, d.Submitted, due, days)
		}
		// Taken down before the rule made it public, its party not having
		// published it: it never was public, and stays restricted (a
		// webmaster's review found it silent).
		public := due
		if public.Before(d.Submitted) {
			public = d.Submitted
		}
		if !due.IsZero() && !d.Withdrawn.IsZero() && d.PartyDay().IsZero() && d.Withdrawn.Before(public) {
			ps.add(d.Field("withdrawn"), "document %q: withdrawn %s is before %s, the day it became public under the rule; withdrawn: records the day a public document was taken down, and a document withdrawn before it was public stays restricted: check the day", d.ID, d.Withdrawn, public)
		}
		// Taken down on or after its party's objection, not lifted by
		// then: the objection took it off already, so there is nothing to
		// take down; an objection after a take-down, nothing to withdraw
		// (the take-down stands, publication.events).
		switch {
		case d.Objection.IsZero() || d.Withdrawn.IsZero():
		case !d.Withdrawn.Before(d.Objection) && d.ObjectionLifted.IsZero():
			ps.add(d.Field("withdrawn"), "document %q: withdrawn %s is on or after its party's objection (%s), which already withdrew or withheld it; withdrawn: records the day a public document was taken down for another reason: leave it out", d.ID, d.Withdrawn, d.Objection)
		case d.Withdrawn.Before(d.Objection):
			ps.add(d.Field("objection"), "document %q: objection %s comes after the document was taken down (withdrawn: %s): the take-down stands, and the objection changes nothing; check both days", d.ID, d.Objection, d.Withdrawn)
		}
		// An objection is to the publication of a report submitted.
		if !d.Objection.IsZero() && !d.Submitted.IsZero() && d.Objection.Before(d.Submitted) {
			ps.add(d.Field("objection"), "document %q: objection %s is before its party submitted it (%s); an objection is to the publication of a submitted report: check both days", d.ID, d.Objection, d.Submitted)
		}
		// A take-down by the day of a lift keeps the document down: the
		// lift publishes nothing (an objection withdraws a public report
		// by itself, with no withdrawn: of its own).
		if !d.ObjectionLifted.IsZero() && !d.Withdrawn.IsZero() && !d.ObjectionLifted.Before(d.Withdrawn) {
			ps.add(d.Field("objection_lifted"), "document %q: objection_lifted %s has no effect, as the document was taken down (withdrawn: %s) by then and stays down; an objection withdraws a public report by itself: leave withdrawn: out unless the report was taken down for another reason", d.ID, d.ObjectionLifted, d.Withdrawn)
		}
		if !d.Objection.IsZero() && !d.Published.IsZero() && d.Objection.Before(d.Published) {
			ps.add(d.Field("objection"), "document %q: objection %s is before its party published it (%s); the document stays withheld: check both days", d.ID, d.Objection, d.Published)
		}
	}
	return ps
}

// sourceWarnings are the documents that record a fact (a day, an address,
// a publication without a day, not submitted) with no source for it,
// neither their own sources: nor their file's: every fact in the catalog
// names where it comes from (data/README.md), and a report's publication
// rests on it. A warning, as a fact may be right before its source is
// written down.
func (c *Catalog) sourceWarnings() Problems {
	var ps Problems
	for _, d := range c.Documents {
		// (A publication without a day, or by a day, needs a source of its
		// own: the loader refuses it without one, so it is not warned of
		// again here.)
		if len(d.Sources) > 0 || len(d.FileSources) > 0 || d.PublishedUndated {
			continue
		}
		var facts []string
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"submitted", !d.Submitted.IsZero()}, {"published", !d.Published.IsZero()},
			{"objection", !d.Objection.IsZero()}, {"consent", !d.Consent.IsZero()},
			{"adopted", !d.Adopted.IsZero()}, {"withdrawn", !d.Withdrawn.IsZero()}, {"not_submitted", d.NotSubmitted}, {"url", d.URL != ""},
		} {
			if f.set {
				facts = append(facts, f.name)
			}
		}
		if len(facts) > 0 {
			needs := "needs its source"
			if len(facts) > 1 {
				needs = "need their source"
			}
			ps.add(d.Field(facts[0]), "document %q: %s %s in sources: (the document's, or its file's for all its documents), the page or document they come from", d.ID, strings.Join(facts, ", "), needs)
		}
	}
	return ps
}
