package disclosure_test

import (
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// jointCatalog has a joint meeting at which one party has two reports,
// the 8th published early and the 9th withheld at its request, and
// parties known bound, not yet bound and of unknown standing.
var jointCatalog = fstest.MapFS{
	"rules.yaml": {Data: []byte(`timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, numbered: true, rules: [{from: rm07, public: after_adjournment, days: 90, early_publication: true, objection: true}]}
`)},
	"parties.yaml": {Data: []byte(`entry_into_force: 1996-10-24
parties:
  - {id: aland, name: Aland, type: state, entry_into_force: 1997-01-01, sources: [fixture]}
  - {id: borduria, name: Borduria, type: state, deposit: 2019-01-10, sources: [fixture]}
  - {id: carpania, name: Carpania, type: state}
`)},
	"meetings.yaml": {Data: []byte(`meetings:
  - {id: rm07, type: review, numbers: [7], title: 7th Review Meeting, opening: 2017-03-27, adjournment: 2017-04-07}
  - {id: rm08-09, type: review, numbers: [8, 9], title: Joint 8th and 9th Review Meeting, opening: 2023-03-20, adjournment: 2023-03-31}
`)},
	"documents/rm08-09.yaml": {Data: []byte(`meeting: rm08-09
documents:
  - {kind: national_report, party: aland, report: 8, title: Eighth report of Aland, published: 2019-08-26}
  - {kind: national_report, party: aland, report: 9, title: Ninth report of Aland, objection: 2023-05-02}
`)},
}

// Issue 20: each of a party's two reports of a joint meeting says which
// it is, in its id, its title and its reference; what a withheld one shows
// is its round, never its own title. The meeting says how complete its
// record is, and a party when the Convention bound it.
func TestTwoReportsAndMembershipInTheView(t *testing.T) {
	c, err := catalog.Load(jointCatalog, "data")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at})
	for id, want := range map[string]disclosure.DocRef{
		"rm08-09-nr8-aland": {Report: 8, State: publication.Public, Title: "Eighth report of Aland"},
		"rm08-09-nr9-aland": {Report: 9, State: publication.Withheld, Title: "Aland: National Report no. 9, Joint 8th and 9th Review Meeting"},
	} {
		d, ok := c.Document(id)
		if !ok {
			t.Fatalf("no document %s", id)
		}
		r := v.Ref(d)
		if r.Report != want.Report || r.State != want.State || r.Title != want.Title {
			t.Errorf("%s: report %d, %s, %q; want report %d, %s, %q", id, r.Report, r.State, r.Title, want.Report, want.State, want.Title)
		}
	}
	m, _ := c.Meeting("rm08-09")
	ms := v.Meeting(m).Membership
	if ms.Bound != 2 || ms.WithRecord != 1 || ms.Missing != -1 || !slices.Equal(ms.NoRecord, []string{"borduria"}) || !slices.Equal(ms.Unknown, []string{"carpania"}) {
		t.Errorf("the joint meeting's membership: %+v; want Aland and Borduria bound, Borduria with no record, Carpania not known, the total not known", ms)
	}
	m7, _ := c.Meeting("rm07")
	if ms := v.Meeting(m7).Membership; !slices.Equal(ms.NotYet, []string{"borduria"}) || ms.Bound != 1 || ms.Missing != -1 {
		t.Errorf("the 7th meeting's membership: %+v; want Aland bound, Borduria not yet", ms)
	}
	b, _ := c.Party("borduria")
	if pi := v.Party(b); pi.InForce != "2019-04-10" || !pi.InForceComputed || pi.Deposit != "2019-01-10" {
		t.Errorf("Borduria: %+v; want in force 2019-04-10, computed from its deposit on 2019-01-10", pi)
	}
	if cp, _ := c.Party("carpania"); v.Party(cp).InForce != "" {
		t.Errorf("Carpania's day is not known, but the view gives %q", v.Party(cp).InForce)
	}
}
