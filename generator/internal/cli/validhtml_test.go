package cli

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/htmlcheck"
	"github.com/cns-transparency/cns-site/generator/internal/testneed"
)

// The HTML check (issue 24) reads the sites the command builds, with the
// W3C Nu Html Checker that package htmlcheck runs; it shares the fixture's
// sites with the other tests of this package.

// allowedWarnings are the checker's warnings the site keeps, each with the
// reason it is kept; every other warning fails the test, like an error.
// An entry no page needs any more fails it too, so that the list only
// holds what is true of the site today. (None today: every warning the
// checker gave was fixed.)
var allowedWarnings = []struct {
	message string // a part of the message
	reason  string
}{}

// needHTMLCheck skips the test, or fails it under CI, when what the HTML
// check needs is missing.
func needHTMLCheck(t *testing.T, ok bool, what string) {
	t.Helper()
	testneed.Need(t, ok, what, "the HTML check")
}

// buildHTMLSite builds a catalog's site in the languages given
// (comma-separated) as of a day and returns its output folder.
func buildHTMLSite(t *testing.T, data, asOf, languages string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), "--as-of", asOf, "--languages", languages)...); r.code != 0 {
		t.Fatalf("build of %s as of %s exited %d:\n%s%s", data, asOf, r.code, r.stdout, r.stderr)
	}
	return out
}

// corpusLanguages are the languages the HTML check builds its generated
// catalog in.
func corpusLanguages() string {
	if corpus.Exhaustive() {
		return "en,ar"
	}
	return "en"
}

// htmlFiles lists a folder's HTML files, leaving out the folders skip
// names at its top (other languages' pages).
func htmlFiles(t *testing.T, dir string, skip ...string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && filepath.Dir(p) == dir && slices.Contains(skip, d.Name()) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return nil
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
		s, err := htmlcheck.Shape(r)
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
func problems(msgs []htmlcheck.Message, used map[int]int) []htmlcheck.Message {
	var bad []htmlcheck.Message
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
// catalog of about 300 documents in every state (in English, and in Arabic
// too under CNS_TEST_EXHAUSTIVE), is valid HTML for the W3C Nu Html
// Checker: no error, and no warning
// but those allowedWarnings lists with a reason. The checker runs once over
// all of them, and over pages made invalid on purpose, which it must fail.
func TestEveryPageIsValidHTML(t *testing.T) {
	t.Parallel()
	java, jar := htmlcheck.JavaPath(), htmlcheck.JarPath(repo)
	needHTMLCheck(t, java != "", "Java (java on PATH or $JAVA; apt-get install -y default-jre-headless)")
	_, err := os.Stat(jar)
	needHTMLCheck(t, err == nil, "vnu.jar ("+jar+"; npm install --no-save --ignore-scripts --prefix .build/npm vnu-jar@"+htmlcheck.VnuVersion+")")

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
		// The fixture's six-language sites the other tests read: their
		// English and Arabic pages (the one right-to-left language, and
		// a language whose pages mark English data with lang="en"); the
		// markup of the other four languages is Arabic's, in other words
		// (their pages go through axe in the browser tests).
		{name: "fixture as of 2017-07-06", dir: sharedFixture(t, "2017-07-06", allLanguages...)},
		{name: "fixture as of 2017-05-01", dir: sharedFixture(t, "2017-05-01", allLanguages...)},
		// The corpus's hundreds of pages are a few templates filled with
		// data of one form: one page of each shape is checked (the fixture's
		// first site is checked whole, for errors in the data's own values;
		// its second too under CNS_TEST_EXHAUSTIVE, which .ci/run sets, and
		// in a developer's run the pages of a shape the first lacks). The
		// corpus is built in English and Arabic under CNS_TEST_EXHAUSTIVE
		// (128 shapes), in English alone in a developer's run (58 shapes,
		// about 4 core-s less; the fixture's Arabic pages are still read).
		{name: "corpus of 300 documents as of " + middle, dir: buildHTMLSite(t, m.Dir, middle, corpusLanguages())},
	}
	// The pages of the languages other than English and Arabic are left out.
	var others []string
	for lang := range siteLanguages {
		if lang != "en" && lang != "ar" {
			others = append(others, lang)
		}
	}
	seen := map[[32]byte]bool{}
	for i := range sites {
		files := htmlFiles(t, sites[i].dir, others...)
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
	msgs, err := htmlcheck.Check(context.Background(), java, jar, paths...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("vnu %s checked %d pages in %v", htmlcheck.VnuVersion, len(paths)-1+len(mutantWant), time.Since(start).Round(time.Millisecond))

	byFile := map[string][]htmlcheck.Message{}
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
