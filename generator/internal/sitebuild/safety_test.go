package sitebuild_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/searchindex"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
)

const repo = "../../.."

func options(data, dir string, asOf time.Time) sitebuild.Options {
	return sitebuild.Options{
		DataDir:   data,
		SiteDir:   filepath.Join(repo, "site"),
		ThemesDir: filepath.Join(repo, "themes"),
		OutDir:    filepath.Join(dir, "public"),
		WorkDir:   filepath.Join(dir, ".build"),
		AsOf:      publication.AsOf{Time: asOf},
		BaseURL:   "/", // links from the site's root, for the tests that follow them
		// English alone: every language multiplies the pages a build
		// writes, and the tests of languages ask for them.
		Languages: []string{"en"},
	}
}

var vienna = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Vienna")
	if err != nil {
		panic(err)
	}
	return loc
}()

// oracle is the publication rules written a second time, as plainly as
// possible, to check the engine against: public reports whether the document
// may be public at t, withdrawn whether it was public and was taken down.
func oracle(d corpus.Doc, t time.Time) (public, withdrawn bool) {
	on := func(x catalog.Date) bool { return !x.IsZero() && !t.Before(x.Start(vienna)) }
	if d.NotSubmitted {
		return false, false
	}
	var from catalog.Date
	switch {
	case d.ByParty:
		// Before the rules changed: from the party's own publication, or
		// from its consent once given; never by a date of the rules.
		from = d.Published
		if from.IsZero() {
			from = d.PublishedBy // by that day at the latest: the rules take it as the day
		}
		if on(d.Consent) && (from.IsZero() || d.Consent.Before(from)) {
			from = d.Consent
		}
		if from.IsZero() {
			return false, false
		}
	case d.Kind == "national_report":
		if d.Adjournment.IsZero() {
			return false, false
		}
		from = d.Adjournment.AddDays(90)
		if p := d.Published; !p.IsZero() && p.Before(from) {
			from = p
		}
		if p := d.PublishedBy; !p.IsZero() && p.Before(from) {
			from = p
		}
	case d.Kind == "summary_report":
		if d.Adopted.IsZero() {
			return false, false
		}
		from = d.Adopted
	default:
		if !on(d.Consent) {
			return false, false
		}
		from = d.Consent
	}
	// An objection holds until its party lifts it; from then the document
	// is public again, or at last, from the later of its day and the lift.
	// A take-down by the day of the lift keeps it down.
	lifted := on(d.ObjectionLifted) && (d.Withdrawn.IsZero() || d.ObjectionLifted.Before(d.Withdrawn))
	if on(d.Objection) && !lifted {
		return false, from.Before(d.Objection)
	}
	if lifted && from.Before(d.ObjectionLifted) {
		from = d.ObjectionLifted
	}
	if on(d.Withdrawn) {
		return false, from.Before(d.Withdrawn)
	}
	return on(from), false
}

// siteFiles reads every file of a built site.
func siteFiles(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// leaks lists where something of a document that is not public appears,
// searched independently of the build's own audit.
func leaks(files map[string][]byte, docs []corpus.Doc, at time.Time) []string {
	type secret struct{ doc, v string }
	// Secrets by the generator's token they hold (corpus tokens are unique
	// to a document): a file can hold a secret only if it holds its token,
	// so each file is searched for the secrets of the tokens it holds.
	// Checksums, which hold no token, are looked up in the runs of hex
	// digits a file holds; any other secret is searched for in full.
	byToken := map[string][]secret{}
	byHex := map[string]secret{}
	var untokened []secret
	sums := map[string]string{}
	add := func(doc, v string) {
		if toks := tokens(v); len(toks) > 0 {
			byToken[toks[0]] = append(byToken[toks[0]], secret{doc, v})
		} else if len(v) == hexLen && hexDigits(v) == hexLen {
			byHex[v] = secret{doc, v}
		} else {
			untokened = append(untokened, secret{doc, v})
		}
	}
	for _, d := range docs {
		public, withdrawn := oracle(d, at)
		if public || d.NotSubmitted {
			continue
		}
		for _, s := range d.Secrets {
			add(d.ID, s)
		}
		if !withdrawn {
			add(d.ID, d.Title)
		}
		sums[d.FileSHA256] = d.ID
	}
	var out []string
	for name, b := range files {
		sum := sha256.Sum256(b)
		if id, ok := sums[hex.EncodeToString(sum[:])]; ok {
			out = append(out, fmt.Sprintf("%s is the file of non-public %s", name, id))
		}
		text := string(b) + "\n" + html.UnescapeString(string(b))
		candidates := slices.Clip(untokened)
		for _, tok := range tokens(text) {
			candidates = append(candidates, byToken[tok]...)
		}
		for _, run := range hexRuns(text) {
			for i := 0; i+hexLen <= len(run); i++ {
				if s, ok := byHex[run[i:i+hexLen]]; ok {
					candidates = append(candidates, s)
				}
			}
		}
		reported := map[secret]bool{}
		for _, s := range candidates {
			if !reported[s] && strings.Contains(text, s.v) {
				reported[s] = true
				out = append(out, fmt.Sprintf("%s holds %q of non-public %s", name, s.v, s.doc))
			}
		}
	}
	return out
}

// The leak check itself finds each secret of a document that is not public,
// as it is written and escaped as HTML, in any file, and nothing in a file
// that holds none.
func TestLeakCheckFindsEverySecret(t *testing.T) {
	m, err := corpus.Write(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: 9, Documents: 40})
	if err != nil {
		t.Fatal(err)
	}
	at := m.To
	var clean []string
	checked := 0
	for _, d := range m.Docs {
		public, withdrawn := oracle(d, at)
		clean = append(clean, d.ID)
		if public || d.NotSubmitted {
			continue
		}
		secrets := d.Secrets
		if !withdrawn {
			secrets = append(slices.Clip(secrets), d.Title)
		}
		for _, v := range secrets {
			for _, written := range []string{v, html.EscapeString(v)} {
				files := map[string][]byte{"a.html": []byte("<p>" + written + "</p>")}
				if got := leaks(files, m.Docs, at); len(got) == 0 {
					t.Errorf("%s: %q in a page is not found", d.ID, written)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no document is secret at the corpus's last moment")
	}
	if got := leaks(map[string][]byte{"ids.html": []byte(strings.Join(clean, " "))}, m.Docs, at); len(got) > 0 {
		t.Errorf("a page of ids alone: %v", got)
	}
}

// tokens returns the tokens corpus.Write puts in every document's strings,
// "zq", digits, "x" and four hex digits (zq[0-9]+x[0-9a-f]{4}), as they
// occur in text; two tokens never overlap (no token's letters hold "zq").
// A scan, not a regular expression: Go's took a fifth of the leak test's
// time on every file of every build.
func tokens(text string) []string {
	var out []string
	for i := 0; ; {
		j := strings.Index(text[i:], "zq")
		if j < 0 {
			return out
		}
		start := i + j
		k := start + 2
		for k < len(text) && text[k] >= '0' && text[k] <= '9' {
			k++
		}
		if k > start+2 && k+5 <= len(text) && text[k] == 'x' && hexDigits(text[k+1:k+5]) == 4 {
			out = append(out, text[start:k+5])
			i = k + 5
			continue
		}
		i = start + 2
	}
}

// hexRuns returns the longest runs of lower-case hex digits that can hold a
// SHA-256 checksum (hexLen digits or more).
func hexRuns(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		n := hexDigits(text[i:])
		if n >= hexLen {
			out = append(out, text[i:i+n])
		}
		i += max(n, 1)
	}
	return out
}

// hexDigits is the length of the run of lower-case hex digits s starts with.
func hexDigits(s string) int {
	n := 0
	for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] >= 'a' && s[n] <= 'f') {
		n++
	}
	return n
}

const hexLen = 64

// builtLanguages are the languages a build made: those asked for, else
// every language of the site.
func builtLanguages(t testing.TB, o sitebuild.Options) []string {
	t.Helper()
	if len(o.Languages) > 0 {
		return o.Languages
	}
	conf, err := prepare.ReadSiteConfig(o.SiteDir)
	if err != nil {
		t.Fatal(err)
	}
	return conf.LanguageCodes()
}

// indexLeaks lists, for the search index of every language (which must
// each be there), the tokens of documents that are not public among its
// terms: the terms are front-coded, so a token may not appear whole in the
// file's text, which leaks searches.
func indexLeaks(t testing.TB, files map[string][]byte, langs []string, docs []corpus.Doc, at time.Time) []string {
	t.Helper()
	secret, shown := map[string]string{}, map[string]bool{}
	for _, d := range docs {
		public, withdrawn := oracle(d, at)
		if public {
			for _, tok := range tokens(d.Title + " " + d.Secrets[0]) {
				shown[tok] = true
			}
		}
		if public || d.NotSubmitted {
			continue
		}
		values := slices.Clone(d.Secrets)
		if !withdrawn {
			values = append(values, d.Title)
		}
		for _, v := range values {
			for _, tok := range tokens(v) {
				secret[tok] = d.ID
			}
		}
	}
	var out []string
	for _, lang := range langs {
		name := searchindex.PathOf(lang, langs[0])
		b, ok := files[name]
		if !ok {
			out = append(out, fmt.Sprintf("no search index %s for %s", name, lang))
			continue
		}
		var ix struct {
			Terms string `json:"terms"`
		}
		if err := json.Unmarshal(b, &ix); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := 0
		for _, term := range searchindex.DecodeTerms(ix.Terms) {
			if id, ok := secret[term]; ok {
				out = append(out, fmt.Sprintf("%s holds the term %q of non-public %s", name, term, id))
			}
			if shown[term] {
				found++
			}
		}
		// The tokens of public titles and summaries are terms: the check
		// looks where a leak would be.
		if len(shown) > 0 && found == 0 {
			out = append(out, fmt.Sprintf("%s holds no token of a public title or summary as a term", name))
		}
	}
	return out
}

var hrefRe = regexp.MustCompile(`(?:href|src)="([^"#]*)`)

// reachable crawls the site from its home page by links and returns the
// paths it reached.
func reachable(files map[string][]byte) map[string]bool {
	seen := map[string]bool{}
	queue := []string{"/"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		name := strings.TrimPrefix(p, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, ok := files[name]
		if !ok || !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range hrefRe.FindAllSubmatch(b, -1) {
			u, err := url.Parse(html.UnescapeString(string(m[1])))
			if err != nil || u.Host != "" || u.Scheme != "" || u.Path == "" {
				continue
			}
			target := u.Path
			if !strings.HasPrefix(target, "/") {
				target = path.Join(path.Dir(p+"x"), target)
				if strings.HasSuffix(u.Path, "/") {
					target += "/"
				}
			}
			queue = append(queue, target)
		}
	}
	return seen
}

// For generated catalogs and moments: the build succeeds (its audit finds
// nothing), the engine agrees with the oracle on every document, the site
// holds nothing of a document that is not public, and every public document
// and its file can be reached from the home page. By default three catalogs
// at one moment each: one of 60 documents in all six languages (the
// languages' pages and names), one of 300 (a ledger of two pages; 600 and
// three pages exhaustively) and one more of 140 in English. With
// CNS_TEST_EXHAUSTIVE=1 (as .ci/run sets) six catalogs at two moments each,
// all but the largest in six languages. (Every build audits its own output
// too, whatever the test; the moments add days on which documents are in
// other states.)
func TestGeneratedCorporaLeakNothing(t *testing.T) {
	t.Parallel() // builds of their own, in folders of their own
	corpora, moments := 3, 1
	if corpus.Exhaustive() {
		corpora, moments = 6, 2
	} else if testing.Short() {
		corpora = 2
	}
	for i := range corpora {
		seed := uint64(1000 + i)
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			n := 60 + 40*i
			if i == 1 {
				// A ledger of several pages (250 rows each): three under
				// CNS_TEST_EXHAUSTIVE, two in a developer's run.
				n = 300
				if corpus.Exhaustive() {
					n = 600
				}
			}
			m, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: seed, Documents: n})
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(seed, 7))
			for range moments {
				at := m.From.Add(time.Duration(rng.Int64N(int64(m.To.Sub(m.From)))))
				o := options(m.Dir, dir, at)
				if i == 0 || (i != 1 && corpus.Exhaustive()) {
					o.Languages = nil // every language of the site
				}
				res, err := sitebuild.Build(o)
				if err != nil {
					t.Fatalf("as of %s: %v", at, err)
				}
				public := 0
				for _, d := range m.Docs {
					want, _ := oracle(d, at)
					if got := res.Decisions[d.ID].State == publication.Public; got != want {
						t.Errorf("as of %s, %s: engine says %s, the rules say public=%v", at, d.ID, res.Decisions[d.ID].State, want)
					}
					if want {
						public++
					}
				}
				files := siteFiles(t, res.OutDir)
				if _, ok := files["documents/page/2/index.html"]; (len(m.Docs) > 250) != ok {
					t.Errorf("%d documents, and a second ledger page: %v", len(m.Docs), ok)
				}
				// The files that describe the open data (issue 22) are
				// searched like every other: the JSON Schemas, the data
				// package and the open data page's Dataset markup.
				for _, p := range describing {
					if files[p] == nil {
						t.Errorf("as of %s: the site lacks %s", at, p)
					}
				}
				// Every meeting's world map (issue 22), drawn inline in
				// its page and written as map.svg beside it, is searched
				// like every other file: both must be there.
				for _, mt := range res.Catalog.Meetings {
					if !bytes.Contains(files["meetings/"+mt.ID+"/index.html"], []byte(`<svg class="wm-svg"`)) {
						t.Errorf("as of %s: the page of %s lacks its map", at, mt.ID)
					}
					if files["meetings/"+mt.ID+"/map.svg"] == nil {
						t.Errorf("as of %s: %s lacks its map.svg", at, mt.ID)
					}
				}
				if !bytes.Contains(files["data/index.html"], []byte(`<script type="application/ld+json">`)) {
					t.Errorf("as of %s: the open data page lacks its Dataset markup", at)
				}
				// The charts' CSVs and every language's SVGs (issue 22) are
				// among the files searched, and say what the open data says.
				langs := builtLanguages(t, o)
				if got := len(figureFiles(files)); got < 4+len(langs) {
					t.Errorf("as of %s: %d chart files, want the 4 CSVs and SVGs in each of %v: %v", at, got, langs, figureFiles(files))
				}
				for _, l := range figureMismatches(files, langs) {
					t.Errorf("as of %s: %s", at, l)
				}
				for _, l := range leaks(files, m.Docs, at) {
					t.Errorf("as of %s: %s", at, l)
				}
				// Every language's search index, down to its terms.
				for _, l := range indexLeaks(t, files, builtLanguages(t, o), m.Docs, at) {
					t.Errorf("as of %s: %s", at, l)
				}
				for _, l := range englishAsTheEngine(files, res) {
					t.Errorf("as of %s: %s", at, l)
				}
				for _, l := range pastAsTheView(files, res) {
					t.Errorf("as of %s: %s", at, l)
				}
				seen := reachable(files)
				for _, d := range m.Docs {
					if ok, _ := oracle(d, at); ok {
						if !seen["/documents/"+d.ID+"/"] {
							t.Errorf("as of %s: public %s is not reachable from the home page", at, d.ID)
						}
						if !hasPrefix(seen, "/files/"+d.ID+"/") {
							t.Errorf("as of %s: the file of public %s is not linked", at, d.ID)
						}
					}
				}
				t.Logf("as of %s: %d documents, %d public, %d files", at.Format(time.DateOnly), len(m.Docs), public, len(files))
			}
		})
	}
}

// englishAsTheEngine lists where a document's English page does not say,
// word for word, what the engine says in English (explain, plan and the
// feeds): the reason, basis, rule and history lines, which the theme says
// from codes in every language (issue 21).
func englishAsTheEngine(files map[string][]byte, res *sitebuild.Result) []string {
	v := disclosure.NewView(disclosure.Input{Catalog: res.Catalog, Decisions: res.Decisions, AsOf: res.AsOf})
	firstUpper := func(s string) string {
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r)) + s[n:]
	}
	var out []string
	for _, d := range res.Catalog.Documents {
		page := string(files["documents/"+d.ID+"/index.html"])
		dec := res.Decisions[d.ID]
		// The engine's reason, less what a page of its state may not show
		// (the day of an objection, or of a withdrawal before its day, or
		// of a submission the day shown has not reached), and
		// as the view words it where a source counts reports published
		// early (disclosure.CauseEarlierUncounted).
		reason := dec.Reason
		switch c := dec.Cause; c.Code {
		case publication.CauseObjected, publication.CauseWithdrawnEarly, publication.CauseBeforeSubmission:
			c.Date = catalog.Date{}
			// The day it was due only where the rule's (View.Page).
			if dp, _ := v.Page(d); c.Code == publication.CauseObjected {
				c.Due = dp.Cause.Due
			}
			reason = c.English()
		case publication.CauseBecamePublic:
			if dp, _ := v.Page(d); dp.Cause.Code == disclosure.CauseEarlierUncounted {
				reason = dp.Reason
			}
		}
		want := []string{`<p class="status-reason">` + html.EscapeString(firstUpper(strings.TrimSuffix(reason, "."))) + ".</p>"}
		if st := disclosure.StatusOf(dec); st.BasisText != "" {
			want = append(want, "<dd>"+html.EscapeString(firstUpper(st.BasisText))+"</dd>")
		}
		if dec.RuleText != "" {
			want = append(want, "<dd><span>"+html.EscapeString(dec.RuleText)+"</span>")
		}
		for _, c := range v.History(d) {
			want = append(want, "<span>"+html.EscapeString(c.Text)+"</span></li>")
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				out = append(out, fmt.Sprintf("%s (%s): the English page lacks the engine's %s", d.ID, dec.State, w))
			}
		}
	}
	return out
}

// templates are a page's <template> elements, which the page shows
// nothing of until a script uses them.
var templates = regexp.MustCompile(`(?s)<template\b.*?</template>`)

// pastAttrs is the attributes by which a page shows a document on a past
// day (the theme's partial pastattrs.html), in the order it writes them.
var pastAttrs = regexp.MustCompile(`data-doc="([^"]*)" data-state="([^"]*)" data-past="([^"]*)" data-from="([^"]*)" data-until="([^"]*)"`)

// statePages are the pages that show documents' states on any past day,
// in any language (the figures page: its map).
var statePages = regexp.MustCompile(`^((ar|zh|fr|ru|es)/)?((meetings|countries)/[^/]+/|documents/(page/[0-9]+/)?|figures/)index\.html$`)

// pastAsTheView lists where a page (the ledger, a meeting's grid, a
// country's page, in any language) says of a document's past anything but
// what disclosure.View.Past says (issue 22): the past is the one the
// ledger's rows carry, which names no day the document's page does not
// show (disclosure's TestPastAgreesWithTheEngineOnEveryDay), and the
// days its phrase names are those of its page; a document not public
// today has no past beyond "not public" and its state today. It lists
// too a page that shows states and carries no past, and a catalog whose
// documents were on no such page.
func pastAsTheView(files map[string][]byte, res *sitebuild.Result) []string {
	v := disclosure.NewView(disclosure.Input{Catalog: res.Catalog, Decisions: res.Decisions, AsOf: res.AsOf})
	want := map[string]string{}
	for _, d := range res.Catalog.Documents {
		r, p := v.Ref(d), v.Past(d)
		past := string(p.Before)
		for _, c := range p.Changes {
			past += " " + c.From.String() + ":" + string(c.State)
		}
		var from, until string
		if !r.PublicFrom.IsZero() {
			from = r.PublicFrom.String()
		}
		if !r.WithdrawnOn.IsZero() {
			until = r.WithdrawnOn.String()
		}
		want[d.ID] = fmt.Sprintf(`data-doc="%s" data-state="%s" data-past="%s" data-from="%s" data-until="%s"`, d.ID, r.State, past, from, until)
	}
	var out []string
	seen := map[string]bool{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		found := pastAttrs.FindAllSubmatch(data, -1)
		if n := bytes.Count(data, []byte(" data-past=")); n != len(found) {
			out = append(out, fmt.Sprintf("%s: %d data-past attributes, %d in the theme's form", name, n, len(found)))
		}
		for _, m := range found {
			id := string(m[1])
			seen[id] = true
			if got := string(m[0]); got != want[id] {
				out = append(out, fmt.Sprintf("%s: %s; the view says %s", name, got, want[id]))
			}
		}
		// A meeting's or a country's page, and the ledger, that show a
		// state carry their documents' past.
		// (Not the states a past day may show, in its <template>: a page
		// with no document has them too.)
		if statePages.MatchString(name) && len(found) == 0 && bytes.Contains(templates.ReplaceAll(data, nil), []byte(`class="state state-`)) {
			out = append(out, fmt.Sprintf("%s shows states and carries no past", name))
		}
	}
	for _, d := range res.Catalog.Documents {
		if !seen[d.ID] {
			out = append(out, fmt.Sprintf("%s is on no page with its past", d.ID))
		}
	}
	return out
}

func hasPrefix(set map[string]bool, prefix string) bool {
	for k := range set {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// The audit is what stands between a mistake and the public: a page that
// names a non-public document's own title (here, a hand-written page, as a
// careless edit or a template bug would) fails the build, and the previous
// site stays as it was.
func TestAuditFailsBuildThatLeaksAndKeepsPreviousSite(t *testing.T) {
	t.Parallel() // builds of their own, in folders of their own
	dir := t.TempDir()
	m, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 42, Documents: 40})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC) // before any meeting: nothing is public
	if _, err := sitebuild.Build(options(m.Dir, dir, at)); err != nil {
		t.Fatal(err)
	}
	before := siteFiles(t, filepath.Join(dir, "public"))

	var victim corpus.Doc
	for _, d := range m.Docs {
		if d.Text != "" {
			victim = d
			break
		}
	}
	site := filepath.Join(dir, "site")
	copyDir(t, filepath.Join(repo, "site"), site)
	full := victim.Title + ` <b>&amp; "quoted"</b>` // as the corpus writes it
	// The text's token alone is too short to tell from chance; a leak of the
	// text shows a run of it.
	secrets := append([]string{full, victim.Text}, victim.Secrets[:len(victim.Secrets)-1]...)
	// Each form of the secret on a page of its own, all in one build: the
	// audit lists every finding, so each page must be named for it.
	for i, leak := range secrets {
		title, _ := json.Marshal("Notes on " + leak)
		page := fmt.Sprintf("{\"title\": %s}\n\nSee the notes.\n", title)
		if err := os.WriteFile(filepath.Join(site, "content", fmt.Sprintf("notes-%d.md", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o := options(m.Dir, dir, at)
	o.SiteDir = site
	_, err = sitebuild.Build(o)
	var le *audit.LeakError
	if !errors.As(err, &le) || !errors.Is(err, audit.ErrLeak) {
		t.Fatalf("build error = %v, want a leak audit failure", err)
	}
	for i, leak := range secrets {
		file := fmt.Sprintf("notes-%d/index.html", i)
		if !slices.ContainsFunc(le.Findings, func(f audit.Finding) bool { return f.File == file && f.Secret.Doc == victim.ID }) {
			t.Errorf("leak %d (%q): the audit names no finding of %s in %s: %v", i, leak, victim.ID, file, err)
		}
	}
	if !strings.Contains(err.Error(), "notes-0/index.html") || !strings.Contains(err.Error(), victim.ID) {
		t.Errorf("the audit error does not name the file and the document: %v", err)
	}
	after := siteFiles(t, filepath.Join(dir, "public"))
	if len(after) != len(before) {
		t.Fatalf("a failed build changed the previous site: %d files, before %d", len(after), len(before))
	}
	for k, v := range before {
		if !bytes.Equal(after[k], v) {
			t.Fatalf("a failed build changed %s", k)
		}
	}
}

// Hugo's pages are audited as Hugo writes them; a file Hugo copies in
// another way (a static file) is read back by the audit, and a leak there
// fails the build too.
func TestAuditCatchesLeakInStaticFile(t *testing.T) {
	dir := t.TempDir()
	m, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 42, Documents: 40})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC) // nothing is public
	site := filepath.Join(dir, "site")
	copyDir(t, filepath.Join(repo, "site"), site)
	if err := os.MkdirAll(filepath.Join(site, "static", "notes"), 0o755); err != nil {
		t.Fatal(err)
	}
	victim := m.Docs[0]
	full := victim.Title + ` <b>&amp; "quoted"</b>` // as the corpus writes it
	if err := os.WriteFile(filepath.Join(site, "static", "notes", "draft.txt"), []byte("Draft: "+full+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := options(m.Dir, dir, at)
	o.SiteDir = site
	_, err = sitebuild.Build(o)
	if !errors.Is(err, audit.ErrLeak) || !strings.Contains(err.Error(), "notes/draft.txt") {
		t.Fatalf("build error = %v, want a leak audit failure naming notes/draft.txt", err)
	}
	if _, err := os.Stat(o.OutDir); !os.IsNotExist(err) {
		t.Errorf("a failed first build left an output: %v", err)
	}
}

// The generator's own outputs are written beside Hugo and merged into its
// site after: a page or static file of the site at the same path is an
// error that names it, never one silently replacing the other.
func TestOutputThatCollidesWithHugoFailsBuild(t *testing.T) {
	dir := t.TempDir()
	m, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 5, Documents: 20})
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	copyDir(t, filepath.Join(repo, "site"), site)
	if err := os.MkdirAll(filepath.Join(site, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "static", "documents.csv"), []byte("id\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := options(m.Dir, dir, m.To)
	o.SiteDir = site
	_, err = sitebuild.Build(o)
	if err == nil || !strings.Contains(err.Error(), "two documents.csv") {
		t.Fatalf("build error = %v, want one naming documents.csv twice", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		// The lock file stays (an unheld lock): removing it would let two
		// builds lock two different files of one name.
		if strings.HasPrefix(e.Name(), ".public") && e.Name() != ".public.lock" {
			t.Errorf("a failed build left %s behind", e.Name())
		}
	}
}

// The build's audit reads every file of the output, whatever its kind, so an
// output added later is covered without being listed anywhere.
func TestAuditReadsEveryOutputFile(t *testing.T) {
	dir := t.TempDir()
	m, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 3, Documents: 30})
	if err != nil {
		t.Fatal(err)
	}
	res, err := sitebuild.Build(options(m.Dir, dir, m.To))
	if err != nil {
		t.Fatal(err)
	}
	files := siteFiles(t, res.OutDir)
	if res.Files != len(files) {
		t.Errorf("the audit read %d files; the site has %d", res.Files, len(files))
	}
	for _, p := range describing {
		if files[p] == nil {
			t.Errorf("the site lacks %s", p)
		}
	}
	// Among them the charts' CSVs and SVGs (issue 22).
	if n := len(figureFiles(files)); n < 5 {
		t.Errorf("the site has %d chart files: %v", n, figureFiles(files))
	}
}

// describing are the files that describe the open data (issue 22), which
// the leak tests and the audit read like every other file.
var describing = func() []string {
	out := []string{opendata.Package}
	for _, f := range opendata.JSONFiles {
		out = append(out, f.SchemaPath())
	}
	return out
}()

func copyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
