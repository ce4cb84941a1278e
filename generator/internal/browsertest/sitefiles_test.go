package browsertest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/themetest"
)

// Tests over the built files: they need no browser and cover every page of
// every test site, not one page of each kind.

// builtSites are the sites the file tests read, by name.
func builtSites(t *testing.T) map[string]string {
	return map[string]string{
		"real (as of 2017-07-06)":      realSite(t),
		"scheduled (as of 2017-05-01)": scheduledSite(t),
		"edge (as of 2017-10-01)":      edgeSite(t),
		"large (300 documents)":        largeSite(t),
	}
}

// htmlRef is a URL an HTML file refers to.
type htmlRef struct {
	tag, attr, rel, val string
}

// htmlFile is a built HTML page: its site path ("/documents/x/") and refs.
type htmlFile struct {
	site string // "/documents/x/" or "/404.html"
	refs []htmlRef
	ids  map[string]bool
}

// readHTML reads the HTML pages of a built site, by site path, once per
// site for the tests that read them all; they must not change them.
func readHTML(t *testing.T, dir string) map[string]*htmlFile {
	t.Helper()
	readMu.Lock()
	defer readMu.Unlock()
	if pages, ok := readSites[dir]; ok {
		return pages
	}
	pages := map[string]*htmlFile{}
	eachHTML(t, dir, func(rel string, b []byte) {
		site := strings.TrimSuffix(rel, "index.html")
		pages[site] = &htmlFile{site: site, refs: htmlRefs(b), ids: HTMLIDs(bytes.NewReader(b))}
	})
	readSites[dir] = pages
	return pages
}

var (
	readMu    sync.Mutex
	readSites = map[string]map[string]*htmlFile{}
)

// eachHTML hands fn every HTML file of a built site: its path from the
// site's root ("/documents/x/index.html") and its bytes. A site with no
// HTML fails the test.
func eachHTML(t *testing.T, dir string, fn func(rel string, b []byte)) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		fn("/"+filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator))), b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no HTML in %s", dir)
	}
}

func htmlRefs(b []byte) []htmlRef {
	var refs []htmlRef
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return refs
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		tag := string(name)
		attrs := map[string]string{}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			attrs[string(k)] = string(v)
		}
		for _, a := range []string{"href", "src", "action"} {
			if v, ok := attrs[a]; ok {
				refs = append(refs, htmlRef{tag: tag, attr: a, rel: attrs["rel"], val: v})
			}
		}
	}
}

// resolve turns a reference on a page into a site path and fragment; ok is
// false for references that leave the site (another host, mailto:, data:).
func resolve(page, ref string) (p, frag string, ok bool) {
	base, _ := url.Parse("http://site.invalid" + page)
	u, err := url.Parse(ref)
	if err != nil {
		return "", "", false
	}
	r := base.ResolveReference(u)
	if r.Host != "site.invalid" || (r.Scheme != "http" && r.Scheme != "https") {
		return "", "", false
	}
	return r.Path, r.Fragment, true
}

// fileFor is the built file a site path is served from, if any.
func fileFor(dir, p string) (string, bool) {
	f := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	st, err := os.Stat(f)
	if err == nil && st.IsDir() {
		f = filepath.Join(f, "index.html")
		st, err = os.Stat(f)
	}
	return f, err == nil && !st.IsDir()
}

// No broken internal link anywhere (issue 4): every href, src and form action
// on every page of every test site resolves to a built file, and every
// fragment to an element on the target page. And nothing is orphaned: every
// page but the 404 pages (one per language) can be reached from the home page by following links.
func TestNoBrokenInternalLinkAnywhere(t *testing.T) {
	for name, dir := range builtSites(t) {
		t.Run(name, func(t *testing.T) {
			pages := readHTML(t, dir)
			var broken []string
			checked := 0
			for _, pg := range pages {
				for _, r := range pg.refs {
					p, frag, ok := resolve(pg.site, r.val)
					if !ok {
						continue
					}
					checked++
					target := pg
					if p != pg.site {
						if _, ok := fileFor(dir, p); !ok {
							broken = append(broken, fmt.Sprintf("%s: <%s %s=%q>: no such file", pg.site, r.tag, r.attr, r.val))
							continue
						}
						target = pages[p]
					}
					if frag != "" && (target == nil || !target.ids[frag]) {
						broken = append(broken, fmt.Sprintf("%s: <%s %s=%q>: no element with id %q there", pg.site, r.tag, r.attr, r.val, frag))
					}
				}
			}
			sort.Strings(broken)
			for _, b := range first10(broken) {
				t.Error(b)
			}

			// Orphans: breadth-first from the home page along links, forms and
			// alternate links (not the canonical self-reference).
			seen := map[string]bool{"/": true}
			queue := []string{"/"}
			for len(queue) > 0 {
				pg := pages[queue[0]]
				queue = queue[1:]
				if pg == nil {
					continue
				}
				for _, r := range pg.refs {
					if r.rel == "canonical" || (r.tag != "a" && r.tag != "form" && r.tag != "link") {
						continue
					}
					if p, _, ok := resolve(pg.site, r.val); ok && !seen[p] {
						seen[p] = true
						queue = append(queue, p)
					}
				}
			}
			var orphans []string
			for p := range pages {
				if !seen[p] && path.Base(p) != "404.html" { // the 404 page of each language
					orphans = append(orphans, p)
				}
			}
			sort.Strings(orphans)
			if len(orphans) > 0 {
				t.Errorf("%d pages are linked from nowhere: %s", len(orphans), strings.Join(first10(orphans), ", "))
			}
			t.Logf("%d pages, %d internal references checked", len(pages), checked)
		})
	}
}

// weightBudget is the most a page may transfer, gzip-compressed: its HTML and
// the CSS and JavaScript it loads, not counting document files.
const weightBudget = 100 * 1024

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// Every page of every test site stays within its weight budget (issue 4):
// 100 KB transferred, measured as the gzip-compressed size (default level)
// of the HTML plus every stylesheet and script it loads.
func TestEveryPageWithinWeightBudget(t *testing.T) {
	type weight struct {
		page          string
		gz, raw       int
		htmlGz, subGz int
	}
	var all []weight
	for name, dir := range builtSites(t) {
		pages := readHTML(t, dir)
		for _, pg := range pages {
			f, _ := fileFor(dir, pg.site)
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			w := weight{page: name + " " + pg.site, raw: len(b), htmlGz: gzipSize(b)}
			for _, r := range pg.refs {
				loads := (r.tag == "link" && r.rel == "stylesheet") || (r.tag == "script" && r.attr == "src")
				if !loads {
					continue
				}
				p, _, ok := resolve(pg.site, r.val)
				if !ok {
					t.Errorf("%s loads %s from another host", pg.site, r.val)
					continue
				}
				sf, ok := fileFor(dir, p)
				if !ok {
					t.Errorf("%s loads %s, which is not built", pg.site, r.val)
					continue
				}
				sb, err := os.ReadFile(sf)
				if err != nil {
					t.Fatal(err)
				}
				w.raw += len(sb)
				w.subGz += gzipSize(sb)
			}
			w.gz = w.htmlGz + w.subGz
			all = append(all, w)
			if w.gz > weightBudget {
				t.Errorf("%s weighs %.1f KB gzipped (HTML %.1f KB, CSS and JS %.1f KB), over the %d KB budget",
					w.page, kib(w.gz), kib(w.htmlGz), kib(w.subGz), weightBudget/1024)
			}
		}
	}
	slices.SortFunc(all, func(a, b weight) int { return b.gz - a.gz })
	for _, w := range all[:min(5, len(all))] {
		t.Logf("%-55s %6.1f KB gzipped (HTML %.1f + CSS/JS %.1f), %6.1f KB uncompressed", w.page, kib(w.gz), kib(w.htmlGz), kib(w.subGz), kib(w.raw))
	}
	t.Logf("%d pages, heaviest %.1f KB of the %d KB budget", len(all), kib(all[0].gz), weightBudget/1024)
}

func kib(n int) float64 { return float64(n) / 1024 }

// The ledger reads right without JavaScript (issue 4): rows are grouped by
// meeting in the meetings' order and, within a meeting, the meeting's own
// documents come first, then Contracting Parties in alphabetical order. A
// long ledger is split into pages that follow each other in that order and
// together list every document once.
// meetingSortKey finds the sort key of a ledger row's meeting cell.
var meetingSortKey = regexp.MustCompile(`<td data-label="Meeting" data-sort="(\d+)"`)

func TestLedgerSortedByMeetingThenCountry(t *testing.T) {
	for name, site := range map[string]struct {
		dir  string
		docs int
	}{
		"real":  {realSite(t), 19},
		"large": {largeSite(t), len(largeManifest.Docs)},
	} {
		t.Run(name, func(t *testing.T) {
			var rows [][]string
			pages := 0
			for p := "/documents/"; p != ""; pages++ {
				b, err := os.ReadFile(filepath.Join(site.dir, filepath.FromSlash(p), "index.html"))
				if err != nil {
					t.Fatal(err)
				}
				rows = append(rows, tableRows(t, b, "ledger")...)
				// The meeting column sorts by each meeting's place, the
				// first one's too (a reader found the 1st Review Meeting
				// sorted after the 10th: its place 0 had read as none).
				for _, m := range meetingSortKey.FindAllSubmatch(b, -1) {
					if string(m[1]) == "9999" || string(m[1]) == "0000" {
						t.Errorf("%s: a meeting cell sorts as %s, no place of a meeting", p, m[1])
					}
				}
				p = ""
				if m := relNext.FindSubmatch(b); m != nil {
					p = string(m[1])
				}
			}
			if len(rows) != site.docs {
				t.Fatalf("the ledger has %d rows over %d pages; the catalog %d documents", len(rows), pages, site.docs)
			}
			if want := (site.docs + 249) / 250; pages != want {
				t.Errorf("the ledger takes %d pages, want %d of 250 rows", pages, want)
			}
			checkLedgerOrder(t, rows)
		})
	}
}

var relNext = regexp.MustCompile(`<a href="([^"]+)" rel="next">`)

func checkLedgerOrder(t *testing.T, rows [][]string) {
	t.Helper()
	col := collate.New(language.English, collate.Loose)
	seenMeeting := map[string]bool{}
	prevMeeting, prevParty := "", ""
	for i, r := range rows {
		m, party := r[0], r[1]
		if m != prevMeeting {
			if seenMeeting[m] {
				t.Errorf("row %d: meeting %q appears again after %q", i+1, m, prevMeeting)
			}
			seenMeeting[m] = true
			prevParty = ""
		} else if prevParty == "" && party == "" {
			// the meeting's own documents, before any party's
		} else if party == "" || (prevParty != "" && col.CompareString(prevParty, party) > 0) {
			t.Errorf("row %d: %q after %q in %s", i+1, party, prevParty, m)
		}
		prevMeeting, prevParty = m, party
	}
}

// In another language the parties' names differ, and so does their order:
// the ledger of each language lists a meeting's documents in the order its
// meeting's grid lists the parties, not in English's. Both follow the
// generator's order of the language (disclosure.View.PartyOrder), the grid
// through bypartyname.html, the ledger through its ranks and its
// paginator's sort (sitecontent.ledgerRanks, ledgerpager.html); the cli
// package's test holds that order to CLDR's collation.
func TestLedgerFollowsTheGridsOrderInEachLanguage(t *testing.T) {
	site := allLanguagesSite(t)
	c, err := catalog.Load(os.DirFS(Fixture), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	docRow := regexp.MustCompile(`<tr id="doc-([^"]+)"`)
	gridLink := regexp.MustCompile(`<th scope="row"><a href="[^"]*/countries/([^/"]+)/"`)
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(p), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	differs := false
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		prefix := themetest.Prefix(lang)
		// The fixture's ledger is one page.
		var ledger []*catalog.Document
		for _, m := range docRow.FindAllStringSubmatch(read(prefix+"documents/"), -1) {
			d, ok := c.Document(m[1])
			if !ok {
				t.Fatalf("%s: the ledger lists %q, which is not in the catalog", lang, m[1])
			}
			ledger = append(ledger, d)
		}
		if len(ledger) != len(c.Documents) {
			t.Fatalf("%s: the ledger has %d rows; the catalog %d documents", lang, len(ledger), len(c.Documents))
		}
		for _, m := range c.Meetings {
			var got []string
			for _, d := range ledger {
				if d.Meeting == m.ID && d.Party != "" && !slices.Contains(got, d.Party) {
					got = append(got, d.Party)
				}
			}
			if len(got) < 2 {
				continue
			}
			page := read(prefix + "meetings/" + m.ID + "/")
			i := strings.Index(page, `<table class="grid stack sortable"`)
			if i < 0 {
				t.Fatalf("%s: the page of %s has no grid", lang, m.ID)
			}
			page = page[i:]
			page = page[:strings.Index(page, "</table>")]
			var grid []string
			for _, g := range gridLink.FindAllStringSubmatch(page, -1) {
				if slices.Contains(got, g[1]) {
					grid = append(grid, g[1])
				}
			}
			if !slices.Equal(got, grid) {
				t.Errorf("%s: the ledger lists the parties of %s as\n%v\nits grid as\n%v", lang, m.ID, got, grid)
			}
			if lang != "en" && !slices.Equal(got, englishOrder(c, got)) {
				differs = true
			}
		}
	}
	if !differs {
		t.Error("no language orders the fixture's parties otherwise than English: the test shows nothing")
	}
}

// A document's page links the ledger on the day it became public at the
// ledger's page that holds its row, in every language: in another than
// English the rows are in that language's order, so the page differs
// (generated catalog of 300 documents, two ledger pages, in Russian).
func TestDocumentPagesLinkTheLedgerPageThatHoldsTheirRow(t *testing.T) {
	largeSite(t) // writes the corpus
	site := BuildSite(t, "--data", largeManifest.Dir, "--as-of", "2020-01-01", "--languages", "en,ru")
	link := regexp.MustCompile(`<p class="ledger-link"><a href="/((?:ru/)?documents/(?:page/\d+/)?)\?on=[0-9-]+#doc-([^"]+)">`)
	checked, elsewhere := 0, 0
	for _, prefix := range []string{"", "ru/"} {
		for _, d := range largeManifest.Docs {
			b, err := os.ReadFile(filepath.Join(site, prefix+"documents", d.ID, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			m := link.FindSubmatch(b)
			if m == nil {
				continue
			}
			if string(m[2]) != d.ID {
				t.Errorf("%s%s links the ledger at row %s", prefix, d.ID, m[2])
			}
			ledger, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(string(m[1])), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(ledger, []byte(`<tr id="doc-`+d.ID+`"`)) {
				t.Errorf("%s%s links %s, which does not hold its row", prefix, d.ID, m[1])
			}
			checked++
			if strings.Contains(string(m[1]), "page/") {
				elsewhere++
			}
		}
	}
	if checked == 0 || elsewhere == 0 {
		t.Fatalf("%d links checked, %d to a later page of the ledger: the test shows nothing", checked, elsewhere)
	}
}

// A public document's page ends with the sources of its facts, its own
// and its meeting's file's, the catalog's words marked as English on a
// page of another language.
func TestDocumentPageGivesItsSources(t *testing.T) {
	site := allLanguagesSite(t)
	for _, prefix := range []string{"", "ar/", "zh/"} {
		b, err := os.ReadFile(filepath.Join(site, prefix+"documents", "rm07-nr-albania", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		i := strings.Index(page, `<section class="sources" aria-labelledby="doc-sources">`)
		if i < 0 {
			t.Fatalf("%sdocuments/rm07-nr-albania/ has no sources", prefix)
		}
		section := page[i : i+strings.Index(page[i:], "</section>")]
		lang := ""
		if prefix != "" {
			lang = ` lang="en"`
		}
		for _, want := range []string{"<ul" + lang + ">\n    <li>A regulator&#39;s page on Albania&#39;s report (test fixture)</li>", "<li>test fixture</li>"} {
			if !strings.Contains(section, want) {
				t.Errorf("%sdocuments/rm07-nr-albania/: the sources lack %q:\n%s", prefix, want, section)
			}
		}
	}
}

// englishOrder is parties in the order of their English names.
func englishOrder(c *catalog.Catalog, parties []string) []string {
	col := collate.New(language.English, collate.Loose)
	out := slices.Clone(parties)
	slices.SortStableFunc(out, func(a, b string) int {
		pa, _ := c.Party(a)
		pb, _ := c.Party(b)
		return col.CompareString(pa.Name, pb.Name)
	})
	return out
}

// tableRows returns the text of each cell of each body row of the table
// whose class list holds class.
func tableRows(t *testing.T, b []byte, class string) [][]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var table *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if table != nil {
			return
		}
		if n.Type == html.ElementNode && n.Data == "table" {
			for _, a := range n.Attr {
				if a.Key == "class" && slices.Contains(strings.Fields(a.Val), class) {
					table = n
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if table == nil {
		t.Fatalf("no table.%s", class)
	}
	var rows [][]string
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode && n.Data == "tbody" {
			inBody = true
		}
		if inBody && n.Type == html.ElementNode && n.Data == "tr" {
			var cells []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
					cells = append(cells, strings.Join(strings.Fields(textOf(c)), " "))
				}
			}
			rows = append(rows, cells)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(table, false)
	return rows
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// Issue 15, issue 24: a table that becomes cards on a phone (class
// "stack") stays a table for screen readers through its markup alone: the
// stylesheet keeps it display: table (TestStackedTablesStayTablesOnAPhone
// reads the browser's accessibility tree). ARIA roles on the parts of a
// native table (role="row", "cell", …) are invalid HTML and must not come
// back. On every page of every test site, every table is a stack table and
// no part of it carries a role. Every table has a caption, and the region
// that scrolls it is named by that caption (a review found the open-data
// page's Markdown tables with neither, "Table 1" their only name).
func TestStackedTablesKeepTheirRoles(t *testing.T) {
	parts := map[string]bool{"table": true, "caption": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true, "td": true}
	for name, dir := range builtSites(t) {
		tables, withRole := 0, 0
		eachHTML(t, dir, func(rel string, b []byte) {
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s, %s: %v", name, rel, err)
			}
			var walk func(n *html.Node, inTable bool)
			walk = func(n *html.Node, inTable bool) {
				if n.Type == html.ElementNode {
					attr := func(k string) (string, bool) {
						for _, a := range n.Attr {
							if a.Key == k {
								return a.Val, true
							}
						}
						return "", false
					}
					if n.Data == "table" {
						tables++
						inTable = true
						if class, _ := attr("class"); !slices.Contains(strings.Fields(class), "stack") {
							t.Errorf("%s, %s: a table without class stack", name, rel)
						}
						caption := n.FirstChild
						for caption != nil && caption.Type != html.ElementNode {
							caption = caption.NextSibling
						}
						if caption == nil || caption.Data != "caption" || strings.TrimSpace(textOf(caption)) == "" {
							t.Errorf("%s, %s: a table without a caption", name, rel)
						} else if region := n.Parent; region != nil && slices.ContainsFunc(region.Attr, func(a html.Attribute) bool { return a.Key == "role" && a.Val == "region" }) {
							var id, by string
							for _, a := range caption.Attr {
								if a.Key == "id" {
									id = a.Val
								}
							}
							for _, a := range region.Attr {
								if a.Key == "aria-labelledby" {
									by = a.Val
								}
							}
							if id == "" || by != id {
								t.Errorf("%s, %s: the region around the table %q is not named by its caption (aria-labelledby %q, caption id %q)", name, rel, strings.TrimSpace(textOf(caption)), by, id)
							}
						}
					}
					if role, ok := attr("role"); ok && inTable && parts[n.Data] {
						if withRole++; withRole <= 10 {
							t.Errorf("%s, %s: <%s role=%q>: a native table's parts take no role", name, rel, n.Data, role)
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, inTable)
				}
			}
			walk(doc, false)
		})
		if tables == 0 {
			t.Errorf("%s: no table on any page", name)
		}
		if withRole > 10 {
			t.Errorf("%s: %d table parts with a role in all", name, withRole)
		}
	}
}
