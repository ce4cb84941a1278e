package cli

// The site in the six official languages of the United Nations (issue 21),
// checked on the built fixture site: every page in every language, with its
// language and direction; a switcher that leads to the same page in each
// other language and back; hreflang alternates; dates and names in the
// language; and no English interface string outside markup that says it is
// English.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

var siteLanguages = map[string]string{"en": "ltr", "ar": "rtl", "zh": "ltr", "fr": "ltr", "ru": "ltr", "es": "ltr"}

func parseHTML(t testing.TB, path string) *html.Node {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func walk(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// englishPages are the HTML pages of the English site, as paths from the
// site's root.
func englishPages(t testing.TB, site string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if _, ok := siteLanguages[rel]; ok && rel != "." {
				return filepath.SkipDir // another language, or /en/, the redirect to the root
			}
			return nil
		}
		if strings.HasSuffix(rel, ".html") {
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func TestEveryPageInEveryLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	pages := englishPages(t, site)
	if len(pages) < 40 {
		t.Fatalf("only %d English pages", len(pages))
	}
	// Links are under the site's path (baseURL in hugo.toml): pathOf is a
	// link's path below it.
	base := ""
	walk(parseHTML(t, filepath.Join(site, "index.html")), func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "link" {
			if r, _ := attr(n, "rel"); r == "canonical" {
				h, _ := attr(n, "href")
				u, _ := url.Parse(h)
				base = strings.TrimSuffix(u.Path, "/")
			}
		}
		return true
	})
	pathOf := func(href string) string {
		u, err := url.Parse(href)
		if err != nil {
			return href
		}
		return strings.TrimPrefix(u.Path, base)
	}
	for _, rel := range pages {
		for lang, dir := range siteLanguages {
			path := filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+rel))
			doc := parseHTML(t, path)
			var root *html.Node
			walk(doc, func(n *html.Node) bool {
				if n.Type == html.ElementNode && n.Data == "html" {
					root = n
					return false
				}
				return true
			})
			if root == nil {
				t.Errorf("%s%s: no <html>", themetest.Prefix(lang), rel)
				continue
			}
			if got, _ := attr(root, "lang"); got != themetest.Locale(t, lang) {
				t.Errorf("%s%s: lang %q, want %q", themetest.Prefix(lang), rel, got, themetest.Locale(t, lang))
			}
			if got, _ := attr(root, "dir"); got != dir {
				t.Errorf("%s%s: dir %q, want %q", themetest.Prefix(lang), rel, got, dir)
			}
			if rel == "404.html" {
				continue
			}
			// The switcher names every other language once and leads to this
			// same page there; hreflang alternates name the same pages.
			want := map[string]string{} // by tag
			for other := range siteLanguages {
				if other != lang {
					want[themetest.Locale(t, other)] = "/" + themetest.Prefix(other) + strings.TrimSuffix(rel, "index.html")
				}
			}
			switcher, alternates := map[string]string{}, map[string]string{}
			walk(doc, func(n *html.Node) bool {
				if n.Type != html.ElementNode {
					return true
				}
				if n.Data == "nav" {
					if c, _ := attr(n, "class"); c == "languages" {
						walk(n, func(a *html.Node) bool {
							if a.Type == html.ElementNode && a.Data == "a" {
								l, _ := attr(a, "hreflang")
								h, _ := attr(a, "href")
								switcher[l] = pathOf(h)
							}
							return true
						})
					}
				}
				if n.Data == "link" {
					if r, _ := attr(n, "rel"); r == "alternate" {
						if l, ok := attr(n, "hreflang"); ok {
							h, _ := attr(n, "href")
							alternates[l] = pathOf(h)
						}
					}
				}
				return true
			})
			for other, href := range want {
				if switcher[other] != href {
					t.Errorf("%s%s: the switcher leads to %q for %s, want %q", themetest.Prefix(lang), rel, switcher[other], other, href)
				}
				if alternates[other] != href {
					t.Errorf("%s%s: hreflang %s is %q, want %q", themetest.Prefix(lang), rel, other, alternates[other], href)
				}
			}
			if len(switcher) != len(want) {
				t.Errorf("%s%s: the switcher names %d languages, want %d", themetest.Prefix(lang), rel, len(switcher), len(want))
			}
			// The alternates name the page itself too, and English as the
			// page for a reader of none of the languages.
			page := "/" + themetest.Prefix(lang) + strings.TrimSuffix(rel, "index.html")
			if english := "/" + strings.TrimSuffix(rel, "index.html"); alternates[themetest.Locale(t, lang)] != page || alternates["x-default"] != english || len(alternates) != len(siteLanguages)+1 {
				t.Errorf("%s%s: hreflang alternates %q; want every language, itself (%s) among them, and x-default %s", themetest.Prefix(lang), rel, alternates, page, english)
			}
		}
	}
}

// No interface string of English shows on a page of another language,
// except inside an element marked lang="en" (text the catalog has in
// English alone). Strings a language writes as English does (a name, a
// word both share) do not count. Nor do the engine's English words (every
// document's reason, basis, rule and history as explain and the feeds say
// them), nor the catalog's English words that the language has a
// translation of (meeting titles, kind labels and descriptions, rule notes).
func TestNoEnglishInterfaceStringInOtherLanguages(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	all := themetest.Strings(t)
	cat, at, decisions, err := prepare.LoadAndDecide(fixture, "catalog", publication.AsOf{Time: time.Date(2017, 7, 6, 0, 0, 0, 0, vienna(t))})
	if err != nil {
		t.Fatal(err)
	}
	// The engine's words, the same in every language's view.
	var engine []string
	v := disclosure.NewView(disclosure.Input{Catalog: cat, Decisions: decisions, AsOf: at})
	for _, d := range cat.Documents {
		dec := decisions[d.ID]
		engine = append(engine, strings.TrimSuffix(dec.Reason, "."), dec.BasisText, dec.RuleText)
		for _, c := range v.History(d) {
			engine = append(engine, c.Text)
		}
	}
	engine = slices.DeleteFunc(slices.Compact(slices.Sorted(slices.Values(engine))), func(s string) bool { return s == "" })
	handWritten := handWrittenEnglish(t)
	if len(engine) < 8 {
		t.Fatalf("only %d sentences of the engine to look for: %q", len(engine), engine)
	}
	for lang := range siteLanguages {
		if lang == "en" {
			continue
		}
		// English strings without placeholders, long enough to be
		// sentences, and not the same in the language.
		var english []string
		for key, forms := range all["en"] {
			s := forms["other"]
			if strings.Contains(s, "{") || strings.Contains(s, "<") || len(strings.Fields(s)) < 3 || all[lang][key]["other"] == s {
				continue
			}
			english = append(english, s)
		}
		if len(english) < 100 {
			t.Fatalf("only %d English strings to look for", len(english))
		}
		english = append(english, engine...)
		// The catalog's English words that the language translates.
		translated := 0
		for _, m := range cat.Meetings {
			if cat.MeetingTitle(m.ID, lang) != "" {
				english = append(english, m.Title)
				translated++
			}
		}
		for _, k := range cat.Rules.Kinds {
			if cat.KindLabel(k.Kind, lang) != "" {
				english = append(english, k.Label)
				translated++
			}
			if cat.KindDescription(k.Kind, lang) != "" {
				english = append(english, k.Description)
				translated++
			}
			for _, r := range k.Rules {
				if cat.RuleNote(k.Kind, r.From, lang) != "" {
					english = append(english, r.Note)
					translated++
				}
			}
		}
		if lang == "fr" && translated < 7 {
			t.Errorf("the fixture's French translates %d of the catalog's words; the test needs them", translated)
		}
		english = append(english, handWritten...)
		for _, rel := range englishPages(t, site) {
			doc := parseHTML(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+rel)))
			var visible, attrs strings.Builder
			walk(doc, func(n *html.Node) bool {
				if n.Type == html.ElementNode {
					// Words in attributes cannot be marked as English: a
					// page's description, a link's or an image's title,
					// a label, must be in the page's language.
					for _, a := range n.Attr {
						if a.Key == "title" || a.Key == "aria-label" || a.Key == "alt" || a.Key == "placeholder" || (a.Key == "content" && n.Data == "meta") {
							attrs.WriteString(a.Val)
							attrs.WriteString("\n")
						}
					}
					if l, ok := attr(n, "lang"); ok && l == "en" {
						return false
					}
					// A <title> cannot mark part of itself as English: a
					// page whose title is the catalog's English shows it
					// there as it is, and marked in its <h1>, checked here.
					if n.Data == "script" || n.Data == "style" || n.Data == "template" || n.Data == "title" {
						return false
					}
				}
				if n.Type == html.TextNode {
					visible.WriteString(n.Data)
					visible.WriteString("\n")
				}
				return true
			})
			text := strings.Join(strings.Fields(visible.String()), " ")
			inAttrs := strings.Join(strings.Fields(attrs.String()), " ")
			for _, s := range english {
				s = strings.Join(strings.Fields(s), " ")
				if strings.Contains(text, s) {
					t.Errorf("%s%s shows the English %q outside lang=\"en\"", themetest.Prefix(lang), rel, s)
				}
				if strings.Contains(inAttrs, s) {
					t.Errorf("%s%s has the English %q in an attribute", themetest.Prefix(lang), rel, s)
				}
			}
		}
	}
}

// A party is named in the page's language: the catalog's UN short name
// where it gives one, CLDR's name of its ISO code otherwise, and its English
// name, marked as English, when it has neither (Euratom).
func TestPartyNamesInEachLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	for _, tc := range []struct{ page, want string }{
		{"fr/countries/korea/index.html", "<h1>République de Corée</h1>"},
		{"ru/countries/korea/index.html", "<h1>Республика Корея</h1>"},
		{"zh/countries/albania/index.html", "<h1>阿尔巴尼亚</h1>"},
		{"ar/countries/albania/index.html", "<h1>ألبانيا</h1>"},
		{"es/countries/turkiye/index.html", "<h1>Türkiye</h1>"},
		{"fr/countries/euratom/index.html", `<h1><span lang="en">Euratom</span></h1>`},
		{"countries/korea/index.html", "<h1>Republic of Korea</h1>"},
		{"fr/documents/rm07-nr-albania/index.html", `6 juillet 2017`},
		{"zh/documents/rm07-nr-albania/index.html", `2017年7月6日`},
		// Search: each language's pages load its own index, and the
		// search page lists the countries by their names in the language.
		{"ru/search/index.html", `data-search-index="/cns-site/ru/search/index.json"`},
		{"ru/meetings/index.html", `data-search-index="/cns-site/ru/search/index.json"`},
		{"search/index.html", `data-search-index="/cns-site/search/index.json"`},
		{"ru/search/index.html", `>Албания</a>`},
		{"ru/search/index.html", `<h1>Поиск</h1>`},
		{"zh/search/index.html", `<h1>搜索</h1>`},
		{"ar/search/index.html", `>ألبانيا</a>`},
		{"ru/search/index.json", `"lang":"ru"`},
		{"zh/search/index.json", `"bigrams":["Han"]`},
	} {
		if page := read(t, filepath.Join(site, filepath.FromSlash(tc.page))); !strings.Contains(page, tc.want) {
			t.Errorf("%s lacks %s", tc.page, tc.want)
		}
	}
}

// The list of Contracting Parties is in the order of the page's language:
// its names as that language writes them, sorted by its collation (CLDR's,
// through golang.org/x/text/collate, as Hugo's sort compares strings);
// English keeps the catalog's order.
func TestCountryListInEachLanguagesOrder(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	names := func(lang string) []string {
		var out []string
		walk(parseHTML(t, filepath.Join(site, themetest.Prefix(lang)+"countries", "index.html")), func(n *html.Node) bool {
			if n.Type == html.ElementNode && n.Data == "th" {
				if scope, _ := attr(n, "scope"); scope == "row" {
					var b strings.Builder
					walk(n, func(c *html.Node) bool {
						if c.Type == html.TextNode {
							b.WriteString(c.Data)
						}
						return true
					})
					out = append(out, strings.TrimSpace(b.String()))
					return false
				}
			}
			return true
		})
		return out
	}
	browsed := func(lang string) []string {
		var out []string
		walk(parseHTML(t, filepath.Join(site, themetest.Prefix(lang)+"search", "index.html")), func(n *html.Node) bool {
			if class, _ := attr(n, "class"); n.Type == html.ElementNode && n.Data == "ul" && class == "search-browse-list" {
				walk(n, func(c *html.Node) bool {
					if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
						out = append(out, strings.TrimSpace(c.Data))
					}
					return true
				})
				return false
			}
			return true
		})
		return out
	}
	english := names("en")
	if len(english) < 10 {
		t.Fatalf("%d parties listed in English", len(english))
	}
	for lang := range siteLanguages {
		got := names(lang)
		if len(got) != len(english) {
			t.Errorf("%s: %d parties listed; English lists %d", lang, len(got), len(english))
			continue
		}
		want := slices.Clone(got)
		switch lang {
		case "en":
			want = english
		case "ar":
			// Arabic lists of States order names without their definite
			// article, the forms of alef as one: الأرجنتين among the
			// alefs, السويد among the س (disclosure.NameOrder).
			c := collate.New(language.Make(lang))
			alef := strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا")
			key := func(s string) string {
				if rest, ok := strings.CutPrefix(s, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
					return alef.Replace(rest)
				}
				return alef.Replace(s)
			}
			slices.SortStableFunc(want, func(a, b string) int {
				return cmp.Or(c.CompareString(key(a), key(b)), c.CompareString(a, b))
			})
		default:
			collate.New(language.Make(lang)).SortStrings(want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the parties are listed\n%q\nnot in the language's order\n%q", lang, got, want)
		}
		// The search page's list of the countries, shown before a query,
		// follows the same order (a reader's review found it in English's).
		if b := browsed(lang); !slices.Equal(b, got) {
			t.Errorf("%s: the search page lists the parties\n%q\nnot in the countries list's order\n%q", lang, b, got)
		}
	}
}

func vienna(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Vienna")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// A meeting's officers in another language (issue 21): the roles the
// interface names (President, Vice-President) in the language, the person's
// title in the language (Mr: M., 先生) and name as the catalog writes it,
// marked as English, and the country as the
// party's name in the language when it names a party (France), else as
// written, marked (Canada, which the fixture does not list); a role the
// interface does not name stays as written, marked. Its place as the
// language's file of translations gives it, else in English, marked.
func TestOfficersAndPlaceInEachLanguage(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyTree(t, fixture, data)
	edit(t, filepath.Join(data, "meetings.yaml"), "    documents_url: https://iaea.example/rm06/national-reports\n",
		"    documents_url: https://iaea.example/rm06/national-reports\n    officers:\n      - {role: President, name: Mr André-Claude Lacoste, country: France}\n      - {role: Rapporteur, name: Ms Test Person}\n")
	out := filepath.Join(dir, "public")
	r := run(t, nil, buildArgs(data, out, filepath.Join(dir, ".build"), "--as-of", "2017-07-06", "--languages", "en,fr,zh")...)
	if r.code != 0 {
		t.Fatalf("build exited %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, tc := range []struct{ page, want string }{
		{"meetings/rm06/index.html", `<li>President: Mr André-Claude Lacoste (France)</li>`},
		{"meetings/rm06/index.html", `<li>Rapporteur: Ms Test Person</li>`},
		{"meetings/rm07/index.html", `<li>President: Mr Ramzi Jammal (Canada)</li>`},
		{"fr/meetings/rm06/index.html", "<li>Président\u00a0: M.\u00a0<span lang=\"en\">André-Claude Lacoste</span> (France)</li>"},
		{"fr/meetings/rm06/index.html", "<li><span lang=\"en\">Rapporteur</span>\u00a0: Mme\u00a0<span lang=\"en\">Test Person</span></li>"},
		{"fr/meetings/rm07/index.html", "<li>Président\u00a0: M.\u00a0<span lang=\"en\">Ramzi Jammal</span> (<span lang=\"en\">Canada</span>)</li>"},
		{"zh/meetings/rm06/index.html", `<li>主席：<span lang="en">André-Claude Lacoste</span>先生（法国）</li>`},
		{"meetings/rm06/index.html", `<dd>Vienna, Austria</dd>`},
		{"fr/meetings/rm06/index.html", `<dd>Vienne, Autriche</dd>`},
		{"fr/meetings/rm08-09/index.html", `<dd><span lang="en">Vienna, Austria</span></dd>`},
		{"fr/meetings/index.html", `">Vienne, Autriche</td>`}, // the list of meetings, as the meeting's page
	} {
		if page := read(t, filepath.Join(out, filepath.FromSlash(tc.page))); !strings.Contains(page, tc.want) {
			t.Errorf("%s lacks %s", tc.page, tc.want)
		}
	}
}

// No sentence ends in two full stops: a Russian long date ends in "г."
// (CLDR), so a string that ends with a date adds none of its own. Every
// page of every language, on a day with scheduled documents and on the day
// they became public; a document's own text (#doc-text) is shown as its
// source has it, and is not read.
func TestNoSentenceEndsTwice(t *testing.T) {
	twice := regexp.MustCompile(`[^.]\.\s*\.(?:[^.]|$)`)
	for _, day := range []string{"2017-05-01", "2017-07-06"} {
		site := sharedFixture(t, day, allLanguages...)
		for _, rel := range englishPages(t, site) {
			for lang := range siteLanguages {
				var text strings.Builder
				walk(parseHTML(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+rel))), func(n *html.Node) bool {
					if n.Type == html.ElementNode {
						id, _ := attr(n, "id")
						return n.Data != "script" && n.Data != "style" && id != "doc-text"
					}
					if n.Type == html.TextNode {
						text.WriteString(n.Data)
					}
					return true
				})
				if loc := twice.FindStringIndex(text.String()); loc != nil {
					t.Errorf("%s, %s%s: two full stops in %q", day, themetest.Prefix(lang), rel, text.String()[max(0, loc[0]-60):loc[1]])
				}
			}
		}
	}
}

// handWrittenEnglish are the English words of the site's configuration and
// hand-written pages that another language must not show unmarked: the
// owner's name (the languages name it their own way in site/hugo.toml),
// each page's description, and each plain paragraph of the pages' text
// (a page of another language shows that text only inside lang="en").
func handWrittenEnglish(t *testing.T) []string {
	t.Helper()
	config, err := os.ReadFile(filepath.Join(repo, "site", "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	owner := regexp.MustCompile(`(?m)^  owner = "([^"]+)"$`).FindSubmatch(config)
	if owner == nil {
		t.Fatal("site/hugo.toml: no owner in [params]")
	}
	out = append(out, string(owner[1]))
	files, err := filepath.Glob(filepath.Join(repo, "site", "content", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no hand-written pages (%v)", err)
	}
	plain := regexp.MustCompile(`^[A-Za-z][A-Za-z ,.;:]+$`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(b), "---\n", 3)
		if len(parts) < 3 {
			t.Fatalf("%s: no front matter", f)
		}
		for _, line := range strings.Split(parts[1], "\n") {
			if d, ok := strings.CutPrefix(line, "description: "); ok {
				out = append(out, d)
			}
		}
		for _, para := range strings.Split(parts[2], "\n\n") {
			para = strings.Join(strings.Fields(para), " ")
			if plain.MatchString(para) && len(strings.Fields(para)) >= 6 {
				out = append(out, para)
			}
		}
	}
	return out
}

// The first of a month is written as each language writes it: "1er mai
// 2017" in French (day_one), "1 May 2017" in English; the scripts that
// write days get the same word.
func TestFirstOfTheMonthInEachLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-05-01", allLanguages...)
	for _, tc := range []struct{ page, want string }{
		{"fr/index.html", `<time datetime="2017-05-01">1er mai 2017</time>`},
		{"index.html", `<time datetime="2017-05-01">1 May 2017</time>`},
		{"es/index.html", `<time datetime="2017-05-01">1 de mayo de 2017</time>`},
		{"fr/documents/index.html", `data-day-one="1er"`},
		{"fr/search/index.html", `&#34;day_one&#34;:&#34;1er&#34;`},
	} {
		if page := read(t, filepath.Join(site, filepath.FromSlash(tc.page))); !strings.Contains(page, tc.want) {
			t.Errorf("%s lacks %s", tc.page, tc.want)
		}
	}
}

// Nothing in the page's own script is marked as English: a hand-written
// page's English text may hold words of the page's language (the site's
// publisher in /zh/about/'s "This site is published by …"), which must be
// marked as that language for screen readers and fonts. Checked on every
// Arabic, Chinese and Russian page of the fixture's site: no letter of the
// language's script whose nearest lang is "en".
func TestNoWordOfThePageScriptMarkedEnglish(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	scripts := map[string]*unicode.RangeTable{"ar": unicode.Arabic, "zh": unicode.Han, "ru": unicode.Cyrillic}
	checked := 0
	for lang, script := range scripts {
		for _, rel := range englishPages(t, site) {
			var inEnglish func(n *html.Node, en bool)
			inEnglish = func(n *html.Node, en bool) {
				if n.Type == html.ElementNode {
					if n.Data == "script" || n.Data == "style" || n.Data == "template" {
						return
					}
					if l, ok := attr(n, "lang"); ok {
						en = l == "en"
					}
				}
				if n.Type == html.TextNode && en {
					for _, r := range n.Data {
						if unicode.Is(script, r) {
							t.Errorf("%s%s: %q, in the page's script, is marked as English", themetest.Prefix(lang), rel, strings.TrimSpace(n.Data))
							break
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					inEnglish(c, en)
				}
			}
			inEnglish(parseHTML(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+rel))), false)
			checked++
		}
	}
	if checked < 30 {
		t.Fatalf("%d pages checked", checked)
	}
}

// The footer names the rules' time zone by its city in the page's
// language ("维也纳时间", "heure de Vienne"), not by its identifier
// ("Europe/Vienna"), which the fixture's rules give.
func TestFooterNamesTheTimeZoneInEachLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	all := themetest.Strings(t)
	for lang := range siteLanguages {
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		footer := string(b[bytes.LastIndex(b, []byte("<footer")):])
		city := all[lang]["timezone_europe_vienna"]["other"]
		if city == "" || !strings.Contains(footer, city) || strings.Contains(footer, "Europe/Vienna") {
			t.Errorf("%s: the footer does not name the time zone %q:\n%s", lang, city, footer)
		}
	}
}

// An Organizational Meeting given as a month (2015-10) is written in each
// language, as a month of that language; the fixture's 7th meeting has one.
// Russian names the month alone in the nominative ("октябрь", CLDR's
// stand-alone form; "октября" is a date's genitive), not "10.2015".
func TestOrganizationalMeetingMonthInEachLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	for lang, want := range map[string]string{"en": "October 2015", "fr": "octobre 2015", "es": "octubre de 2015", "ru": "октябрь 2015\u202fг.", "ar": "أكتوبر 2015", "zh": "2015年10月"} {
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+"meetings/rm07/index.html")))
		if err != nil {
			t.Fatal(err)
		}
		if w := `<time datetime="2015-10">` + want + `</time>`; !strings.Contains(string(b), w) {
			t.Errorf("%s: the 7th meeting's page lacks %s", lang, w)
		}
	}
}

// A meeting's days are written as each language writes a span of days,
// what the two share said once (meetingdates.html: day_range, year_part),
// each day still a <time>: the joint meeting held within one month, the
// 7th across two.
func TestMeetingDaysAsASpanInEachLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	for lang, want := range map[string][2]string{
		"en": {"20–31 March 2023", "27 March – 7 April 2017"},
		"fr": {"20–31 mars 2023", "27 mars – 7 avril 2017"},
		"es": {"20–31 de marzo de 2023", "27 de marzo – 7 de abril de 2017"},
		"ru": {"20–31 марта 2023 г.", "27 марта – 7 апреля 2017 г."},
		"ar": {"20–31 مارس 2023", "27 مارس – 7 أبريل 2017"},
		"zh": {"2023年3月20日至31日", "2017年3月27日至4月7日"},
	} {
		for i, m := range []string{"rm08-09", "rm07"} {
			p := filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+"meetings/"+m+"/index.html"))
			// The text as read: tags taken out without a space (text()
			// puts one for each).
			if got := strings.Join(strings.Fields(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(read(t, p), "")), " "); !strings.Contains(got, want[i]) {
				t.Errorf("%s: the page of %s does not say it was held %s", lang, m, want[i])
			}
			days := map[string][2]string{"rm08-09": {"2023-03-20", "2023-03-31"}, "rm07": {"2017-03-27", "2017-04-07"}}[m]
			page := read(t, p)
			for _, d := range days {
				if !strings.Contains(page, `<time datetime="`+d+`">`) {
					t.Errorf("%s: the page of %s writes %s as no <time>", lang, m, d)
				}
			}
		}
	}
}

// unrenderedLink is a Markdown link a page shows as text.
var unrenderedLink = regexp.MustCompile(`\[[^\]]*\][^\s\[\]]{0,8}\(\s*(?:https?://|/|\{\{)`)

// A hand-written page with a translation in site/content (publication.fr.md
// beside publication.md) shows it in its language, as a page of that
// language: not the English text under the note that the page is in
// English alone. Every translation the site holds is checked.
func TestHandWrittenTranslationsAreShown(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	all := themetest.Strings(t)
	names, err := filepath.Glob(filepath.Join(repo, "site", "content", "*.*.md"))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range names {
		base := strings.TrimSuffix(filepath.Base(name), ".md")
		page, lang, _ := strings.Cut(base, ".")
		if _, ok := siteLanguages[lang]; !ok || lang == "en" {
			continue
		}
		got := read(t, filepath.Join(site, lang, page, "index.html"))
		if note := all[lang]["english_only"]["other"]; strings.Contains(got, note) || strings.Contains(got, `<div lang="en">`) {
			t.Errorf("%s/%s/ shows the English page under the note %q, not its translation", lang, page, note)
		}
		// Its Markdown is rendered: no link left as "[text](address)", nor
		// with words between the two ("[text]发布(address)").
		if shown := text(t, filepath.Join(site, lang, page, "index.html")); unrenderedLink.MatchString(shown) {
			i := unrenderedLink.FindStringIndex(shown)[0]
			t.Errorf("%s/%s/ shows Markdown unrendered: %q", lang, page, shown[max(0, i-40):min(len(shown), i+80)])
		}
		checked++
	}
	t.Logf("%d translated pages checked", checked)
}

// A translated page's relative links, written as the English page's are,
// lead to pages in the page's own language and to files where the one set
// of open data is, at the root: on /fr/data/, "../figures/" is
// /fr/figures/ (a reader of French led to the English charts, a reader's
// review) and "../documents.json" is /documents.json.
func TestTranslatedPagesLinkPagesInTheirLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	names, err := filepath.Glob(filepath.Join(repo, "site", "content", "*.*.md"))
	if err != nil {
		t.Fatal(err)
	}
	relative := regexp.MustCompile(`\]\((\.\.?/[^)\s]*)\)`)
	canonical := regexp.MustCompile(`<link rel="canonical" href="([^"]+)"`)
	checked := 0
	for _, name := range names {
		page, lang, _ := strings.Cut(strings.TrimSuffix(filepath.Base(name), ".md"), ".")
		if _, ok := siteLanguages[lang]; !ok || lang == "en" {
			continue
		}
		built := read(t, filepath.Join(site, lang, page, "index.html"))
		own, english := canonical.FindStringSubmatch(built), canonical.FindStringSubmatch(read(t, filepath.Join(site, page, "index.html")))
		if own == nil || english == nil {
			t.Fatalf("%s/%s/ or its English page has no canonical link", lang, page)
		}
		ownPath, _ := url.Parse(own[1])
		englishPath, _ := url.Parse(english[1])
		// Where the page's links lead, resolved as a browser does.
		leads := map[string]bool{}
		for _, h := range regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(built, -1) {
			if u, err := ownPath.Parse(html.UnescapeString(h[1])); err == nil {
				leads[u.Path] = true
			}
		}
		for _, m := range relative.FindAllStringSubmatch(read(t, name), -1) {
			base := englishPath.Path
			if strings.HasSuffix(m[1], "/") {
				base = ownPath.Path
			}
			want := path.Join(base, m[1])
			if strings.HasSuffix(m[1], "/") {
				want += "/"
			}
			if !leads[want] {
				t.Errorf("%s/%s/: the link %q does not lead to %s", lang, page, m[1], want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no relative link in any translated page")
	}
}

// arabicThenJoinedNumbers is an Arabic letter followed, with nothing
// strong between, by numbers joined with "-", "/" or ".".
var arabicThenJoinedNumbers = regexp.MustCompile(`\p{Arabic}[\s(«:،]*\d+[-/.]\d+`)

// On a right-to-left page an address written out (a citation's, the
// contact's, "printed from") runs left to right, isolated from the Arabic
// around it: inside an element with dir="ltr" or marked as another
// language (which main.css isolates left to right); else its slashes
// jump to the wrong end (a reader's review).
func TestAddressesRunLeftToRightOnArabicPages(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	checked := 0
	for _, rel := range englishPages(t, site) {
		var visit func(n *html.Node, ltr bool)
		visit = func(n *html.Node, ltr bool) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script", "style", "template", "title", "head":
					return
				}
				if d, ok := attr(n, "dir"); ok {
					ltr = d == "ltr"
				}
				if l, ok := attr(n, "lang"); ok && n.Data != "html" {
					ltr = ltr || l != "ar"
				}
			}
			if n.Type == html.TextNode && !ltr && (strings.Contains(n.Data, "http://") || strings.Contains(n.Data, "https://")) {
				t.Errorf("ar/%s: the address in %q runs in the page's direction", rel, strings.TrimSpace(n.Data))
			}
			// Numbers joined by a hyphen, a slash or a dot right after
			// Arabic words are read as Arabic numbers, each apart: "المسودة
			// 2020-12" shows as 12-2020 (a reader's review). A left-to-right
			// mark before them keeps them one number.
			if n.Type == html.TextNode && !ltr {
				if m := arabicThenJoinedNumbers.FindString(n.Data); m != "" {
					t.Errorf("ar/%s: %q reads backwards: put U+200E before the number", rel, m)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c, ltr)
			}
		}
		visit(parseHTML(t, filepath.Join(site, "ar", filepath.FromSlash(rel))), false)
		checked++
	}
	if checked < 30 {
		t.Fatalf("%d pages checked", checked)
	}
}

// Chinese puts no space around a date written in characters, nor after
// its full-width punctuation before Chinese, nor before a full-width
// bracket: "自2017年7月6日起", "发布。如需询问", "15（会议自身的统计）" (a
// reader's review found some 740 such spaces). Checked in the text of
// every paragraph, cell and item of the fixture's Chinese pages, tags
// taken out without a space. Nor does a half-width bracket follow Chinese:
// "未出席会议（3）", not "未出席会议 (3)" (the same review).
func TestChineseSpacing(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	bad := regexp.MustCompile(`[：。；，、（] [\p{Han}\d（“]|\S （|[\p{Han}：。，（] \d{4}年|\d日 [\p{Han}（）。，；：]|[\p{Han}：。，] ?\(`)
	blocks := regexp.MustCompile(`(?s)<(p|dt|dd|td|th|li|h1|h2|caption)\b[^>]*>(.*?)</(p|dt|dd|td|th|li|h1|h2|caption)>`)
	strip := regexp.MustCompile(`(?s)<(script|style|template)\b.*?</(script|style|template)>|<[^>]*>`)
	seen := map[string]bool{} // each place once, on the first page it is on
	for _, rel := range englishPages(t, site) {
		b := read(t, filepath.Join(site, "zh", filepath.FromSlash(rel)))
		for _, m := range blocks.FindAllStringSubmatch(b, -1) {
			if strings.Contains(m[2], `class="tl-date"`) {
				continue // a timeline's day, in bold, and its step: two columns
			}
			text := strings.Join(strings.Fields(html.UnescapeString(strip.ReplaceAllString(m[2], ""))), " ")
			if loc := bad.FindStringIndex(text); loc != nil {
				at := text[max(0, loc[0]-24):min(len(text), loc[1]+24)]
				if key := regexp.MustCompile(`\d+`).ReplaceAllString(at, "9"); !seen[key] {
					seen[key] = true
					t.Errorf("zh/%s: a space or a half-width bracket in %q", rel, at)
				}
			}
		}
	}
}

// Where a source counts more National Reports published before a meeting
// than the catalog records the days of, the timing chart counts only the
// recorded ones as early, and says so under it: on the meeting's page and
// on the figures page alike (a reader's review found the figures page
// silent, its chart read as 2 of 80 published early where a source
// counts 21). The fixture's 7th meeting counts 2 and records none.
func TestFiguresPageGivesTheMeetingsEarlyCount(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	all := themetest.Strings(t)
	help := regexp.MustCompile(`(?s)<p class="help"[^>]*>(.*?)</p>`)
	plain := themetest.PlainText
	for lang := range siteLanguages {
		prefix, _, _ := strings.Cut(all[lang]["figure_timing_early_unrecorded"]["other"], "{{")
		var note string
		for _, m := range help.FindAllStringSubmatch(read(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+"meetings/rm07/index.html"))), -1) {
			if p := plain(m[1]); strings.HasPrefix(p, plain(prefix)) {
				note = p
			}
		}
		if note == "" {
			t.Fatalf("%s: the 7th meeting's page gives no count of early publications (%q…)", lang, prefix)
		}
		if figures := plain(read(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+"figures/index.html")))); !strings.Contains(figures, note) {
			t.Errorf("%s: the figures page does not say what the 7th meeting's page says under its timing chart: %q", lang, note)
		}
	}
}

// The home page says at a glance how complete the record is (a reader's
// review): for which meetings the catalog has a record of every
// Contracting Party (the fixture's 7th, 15 of 15), and, on the latest
// meeting's card, of how many of its parties it holds documents.
func TestHomeSaysHowCompleteTheRecordIs(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	all := themetest.Strings(t)
	for lang := range siteLanguages {
		home := themetest.PlainText(read(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+"index.html"))))
		for _, key := range []string{"completeness_whole_for", "home_latest_record"} {
			forms := all[lang][key]
			found := false
			for _, s := range forms {
				prefix, _, _ := strings.Cut(s, "{{")
				if p := strings.Join(strings.Fields(prefix), " "); p != "" && strings.Contains(home, p) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: the home page does not say %s (%q)", lang, key, forms["other"])
			}
		}
		if lang == "en" {
			for _, want := range []string{
				"The catalog has a record of every Contracting Party for one meeting alone: 7th Review Meeting.",
				"This catalog holds documents of 15 of the meeting's 15 Contracting Parties.",
			} {
				if !strings.Contains(home, want) {
					t.Errorf("the home page does not say %q", want)
				}
			}
		}
	}
}

// A document whose own title is in another language than the page's has,
// under its heading, the title made of its kind and meeting in the page's
// language, and its citation gives it too: the 7th meeting's Summary
// Report, titled in English, is «Rapport de synthèse, 7e réunion d'examen»
// on its French page (a French reader's review found it only in the tab's
// title); on its English page, only its own title.
func TestDocumentTitledInAnotherLanguageGivesItsTitleInThePageLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	context := regexp.MustCompile(`<p class="doc-context">(.*?)</p>`)
	for lang := range siteLanguages {
		dir := filepath.Join(site, "documents", "rm07-summary-report")
		if lang != "en" {
			dir = filepath.Join(site, lang, "documents", "rm07-summary-report")
		}
		page := read(t, filepath.Join(dir, "index.html"))
		m := context.FindStringSubmatch(page)
		if lang == "en" {
			if m != nil {
				t.Errorf("en: the page titled in English gives a title made of its parts too: %q", m[1])
			}
			continue
		}
		// Made of the kind and the meeting, each in the page's language
		// where the fixture's translations name it.
		if m == nil || strings.Contains(m[1], "Summary Report of") {
			t.Errorf("%s: the Summary Report's page gives no title made in the page's language under its English one (%q)", lang, m)
		}
	}
}

// The home page's list of documents recently public says, in each
// language, which documents it leaves out (those public only by a day at
// the latest, their party's day not recorded: an English reader's review
// missed reports of 2025 and 2026 there) and links the ledger, where every
// document is.
func TestRecentlyPublicSaysWhatItLeavesOut(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	words := themetest.Strings(t)
	for lang := range siteLanguages {
		home := read(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+"index.html")))
		_, recent, _ := strings.Cut(home, `id="recent"`)
		recent, _, _ = strings.Cut(recent, "</section>")
		link := regexp.MustCompile(`<a href="[^"]*/documents/">` + regexp.QuoteMeta(html.EscapeString(words[lang]["home_recent_ledger"]["other"])) + `</a>`)
		if !link.MatchString(recent) {
			t.Errorf("%s: the list of documents recently public does not say what it leaves out and link the ledger", lang)
		}
	}
	// Where the list stops on a day more documents became public than it
	// holds, it says how many more that day: the rows of that day and the
	// count make every document public that day but those public only by
	// it at the latest as their party published them (an English reader's
	// review found six of nineteen listed, and nothing said of the rest).
	home := read(t, filepath.Join(site, "index.html"))
	_, recent, _ := strings.Cut(home, `id="recent"`)
	recent, _, _ = strings.Cut(recent, "</section>")
	// And leads to them: to their meeting's page, as they share one (a
	// reader's review found the line a dead end).
	more := regexp.MustCompile(`<p class="more"><a href="([^"]*)">And (\d+) more documents? on <time datetime="(\d{4}-\d\d-\d\d)">[^<]*</time></a></p>`).FindStringSubmatch(recent)
	if more == nil {
		t.Fatalf("the fixture's home page lists the documents recently public without saying how many more became public on the last day:\n%s", recent)
	}
	if !strings.HasSuffix(more[1], "/meetings/rm07/") {
		t.Errorf("the line saying how many more leads to %s, want the 7th meeting's page, of all of them", more[1])
	}
	day, n := more[3], 0
	n, _ = strconv.Atoi(more[2])
	listed := strings.Count(recent, `<time datetime="`+day+`">`) - 1 // the rows, not the line saying how many more
	var docs struct {
		Documents []struct {
			State, Basis string
			PublicFrom   string `json:"public_from"`
			Latest       bool   `json:"public_from_latest"`
		}
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(site, "documents.json"))), &docs); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, d := range docs.Documents {
		if d.State == "public" && d.PublicFrom == day && !(d.Latest && d.Basis != "after_adjournment") {
			want++
		}
	}
	if listed+n != want || listed == 0 {
		t.Errorf("on %s the list shows %d documents and says %d more; %d became public that day", day, listed, n, want)
	}
}

// A numbered paragraph's link to itself is titled in the page's language
// ("Paragraphe 18"): the report's text is in English, marked so, but the
// title is the site's word, which a reader hovering it saw in English.
func TestParagraphLinksAreTitledInThePagesLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	words := themetest.Strings(t)
	for lang := range siteLanguages {
		sr := read(t, filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)+"documents/rm07-summary-report/index.html")))
		want := html.EscapeString(strings.ReplaceAll(words[lang]["search_paragraph"]["other"], "{n}", "18"))
		if !strings.Contains(sr, `<a href="#para-18" title="`+want+`">`) {
			m := regexp.MustCompile(`<a href="#para-18"[^>]*>`).FindString(sr)
			t.Errorf("%s: paragraph 18 links itself as %s, want the title %q", lang, m, want)
		}
	}
}

// Every page but the home page says what it holds in its own description
// (<meta name="description">), in its language: the lists of meetings,
// countries and documents, the figures, about, open data and publication
// pages had the site's (an audit with Lighthouse).
func TestEveryPageHasADescriptionOfItsOwn(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	desc := regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
	for lang := range siteLanguages {
		root := filepath.Join(site, filepath.FromSlash(themetest.Prefix(lang)))
		home := desc.FindStringSubmatch(read(t, filepath.Join(root, "index.html")))
		if home == nil || home[1] == "" {
			t.Fatalf("%s: the home page has no description", lang)
		}
		for _, page := range []string{"meetings", "countries", "documents", "figures", "about", "data", "publication", "search", "upcoming", "meetings/rm07", "countries/albania", "documents/rm07-nr-albania"} {
			got := desc.FindStringSubmatch(read(t, filepath.Join(root, filepath.FromSlash(page), "index.html")))
			if got == nil || got[1] == "" || got[1] == home[1] {
				t.Errorf("%s: /%s/ has no description of its own: %q", lang, page, got)
			}
		}
	}
}

// Each language's sitemap lists its pages in the order of their addresses,
// which do not change: a document's own title becoming public moved lines
// of Hugo's order by title, a diff for nothing in every daily deploy (a
// webmaster's daily builds).
func TestSitemapsListPagesInTheOrderOfTheirAddresses(t *testing.T) {
	out := sharedFixture(t, "2017-07-06", allLanguages...)
	maps, _ := filepath.Glob(filepath.Join(out, "*", "sitemap.xml"))
	maps = append(maps, filepath.Join(out, "sitemap-en.xml"))
	if len(maps) != 6 {
		t.Fatalf("%d language sitemaps, want 6", len(maps))
	}
	loc := regexp.MustCompile(`<loc>([^<]+)</loc>`)
	for _, p := range maps {
		var locs []string
		for _, m := range loc.FindAllStringSubmatch(read(t, p), -1) {
			locs = append(locs, m[1])
		}
		if len(locs) < 10 || !slices.IsSorted(locs) {
			t.Errorf("%s: %d pages, not in the order of their addresses: %q", p, len(locs), locs[:min(len(locs), 12)])
		}
	}
}
