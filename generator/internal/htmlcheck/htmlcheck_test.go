package htmlcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/cli"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/testneed"
)

// repo is the repository root, seen from this package.
const repo = "../../.."

// allowedWarnings are the checker's warnings the site keeps, each with the
// reason it is kept; every other warning fails the test, like an error.
// An entry no page needs any more fails it too, so that the list only
// holds what is true of the site today. (None today: every warning the
// checker gave was fixed.)
var allowedWarnings = []struct {
	message string // a part of the message
	reason  string
}{}

// need skips the test, or fails it under CI, when what it needs is missing.
func need(t *testing.T, ok bool, what string) {
	t.Helper()
	testneed.Need(t, ok, what, "the HTML check")
}

// build builds a site from a catalog with the generator's build command, as
// a webmaster would, and returns its output folder. more adds flags
// (--languages).
func build(t *testing.T, data, asOf string, more ...string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	args := append([]string{"build", "--quiet", "--data", data, "--as-of", asOf,
		"--site", filepath.Join(repo, "site"), "--themes", filepath.Join(repo, "themes"),
		"--out", out, "--work", filepath.Join(dir, ".build")}, more...)
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
	if code != 0 {
		t.Fatalf("build of %s as of %s exited %d:\n%s%s", data, asOf, code, stdout.String(), stderr.String())
	}
	return out
}

// htmlFiles lists a folder's HTML files.
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// oneOfEachShape keeps the first of the files (in order) of each Shape not
// in seen, and adds their shapes to seen.
func oneOfEachShape(t *testing.T, files []string, seen map[[32]byte]bool) []string {
	t.Helper()
	var out []string
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Shape(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, f)
		}
	}
	return out
}

// stateCounts counts a built site's documents by state, from its open data.
func stateCounts(t *testing.T, site string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, "documents.json"))
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		Documents []struct {
			State string `json:"state"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, d := range data.Documents {
		n[d.State]++
	}
	return n
}

// problems are the messages that fail the check: every error, and every
// warning no entry of allowedWarnings covers. used counts the entries used.
func problems(msgs []Message, used map[int]int) []Message {
	var bad []Message
	for _, m := range msgs {
		if m.IsError() {
			bad = append(bad, m)
			continue
		}
		if !m.IsWarning() {
			continue // plain information
		}
		allowed := false
		for i, a := range allowedWarnings {
			if strings.Contains(m.Message, a.message) {
				used[i]++
				allowed = true
				break
			}
		}
		if !allowed {
			bad = append(bad, m)
		}
	}
	return bad
}

// mutants writes pages made invalid on purpose from a valid one, each
// with the words its errors must contain; the check must fail on each.
func mutants(t *testing.T, from string) (string, map[string]string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	cases := map[string]struct{ old, new, want string }{
		// The error of issue 24: an ARIA role on a native table's cell.
		"role-on-cell.html": {"<td ", `<td role="cell" `, "role"},
		// The other one: a <time> with neither datetime nor a date.
		"empty-time.html": {"</main>", "<time></time></main>", "time"},
		// An attribute HTML does not have.
		"unknown-attribute.html": {"<main ", `<main frobnicate="yes" `, "frobnicate"},
	}
	dir := t.TempDir()
	want := map[string]string{}
	for name, c := range cases {
		if !strings.Contains(page, c.old) {
			t.Fatalf("%s has no %q to make %s from", from, c.old, name)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Replace(page, c.old, c.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		want[p] = c.want
	}
	return dir, want
}

// Issue 24: every HTML page of the fixture catalog's site, in English and
// Arabic (on the day its 7th meeting's reports became public, and before
// it, when they were scheduled), and a page of each shape of a generated
// catalog of about 300 documents in every state, is valid HTML for the W3C Nu Html Checker: no error, and no warning
// but those allowedWarnings lists with a reason. The checker runs once over
// all of them, and over pages made invalid on purpose, which it must fail.
func TestEveryPageIsValidHTML(t *testing.T) {
	java, jar := JavaPath(), JarPath(repo)
	need(t, java != "", "Java (java on PATH or $JAVA; apt-get install -y default-jre-headless)")
	_, err := os.Stat(jar)
	need(t, err == nil, "vnu.jar ("+jar+"; npm install --no-save --ignore-scripts --prefix .build/npm vnu-jar@"+VnuVersion+")")

	fixture := filepath.Join(repo, "generator", "testdata", "catalog")
	m, err := corpus.Write(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: 24, Documents: 300})
	if err != nil {
		t.Fatal(err)
	}
	middle := m.From.Add(m.To.Sub(m.From) / 2).Format(time.DateOnly)
	sites := []struct {
		name, dir string
		files     []string // the pages checked: all, or one of each shape
		all       int      // the site's pages
	}{
		// English and Arabic (the one right-to-left language, and a
		// language whose pages mark English data with lang="en"): the
		// markup of the other four languages is Arabic's, in other words
		// (their pages go through axe in the browser tests).
		{name: "fixture as of 2017-07-06", dir: build(t, fixture, "2017-07-06", "--languages", "en,ar")},
		{name: "fixture as of 2017-05-01", dir: build(t, fixture, "2017-05-01", "--languages", "en,ar")},
		// The corpus's hundreds of pages are a few templates filled with
		// data of one form: one page of each shape is checked (the fixture's
		// first site is checked whole, for errors in the data's own values;
		// its second too under CNS_TEST_EXHAUSTIVE, which .ci/run sets, and
		// in a developer's run the pages of a shape the first lacks).
		{name: "corpus of 300 documents as of " + middle, dir: build(t, m.Dir, middle, "--languages", "en,ar")},
	}
	seen := map[[32]byte]bool{}
	for i := range sites {
		files := htmlFiles(t, sites[i].dir)
		sites[i].all = len(files)
		sites[i].files = oneOfEachShape(t, files, seen)
		if i == 0 || (i == 1 && corpus.Exhaustive()) {
			sites[i].files = files
		}
		t.Logf("%s: %d pages, %d checked", sites[i].name, sites[i].all, len(sites[i].files))
	}
	// The corpus's site should show documents in most states, each with
	// pages and rows of its own.
	states := stateCounts(t, sites[2].dir)
	t.Logf("%s: documents by state %v", sites[2].name, states)
	if len(states) < 4 {
		t.Errorf("%s: documents in %d states only (%v): choose another day", sites[2].name, len(states), states)
	}
	mutantDir, mutantWant := mutants(t, filepath.Join(sites[0].dir, "documents", "index.html"))

	paths := []string{mutantDir}
	for _, s := range sites {
		paths = append(paths, s.files...)
	}
	start := time.Now()
	msgs, err := Check(context.Background(), java, jar, paths...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("vnu %s checked %d pages in %v", VnuVersion, len(paths)-1+len(mutantWant), time.Since(start).Round(time.Millisecond))

	byFile := map[string][]Message{}
	for _, m := range msgs {
		byFile[m.Path()] = append(byFile[m.Path()], m)
	}
	used := map[int]int{}
	known := map[string]bool{}
	for f := range mutantWant {
		known[f] = true
	}
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			files := s.files
			for _, f := range files {
				known[f] = true
			}
			if s.all < 20 {
				t.Fatalf("%d HTML pages in %s: too few for a site", s.all, s.dir)
			}
			n, errs, warnings := 0, 0, 0
			for _, f := range files {
				for _, m := range byFile[f] {
					if m.IsError() {
						errs++
					} else if m.IsWarning() {
						warnings++
					}
				}
				for _, m := range problems(byFile[f], used) {
					if n++; n <= 30 {
						t.Errorf("%s", m)
					}
				}
			}
			if n > 30 {
				t.Errorf("%d problems in all", n)
			}
			t.Logf("%d pages: %d errors, %d warnings, %d problems", len(files), errs, warnings, n)
		})
	}
	for f, ms := range byFile {
		if !known[f] {
			for _, m := range problems(ms, used) {
				t.Errorf("not of a page checked: %s", m)
			}
		}
	}
	for f, want := range mutantWant {
		bad := problems(byFile[f], map[int]int{})
		caught := ""
		for _, m := range bad {
			if caught == "" && m.IsError() && strings.Contains(m.Message, want) {
				caught = m.Message
			}
		}
		if caught != "" {
			t.Logf("%s, made invalid on purpose, fails: %s", filepath.Base(f), caught)
		} else {
			t.Errorf("%s, made invalid on purpose, passed the check (messages: %v)", filepath.Base(f), byFile[f])
		}
	}
	for i, a := range allowedWarnings {
		if used[i] == 0 {
			t.Errorf("allowed warning %q (%s) no longer occurs: remove it from allowedWarnings", a.message, a.reason)
		}
	}
}

// .ci/run installs the vnu-jar release the test names.
func TestCIInstallsTheCheckerTheTestNames(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repo, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "vnu_version="+VnuVersion+"\n") {
		t.Errorf(".ci/run does not install vnu-jar %s (VnuVersion)", VnuVersion)
	}
}

// Pages that differ only in their data (text, addresses, ids, dates) have
// one shape; a different element, attribute or role makes another.
func TestShapeKeepsMarkupAndDropsData(t *testing.T) {
	shape := func(s string) [32]byte {
		t.Helper()
		sum, err := Shape(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	base := `<main><h1 id="a">France</h1><p><time datetime="2017-07-06">6 July 2017</time></p><a href="/x/">x</a></main>`
	for _, same := range []string{
		`<main><h1 id="b">Chile</h1><p><time datetime="2019-01-02">2 January 2019</time></p><a href="/y/">yy</a></main>`,
	} {
		if shape(same) != shape(base) {
			t.Errorf("%s: another shape than %s", same, base)
		}
	}
	for _, other := range []string{
		`<main><h1 id="a">France</h1><p><time datetime="2017-07-06"></time></p><a href="/x/">x</a></main>`,
		`<main><h1 id="a">France</h1><p><time>6 July 2017</time></p><a href="/x/">x</a></main>`,
		`<main><h1 id="a" role="tab">France</h1><p><time datetime="2017-07-06">6 July 2017</time></p><a href="/x/">x</a></main>`,
		`<main><h1 id="a">France</h1><div><time datetime="2017-07-06">6 July 2017</time></div><a href="/x/">x</a></main>`,
		`<main lang="fr"><h1 id="a">France</h1><p><time datetime="2017-07-06">6 July 2017</time></p><a href="/x/">x</a></main>`,
	} {
		if shape(other) == shape(base) {
			t.Errorf("%s: the shape of %s", other, base)
		}
	}
}
