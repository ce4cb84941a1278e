package publication

import (
	"fmt"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
)

// NotYet reports whether the cause is that the document did not exist yet
// on the moment decided (before its meeting's review cycle began, before
// its meeting opened, or before the day it was submitted): not a document
// its party failed to submit.
func (c Cause) NotYet() bool {
	return c.Code == CauseNotYet || c.Code == CauseBeforeMeeting || c.Code == CauseBeforeSubmission
}

// Causes: why a document is in its state, as a code. Reason says it in
// English words (explain, plan, the feeds); the site's pages say it in the
// reader's language from the code and its facts (the theme's reason_<code>
// strings), so every language says the same thing.
const (
	CauseNoTimezone        = "no_timezone"          // the rules have no time zone
	CauseNoRule            = "no_rule"              // the kind has no rule (Kind)
	CauseNotSubmitted      = "not_submitted"        // the party submitted nothing
	CauseNotYet            = "not_yet_submitted"    // before its meeting's review cycle began (Date), or before the day it was submitted
	CauseBeforeSubmission  = "before_submission"    // before the day it was submitted (Date, where it is the reason), where no review cycle is known or it has begun
	CauseBeforeMeeting     = "before_meeting"       // of a kind made at its meeting (catalog.Kind.AtMeeting), before the meeting opened (Date)
	CauseNoMeeting         = "no_meeting"           // the document's meeting is not known
	CauseNoVersion         = "no_version"           // no version of the kind's rule covers the meeting (Kind, Meeting)
	CauseNoDays            = "no_days"              // the rule gives no number of days
	CauseNoAdjournment     = "no_adjournment"       // the adjournment is not recorded and the party has not published it
	CauseNotPublished      = "not_published"        // the party neither published it nor consented
	CauseUndated           = "undated_publication"  // a source says the party published it, none by which day (catalog.Document.PublishedUndated)
	CauseNoAdoption        = "no_adoption"          // no adoption date is recorded
	CauseNoConsent         = "no_consent"           // no consent is recorded
	CauseUnknownBasis      = "unknown_basis"        // the rule's public: is not known
	CauseObjected          = "objected"             // withheld: objection (Date) before the day it was due (Due)
	CauseWithdrawnObjected = "withdrawn_objection"  // withdrawn: public from Due, objection received on Date
	CauseWithdrawnEarly    = "withdrawn_before_due" // restricted: withdrawn on Date, before it was due
	CauseWithdrawn         = "withdrawn"            // withdrawn: public from Due, withdrawn on Date (Note says why)
	CauseBecamePublic      = "became_public"        // public since Date, on a basis (Basis, Days)
	CausePublicLatest      = "public_by"            // public by Date at the latest, on a basis (Basis, Days): its party published it on a day not recorded (Decision.Latest)
	CauseBecomesPublic     = "becomes_public"       // scheduled for Date (unless the party objects: Objection)
)

// Cause is why a decision is what it is: a code and the facts its words
// need. It holds nothing the decision's state may not show: the dates and
// the withdrawal's reason that Reason says too.
type Cause struct {
	Code string `json:"code"`
	// Date is the day of the event the code names: the objection, the
	// withdrawal, the day it became or becomes public.
	Date catalog.Date `json:"date,omitzero"`
	// Due is the day it was due to become public, or became public.
	Due catalog.Date `json:"due,omitzero"`
	// Basis and Days: on what basis it became public (became_public).
	Basis Basis `json:"basis,omitempty"`
	Days  int   `json:"days,omitempty"`
	// Objection: the party may still object (becomes_public).
	Objection bool `json:"objection,omitempty"`
	// Kind and Meeting name the kind and meeting (no_rule, no_version);
	// KindLabel and MeetingTitle are their English words.
	Kind         string `json:"kind,omitempty"`
	Meeting      string `json:"meeting,omitempty"`
	KindLabel    string `json:"-"`
	MeetingTitle string `json:"-"`
	// Basis value of the rule that is not known (unknown_basis).
	Value string `json:"value,omitempty"`
	// Note is the catalog's reason for a withdrawal, as written (withdrawn).
	Note string `json:"note,omitempty"`
}

// English is the cause in the words of Decision.Reason.
func (c Cause) English() string {
	switch c.Code {
	case CauseNoTimezone:
		return "the rules have no time zone, so no date can be read"
	case CauseNoRule:
		return fmt.Sprintf("there is no publication rule for documents of kind %q", c.Kind)
	case CauseNotSubmitted:
		return "the Contracting Party submitted no document"
	case CauseNotYet:
		return fmt.Sprintf("not yet submitted: the review cycle of its meeting runs from %s, the day the meeting before it adjourned", c.Date.Long())
	case CauseBeforeSubmission:
		if !c.Date.IsZero() {
			return fmt.Sprintf("not yet submitted: this catalog records it submitted on %s", c.Date.Long())
		}
		return "not yet submitted"
	case CauseBeforeMeeting:
		return fmt.Sprintf("not yet made: a document of this kind is made at its meeting, which opens on %s", c.Date.Long())
	case CauseNoMeeting:
		return "the document's meeting is not known, so no rule can be chosen"
	case CauseNoVersion:
		return fmt.Sprintf("no %s rule covers the %s, and a meeting no rule covers publishes nothing", c.KindLabel, c.MeetingTitle)
	case CauseNoDays:
		return "the rule gives no number of days"
	case CauseNoAdjournment:
		return "the meeting's adjournment date is not recorded, so the rule's date cannot be computed, and the Contracting Party has not published the report itself"
	case CauseNotPublished:
		return "the rule makes it public only once the Contracting Party publishes it or consents, and neither is recorded; this does not say that the Contracting Party objected or held it back"
	case CauseUndated:
		return "a source says the Contracting Party published it, but none gives a day by which it had, so no day on which it became public can be shown"
	case CauseNoAdoption:
		return "no adoption date is recorded"
	case CauseNoConsent:
		return "no consent to publication has been recorded"
	case CauseUnknownBasis:
		return fmt.Sprintf("the rule's basis %q is not known", c.Value)
	case CauseObjected:
		switch {
		case c.Date.IsZero() && c.Due.IsZero(): // as a page says it, where the day it was due is not shown either
			return "the Contracting Party objected to its publication"
		case c.Date.IsZero(): // as a page says it (disclosure.View.Page)
			return fmt.Sprintf("the Contracting Party objected before %s, the day it was due to become public", c.Due.Long())
		case c.Date == c.Due:
			return fmt.Sprintf("the Contracting Party objected on %s, the day it was due to become public", c.Date.Long())
		}
		return fmt.Sprintf("the Contracting Party objected on %s, before it was due to become public on %s", c.Date.Long(), c.Due.Long())
	case CauseWithdrawnObjected:
		return fmt.Sprintf("public from %s; the Contracting Party's objection was received on %s", c.Due.Long(), c.Date.Long())
	case CauseWithdrawnEarly:
		if c.Date.IsZero() {
			return "withdrawn before it was due to become public"
		}
		return fmt.Sprintf("withdrawn on %s, before it was due to become public", c.Date.Long())
	case CauseWithdrawn:
		return fmt.Sprintf("public from %s; withdrawn on %s: %s", c.Due.Long(), c.Date.Long(), c.Note)
	case CauseBecamePublic:
		return fmt.Sprintf("became public on %s (%s)", c.Date.Long(), BasisWords(c.Basis, c.Days))
	case CausePublicLatest:
		return fmt.Sprintf("public by %s at the latest (%s) and perhaps earlier: the day is not recorded", c.Date.Long(), BasisWords(c.Basis, c.Days))
	case CauseBecomesPublic:
		s := fmt.Sprintf("becomes public on %s", c.Date.Long())
		if c.Objection {
			s += " unless the Contracting Party objects"
		}
		return s
	}
	return ""
}

// Causes lists every cause code, for the tests that hold the theme's words
// complete.
var Causes = []string{
	CauseNoTimezone, CauseNoRule, CauseNotSubmitted, CauseNotYet, CauseBeforeSubmission, CauseBeforeMeeting, CauseNoMeeting, CauseNoVersion, CauseNoDays,
	CauseNoAdjournment, CauseNotPublished, CauseUndated, CauseNoAdoption, CauseNoConsent, CauseUnknownBasis,
	CauseObjected, CauseWithdrawnObjected, CauseWithdrawnEarly, CauseWithdrawn, CauseBecamePublic, CausePublicLatest, CauseBecomesPublic,
}

// Bases lists every basis on which a document is public (BasisNone
// aside): the open data's JSON and Table Schemas take their values from
// it, and a test fails when a Basis is declared and not listed.
var Bases = []Basis{BasisEarly, BasisParty, BasisAfterAdjournment, BasisLateSubmission, BasisAdoption, BasisConsent, BasisObjectionLifted}

// BasisWords says a basis in words, with the rule's days for the rule of
// days after adjournment.
func BasisWords(b Basis, days int) string {
	switch b {
	case BasisEarly:
		return "published early by the Contracting Party"
	case BasisParty:
		return "published by the Contracting Party"
	case BasisAfterAdjournment:
		return fmt.Sprintf("%d %s after the meeting adjourned", days, dayWord(days))
	case BasisAdoption:
		return "adopted at the meeting"
	case BasisConsent:
		return "published with the Contracting Party's consent"
	case BasisObjectionLifted:
		return "after the Contracting Party lifted its objection"
	case BasisLateSubmission:
		return "submitted after the day the rule set, public from its submission"
	}
	return ""
}

// BasisWordsToCome is the rule of days's basis before the meeting
// adjourns (Decision.ToCome).
func BasisWordsToCome(days int) string {
	return fmt.Sprintf("%d %s after the meeting adjourns", days, dayWord(days))
}

// dayWord is "day" or "days", for a count of days.
func dayWord(n int) string {
	if n == 1 {
		return "day"
	}
	return "days"
}
