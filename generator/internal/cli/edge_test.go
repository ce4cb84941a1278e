package cli

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// fixtureRules are the kinds of the real catalog, each with one rule from
// the catalog's first meeting on: the 90-day rule for national reports.
const fixtureRules = `timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, rules: [{from: FIRST, public: after_adjournment, days: 90, early_publication: true, objection: true}]}
  - {kind: questions_answers, slug: qa, label: Questions and answers, per_party: true, rules: [{from: FIRST, public: consent}]}
  - {kind: country_review_report, slug: crr, label: Country Review Report, per_party: true, rules: [{from: FIRST, public: consent}]}
  - {kind: summary_report, slug: summary-report, label: Summary Report, rules: [{from: FIRST, public: adoption}]}
`

var firstMeetingRe = regexp.MustCompile(`(?m)^  - \{?id: ([a-z0-9-]+)`)

// writeCatalog writes a catalog from file names and contents, with
// fixtureRules from the first meeting of meetings.yaml unless the files
// give their own rules.
func writeCatalog(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if _, ok := files["rules.yaml"]; !ok {
		m := firstMeetingRe.FindStringSubmatch(files["meetings.yaml"])
		if m == nil {
			t.Fatal("writeCatalog: meetings.yaml names no meeting for the rules to start from")
		}
		files["rules.yaml"] = strings.ReplaceAll(fixtureRules, "FIRST", m[1])
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edgeCatalog has one report in each interesting state, and markup where
// markup should never run.
func edgeCatalog(t testing.TB) string {
	return writeCatalog(t, map[string]string{
		"parties.yaml": `parties:
  - {id: aland, name: Aland, type: state}
  - {id: borduria, name: Borduria, type: state}
  - {id: syldavia, name: "Syldavia <img src=x onerror=alert(1)>", type: state}
  - {id: cote-divoire, name: "Côte d'Ivoire", type: state}
`,
		"meetings.yaml": `meetings:
  - {id: rm07, type: review, numbers: [7], title: 7th Review Meeting, opening: 2017-03-27, adjournment: 2017-04-07}
`,
		"documents/rm07.yaml": `meeting: rm07
documents:
  - kind: national_report
    party: aland
    title: Aland's confidential self-assessment
    objection: 2017-06-01
  - kind: national_report
    party: borduria
  - kind: national_report
    party: syldavia
    title: "<script>alert('x')</script> Syldavian report"
    summary: "A summary with <b>bold</b> & an ampersand"
    file: files/syldavia.txt
    objection: 2017-09-01
  - kind: national_report
    party: cote-divoire
    not_submitted: true
`,
		"files/syldavia.txt": "The national report of Syldavia.\n",
	})
}

func TestExplainWithheldScheduledWithdrawn(t *testing.T) {
	data := edgeCatalog(t)
	tests := []struct {
		id, asOf string
		want     []string
	}{
		{"rm07-nr-aland", "2017-08-01", []string{"state:       withheld", "objected on 1 June 2017", "before it was due to become public on 6 July 2017", "unless the Contracting Party objects", "fact: objection: 1 June 2017"}},
		{"rm07-nr-borduria", "2017-05-01", []string{"state:       scheduled", "public from: 6 July 2017", "next change: 6 July 2017 (00:00 Europe/Vienna)", "adjourned 7 April 2017"}},
		{"rm07-nr-syldavia", "2017-10-01", []string{"state:       withdrawn", "public from: 6 July 2017", "withdrawn on: 1 September 2017", "objection was received on 1 September 2017", "basis:       90 days after the meeting adjourned"}},
		{"rm07-nr-cote-divoire", "2017-10-01", []string{"state:       not_submitted"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r := run(t, nil, "explain", "--data", data, "--as-of", tt.asOf, tt.id)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("explain lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

// Markup in names, titles and summaries is shown as text, never run.
func TestMarkupInCatalogIsEscaped(t *testing.T) {
	data := edgeCatalog(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), "--as-of", "2017-08-01")...); r.code != 0 {
		t.Fatalf("build exited %d: %s", r.code, r.stderr)
	}
	page := read(t, filepath.Join(out, "documents", "rm07-nr-syldavia", "index.html"))
	if !strings.Contains(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Syldavian report") {
		t.Errorf("the public title is not shown escaped:\n%s", page)
	}
	// A title of its own says neither whose report it is nor for which
	// meeting: the title made of them stands under it, and in the citation.
	made := regexp.QuoteMeta("Syldavia &lt;img src=x onerror=alert(1)&gt;: National Report, 7th Review Meeting")
	if !regexp.MustCompile(`</h1>\s*<p class="doc-context">`+made+`</p>`).MatchString(page) ||
		!regexp.MustCompile(`class="citation"><cite>[^\n]*Syldavian report</cite> \(`+made+`\)\.`).MatchString(page) {
		t.Errorf("the page does not say under its own title and in its citation whose report it is:\n%s", page)
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b := read(t, p)
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold</b>"} {
			if strings.Contains(b, bad) {
				t.Errorf("%s holds %q unescaped", p, bad)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Withheld: its own title is not public.
	if s := read(t, filepath.Join(out, "documents", "rm07-nr-aland", "index.html")); strings.Contains(s, "confidential self-assessment") {
		t.Error("the withheld report's own title is on its page")
	}
}

// A catalog with parties and meetings but no documents yet builds a site
// that says so.
func TestBuildCatalogOfNoDocuments(t *testing.T) {
	data := noDocumentsCatalog(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	r := run(t, nil, append(buildArgs(data, out, filepath.Join(dir, ".build")), "--quiet=false")...)
	if r.code != 0 {
		t.Fatalf("build exited %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "documents: 0 (none)") {
		t.Errorf("summary: %s", r.stdout)
	}
	for _, p := range []string{"index.html", "meetings/rm10/index.html", "countries/aland/index.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}
}

// noDocumentsCatalog writes a catalog of one party and one meeting and no
// document, the smallest that builds, and returns its folder: for the
// tests of what a build does whatever its catalog.
func noDocumentsCatalog(t *testing.T) string {
	return writeCatalog(t, map[string]string{
		"parties.yaml":  "parties:\n  - {id: aland, name: Aland, type: state}\n",
		"meetings.yaml": "meetings:\n  - {id: rm10, type: review, numbers: [10], title: 10th Review Meeting, held: 2026}\n",
	})
}

// A renamed country keeps its old address, which leads to the new page.
func TestRenamedPageKeepsItsOldAddress(t *testing.T) {
	data := writeCatalog(t, map[string]string{
		"parties.yaml":  "parties:\n  - {id: turkiye, name: Türkiye, type: state, former_ids: [turkey]}\n",
		"meetings.yaml": "meetings:\n  - {id: rm07, type: review, title: 7th Review Meeting, opening: 2017-03-27, adjournment: 2017-04-07}\n",
	})
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), "--base-url", "https://example.org/cns/")...); r.code != 0 {
		t.Fatalf("build exited %d: %s", r.code, r.stderr)
	}
	old := read(t, filepath.Join(out, "countries", "turkey", "index.html"))
	// By a path from the site's root, so that a copy of the site served
	// elsewhere keeps its reader; the canonical link names the published
	// address; a reader whose browser does not follow the refresh is told
	// where the page is, in the page's language.
	if !strings.Contains(old, `<meta http-equiv="refresh" content="0; url=/cns/countries/turkiye/">`) ||
		!strings.Contains(old, `<link rel="canonical" href="https://example.org/cns/countries/turkiye/">`) ||
		!strings.Contains(old, `<a href="/cns/countries/turkiye/" dir="ltr">https://example.org/cns/countries/turkiye/</a>`) {
		t.Errorf("the old address does not lead to the new page by its path:\n%s", old)
	}
}

// A withheld document's pages say that its party objected, never on which
// day (DESIGN: a withheld document shows that it exists and is withheld at
// its party's request, nothing else); the day is in no output of any
// language, in any form (ISO, iCalendar, or written out). explain, for the
// webmaster, still gives it (TestExplainWithheldScheduledWithdrawn).
func TestWithheldDocumentShowsNoObjectionDay(t *testing.T) {
	data := edgeCatalog(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), append([]string{"--as-of", "2017-08-01"}, allLanguages...)...)...); r.code != 0 {
		t.Fatalf("build exited %d: %s", r.code, r.stderr)
	}
	if page := text(t, filepath.Join(out, "documents", "rm07-nr-aland", "index.html")); !strings.Contains(page, "The Contracting Party objected before 6 July 2017, the day it was due to become public") {
		t.Errorf("the withheld report's page does not say why it is withheld:\n%s", page)
	}
	// aland's objection of 1 June 2017 in each language's long form.
	forms := []string{"2017-06-01", "20170601", "1 June 2017", "1er juin 2017", "1 de junio de 2017", "1 июня 2017", "2017年6月1日", "1 يونيو 2017", "١ يونيو ٢٠١٧"}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, f := range forms {
			if strings.Contains(string(b), f) {
				t.Errorf("%s holds the day of the objection (%q)", p, f)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A meeting's or a rule's source that cites a document not public yet (a
// build as of a day before a meeting's Summary Report meets it in the
// sources of that meeting and of the rules it states) is left out of every
// page and file that would show it, and counted, as a document's or a
// party's is; the build goes on. A source that gives the day a party
// objected stops check at its own line of the list.
func TestMeetingAndRuleSourcesCitingWhatIsNotPublicAreLeftOut(t *testing.T) {
	data := edgeCatalog(t)
	edit(t, filepath.Join(data, "meetings.yaml"), "adjournment: 2017-04-07}", "adjournment: 2017-04-07, sources: [\"Aland's confidential self-assessment, paragraph 3\", \"The meeting's own page\"]}")
	edit(t, filepath.Join(data, "rules.yaml"), "days: 90, early_publication: true, objection: true}", "days: 90, early_publication: true, objection: true, sources: [\"ALAND'S CONFIDENTIAL SELF-ASSESSMENT, paragraph 8\", \"The Convention, Article 25\"]}")
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), "--as-of", "2017-05-01")...); r.code != 0 {
		t.Fatalf("build exited %d:\n%s", r.code, r.stderr)
	}
	hidden := "Sources not shown, as they name a document that is not public: 1."
	for page, want := range map[string][]string{
		"meetings/rm07/index.html": {"The meeting's own page", hidden},
		"publication/index.html":   {"The Convention, Article 25", hidden},
	} {
		text := html.UnescapeString(text(t, filepath.Join(out, filepath.FromSlash(page))))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
	var file struct {
		Meetings []struct {
			Sources       []string `json:"sources"`
			SourcesHidden int      `json:"sources_hidden"`
		} `json:"meetings"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "meetings.json"))), &file); err != nil {
		t.Fatal(err)
	}
	if meetings := file.Meetings; len(meetings) != 1 || !slices.Equal(meetings[0].Sources, []string{"The meeting's own page"}) || meetings[0].SourcesHidden != 1 {
		t.Errorf("meetings.json: %+v, want the meeting's second source shown and one hidden", file.Meetings)
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if b := strings.ToLower(read(t, p)); strings.Contains(b, "self-assessment") {
			t.Errorf("%s names the scheduled report's title", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The day of an objection beside the party's name, in the meeting's
	// second source: at that source's line.
	data = edgeCatalog(t)
	edit(t, filepath.Join(data, "meetings.yaml"), "adjournment: 2017-04-07}", "adjournment: 2017-04-07,\n      sources: [\"The meeting's own page\",\n        \"Aland objected on 1 June 2017\"]}")
	if r := run(t, nil, "check", "--data", data, "--as-of", "2017-08-01"); r.code != ExitData || !strings.Contains(r.stderr, `meetings.yaml:4:9: a source of the meeting gives 1 June 2017 beside Aland`) {
		t.Errorf("check exited %d, want %d at the source's own line:\n%s", r.code, ExitData, r.stderr)
	}
}

// The catalog's own words naming a document that is not public, written
// another way than the document has it (capitals, another Unicode form,
// curly quotes, a zero-width mark, http for https, %20 for a space), which
// the audit of the built files would not find (an adversarial review
// found each): a public document's source that names it is left out of
// its page; a meeting's note that names it stops check and the build at
// its line, before anything is written. So does a five-character Chinese
// title, too short to be searched before.
func TestCatalogWordsNamingASecretAnotherWayAreRefused(t *testing.T) {
	secretURL := "https://www.example.org/aland/Bericht%20CNS%202016.pdf"
	variants := map[string]string{
		"capitals":             "ALAND'S CONFIDENTIAL SELF-ASSESSMENT",
		"curly and zero-width": "Aland\u2019s confi\u200bdential self\u2011assessment",
		"another address":      "see http://example.org/aland/Bericht CNS 2016.pdf",
		"accents and emphasis": "Aland's cónfidential *self*-assessment",
	}
	for name, v := range variants {
		t.Run(name, func(t *testing.T) {
			data := edgeCatalog(t)
			edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    title: Aland's confidential self-assessment\n", "    title: Aland's confidential self-assessment\n    url: "+secretURL+"\n")
			// A public document's source: left out of its page.
			edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    party: borduria\n", "    party: borduria\n    sources: [\"A list of reports, "+v+"\", \"Borduria's regulator\"]\n")
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			if r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), "--as-of", "2017-08-01")...); r.code != 0 {
				t.Fatalf("build exited %d:\n%s", r.code, r.stderr)
			}
			page := html.UnescapeString(text(t, filepath.Join(out, "documents", "rm07-nr-borduria", "index.html")))
			if strings.Contains(page, "A list of reports") || !strings.Contains(page, "Borduria's regulator") {
				t.Errorf("the public report's page shows the source that names the withheld one, or not its other source:\n%s", page)
			}
			// A meeting's note: refused, at its line.
			edit(t, filepath.Join(data, "meetings.yaml"), "adjournment: 2017-04-07}", "adjournment: 2017-04-07, note: \"Aland's report, "+v+", is withheld.\"}")
			want := `meetings\.yaml:2:\d+: the meeting's note names, as written or another way .* of document "rm07-nr-aland"`
			for _, args := range [][]string{{"check", "--data", data, "--as-of", "2017-08-01"}, buildArgs(data, out, filepath.Join(dir, ".build"), "--as-of", "2017-08-01")} {
				if r := run(t, nil, args...); r.code != ExitData || !regexp.MustCompile(want).MatchString(r.stderr) {
					t.Errorf("%s exited %d, want %d with %s:\n%s", args[0], r.code, ExitData, want, r.stderr)
				}
			}
		})
	}
	// Other fields pages show as written: an officer's role, a party's
	// other name, a meeting's list of documents.
	t.Run("other fields", func(t *testing.T) {
		for _, f := range []struct{ file, old, new, want string }{
			{"parties.yaml", "{id: borduria, name: Borduria, type: state}", "{id: borduria, name: Borduria, other_names: [\"ALAND'S CONFIDENTIAL SELF-ASSESSMENT\"], type: state}", `parties\.yaml:\d+:\d+: a party's other name names`},
			{"meetings.yaml", "adjournment: 2017-04-07}", "adjournment: 2017-04-07, officers: [{role: \"Rapporteur on Aland's confidential self-assessment\", name: Ms A, country: Borduria}]}", `meetings\.yaml:\d+:\d+: an officer names`},
		} {
			data := edgeCatalog(t)
			edit(t, filepath.Join(data, f.file), f.old, f.new)
			if r := run(t, nil, "check", "--data", data, "--as-of", "2017-08-01"); r.code != ExitData || !regexp.MustCompile(f.want).MatchString(r.stderr) {
				t.Errorf("check exited %d, want %d with %s:\n%s", r.code, ExitData, f.want, r.stderr)
			}
		}
	})
	// The day a party objected, beside its name in a note or a source,
	// would tell what its withheld document's page does not.
	t.Run("the day of an objection", func(t *testing.T) {
		data := edgeCatalog(t)
		edit(t, filepath.Join(data, "parties.yaml"), "{id: aland, name: Aland, type: state}", "{id: aland, name: Aland, type: state, note: \"Aland objected on 1 June 2017 to the publication of its report.\"}")
		// Said once (the search once ran in a loop over the kinds, and said
		// it once per kind).
		if r := run(t, nil, "check", "--data", data, "--as-of", "2017-08-01"); r.code != ExitData || strings.Count(r.stderr, `the party's note gives 1 June 2017 beside Aland: the day of the objection of document "rm07-nr-aland"`) != 1 {
			t.Errorf("check exited %d, want %d naming the day once:\n%s", r.code, ExitData, r.stderr)
		}
	})
	// A withdrawn document's title is shown on its notice: a former id
	// made of it hides nothing, and is kept (its old links lead to it).
	t.Run("a withdrawn document's former id", func(t *testing.T) {
		data := edgeCatalog(t)
		edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    title: \"<script>alert('x')</script> Syldavian report\"\n", "    title: \"<script>alert('x')</script> Syldavian report\"\n    former_ids: [rm07-syldavian-report]\n")
		if r := run(t, nil, "check", "--data", data, "--as-of", "2017-10-01"); r.code != 0 {
			t.Errorf("check exited %d, want 0:\n%s", r.code, r.stderr)
		}
	})
	// An id is in every address: one made of the withheld title's words
	// shows them, in the document's address and its former one's.
	t.Run("an id made of its title", func(t *testing.T) {
		data := edgeCatalog(t)
		edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    party: aland\n", "    party: aland\n    id: rm07-aland-confidential-assessment\n")
		if r := run(t, nil, "check", "--data", data, "--as-of", "2017-08-01"); r.code != ExitData || !strings.Contains(r.stderr, `the id "rm07-aland-confidential-assessment" takes "confidential" from the document's own title`) {
			t.Errorf("check exited %d, want %d naming the id:\n%s", r.code, ExitData, r.stderr)
		}
	})
	t.Run("five Chinese characters", func(t *testing.T) {
		data := edgeCatalog(t)
		edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    title: Aland's confidential self-assessment\n", "    title: 核安全报告\n    title_lang: zh\n")
		edit(t, filepath.Join(data, "meetings.yaml"), "adjournment: 2017-04-07}", "adjournment: 2017-04-07, note: \"Aland's report 核安全报告 is withheld.\"}")
		if r := run(t, nil, "check", "--data", data, "--as-of", "2017-08-01"); r.code != ExitData || !strings.Contains(r.stderr, `the title of document "rm07-nr-aland"`) {
			t.Errorf("check exited %d, want %d naming the withheld title:\n%s", r.code, ExitData, r.stderr)
		}
	})
}

// A withdrawn document's notice gives its reason after the colon its
// language writes («Motif : la Partie contractante…», "原因：…"), not an
// ASCII colon after every label (a reader's review found "Motif: La
// Partie…" and "原因:").
func TestWithdrawnReasonAfterTheLanguagesColon(t *testing.T) {
	data := edgeCatalog(t)
	out := buildData(t, data, "2017-10-01", "--languages", "en,fr,zh,ru,es")
	for lang, want := range map[string]string{
		"":    "Reason: </strong><span>The Contracting Party objected",
		"fr/": "Motif\u00a0: </strong><span>la Partie contractante s",
		"zh/": "原因：</strong><span>缔约方反对公开该文件。",
		// Lower-case after the colon, but not the Convention's term,
		// which Russian pages write with its capital everywhere.
		"ru/": "Причина: </strong><span>возражение Договаривающейся стороны против его публикации.",
		"es/": "Motivo: </strong><span>la Parte Contratante se opuso",
	} {
		page := read(t, filepath.Join(out, filepath.FromSlash(lang+"documents/rm07-nr-syldavia/index.html")))
		if !strings.Contains(page, want) {
			i := strings.Index(page, "notice-withdrawn")
			t.Errorf("%sdocuments/rm07-nr-syldavia/: the withdrawn notice does not say %q:\n%s", lang, want, page[max(0, i):min(len(page), i+900)])
		}
	}
}

// A build as of a day before a meeting's review cycle began says of its
// documents that nothing is expected before the cycle's first day, not
// that their party "submitted no document", nor, of a day to come, that
// the cycle "began" (a review read both on a build as of 2017).
func TestADocumentNotYetInExistenceSaysFromWhen(t *testing.T) {
	out := buildData(t, fixture, "2013-06-01")
	page := read(t, filepath.Join(out, "documents", "rm07-nr-albania", "index.html"))
	for _, want := range []string{
		"Nothing is expected before <time datetime=\"2014-04-04\">4 April 2014</time>",
		"the review cycle of its meeting runs from",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("documents/rm07-nr-albania/ as of 1 June 2013 does not say %q", want)
		}
	}
	for _, wrong := range []string{"submitted no document", "began on"} {
		if strings.Contains(page, wrong) {
			t.Errorf("documents/rm07-nr-albania/ as of 1 June 2013 says %q", wrong)
		}
	}
}

// A document's former ids are in the open data, so that a reader of an
// earlier day's file, which named it by one, finds it (a review found the
// joint meeting's nine renamed reports gone from documents.json for
// anyone joining on their old ids): a list in the JSON, joined by ";" in
// the CSV, an empty list for a document never renamed.
func TestFormerIDsAreInTheOpenData(t *testing.T) {
	data := edgeCatalog(t)
	edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    party: aland\n", "    party: aland\n    former_ids: [rm07-aland-report, rm07-aland]\n")
	out := buildData(t, data, "2017-10-01")
	var docs struct {
		Documents []struct {
			ID     string   `json:"id"`
			Former []string `json:"former_ids"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "documents.json"))), &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs.Documents {
		want := []string{}
		if d.ID == "rm07-nr-aland" {
			want = []string{"rm07-aland-report", "rm07-aland"}
		}
		if d.Former == nil || strings.Join(d.Former, " ") != strings.Join(want, " ") {
			t.Errorf("documents.json: %s former_ids %#v, want %q", d.ID, d.Former, want)
		}
	}
	// The columns of an earlier public period follow, empty (false) here,
	// then the reason for a take-down, empty too.
	if csv := read(t, filepath.Join(out, "documents.csv")); !strings.Contains(csv, ",rm07-aland-report;rm07-aland,,,,false,false,false,\n") {
		t.Errorf("documents.csv does not give Aland's former ids joined by ';'")
	}
}
