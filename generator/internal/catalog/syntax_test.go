package catalog

import (
	"strings"
	"testing"
)

// The YAML mistakes a webmaster makes most are reported at their line,
// with what to do about them, in words that need no knowledge of YAML's
// grammar (the parser's own words alone left a reader stuck).
func TestYAMLMistakesSayWhatToDo(t *testing.T) {
	head := "meeting: rm07\ndocuments:\n  - kind: national_report\n    party: canada\n"
	for _, tt := range []struct {
		name, src, want string
	}{
		{"a colon in a value", head + "    title: Canada's Report: Convention\n", `5:12: YAML syntax: A value that holds ": " must be in double quotes`},
		{"a field indented too far", head + "    submitted: 2026-11-10\n     published: 2026-11-20\n", "or the next line is indented further than the fields beside it"},
		{"an apostrophe in single quotes", head + "    title: 'Canada's Report'\n", `5:20: YAML syntax: Text in single quotes ends at the next ': write an apostrophe in it twice`},
		{"a field indented too little", head + "   title: x\n", `5:4: YAML syntax: This line does not line up with the fields above it`},
		{"a tab after a dash", "meeting: rm07\ndocuments:\n  -\tkind: national_report\n", `3:8: YAML syntax: A tab where YAML wants spaces (after "- " too): use spaces (the YAML parser says: tab character cannot use as a map key directly)`},
		{"no colon", "meeting: rm07\ndocuments:\n  - kind: national_report\n    party canada\n", `4:5: YAML syntax: A line with no "field: value": write a colon and a space after the field's name (the YAML parser says: non-map value is specified)`},
		{"an unclosed brace", "meeting: rm07\ndocuments:\n  - {kind: national_report, party: canada\n", "A { … } lacks its closing }"},
		{"an unclosed quote", head + "    title: \"Canada\n", `Text in double quotes lacks its closing "`},
		{"a document inside the list above it", head + "    sources:\n      - \"A page\"\n      - kind: national_report\n        party: chile\n", "7:9: sources: want a single value, found a mapping: is this line indented too far, so that it falls inside the list above it?"},
	} {
		var ps Problems
		d := &decoder{file: "rm07.yaml", probs: &ps}
		var v documentsFile
		d.decodeFile([]byte(tt.src), &v)
		if got := strings.Join(ps.Strings(), "\n"); !strings.Contains(got, tt.want) {
			t.Errorf("%s: got\n%s\nwant it to hold %q", tt.name, got, tt.want)
		}
	}
}
