package catalog

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// membershipRules are the rules of the membership tests' catalogs: one
// kind, public when its party publishes it, from meeting m1.
const membershipRules = `timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, rules: [{from: m1, public: party_publication}]}
`

// membershipCatalog has meetings with and without a list of parties and
// one with no dates, and parties known by every kind of fact: a day of
// entry into force, a deposit, a day by which they had deposited, a day
// on which they were not yet bound, a meeting's list, a document, a day
// they left, and nothing at all.
func membershipCatalog() fstest.MapFS {
	return fstest.MapFS{
		"rules.yaml": {Data: []byte(membershipRules)},
		"parties.yaml": {Data: []byte(`entry_into_force: 1996-10-24
sources: ["fixture"]
parties:
  - {id: a, name: Aland, type: state, entry_into_force: 1997-01-01, sources: ["fixture"]}
  - {id: b, name: Borduria, type: state}
  - {id: c, name: Carpania, type: state}
  - {id: d, name: Drusia, type: state, deposit: 2015-01-01, sources: ["fixture"]}
  - {id: e, name: Elbonia, type: state, deposited_by: 1996-10-24, sources: ["fixture"]}
  - {id: f, name: Freedonia, type: state, entry_into_force: 2005-01-01, left: 2012-01-01, sources: ["fixture"]}
  - {id: g, name: Genovia, type: state, not_bound_on: 2011-01-01, deposited_by: 2018-01-01, sources: ["fixture"]}
  - {id: h, name: Hyrkania, type: state, not_bound_on: 2015-01-01, sources: ["fixture"]}
`)},
		"meetings.yaml": {Data: []byte(`meetings:
  - {id: m1, type: review, numbers: [1], title: 1st, opening: 2000-04-01}
  - {id: m2, type: review, numbers: [2], title: 2nd, opening: 2010-04-01, parties: [a, b, e, f]}
  - {id: m3, type: review, numbers: [3], title: 3rd, opening: 2020-04-01, contracting_parties: 6}
  - {id: m4, type: review, numbers: [4], title: 4th, held: some day}
`)},
		"documents/m3.yaml": {Data: []byte("meeting: m3\ndocuments:\n  - {kind: national_report, party: c}\n  - {kind: national_report, party: a}\n")},
		"documents/m4.yaml": {Data: []byte("meeting: m4\ndocuments:\n  - {kind: national_report, party: c}\n")},
	}
}

func TestMembershipStandings(t *testing.T) {
	c, err := Load(membershipCatalog(), "data")
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := c.Party("d"); d.InForce != (Date{2015, 4, 1}) || !d.InForceComputed {
		t.Errorf("d: in force %s (computed %v), want 2015-04-01 computed from its deposit", d.InForce, d.InForceComputed)
	}
	if e, _ := c.Party("e"); !e.InForce.IsZero() || e.InForceBy != (Date{1997, 1, 22}) {
		t.Errorf("e: in force %s, by %s; want unknown, by 1997-01-22", e.InForce, e.InForceBy)
	}
	want := map[string]map[string]Membership{
		"m1": {
			"a": {Bound, BasisInForce}, "b": {StandingUnknown, BasisNoInformation}, "c": {NotYet, BasisLater},
			"d": {NotYet, BasisInForce}, "e": {Bound, BasisInForceBy}, "f": {NotYet, BasisInForce},
			"g": {NotYet, BasisNotBoundOn}, "h": {NotYet, BasisNotBoundOn},
		},
		"m2": {
			"a": {Bound, BasisList}, "b": {Bound, BasisList}, "c": {NotYet, BasisList},
			"d": {NotYet, BasisList}, "e": {Bound, BasisList}, "f": {Bound, BasisList},
			"g": {NotYet, BasisList}, "h": {NotYet, BasisList},
		},
		"m3": {
			"a": {Bound, BasisInForce}, "b": {Bound, BasisEarlier}, "c": {Bound, BasisRecord},
			"d": {Bound, BasisInForce}, "e": {Bound, BasisInForceBy}, "f": {Former, BasisLeft},
			"g": {Bound, BasisInForceBy}, "h": {StandingUnknown, BasisNoInformation},
		},
		"m4": {
			"a": {StandingUnknown, BasisNoInformation}, "c": {Bound, BasisRecord},
		},
	}
	for m, parties := range want {
		for p, w := range parties {
			if got := c.Membership(m, p); got != w {
				t.Errorf("%s at %s: %+v, want %+v", p, m, got, w)
			}
		}
	}

	// The meetings that bracket a party's day, when they are what tells
	// it: b is named by m2's list; c is left out of m2's and has a
	// document at m3. A day of the party's own that says as much or more
	// (a's, d's, e's and f's days, g's and h's not_bound_on) leaves them
	// empty.
	for id, want := range map[string][2]string{
		"a": {"", ""}, "b": {"m2", ""}, "c": {"m3", "m2"}, "d": {"", ""},
		"e": {"", ""}, "f": {"", ""}, "g": {"", ""}, "h": {"", ""},
	} {
		if p, _ := c.Party(id); p.BoundAt != want[0] || p.NotBoundAt != want[1] {
			t.Errorf("%s: bound at %q, not bound at %q; want %q, %q", id, p.BoundAt, p.NotBoundAt, want[0], want[1])
		}
	}

	m1 := c.Completeness("m1")
	if m1.Bound != 2 || m1.WithRecord != 0 || !slices.Equal(m1.Unknown, []string{"b"}) || !slices.Equal(m1.NotYet, []string{"c", "d", "f", "g", "h"}) || m1.Total != 0 || m1.Missing() != -1 {
		t.Errorf("m1: %+v (missing %d): want 2 bound, none with a record, b unknown, c, d, f, g, h not yet, the total not known", m1, m1.Missing())
	}
	m3 := c.Completeness("m3")
	if m3.Bound != 6 || m3.WithRecord != 2 || !slices.Equal(m3.NoRecord, []string{"b", "d", "e", "g"}) || !slices.Equal(m3.Left, []string{"f"}) || !slices.Equal(m3.Unknown, []string{"h"}) || m3.Total != 6 || !m3.TotalFromCount || m3.Missing() != 4 {
		t.Errorf("m3: %+v (missing %d): want 6 bound, 2 with a record, b, d, e, g with none, f gone, h not known, 6 by the meeting's count", m3, m3.Missing())
	}
	m2 := c.Completeness("m2")
	if m2.Total != 4 || m2.TotalFromCount || m2.Missing() != 4 || len(m2.Unknown) != 0 {
		t.Errorf("m2: %+v: every standing is known by its list, so 4 bound and all 4 without a record", m2)
	}
}

// A source's count of the parties on a day gives the least number of
// Contracting Parties at a later meeting whose own count is not recorded:
// the count less the parties recorded leaving in between, from ninety
// days after its day (a source may count instruments not yet in force);
// never at a meeting before then, and never over the meeting's own count.
// Where the catalog knows every party's standing, a count above them
// means it lacks some: the number is then not known.
func TestCountsGiveTheLeastNumberOfParties(t *testing.T) {
	fsys := fstest.MapFS{
		"rules.yaml": {Data: []byte(membershipRules)},
		"parties.yaml": {Data: []byte(`entry_into_force: 1996-10-24
sources: ["fixture"]
counts:
  - {day: 2009-01-01, count: 5, sources: ["gazette of 2009"]}
  - {day: 2019-12-01, count: 9, sources: ["gazette of 2019"]}
parties:
  - {id: a, name: Aland, type: state, entry_into_force: 1997-01-01, sources: ["fixture"]}
  - {id: b, name: Borduria, type: state}
  - {id: f, name: Freedonia, type: state, entry_into_force: 2005-01-01, left: 2012-01-01, sources: ["fixture"]}
  - {id: g, name: Genovia, type: state, entry_into_force: 1998-01-01, sources: ["fixture"]}
`)},
		"meetings.yaml": {Data: []byte(`meetings:
  - {id: m1, type: review, numbers: [1], title: 1st, opening: 2009-02-01}
  - {id: m2, type: review, numbers: [2], title: 2nd, opening: 2014-04-01}
  - {id: m3, type: review, numbers: [3], title: 3rd, opening: 2017-04-01, contracting_parties: 4}
  - {id: m4, type: review, numbers: [4], title: 4th, opening: 2020-04-01}
`)},
		// b's report at m3 shows it bound from then on: every standing at
		// m4 is known.
		"documents/m3.yaml": {Data: []byte("meeting: m3\ndocuments:\n  - {kind: national_report, party: b}\n")},
	}
	c, err := Load(fsys, "data")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		meeting                string
		total, atLeast, left   int
		counted                string // the count's day, "" for none
		missing, noRecordLeast int
	}{
		// A month after the count of 2009: too soon for it; the parties
		// known bound (a, f, g) give the least number, b's standing
		// being not known.
		{"m1", 0, 3, 0, "", -1, 3},
		// Freedonia left between 2009 and 2014: 5 less 1.
		{"m2", 0, 4, 1, "2009-01-01", -1, 4},
		// The meeting's own count wins.
		{"m3", 4, 0, 0, "", 3, 3},
		// Every standing at m4 is known (a, b, g bound), but the count of
		// 2019 has 9: the catalog lacks some, so the number is not known.
		{"m4", 0, 9, 0, "2019-12-01", -1, 9},
	} {
		got := c.Completeness(tc.meeting)
		day := ""
		if got.Counted != nil {
			day = got.Counted.Day.String()
		}
		if got.Total != tc.total || got.AtLeast != tc.atLeast || got.CountedLeft != tc.left || day != tc.counted || got.Missing() != tc.missing || (tc.missing < 0 && got.NoRecordAtLeast() != tc.noRecordLeast) {
			t.Errorf("%s: total %d, at least %d (count of %q less %d), missing %d, no record at least %d; want %d, %d (%q less %d), %d, %d",
				tc.meeting, got.Total, got.AtLeast, day, got.CountedLeft, got.Missing(), got.NoRecordAtLeast(), tc.total, tc.atLeast, tc.counted, tc.left, tc.missing, tc.noRecordLeast)
		}
	}
}

// The edges of a count's reach: ninety days after its day it applies, a
// day before not; of two equal counts the later is named; a party that
// left on the count's day was not counted, one that left on the meeting's
// day is no longer a party at it.
func TestCountsAtTheirEdges(t *testing.T) {
	load := func(t *testing.T, counts, left, opening string) Completeness {
		t.Helper()
		fsys := fstest.MapFS{
			"rules.yaml": {Data: []byte(membershipRules)},
			"parties.yaml": {Data: []byte("entry_into_force: 1996-10-24\ncounts:\n" + counts + "parties:\n" +
				"  - {id: a, name: Aland, type: state, entry_into_force: 1997-01-01, sources: [x]}\n" +
				"  - {id: b, name: Borduria, type: state}\n" +
				"  - {id: f, name: Freedonia, type: state, entry_into_force: 1997-01-01" + left + ", sources: [x]}\n")},
			"meetings.yaml": {Data: []byte("meetings:\n  - {id: m1, type: review, numbers: [1], title: 1st, opening: " + opening + "}\n")},
		}
		c, err := Load(fsys, "data")
		if err != nil {
			t.Fatal(err)
		}
		return c.Completeness("m1")
	}
	count := func(day string, n int) string {
		return "  - {day: " + day + ", count: " + strconv.Itoa(n) + ", sources: [x]}\n"
	}
	for _, tc := range []struct {
		name, counts, left, opening string
		atLeast, gone               int
		day                         string
	}{
		{"ninety days on", count("2010-01-01", 7), "", "2010-04-01", 7, 0, "2010-01-01"},
		{"eighty-nine days on", count("2010-01-01", 7), "", "2010-03-31", 2, 0, ""},
		{"the later of two equal", count("2010-01-01", 7) + count("2010-02-01", 7), "", "2011-01-01", 7, 0, "2010-02-01"},
		{"the later of two equal, listed first", count("2010-02-01", 7) + count("2010-01-01", 7), "", "2011-01-01", 7, 0, "2010-02-01"},
		{"left on the count's day", count("2010-01-01", 7), ", left: 2010-01-01", "2011-01-01", 7, 0, "2010-01-01"},
		{"left on the meeting's day", count("2010-01-01", 7), ", left: 2011-01-01", "2011-01-01", 6, 1, "2010-01-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := load(t, tc.counts, tc.left, tc.opening)
			day := ""
			if got.Counted != nil {
				day = got.Counted.Day.String()
			}
			if got.AtLeast != tc.atLeast || got.CountedLeft != tc.gone || day != tc.day {
				t.Errorf("at least %d (count of %q less %d), want %d (%q less %d)", got.AtLeast, day, got.CountedLeft, tc.atLeast, tc.day, tc.gone)
			}
		})
	}
}

// Counts the catalog cannot square with its parties are warnings, not
// errors: one above the parties that may have been bound on its day (the
// catalog lacks some), and a later one below an earlier one less the
// parties recorded leaving between (the sources disagree).
func TestCountsWarnOfMissingPartiesAndOfDisagreement(t *testing.T) {
	fsys := fstest.MapFS{
		"rules.yaml": {Data: []byte(membershipRules)},
		"parties.yaml": {Data: []byte(`entry_into_force: 1996-10-24
counts:
  - {day: 2000-01-01, count: 3, sources: [x]}
  - {day: 2001-06-01, count: 1, sources: [x]}
parties:
  - {id: a, name: Aland, type: state, entry_into_force: 1997-01-01, sources: [x]}
  - {id: b, name: Borduria, type: state}
`)},
		"meetings.yaml": {Data: []byte("meetings:\n  - {id: m1, type: review, numbers: [1], title: 1st, opening: 2002-01-01}\n")},
	}
	c, err := Load(fsys, "data")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.Warnings.Strings(), "\n")
	for _, want := range []string{
		"data/parties.yaml:3:23: counts: the count of 2000-01-01 is 3, more than the 2 parties of data/parties.yaml that may have been bound that day: it lacks 1 of the parties counted, or the count is wrong",
		"data/parties.yaml:4:23: counts: the count of 2001-06-01 is 1, fewer than the 3 of 2000-01-01 (data/parties.yaml:3) less the 0 parties recorded leaving between: the sources disagree",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
}
