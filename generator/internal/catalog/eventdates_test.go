package catalog

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Days that cannot be right as given, though the catalog is valid: an
// objection received after today, a publication before the meeting's
// review cycle began (the 10th meeting closed on 24 April 2026), an
// objection before its party's own publication. A catalog whose days are
// all possible warns of nothing.
func TestEventDateWarnings(t *testing.T) {
	fsys := twoMeetings(fstest.MapFS{
		"documents/rm10.yaml": {Data: []byte(`meeting: rm10
documents:
  - {kind: national_report, party: peru, submitted: 2026-08-10}
  - {kind: national_report, party: chile, submitted: 2026-07-23}
  - {kind: national_report, party: austria, objection: 2026-08-01, withdrawn: 2026-08-01, withdrawn_reason: x, objection_lifted: 2026-09-01}
  - {kind: national_report, party: japan, submitted: 2026-06-01, objection: 2026-05-20}
  - {kind: national_report, party: mexico, withdrawn: 2026-05-01, withdrawn_reason: x}
  - {kind: national_report, party: norway, objection: 2026-08-01, withdrawn: 2026-09-01, withdrawn_reason: x}
  - {kind: national_report, party: canada, submitted: 2026-08-10, withdrawn: 2026-08-01, withdrawn_reason: x}
  - {kind: national_report, party: iceland, withdrawn: 2026-08-01, withdrawn_reason: x, objection: 2026-08-10}
`)},
		"documents/rm11.yaml": {Data: []byte(`meeting: rm11
documents:
  - {kind: national_report, party: austria, published: 2025-08-01}
  - {kind: national_report, party: canada, objection: 2029-06-01}
  - {kind: national_report, party: japan, published: 2026-09-01, objection: 2026-08-01}
  - {kind: national_report, party: peru, published: 2026-09-01}
  - {kind: national_report, party: chile, published: 2027-01-15}
  - {kind: national_report, party: mexico, submitted: 2026-10-01, published: 2026-09-01}
  - {kind: national_report, party: norway, published: 2026-09-01, withdrawn: 2026-08-01, withdrawn_reason: x}
`)},
	})
	c, err := Load(fsys, "data")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.EventDateWarnings(Date{2026, 12, 3}).Strings(), "\n")
	for _, want := range []string{
		`data/documents/rm11.yaml:3:45: document "rm11-nr-austria": published 2025-08-01 is before meeting "rm11"'s review cycle began (2026-04-24`,
		`data/documents/rm11.yaml:4:44: document "rm11-nr-canada": objection 2029-06-01 is after today (2026-12-03)`,
		`data/documents/rm11.yaml:5:`,
		`document "rm11-nr-japan": objection 2026-08-01 is before its party published it (2026-09-01)`,
		// A publication day to come: scheduled, right where announced.
		`data/documents/rm11.yaml:7:43: document "rm11-nr-chile": published 2027-01-15 is after today (2026-12-03): the document is scheduled for that day, right only if its party announced it`,
		// Days out of the order in which things are done.
		`data/documents/rm11.yaml:8:44: document "rm11-nr-mexico": submitted 2026-10-01 is after its party published it (2026-09-01)`,
		`data/documents/rm11.yaml:9:67: document "rm11-nr-norway": withdrawn 2026-08-01 is before its party published it (2026-09-01)`,
		// Submitted after the rule's day (90 days after 24 April 2026:
		// 23 July): public only from then, right for a late report alone.
		`data/documents/rm10.yaml:3:42: document "rm10-nr-peru": submitted 2026-08-10 is after 2026-07-23, the day its meeting's reports became public under the rule (90 days after it adjourned)`,
		// A lift after a take-down, and an objection before the submission
		// (a webmaster's review found both silent).
		`document "rm10-nr-austria": objection_lifted 2026-09-01 has no effect, as the document was taken down (withdrawn: 2026-08-01)`,
		`document "rm10-nr-japan": objection 2026-05-20 is before its party submitted it (2026-06-01)`,
		// A take-down before the report was public, by the rule or, came
		// late, by its submission; and one while withheld (a webmaster's
		// review found them silent).
		`data/documents/rm10.yaml:7:44: document "rm10-nr-mexico": withdrawn 2026-05-01 is before 2026-07-23, the day it became public under the rule`,
		`data/documents/rm10.yaml:9:67: document "rm10-nr-canada": withdrawn 2026-08-01 is before 2026-08-10, the day it became public under the rule`,
		`data/documents/rm10.yaml:8:67: document "rm10-nr-norway": withdrawn 2026-09-01 is on or after its party's objection (2026-08-01), which already withdrew or withheld it`,
		`document "rm10-nr-iceland": objection 2026-08-10 comes after the document was taken down (withdrawn: 2026-08-01)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "rm11-nr-peru") || strings.Contains(got, "rm10-nr-chile") || strings.Count(got, "\n") != 13 {
		t.Errorf("want fourteen warnings, none of Peru's 11th report nor of Chile's 10th, submitted on the rule's day:\n%s", got)
	}
}

// A document that records a fact with no source for it, neither its own
// nor its file's, is warned of at the fact's line; one whose file gives
// sources for all its documents, or that records nothing, is not.
func TestFactsWithoutASourceAreWarnedOf(t *testing.T) {
	fsys := twoMeetings(fstest.MapFS{
		"documents/rm10.yaml": {Data: []byte(`meeting: rm10
sources: ["A regulator's page"]
documents:
  - {kind: national_report, party: austria, published: 2025-08-01}
`)},
		"documents/rm11.yaml": {Data: []byte(`meeting: rm11
documents:
  - {kind: national_report, party: austria}
  - kind: national_report
    party: canada
    submitted: 2028-08-01
    published: 2028-09-01
  - {kind: national_report, party: japan, published: 2028-09-01, sources: ["Japan's regulator"]}
`)},
	})
	c, err := Load(fsys, "data")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.Warnings.Strings(), "\n")
	want := `data/documents/rm11.yaml:6:5: document "rm11-nr-canada": submitted, published need their source in sources:`
	if !strings.Contains(got, want) || strings.Count(got, "source in sources:") != 1 {
		t.Errorf("warnings: want one, %q:\n%s", want, got)
	}
}

// twoMeetings is a catalog of the 10th and 11th Review Meetings under the
// 90-day rule, with eight parties, and the documents files of docs.
func twoMeetings(docs fstest.MapFS) fstest.MapFS {
	fsys := fstest.MapFS{
		"rules.yaml": {Data: []byte(`timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, rules: [{from: rm10, public: after_adjournment, days: 90, early_publication: true, objection: true}]}
`)},
		"parties.yaml": {Data: []byte(`parties:
  - {id: austria, name: Austria, type: state}
  - {id: canada, name: Canada, type: state}
  - {id: japan, name: Japan, type: state}
  - {id: peru, name: Peru, type: state}
  - {id: chile, name: Chile, type: state}
  - {id: mexico, name: Mexico, type: state}
  - {id: norway, name: Norway, type: state}
  - {id: iceland, name: Iceland, type: state}
`)},
		"meetings.yaml": {Data: []byte(`meetings:
  - {id: rm10, type: review, numbers: [10], title: 10th, opening: 2026-04-13, adjournment: 2026-04-24}
  - {id: rm11, type: review, numbers: [11], title: 11th, opening: 2029-04-16, adjournment: 2029-04-27}
`)},
	}
	for name, f := range docs {
		fsys[name] = f
	}
	return fsys
}

// A documents file copied from another meeting's that keeps its meeting:
// is warned of at that line: named for one meeting, it names another, and
// a second file names that meeting (a webmaster's review started the 11th
// meeting's file from the 10th's, and its report became the 10th's).
func TestADocumentsFileNamingAnotherMeetingIsWarnedOf(t *testing.T) {
	fsys := twoMeetings(fstest.MapFS{
		"documents/rm10.yaml": {Data: []byte("meeting: rm10\ndocuments:\n  - {kind: national_report, party: peru}\n")},
		"documents/rm11.yaml": {Data: []byte("meeting: rm10\ndocuments:\n  - {kind: national_report, party: chile}\n")},
	})
	c, err := Load(fsys, "data")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.Warnings.Strings(), "\n")
	for _, want := range []string{
		`data/documents/rm11.yaml:1:1: meeting: rm10, in a file named for rm11`,
		`data/documents/rm11.yaml:1:1: meeting rm10 is named by data/documents/rm10.yaml too`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "rm10.yaml:1") {
		t.Errorf("the 10th meeting's own file is warned of:\n%s", got)
	}
	// The copy sorting before the meeting's own file: still the copy is
	// the one warned of (the code review found the own file blamed).
	fsys = twoMeetings(fstest.MapFS{
		"documents/rm10.yaml": {Data: []byte("meeting: rm10\ndocuments:\n  - {kind: national_report, party: peru}\n")},
		"documents/em09.yaml": {Data: []byte("meeting: rm10\ndocuments:\n  - {kind: national_report, party: chile}\n")},
	})
	if c, err = Load(fsys, "data"); err != nil {
		t.Fatal(err)
	}
	got = strings.Join(c.Warnings.Strings(), "\n")
	if want := `data/documents/em09.yaml:1:1: meeting rm10 is named by data/documents/rm10.yaml too`; !strings.Contains(got, want) || strings.Contains(got, "rm10.yaml:1") {
		t.Errorf("warnings: want %q and none of rm10.yaml:\n%s", want, got)
	}
}
