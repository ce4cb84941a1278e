package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A rule the catalog assumes for a meeting, no source stating it for it
// (assumed: true in rules.yaml), sets days the pages must not pass off as
// recorded ones: the document's status and the meeting's rule sentence
// say the day follows from the rule, in every language built; the open
// data flag the day (public_from_assumed) and the meeting's rule
// (reports_rule_assumed); explain names it; a meeting under a rule a
// source states says none of it.
// jointMeetingSite builds the fixture, with the 7th meeting's rule assumed
// for the meetings after it, National Reports numbered by round, and two
// reports of the joint meeting: Japan's 9th, and France's, recorded without
// saying which round it is; as of 2023-07-01 (the rule's day passed), in
// English and French. It returns the catalog and the site.
func jointMeetingSite(t *testing.T) (data, out string) {
	t.Helper()
	return jointMeetingBuild(t, "  - kind: national_report\n    party: france\n  - kind: national_report\n    party: japan\n    report: 9\n")
}

// jointMeetingBuild builds jointMeetingSite's catalog with docs as the
// joint meeting's documents. The assumed rule is the 7th meeting's (90
// days, early publication, objection), from the meeting after it.
func jointMeetingBuild(t *testing.T, docs string) (data, out string) {
	t.Helper()
	dir := t.TempDir()
	data = filepath.Join(dir, "data")
	copyTree(t, fixture, data)
	edit(t, filepath.Join(data, "rules.yaml"), "      - from: rm07\n        public: after_adjournment\n", "      - from: rm07\n        until: rm07\n        public: after_adjournment\n        days: 90\n        early_publication: true\n        objection: true\n      - from: rm08-09\n        assumed: true\n        note: No source read states this rule for the later meetings.\n        public: after_adjournment\n")
	edit(t, filepath.Join(data, "rules.yaml"), "    label: National Report\n", "    label: National Report\n    numbered: true\n")
	if err := os.WriteFile(filepath.Join(data, "documents", "rm08-09.yaml"), []byte("meeting: rm08-09\ndocuments:\n"+docs), 0o644); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "public")
	if r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), "--as-of", "2023-07-01", "--languages", "en,fr")...); r.code != 0 {
		t.Fatalf("build exited %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	return data, out
}

// A report its party published on a day no source gives, at a meeting
// whose rule the catalog assumes, is public by the rule's day at the
// latest: the feed's entry and the calendar's event say both, that the day
// is one by which it was public and that an assumed rule sets it (a
// reader's review found the entry saying only the first).
func TestADayAtTheLatestOfAnAssumedRuleSaysBoth(t *testing.T) {
	_, out := jointMeetingBuild(t, "  - kind: national_report\n    party: japan\n    report: 9\n    published_undated: true\n    sources: [\"A page of the party (test)\"]\n")
	at := func(rel string) string { return read(t, filepath.Join(out, filepath.FromSlash(rel))) }
	want := "Japan: National Report no. 9, Joint 8th and 9th Review Meeting: public by this day at the latest (the day set by a rule that no source states for its meeting)"
	if !strings.Contains(at("feed.atom"), want) {
		t.Errorf("the feed has no entry %q", want)
	}
	// Folded lines unfolded, and the commas of text unescaped (RFC 5545).
	ics := strings.NewReplacer("\r\n ", "", "\n ", "", `\,`, ",").Replace(at("calendar.ics"))
	if want := "SUMMARY:Japan: National Report no. 9, Joint 8th and 9th Review Meeting public by this day at the latest (the day set by a rule that no source states for its meeting)"; !strings.Contains(ics, want) {
		t.Errorf("the calendar has no event %q", want)
	}
}

func TestAnAssumedRulesDaysSaySo(t *testing.T) {
	data, out := jointMeetingSite(t)
	at := func(rel string) string { return read(t, filepath.Join(out, filepath.FromSlash(rel))) }
	en := "This day follows from a rule the catalog applies to this meeting, though no source read states the rule for it"
	fr := "Cette date découle d&#39;une règle que le catalogue applique à cette réunion"
	// Both reports on the rule's day: the calendar's event of the two says
	// the day is an assumed rule's in its summary, as one report's does.
	ics := strings.NewReplacer("\r\n ", "", "\n ", "", `\,`, ",").Replace(at("calendar.ics"))
	if want := "SUMMARY:2 documents became public (the day set by a rule that no source states for their meeting)"; !strings.Contains(ics, want) {
		t.Errorf("the calendar has no event %q", want)
	}
	for page, want := range map[string]string{
		"documents/rm08-09-nr-france/index.html":    en,
		"meetings/rm08-09/index.html":               en,
		"fr/documents/rm08-09-nr-france/index.html": fr,
		"fr/meetings/rm08-09/index.html":            fr,
	} {
		if !strings.Contains(at(page), want) {
			t.Errorf("%s does not say %q", page, want)
		}
	}
	for _, page := range []string{"documents/rm07-nr-albania/index.html", "meetings/rm07/index.html"} {
		if strings.Contains(at(page), en) {
			t.Errorf("%s, under a rule a source states, says %q", page, en)
		}
	}
	// Lists too say the day is the rule's if it applied, not a bare "since
	// D" (a journalist read "Public since 23 July 2026" as a fact): the
	// ledger, the meeting's grid and map, in both languages; a day a
	// source's rule sets, plainly.
	for page, want := range map[string]string{
		"documents/index.html":        "since <time datetime=\"2023-06-29\">29 June 2023</time>, if the rule applied",
		"meetings/rm08-09/index.html": "since 29 June 2023, if the rule applied",
		"fr/documents/index.html":     "depuis le <time datetime=\"2023-06-29\">29 juin 2023</time>, si la règle s'applique",
	} {
		if !strings.Contains(at(page), want) {
			t.Errorf("%s does not say %q", page, want)
		}
	}
	// (Templates and the search box's strings hold the words for the
	// script, which shows them only of a document marked so.)
	if s := at("meetings/rm07/index.html"); strings.Contains(s, " data-assumed") || strings.Contains(regexp.MustCompile(`(?s)<template.*?</template>| data-search-strings="[^"]*"`).ReplaceAllString(s, ""), "if the rule applied") {
		t.Error("the 7th meeting's page, under a rule a source states, qualifies its reports' day")
	}
	if s := at("meetings/rm08-09/index.html"); !strings.Contains(s, `data-map-phrase="public-assumed"`) || !strings.Contains(s, " data-assumed") {
		t.Error("the joint meeting's page lacks what a past day says of a day an assumed rule sets")
	}
	// The timeline's step says it too, not only the sentence below it (a
	// journalist read the step as a fact).
	step := regexp.MustCompile(`National Reports became public<span class="tl-when"> \(a day worked out from the rule the catalog applies; no source gives it\)</span>`)
	if !step.MatchString(at("meetings/rm08-09/index.html")) {
		t.Error("the joint meeting's timeline does not say its reports' day is worked out from an assumed rule")
	}
	if s := at("meetings/rm07/index.html"); !strings.Contains(s, "National Reports became public") || strings.Contains(s, "a day worked out from the rule") {
		t.Error("the 7th meeting's timeline, under a rule a source states, lacks its step or says it is worked out from an assumed rule")
	}

	var docs struct {
		Documents []struct {
			ID      string `json:"id"`
			State   string `json:"state"`
			Assumed bool   `json:"public_from_assumed"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(at("documents.json")), &docs); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, d := range docs.Documents {
		want := strings.HasPrefix(d.ID, "rm08-09-")
		if d.Assumed != want {
			t.Errorf("documents.json: %s (%s) public_from_assumed %v, want %v", d.ID, d.State, d.Assumed, want)
		}
		if want {
			seen++
		}
	}
	if seen != 2 {
		t.Errorf("documents.json holds %d documents of rm08-09, want 2", seen)
	}
	var meetings struct {
		Meetings []struct {
			ID      string `json:"id"`
			Assumed bool   `json:"reports_rule_assumed"`
		} `json:"meetings"`
	}
	if err := json.Unmarshal([]byte(at("meetings.json")), &meetings); err != nil {
		t.Fatal(err)
	}
	for _, m := range meetings.Meetings {
		if want := m.ID == "rm08-09"; m.Assumed != want {
			t.Errorf("meetings.json: %s reports_rule_assumed %v, want %v", m.ID, m.Assumed, want)
		}
	}
	// The feed's entry and the calendar's event say it too.
	if !strings.Contains(at("feed.atom"), "Japan: National Report no. 9, Joint 8th and 9th Review Meeting: public on the day set by a rule that no source states for its meeting") {
		t.Error("the feed's entry of Japan's 9th report does not say its day is an assumed rule's")
	}
	if ics := strings.NewReplacer("\r\n ", "", "\n ", "").Replace(at("calendar.ics")); !strings.Contains(ics, "(on the day set by a rule that no source states for its meeting)") {
		t.Error("the calendar's event does not say its day is an assumed rule's")
	}
	if !strings.Contains(at("documents.csv"), ",public_from_latest,public_from_assumed") {
		t.Error("documents.csv has no public_from_assumed column")
	}

	r := run(t, nil, "explain", "--data", data, "--as-of", "2023-07-01", "rm08-09-nr-france")
	if !strings.Contains(r.stdout, "rule assumed:") {
		t.Errorf("explain does not say the rule is assumed:\n%s%s", r.stdout, r.stderr)
	}
}

// At a meeting that reviewed two rounds of National Reports, a report that
// does not say which round it is says so on its page, in each language: a
// reader who lands on it must not take it for the party's one report of
// the meeting (a reader's review). A report of a meeting of one round
// says nothing of it.
func TestAReportOfAJointMeetingWithoutItsRoundSaysSo(t *testing.T) {
	_, out := jointMeetingSite(t)
	for page, want := range map[string][]string{
		"documents/rm08-09-nr-france/index.html":    {"National Report, which one not recorded", "This meeting could review more than one report of a Contracting Party; this catalog does not record which one this is."},
		"fr/documents/rm08-09-nr-france/index.html": {"Cette réunion pouvait examiner plus d&#39;un rapport d&#39;une même Partie contractante"},
	} {
		b, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s does not say %q", page, w)
			}
		}
	}
	// The meeting's map names the round of the report it shows.
	if m, err := os.ReadFile(filepath.Join(out, "meetings", "rm08-09", "index.html")); err != nil {
		t.Fatal(err)
	} else if !strings.Contains(string(m), "National Report no. 9: Public") {
		t.Error("the joint meeting's map does not name Japan's report as its 9th")
	}
	b, err := os.ReadFile(filepath.Join(out, "documents", "rm07-nr-france", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "doc-round-unknown") {
		t.Error("the 7th meeting's report, of a meeting of one round, says its round is not recorded")
	}
}
