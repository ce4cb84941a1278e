package disclosure_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/sitecontent"
)

// recordCatalog has three meetings: the 6th (reports public when their
// party published them), the 7th (the 90-day rule) and a later one with no
// documents yet; and a public document for each place to read it.
var recordCatalog = fstest.MapFS{
	"rules.yaml": {Data: []byte(`timezone: Europe/Vienna
kinds:
  - kind: national_report
    slug: nr
    label: National Report
    per_party: true
    rules:
      - {from: rm06, until: rm06, public: party_publication}
      - {from: rm07, public: after_adjournment, days: 90, early_publication: true, objection: true}
  - kind: questions_answers
    slug: qa
    label: Questions and Answers
    per_party: true
    rules:
      - {from: rm07, public: after_adjournment, days: 90}
`)},
	"parties.yaml": {Data: []byte(`parties:
  - {id: aland, name: Aland, type: state}
  - {id: borduria, name: Borduria, type: state, reports_url: "https://borduria.example/cns"}
  - {id: carpania, name: Carpania, type: state}
  - {id: dorado, name: Dorado, type: state}
`)},
	"meetings.yaml": {Data: []byte(`meetings:
  - {id: rm06, type: review, title: 6th Review Meeting, opening: 2014-03-24, adjournment: 2014-04-04, documents_url: "https://iaea.example/rm06"}
  - {id: rm07, type: review, title: 7th Review Meeting, opening: 2017-03-27, adjournment: 2017-04-07, documents_site: {url: "https://site.example/", kind: national_report}}
  - {id: rm08, type: review, title: 8th Review Meeting, opening: 2020-04-01}
`)},
	"documents/rm06.yaml": {Data: []byte(`meeting: rm06
documents:
  - {kind: national_report, party: aland, published: 2014-09-01, url: "https://aland.example/nr6.pdf"}
  - {kind: national_report, party: borduria, published: 2014-10-01}
  - {kind: national_report, party: carpania, url: "https://carpania.example/nr6-secret.pdf"}
`)},
	"documents/rm07.yaml": {Data: []byte(`meeting: rm07
documents:
  - {kind: national_report, party: dorado}
  - {kind: national_report, party: borduria}
  - {kind: national_report, party: aland, published: 2017-01-10}
  - {kind: national_report, party: carpania, objection: 2017-05-01, url: "https://carpania.example/nr7-secret.pdf"}
  - {kind: questions_answers, party: dorado}
`)},
}

func recordView(t *testing.T, at time.Time) (*catalog.Catalog, *disclosure.View, disclosure.Input) {
	t.Helper()
	c, err := catalog.Load(recordCatalog, "data")
	if err != nil {
		t.Fatal(err)
	}
	in := disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at, SiteTitle: "T"}
	return c, disclosure.NewView(in), in
}

// Issue 12: every public document's page says where to read it, best
// first; a document that is not public says nothing of where it is.
func TestEveryPublicDocumentSaysWhereToReadIt(t *testing.T) {
	c, v, _ := recordView(t, time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC))
	want := map[string]disclosure.ReadAt{
		"rm06-nr-aland":    {Kind: disclosure.ReadOfficialCopy, URL: "https://aland.example/nr6.pdf"},
		"rm06-nr-borduria": {Kind: disclosure.ReadMeetingDocuments, URL: "https://iaea.example/rm06", Of: "6th Review Meeting"},
		"rm07-nr-borduria": {Kind: disclosure.ReadPartyReports, URL: "https://borduria.example/cns", Of: "Borduria"},
		// The 7th meeting names the site of all its National Reports:
		// after a party's own page, before nothing known; a document of
		// another kind is not sent there.
		"rm07-nr-dorado": {Kind: disclosure.ReadMeetingSite, URL: "https://site.example/", Of: "7th Review Meeting"},
		"rm07-nr-aland":  {Kind: disclosure.ReadMeetingSite, URL: "https://site.example/", Of: "7th Review Meeting"},
		"rm07-qa-dorado": {Kind: disclosure.ReadUnknown},
	}
	for _, d := range c.Documents {
		page, _ := v.Page(d)
		w, public := want[d.ID]
		switch {
		case public && (page.State != "public" || page.ReadAt == nil || *page.ReadAt != w):
			t.Errorf("%s: state %s, read at %+v; want public, read at %+v", d.ID, page.State, page.ReadAt, w)
		case !public && (page.State == "public" || page.ReadAt != nil || page.OfficialURL != ""):
			t.Errorf("%s: state %s, read at %+v, official %q; want not public and nothing of where to read it", d.ID, page.State, page.ReadAt, page.OfficialURL)
		}
	}
}

// Every decided page names the version of the rule that decided it, and a
// link to it on the page that explains the rules.
func TestDocumentPageNamesTheRuleVersion(t *testing.T) {
	c, v, _ := recordView(t, time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC))
	for id, want := range map[string]string{
		"rm06-nr-carpania": "National Report rule for the 6th Review Meeting",
		"rm07-nr-dorado":   "National Report rule for the 7th Review Meeting and every later meeting",
	} {
		d, _ := c.Document(id)
		page, _ := v.Page(d)
		if page.RuleRef == nil || page.RuleRef.Name != want || !strings.HasPrefix(page.RuleRef.URL, "/publication/#rule-national_report-") {
			t.Errorf("%s: rule %+v, want %q", id, page.RuleRef, want)
		}
	}
}

// Issue 12: the home page features the latest meeting that has documents,
// not a later one that has none yet, and lists recently public documents
// newest first.
func TestHomeFeaturesLatestMeetingWithDocumentsAndNewestFirst(t *testing.T) {
	_, _, in := recordView(t, time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))
	fs := afero.NewMemMapFs()
	if _, err := sitecontent.Write(fs, "/content", nil, in); err != nil {
		t.Fatal(err)
	}
	b, err := afero.ReadFile(fs, "/content/_index.md")
	if err != nil {
		t.Fatal(err)
	}
	var front struct {
		Params struct {
			Latest struct{ ID string }   `json:"latest_meeting"`
			Recent []struct{ ID string } `json:"recent"`
		} `json:"params"`
	}
	if err := json.NewDecoder(strings.NewReader(string(b))).Decode(&front); err != nil {
		t.Fatalf("front matter: %v\n%s", err, b)
	}
	home := front.Params
	if home.Latest.ID != "rm07" {
		t.Errorf("latest meeting %q, want rm07 (rm08 has no documents)", home.Latest.ID)
	}
	var got []string
	for _, r := range home.Recent {
		got = append(got, r.ID)
	}
	want := "rm07-nr-borduria rm07-nr-dorado rm07-qa-dorado rm07-nr-aland rm06-nr-borduria rm06-nr-aland"
	if strings.Join(got, " ") != want {
		t.Errorf("recent: %s\nwant     %s", strings.Join(got, " "), want)
	}
}

// ReadCounts counts the public documents by where their pages say they can
// be read: what check prints, a meeting's page shows and meetings.json
// gives (MeetingInfo.Reading) are these counts.
func TestReadCountsAgreeWithEachPage(t *testing.T) {
	c, v, _ := recordView(t, time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC))
	all := v.ReadCounts(c.Documents)
	if got, want := [4]int{all.Public, all.Readable, all.Site, all.Unknown}, [4]int{6, 3, 2, 1}; got != want {
		t.Errorf("the catalog: public, readable, on the named site, unknown = %v, want %v (%+v)", got, want, all)
	}
	sum := disclosure.ReadCounts{ByKind: map[string]int{}}
	for _, m := range c.Meetings {
		r := v.Meeting(m).Reading
		sum.Public, sum.Readable, sum.Site, sum.Unknown = sum.Public+r.Public, sum.Readable+r.Readable, sum.Site+r.Site, sum.Unknown+r.Unknown
	}
	if sum.Public != all.Public || sum.Readable != all.Readable || sum.Site != all.Site || sum.Unknown != all.Unknown {
		t.Errorf("the meetings' counts add up to %+v, the catalog's are %+v", sum, all)
	}
	for _, d := range c.Documents {
		page, _ := v.Page(d)
		if page.ReadAt != nil {
			all.ByKind[page.ReadAt.Kind]--
		}
	}
	for kind, n := range all.ByKind {
		if n != 0 {
			t.Errorf("read kind %s: the count and the pages differ by %d", kind, n)
		}
	}
}

// Arabic lists of States order names without their article and with the
// forms of alef as one letter (a reader's review found «إسبانيا» after
// every name in أ).
func TestArabicNameOrder(t *testing.T) {
	names := []string{"أيرلندا", "إستونيا", "أستراليا", "إسبانيا", "أرمينيا", "الأردن", "الأرجنتين"}
	want := []string{"الأرجنتين", "الأردن", "أرمينيا", "إسبانيا", "أستراليا", "إستونيا", "أيرلندا"}
	slices.SortStableFunc(names, disclosure.NameOrder("ar"))
	if !slices.Equal(names, want) {
		t.Errorf("Arabic order %q, want %q", names, want)
	}
}

// The open data say what a meeting's day for its National Reports rests
// on: the note and sources of the rule version that covers the meeting,
// which say where the catalog applies a rule no source states for it. A
// meeting under a rule without days after adjournment has no such day,
// and none of its rule's words.
func TestMeetingGivesTheNoteAndSourcesOfItsReportsRule(t *testing.T) {
	c, _, in := recordView(t, time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC))
	note := "No source read states this rule for the later meetings; the catalog applies it."
	sources := []string{"A meeting's Summary Report, paragraph 8"}
	for _, k := range c.Rules.Kinds {
		for _, r := range k.Rules {
			r.Note, r.Sources = k.Kind+": "+note, sources
		}
	}
	v := disclosure.NewView(in)
	for _, m := range c.Meetings {
		got := v.Meeting(m)
		switch m.ID {
		case "rm07":
			if got.ReportsPublicOn != "2017-07-06" || got.ReportsRuleNote != "national_report: "+note || !slices.Equal(got.ReportsRuleSources, sources) {
				t.Errorf("rm07: day %q, note %q, sources %q; want 2017-07-06 and the National Reports' rule's note and sources", got.ReportsPublicOn, got.ReportsRuleNote, got.ReportsRuleSources)
			}
		default:
			if got.ReportsRuleNote != "" || got.ReportsRuleSources != nil {
				t.Errorf("%s (day %q): note %q, sources %q; want none", m.ID, got.ReportsPublicOn, got.ReportsRuleNote, got.ReportsRuleSources)
			}
		}
	}
	raw, err := json.Marshal(v.Meeting(c.Meetings[1]))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"reports_rule_note":"national_report: No source read`) || !strings.Contains(string(raw), `"reports_rule_sources":["A meeting`) {
		t.Errorf("meetings.json's rm07: %s", raw)
	}
}
