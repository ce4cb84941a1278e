package cli

import (
	"encoding/json"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// liftedCatalog has two reports whose party lifted its objection: Aland's
// withheld before its day (6 July 2017) and public from the lift, Borduria's
// public on its day, withdrawn at the objection and public again from the
// lift.
func liftedCatalog(t testing.TB) string {
	return rm07Catalog(t, `  - {kind: national_report, party: aland, objection: 2017-06-01, objection_lifted: 2017-09-01}
  - {kind: national_report, party: borduria, objection: 2017-08-01, objection_lifted: 2017-10-01}
`)
}

// rm07Catalog is a catalog of Aland and Borduria at a 7th meeting that
// adjourned on 7 April 2017 (the 90-day day: 6 July), with docs, the
// documents of its file after "documents:", under a source of the file.
func rm07Catalog(t testing.TB, docs string) string {
	return writeCatalog(t, map[string]string{
		"parties.yaml":        "parties:\n  - {id: aland, name: Aland, type: state}\n  - {id: borduria, name: Borduria, type: state}\n  - {id: cordova, name: Cordova, type: state}\n",
		"meetings.yaml":       "meetings:\n  - {id: rm07, type: review, numbers: [7], title: 7th Review Meeting, opening: 2017-03-27, adjournment: 2017-04-07}\n",
		"documents/rm07.yaml": "meeting: rm07\nsources: [\"test fixture\"]\ndocuments:\n" + docs,
	})
}

// An objection its party lifts can be recorded (objection_lifted): the
// report is public from the lift, its page, history, open data and feed
// say so, a report withdrawn at the objection keeps its earlier period in
// its history, and explain gives the fact; before the lift, withheld and
// withdrawn as before.
func TestALiftedObjectionMakesTheReportPublicAgain(t *testing.T) {
	data := liftedCatalog(t)
	out := buildData(t, data, "2017-12-01")
	page := func(id string) string {
		return html.UnescapeString(text(t, filepath.Join(out, "documents", id, "index.html")))
	}
	for id, wants := range map[string][]string{
		"rm07-nr-aland": {"Status Public Became public on 1 September 2017 (after the Contracting Party lifted its objection).", "Basis After the Contracting Party lifted its objection",
			"History 1 September 2017 : Became public (after the Contracting Party lifted its objection)."},
		"rm07-nr-borduria": {"Status Public Became public on 1 October 2017 (after the Contracting Party lifted its objection).",
			"6 July 2017 : Became public (90 days after the meeting adjourned). 1 August 2017 : Withdrawn from publication. 1 October 2017 : Became public (after the Contracting Party lifted its objection)."},
	} {
		got := page(id)
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s's page does not say %q:\n%s", id, want, got)
			}
		}
	}
	var docs struct {
		Documents []struct {
			ID, State, Basis string
			PublicFrom       string `json:"public_from"`
			// The first period of a report public twice (a journalist's
			// file had only the second).
			EarlierFrom  string `json:"earlier_public_from"`
			EarlierUntil string `json:"earlier_withdrawn_on"`
			EarlierBasis string `json:"earlier_basis"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "documents.json"))), &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs.Documents {
		if want := map[string]string{"rm07-nr-aland": "2017-09-01", "rm07-nr-borduria": "2017-10-01"}[d.ID]; d.State != "public" || d.Basis != "objection_lifted" || d.PublicFrom != want {
			t.Errorf("documents.json: %s %s, %s, from %s; want public, objection_lifted, from %s", d.ID, d.State, d.Basis, d.PublicFrom, want)
		}
		want := map[string]string{"rm07-nr-borduria": "2017-07-06 2017-08-01 after_adjournment"}[d.ID]
		if got := strings.TrimSpace(d.EarlierFrom + " " + d.EarlierUntil + " " + d.EarlierBasis); got != want {
			t.Errorf("documents.json: %s's earlier period is %q, want %q", d.ID, got, want)
		}
	}
	if csv := read(t, filepath.Join(out, "documents.csv")); !strings.Contains(csv, ",2017-07-06,2017-08-01,after_adjournment,false,false,false,\n") {
		t.Errorf("documents.csv does not give Borduria's earlier period:\n%s", csv)
	}
	// Its page leads to the ledger on the day it first became public.
	if page := read(t, filepath.Join(out, "documents", "rm07-nr-borduria", "index.html")); !strings.Contains(page, "?on=2017-07-06#doc-rm07-nr-borduria") {
		t.Errorf("Borduria's page does not lead to the ledger of 6 July 2017, the day it first became public")
	}
	// When the reports became public: Borduria's on the rule's day, its
	// first time; Aland's later, from the lift (a journalist found a
	// report public on the rule's day counted "later" once public again).
	if csv := read(t, filepath.Join(out, "data", "figures", "publication-timing.csv")); !strings.Contains(csv, "\nrm07,7th Review Meeting,0,1,1,0,0,0,2,2017-07-06,90\n") {
		t.Errorf("publication-timing.csv does not count Borduria on the rule's day and Aland later:\n%s", csv)
	}
	// The calendar says, in words, that the first period ended and that
	// the second began at the lift (a journalist read an ISO day, and a
	// republication as a first publication).
	ics := strings.ReplaceAll(read(t, filepath.Join(out, "calendar.ics")), "\r\n ", "")
	for _, want := range []string{"(withdrawn on 1 August 2017)", `Borduria: National Report\, 7th Review Meeting (after the Contracting Party lifted its objection)`} {
		if !strings.Contains(ics, want) {
			t.Errorf("calendar.ics does not say %q:\n%s", want, ics)
		}
	}
	// The feed: one entry a change, each with its own id.
	feed := read(t, filepath.Join(out, "feed.atom"))
	for _, want := range []string{"Borduria: National Report, 7th Review Meeting: public", "Borduria: National Report, 7th Review Meeting: withdrawn"} {
		if n := strings.Count(feed, "<title>"+want+"</title>"); n != map[bool]int{true: 2, false: 1}[strings.HasSuffix(want, "public")] {
			t.Errorf("the feed has %d entries %q", n, want)
		}
	}
	// Its withdrawal says why, as its page does (a webmaster's review
	// found the entry saying only that it was withdrawn).
	if want := "<summary type=\"text\">Withdrawn from publication. The Contracting Party objected to its publication.</summary>"; !strings.Contains(feed, want) {
		t.Errorf("the feed does not say why Borduria's report was withdrawn (%s):\n%s", want, feed)
	}
	ids := regexp.MustCompile(`<id>(urn:uuid:[^<]+)</id>`).FindAllStringSubmatch(feed, -1)
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id[1]] {
			t.Errorf("the feed has two entries of id %s", id[1])
		}
		seen[id[1]] = true
	}
	r := run(t, nil, "explain", "--data", data, "--as-of", "2017-12-01", "rm07-nr-borduria")
	if !strings.Contains(r.stdout, "fact: objection lifted: 1 October 2017") || !strings.Contains(r.stdout, "after the Contracting Party lifted its objection") ||
		!strings.Contains(r.stdout, "earlier:     public from 6 July 2017 (90 days after the meeting adjourned) to 1 August 2017, when its party's objection withdrew it") {
		t.Errorf("explain does not give the lifted objection:\n%s%s", r.stdout, r.stderr)
	}
	// Before the lifts: withheld, and withdrawn.
	before := buildData(t, data, "2017-08-15")
	for id, want := range map[string]string{"rm07-nr-aland": "Withheld", "rm07-nr-borduria": "Withdrawn"} {
		if got := html.UnescapeString(text(t, filepath.Join(before, "documents", id, "index.html"))); !strings.Contains(got, want) || strings.Contains(got, "lifted") {
			t.Errorf("%s as of 15 August 2017: want %s, and nothing of a lift:\n%s", id, want, got)
		}
	}
	// explain gives the webmaster the change the recorded lift makes (it
	// said "none known").
	for id, want := range map[string]string{"rm07-nr-aland": "next change: 1 September 2017 (00:00 Europe/Vienna): public, by the fact this catalog records for that day (objection lifted)",
		"rm07-nr-borduria": "next change: 1 October 2017 (00:00 Europe/Vienna): public, by the fact"} {
		if r := run(t, nil, "explain", "--data", data, "--as-of", "2017-08-15", id); !strings.Contains(r.stdout, want) {
			t.Errorf("explain %s as of 15 August 2017 does not say %q:\n%s%s", id, want, r.stdout, r.stderr)
		}
	}
}

// A report its party objected to and cleared before its day is public on
// that day; its history says only that, as its past days show it not
// public before (a history saying it was due from the adjournment had it
// scheduled on days its past, resting on the objection, shows it not
// public). Its feed has no entry of a schedule either.
func TestAReportClearedBeforeItsDayHasNoScheduleInItsHistory(t *testing.T) {
	data := rm07Catalog(t, `  - {kind: national_report, party: aland, objection: 2017-05-01, objection_lifted: 2017-06-01}
  - {kind: national_report, party: borduria, objection: 2017-05-01, objection_lifted: 2017-09-01}
`)
	for asOf, want := range map[string]string{
		"2017-12-01": "History 6 July 2017 : Became public (90 days after the meeting adjourned).",
		"2017-06-15": "Status Scheduled",
	} {
		out := buildData(t, data, asOf)
		got := html.UnescapeString(text(t, filepath.Join(out, "documents", "rm07-nr-aland", "index.html")))
		if !strings.Contains(got, want) || strings.Contains(got, "The meeting adjourned; the document is due") {
			t.Errorf("as of %s, Aland's page does not say %q, or says it was due from the adjournment:\n%s", asOf, want, got)
		}
		if feed := read(t, filepath.Join(out, "feed.atom")); strings.Contains(feed, "Aland: National Report, 7th Review Meeting: scheduled") {
			t.Errorf("as of %s, the feed has Aland's report scheduled at the adjournment", asOf)
		}
	}
}

// A report public twice whose first period began on the rule's day, at a
// meeting that counts more reports published early than the catalog
// dates, may have been public earlier then too: its history and the open
// data say "at the latest" of that day, as of a report public once (a
// code review found earlier_public_from_latest false there).
func TestAnEarlierPeriodKeepsItsMarks(t *testing.T) {
	data := writeCatalog(t, map[string]string{
		"parties.yaml":        "parties:\n  - {id: aland, name: Aland, type: state}\n  - {id: borduria, name: Borduria, type: state}\n",
		"meetings.yaml":       "meetings:\n  - {id: rm07, type: review, numbers: [7], title: 7th Review Meeting, opening: 2017-03-27, adjournment: 2017-04-07, national_reports_public_early: 5}\n",
		"documents/rm07.yaml": "meeting: rm07\nsources: [\"test fixture\"]\ndocuments:\n  - {kind: national_report, party: aland}\n  - {kind: national_report, party: borduria, objection: 2017-08-01, objection_lifted: 2017-10-01}\n",
	})
	out := buildData(t, data, "2017-12-01")
	var docs struct {
		Documents []struct {
			ID            string
			Latest        bool   `json:"public_from_latest"`
			EarlierFrom   string `json:"earlier_public_from"`
			EarlierLatest bool   `json:"earlier_public_from_latest"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "documents.json"))), &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs.Documents {
		switch d.ID {
		case "rm07-nr-aland":
			if !d.Latest {
				t.Errorf("documents.json: Aland's day is not the latest")
			}
		case "rm07-nr-borduria":
			if d.EarlierFrom != "2017-07-06" || !d.EarlierLatest {
				t.Errorf("documents.json: Borduria's earlier period from %q, latest %v; want 2017-07-06, true", d.EarlierFrom, d.EarlierLatest)
			}
		}
	}
	// Its history says its first day is the latest, and its note why,
	// of that day.
	if got := html.UnescapeString(text(t, filepath.Join(out, "documents", "rm07-nr-borduria", "index.html"))); !strings.Contains(got, "6 July 2017 : Public by this day at the latest") || !strings.Contains(got, "This report may have been public before 6 July 2017") {
		t.Errorf("Borduria's history does not say its first day is the latest, or its note why:\n%s", got)
	}
}

// explain's next change is the first of the rule's day and the days of
// facts recorded ahead: a scheduled report whose party's objection is
// recorded for a day before its public day turns withheld then, not
// public (a code review found explain giving the rule's day alone).
func TestExplainGivesTheFirstChangeAhead(t *testing.T) {
	data := rm07Catalog(t, `  - {kind: national_report, party: aland, objection: 2017-06-01}
  - {kind: national_report, party: borduria}
  - {kind: national_report, party: cordova, published: 2017-05-20}
`)
	for id, want := range map[string]string{
		"rm07-nr-aland":    "next change: 1 June 2017 (00:00 Europe/Vienna): withheld, by the fact this catalog records for that day (objection)",
		"rm07-nr-borduria": "next change: 6 July 2017 (00:00 Europe/Vienna)\n",
		// A day its party announced is the rule's own change, which its
		// page gives (a review found it called a fact pages do not show).
		"rm07-nr-cordova": "next change: 20 May 2017 (00:00 Europe/Vienna)\n",
	} {
		if r := run(t, nil, "explain", "--data", data, "--as-of", "2017-05-15", id); !strings.Contains(r.stdout, want) {
			t.Errorf("explain %s as of 15 May 2017 does not say %q:\n%s%s", id, want, r.stdout, r.stderr)
		}
	}
}

// A report scheduled before its meeting adjourns gives its basis in the
// future ("90 days after the meeting adjourns"); once it has, in the past
// (a webmaster's review found "adjourned" of a meeting to come).
func TestABasisBeforeTheAdjournmentIsToCome(t *testing.T) {
	data := rm07Catalog(t, "  - {kind: national_report, party: aland}\n")
	for asOf, want := range map[string]string{"2017-03-01": "Basis 90 days after the meeting adjourns", "2017-05-01": "Basis 90 days after the meeting adjourned"} {
		out := buildData(t, data, asOf)
		if got := html.UnescapeString(text(t, filepath.Join(out, "documents", "rm07-nr-aland", "index.html"))); !strings.Contains(got, want) {
			t.Errorf("as of %s, Aland's page does not say %q:\n%s", asOf, want, got)
		}
	}
}

// A lift with no objection, or not after it, is an error at its line.
func TestALiftWithoutItsObjectionIsAnError(t *testing.T) {
	data := rm07Catalog(t, `  - {kind: national_report, party: aland, objection_lifted: 2017-09-01}
  - {kind: national_report, party: borduria, objection: 2017-08-01, objection_lifted: 2017-08-01}
`)
	r := run(t, nil, "check", "--data", data, "--as-of", "2017-12-01")
	for _, want := range []string{
		`rm07.yaml:4:`, `document "rm07-nr-aland": objection_lifted needs the objection it lifts`,
		`rm07.yaml:5:`, `document "rm07-nr-borduria": objection_lifted 2017-08-01 is not after the objection of 2017-08-01`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("check does not say %q:\n%s", want, r.stderr)
		}
	}
	if r.code != ExitData {
		t.Errorf("check exited %d, want %d", r.code, ExitData)
	}
}

// A report submitted after its meeting adjourned has no step scheduled at
// the adjournment, when it did not exist yet; one submitted after the
// rule's day is public from its submission, on a basis that says so
// (the code review found "90 days after the meeting adjourned" of a day
// 108 days after).
func TestAReportSubmittedAfterTheMeetingHasNoStepBeforeIt(t *testing.T) {
	data := rm07Catalog(t, `  - {kind: national_report, party: aland, submitted: 2017-05-10}
  - {kind: national_report, party: borduria, submitted: 2017-08-10}
`)
	out := buildData(t, data, "2017-12-01")
	for id, want := range map[string]string{
		"rm07-nr-aland":    "History 10 May 2017 : Submitted by its Contracting Party. 6 July 2017 : Became public (90 days after the meeting adjourned).",
		"rm07-nr-borduria": "History 10 August 2017 : Submitted by its Contracting Party. 10 August 2017 : Became public (submitted after the day the rule set, public from its submission).",
	} {
		if got := html.UnescapeString(text(t, filepath.Join(out, "documents", id, "index.html"))); !strings.Contains(got, want) || strings.Contains(got, "The meeting adjourned;") {
			t.Errorf("%s: want %q, and no step at the adjournment:\n%s", id, want, got)
		}
	}
	// Before it came, the ledger says the report is not yet submitted, as
	// its page does, not a bare "Not submitted" (a journalist read it as
	// never submitted).
	early := buildData(t, data, "2017-07-15")
	if got := html.UnescapeString(text(t, filepath.Join(early, "documents", "index.html"))); !strings.Contains(got, "Not submitted not yet submitted") {
		t.Errorf("the ledger as of 15 July 2017 does not say Borduria's report is not yet submitted:\n%s", got)
	}
	// Before it came, explain gives the day the late report becomes
	// public (it said "none known").
	if r := run(t, nil, "explain", "--data", data, "--as-of", "2017-07-15", "rm07-nr-borduria"); !strings.Contains(r.stdout, "next change: 10 August 2017 (00:00 Europe/Vienna): public, by the fact this catalog records for that day (submitted)") {
		t.Errorf("explain as of 15 July 2017 does not give the late submission's change:\n%s%s", r.stdout, r.stderr)
	}
}

// A page the meeting's own sources cite is cited once on its page, though
// a count of the Contracting Parties cites it too, in other words (a
// journalist's review found one ENSI page listed twice).
func TestAMeetingsPageCitesAPageOnce(t *testing.T) {
	data := writeCatalog(t, map[string]string{
		"parties.yaml": `counts:
  - day: 2017-01-01
    count: 2
    sources: ["Regulator 'News' (2017), https://regulator.example/news/1 (2 Contracting Parties)"]
parties:
  - {id: aland, name: Aland, type: state}
  - {id: borduria, name: Borduria, type: state}
`,
		"meetings.yaml": `meetings:
  - id: rm07
    type: review
    numbers: [7]
    title: 7th Review Meeting
    opening: 2017-09-27
    adjournment: 2017-10-07
    sources: ["Regulator 'News' (2017), https://regulator.example/news/1 (the meeting's days)"]
`,
		"documents/rm07.yaml": "meeting: rm07\nsources: [\"test fixture\"]\ndocuments:\n  - {kind: national_report, party: aland}\n",
	})
	out := buildData(t, data, "2017-12-01")
	if n := strings.Count(read(t, filepath.Join(out, "meetings", "rm07", "index.html")), "https://regulator.example/news/1"); n != 1 {
		t.Errorf("the meeting's page cites the regulator's page %d times, want once", n)
	}
}

// A report withheld after a late submission: its page says its party
// objected, not "before" a day it was due that is its hidden submission
// (a webmaster's review); at a rule's day, the day.
func TestAWithheldLateReportShowsNoHiddenDay(t *testing.T) {
	data := rm07Catalog(t, `  - {kind: national_report, party: aland, submitted: 2017-08-10, objection: 2017-08-10}
  - {kind: national_report, party: borduria, objection: 2017-06-01}
`)
	out := buildData(t, data, "2017-09-01", "--languages", "en,fr")
	for id, want := range map[string]string{
		"rm07-nr-aland":    "The Contracting Party objected to its publication.",
		"rm07-nr-borduria": "The Contracting Party objected before 6 July 2017, the day it was due to become public.",
	} {
		got := html.UnescapeString(text(t, filepath.Join(out, "documents", id, "index.html")))
		if !strings.Contains(got, want) || strings.Contains(got, "August 2017") || strings.Contains(got, "1 June 2017") {
			t.Errorf("%s: want %q and no hidden day:\n%s", id, want, got)
		}
	}
	if got := html.UnescapeString(text(t, filepath.Join(out, "fr", "documents", "rm07-nr-aland", "index.html"))); !strings.Contains(got, "a formulé une objection à sa publication") || strings.Contains(got, "août 2017") {
		t.Errorf("the French page of Aland's report: %s", got)
	}
}

// A withdrawn report says why in its feed entry and in the open data, as
// its page does: the catalog's reason for a take-down, or its party's
// objection (a webmaster's review found the reason on the page alone).
func TestAWithdrawnReportSaysWhyInTheFeedAndTheOpenData(t *testing.T) {
	data := rm07Catalog(t, `  - {kind: national_report, party: borduria, objection: 2017-08-01}
  - {kind: national_report, party: cordova, withdrawn: 2017-08-15, withdrawn_reason: "Its Contracting Party sent a corrected version"}
`)
	out := buildData(t, data, "2017-09-01")
	reasons := map[string]string{
		"rm07-nr-borduria": "The Contracting Party objected to its publication.",
		"rm07-nr-cordova":  "Its Contracting Party sent a corrected version",
	}
	feed := read(t, filepath.Join(out, "feed.atom"))
	for id, reason := range reasons {
		if want := "Withdrawn from publication. " + strings.TrimSuffix(reason, ".") + "."; !strings.Contains(feed, "<summary type=\"text\">"+want+"</summary>") {
			t.Errorf("the feed does not say why %s was withdrawn (%q):\n%s", id, want, feed)
		}
	}
	var docs struct {
		Documents []struct {
			ID, State string
			Reason    string `json:"withdrawn_reason"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "documents.json"))), &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs.Documents {
		if d.Reason != reasons[d.ID] || (d.State == "withdrawn") != (reasons[d.ID] != "") {
			t.Errorf("documents.json: %s is %s, withdrawn_reason %q; want %q", d.ID, d.State, d.Reason, reasons[d.ID])
		}
	}
	if csv := read(t, filepath.Join(out, "documents.csv")); !strings.Contains(csv, ",Its Contracting Party sent a corrected version\n") {
		t.Errorf("documents.csv does not end Cordova's row with its reason:\n%s", csv)
	}
	// Its page gives no source, and says why (a journalist found none,
	// where /about/ says each fact names its source).
	for id := range reasons {
		page := text(t, filepath.Join(out, "documents", id, "index.html"))
		if !strings.Contains(page, "Sources The sources of its facts are not shown while it is not public") || strings.Contains(page, "test fixture") {
			t.Errorf("%s's page does not say why it shows no source, or shows one:\n%s", id, page)
		}
	}
}
