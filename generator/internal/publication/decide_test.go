package publication

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
)

func date(t testing.TB, s string) catalog.Date {
	t.Helper()
	if s == "" {
		return catalog.Date{}
	}
	d, err := catalog.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func vienna(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Vienna")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// testMeetings are the meetings testRules know, in the order they were
// held; rm00 is before every rule's range.
var testMeetings = []*catalog.Meeting{
	{ID: "rm00", Title: "Meeting Zero"},
	{ID: "rm01", Title: "1st Review Meeting"},
	{ID: "rm06", Title: "6th Review Meeting"},
	{ID: "rm07", Title: "7th Review Meeting"},
	{ID: "rm08", Title: "8th Review Meeting"},
}

// testRules mirror data/rules.yaml: National Reports changed rule with the
// 7th meeting; Q&A have a rule from the 7th only.
func testRules(t testing.TB) *catalog.Rules {
	t.Helper()
	src := `
timezone: Europe/Vienna
kinds:
  - kind: national_report
    slug: nr
    label: National Report
    per_party: true
    rules:
      - {from: rm01, until: rm06, public: party_publication}
      - {from: rm07, public: after_adjournment, days: 90, early_publication: true, objection: true}
  - kind: questions_answers
    slug: qa
    label: Q&A
    per_party: true
    rules: [{from: rm07, public: consent}]
  - kind: summary_report
    slug: sr
    label: Summary Report
    rules: [{from: rm01, public: adoption}]
  - kind: country_review_report
    slug: crr
    label: Country Review Report
    per_party: true
    at_meeting: true
    rules: [{from: rm01, public: consent}]
`
	var meetings strings.Builder
	meetings.WriteString("meetings:\n")
	for i, m := range testMeetings {
		fmt.Fprintf(&meetings, "  - {id: %s, type: review, numbers: [%d], title: %s, held: test}\n", m.ID, i+1, m.Title)
	}
	c, err := catalog.Load(fstest.MapFS{
		"rules.yaml":    {Data: []byte(src)},
		"meetings.yaml": {Data: []byte(meetings.String())},
		"parties.yaml":  {Data: []byte("parties: []\n")},
	}, "testdata")
	if err != nil {
		t.Fatal(err)
	}
	return &c.Rules
}

// The 7th Review Meeting adjourned on 7 April 2017; 90 days later is 6 July 2017.
func TestDecide(t *testing.T) {
	loc := vienna(t)
	rules := testRules(t)
	rm07 := &catalog.Meeting{ID: "rm07", Opening: date(t, "2017-03-27"), Adjournment: date(t, "2017-04-07")}
	rm06 := &catalog.Meeting{ID: "rm06", Opening: date(t, "2014-03-24"), Adjournment: date(t, "2014-04-04")}
	rm00 := &catalog.Meeting{ID: "rm00", Adjournment: date(t, "1998-04-01")}
	noAdjournment := &catalog.Meeting{ID: "rm08", Opening: date(t, "2020-04-14")}
	// The 7th meeting's review cycle began when the 6th adjourned.
	rm07cycle := &catalog.Meeting{ID: "rm07", Opening: rm07.Opening, Adjournment: rm07.Adjournment, CycleStart: rm06.Adjournment}
	day := func(s string) time.Time { return date(t, s).Start(loc) }

	tests := []struct {
		name      string
		doc       catalog.Document
		meeting   *catalog.Meeting
		asOf      time.Time
		state     State
		basis     Basis
		from      string
		withdrawn string
		next      string
	}{
		{"ReportBeforeNinetyDaysIsScheduled", catalog.Document{Kind: "national_report"}, rm07, day("2017-05-01"), Scheduled, BasisAfterAdjournment, "2017-07-06", "", "2017-07-06"},
		{"ReportTheDayBeforeIsScheduled", catalog.Document{Kind: "national_report"}, rm07, day("2017-07-05"), Scheduled, BasisAfterAdjournment, "2017-07-06", "", "2017-07-06"},
		{"ReportLastSecondBeforeIsScheduled", catalog.Document{Kind: "national_report"}, rm07, day("2017-07-06").Add(-time.Second), Scheduled, BasisAfterAdjournment, "2017-07-06", "", "2017-07-06"},
		{"ReportOnTheNinetiethDayIsPublic", catalog.Document{Kind: "national_report"}, rm07, day("2017-07-06"), Public, BasisAfterAdjournment, "2017-07-06", "", ""},
		{"ReportTheDayAfterIsPublic", catalog.Document{Kind: "national_report"}, rm07, day("2017-07-07"), Public, BasisAfterAdjournment, "2017-07-06", "", ""},
		{"ReportBeforeTheMeetingIsScheduled", catalog.Document{Kind: "national_report"}, rm07, day("2016-09-01"), Scheduled, BasisAfterAdjournment, "2017-07-06", "", "2017-07-06"},
		{"EarlyPublicationIsPublicFromItsDay", catalog.Document{Kind: "national_report", Published: date(t, "2017-03-01")}, rm07, day("2017-03-01"), Public, BasisEarly, "2017-03-01", "", ""},
		{"EarlyPublicationScheduledBeforeItsDay", catalog.Document{Kind: "national_report", Published: date(t, "2017-03-01")}, rm07, day("2017-02-28"), Scheduled, BasisEarly, "2017-03-01", "", "2017-03-01"},
		{"EarlyDateAfterTheRuleIsIgnored", catalog.Document{Kind: "national_report", Published: date(t, "2017-08-01")}, rm07, day("2017-07-06"), Public, BasisAfterAdjournment, "2017-07-06", "", ""},
		{"ObjectionWithholdsReportAfterNinetyDays", catalog.Document{Kind: "national_report", Objection: date(t, "2017-06-01")}, rm07, day("2017-08-01"), Withheld, BasisNone, "", "", ""},
		{"ObjectionNotYetReceivedLeavesReportScheduled", catalog.Document{Kind: "national_report", Objection: date(t, "2017-06-01")}, rm07, day("2017-05-31"), Scheduled, BasisAfterAdjournment, "2017-07-06", "", "2017-07-06"},
		{"ObjectionOnTheDueDayWithholds", catalog.Document{Kind: "national_report", Objection: date(t, "2017-07-06")}, rm07, day("2017-07-06"), Withheld, BasisNone, "", "", ""},
		{"ObjectionAfterPublicationWithdraws", catalog.Document{Kind: "national_report", Objection: date(t, "2017-09-01")}, rm07, day("2017-09-01"), Withdrawn, BasisAfterAdjournment, "2017-07-06", "2017-09-01", ""},
		{"ObjectionAfterPublicationNotYetReceived", catalog.Document{Kind: "national_report", Objection: date(t, "2017-09-01")}, rm07, day("2017-08-31"), Public, BasisAfterAdjournment, "2017-07-06", "", ""},
		{"ObjectionAfterEarlyPublicationWithdraws", catalog.Document{Kind: "national_report", Published: date(t, "2017-03-01"), Objection: date(t, "2017-05-01")}, rm07, day("2017-06-01"), Withdrawn, BasisEarly, "2017-03-01", "2017-05-01", ""},
		{"WithdrawalAfterPublication", catalog.Document{Kind: "national_report", Withdrawn: date(t, "2018-01-10"), WithdrawnReason: "replaced"}, rm07, day("2018-02-01"), Withdrawn, BasisAfterAdjournment, "2017-07-06", "2018-01-10", ""},
		{"ObjectionAfterAWithdrawalChangesNothing", catalog.Document{Kind: "national_report", Withdrawn: date(t, "2017-08-15"), WithdrawnReason: "replaced", Objection: date(t, "2017-09-01")}, rm07, day("2017-10-01"), Withdrawn, BasisAfterAdjournment, "2017-07-06", "2017-08-15", ""},
		{"WithdrawalBeforePublicationRestricts", catalog.Document{Kind: "national_report", Withdrawn: date(t, "2017-06-01"), WithdrawnReason: "replaced"}, rm07, day("2018-02-01"), Restricted, BasisNone, "", "", ""},
		{"NotSubmitted", catalog.Document{Kind: "national_report", NotSubmitted: true}, rm07, day("2017-07-06"), NotSubmitted, BasisNone, "", "", ""},
		// Before its meeting's review cycle began a document did not yet
		// exist, whatever the rule gives later; from that day it is what
		// the rule says (an early publication before it, from its day).
		{"BeforeTheCycleNotYetSubmitted", catalog.Document{Kind: "national_report"}, rm07cycle, day("2014-04-03"), NotSubmitted, BasisNone, "", "", "2014-04-04"},
		{"FromTheCycleScheduled", catalog.Document{Kind: "national_report"}, rm07cycle, day("2014-04-04"), Scheduled, BasisAfterAdjournment, "2017-07-06", "", "2017-07-06"},
		{"SummaryReportBeforeTheCycleNotYetSubmitted", catalog.Document{Kind: "summary_report", Adopted: date(t, "2017-04-07")}, rm07cycle, day("2010-01-01"), NotSubmitted, BasisNone, "", "", "2014-04-04"},
		{"QAWithoutConsentBeforeTheCycleNotYetSubmitted", catalog.Document{Kind: "questions_answers"}, rm07cycle, day("2013-01-01"), NotSubmitted, BasisNone, "", "", "2014-04-04"},
		{"PublishedBeforeTheCycleIsPublicFromItsDay", catalog.Document{Kind: "national_report", Published: date(t, "2014-01-01")}, rm07cycle, day("2014-01-01"), Public, BasisEarly, "2014-01-01", "", ""},
		{"PublishedBeforeTheCycleNotYetSubmittedBeforeItsDay", catalog.Document{Kind: "national_report", Published: date(t, "2014-01-01")}, rm07cycle, day("2013-12-31"), NotSubmitted, BasisNone, "", "", "2014-01-01"},
		// An objection already received: the day it would have become
		// public is told by nothing, the next change is the cycle's.
		{"ObjectedBeforeTheCycleTellsOnlyTheCycle", catalog.Document{Kind: "national_report", Published: date(t, "2014-01-01"), Objection: date(t, "2013-06-01")}, rm07cycle, day("2013-07-01"), NotSubmitted, BasisNone, "", "", "2014-04-04"},
		{"ObjectedBeforeTheCycleWithheldFromIt", catalog.Document{Kind: "national_report", Published: date(t, "2014-01-01"), Objection: date(t, "2013-06-01")}, rm07cycle, day("2014-04-04"), Withheld, BasisNone, "", "", ""},
		// Nor did it exist before the day it was submitted, where the
		// catalog records it; without a known cycle the reason says only
		// that it was not yet submitted.
		{"BeforeItsSubmissionNotYetSubmitted", catalog.Document{Kind: "national_report", Submitted: date(t, "2016-09-15")}, rm07cycle, day("2016-09-14"), NotSubmitted, BasisNone, "", "", ""},
		{"FromItsSubmissionScheduled", catalog.Document{Kind: "national_report", Submitted: date(t, "2016-09-15")}, rm07cycle, day("2016-09-15"), Scheduled, BasisAfterAdjournment, "2017-07-06", "", "2017-07-06"},
		{"SubmittedBeforeTheCycleCountsFromTheCycle", catalog.Document{Kind: "national_report", Submitted: date(t, "2014-01-01")}, rm07cycle, day("2014-04-03"), NotSubmitted, BasisNone, "", "", "2014-04-04"},
		{"BeforeItsSubmissionWithoutACycle", catalog.Document{Kind: "national_report", Submitted: date(t, "2016-09-15")}, rm07, day("2016-09-14"), NotSubmitted, BasisNone, "", "", ""},
		{"PublishedBeforeItsSubmissionDayIsPublic", catalog.Document{Kind: "national_report", Published: date(t, "2016-08-01"), Submitted: date(t, "2016-09-15")}, rm07cycle, day("2016-08-01"), Public, BasisEarly, "2016-08-01", "", ""},
		{"NotSubmittedBeforeTheCycleToo", catalog.Document{Kind: "national_report", NotSubmitted: true}, rm07cycle, day("2010-01-01"), NotSubmitted, BasisNone, "", "", ""},
		// A kind made at the meeting (at_meeting) exists only from the
		// meeting's opening, however long its cycle has run; before it,
		// before the cycle too, the next change is the opening.
		{"MadeAtTheMeetingNotYetSubmittedBeforeItOpens", catalog.Document{Kind: "country_review_report", Consent: date(t, "2017-05-01")}, rm07cycle, day("2016-01-01"), NotSubmitted, BasisNone, "", "", "2017-03-27"},
		{"MadeAtTheMeetingNotYetSubmittedBeforeTheCycle", catalog.Document{Kind: "country_review_report", Consent: date(t, "2017-05-01")}, rm07cycle, day("2013-01-01"), NotSubmitted, BasisNone, "", "", "2017-03-27"},
		{"MadeAtTheMeetingRestrictedFromItsOpening", catalog.Document{Kind: "country_review_report", Consent: date(t, "2017-05-01")}, rm07cycle, day("2017-03-27"), Restricted, BasisNone, "", "", ""},
		{"MadeAtTheMeetingPublicOnConsent", catalog.Document{Kind: "country_review_report", Consent: date(t, "2017-05-01")}, rm07cycle, day("2017-05-01"), Public, BasisConsent, "2017-05-01", "", ""},
		// Submitted after the opening (where recorded): not yet submitted
		// until then, as any document.
		{"MadeAtTheMeetingSubmittedLaterCountsFromItsSubmission", catalog.Document{Kind: "country_review_report", Submitted: date(t, "2017-04-05")}, rm07cycle, day("2017-04-01"), NotSubmitted, BasisNone, "", "", ""},
		{"MissingAdjournmentFailsClosed", catalog.Document{Kind: "national_report"}, noAdjournment, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
		// Issue 20: a report its party published before the meeting's closing
		// day is recorded is public from the day it was published.
		{"EarlyPublicationWithoutAdjournmentIsPublic", catalog.Document{Kind: "national_report", Published: date(t, "2019-08-01")}, noAdjournment, day("2019-08-01"), Public, BasisEarly, "2019-08-01", "", ""},
		{"EarlyPublicationWithoutAdjournmentScheduledBeforeItsDay", catalog.Document{Kind: "national_report", Published: date(t, "2019-08-01")}, noAdjournment, day("2019-07-31"), Scheduled, BasisEarly, "2019-08-01", "", "2019-08-01"},
		{"EarlyPublicationWithoutAdjournmentWithdrawnByObjection", catalog.Document{Kind: "national_report", Published: date(t, "2019-08-01"), Objection: date(t, "2019-09-01")}, noAdjournment, day("2019-10-01"), Withdrawn, BasisEarly, "2019-08-01", "2019-09-01", ""},
		{"ObjectionBeforeEarlyPublicationWithoutAdjournmentWithholds", catalog.Document{Kind: "national_report", Published: date(t, "2019-08-01"), Objection: date(t, "2019-07-01")}, noAdjournment, day("2019-10-01"), Withheld, BasisNone, "", "", ""},
		{"MissingMeetingFailsClosed", catalog.Document{Kind: "national_report"}, nil, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
		{"UnknownKindFailsClosed", catalog.Document{Kind: "secret_minutes"}, rm07, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
		{"QAWithoutConsentIsRestricted", catalog.Document{Kind: "questions_answers"}, rm07, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
		{"QAWithConsentIsPublic", catalog.Document{Kind: "questions_answers", Consent: date(t, "2017-04-01")}, rm07, day("2017-04-01"), Public, BasisConsent, "2017-04-01", "", ""},
		{"QAConsentNotYetGiven", catalog.Document{Kind: "questions_answers", Consent: date(t, "2017-04-01")}, rm07, day("2017-03-31"), Restricted, BasisNone, "", "", ""},
		{"SummaryReportPublicFromAdoption", catalog.Document{Kind: "summary_report", Adopted: date(t, "2017-04-07")}, rm07, day("2017-04-07"), Public, BasisAdoption, "2017-04-07", "", ""},
		{"SummaryReportScheduledBeforeAdoption", catalog.Document{Kind: "summary_report", Adopted: date(t, "2017-04-07")}, rm07, day("2017-04-06"), Scheduled, BasisAdoption, "2017-04-07", "", "2017-04-07"},
		// Issue 12: before the 7th meeting a National Report was public only
		// once its party published it; the 90-day rule did not exist.
		{"PreSeventhReportWithoutPublicationIsNeverPublic", catalog.Document{Kind: "national_report"}, rm06, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
		{"PreSeventhReportNotPublicNinetyDaysAfterAdjournment", catalog.Document{Kind: "national_report"}, rm06, day("2014-07-03"), Restricted, BasisNone, "", "", ""},
		{"PreSeventhReportPublicFromPartyPublication", catalog.Document{Kind: "national_report", Published: date(t, "2014-09-01")}, rm06, day("2014-09-01"), Public, BasisParty, "2014-09-01", "", ""},
		{"PreSeventhReportScheduledBeforeItsPublicationDay", catalog.Document{Kind: "national_report", Published: date(t, "2014-09-01")}, rm06, day("2014-08-31"), Scheduled, BasisParty, "2014-09-01", "", "2014-09-01"},
		{"PreSeventhReportPublicFromConsent", catalog.Document{Kind: "national_report", Consent: date(t, "2014-06-01"), Published: date(t, "2014-09-01")}, rm06, day("2014-06-01"), Public, BasisConsent, "2014-06-01", "", ""},
		{"PreSeventhReportConsentNotYetGiven", catalog.Document{Kind: "national_report", Consent: date(t, "2014-06-01")}, rm06, day("2014-05-31"), Restricted, BasisNone, "", "", ""},
		{"PreSeventhReportObjectionAfterPublicationWithdraws", catalog.Document{Kind: "national_report", Published: date(t, "2014-09-01"), Objection: date(t, "2015-01-01")}, rm06, day("2015-02-01"), Withdrawn, BasisParty, "2014-09-01", "2015-01-01", ""},
		{"PreSeventhReportWithdrawn", catalog.Document{Kind: "national_report", Published: date(t, "2014-09-01"), Withdrawn: date(t, "2016-01-01"), WithdrawnReason: "replaced"}, rm06, day("2016-02-01"), Withdrawn, BasisParty, "2014-09-01", "2016-01-01", ""},
		// Published by its party on a day no source gives: by a day a source
		// gives (public from it at the latest), or by no day (never public).
		{"PreSeventhReportPublishedByADay", catalog.Document{Kind: "national_report", PublishedBy: date(t, "2013-08-07"), PublishedUndated: true}, rm06, day("2013-08-07"), Public, BasisParty, "2013-08-07", "", ""},
		{"PreSeventhReportPublishedUndated", catalog.Document{Kind: "national_report", PublishedUndated: true}, rm06, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
		{"MeetingNoRuleCoversFailsClosed", catalog.Document{Kind: "national_report", Published: date(t, "1998-01-01")}, rm00, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
		{"KindWithoutRuleForTheMeetingFailsClosed", catalog.Document{Kind: "questions_answers", Consent: date(t, "2014-06-01")}, rm06, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
		{"SummaryReportWithoutAdoptionFailsClosed", catalog.Document{Kind: "summary_report"}, rm07, day("2030-01-01"), Restricted, BasisNone, "", "", ""},
	}
	seen := map[string]bool{}
	t.Cleanup(func() {
		// The table reaches every cause a valid catalog can give.
		for _, c := range Causes {
			switch c {
			case CauseNoTimezone, CauseNoRule, CauseNoMeeting, CauseNoDays, CauseUnknownBasis:
				continue // the loader refuses such a catalog
			}
			if !seen[c] {
				t.Errorf("no case gives the cause %q", c)
			}
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decide(&tt.doc, tt.meeting, rules, tt.asOf)
			if got.State != tt.state || got.Basis != tt.basis || got.PublicFrom.String() != tt.from ||
				got.WithdrawnOn.String() != tt.withdrawn || got.NextChange.String() != tt.next {
				t.Errorf("Decide = {%s %q from=%s withdrawn=%s next=%s} (%s)\nwant {%s %q from=%s withdrawn=%s next=%s}",
					got.State, got.Basis, got.PublicFrom, got.WithdrawnOn, got.NextChange, got.Reason,
					tt.state, tt.basis, tt.from, tt.withdrawn, tt.next)
			}
			if got.Reason == "" {
				t.Error("the decision gives no reason")
			}
			// The reason is its cause said in English: pages say the same
			// cause in every language from its code.
			if !slices.Contains(Causes, got.Cause.Code) || got.Reason != got.Cause.English() {
				t.Errorf("cause %+v, reason %q", got.Cause, got.Reason)
			}
			seen[got.Cause.Code] = true
			if !got.NextChange.IsZero() && !slices.Contains(StatesWithNextChange, got.State) {
				t.Errorf("a decision %s has a next change, %s; StatesWithNextChange does not list its state", got.State, got.NextChange)
			}
			// The decision names the version of the rule that covers the
			// meeting, and none where no version does.
			var want *catalog.RuleVersion
			if tt.meeting != nil {
				want, _ = rules.For(tt.doc.Kind, tt.meeting.ID)
			}
			if got.Version != want && got.State != NotSubmitted {
				t.Errorf("Version = %+v, want %+v", got.Version, want)
			}
			if want != nil && got.State != NotSubmitted && !strings.Contains(got.RuleText, want.Span) {
				t.Errorf("Rule %q does not name the meetings it covers (%q)", got.RuleText, want.Span)
			}
		})
	}
}

// Dates turn at midnight Vienna time, whichever offset Vienna has that day:
// both sides of the spring and autumn daylight-saving changes.
func TestDecideTurnsAtViennaMidnightAcrossDaylightSaving(t *testing.T) {
	rules := testRules(t)
	tests := []struct {
		name        string
		adjournment string
		due         string // adjournment + 90 days
		dueUTC      string // 00:00 Vienna on that day, in UTC
	}{
		{"SpringForwardDay", "2016-12-26", "2017-03-26", "2017-03-25T23:00:00Z"}, // CET, +01:00
		{"DayAfterSpringForward", "2016-12-27", "2017-03-27", "2017-03-26T22:00:00Z"},
		{"FallBackDay", "2017-07-31", "2017-10-29", "2017-10-28T22:00:00Z"}, // CEST, +02:00
		{"DayAfterFallBack", "2017-08-01", "2017-10-30", "2017-10-29T23:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &catalog.Meeting{ID: "rm07", Adjournment: date(t, tt.adjournment)}
			doc := &catalog.Document{Kind: "national_report"}
			edge, err := time.Parse(time.RFC3339, tt.dueUTC)
			if err != nil {
				t.Fatal(err)
			}
			before := Decide(doc, m, rules, edge.Add(-time.Nanosecond))
			at := Decide(doc, m, rules, edge)
			if before.State != Scheduled || before.NextChange.String() != tt.due {
				t.Errorf("one instant before %s: %s next %s, want scheduled next %s", tt.dueUTC, before.State, before.NextChange, tt.due)
			}
			if at.State != Public || at.PublicFrom.String() != tt.due {
				t.Errorf("at %s: %s from %s, want public from %s", tt.dueUTC, at.State, at.PublicFrom, tt.due)
			}
		})
	}
}

func TestDecideWithoutTimeZoneFailsClosed(t *testing.T) {
	rules := testRules(t)
	rules.Location = nil
	m := &catalog.Meeting{ID: "rm07", Adjournment: date(t, "2017-04-07")}
	got := Decide(&catalog.Document{Kind: "national_report"}, m, rules, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	if got.State != Restricted {
		t.Errorf("state %s, want restricted", got.State)
	}
}

// A report its party published on a day no source gives: with a day by
// which a source shows it published (published_by), public from that day
// at the latest, under either rule, unless the rule's own day comes first;
// with no such day, never public under the rule of publication by the
// party, and public on the rule's day (at the latest) under the rule of
// days; and its cause says so, not that nothing is recorded.
func TestDecideUndatedPublication(t *testing.T) {
	rules := testRules(t)
	loc := vienna(t)
	rm06 := &catalog.Meeting{ID: "rm06", Opening: date(t, "2014-03-24"), Adjournment: date(t, "2014-04-04")}
	rm07 := &catalog.Meeting{ID: "rm07", Opening: date(t, "2017-03-27"), Adjournment: date(t, "2017-04-07")}
	open := &catalog.Meeting{ID: "rm07", Opening: date(t, "2017-03-27")}
	by := func(s string) catalog.Document {
		return catalog.Document{Kind: "national_report", PublishedBy: date(t, s), PublishedUndated: true}
	}
	undated := catalog.Document{Kind: "national_report", PublishedUndated: true}
	tests := []struct {
		name    string
		doc     catalog.Document
		meeting *catalog.Meeting
		asOf    string
		state   State
		basis   Basis
		from    string
		latest  bool
		cause   string
	}{
		{"PartyRuleByADayIsPublicFromIt", by("2013-08-07"), rm06, "2013-08-07", Public, BasisParty, "2013-08-07", true, CausePublicLatest},
		// A day by which a source shows it published is evidence read
		// afterwards, never a day planned: before it, nothing is recorded
		// published, and nothing is scheduled for it.
		{"PartyRuleByADayShowsNothingPublishedBeforeIt", by("2013-08-07"), rm06, "2013-08-06", Restricted, BasisNone, "", false, CauseNotPublished},
		{"PartyRuleUndatedIsNeverPublic", undated, rm06, "2026-01-01", Restricted, BasisNone, "", false, CauseUndated},
		{"PartyRuleNothingRecorded", catalog.Document{Kind: "national_report"}, rm06, "2026-01-01", Restricted, BasisNone, "", false, CauseNotPublished},
		{"DaysRuleByADayBeforeTheRulesDayIsEarly", by("2016-09-27"), rm07, "2016-09-27", Public, BasisEarly, "2016-09-27", true, CausePublicLatest},
		{"DaysRuleByADayAfterTheRulesDayKeepsTheRulesDay", by("2017-08-01"), rm07, "2017-08-01", Public, BasisAfterAdjournment, "2017-07-06", true, CausePublicLatest},
		// Under the rule of days after adjournment too: before the day by
		// which a source shows it published, the rule's day alone, with
		// nothing said of an earlier publication; and without an
		// adjournment, nothing published.
		{"DaysRuleBeforeAByDayAfterTheRulesDayTheRuleAlone", by("2017-08-01"), rm07, "2017-07-06", Public, BasisAfterAdjournment, "2017-07-06", false, CauseBecamePublic},
		{"DaysRuleBeforeAByDayBeforeTheRulesDayIsScheduledForTheRulesDay", by("2017-06-01"), rm07, "2017-05-31", Scheduled, BasisAfterAdjournment, "2017-07-06", false, CauseBecomesPublic},
		{"DaysRuleByADayBeforeTheRulesDayIsEarlyFromIt", by("2017-06-01"), rm07, "2017-06-01", Public, BasisEarly, "2017-06-01", true, CausePublicLatest},
		{"DaysRuleBeforeAByDayWithoutAdjournment", by("2016-09-27"), open, "2016-09-26", Restricted, BasisNone, "", false, CauseNoAdjournment},
		{"DaysRuleUndatedIsPublicOnTheRulesDayAtTheLatest", undated, rm07, "2017-07-06", Public, BasisAfterAdjournment, "2017-07-06", true, CausePublicLatest},
		{"DaysRuleByADayWithoutAdjournment", by("2016-09-27"), open, "2016-09-27", Public, BasisEarly, "2016-09-27", true, CausePublicLatest},

		{"DaysRuleUndatedWithoutAdjournment", undated, open, "2026-01-01", Restricted, BasisNone, "", false, CauseUndated},
		// A report submitted after the rule's day (a webmaster's review
		// found one public nine days before it was submitted): public from
		// the day it was submitted, not before it existed.
		{"DaysRuleSubmittedAfterTheRulesDayIsPublicFromItsSubmission", catalog.Document{Kind: "national_report", Submitted: date(t, "2017-08-10")}, rm07, "2017-08-10", Public, BasisLateSubmission, "2017-08-10", false, CauseBecamePublic},
		{"DaysRuleSubmittedBeforeTheRulesDayKeepsIt", catalog.Document{Kind: "national_report", Submitted: date(t, "2017-05-10")}, rm07, "2017-07-06", Public, BasisAfterAdjournment, "2017-07-06", false, CauseBecamePublic},
		{"DaysRuleSubmittedAfterTheRulesDayIsNotSubmittedBefore", catalog.Document{Kind: "national_report", Submitted: date(t, "2017-08-10")}, rm07, "2017-08-01", NotSubmitted, "", "", false, CauseBeforeSubmission},
		{"DaysRuleRecordedDayIsNotLatest", catalog.Document{Kind: "national_report", Published: date(t, "2016-09-27")}, rm07, "2016-09-27", Public, BasisEarly, "2016-09-27", false, CauseBecamePublic},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec := Decide(&tt.doc, tt.meeting, rules, date(t, tt.asOf).Start(loc))
			if dec.State != tt.state || dec.Basis != tt.basis || dec.PublicFrom.String() != tt.from && !(tt.from == "" && dec.PublicFrom.IsZero()) ||
				dec.Latest != tt.latest || dec.Cause.Code != tt.cause {
				t.Errorf("got %s, basis %q, from %s, latest %v, cause %s (%s); want %s, %q, %s, %v, %s",
					dec.State, dec.Basis, dec.PublicFrom, dec.Latest, dec.Cause.Code, dec.Reason, tt.state, tt.basis, tt.from, tt.latest, tt.cause)
			}
		})
	}
}

// Before the day a report was submitted, once its meeting's review cycle
// has begun, the reason is the submission's day, which explain says (a
// webmaster's review read "the review cycle of its meeting runs from" a
// day long past); before the cycle began, the cycle's start.
func TestDecideBeforeSubmissionSaysTheDay(t *testing.T) {
	rules := testRules(t)
	loc := vienna(t)
	m := &catalog.Meeting{ID: "rm07", CycleStart: date(t, "2014-04-04"), Opening: date(t, "2017-03-27"), Adjournment: date(t, "2017-04-07")}
	doc := catalog.Document{Kind: "national_report", Submitted: date(t, "2016-08-10")}
	for _, c := range []struct{ asOf, cause, reason string }{
		{"2016-08-01", CauseBeforeSubmission, "not yet submitted: this catalog records it submitted on 10 August 2016"},
		{"2014-01-01", CauseNotYet, "not yet submitted: the review cycle of its meeting runs from 4 April 2014"},
	} {
		dec := Decide(&doc, m, rules, date(t, c.asOf).Start(loc))
		if dec.State != NotSubmitted || dec.Cause.Code != c.cause || !strings.HasPrefix(dec.Reason, c.reason) {
			t.Errorf("as of %s: %s, %s: %q; want not submitted, %s: %q", c.asOf, dec.State, dec.Cause.Code, dec.Reason, c.cause, c.reason)
		}
	}
}

// An objection its party lifts: withheld until the lift, then public from
// it where its day had come (or it had been public, and was withdrawn at
// the objection, kept as its earlier period), else on its day; a lift
// recorded before the objection lifts nothing (fail closed).
func TestDecideObjectionLifted(t *testing.T) {
	rules := testRules(t)
	loc := vienna(t)
	rm07 := &catalog.Meeting{ID: "rm07", Opening: date(t, "2017-03-27"), Adjournment: date(t, "2017-04-07")}
	doc := func(objection, lifted string) catalog.Document {
		return catalog.Document{Kind: "national_report", Objection: date(t, objection), ObjectionLifted: date(t, lifted)}
	}
	takenDown := func(d catalog.Document, on string) catalog.Document {
		d.Withdrawn, d.WithdrawnReason = date(t, on), "replaced"
		return d
	}
	for _, c := range []struct {
		name           string
		doc            catalog.Document
		asOf           string
		state          State
		basis          Basis
		from           string
		earlier, until string
	}{
		{"WithheldUntilTheLift", doc("2017-06-01", "2017-09-01"), "2017-08-31", Withheld, BasisNone, "", "", ""},
		{"PublicFromTheLiftAfterItsDay", doc("2017-06-01", "2017-09-01"), "2017-09-01", Public, BasisObjectionLifted, "2017-09-01", "", ""},
		{"LiftedBeforeItsDayScheduledForIt", doc("2017-06-01", "2017-06-20"), "2017-06-20", Scheduled, BasisAfterAdjournment, "2017-07-06", "", ""},
		{"LiftedBeforeItsDayPublicOnIt", doc("2017-06-01", "2017-06-20"), "2017-07-06", Public, BasisAfterAdjournment, "2017-07-06", "", ""},
		{"WithdrawnAtTheObjection", doc("2017-08-01", "2017-10-01"), "2017-09-30", Withdrawn, BasisAfterAdjournment, "2017-07-06", "", ""},
		{"PublicAgainFromTheLift", doc("2017-08-01", "2017-10-01"), "2017-10-01", Public, BasisObjectionLifted, "2017-10-01", "2017-07-06", "2017-08-01"},
		{"ALiftBeforeTheObjectionLiftsNothing", doc("2017-08-01", "2017-07-20"), "2017-10-01", Withdrawn, BasisAfterAdjournment, "2017-07-06", "", ""},
		// Taken down (withdrawn:) before the lift: it stays down, its one
		// period kept (a review found it turned "restricted").
		{"ATakeDownBeforeTheLiftStays", takenDown(doc("2017-08-01", "2017-10-01"), "2017-08-15"), "2017-10-05", Withdrawn, BasisAfterAdjournment, "2017-07-06", "", ""},
		// Taken down after the lift: withdrawn from its second period.
		{"WithdrawnAfterTheLift", takenDown(doc("2017-08-01", "2017-10-01"), "2017-11-15"), "2017-12-01", Withdrawn, BasisObjectionLifted, "2017-10-01", "2017-07-06", "2017-08-01"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dec := Decide(&c.doc, rm07, rules, date(t, c.asOf).Start(loc))
			if dec.State != c.state || dec.Basis != c.basis || dec.PublicFrom.String() != c.from || dec.Earlier.From.String() != c.earlier || dec.Earlier.Until.String() != c.until {
				t.Errorf("got %s, %q, from %s, earlier %s–%s (%s); want %s, %q, from %s, earlier %s–%s", dec.State, dec.Basis, dec.PublicFrom, dec.Earlier.From, dec.Earlier.Until, dec.Reason, c.state, c.basis, c.from, c.earlier, c.until)
			}
			if c.basis == BasisObjectionLifted && c.state == Public && !strings.Contains(dec.Reason, "after the Contracting Party lifted its objection") {
				t.Errorf("the reason %q does not say the objection was lifted", dec.Reason)
			}
		})
	}
}
