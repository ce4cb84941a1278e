package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Each testdata/cases/*.txtar holds a catalog (-- data/... -- files) and,
// in -- want --, the problems Load must report, one per line, each the
// start of a problem's text (file:line:col: message). An empty want means
// the catalog is valid.
func TestLoadCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test cases in testdata/cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			var want []string
			for _, f := range ar.Files {
				switch {
				case f.Name == "want":
					for _, l := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
						if l = strings.TrimSpace(l); l != "" {
							want = append(want, l)
						}
					}
				case strings.HasPrefix(f.Name, "data/"):
					fsys[strings.TrimPrefix(f.Name, "data/")] = &fstest.MapFile{Data: f.Data}
				default:
					t.Fatalf("unexpected file %q in %s", f.Name, file)
				}
			}
			_, err = Load(fsys, "data")
			var got []string
			if err != nil {
				var ps Problems
				if !errors.As(err, &ps) {
					t.Fatalf("Load error is %T, not Problems: %v", err, err)
				}
				if !errors.Is(err, ErrInvalid) {
					t.Error("errors.Is(err, ErrInvalid) is false")
				}
				for _, p := range ps {
					got = append(got, p.String())
				}
			}
			if len(got) != len(want) {
				t.Fatalf("got %d problems, want %d:\n got: %s\nwant: %s", len(got), len(want), strings.Join(got, "\n      "), strings.Join(want, "\n      "))
			}
			for i := range want {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("problem %d:\n got: %s\nwant: %s…", i+1, got[i], want[i])
				}
			}
		})
	}
}

// The repository's own catalog is valid. What it holds changes with every
// edit, so only what holds for any valid catalog is checked here: every
// text parses into paragraphs numbered from 1, every document has a rule
// for its meeting, every meeting's lists name known parties.
func TestLoadRealCatalog(t *testing.T) {
	c, err := Load(os.DirFS("../../../data"), "data")
	if err != nil {
		t.Fatalf("data/ has problems:\n%v", err)
	}
	for _, d := range c.Documents {
		if _, ok := c.Rules.For(d.Kind, d.Meeting); !ok {
			t.Errorf("%s: no rule covers its meeting %s", d.ID, d.Meeting)
		}
		if d.Body == "" {
			continue
		}
		text, err := ParseText(d.Body)
		if err != nil || len(text.Paragraphs) == 0 || text.Paragraphs[0].Number != 1 {
			t.Errorf("%s: the text does not parse into numbered paragraphs: %v", d.ID, err)
		}
	}
	for _, m := range c.Meetings {
		for _, id := range m.Parties {
			if _, ok := c.Party(id); !ok {
				t.Errorf("meeting %s lists unknown party %s", m.ID, id)
			}
		}
		// Membership: a party with a document of a meeting was bound at it,
		// and a meeting's completeness counts every party once.
		cm := c.Completeness(m.ID)
		if n := cm.Bound + len(cm.NotYet) + len(cm.Left) + len(cm.Unknown); n != len(c.Parties) {
			t.Errorf("meeting %s: %d standings for %d parties", m.ID, n, len(c.Parties))
		}
	}
	for _, d := range c.Documents {
		if st := c.Membership(d.Meeting, d.Party).Standing; d.Party != "" && st != Bound {
			t.Errorf("%s: its party %s is %s at meeting %s, not bound", d.ID, d.Party, st, d.Meeting)
		}
	}
}

// The fixture catalog's Summary Report: the 7th meeting's, paragraph 26's
// number restored, 47 paragraphs.
func TestLoadFixtureSummaryReport(t *testing.T) {
	c, err := Load(os.DirFS("../../testdata/catalog"), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	sr, ok := c.Document("rm07-summary-report")
	if !ok {
		t.Fatal("no rm07-summary-report")
	}
	text, err := ParseText(sr.Body)
	if err != nil {
		t.Fatal(err)
	}
	if len(text.Paragraphs) != 47 || !strings.Contains(text.Paragraphs[17].Text, "228 Challenges") {
		t.Errorf("summary report: %d paragraphs; paragraph 18 = %q", len(text.Paragraphs), text.Paragraphs[17].Text)
	}
	libya, ok := c.Document("rm07-nr-libya")
	if !ok || !libya.NotSubmitted {
		t.Errorf("Libya's national report should be recorded as not submitted: %+v", libya)
	}
}

func TestLoadRejectsNonUTF8(t *testing.T) {
	fsys := validCatalog()
	fsys["parties.yaml"] = &fstest.MapFile{Data: []byte("parties:\n  - id: a\n    name: \"Caf\xe9\"\n    type: state\n")}
	_, err := Load(fsys, "data")
	if err == nil || !strings.Contains(err.Error(), "data/parties.yaml:3: the file is not valid UTF-8") {
		t.Errorf("error = %v", err)
	}
}

func TestLoadRejectsSymlinkOutOfCatalog(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	for name, f := range validCatalog() {
		p := filepath.Join(data, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	secret := filepath.Join(root, "secret.pdf")
	if err := os.WriteFile(secret, []byte("not in data/"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(data, "files"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(data, "files", "nr.pdf")); err != nil {
		t.Fatal(err)
	}
	docs := "meeting: m1\ndocuments:\n  - kind: national_report\n    party: a\n    file: files/nr.pdf\n"
	if err := os.WriteFile(filepath.Join(data, "documents", "m1.yaml"), []byte(docs), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(os.DirFS(data), "data")
	if err == nil || !strings.Contains(err.Error(), "data/documents/m1.yaml:5:5: document \"m1-nr-a\": file data/files/nr.pdf goes through a symbolic link") {
		t.Errorf("error = %v", err)
	}
}

// validCatalog is a small valid catalog for tests to change.
func validCatalog() fstest.MapFS {
	return fstest.MapFS{
		"rules.yaml": {Data: []byte(`timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, rules: [{from: m1, public: after_adjournment, days: 90, early_publication: true, objection: true}]}
`)},
		"parties.yaml":      {Data: []byte("parties:\n  - {id: a, name: Aland, type: state}\n")},
		"meetings.yaml":     {Data: []byte("meetings:\n  - {id: m1, type: review, numbers: [1], title: 1st, opening: 2017-03-27, adjournment: 2017-04-07}\n")},
		"documents/m1.yaml": {Data: []byte("meeting: m1\ndocuments:\n  - {kind: national_report, party: a}\n")},
	}
}

// Each meeting's review cycle begins when the latest meeting listed before
// it adjourned, if that was before it opened: the first meeting's when the
// Convention entered into force (where known), none after a meeting whose
// adjournment is not known (the one before it counts then), nor when the
// days overlap.
func TestMeetingsCycleStart(t *testing.T) {
	fsys := validCatalog()
	fsys["meetings.yaml"] = &fstest.MapFile{Data: []byte(`meetings:
  - {id: m1, type: review, numbers: [1], title: 1st, opening: 2017-03-27, adjournment: 2017-04-07}
  - {id: m2, type: review, numbers: [2], title: 2nd, held: 2020}
  - {id: m3, type: review, numbers: [3], title: 3rd, opening: 2023-03-20, adjournment: 2023-03-31}
  - {id: m4, type: review, numbers: [4], title: 4th, opening: 2023-03-25, adjournment: 2023-04-05}
  - {id: m5, type: review, numbers: [5], title: 5th, held: 2026}
`)}
	c, err := Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"m1": "", "m2": "2017-04-07", "m3": "2017-04-07", "m4": "", "m5": "2023-04-05"}
	for _, m := range c.Meetings {
		if got := m.CycleStart.String(); got != want[m.ID] {
			t.Errorf("%s: review cycle begins %q, want %q", m.ID, got, want[m.ID])
		}
	}
	// The first meeting's cycle began when the Convention entered into
	// force, where parties.yaml gives that day.
	fsys["parties.yaml"] = &fstest.MapFile{Data: append([]byte("entry_into_force: 1996-10-24\n"), fsys["parties.yaml"].Data...)}
	if c, err = Load(fsys, "."); err != nil {
		t.Fatal(err)
	}
	want["m1"] = "1996-10-24"
	for _, m := range c.Meetings {
		if got := m.CycleStart.String(); got != want[m.ID] {
			t.Errorf("with the Convention's day: %s: review cycle begins %q, want %q", m.ID, got, want[m.ID])
		}
	}
}

// A mistyped id is offered the nearest known one, but not a short id (four
// letters: "iran" is no mistyped iraq), nor one that differs in its digits
// alone ("rm11", a meeting not yet added, is no mistyped rm01).
func TestDidYouMean(t *testing.T) {
	known := []string{"aland", "borduria", "iraq", "spain", "rm01", "rm07", "rm08-09"}
	for id, want := range map[string]string{
		"spian":    `: did you mean "spain"?`,
		"alnad":    `: did you mean "aland"?`,
		"bordruia": `: did you mean "borduria"?`,
		"iran":     "",
		"rm11":     "",
		"RM08-10":  "",
		"Spain":    `: did you mean "spain"?`,
		"Rm08-09":  `: did you mean "rm08-09"?`,
		"rm70":     "",
		"rm08-10":  "",
		"syldavia": "",
	} {
		if got := didYouMean(id, known); got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", id, got, want)
		}
	}
}
