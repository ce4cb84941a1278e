package cli

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// The tests in this file read the real catalog in data/ and assert only
// what holds for any valid catalog, so that a webmaster's valid edit keeps
// them green (issue 16). TestRealCatalogWithAnAddedParty proves that by
// running them on a copy with one more Contracting Party and document.

func TestRealCatalogInvariants(t *testing.T) {
	catalogInvariants(t, filepath.Join(repo, "data"))
}

// Issue 16: a valid edit (a new Contracting Party at the latest meeting
// that lists its parties, and its National Report) keeps every real-data
// test green.
func TestRealCatalogWithAnAddedParty(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	copyTree(t, filepath.Join(repo, "data"), data)
	meeting := addParty(t, data, "testland", "Testland")
	writeFile(t, filepath.Join(data, "documents", "zz-added.yaml"),
		fmt.Sprintf("meeting: %s\nsources: [\"a test\"]\ndocuments:\n  - kind: national_report\n    party: testland\n", meeting))
	catalogInvariants(t, data)
}

// Issue 12: a National Report of a meeting whose rule makes reports public
// only once their party publishes them is not public without a recorded
// publication, and public from the recorded day with one; never by a date
// counted from the meeting's adjournment.
func TestRealCatalogPartyPublicationRule(t *testing.T) {
	src := filepath.Join(repo, "data")
	c := loadCatalog(t, src)
	var meeting *catalog.Meeting
	var party string
	for _, m := range c.Meetings {
		r, ok := c.Rules.For("national_report", m.ID)
		if !ok || r.Public != catalog.PublicByParty {
			continue
		}
		for _, p := range c.Parties {
			// A party the catalog knows was not bound then cannot have a report.
			st := c.Membership(m.ID, p.ID).Standing
			if _, taken := c.Document(m.ID + "-nr-" + p.ID); !taken && (len(m.Parties) == 0 || slices.Contains(m.Parties, p.ID)) && (st == catalog.Bound || st == catalog.StandingUnknown) {
				meeting, party = m, p.ID
				break
			}
		}
		if meeting != nil {
			break
		}
	}
	if meeting == nil {
		t.Skip("no meeting of the real catalog has a National Report rule of party_publication with a party left to add")
	}
	id := meeting.ID + "-nr-" + party
	published := catalog.Date{Year: 2000, Month: time.January, Day: 10}
	if !meeting.Opening.IsZero() {
		published = meeting.Opening.AddDays(-200)
	}
	for _, tc := range []struct {
		fact, want string
	}{
		{"", "state:       restricted"},
		{"    published: " + published.String() + "\n", "state:       public"},
	} {
		data := filepath.Join(t.TempDir(), "data")
		copyTree(t, src, data)
		writeFile(t, filepath.Join(data, "documents", "zz-probe.yaml"),
			fmt.Sprintf("meeting: %s\nsources: [\"a test\"]\ndocuments:\n  - kind: national_report\n    party: %s\n%s", meeting.ID, party, tc.fact))
		r := run(t, nil, "explain", "--data", data, id)
		if r.code != 0 || !strings.Contains(r.stdout, tc.want) || !strings.Contains(r.stdout, "rule for") {
			t.Errorf("explain %s with %q: exit %d\n%s%s\nwant %q", id, tc.fact, r.code, r.stdout, r.stderr, tc.want)
		}
		if tc.fact != "" && !strings.Contains(r.stdout, "public from: "+published.Long()) {
			t.Errorf("explain %s: not public from the recorded day:\n%s", id, r.stdout)
		}
		if !meeting.Adjournment.IsZero() {
			if r := run(t, nil, "explain", "--data", data, "--as-of", meeting.Adjournment.AddDays(90).String(), id); tc.fact == "" && strings.Contains(r.stdout, "state:       public") {
				t.Errorf("explain %s: public 90 days after adjournment under a rule that has no such date:\n%s", id, r.stdout)
			}
		}
	}
}

func writeFile(t testing.TB, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func loadCatalog(t testing.TB, data string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(os.DirFS(data), data)
	if err != nil {
		t.Fatalf("the catalog in %s is not valid:\n%v", data, err)
	}
	return c
}

// addParty adds a State to parties.yaml and to the latest meeting that
// lists its parties (with its counts), as a webmaster would; it returns
// that meeting's id.
func addParty(t testing.TB, data, id, name string) string {
	t.Helper()
	edit(t, filepath.Join(data, "parties.yaml"), "parties:\n", fmt.Sprintf("parties:\n  - id: %s\n    name: %s\n    type: state\n    sources: [\"a test\"]\n", id, name))
	file := filepath.Join(data, "meetings.yaml")
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(read(t, file)), &doc); err != nil {
		t.Fatal(err)
	}
	field := func(m *yaml.Node, key string) *yaml.Node {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
		return nil
	}
	var target *yaml.Node
	for _, m := range field(doc.Content[0], "meetings").Content {
		if field(m, "parties") != nil {
			target = m
		}
	}
	if target == nil {
		t.Skip("no meeting of the real catalog lists its parties")
	}
	parties := field(target, "parties")
	parties.Content = append(parties.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: id})
	if n := field(target, "contracting_parties"); n != nil {
		n.Value = fmt.Sprint(len(parties.Content))
	}
	if npp := field(target, "npp"); npp != nil {
		if none := field(npp, "none"); none != nil {
			var v int
			fmt.Sscan(none.Value, &v)
			none.Value = fmt.Sprint(v + 1)
		}
	}
	b, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, file, string(b))
	return field(target, "id").Value
}

var (
	downloadRe = regexp.MustCompile(`<a class="download-link" href="([^"]*)"`)
	externalRe = regexp.MustCompile(`<a class="(official-link|read-link)" href="([^"]*)"`)
	askRe      = regexp.MustCompile(`<a class="read-ask" href="([^"]*)"`)
)

// catalogInvariants checks what holds for any valid catalog: check passes
// and counts every document once; a build succeeds with a page for every
// meeting, party and document; every public document's page offers a way
// to read it (a file in the site, or an absolute http(s) address, or says
// that none is known and how to ask), and no other page offers one; every
// document can be explained.
func catalogInvariants(t *testing.T, data string) {
	c := loadCatalog(t, data)
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) // run's clock

	r := run(t, nil, "check", "--data", data)
	if r.code != 0 {
		t.Fatalf("check exited %d:\n%s", r.code, r.stderr)
	}
	if want := fmt.Sprintf("%d parties, %d meetings, %d documents; no problems", len(c.Parties), len(c.Meetings), len(c.Documents)); !strings.Contains(r.stdout, want) {
		t.Errorf("check does not say %q:\n%s", want, r.stdout)
	}

	// The site's own pages never quote a document's title, symbol or
	// address: every document is not public on some day (before its
	// meeting's cycle, if no other), and a build as of that day would stop
	// at the leak audit. A page once quoted a report's title as an
	// example, so no day before it was public could be built.
	pages, err := filepath.Glob(filepath.Join(repo, "site", "content", "*.md"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in site/content: %v", err)
	}
	for _, p := range pages {
		text := read(t, p)
		for _, d := range c.Documents {
			for _, v := range []string{d.Title, d.Symbol, d.URL} {
				if len(v) >= 6 && strings.Contains(text, v) {
					t.Errorf("%s quotes %q of document %s, which is not public on some days", filepath.Base(p), v, d.ID)
				}
			}
		}
	}

	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if b := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"))...); b.code != 0 {
		t.Fatalf("build exited %d:\n%s%s", b.code, b.stdout, b.stderr)
	}
	exists := func(p string) bool { _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); return err == nil }
	for _, m := range c.Meetings {
		if !exists("meetings/" + m.ID + "/index.html") {
			t.Errorf("no page for meeting %s", m.ID)
		}
	}
	for _, p := range c.Parties {
		if !exists("countries/" + p.ID + "/index.html") {
			t.Errorf("no page for party %s", p.ID)
		}
	}

	decisions := publication.DecideAll(c, now)
	counts := map[string]int{}
	for _, d := range c.Documents {
		page := "documents/" + d.ID + "/index.html"
		if !exists(page) {
			t.Errorf("no page for document %s", d.ID)
			continue
		}
		html := read(t, filepath.Join(out, filepath.FromSlash(page)))
		dl, ext, ask := downloadRe.FindStringSubmatch(html), externalRe.FindStringSubmatch(html), askRe.FindStringSubmatch(html)
		if !decisions[d.ID].IsPublic() {
			if dl != nil || ext != nil || ask != nil {
				t.Errorf("%s is %s but its page offers a way to read it", d.ID, decisions[d.ID].State)
			}
			continue
		}
		switch {
		case dl != nil:
			u, err := url.Parse(dl[1])
			if err != nil || !exists(strings.TrimPrefix(path.Clean(u.Path), "/")) {
				t.Errorf("%s links to %q, which is not a file in the site", d.ID, dl[1])
			}
			counts["a file here"]++
		case d.Body != "":
			if !strings.Contains(html, `id="doc-text"`) {
				t.Errorf("%s has a text but its page does not show it", d.ID)
			}
			counts["its text here"]++
		case ext != nil:
			if u, err := url.Parse(ext[2]); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				t.Errorf("%s links to %q to read it, which is not an absolute http(s) address", d.ID, ext[2])
			}
			counts[ext[1]]++
		case ask != nil && (strings.Contains(html, "not recorded") || strings.Contains(html, "records no address")):
			counts["nowhere recorded, says how to ask"]++
		default:
			t.Errorf("%s is public but its page offers no way to read it and does not say how to ask", d.ID)
		}
	}
	t.Logf("%s, built as of %s: %d documents, %d public; where to read them: %v", data, now.Format(time.DateOnly), len(c.Documents), sumCounts(counts), counts)

	// Every document can be explained: the command once, end to end; then
	// what it prints (explain, on the catalog loaded once) for every
	// document, instead of loading the catalog again for each.
	if len(c.Documents) > 0 {
		if r := run(t, nil, "explain", "--data", data, c.Documents[0].ID); r.code != 0 || !strings.Contains(r.stdout, "state:") {
			t.Errorf("explain %s: exit %d\n%s%s", c.Documents[0].ID, r.code, r.stdout, r.stderr)
		}
	}
	v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: now})
	for _, d := range c.Documents {
		var b strings.Builder
		explain(&b, c, v, d, decisions[d.ID], now)
		if out := b.String(); !strings.Contains(out, "state:") || !strings.Contains(out, "reason:") {
			t.Errorf("explain %s:\n%s", d.ID, out)
		} else if st := decisions[d.ID].State; st != publication.NotSubmitted && decisions[d.ID].Version != nil && !strings.Contains(out, "rule:") {
			t.Errorf("explain %s does not name the rule:\n%s", d.ID, out)
		}
	}
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
