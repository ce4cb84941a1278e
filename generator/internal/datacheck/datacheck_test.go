package datacheck_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/datacheck"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/testneed"
	"github.com/cns-transparency/cns-site/generator/internal/testscratch"
)

// repo is the repository root, seen from this package.
const repo = "../../.."

// need skips the test, or fails it under CI, when what it needs is missing.
func need(t *testing.T, ok bool, what string) {
	t.Helper()
	testneed.Need(t, ok, what, "the open data check")
}

// outputs writes the generator's own outputs (open data, schemas, package,
// search index: everything but Hugo's pages) of the catalog in data as of
// at into dir, as a build writes them, in every language of the site and
// with the site's address known.
func outputs(dir, data string, at time.Time) error {
	c, when, decisions, err := prepare.LoadAndDecide(data, "", publication.AsOf{Time: at})
	if err != nil {
		return err
	}
	conf, err := prepare.ReadSiteConfig(filepath.Join(repo, "site"))
	if err != nil {
		return err
	}
	const base = "https://example.net/cns/"
	v := disclosure.NewView(disclosure.Input{BaseURL: base, Catalog: c, Decisions: decisions, AsOf: when, SiteTitle: conf.Title, Languages: conf.LanguageCodes()})
	for _, out := range prepare.Outputs {
		if err := out.Write(afero.NewOsFs(), dir, base, v); err != nil {
			return fmt.Errorf("%s: writing %s: %w", data, out.Name, err)
		}
	}
	return nil
}

// sets are the outputs the tests validate, written once for the package
// (the two validators' tests run side by side): the frozen fixture
// catalog, a generated corpus at two moments (every state occurs), and the
// real catalog, whose outputs match their schemas as any valid catalog's
// must.
var (
	sets     = map[string]string{}
	setsOnce sync.Once
	setsErr  error
	root     string // made and removed by TestMain
)

func TestMain(m *testing.M) { os.Exit(runTests(m)) }

// runTests runs the tests with their temporary files in memory where the
// machine allows it (testscratch).
func runTests(m *testing.M) int {
	defer testscratch.Use()()
	var err error
	if root, err = os.MkdirTemp("", "cns-datacheck-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(root)
	return m.Run()
}

func outputSets(t *testing.T) map[string]string {
	t.Helper()
	setsOnce.Do(func() {
		m, err := corpus.Write(filepath.Join(root, "corpus"), corpus.Options{Seed: 22, Documents: 300})
		if err != nil {
			setsErr = err
			return
		}
		for _, set := range []struct {
			name, data string
			at         time.Time
		}{
			{"fixture", filepath.Join(repo, "generator", "testdata", "catalog"), time.Date(2017, 7, 6, 12, 0, 0, 0, time.UTC)},
			// Before the 7th meeting's review cycle began: its documents
			// not yet submitted, with the day it begins as their next
			// change (a review found such builds failing the schema).
			{"fixture, before a cycle", filepath.Join(repo, "generator", "testdata", "catalog"), time.Date(2013, 6, 1, 12, 0, 0, 0, time.UTC)},
			{"corpus, early", m.Dir, m.From.Add(m.To.Sub(m.From) / 3)},
			{"corpus, late", m.Dir, m.To},
			{"real catalog", filepath.Join(repo, "data"), time.Now()},
		} {
			dir := filepath.Join(root, strings.ReplaceAll(strings.ReplaceAll(set.name, ",", ""), " ", "-"))
			if setsErr = outputs(dir, set.data, set.at); setsErr != nil {
				return
			}
			sets[set.name] = dir
		}
	})
	if setsErr != nil {
		t.Fatal(setsErr)
	}
	return sets
}

func names(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// mutation breaks one output file in a copy of a set, as a bug in the
// generator could: each must fail its validator.
type mutation struct {
	name, file string
	change     func(t *testing.T, v map[string]any)
}

func documents(v map[string]any) []any { return v["documents"].([]any) }

func firstWhere(t *testing.T, list []any, key, value string) map[string]any {
	t.Helper()
	for _, x := range list {
		if o := x.(map[string]any); o[key] == value {
			return o
		}
	}
	t.Fatalf("no item with %s %q", key, value)
	return nil
}

var jsonMutations = []mutation{
	{"a document without its state", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) { delete(documents(v)[0].(map[string]any), "state") }},
	{"a state no one knows", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) { documents(v)[0].(map[string]any)["state"] = "secret" }},
	{"a kind the catalog does not have", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) { documents(v)[0].(map[string]any)["kind"] = "memo" }},
	{"a checksum of a scheduled document", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) {
		firstWhere(t, documents(v), "state", "scheduled")["sha256"] = strings.Repeat("ab", 32)
	}},
	{"an official address of a withheld or restricted document", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) {
		d := firstWhere(t, documents(v), "state", "scheduled")
		d["state"], d["basis"], d["public_from"], d["next_change"] = "withheld", "", "", ""
		d["official_url"] = "https://example.org/report.pdf"
	}},
	{"a day that is no date", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) {
		firstWhere(t, documents(v), "state", "public")["public_from"] = "2017-13-40"
	}},
	{"a field no one declared", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) { documents(v)[0].(map[string]any)["note"] = "x" }},
	{"a file size as text", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) {
		for _, x := range documents(v) {
			if d := x.(map[string]any); d["file_size"] != nil {
				d["file_size"] = "12"
				return
			}
		}
		t.Fatal("no document with a file")
	}},
	{"an earlier public period without its end", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) {
		d := firstWhere(t, documents(v), "state", "public")
		d["earlier_public_from"], d["earlier_basis"] = "2017-07-06", "after_adjournment"
	}},
	{"an earlier public period of a restricted document", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) {
		d := firstWhere(t, documents(v), "state", "restricted")
		d["earlier_public_from"], d["earlier_withdrawn_on"], d["earlier_basis"] = "2017-07-06", "2017-08-01", "after_adjournment"
	}},
	{"an earlier public period of a scheduled document", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) {
		d := firstWhere(t, documents(v), "state", "scheduled")
		d["earlier_public_from"], d["earlier_withdrawn_on"], d["earlier_basis"] = "2017-07-06", "2017-08-01", "after_adjournment"
	}},
	{"a report numbered 0", opendata.DocumentsJSON, func(t *testing.T, v map[string]any) { documents(v)[0].(map[string]any)["report"] = 0 }},
	{"a meeting of another type", opendata.MeetingsJSON, func(t *testing.T, v map[string]any) {
		v["meetings"].([]any)[0].(map[string]any)["type"] = "informal"
	}},
	{"a meeting without its membership", opendata.MeetingsJSON, func(t *testing.T, v map[string]any) {
		delete(v["meetings"].([]any)[0].(map[string]any), "membership")
	}},
	{"a party without a name", opendata.PartiesJSON, func(t *testing.T, v map[string]any) {
		delete(v["parties"].([]any)[0].(map[string]any), "name")
	}},
	{"a party's entry into force that is no day", opendata.PartiesJSON, func(t *testing.T, v map[string]any) {
		v["parties"].([]any)[0].(map[string]any)["in_force"] = "1996"
	}},
}

func mutate(t *testing.T, src, file string, change func(*testing.T, map[string]any)) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(src, file))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	// One document of each state is enough to show the schema refuses
	// the change, and keeps the validator's work small.
	if docs, ok := v["documents"].([]any); ok {
		var few []any
		seen := map[any]bool{}
		for _, d := range docs {
			if st := d.(map[string]any)["state"]; !seen[st] {
				seen[st] = true
				few = append(few, d)
			}
		}
		v["documents"] = few
	}
	change(t, v)
	if b, err = json.Marshal(v); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), file)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Every JSON file of the open data matches its JSON Schema (draft 2020-12,
// checked against its meta-schema first) for the fixture, a generated
// corpus at two moments and the real catalog; and each file broken as a bug
// would break it fails, so a broken output fails CI. One Python process
// validates them all.
func TestOpenDataMatchesItsJSONSchemas(t *testing.T) {
	t.Parallel()
	python := datacheck.Python()
	need(t, python != "", "python3 with jsonschema (Debian's python3-jsonschema)")
	all := outputSets(t)
	var cases []datacheck.Case
	var what []string
	for _, name := range names(all) {
		for _, f := range opendata.JSONFiles {
			cases = append(cases, datacheck.Case{Schema: filepath.Join(all[name], filepath.FromSlash(f.SchemaPath())), Instance: filepath.Join(all[name], f.Path)})
			what = append(what, name+": "+f.Path)
		}
	}
	valid := len(cases)
	// Early in the generated corpus's span, every state occurs.
	src := all["corpus, early"]
	for _, m := range jsonMutations {
		schema := ""
		for _, f := range opendata.JSONFiles {
			if f.Path == m.file {
				schema = filepath.Join(src, filepath.FromSlash(f.SchemaPath()))
			}
		}
		cases = append(cases, datacheck.Case{Schema: schema, Instance: mutate(t, src, m.file, m.change)})
		what = append(what, m.name)
	}
	start := time.Now()
	got, err := datacheck.JSON(context.Background(), python, cases)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("python-jsonschema checked %d files in %s", len(cases), time.Since(start).Round(time.Millisecond))
	// With the site's address, each schema names its own address.
	for _, f := range opendata.JSONFiles {
		var schema struct {
			ID string `json:"$id"`
		}
		b, _ := os.ReadFile(filepath.Join(all["fixture"], filepath.FromSlash(f.SchemaPath())))
		if err := json.Unmarshal(b, &schema); err != nil || schema.ID != "https://example.net/cns/"+f.SchemaPath() {
			t.Errorf("%s: $id %q (%v)", f.SchemaPath(), schema.ID, err)
		}
	}
	verdicts(t, got, what, valid, "%s does not match its schema", "the schema accepts %s")
}

// The data package of each set is valid (Data Package v1), and the data of
// every CSV match their Table Schemas; a CSV broken as a bug would break it
// fails. One Node.js process validates them all.
func TestDataPackageIsValid(t *testing.T) {
	t.Parallel()
	node := datacheck.Node()
	need(t, node != "", "Node.js (node)")
	module := datacheck.DatapackageDir(repo)
	need(t, module != "", "the npm package datapackage@"+datacheck.DatapackageVersion)
	all := outputSets(t)
	var dirs, what []string
	for _, name := range names(all) {
		dirs, what = append(dirs, all[name]), append(what, name)
	}
	valid := len(dirs)
	broken := func(name string, change func(csv, pkg string) (string, string)) {
		dir := t.TempDir()
		csv, _ := os.ReadFile(filepath.Join(all["fixture"], opendata.DocumentsCSV))
		pkg, _ := os.ReadFile(filepath.Join(all["fixture"], opendata.Package))
		c, p := change(string(csv), string(pkg))
		os.WriteFile(filepath.Join(dir, opendata.DocumentsCSV), []byte(c), 0o644)
		os.WriteFile(filepath.Join(dir, opendata.Package), []byte(p), 0o644)
		for _, f := range opendata.JSONFiles {
			b, _ := os.ReadFile(filepath.Join(all["fixture"], f.Path))
			os.WriteFile(filepath.Join(dir, f.Path), b, 0o644)
		}
		// The package's other CSVs (the charts' data), unchanged.
		for _, tb := range opendata.Tables {
			matches, _ := filepath.Glob(filepath.Join(all["fixture"], filepath.FromSlash(tb.Path)))
			for _, m := range matches {
				rel, _ := filepath.Rel(all["fixture"], m)
				if rel == opendata.DocumentsCSV {
					continue
				}
				b, _ := os.ReadFile(m)
				os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755)
				os.WriteFile(filepath.Join(dir, rel), b, 0o644)
			}
		}
		dirs, what = append(dirs, dir), append(what, name)
	}
	broken("a state no one knows in documents.csv", func(csv, pkg string) (string, string) {
		return strings.Replace(csv, ",public,", ",secret,", 1), pkg
	})
	broken("a day that is no date in documents.csv", func(csv, pkg string) (string, string) {
		return strings.Replace(csv, ",2017-07-06,", ",6 July 2017,", 1), pkg
	})
	broken("two rows of one id in documents.csv", func(csv, pkg string) (string, string) {
		lines := strings.SplitAfter(csv, "\n")
		return csv + lines[1], pkg
	})
	broken("a column dropped from documents.csv", func(csv, pkg string) (string, string) {
		lines := strings.Split(strings.TrimSuffix(csv, "\n"), "\n")
		for i, l := range lines {
			lines[i] = l[strings.Index(l, ",")+1:]
		}
		return strings.Join(lines, "\n") + "\n", pkg
	})
	broken("a package name with capitals and spaces", func(csv, pkg string) (string, string) {
		return csv, strings.Replace(pkg, `"name": "cns-review-process-documents"`, `"name": "CNS documents"`, 1)
	})
	broken("a CSV resource without its path", func(csv, pkg string) (string, string) {
		return csv, strings.Replace(pkg, `"path": "documents.csv",`, ``, 1)
	})
	start := time.Now()
	got, err := datacheck.Packages(context.Background(), node, module, dirs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("datapackage checked %d packages in %s", len(dirs), time.Since(start).Round(time.Millisecond))
	verdicts(t, got, what, valid, "%s: the data package is not valid", "the validator accepts %s")
}

// verdicts checks a validator's errors per case: none for the first valid
// cases (else invalid, with the case's name), some for each broken one
// after them (else accepted, with its name).
func verdicts(t *testing.T, got [][]string, what []string, valid int, invalid, accepted string) {
	t.Helper()
	for i, errs := range got {
		switch {
		case i < valid && len(errs) > 0:
			t.Errorf(invalid+":\n  %s", what[i], strings.Join(errs, "\n  "))
		case i >= valid && len(errs) == 0:
			t.Errorf(accepted, what[i])
		case i >= valid:
			t.Logf("%s: %s", what[i], errs[0])
		}
	}
}

// Every CSV the outputs write has a Table Schema declared in
// opendata.Tables, the one place to add one: a CSV no Table matches still
// joins the package, but only with its header's columns as strings.
func TestEveryCSVHasATableSchema(t *testing.T) {
	for _, name := range names(outputSets(t)) {
		dir := sets[name]
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			if _, ok := opendata.TableFor(filepath.ToSlash(rel)); !ok {
				t.Errorf("%s: %s has no Table Schema: add it to opendata.Tables (generator/internal/opendata/describe.go)", name, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// The package lists every CSV the outputs wrote, whatever wrote it (the
// figures' CSVs under data/figures/ join by themselves), and each JSON file
// with its JSON Schema.
func TestPackageListsEveryCSVAndJSONFile(t *testing.T) {
	c, at, decisions, err := prepare.LoadAndDecide(filepath.Join(repo, "generator", "testdata", "catalog"), "", publication.AsOf{Time: time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at})
	fs := afero.NewMemMapFs()
	if err := opendata.Write(fs, "/site", "", v); err != nil {
		t.Fatal(err)
	}
	afero.WriteFile(fs, "/site/data/figures/rm07-states.csv", []byte("state,count\npublic,3\n"), 0o644)
	afero.WriteFile(fs, "/site/files/rm07-nr-albania/annex.csv", []byte("a document's own file\n"), 0o644)
	if err := opendata.WritePackage(fs, "/site", "", v); err != nil {
		t.Fatal(err)
	}
	b, err := afero.ReadFile(fs, "/site/"+opendata.Package)
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Resources []struct {
			Path       string
			JSONSchema string `json:"jsonSchema"`
			Schema     *struct{ Fields []struct{ Name, Type string } }
		}
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range pkg.Resources {
		got[r.Path] = true
		if r.Path == "data/figures/rm07-states.csv" && (r.Schema == nil || len(r.Schema.Fields) != 2 || r.Schema.Fields[1].Name != "count") {
			t.Errorf("the figure's CSV is listed without its header's columns: %+v", r.Schema)
		}
	}
	for _, want := range []string{opendata.DocumentsCSV, "data/figures/rm07-states.csv"} {
		if !got[want] {
			t.Errorf("the package does not list %s", want)
		}
	}
	for _, f := range opendata.JSONFiles {
		if !got[f.Path] {
			t.Errorf("the package does not list %s", f.Path)
		}
		for _, r := range pkg.Resources {
			if r.Path == f.Path && r.JSONSchema != f.SchemaPath() {
				t.Errorf("the package names %s's schema %q, want %q", f.Path, r.JSONSchema, f.SchemaPath())
			}
		}
		// Without the site's address the schema has no $id; and every
		// placeholder ("KINDS", "STATES"…) is replaced by its values.
		schema, err := afero.ReadFile(fs, "/site/"+f.SchemaPath())
		if err != nil {
			t.Errorf("%s's schema %s was not written", f.Path, f.SchemaPath())
		}
		if strings.Contains(string(schema), `"$id"`) || regexp.MustCompile(`"[A-Z][A-Z_]*"`).Match(schema) {
			t.Errorf("%s: an $id without the site's address, or a placeholder:\n%s", f.SchemaPath(), schema)
		}
	}
	if got["files/rm07-nr-albania/annex.csv"] {
		t.Error("the package lists a document's own file")
	}
}

// emptyCalendar is the calendar of the fixture catalog with its documents
// taken out, as of a day in 2017.
func emptyCalendar(t *testing.T) []byte {
	t.Helper()
	c, at, decisions, err := prepare.LoadAndDecide(filepath.Join(repo, "generator", "testdata", "catalog"), "", publication.AsOf{Time: time.Date(2017, 7, 6, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	c.Documents = nil
	fs := afero.NewMemMapFs()
	if err := opendata.Write(fs, "/site", "", disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at})); err != nil {
		t.Fatal(err)
	}
	b, err := afero.ReadFile(fs, "/site/"+opendata.Calendar)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The package lists every file the outputs write but those it leaves out
// on purpose (opendata.Unpackaged), and the open data page says which it
// leaves out: a file added to the outputs joins one list or the other.
func TestPackageListsEveryDataFileAndThePageSaysWhatItLeavesOut(t *testing.T) {
	for _, name := range names(outputSets(t)) {
		dir := sets[name]
		b, err := os.ReadFile(filepath.Join(dir, opendata.Package))
		if err != nil {
			t.Fatal(err)
		}
		var pkg struct{ Resources []struct{ Path string } }
		if err := json.Unmarshal(b, &pkg); err != nil {
			t.Fatal(err)
		}
		listed := map[string]bool{}
		for _, r := range pkg.Resources {
			listed[r.Path] = true
		}
		left := map[string]bool{}
		err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(rel)
			if listed[rel] {
				delete(listed, rel)
				return nil
			}
			for _, u := range opendata.Unpackaged {
				for _, pattern := range u.Patterns {
					if ok, _ := path.Match(pattern, rel); ok {
						left[u.Named] = true
						return nil
					}
				}
			}
			t.Errorf("%s: %s is neither a resource of the package nor among opendata.Unpackaged", name, rel)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(listed) > 0 {
			t.Errorf("%s: the package lists files that were not written: %v", name, listed)
		}
		for _, u := range opendata.Unpackaged {
			if !left[u.Named] {
				t.Errorf("%s: nothing written is %s, which opendata.Unpackaged names", name, u.Named)
			}
		}
	}
	page := string(readPage(t))
	_, says, ok := strings.Cut(page, "Not resources of the package")
	says, _, _ = strings.Cut(says, "\n\n")
	if !ok {
		t.Fatal("site/content/data.md does not say which files are \"Not resources of the package\"")
	}
	for _, u := range opendata.Unpackaged {
		if !strings.Contains(says, u.Named) {
			t.Errorf("site/content/data.md does not name %s among the files that are not resources of the package", u.Named)
		}
	}
}

func readPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repo, "site", "content", "data.md"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// .ci/run installs the release of datapackage this package names.
func TestCIInstallsThePinnedDatapackage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repo, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "datapackage_version="+datacheck.DatapackageVersion+"\n") {
		t.Errorf(".ci/run does not install datapackage %s", datacheck.DatapackageVersion)
	}
}

// Feed readers and calendars read what the site writes: every Atom feed
// (the site's, each meeting's and each country's) is well formed Atom 1.0
// with its title, id, link and day in the feed and in each entry, and the
// calendar is iCalendar 2.0 with CRLF lines of at most 75 octets and at
// least one component, whose every event has its own UID, a stamp, a
// summary and a day, in every set, and whose time zone, where it has one
// (a catalog with nothing public or scheduled), gives the offsets of the
// IANA database (feedparser and icalendar, as Debian packages them). A feed
// or a calendar broken as a bug would break it fails.
func TestFeedsAndCalendarReadAsReadersDo(t *testing.T) {
	t.Parallel()
	python := datacheck.FeedPython()
	need(t, python != "", "python3 with feedparser and icalendar (Debian's python3-feedparser and python3-icalendar)")
	all := outputSets(t)
	var files, what []string
	events := 0
	for _, name := range names(all) {
		dir := all[name]
		found := []string{filepath.Join(dir, opendata.SiteFeed), filepath.Join(dir, opendata.Calendar)}
		for _, pattern := range []string{"meetings/*/feed.atom", "countries/*/feed.atom"} {
			m, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
			if err != nil || len(m) == 0 {
				t.Fatalf("%s: no %s (%v)", name, pattern, err)
			}
			found = append(found, m...)
		}
		for _, f := range found {
			rel, _ := filepath.Rel(dir, f)
			files, what = append(files, f), append(what, name+": "+filepath.ToSlash(rel))
		}
		b, err := os.ReadFile(filepath.Join(dir, opendata.Calendar))
		if err != nil {
			t.Fatal(err)
		}
		events += strings.Count(string(b), "BEGIN:VEVENT")
	}
	if events == 0 {
		t.Fatal("no set's calendar has an event: the readers would read none")
	}
	// A catalog with nothing public or scheduled yet: its calendar holds
	// the rules' time zone alone.
	empty := emptyCalendar(t)
	if !strings.Contains(string(empty), "BEGIN:VTIMEZONE") {
		t.Fatalf("the calendar of a catalog without documents has no time zone:\n%s", empty)
	}
	p := filepath.Join(t.TempDir(), opendata.Calendar)
	if err := os.WriteFile(p, empty, 0o644); err != nil {
		t.Fatal(err)
	}
	files, what = append(files, p), append(what, "fixture without documents: "+opendata.Calendar)
	valid := len(files)
	// Broken copies, each of which a reader must refuse.
	src := all["corpus, early"]
	broken := func(name, file string, change func(string) string) {
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		changed := change(string(b))
		if changed == string(b) {
			t.Fatalf("%s: the change changed nothing", name)
		}
		p := filepath.Join(t.TempDir(), filepath.Base(file))
		if err := os.WriteFile(p, []byte(changed), 0o644); err != nil {
			t.Fatal(err)
		}
		files, what = append(files, p), append(what, name)
	}
	broken("a feed cut short", opendata.SiteFeed, func(s string) string { return s[:len(s)*2/3] })
	broken("an entry without its day", opendata.SiteFeed, func(s string) string {
		return regexp.MustCompile(`(?s)(<entry>.*?)<updated>[^<]*</updated>`).ReplaceAllString(s, "$1")
	})
	broken("an event without its day", opendata.Calendar, func(s string) string {
		return regexp.MustCompile(`(?m)^DTSTART[^\r\n]*\r?\n`).ReplaceAllString(s, "")
	})
	broken("an event at a time of day", opendata.Calendar, func(s string) string {
		return regexp.MustCompile(`(?m)^DTSTART;VALUE=DATE:(\d{8})`).ReplaceAllString(s, "DTSTART:${1}T120000Z")
	})
	broken("a calendar with LF line endings", opendata.Calendar, func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") })
	broken("a calendar without any component", opendata.Calendar, func(s string) string {
		return regexp.MustCompile(`(?s)BEGIN:VEVENT.*END:VEVENT\r\n`).ReplaceAllString(s, "")
	})
	p = filepath.Join(t.TempDir(), opendata.Calendar)
	if err := os.WriteFile(p, []byte(strings.ReplaceAll(string(empty), "TZOFFSETTO:+0200", "TZOFFSETTO:+0300")), 0o644); err != nil {
		t.Fatal(err)
	}
	files, what = append(files, p), append(what, "a time zone an hour off in summer")
	got, err := datacheck.Feeds(context.Background(), python, files)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("feedparser and icalendar read %d files (%d events)", len(files), events)
	verdicts(t, got, what, valid, "%s is not read as it should be", "the readers accept %s")
}
