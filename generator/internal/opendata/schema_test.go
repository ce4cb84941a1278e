package opendata_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// The published JSON Schemas enumerate the states, bases, ways to read,
// and meeting and party types the Go source decides (publication.States,
// publication.Bases, disclosure.ReadKinds, catalog.MeetingTypes and
// PartyTypes), and say which states show what as disclosure.StatusOf and
// the decision decide it: a state added in Go and not in a schema, or
// the other way round, fails here. The schemas are read as a build
// publishes them, from a generated corpus's outputs.
func TestSchemasEnumerateWhatTheGoSourceDecides(t *testing.T) {
	s := written(t, genCorpus(t, 5, 30), time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), "https://example.org/")
	schema := func(name string) map[string]any {
		var m map[string]any
		if err := json.Unmarshal(s.read(t, opendata.SchemaDir+name), &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return m
	}
	get := func(m any, keys ...any) any {
		for _, k := range keys {
			switch k := k.(type) {
			case string:
				m = m.(map[string]any)[k]
			case int:
				m = m.([]any)[k]
			}
		}
		return m
	}
	strs := func(v any) []string {
		var out []string
		list, _ := v.([]any) // a placeholder not filled in is no list
		for _, x := range list {
			out = append(out, x.(string))
		}
		return out
	}
	states := func(ss []publication.State) []string {
		var out []string
		for _, s := range ss {
			out = append(out, string(s))
		}
		return out
	}
	var bases []string
	for _, b := range publication.Bases {
		bases = append(bases, string(b))
	}
	docs := schema("documents.schema.json")
	doc := get(docs, "$defs", "document")
	// Each field of a document is described as documents.csv's Table
	// Schema describes its column (a review found none described here).
	for name, f := range get(doc, "properties").(map[string]any) {
		if d, _ := f.(map[string]any)["description"].(string); d == "" || strings.Contains(d, "DESCRIBE_") {
			t.Errorf("documents.schema.json: %s is described %q", name, d)
		}
	}
	// The rules of allOf, by the words of their description.
	rule := func(description string) map[string]any {
		for _, r := range get(doc, "allOf").([]any) {
			if get(r, "description") == description {
				return r.(map[string]any)
			}
		}
		t.Fatalf("documents.schema.json has no rule %q", description)
		return nil
	}
	ifStates := func(r map[string]any) []string {
		st := get(r, "if", "properties", "state").(map[string]any)
		if not, ok := st["not"]; ok {
			st = not.(map[string]any)
		}
		if c, ok := st["const"]; ok {
			return []string{c.(string)}
		}
		return strs(st["enum"])
	}
	dated := disclosure.StatesShowing(disclosure.FactPublicFrom)
	var undated, toCome []string
	for _, s := range publication.States {
		if !slices.Contains(dated, s) {
			undated = append(undated, string(s))
		} else if s != publication.Public && s != publication.Withdrawn {
			toCome = append(toCome, string(s))
		}
	}
	var noNext []string
	for _, s := range publication.States {
		if !slices.Contains(publication.StatesWithNextChange, s) {
			noNext = append(noNext, string(s))
		}
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"documents: state", strs(get(doc, "properties", "state", "enum")), states(publication.States)},
		{"documents: basis", strs(get(doc, "properties", "basis", "enum")), append([]string{""}, bases...)},
		{"documents: read_kind", strs(get(doc, "properties", "read_kind", "enum")), append([]string{""}, disclosure.ReadKinds...)},
		{"documents: the states with no file", ifStates(rule("A document that is not public shows no file, checksum or address of its own.")), []string{string(publication.Public)}},
		{"documents: the states that say where to read", ifStates(rule("A public document says where it can be read, and since when it is public.")), []string{string(publication.Public)}},
		{"documents: the states with no day", ifStates(rule("A withheld, restricted or not submitted document has no publication day, basis or day of submission.")), undated},
		{"documents: the states with no next change", ifStates(rule("Only a scheduled document, or one not yet submitted, has a next change: the day it becomes public; the day its meeting's review cycle begins or its meeting opens.")), noNext},
		{"documents: the states withdrawn", ifStates(rule("A withdrawn document says when it was public, when it was taken down and why; no other has a reason for a take-down.")), states(disclosure.StatesShowing(disclosure.FactWithdrawnOn))},
		{"documents: the states to come", ifStates(rule("A scheduled document says the day it becomes public.")), toCome},
		{"meetings: type", strs(get(schema("meetings.schema.json"), "$defs", "meeting", "properties", "type", "enum")), catalog.MeetingTypes},
		{"parties: type", strs(get(schema("parties.schema.json"), "$defs", "party", "properties", "type", "enum")), catalog.PartyTypes},
	} {
		if !slices.Equal(c.got, c.want) || len(c.want) == 0 {
			t.Errorf("%s: the schema enumerates %q, the Go source %q", c.what, c.got, c.want)
		}
	}
}

// The CSV's Table Schema enumerates the same lists as the JSON Schema.
func TestDocumentsTableEnumeratesWhatTheGoSourceDecides(t *testing.T) {
	v := disclosure.NewView(disclosure.Input{Catalog: &catalog.Catalog{}})
	values := opendata.SchemaValues(v)
	t0, _ := opendata.TableFor(opendata.DocumentsCSV)
	for _, f := range t0.Schema(v).Fields {
		var want []string
		switch f.Name {
		case "state":
			want = values["STATES"]
		case "basis":
			want = values["BASES"][1:] // an empty cell is a missing value
		case "read_kind":
			want = values["READ_KINDS"][1:]
		default:
			continue
		}
		if !slices.Equal(f.Constraints.Enum, want) {
			t.Errorf("documents.csv %s: %q, want %q", f.Name, f.Constraints.Enum, want)
		}
	}
}

// Every field of meetings.json and parties.json is described in its
// schema, which says so (a review found a dozen described nowhere: /data/
// explains the data, the schemas each field). documents.json's fields are
// described on /data/ (TestEveryColumnIsDocumented).
func TestEveryMeetingAndPartyFieldIsDescribed(t *testing.T) {
	for _, name := range []string{"meetings.schema.json", "parties.schema.json"} {
		b, err := os.ReadFile(filepath.Join("schema", name))
		if err != nil {
			t.Fatal(err)
		}
		var s map[string]any
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatal(err)
		}
		var walk func(props map[string]any, at string)
		walk = func(props map[string]any, at string) {
			for k, v := range props {
				f, _ := v.(map[string]any)
				if f == nil {
					continue
				}
				if d, _ := f["description"].(string); d == "" {
					t.Errorf("%s: %s%s has no description", name, at, k)
				}
				inner, _ := f["properties"].(map[string]any)
				if items, ok := f["items"].(map[string]any); ok && inner == nil {
					inner, _ = items["properties"].(map[string]any)
				}
				if inner != nil {
					walk(inner, at+k+".")
				}
			}
		}
		walk(s["properties"].(map[string]any), "")
		for _, def := range s["$defs"].(map[string]any) {
			if d, ok := def.(map[string]any); ok {
				if props, ok := d["properties"].(map[string]any); ok {
					walk(props, "")
				}
			}
		}
	}
}
