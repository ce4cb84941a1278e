// Package searchindex builds the search indexes of the site: one JSON file
// per language, search/index.json for the site's default language (English)
// and <lang>/search/index.json for each other (PathOf), beside the
// language's search page, which the search script
// (themes/cns/assets/js/search.js) loads when a reader starts to search, and
// searches in the browser.
//
// # Languages
//
// Each language's index holds the same records: the catalog's words, in
// English, and each party's name in the language (disclosure.View's
// PartyNames) with its English name and other names as its other names, so
// that "France" still finds France on /ru/search/; the Chinese index also
// finds each party by its name in Traditional characters (namedAlsoIn),
// which it does not show. It carries the language's spelling (SpellingOf):
// how its script folds and splits into words, and makes terms of them.
// Parties are in the order of their names in the language. In another
// language than English, each meeting's days (meeting_days) let the script
// write when it was held in the page's language.
//
// # What is indexed
//
//   - every review meeting (title; place, dates and type);
//   - every Contracting Party (name; other names, such as Turkey for Türkiye);
//   - every document in any state, as lists show it: its kind, party,
//     meeting, state and dates; a document that is public (or withdrawn) also
//     with its own title, and a public one with its summary and symbol;
//   - every numbered paragraph of the text of a public summary report, with
//     the heading it stands under; a result links to #para-N on the report's
//     page.
//
// # Publication safety
//
// Every fact comes from a disclosure.View, the same one the pages are made
// from: View.Ref for what any document may show in a list, View.Page for
// what its page may show. A document that is not public contributes only its
// kind, party, meeting, state and dates: never its own title, summary,
// symbol, file or text. The text of a summary report is read only when its
// page may show it. The build's leak audit scans the index like any other
// output file.
//
// # Matching
//
// Words are folded (Fold: lower case, marks removed), split into runs of
// letters and digits (Words), and indexed as the term their spellings
// share (Term, terms.go: "ageing" as "aging", plurals as singulars). The
// client makes the same terms of the query and matches each as a prefix of
// indexed terms, so "cote" finds "Côte d'Ivoire" and "viet" finds "Viet
// Nam" while it is being typed.
//
// # Format (version 2)
//
// The index is a JSON object; positions in arrays are the references other
// arrays use. Strings of documents are left out where the client can make
// them: a document's id when it is the catalog's default (id_format), its
// title when it is not its own (the script makes it of its kind, report,
// party and meeting with the page's patterns, as the document's page does),
// its page's address (urls).
//
//	version      2
//	lang         the index's language, left out for English
//	text_lang    the language of the catalog's words (titles, kinds,
//	             text, meetings), "en", left out when it is lang
//	as_of        the as-of day, YYYY-MM-DD
//	urls         {"document","meeting","country"}: page paths below the site
//	             root, with {id} for the id ("documents/{id}/")
//	states       state ids, in the order the site presents them
//	kinds        [id, slug, label] per document kind, in rule order
//	kind_names   in an index of another language, per kind: its label in
//	             that language ("" where the catalog has no translation)
//	meetings     [id, title, held, place, officers] per meeting, in catalog
//	             order (officers: "President: Name (Country); …", or "")
//	meeting_officers  in an index of another language, per meeting: its
//	             officers as [role key, role, name, party id, country,
//	             honorific] (name without the honorific where it has one)
//	meeting_spoken per meeting, its titles with their numbers in words
//	             ("Seventh Review Meeting"; English's and the language's)
//	meeting_days in an index of another language, per meeting: the days
//	             its pages write for held, YYYY-MM-DD ([opening,
//	             adjournment], [opening] or [])
//	parties      [id, name, [other names], title name, [searched]] per
//	             party, ordered by name; title name, in an index of another
//	             language than English, is the English name that the
//	             catalog's titles use, given when name is the party's name in
//	             the language (else name is the English name, and it is ""
//	             or left out); searched, the names it is also found by but
//	             which no page shows (Party.Searched), left out when none
//	docs         [meeting, kind, party, state, public_from, id, title,
//	             summary, symbol, withdrawn_on, title_lang, report, latest,
//	             why, assumed] per document: the first four are positions
//	             (party -1 for none); title is its own title, where it has
//	             one and may show it; title_lang is the language of that
//	             title when not English; report, which of its party's
//	             reports of its kind it is at a meeting that reviewed
//	             several (0 for none); latest, 1 where public_from is the
//	             latest day it became public, 2 where that is the day this
//	             catalog read its party's page; why, a restricted
//	             document's cause (not_published …); assumed, 1 where its
//	             day follows from a rule no source states for its meeting;
//	             trailing empty values are left out
//	paras        [doc, number, section, text] per paragraph
//	terms        the terms, sorted and front-coded in one string
//	             (EncodeTerms)
//	postings     per term, the places it occurs: each place is
//	             record*4+field, delta-encoded (each number is the
//	             difference from the previous one)
//	spelling     the rules that make terms of words (Spelling: letters,
//	             variants, steps), which the client applies as Go does
//	id_format    a document's default id, with {meeting}, {kind} (the
//	             kind's slug) and {party}
//
// Records are numbered across tables: meetings first, then parties, kinds,
// docs and paras. Fields: 0 a record's name or title (a paragraph's section
// heading), 1 its other names (a party's other names, a meeting's dates,
// a document's symbol), 2 its text (a document's summary, a paragraph's
// text, a meeting's officers and place, which find the meeting and not its
// documents).
//
// The index is deterministic: the same view gives the same bytes.
package searchindex

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/bep/golocales"
	"github.com/spf13/afero"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	gmtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Path is where the index of the site's default language goes, below the
// site's root.
const Path = "search/index.json"

// catalogLang is the language the catalog's words are written in.
const catalogLang = "en"

// PathOf is where the index of a language goes, below the site's root: as
// Hugo lays out the languages, the default language's at the root and each
// other's below its code.
func PathOf(lang, defaultLang string) string {
	if lang == defaultLang {
		return Path
	}
	return lang + "/" + Path
}

// Version of the format.
const Version = 2

// Fields of a record.
const (
	FieldName  = 0
	FieldOther = 1
	FieldText  = 2
)

// Index is the search index, as written.
type Index struct {
	Version  int               `json:"version"`
	Lang     string            `json:"lang,omitempty"`
	TextLang string            `json:"text_lang,omitempty"`
	AsOf     string            `json:"as_of"`
	URLs     map[string]string `json:"urls"`
	States   []string          `json:"states"`
	Kinds    [][3]string       `json:"kinds"`
	// KindNames are, in an index of another language than the catalog's,
	// each kind's label in that language ("" where the catalog has no
	// translation); Kinds keep the English, which are searched too.
	KindNames []string    `json:"kind_names,omitempty"`
	Meetings  [][5]string `json:"meetings"`
	// MeetingNames are, in an index of another language than the
	// catalog's, each meeting's title and place in that language ("" where
	// the catalog has no translation); Meetings keep the English, which
	// documents' titles are made with.
	MeetingNames [][2]string `json:"meeting_names,omitempty"`
	// MeetingOfficers are, in an index of another language than the
	// catalog's, each meeting's officers as [role key, role, name, party,
	// country, honorific], so that the script names the role, the title and
	// the party in the page's language (Meetings keep the English words,
	// which are searched).
	MeetingOfficers [][][6]string `json:"meeting_officers,omitempty"`
	// MeetingDays are, in an index of another language than the
	// catalog's, the days each meeting was held as its pages write them
	// (meetingdates.html): [opening, adjournment] when both are known,
	// [opening] when only it is and the catalog has no held: wording,
	// else none; YYYY-MM-DD, so that the script writes them in the page's
	// language (Meetings keep the English words, which are searched, and
	// shown where there are no days).
	MeetingDays [][]string `json:"meeting_days,omitempty"`
	// MeetingSpoken are, per meeting, its titles (English, and the index's
	// language) with their numbers in words ("Seventh Review Meeting"),
	// which find it as its name does (spokenTitle).
	MeetingSpoken [][]string `json:"meeting_spoken"`
	Parties       []Party    `json:"parties"`
	Docs          []Doc      `json:"docs"`
	Paras         []Para     `json:"paras"`
	// Terms are the folded words, sorted; written front-coded (EncodeTerms).
	Terms    []string `json:"-"`
	Postings [][]int  `json:"postings"`
	// Coded is Terms, front-coded, as written.
	Coded string `json:"terms"`
	// Spelling is the rules Term applies, for the client (terms.go).
	Spelling *Spelling `json:"spelling"`
	// IDFormat is a document's default id (catalog.DefaultID).
	IDFormat string `json:"id_format"`
}

// Party is [id, name, [other names], title name]; title name is left out
// when empty.
type Party struct {
	ID, Name   string
	OtherNames []string
	TitleName  string
	// Searched are names the party is found by, as by its other names,
	// but which are not shown: its CLDR names in the language and its
	// other scripts (namedAlsoIn), and the catalog's search_names of the
	// language. They are written for "did you mean" alone, which offers a
	// word as a text writes it («Росия»: «Россия», the name a Russian
	// reader types where the site writes «Российская Федерация»).
	Searched []string
}

func (p Party) MarshalJSON() ([]byte, error) {
	o := p.OtherNames
	if o == nil {
		o = []string{}
	}
	if len(p.Searched) != 0 {
		return marshal([]any{p.ID, p.Name, o, p.TitleName, p.Searched})
	}
	if p.TitleName != "" {
		return marshal([]any{p.ID, p.Name, o, p.TitleName})
	}
	return marshal([]any{p.ID, p.Name, o})
}

// Doc is one document as the index holds it.
type Doc struct {
	Meeting, Kind, Party, State int
	PublicFrom                  string
	ID                          string // "" when it is the default id
	Title                       string // "" when it has none of its own (or may not show it)
	Summary, Symbol             string
	WithdrawnOn                 string
	TitleLang                   string // the language of Title when not English
	Report                      int    // which of its party's reports of its kind (0: the only one)
	// Latest: public from PublicFrom at the latest (disclosure.DocRef.Latest),
	// which results say as "by D at the latest", not "since D"; LatestRead:
	// PublicFrom is the day this catalog read its party's page
	// (DocRef.LatestRead), which results say too, as every list does.
	Latest, LatestRead bool
	// Assumed: its day follows from a rule no source states for its
	// meeting (DocRef.Assumed, never with Latest), which results say as
	// "since D, if the rule applied", as every list does (a journalist
	// found the mark lost in search alone).
	Assumed bool
	// Why is a restricted document's cause (disclosure.DocRef
	// .RestrictedCause), which results say in a few words beside the
	// state, as the lists do; "" otherwise.
	Why string
}

func (d Doc) MarshalJSON() ([]byte, error) {
	var report any = ""
	if d.Report != 0 {
		report = d.Report
	}
	// 1: public by PublicFrom at the latest; 2: and that day is the one
	// this catalog read its party's page.
	var latest any = ""
	if d.Latest && d.LatestRead {
		latest = 2
	} else if d.Latest {
		latest = 1
	}
	var assumed any = ""
	if d.Assumed {
		assumed = 1
	}
	v := []any{d.Meeting, d.Kind, d.Party, d.State, d.PublicFrom, d.ID, d.Title, d.Summary, d.Symbol, d.WithdrawnOn, d.TitleLang, report, latest, d.Why, assumed}
	for len(v) > 4 && v[len(v)-1] == "" {
		v = v[:len(v)-1]
	}
	return marshal(v)
}

// Para is one numbered paragraph of a public text.
type Para struct {
	Doc, Number   int
	Section, Text string
}

func (p Para) MarshalJSON() ([]byte, error) {
	return marshal([]any{p.Doc, p.Number, p.Section, p.Text})
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// facts are what every language's index is made of, read from the view
// once: the records of meetings, kinds, documents and paragraphs, which
// are the same in every language, and the parties, which each language
// names and orders its own way.
type facts struct {
	v        *disclosure.View
	asOf     string
	meetings []meetingFacts
	parties  []disclosure.PartyInfo
	// iso is each party's ISO 3166-1 code, by id.
	iso map[string]string
	// searchNames are each party's names for search alone, by id and
	// language (catalog.Party.SearchNames).
	searchNames map[string]map[string][]string
	kinds       [][3]string
	docs        []docFacts
	paras       []Para
}

// meetingFacts are a meeting's record and the other words that find it.
type meetingFacts struct {
	record  [5]string
	other   []string
	place   string
	numbers []int
	// titles and places in the site's other languages.
	titles, places map[string]string
	officers       [][6]string
	days           []string
}

// docFacts are a document's record, with its party's id in place of its
// position (which depends on the language's order), and the title it is
// found by (its own, when it has one).
type docFacts struct {
	doc   Doc
	party string
}

// gather reads the facts of the index from the view: what each document's
// page may show (View.Page), each meeting, party and kind.
func gather(v *disclosure.View) (*facts, error) {
	in := v.Input()
	c := in.Catalog
	if c == nil {
		return nil, fmt.Errorf("searchindex: the view has no catalog")
	}
	f := &facts{v: v, asOf: catalog.DateOf(in.AsOf.In(c.Rules.Location)).String()}
	meetings := map[string]int{}
	for i, m := range c.Meetings {
		mi := v.Meeting(m)
		held := disclosure.HeldText(m)
		officers := officersText(mi.Officers)
		f.meetings = append(f.meetings, meetingFacts{
			record: [5]string{mi.ID, mi.Title, held, mi.Place, officers},
			other:  append([]string{held, mi.Type}, counts(mi)...),
			place:  mi.Place,
			titles: mi.Titles, places: mi.Places, officers: officerFacts(mi.Officers), days: mi.HeldDays,
			numbers: mi.Numbers,
		})
		meetings[mi.ID] = i
	}
	f.iso, f.searchNames = map[string]string{}, map[string]map[string][]string{}
	for _, p := range c.Parties {
		f.parties = append(f.parties, v.Party(p))
		f.iso[p.ID], f.searchNames[p.ID] = p.ISO, p.SearchNames
	}
	// The kinds in rule order, then any kind a document has and no rule
	// names (such a document is never public, but it is listed).
	kinds := map[string]int{}
	addKind := func(id, slug, label string) {
		kinds[id] = len(f.kinds)
		f.kinds = append(f.kinds, [3]string{id, slug, label})
	}
	for _, k := range c.Rules.Kinds {
		if k != nil {
			addKind(k.Kind, k.Slug, k.Label)
		}
	}
	for _, d := range c.Documents {
		if _, ok := kinds[d.Kind]; !ok {
			r := v.Ref(d)
			addKind(r.Kind, "", r.KindLabel)
		}
	}
	states := map[string]int{}
	for i, s := range publication.States {
		states[string(s)] = i
	}
	// Every document as its page shows it; the paragraphs of the texts it
	// gives, after every document.
	var texts []docText
	for i, d := range c.Documents {
		page, _ := v.Page(d)
		r := page.DocRef
		mi, ok := meetings[r.Meeting]
		if !ok {
			return nil, fmt.Errorf("searchindex: document %s: meeting %q is not in the catalog", r.ID, r.Meeting)
		}
		state, ok := states[string(r.State)]
		if !ok {
			return nil, fmt.Errorf("searchindex: document %s: unknown state %q", r.ID, r.State)
		}
		doc := Doc{Meeting: mi, Kind: kinds[r.Kind], Party: -1, State: state, PublicFrom: r.PublicFrom.String(), WithdrawnOn: r.WithdrawnOn.String()}
		slug := f.kinds[doc.Kind][1]
		if r.Party == "" || slug == "" || r.ID != catalog.DefaultID(r.Meeting, slug, r.Party) {
			doc.ID = r.ID
		}
		if r.OwnTitle {
			doc.Title, doc.TitleLang = r.Title, r.TitleLang
		}
		doc.Report, doc.Latest, doc.LatestRead, doc.Why, doc.Assumed = r.Report, r.Latest, r.LatestRead, r.RestrictedCause, r.Assumed
		// The view decides what may be found: Page gives a summary, symbol
		// and text only where the document's state allows them.
		doc.Summary, doc.Symbol = page.Summary, page.Symbol
		if page.Text != nil {
			texts = append(texts, docText{i, page.Text})
		}
		f.docs = append(f.docs, docFacts{doc: doc, party: r.Party})
	}
	for _, t := range texts {
		for _, p := range paragraphs(t.parsed) {
			f.paras = append(f.paras, Para{Doc: t.doc, Number: p.Number, Section: p.Section, Text: p.Text})
		}
	}
	return f, nil
}

// docText is a document's parsed text, by the document's position.
type docText struct {
	doc    int
	parsed *catalog.Text
}

// builder collects the records of one language's index and their
// postings, record by record: the meetings, the parties, the kinds, the
// documents, then the paragraphs.
type builder struct {
	ix     *Index
	sp     *Spelling
	terms  map[string][]string // word -> the terms it is indexed as
	places map[string][]int    // term -> record*4+field, in the order added
	record int
}

// add indexes text as a field of the current record.
func (b *builder) add(field int, texts ...string) {
	place := b.record*4 + field
	for _, t := range texts {
		for _, w := range b.sp.Words(t) {
			forms, ok := b.terms[w]
			if !ok {
				forms = b.sp.IndexForms(w)
				b.terms[w] = forms
			}
			for _, f := range forms {
				p := b.places[f]
				if n := len(p); n > 0 && p[n-1] == place {
					continue
				}
				b.places[f] = append(p, place)
			}
		}
	}
}

func (b *builder) next() { b.record++ }

// Languages are the languages the view's site is in, the default first:
// English alone when it names none.
func Languages(v *disclosure.View) []string {
	if langs := v.Input().Languages; len(langs) > 0 {
		return langs
	}
	return []string{catalogLang}
}

// Build makes the index, in the site's default language, of everything the
// view may show.
func Build(v *disclosure.View) (*Index, error) { return BuildIn(v, Languages(v)[0]) }

// BuildIn makes the index of everything the view may show for the site in
// a language.
func BuildIn(v *disclosure.View, lang string) (*Index, error) {
	f, err := gather(v)
	if err != nil {
		return nil, err
	}
	return f.index(lang, map[string][]string{}), nil
}

// index makes the index of a language from the facts; terms holds the
// terms of words already seen under the language's spelling.
func (f *facts) index(lang string, terms map[string][]string) *Index {
	trim := func(s string) string { return strings.TrimPrefix(s, "/") }
	sp := SpellingOf(lang)
	ix := &Index{
		Version: Version,
		AsOf:    f.asOf,
		URLs: map[string]string{
			"document": trim(disclosure.DocumentURL("{id}")),
			"meeting":  trim(disclosure.MeetingURL("{id}")),
			"country":  trim(disclosure.CountryURL("{id}")),
		},
		Kinds: [][3]string{}, Meetings: [][5]string{}, Parties: []Party{}, Docs: make([]Doc, 0, len(f.docs)), Paras: []Para{},
		Spelling: sp, IDFormat: catalog.DefaultID("{meeting}", "{kind}", "{party}"),
	}
	if lang != catalogLang {
		ix.Lang, ix.TextLang = lang, catalogLang
	}
	for _, s := range publication.States {
		ix.States = append(ix.States, string(s))
	}
	b := &builder{ix: ix, sp: sp, terms: terms, places: map[string][]int{}}
	localName := map[string]string{} // a party's name in the language, by id
	for _, p := range f.parties {
		localName[p.ID] = p.Names[lang]
	}
	for _, m := range f.meetings {
		ix.Meetings = append(ix.Meetings, m.record)
		b.add(FieldName, m.record[1])
		if lang != catalogLang {
			names := [2]string{m.titles[lang], m.places[lang]}
			ix.MeetingNames = append(ix.MeetingNames, names)
			ix.MeetingOfficers = append(ix.MeetingOfficers, m.officers)
			ix.MeetingDays = append(ix.MeetingDays, m.days)
			b.add(FieldName, names[0])
			b.add(FieldOther, longDates(lang, m.days)...)
		}
		b.add(FieldOther, m.other...)
		b.add(FieldOther, ordinalWords(lang, m.numbers)...)
		// Its numbers alone, as its name: "7" finds the 7th Review Meeting
		// before a document whose title has a 7 of its own ("Revision 7").
		for _, n := range m.numbers {
			b.add(FieldName, strconv.Itoa(n))
		}
		spoken := []string{}
		if t := spokenTitle(catalogLang, m.record[1]); t != "" {
			spoken = append(spoken, t)
		}
		if t := spokenTitle(lang, m.titles[lang]); lang != catalogLang && t != "" {
			spoken = append(spoken, t)
		}
		ix.MeetingSpoken = append(ix.MeetingSpoken, spoken)
		b.add(FieldName, spoken...)
		// The officers in a field of their own, which finds the meeting
		// and not its documents: "Canada" is a country's, not every
		// document of the meeting its President came from. In another
		// language, their countries that are parties by the language's
		// names too ("加拿大"), as the result shows them.
		b.add(FieldText, m.record[4])
		if lang != catalogLang {
			for _, o := range m.officers {
				b.add(FieldText, localName[o[3]])
			}
		}
		// Its place too: "Austria" is a country's, not every document of
		// the meetings held in Vienna (a reader's review found Австрия
		// finding all of them).
		b.add(FieldText, m.place)
		if lang != catalogLang {
			b.add(FieldText, m.places[lang])
		}
		b.next()
	}
	parties := f.partiesIn(lang)
	position := map[string]int{}
	for i, p := range parties {
		ix.Parties = append(ix.Parties, p)
		position[p.ID] = i
		b.add(FieldName, p.Name)
		b.add(FieldOther, p.OtherNames...)
		b.add(FieldOther, p.Searched...)
		b.next()
	}
	for _, k := range f.kinds {
		ix.Kinds = append(ix.Kinds, k)
		b.add(FieldName, k[2])
		if lang != catalogLang {
			name := f.v.Input().Catalog.KindLabel(k[0], lang)
			ix.KindNames = append(ix.KindNames, name)
			b.add(FieldName, name)
		}
		b.next()
	}
	// The documents in the order of their parties' names in the language
	// (a party's documents in the catalog's order, those of no party
	// first), so that results the ranking ties are listed as the grids and
	// the ledger list them; the paragraphs follow their documents.
	order := make([]int, len(f.docs))
	for i := range order {
		order[i] = i
	}
	partyAt := func(i int) int {
		if p := f.docs[i].party; p != "" {
			return position[p]
		}
		return -1
	}
	slices.SortStableFunc(order, func(x, y int) int { return partyAt(x) - partyAt(y) })
	record := make([]int, len(order)) // a document's record among the documents, by its place in f.docs
	for r, i := range order {
		record[i] = r
	}
	for _, i := range order {
		d := f.docs[i]
		doc := d.doc
		if d.party != "" {
			doc.Party = position[d.party]
		}
		b.add(FieldName, doc.Title)
		b.add(FieldOther, doc.Symbol)
		// The year it became (or becomes) public, which its result
		// shows: "Finland 2019" finds the report public since 2019.
		if len(doc.PublicFrom) >= 4 {
			b.add(FieldOther, doc.PublicFrom[:4])
		}
		b.add(FieldText, doc.Summary)
		ix.Docs = append(ix.Docs, doc)
		b.next()
	}
	for _, p := range f.paras {
		p.Doc = record[p.Doc]
		ix.Paras = append(ix.Paras, p)
		b.add(FieldName, p.Section)
		b.add(FieldText, p.Text)
		b.next()
	}
	b.finish()
	return ix
}

// namedAlsoIn are, by language, the CLDR locales (BCP 47 tags) whose
// names of the parties the language's index finds them by without showing
// them (Party.Searched), besides the language's own CLDR names, which the
// site shows where the United Nations' short name does not differ (a
// Chinese reader types "美国" and "韩国", the everyday names, where the
// site writes "美利坚合众国" and "大韩民国"): a Chinese reader may type a
// name in Traditional characters ("阿爾巴尼亞"), which no folding makes the
// Simplified ones the site writes ("阿尔巴尼亚").
var namedAlsoIn = map[string][]string{"zh": {"zh-Hant"}}

// partiesIn are the parties as the index of a language holds them, in the
// order of their names in the language (disclosure.View.PartyOrder). In a
// language other than English a party is named as the site names it there,
// with its English name first among its other names, and with the English
// name for the catalog's titles; it is also found by its names in the
// language's other scripts (namedAlsoIn) and by the names the catalog
// gives for search in the language (search_names).
func (f *facts) partiesIn(lang string) []Party {
	var parties []Party
	for _, pi := range f.parties {
		party := Party{ID: pi.ID, Name: pi.Name, OtherNames: pi.OtherNames}
		if local := pi.Names[lang]; lang != catalogLang && local != "" {
			party.Name, party.TitleName, party.OtherNames = local, pi.Name, nil
			for _, o := range append([]string{pi.Name}, pi.OtherNames...) {
				if o != local && !slices.Contains(party.OtherNames, o) {
					party.OtherNames = append(party.OtherNames, o)
				}
			}
		}
		searched := slices.Clone(f.searchNames[pi.ID][lang])
		for _, tag := range append([]string{lang}, namedAlsoIn[lang]...) {
			if iso := f.iso[pi.ID]; iso != "" {
				searched = append(searched, disclosure.RegionName(tag, iso))
			}
		}
		for _, n := range searched {
			if n != "" && n != party.Name && !slices.Contains(party.OtherNames, n) && !slices.Contains(party.Searched, n) {
				party.Searched = append(party.Searched, n)
			}
		}
		parties = append(parties, party)
	}
	rank := f.v.PartyOrder(lang)
	slices.SortStableFunc(parties, func(x, y Party) int { return rank[x.ID] - rank[y.ID] })
	return parties
}

// finish sorts the terms and delta-encodes their postings.
func (b *builder) finish() {
	ix := b.ix
	ix.Terms = make([]string, 0, len(b.places))
	for w := range b.places {
		ix.Terms = append(ix.Terms, w)
	}
	slices.Sort(ix.Terms)
	ix.Coded = EncodeTerms(ix.Terms)
	ix.Postings = make([][]int, len(ix.Terms))
	for i, w := range ix.Terms {
		places := b.places[w]
		deltas := make([]int, len(places))
		prev := 0
		for j, p := range places {
			deltas[j] = p - prev
			prev = p
		}
		ix.Postings[i] = deltas
	}
}

// officersText says a meeting's officers as its page lists them, from the
// catalog's words: "President: Mr A (France); Vice-President: Ms B (Chile)".
func officersText(os []disclosure.Officer) string {
	var parts []string
	for _, o := range os {
		s := o.Role + ": " + o.Name
		if o.Country != "" {
			s += " (" + o.Country + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// longDates writes days ("2017-03-27") as the pages of language lang
// write them: CLDR's long date, from the same locale data as Hugo's
// :date_long (golocales), so that a reader finds a meeting by the month's
// name in the language ("mars 2017", "марта"). Nil when the locale data
// has no such language.
func longDates(lang string, days []string) []string {
	tr := golocales.New(lang)
	if tr == nil {
		return nil
	}
	var out []string
	for _, d := range days {
		t, err := time.Parse(time.DateOnly, d)
		if err == nil {
			out = append(out, tr.FormatDateLong(t))
		}
	}
	return out
}

// officerFacts are a meeting's officers as MeetingOfficers holds them.
func officerFacts(os []disclosure.Officer) [][6]string {
	out := [][6]string{}
	for _, o := range os {
		name := o.Name
		if o.Honorific != "" {
			name = o.Person
		}
		out = append(out, [6]string{o.RoleKey(), o.Role, name, o.Party, o.Country, o.Honorific})
	}
	return out
}

// counts are the numbers a meeting's page gives (parties, plants,
// findings), so that a number from the page finds the meeting.
func counts(mi disclosure.MeetingInfo) []string {
	var out []string
	add := func(n int) {
		if n > 0 {
			out = append(out, fmt.Sprint(n))
		}
	}
	add(mi.ContractingParties)
	for _, m := range []map[string]int{mi.NPP, mi.Findings} {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			add(m[k])
		}
	}
	return out
}

// paragraphs gives each numbered paragraph with the list items and quotes
// it owns (catalog.Paragraph.Follow), as plain text.
func paragraphs(t *catalog.Text) []catalog.Paragraph {
	out := make([]catalog.Paragraph, len(t.Paragraphs))
	for i, p := range t.Paragraphs {
		parts := append([]string{p.Text}, p.Follow...)
		var text strings.Builder
		for j, part := range parts {
			if j > 0 {
				// List items run on as a sentence: "…as follows: a; b; c".
				if prev := parts[j-1]; !strings.ContainsAny(prev[max(len(prev)-1, 0):], ":;.,") {
					text.WriteString(";")
				}
				text.WriteString(" ")
			}
			text.WriteString(part)
		}
		p.Text = Plain(text.String())
		p.Section = Plain(p.Section)
		out[i] = p
	}
	return out
}

// inline parses Markdown as Hugo renders it (CommonMark with footnotes),
// for Plain.
var inline = goldmark.New(goldmark.WithExtensions(extension.Footnote))

// Plain is Markdown as a reader sees it, without markup: for excerpts. It
// keeps the text of goldmark's inline nodes (the words of links and
// emphasis, the content of code spans, escaped characters as they print)
// and drops what does not print (footnote references, link targets).
func Plain(md string) string {
	src := []byte(md)
	var b strings.Builder
	doc := inline.Parser().Parse(gmtext.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *extast.FootnoteLink, *extast.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(util.UnescapePunctuations(n.Value(src)))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// A footnote reference whose note is not in the same text stays as
	// written ("[^1]"); it does not print either.
	out := b.String()
	for {
		i := strings.Index(out, "[^")
		j := strings.IndexByte(out[max(i, 0):], ']')
		if i < 0 || j < 0 {
			break
		}
		out = out[:i] + out[i+j+1:]
	}
	return strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(out), `\`)), " ")
}

// Files returns the index of each of the site's languages, by path below
// the site's root (PathOf).
func Files(v *disclosure.View) (map[string][]byte, error) {
	f, err := gather(v)
	if err != nil {
		return nil, err
	}
	langs := Languages(v)
	out := map[string][]byte{}
	// Languages of one spelling share the terms of their words.
	terms := map[*Spelling]map[string][]string{}
	for _, lang := range langs {
		sp := SpellingOf(lang)
		if terms[sp] == nil {
			terms[sp] = map[string][]string{}
		}
		b, err := marshal(f.index(lang, terms[sp]))
		if err != nil {
			return nil, err
		}
		out[PathOf(lang, langs[0])] = append(b, '\n')
	}
	return out, nil
}

// Write writes the index into the site at dir on fsys. It is a sitebuild
// output.
func Write(fsys afero.Fs, dir, baseURL string, v *disclosure.View) error {
	files, err := Files(v)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := fsys.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := afero.WriteFile(fsys, p, files[n], 0o644); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
	}
	return nil
}

// maxShared is the longest prefix a term shares with the one before it, in
// the front coding; it keeps the length a single character.
const maxShared = 40

// EncodeTerms front-codes sorted words into one string: each word is a
// character for how many UTF-16 code units (JavaScript's string length) it
// shares with the word before ('0' for none, '1' for one …) followed by the
// rest of the word, and words are separated by spaces (no word has one).
func EncodeTerms(terms []string) string {
	var b strings.Builder
	prev := []rune{}
	for i, w := range terms {
		rs := []rune(w)
		n, units := 0, 0
		for n < len(rs) && n < len(prev) && rs[n] == prev[n] && units+utf16.RuneLen(rs[n]) <= maxShared {
			units += utf16.RuneLen(rs[n])
			n++
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(byte('0' + units))
		b.WriteString(string(rs[n:]))
		prev = rs
	}
	return b.String()
}

// DecodeTerms undoes EncodeTerms, as the client does.
func DecodeTerms(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	prev := []uint16{}
	for _, part := range strings.Split(s, " ") {
		n := int(part[0] - '0')
		w := append(slices.Clone(prev[:n]), utf16.Encode([]rune(part[1:]))...)
		out = append(out, string(utf16.Decode(w)))
		prev = w
	}
	return out
}
