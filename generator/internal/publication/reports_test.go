package publication

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
)

// Issue 20: the two National Reports of one party at the Joint 8th and 9th
// Review Meeting are decided each on its own facts under the meeting's
// rule: the 8th, published by its party in 2019, is public from that day;
// the 9th, objected to before its 90-day date, is scheduled until the
// objection and withheld after it; another party's 9th turns public 90
// days after the adjournment.
func TestDecideTwoReportsOfOnePartyAtAJointMeeting(t *testing.T) {
	c, err := catalog.Load(fstest.MapFS{
		"rules.yaml": {Data: []byte(`timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, numbered: true, rules: [{from: rm08-09, public: after_adjournment, days: 90, early_publication: true, objection: true}]}
`)},
		"parties.yaml":  {Data: []byte("parties:\n  - {id: aland, name: Aland, type: state}\n  - {id: borduria, name: Borduria, type: state}\n")},
		"meetings.yaml": {Data: []byte("meetings:\n  - {id: rm08-09, type: review, numbers: [8, 9], title: Joint, opening: 2023-03-20, adjournment: 2023-03-31}\n")},
		"documents/rm08-09.yaml": {Data: []byte(`meeting: rm08-09
documents:
  - {kind: national_report, party: aland, report: 8, published: 2019-08-26}
  - {kind: national_report, party: aland, report: 9, objection: 2023-05-02}
  - {kind: national_report, party: borduria, report: 9}
`)},
	}, "data")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		day  string
		want map[string]State
	}{
		{"2019-08-25", map[string]State{"rm08-09-nr8-aland": Scheduled, "rm08-09-nr9-aland": Scheduled, "rm08-09-nr9-borduria": Scheduled}},
		{"2019-08-26", map[string]State{"rm08-09-nr8-aland": Public, "rm08-09-nr9-aland": Scheduled, "rm08-09-nr9-borduria": Scheduled}},
		{"2023-04-01", map[string]State{"rm08-09-nr8-aland": Public, "rm08-09-nr9-aland": Scheduled, "rm08-09-nr9-borduria": Scheduled}},
		{"2023-06-29", map[string]State{"rm08-09-nr8-aland": Public, "rm08-09-nr9-aland": Withheld, "rm08-09-nr9-borduria": Public}},
	} {
		at := date(t, tc.day).Start(vienna(t))
		got := DecideAll(c, at.Add(time.Hour))
		for id, want := range tc.want {
			if got[id].State != want {
				t.Errorf("as of %s, %s is %s (%s), want %s", tc.day, id, got[id].State, got[id].Reason, want)
			}
		}
	}
	if d := DecideAll(c, date(t, "2024-01-01").Start(vienna(t)))["rm08-09-nr8-aland"]; d.Basis != BasisEarly || d.PublicFrom != date(t, "2019-08-26") {
		t.Errorf("the 8th report: basis %s from %s, want published early from 2019-08-26", d.Basis, d.PublicFrom)
	}
}
