package prepare_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/searchindex"
)

// check, explain and plan load and decide through this package alone, so
// it must not link Hugo (issue 23): only build and serve need it.
func TestNoHugo(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/gohugoio/") || strings.HasSuffix(dep, "/internal/hugosite") || strings.HasSuffix(dep, "/internal/sitebuild") {
			t.Errorf("prepare depends on %s", dep)
		}
	}
}

// Every output says of a document exactly what the disclosure view says,
// field by field, in every state: the open data (JSON), the search index
// and the plan's view of a decision. So a view that shows one field less
// shows it less in every output, and no output decides on its own (issue
// 23: the open data once blanked a scheduled document's basis that its
// page shows).
func TestOutputsSayWhatTheViewSays(t *testing.T) {
	m, err := corpus.Write(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: 7, Documents: 600})
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(os.DirFS(m.Dir), "data")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[publication.State]int{}
	// Three moments of the corpus's span, so every state occurs.
	for _, at := range []time.Time{m.From.Add(m.To.Sub(m.From) / 3), m.From.Add(m.To.Sub(m.From) / 3 * 2), m.To} {
		decisions := publication.DecideAll(c, at)
		v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at})
		fs := afero.NewMemMapFs()
		for _, out := range prepare.Outputs {
			if err := out.Write(fs, "/site", "", v); err != nil {
				t.Fatal(err)
			}
		}
		b, err := afero.ReadFile(fs, filepath.Join("/site", filepath.FromSlash(opendata.DocumentsJSON)))
		if err != nil {
			t.Fatal(err)
		}
		var data struct{ Documents []opendata.Record }
		if err := json.Unmarshal(b, &data); err != nil {
			t.Fatal(err)
		}
		ix, err := searchindex.Build(v)
		if err != nil {
			t.Fatal(err)
		}
		if len(data.Documents) != len(c.Documents) || len(ix.Docs) != len(c.Documents) {
			t.Fatalf("%d documents, %d records, %d index entries", len(c.Documents), len(data.Documents), len(ix.Docs))
		}
		// The index lists the documents in its language's order of their
		// parties: its entries by the id the script makes of them.
		entry := map[string]int{}
		for j, e := range ix.Docs {
			id := e.ID
			if id == "" {
				id = catalog.DefaultID(ix.Meetings[e.Meeting][0], ix.Kinds[e.Kind][1], ix.Parties[e.Party].ID)
			}
			entry[id] = j
		}
		for i, d := range c.Documents {
			page, _ := v.Page(d)
			seen[page.State]++
			r := data.Documents[i]
			sha, fileURL := "", ""
			if page.File != nil {
				sha, fileURL = page.File.SHA256, page.File.URL
			}
			for _, f := range []struct{ name, got, want string }{
				{"state", r.State, string(page.State)}, {"basis", r.Basis, page.Basis},
				{"public_from", r.PublicFrom, page.PublicFrom.String()}, {"withdrawn_on", r.WithdrawnOn, page.WithdrawnOn.String()},
				{"next_change", r.NextChange, page.NextChange.String()}, {"title", r.Title, page.Title},
				{"sha256", r.SHA256, sha}, {"file_url", r.FileURL, fileURL}, {"official_url", r.OfficialURL, page.OfficialURL},
			} {
				if f.got != f.want {
					t.Errorf("%s as of %s: documents.json %s %q, the view %q", d.ID, at.Format(time.DateOnly), f.name, f.got, f.want)
				}
			}
			st := StatusOfPage(page)
			if dec := disclosure.StatusOf(decisions[d.ID]); dec.State != st.State || dec.Basis != st.Basis || dec.PublicFrom != st.PublicFrom || dec.WithdrawnOn != st.WithdrawnOn {
				t.Errorf("%s: the plan's view %+v, the page's %+v", d.ID, dec, st)
			}
			e := ix.Docs[entry[d.ID]]
			title := e.Title
			if title == "" {
				title = disclosure.DefaultTitle(disclosure.ReportLabel(page.KindLabel, e.Report), page.PartyName, page.MeetingTitle)
			}
			if e.Report != page.Report {
				t.Errorf("%s as of %s: the search index's report %d, the view %d", d.ID, at.Format(time.DateOnly), e.Report, page.Report)
			}
			for _, f := range []struct{ name, got, want string }{
				{"state", ix.States[e.State], string(page.State)}, {"public_from", e.PublicFrom, page.PublicFrom.String()},
				{"withdrawn_on", e.WithdrawnOn, page.WithdrawnOn.String()}, {"title", title, page.Title},
				{"summary", e.Summary, page.Summary}, {"symbol", e.Symbol, page.Symbol},
			} {
				if f.got != f.want {
					t.Errorf("%s as of %s: the search index's %s %q, the view %q", d.ID, at.Format(time.DateOnly), f.name, f.got, f.want)
				}
			}
		}
		// Paragraphs are indexed only of the texts the view gives.
		texts := map[int]bool{}
		for _, d := range c.Documents {
			if page, _ := v.Page(d); page.Text != nil {
				texts[entry[d.ID]] = true
			}
		}
		for _, p := range ix.Paras {
			if !texts[p.Doc] {
				t.Errorf("the search index holds a paragraph of its entry %d, whose page gives no text", p.Doc)
			}
		}
	}
	for _, s := range publication.States {
		if seen[s] == 0 {
			t.Errorf("no document was %s at any moment: the test proves nothing of that state", s)
		}
	}
}

// StatusOfPage is what a document's page says of its publication.
func StatusOfPage(p disclosure.DocPage) disclosure.Status {
	return disclosure.Status{State: p.State, Basis: publication.Basis(p.Basis), PublicFrom: p.PublicFrom, WithdrawnOn: p.WithdrawnOn}
}
