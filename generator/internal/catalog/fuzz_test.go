package catalog

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoadDocuments feeds any bytes as a documents file of an otherwise
// valid catalog: Load must not panic, and a catalog it accepts must hold
// only documents that passed validation.
func FuzzLoadDocuments(f *testing.F) {
	f.Add([]byte("meeting: m1\ndocuments:\n  - {kind: national_report, party: a}\n"))
	f.Add([]byte("meeting: m1\ndocuments:\n  - kind: national_report\n    party: a\n    objection: 2017-06-01\n    published: 2017-01-01\n"))
	f.Add([]byte("meeting: m1\ndocuments:\n  - &x {kind: national_report, party: a}\n  - *x\n"))
	f.Add([]byte("meeting: m1\ndocuments:\n  - kind: national_report\n    party: a\n    file: ../../etc/passwd\n"))
	f.Add([]byte("meeting: [m1\n"))
	f.Add([]byte("\xff\xfe"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := validCatalog()
		fsys["documents/m1.yaml"] = &fstest.MapFile{Data: src}
		fsys["files/ok.txt"] = &fstest.MapFile{Data: []byte("ok")}
		c, err := Load(fsys, "data")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "data/") {
				t.Fatalf("a problem that names no file: %v", err)
			}
			return
		}
		for _, d := range c.Documents {
			if !idRe.MatchString(d.ID) {
				t.Fatalf("accepted id %q", d.ID)
			}
			if _, ok := c.Rules.Kind(d.Kind); !ok {
				t.Fatalf("accepted kind %q", d.Kind)
			}
			if d.File != "" && (d.FileInfo == nil || strings.Contains(d.File, "..")) {
				t.Fatalf("accepted file %q", d.File)
			}
		}
	})
}

// FuzzLoadRules does the same for the rules file.
func FuzzLoadRules(f *testing.F) {
	f.Add([]byte("timezone: Europe/Vienna\nkinds:\n  - {kind: national_report, slug: nr, label: NR, per_party: true, rules: [{from: rm07, public: after_adjournment, days: 90}]}\n"))
	f.Add([]byte("timezone: Europe/Vienna\nkinds:\n  - {kind: national_report, slug: nr, label: NR, per_party: true, rules: [{from: rm01, until: rm06, public: party_publication}, {from: rm06, public: after_adjournment, days: 90}]}\n"))
	f.Add([]byte("timezone: Mars/Olympus\nkinds: []\n"))
	f.Add([]byte("timezone: Europe/Vienna\nkinds:\n  - {kind: x, slug: x, label: X, rules: [{from: rm01, public: sometimes}]}\n"))
	meetings := []*Meeting{{ID: "rm01", Title: "1st"}, {ID: "rm06", Title: "6th"}, {ID: "rm07", Title: "7th"}}
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := ParseRules(src, meetings)
		if err != nil {
			return
		}
		if r.Location == nil || len(r.Kinds) == 0 {
			t.Fatalf("accepted rules with no time zone or no kinds: %+v", r)
		}
		for _, k := range r.Kinds {
			if len(k.Rules) == 0 {
				t.Fatalf("accepted kind %q with no rules", k.Kind)
			}
			for _, m := range meetings {
				n := 0
				for _, v := range k.Rules {
					if v.covers[m.ID] {
						n++
					}
				}
				if n > 1 {
					t.Fatalf("accepted %d rules of kind %q for meeting %s", n, k.Kind, m.ID)
				}
			}
			for _, v := range k.Rules {
				if !slices.Contains(PublicBases, v.Public) {
					t.Fatalf("accepted basis %q", v.Public)
				}
				if v.Public == PublicAfterAdjournment && v.Days <= 0 {
					t.Fatalf("accepted after_adjournment with %d days", v.Days)
				}
			}
		}
	})
}

// FuzzParseText: any text either is refused with a line inside it, or gives
// paragraphs numbered 1, 2, 3 … at increasing lines, each of which
// AnchoredMarkdown anchors.
func FuzzParseText(f *testing.F) {
	f.Add("## A\n\n1. One.\n\n2. Two.\n")
	f.Add("1. One.\n   - a\n   - b\n\n2. Two.\n\n> 3. Quoted.\n")
	f.Add("```\n1. In a fence.\n```\n\n1. One.\n")
	f.Add("1. One.\nLazy continuation.\n")
	f.Add("1.\n\n2. Two\n")
	f.Fuzz(func(t *testing.T, md string) {
		txt, err := ParseText(md)
		if err != nil {
			var te *TextError
			if !errors.As(err, &te) || te.Line < 1 || te.Line > strings.Count(md, "\n")+2 {
				t.Fatalf("error %v has no line inside the text", err)
			}
			return
		}
		last := 0
		for i, p := range txt.Paragraphs {
			if p.Number != i+1 || p.Line <= last {
				t.Fatalf("paragraph %d: %+v", i+1, p)
			}
			last = p.Line
		}
		anchored := txt.AnchoredMarkdown()
		for _, p := range txt.Paragraphs {
			if !strings.Contains(anchored, fmt.Sprintf("{#para-%d .para}", p.Number)) {
				t.Fatalf("paragraph %d has no anchor", p.Number)
			}
		}
	})
}
