package catalog

import (
	"slices"
	"testing"
	"testing/fstest"
)

// A source or a note that names a field of the catalog (entry_into_force)
// shows the catalog's word to readers: a warning at its own line, of each
// file that holds one. A field's name inside an address, a one-word name
// (published, deposit) and a word that only holds a field's name
// (re_entry_into_force_x) are not warned of.
func TestSourcesNamingAFieldAreWarnedOf(t *testing.T) {
	fsys := fstest.MapFS{
		"rules.yaml": {Data: []byte(`timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, rules: [{from: rm07, public: party_publication}]}
`)},
		"parties.yaml": {Data: []byte(`entry_into_force: 1996-10-24
parties:
  - id: aland
    name: Aland
    type: state
    entry_into_force: 1997-01-01
    sources:
      - "A gazette (for the days of deposit and of entry into force)"
      - "A gazette (deposit, entry_into_force)"
`)},
		"meetings.yaml": {Data: []byte(`meetings:
  - id: rm07
    type: review
    numbers: [7]
    title: 7th Review Meeting
    opening: 2017-03-27
    note: "Its day is given as published_by."
`)},
		"documents/rm07.yaml": {Data: []byte(`meeting: rm07
sources:
  - "A list of reports, https://example.org/list?field=published_by&x=entry_into_force"
  - "A list of reports (not_submitted)"
documents:
  - kind: national_report
    party: aland
    published: 2017-01-01
    sources: ["A news item (published)", "A page re_entry_into_force_x"]
`)},
	}
	c, err := Load(fsys, "data")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`data/documents/rm07.yaml:4:5: a source of data/documents/rm07.yaml names the catalog's field not_submitted, and pages show it to readers as written: say in words what it supports ("for the day of entry into force")`,
		`data/meetings.yaml:7:5: the meeting's note names the catalog's field published_by, and pages show it to readers as written: say in words what it supports ("for the day of entry into force")`,
		`data/parties.yaml:9:9: a source of the party names the catalog's field entry_into_force, and pages show it to readers as written: say in words what it supports ("for the day of entry into force")`,
	}
	if got := c.Warnings.Strings(); !slices.Equal(got, want) {
		t.Errorf("warnings:\n%q\nwant:\n%q", got, want)
	}
}
