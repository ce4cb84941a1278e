package plan

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// Each testdata/*.txtar is a pair of catalogs and the exact plan between
// them. Its comment's first line is "as-of: YYYY-MM-DD"; files under
// common/ go into both catalogs, base/ and head/ into one; want is the
// plan as text.
func TestPlans(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases in testdata (%v)", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(ar.Comment), "\n")
			day, ok := strings.CutPrefix(first, "as-of: ")
			if !ok {
				t.Fatalf("the comment's first line is %q, want as-of: YYYY-MM-DD", first)
			}
			base, head := fstest.MapFS{}, fstest.MapFS{}
			var want []byte
			wantAt := -1
			for i, f := range ar.Files {
				switch {
				case f.Name == "want":
					want, wantAt = f.Data, i
				case strings.HasPrefix(f.Name, "common/"):
					base[strings.TrimPrefix(f.Name, "common/")] = &fstest.MapFile{Data: f.Data}
					head[strings.TrimPrefix(f.Name, "common/")] = &fstest.MapFile{Data: f.Data}
				case strings.HasPrefix(f.Name, "base/"):
					base[strings.TrimPrefix(f.Name, "base/")] = &fstest.MapFile{Data: f.Data}
				case strings.HasPrefix(f.Name, "head/"):
					head[strings.TrimPrefix(f.Name, "head/")] = &fstest.MapFile{Data: f.Data}
				default:
					t.Fatalf("unexpected file %q", f.Name)
				}
			}
			bc, err := catalog.Load(base, "base")
			if err != nil {
				t.Fatalf("base: %v", err)
			}
			hc, err := catalog.Load(head, "head")
			if err != nil {
				t.Fatalf("head: %v", err)
			}
			d, err := catalog.ParseDate(strings.TrimSpace(day))
			if err != nil {
				t.Fatal(err)
			}
			p := Compare(bc, hc, d.Start(hc.Rules.Location), 400)
			var got bytes.Buffer
			p.Text(&got, "base")
			// The plan is the same on every run (issue 23: map order once
			// chose one of two merged documents at random).
			for range 50 {
				var again bytes.Buffer
				Compare(bc, hc, d.Start(hc.Rules.Location), 400).Text(&again, "base")
				if again.String() != got.String() {
					t.Fatalf("two runs gave two plans:\n%s\nthen:\n%s", got.String(), again.String())
				}
			}
			if *update {
				if wantAt < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantAt = len(ar.Files) - 1
				}
				ar.Files[wantAt].Data = got.Bytes()
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got.String() != string(want) {
				t.Errorf("plan:\n%s\nwant:\n%s", got.String(), want)
			}
			// The JSON and Markdown forms are made from the same plan.
			var js, md bytes.Buffer
			if err := p.JSON(&js, "base"); err != nil {
				t.Fatal(err)
			}
			p.Markdown(&md, "base")
			for _, c := range p.Changes {
				if !strings.Contains(js.String(), `"id": "`+c.ID+`"`) || !strings.Contains(md.String(), "`"+c.ID+"`") {
					t.Errorf("%s is not in the JSON or the Markdown plan", c.ID)
				}
			}
			// The plan says a basis as the site does, never as its value
			// (issue 24); the JSON keeps the values.
			for _, basis := range []publication.Basis{publication.BasisEarly, publication.BasisParty, publication.BasisAfterAdjournment, publication.BasisAdoption, publication.BasisConsent} {
				for name, out := range map[string]string{"text": got.String(), "markdown": md.String()} {
					if raw := string(basis); strings.Contains(out, "("+raw+")") || strings.Contains(out, "("+strings.ReplaceAll(raw, "_", `\_`)+")") {
						t.Errorf("the %s plan prints the basis %q as its value", name, raw)
					}
				}
			}
			for _, ch := range p.Changes {
				if b := ch.Now.After.Basis; b != "" && !strings.Contains(js.String(), `"basis": "`+string(b)+`"`) {
					t.Errorf("%s: the JSON plan lacks the basis value %q", ch.ID, b)
				}
			}
			// A plan is published: nothing of a document that is public in
			// neither catalog beyond what lists show.
			for _, secret := range hiddenValues(bc, hc, d.Start(hc.Rules.Location)) {
				for name, out := range map[string]string{"text": got.String(), "json": js.String(), "markdown": md.String()} {
					if strings.Contains(out, secret) {
						t.Errorf("the %s plan holds %q of a document that is not public", name, secret)
					}
				}
			}
		})
	}
}

// hiddenValues are the titles, summaries, symbols and addresses of the
// documents that are public in neither catalog as of at.
func hiddenValues(base, head *catalog.Catalog, at time.Time) []string {
	public := map[string]bool{}
	for _, c := range []*catalog.Catalog{base, head} {
		for _, d := range c.Documents {
			if shownInLists(c, d, at) {
				public[d.ID] = true
			}
		}
	}
	var out []string
	for _, c := range []*catalog.Catalog{base, head} {
		for _, d := range c.Documents {
			if public[d.ID] {
				continue
			}
			for _, v := range []string{d.Title, d.Summary, d.Symbol, d.URL} {
				if v != "" {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// shownInLists reports whether a document's own title may be shown: it is
// public or withdrawn.
func shownInLists(c *catalog.Catalog, d *catalog.Document, at time.Time) bool {
	_, dec := decide(c, d, at)
	return dec.IsPublic() || dec.State == "withdrawn"
}
