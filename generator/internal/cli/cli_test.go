package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cns-transparency/cns-site/generator/internal/testscratch"
)

// repo is the repository root, seen from this package.
const repo = "../../.."

// fixture is the frozen catalog the command tests build and assert on
// (generator/testdata/catalog/README.md); the real catalog in data/ is
// checked only by invariants (realcatalog_test.go), so that a webmaster's
// valid edit keeps the tests green.
var fixture = filepath.Join(repo, "generator", "testdata", "catalog")

type result struct {
	code           int
	stdout, stderr string
}

// run runs the generator as a user would, from the repository root's
// point of view: paths in args are absolute or relative to the test's folder.
func run(t testing.TB, env map[string]string, args ...string) result {
	t.Helper()
	return runAt(t, time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), env, args...)
}

// runAt is run with the clock at now.
func runAt(t testing.TB, now time.Time, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, Env{
		Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return now },
	})
	return result{code, out.String(), errb.String()}
}

// buildArgs are the flags that point a build at the repository's site and
// theme, with the catalog, output and build area given, in English alone
// unless more names --languages (a later flag wins).
func buildArgs(data, out, work string, more ...string) []string {
	return append([]string{"build", "--data", data, "--site", filepath.Join(repo, "site"),
		"--themes", filepath.Join(repo, "themes"), "--out", out, "--work", work, "--quiet", "--languages", "en"}, more...)
}

// allLanguages is the flag that builds every language of the site.
var allLanguages = []string{"--languages", "en,ar,zh,fr,ru,es"}

func buildFixture(t testing.TB, asOf string, more ...string) string {
	t.Helper()
	return buildData(t, fixture, asOf, more...)
}

// buildData builds the catalog in data as of a day, with more flags (a
// later --languages wins over buildArgs' "en"), into a directory of its
// own, and fails the test if the build fails; it returns the site's folder.
func buildData(t testing.TB, data, asOf string, more ...string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), append([]string{"--as-of", asOf}, more...)...)...)
	if r.code != 0 {
		t.Fatalf("build exited %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	return out
}

// sharedFixture is buildFixture once per test binary for the same day and
// flags: tests that only read a site share it, and must not change it.
func sharedFixture(t testing.TB, asOf string, more ...string) string {
	t.Helper()
	key := strings.Join(append([]string{asOf}, more...), "\x00")
	sharedMu.Lock()
	b, ok := shared[key]
	if !ok {
		b = &sharedSite{}
		shared[key] = b
	}
	sharedMu.Unlock()
	b.once.Do(func() {
		dir, err := os.MkdirTemp(sharedRoot, "site-")
		if err != nil {
			b.err = err.Error()
			return
		}
		out := filepath.Join(dir, "public")
		r := run(t, nil, buildArgs(fixture, out, filepath.Join(dir, ".build"), append([]string{"--as-of", asOf}, more...)...)...)
		if r.code != 0 {
			b.err = fmt.Sprintf("build exited %d:\n%s%s", r.code, r.stdout, r.stderr)
			return
		}
		b.out = out
	})
	if b.err != "" {
		t.Fatal(b.err)
	}
	return b.out
}

type sharedSite struct {
	once sync.Once
	out  string
	err  string
}

var (
	sharedMu   sync.Mutex
	shared     = map[string]*sharedSite{}
	sharedRoot string // made and removed by TestMain
)

func TestMain(m *testing.M) { os.Exit(runTests(m)) }

// runTests runs the tests with their temporary files in memory where the
// machine allows it (testscratch).
func runTests(m *testing.M) int {
	defer testscratch.Use()()
	root, err := os.MkdirTemp("", "cns-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(root)
	sharedRoot = root
	return m.Run()
}

func read(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// text is a page's visible text with tags removed and spaces folded, so
// assertions read like what a person sees.
// buildDayOnly is a page's HTML without what only a past day shows in
// place of its text (a span or paragraph marked data-past-before and
// hidden, a country page's list of meetings with nothing recorded yet).
func buildDayOnly(s string) string {
	s = regexp.MustCompile(`(?s)<section [^>]*data-past-list hidden>.*?</section>`).ReplaceAllString(s, " ")
	s = regexp.MustCompile(`<span data-run-one hidden>[^<]*</span>`).ReplaceAllString(s, " ")
	return regexp.MustCompile(`<(span|p)( class="[^"]*")? data-past-before="[^"]*" hidden>[^<]*</(span|p)>`).ReplaceAllString(s, " ")
}

func text(t testing.TB, path string) string {
	t.Helper()
	s := regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>`).ReplaceAllString(read(t, path), " ")
	s = buildDayOnly(s)
	s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

func TestBuildFixtureCatalog(t *testing.T) {
	out := sharedFixture(t, "2017-07-06", allLanguages...)

	for _, p := range []string{"index.html", "meetings/index.html", "countries/index.html", "documents/index.html", "publication/index.html", "about/index.html", "404.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}
	for _, m := range []string{"rm06", "rm07", "rm08-09"} {
		if _, err := os.Stat(filepath.Join(out, "meetings", m, "index.html")); err != nil {
			t.Errorf("missing the page of meeting %s", m)
		}
	}
	countries, _ := filepath.Glob(filepath.Join(out, "countries", "*", "index.html"))
	if len(countries) != 15 {
		t.Errorf("%d country pages, want 15", len(countries))
	}

	sr := read(t, filepath.Join(out, "documents", "rm07-summary-report", "index.html"))
	para18 := regexp.MustCompile(`(?s)<p[^>]*id="?para-18"?[^>]*>(.*?)</p>`).FindStringSubmatch(sr)
	if para18 == nil {
		t.Fatal("the summary report has no element with id para-18")
	}
	if !strings.Contains(para18[1], "228 Challenges") || !strings.Contains(para18[1], `href="#para-18"`) {
		t.Errorf("paragraph 18 lacks its text or its self-link: %s", para18[1])
	}
	for n := 1; n <= 47; n++ {
		if !regexp.MustCompile(`id="?para-` + strconv.Itoa(n) + `"?[ >]`).MatchString(sr) {
			t.Errorf("paragraph %d has no anchor", n)
		}
	}

	albania := text(t, filepath.Join(out, "documents", "rm07-nr-albania", "index.html"))
	if !strings.Contains(albania, "Public") {
		t.Errorf("Albania's report as of 6 July 2017 does not say public: %s", albania)
	}
	libya := text(t, filepath.Join(out, "documents", "rm07-nr-libya", "index.html"))
	if !strings.Contains(libya, "Not submitted") {
		t.Errorf("Libya's report does not say not submitted: %s", libya)
	}
	// A document's page says where it stands: Home › Publication status ›
	// the document, the last the current page.
	crumbs := regexp.MustCompile(`(?s)<nav class="breadcrumbs"[^>]*>(.*?)</nav>`).FindStringSubmatch(read(t, filepath.Join(out, "documents", "rm07-nr-albania", "index.html")))
	if crumbs == nil || !regexp.MustCompile(`(?s)>Home</a>.*>Publication status</a>.*aria-current="page">Albania: National Report, 7th Review Meeting</a>`).MatchString(crumbs[1]) {
		t.Errorf("breadcrumbs of a document: %v", crumbs)
	}
	if strings.Contains(read(t, filepath.Join(out, "index.html")), `class="breadcrumbs"`) {
		t.Error("the home page has breadcrumbs")
	}
	// Every page names who publishes the site and where to write (the
	// owner and contact of site/hugo.toml).
	home := read(t, filepath.Join(out, "index.html"))
	if !strings.Contains(home, "Published by the CNS transparency site project.") || !strings.Contains(home, `href="https://github.com/cns-transparency/cns-site/issues"`) {
		t.Error("the footer does not name the site's owner and contact")
	}
}

// Before the 90 days have passed, national reports are scheduled for
// 6 July 2017; Libya's is not submitted either way.
func TestBuildBeforeNinetyDaysShowsReportsScheduled(t *testing.T) {
	out := buildFixture(t, "2017-05-01")
	albania := text(t, filepath.Join(out, "documents", "rm07-nr-albania", "index.html"))
	if !strings.Contains(albania, "Scheduled") || !strings.Contains(albania, "6 July 2017") {
		t.Errorf("Albania's report as of 1 May 2017 is not shown scheduled for 6 July 2017: %s", albania)
	}
	if !strings.Contains(read(t, filepath.Join(out, "documents", "rm07-nr-albania", "index.html")), `datetime="2017-07-06"`) {
		t.Error("the scheduled date is not a <time datetime=2017-07-06>")
	}
	libya := text(t, filepath.Join(out, "documents", "rm07-nr-libya", "index.html"))
	if !strings.Contains(libya, "Not submitted") {
		t.Errorf("Libya's report does not say not submitted: %s", libya)
	}
	grid := text(t, filepath.Join(out, "meetings", "rm07", "index.html"))
	if n := strings.Count(grid, "Scheduled"); n < 14 {
		t.Errorf("the 7th meeting's grid shows %d scheduled reports, want 14", n)
	}
}

func TestCheckFixtureCatalog(t *testing.T) {
	r := run(t, nil, "check", "--data", fixture, "--as-of", "2017-05-01")
	if r.code != 0 {
		t.Fatalf("check exited %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "3 public, 14 scheduled, 1 restricted, 1 not_submitted") {
		t.Errorf("check output: %s", r.stdout)
	}
}

// copyTree copies a folder, for tests that change a catalog.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// treeHash maps every file below dir to its SHA-256.
func treeHash(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func edit(t testing.TB, path, old, new string) {
	t.Helper()
	s := read(t, path)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(s, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A catalog with problems: check names each by file and line and exits 3;
// build refuses it and leaves the previous site byte for byte.
func TestBadCatalogIsReportedAndLeavesSiteUntouched(t *testing.T) {
	dir := t.TempDir()
	data, out, work := filepath.Join(dir, "data"), filepath.Join(dir, "public"), filepath.Join(dir, ".build")
	copyTree(t, fixture, data)
	if r := run(t, nil, buildArgs(data, out, work, "--as-of", "2017-07-06")...); r.code != 0 {
		t.Fatalf("first build exited %d: %s", r.code, r.stderr)
	}
	before := treeHash(t, out)

	edit(t, filepath.Join(data, "meetings.yaml"), "adjournment: 2017-04-07", "adjournment: 2017-03-01\n    colour: blue")
	edit(t, filepath.Join(data, "documents", "rm07.yaml"), "party: argentina", "party: atlantis")
	edit(t, filepath.Join(data, "documents", "rm07.yaml"), "party: armenia", "party: albania")
	edit(t, filepath.Join(data, "parties.yaml"), "id: chile", "id: china")
	// Two that passed check and then failed the build, or showed
	// "Unknown Region" as a country's name.
	edit(t, filepath.Join(data, "meetings.yaml"), "organizational_meeting: 2015-10", "organizational_meeting: 2015-13")
	edit(t, filepath.Join(data, "parties.yaml"), "iso: AL", "iso: ZZ")
	edit(t, filepath.Join(data, "parties.yaml"), "iso: AR", "iso: UN") // "United Nations", a country to CLDR alone
	// And two that rendered "President:  (Canada)" and two meetings
	// called the 7th.
	edit(t, filepath.Join(data, "meetings.yaml"), "      - {role: President, name: Mr Ramzi Jammal, country: Canada}", "      - {role: President, name: Mr Ramzi Jammal, country: Canada}\n      - {role: Vice-President, country: Canada}")
	edit(t, filepath.Join(data, "meetings.yaml"), "numbers: [8, 9]", "numbers: [7, 9]\n    organizational_meeting: 2024-10") // a year mistyped: after the opening
	if err := os.WriteFile(filepath.Join(data, "documents", "broken.yaml"), []byte("meeting: [rm07\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := run(t, nil, "check", "--data", data)
	if r.code != ExitData {
		t.Errorf("check exited %d, want %d", r.code, ExitData)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^.*data/documents/broken\.yaml:\d+:\d+: YAML syntax`),
		regexp.MustCompile(`(?m)^.*data/meetings\.yaml:\d+:\d+: unknown field "colour"`),
		regexp.MustCompile(`(?m)^.*data/meetings\.yaml:\d+:\d+: meeting "rm07" adjourns on 2017-03-01, before it opens on 2017-03-27`),
		regexp.MustCompile(`(?m)^.*data/parties\.yaml:\d+:\d+: duplicate party id "china"`),
		regexp.MustCompile(`(?m)^.*data/meetings\.yaml:\d+:\d+: organizational_meeting: "2015-13" is not a day \(YYYY-MM-DD`),
		regexp.MustCompile(`(?m)^.*data/parties\.yaml:\d+:\d+: party "albania": iso "ZZ" is no country's code`),
		regexp.MustCompile(`(?m)^.*data/parties\.yaml:\d+:\d+: party "argentina": iso "UN" is no country's code`),
		regexp.MustCompile(`(?m)^.*data/meetings\.yaml:24:9: meeting "rm07": officer 2 needs role: and name:`),
		regexp.MustCompile(`(?m)^.*data/meetings\.yaml:\d+:\d+: meeting "rm08-09": organizational_meeting 2024-10 is not before the meeting's opening \(2023-03-20\)`),
		regexp.MustCompile(`(?m)^.*data/meetings\.yaml:\d+:\d+: meeting "rm08-09": number 7 is also meeting "rm07"'s, of the same type \(review\)`),
		regexp.MustCompile(`(?m)^.*data/documents/rm07\.yaml:\d+:\d+: party "atlantis" is not in`),
		regexp.MustCompile(`(?m)^.*data/documents/rm07\.yaml:\d+:\d+: duplicate document id "rm07-nr-albania"`),
	} {
		if !want.MatchString(r.stderr) {
			t.Errorf("check output lacks %s:\n%s", want, r.stderr)
		}
	}

	b := run(t, nil, buildArgs(data, out, work)...)
	if b.code != ExitData {
		t.Errorf("build exited %d, want %d: %s", b.code, ExitData, b.stderr)
	}
	if diff := cmp.Diff(before, treeHash(t, out)); diff != "" {
		t.Errorf("a failed build changed the previous site (-before +after):\n%s", diff)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".public.next-*"))
	if len(left) > 0 {
		t.Errorf("a failed build left %v behind", left)
	}
}

// The same catalog as of the same moment gives the same bytes.
func TestBuildIsDeterministic(t *testing.T) {
	a := buildFixture(t, "2017-05-01")
	b := buildFixture(t, "2017-05-01")
	if diff := cmp.Diff(treeHash(t, a), treeHash(t, b)); diff != "" {
		t.Errorf("two builds differ (-first +second):\n%s", diff)
	}
	// Without --as-of, as the deploy workflow builds, at two hours of one
	// day in Vienna: the same bytes as that day's build (a webmaster's
	// review found documents.json, calendar.ics and SHA256SUMS differing
	// from one run to the next, by the second of the run).
	for _, now := range []time.Time{time.Date(2017, 4, 30, 22, 30, 0, 0, time.UTC), time.Date(2017, 5, 1, 21, 59, 59, 0, time.UTC)} {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		if r := runAt(t, now, nil, buildArgs(fixture, out, filepath.Join(dir, ".build"))...); r.code != 0 {
			t.Fatalf("build at %s exited %d:\n%s", now, r.code, r.stderr)
		}
		if diff := cmp.Diff(treeHash(t, a), treeHash(t, out)); diff != "" {
			t.Errorf("a build at %s differs from the day's (-day +at):\n%s", now, diff)
		}
	}
}

func TestExplain(t *testing.T) {
	data := fixture
	r := run(t, nil, "explain", "--data", data, "--as-of", "2017-05-01", "rm07-nr-albania")
	if r.code != 0 {
		t.Fatalf("explain exited %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"state:       scheduled", "public from: 6 July 2017", "90 days after the meeting adjourns", "adjourned 7 April 2017"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain lacks %q:\n%s", want, r.stdout)
		}
	}
	// Once public, its reason is its page's: the fixture's 7th meeting
	// counts two reports published early and dates none, so this one may
	// have been public before the rule's day, as its page says.
	r = run(t, nil, "explain", "--data", data, "--as-of", "2017-08-01", "rm07-nr-albania")
	if want := "reason:      public by 6 July 2017 at the latest (90 days after the meeting adjourned); it may have been public earlier"; !strings.Contains(r.stdout, want) {
		t.Errorf("explain after the rule's day lacks %q:\n%s", want, r.stdout)
	}
	// Before the meeting's closing day, it adjourns.
	if r := run(t, nil, "explain", "--data", data, "--as-of", "2017-03-01", "rm07-nr-albania"); !strings.Contains(r.stdout, "7th Review Meeting, adjourns 7 April 2017") {
		t.Errorf("explain before the meeting adjourned:\n%s%s", r.stdout, r.stderr)
	}
	// Flags after the id, as the README's example writes them.
	if r := run(t, nil, "explain", "rm07-nr-albania", "--data", data, "--as-of", "2017-05-01"); r.code != 0 || !strings.Contains(r.stdout, "state:       scheduled") {
		t.Errorf("explain with its flags after the id: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, nil, "explain", "--data", data, "rm07-nr-atlantis")
	if r.code != ExitNotFound || !strings.Contains(r.stderr, `no document "rm07-nr-atlantis"`) {
		t.Errorf("explain of an unknown id: %d %s", r.code, r.stderr)
	}
	// A mistyped id: the ids a few letters from it.
	r = run(t, nil, "explain", "--data", data, "rm07-nr-albnia")
	if r.code != ExitNotFound || !strings.Contains(r.stderr, `no document "rm07-nr-albnia"`) || !strings.Contains(r.stderr, "did you mean rm07-nr-albania") {
		t.Errorf("explain of a mistyped id: %d %s", r.code, r.stderr)
	}
	// A former id explains the document that has it.
	dir := t.TempDir()
	copyTree(t, fixture, dir)
	edit(t, filepath.Join(dir, "documents", "rm07.yaml"), "    party: albania\n", "    party: albania\n    id: rm07-national-report-albania\n    former_ids: [rm07-nr-albania]\n")
	r = run(t, nil, "explain", "--data", dir, "--as-of", "2017-05-01", "rm07-nr-albania")
	if r.code != 0 || !strings.Contains(r.stdout, "rm07-nr-albania is a former id of rm07-national-report-albania (former_ids at ") || !strings.Contains(r.stdout, "state:       scheduled") {
		t.Errorf("explain of a former id: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	// An argument a command does not take is refused, never ignored (check
	// once read "check data --as-of 2017-05-01" as of today).
	for _, args := range [][]string{{}, {"publish"}, {"build", "--colour"}, {"build", "--as-of", "yesterday"}, {"explain"},
		{"explain", "a", "b"}, {"check", "--data", fixture, "data", "--as-of", "2017-05-01"}, {"build", "public"}, {"plan", "x"}, {"plan", "--data", fixture, "--base-data", "no-such-folder"}, {"serve", "--addr", "127.0.0.1:0", "extra"}, {"check", "--", "--as-of"}} {
		if r := run(t, nil, args...); r.code != ExitUsage {
			t.Errorf("%q exited %d, want %d: %s", args, r.code, ExitUsage, r.stderr)
		}
	}
	r := run(t, map[string]string{"SOURCE_DATE_EPOCH": "1494000000"}, "check", "--data", fixture)
	if r.code != 0 || !strings.Contains(r.stdout, "as of 5 May 2017") {
		t.Errorf("SOURCE_DATE_EPOCH is not the as-of moment: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

// A theme's files that Hugo does not build from (the translators'
// glossaries, a README) reach no page: a title of a document not public
// that occurs only there is no leak, and check accepts it. It refused the
// real catalog as of any day before its 7th Summary Report, whose title
// the Russian and Chinese glossaries cite as a source of terms.
func TestCheckSearchesOnlyWhatTheThemePublishes(t *testing.T) {
	dir := t.TempDir()
	data, themes := filepath.Join(dir, "data"), filepath.Join(dir, "themes")
	copyTree(t, fixture, data)
	copyTree(t, filepath.Join(repo, "themes"), themes)
	edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    party: chile\n", "    party: chile\n    title: Chilean notes on reactor oversight\n")
	if err := os.WriteFile(filepath.Join(themes, "cns", "glossary", "notes.yaml"), []byte("source: Chilean notes on reactor oversight\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, nil, "check", "--data", data, "--as-of", "2017-05-01", "--site", filepath.Join(repo, "site"), "--themes", themes); r.code != 0 {
		t.Errorf("check exited %d, want 0:\n%s", r.code, r.stderr)
	}
	// In a folder Hugo builds from, it is found.
	if err := os.WriteFile(filepath.Join(themes, "cns", "layouts", "_partials", "notes.html"), []byte("Chilean notes on reactor oversight\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, nil, "check", "--data", data, "--as-of", "2017-05-01", "--site", filepath.Join(repo, "site"), "--themes", themes); r.code != ExitData || !strings.Contains(r.stderr, "themes/cns/layouts/_partials/notes.html") {
		t.Errorf("check exited %d, want %d naming the partial:\n%s", r.code, ExitData, r.stderr)
	}
}

// Issue 16: check refuses, with the document's line and the fix, a catalog
// that every build would refuse at the leak audit: a scheduled document
// titled like a heading of a public Summary Report, an address of a
// document that is not public cited as a meeting's source, two documents
// with one file.
func TestCheckRefusesWhatTheAuditWouldFind(t *testing.T) {
	for _, tc := range []struct {
		name, file, old, new, want string
	}{
		{"title-in-public-text", "documents/rm07.yaml", "    party: albania\n", "    party: albania\n    title: Safety Culture\n",
			`documents/rm07\.yaml:\d+:\d+: document "rm07-nr-albania" is scheduled as of 1 May 2017, but its title "Safety Culture" also occurs in what the site publishes .*make the title of a document that is not public distinctive`},
		{"address-in-a-source", "documents/rm06.yaml", "    party: japan\n", "    party: japan\n    url: https://iaea.example/rm06/national-reports\n",
			`documents/rm06\.yaml:\d+:\d+: document "rm06-nr-japan" is restricted as of 1 May 2017, but its official URL .* also occurs .*leave the url out until the document is public`},
		{"title-in-a-page", "documents/rm07.yaml", "    party: chile\n", "    party: chile\n    title: How publication works\n",
			`documents/rm07\.yaml:\d+:\d+: document "rm07-nr-chile" is scheduled as of 1 May 2017, but its title "How publication works" also occurs in what the site publishes \(site/content/publication\.md`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			data := filepath.Join(dir, "data")
			copyTree(t, fixture, data)
			edit(t, filepath.Join(data, filepath.FromSlash(tc.file)), tc.old, tc.new)
			r := run(t, nil, "check", "--data", data, "--as-of", "2017-05-01", "--site", filepath.Join(repo, "site"), "--themes", filepath.Join(repo, "themes"))
			if r.code != ExitData || !regexp.MustCompile(tc.want).MatchString(r.stderr) {
				t.Errorf("check exited %d, want %d with %s:\n%s", r.code, ExitData, tc.want, r.stderr)
			}
			// The build refuses it too: at the catalog's words before it
			// writes anything (prepare.FreeTextLeaks), else at the audit.
			if b := run(t, nil, buildArgs(data, filepath.Join(dir, "public"), filepath.Join(dir, ".build"), "--as-of", "2017-05-01")...); b.code != ExitData && b.code != ExitLeak {
				t.Errorf("build exited %d, want %d or %d: the check refused a catalog the build accepts\n%s", b.code, ExitData, ExitLeak, b.stderr)
			}
		})
	}
}

// Two documents that bear one title (Euratom's reports to the 6th and 7th
// meetings) are told apart by the window's title, which names each one's
// meeting beside it; a title no other document bears stands alone.
func TestASharedTitleNamesItsMeetingInTheWindowTitle(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	copyTree(t, fixture, data)
	for _, f := range []string{"rm06.yaml", "rm07.yaml"} {
		edit(t, filepath.Join(data, "documents", f), "    party: netherlands\n", "    party: netherlands\n    title: Netherlands National Report\n")
	}
	edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    party: albania\n", "    party: albania\n    title: Albania National Report\n")
	site := buildData(t, data, "2017-08-01")
	for page, want := range map[string]string{
		"documents/rm06-nr-netherlands/index.html": "<title>Netherlands National Report (6th Review Meeting) · ",
		"documents/rm07-nr-netherlands/index.html": "<title>Netherlands National Report (7th Review Meeting) · ",
		"documents/rm07-nr-albania/index.html":     "<title>Albania National Report · ",
	} {
		if got := regexp.MustCompile(`<title>[^<]*`).FindString(read(t, filepath.Join(site, filepath.FromSlash(page)))); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %s, want %s…", page, got, want)
		}
	}
}
