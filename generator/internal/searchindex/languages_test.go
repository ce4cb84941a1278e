package searchindex_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/searchindex"
)

// siteLanguages are the site's languages, the default first, as
// site/hugo.toml orders them.
var siteLanguages = []string{"en", "ar", "zh", "fr", "ru", "es"}

func viewIn(t testing.TB, c *catalog.Catalog, at time.Time, langs []string) *disclosure.View {
	t.Helper()
	return disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at, SiteTitle: "T", Languages: langs})
}

// languageIndex is one language's index, decoded, with the terms of each
// record.
type languageIndex struct {
	raw
	Lang      string
	TextLang  string   `json:"text_lang"`
	KindNames []string `json:"kind_names"`
	// MeetingSpoken: per meeting, its titles with numbers in words.
	MeetingSpoken [][]string `json:"meeting_spoken"`
	Spelling      searchindex.Spelling
	// recordTerms: record → its terms, by field.
	recordTerms map[int]map[int][]string
}

func decodeLanguage(t testing.TB, b []byte) *languageIndex {
	t.Helper()
	var ix languageIndex
	if err := json.Unmarshal(b, &ix); err != nil {
		t.Fatal(err)
	}
	ix.Terms = searchindex.DecodeTerms(ix.Coded)
	if len(ix.Terms) != len(ix.Postings) {
		t.Fatalf("%d terms, %d postings", len(ix.Terms), len(ix.Postings))
	}
	ix.recordTerms = map[int]map[int][]string{}
	for i, deltas := range ix.Postings {
		place := 0
		for _, d := range deltas {
			place += d
			rec, field := place/4, place%4
			if ix.recordTerms[rec] == nil {
				ix.recordTerms[rec] = map[int][]string{}
			}
			ix.recordTerms[rec][field] = append(ix.recordTerms[rec][field], ix.Terms[i])
		}
	}
	return &ix
}

// searchedOnly says whether name is written in the index only among the
// names party is searched by (its fifth field, for "did you mean"), never
// as a name a page shows: no party's name, other names or title name.
func (ix *languageIndex) searchedOnly(party, name string) bool {
	in := false
	for _, p := range ix.Parties {
		shown := append([]any{p[1]}, p[2].([]any)...)
		if len(p) > 3 {
			shown = append(shown, p[3])
		}
		if slices.Contains(shown, any(name)) {
			return false
		}
		if p[0] == party && len(p) == 5 {
			in = slices.Contains(p[4].([]any), any(name))
		}
	}
	return in
}

// partiesFound are the ids of the parties whose name or other names hold,
// for every word of the query, a term that begins with its term, as the
// client matches (search.js: Index.scores), with the index's own spelling.
func (ix *languageIndex) partiesFound(q string) []string {
	var found []string
	for i, p := range ix.Parties {
		if ix.finds(len(ix.Meetings)+i, q) {
			found = append(found, p[0].(string))
		}
	}
	return found
}

// meetingsFound are the ids of the meetings whose name or other words
// hold every word of q (as prefixes, as the script matches them).
func (ix *languageIndex) meetingsFound(q string) []string {
	var found []string
	for i, m := range ix.Meetings {
		if ix.finds(i, q) {
			found = append(found, m[0])
		}
	}
	return found
}

// finds says whether record rec's name, other words or text (a meeting's
// officers) hold every word of q as a prefix.
func (ix *languageIndex) finds(rec int, q string) bool {
	sp := &ix.Spelling
	for _, w := range sp.Words(q) {
		qt := sp.Term(w)
		hit := false
		for _, field := range []int{searchindex.FieldName, searchindex.FieldOther, searchindex.FieldText} {
			for _, term := range ix.recordTerms[rec][field] {
				hit = hit || strings.HasPrefix(term, qt)
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

// Every language's index: its own file, its language, the party names in
// the language with the English ones as other names, the catalog's words
// in English, and the spelling of its script. The English index is the
// same, byte for byte, whether or not the site has other languages.
func TestIndexOfEachLanguage(t *testing.T) {
	c := fixtureCatalog(t)
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	files, err := searchindex.Files(viewIn(t, c, at, siteLanguages))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ar/search/index.json", "es/search/index.json", "fr/search/index.json", "ru/search/index.json", "search/index.json", "zh/search/index.json"}
	if got := slices.Sorted(mapKeys(files)); !slices.Equal(got, want) {
		t.Fatalf("files = %q, want %q", got, want)
	}
	if english := indexBytes(t, view(t, c, at)); string(files[searchindex.Path]) != string(english) {
		t.Error("the English index of a six-language site differs from an English-only site's")
	}
	// Every language's index holds the same meetings, kinds, documents
	// and paragraphs: the documents' parties by id, since each language
	// orders the parties its own way, and so its documents (by their
	// parties' names in it, checked below);
	// a paragraph by its document.
	same := func(ix *languageIndex) string {
		docs := make([]string, len(ix.Docs))
		for i, d := range ix.Docs {
			d = slices.Clone(d)
			if p := int(d[2].(float64)); p >= 0 {
				d[2] = ix.Parties[p][0]
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			docs[i] = string(b)
		}
		paras := make([][]any, len(ix.Paras))
		for i, p := range ix.Paras {
			paras[i] = slices.Clone(p)
			paras[i][0] = docs[int(p[0].(float64))]
		}
		b, err := json.Marshal([]any{ix.Meetings, ix.Kinds, slices.Sorted(slices.Values(docs)), paras})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	english := same(decodeLanguage(t, files[searchindex.Path]))
	names := map[string]string{"en": "Albania", "ar": "ألبانيا", "zh": "阿尔巴尼亚", "fr": "Albanie", "ru": "Албания", "es": "Albania"}
	for _, lang := range siteLanguages {
		ix := decodeLanguage(t, files[searchindex.PathOf(lang, "en")])
		wantLang, wantText := lang, "en"
		if lang == "en" {
			wantLang, wantText = "", ""
		}
		if ix.Lang != wantLang || ix.TextLang != wantText {
			t.Errorf("%s: lang %q, text_lang %q", lang, ix.Lang, ix.TextLang)
		}
		if same(ix) != english {
			t.Errorf("%s: the meetings, kinds, documents or paragraphs differ from English's", lang)
		}
		// The documents in the order of their parties in the language, so
		// that results the ranking ties are listed as its grids list them
		// (a reader's review found the Russian results in English order).
		last := -1
		for i, d := range ix.Docs {
			p := int(d[2].(float64))
			if p < last {
				t.Errorf("%s: document %d (party %v) comes after one of party %v", lang, i, ix.Parties[p][0], ix.Parties[last][0])
				break
			}
			last = p
		}
		if sp := searchindex.SpellingOf(lang); ix.Spelling.Form != sp.Form || !slices.Equal(ix.Spelling.Bigrams, sp.Bigrams) || !slices.Equal(ix.Spelling.Prefixes, sp.Prefixes) || len(ix.Spelling.Letters) != len(sp.Letters) {
			t.Errorf("%s: the index carries the spelling %+v, not the language's", lang, ix.Spelling)
		}
		var albania []any
		for _, p := range ix.Parties {
			if p[0] == "albania" {
				albania = p
			}
		}
		if albania == nil || albania[1] != names[lang] {
			t.Errorf("%s: Albania is %v, want named %q", lang, albania, names[lang])
			continue
		}
		if lang != "en" {
			if others := albania[2].([]any); len(albania) < 4 || albania[3] != "Albania" || len(others) == 0 && names[lang] != "Albania" || len(others) > 0 && others[0] != "Albania" {
				t.Errorf("%s: Albania is %v, want the English name among its other names and as its title name", lang, albania)
			}
		}
		// Each kind has its label in the language where the catalog
		// translates it, and is found by it and by its English label; an
		// English index carries none.
		if lang == "en" && ix.KindNames != nil {
			t.Errorf("en: kind_names %q in the English index", ix.KindNames)
		}
		translatedKinds := 0
		for i, k := range ix.Kinds {
			if lang == "en" {
				break
			}
			want := c.KindLabel(k[0], lang)
			if i >= len(ix.KindNames) || ix.KindNames[i] != want {
				t.Errorf("%s: kind %s named %q, want %q", lang, k[0], ix.KindNames, want)
				continue
			}
			rec := len(ix.Meetings) + len(ix.Parties) + i
			for _, q := range []string{want, k[2]} {
				if q != "" && !ix.finds(rec, q) {
					t.Errorf("%s: %q does not find the kind %s", lang, q, k[0])
				}
			}
			if want != "" {
				translatedKinds++
			}
		}
		if lang == "fr" && translatedKinds < 2 {
			t.Errorf("fr: %d kinds translated; the fixture's French translates more", translatedKinds)
		}
		// Meetings keep their English titles, and documents their kinds.
		if !slices.ContainsFunc(ix.Meetings, func(m [4]string) bool { return m[1] == "7th Review Meeting" }) {
			t.Errorf("%s: no meeting titled 7th Review Meeting", lang)
		}
		// Albania, by its name in the language and in English, is the one
		// party found: so the client shows it first (its name scores above
		// its documents, which match only through it).
		for _, q := range []string{names[lang], "Albania", "albania"} {
			if got := ix.partiesFound(q); !slices.Equal(got, []string{"albania"}) {
				t.Errorf("%s: %q finds the parties %q, want Albania alone", lang, q, got)
			}
		}
		// And France in English on every language's site.
		if got := ix.partiesFound("France"); !slices.Equal(got, []string{"france"}) {
			t.Errorf("%s: France finds %q", lang, got)
		}
	}
	// Queries a reader of each language types.
	for _, tc := range []struct {
		lang, q string
		want    []string
	}{
		{"ru", "Албания", []string{"albania"}},
		{"ru", "албан", []string{"albania"}},
		{"ru", "АЛБАНИЯ", []string{"albania"}},
		{"ru", "Франция", []string{"france"}},
		{"ru", "Нидерланды", []string{"netherlands"}},
		{"ar", "ألبانيا", []string{"albania"}},
		{"ar", "البانيا", []string{"albania"}},        // without the hamza
		{"ar", "أَلْبَانِيَا", []string{"albania"}},   // with the short vowels
		{"ar", "ألبـــانيا", []string{"albania"}},     // drawn out with tatweel
		{"ar", "الصين", []string{"china"}},            // with the article
		{"ar", "صين", []string{"china"}},              // and without
		{"ar", "الص", []string{"china"}},              // as it is typed
		{"zh", "阿尔巴尼亚", []string{"albania"}},          // five characters, four pairs
		{"zh", "巴尼亚", []string{"albania"}},            // the end of the name
		{"zh", "阿", []string{"albania", "argentina"}}, // one character: 阿根廷 too
		{"zh", "阿尔", []string{"albania"}},             // one pair
		{"zh", "ＡＬＢＡＮＩＡ", []string{"albania"}},        // full-width Latin letters
		{"zh", "阿爾巴尼亞", []string{"albania"}},          // in Traditional characters (CLDR zh-Hant)
		{"zh", "爾巴", []string{"albania"}},             // a pair of them
		{"zh", "南韓", []string{"korea"}},               // a Traditional name unlike the Simplified one
		{"ru", "阿爾巴尼亞", nil},                          // only Chinese holds them
		{"en", "阿爾巴尼亞", nil},
		{"fr", "Albanie", []string{"albania"}},
		{"fr", "republique de coree", []string{"korea"}},
		{"es", "Corea", []string{"korea"}},
		// The language's everyday name (CLDR's), where the site writes the
		// United Nations' short name: found, never shown.
		{"fr", "Corée du Sud", []string{"korea"}},
		{"es", "Corea del Sur", []string{"korea"}},
	} {
		ix := decodeLanguage(t, files[searchindex.PathOf(tc.lang, "en")])
		if got := ix.partiesFound(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q finds %q, want %q", tc.lang, tc.q, got, tc.want)
		}
	}
	// A meeting by the month it was held in, named in the language as its
	// page writes the day (the fixture's 7th: 27 March to 7 April 2017; its
	// 6th: 24 March to 4 April 2014).
	for _, tc := range []struct {
		lang, q string
		want    []string
	}{
		{"fr", "mars 2017", []string{"rm07"}},
		{"fr", "avril 2017", []string{"rm07"}},
		{"es", "abril de 2017", []string{"rm07"}},
		{"ru", "марта 2017", []string{"rm07"}},
		{"ru", "апреля 2014", []string{"rm06"}},
		{"ar", "مارس 2017", []string{"rm07"}},
		{"zh", "2017年4月", []string{"rm07"}},
		{"en", "mars 2017", nil}, // English words only in English
		{"fr", "March 2017", []string{"rm07"}},
	} {
		ix := decodeLanguage(t, files[searchindex.PathOf(tc.lang, "en")])
		if got := ix.meetingsFound(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q finds the meetings %q, want %q", tc.lang, tc.q, got, tc.want)
		}
	}
}

// The rules of each script, on both sides of the index: Go's here, the
// script's in the browser (TestSearchInEveryLanguage checks they agree).
func TestFoldingOfEachScript(t *testing.T) {
	for _, tc := range []struct {
		lang, in string
		want     []string
	}{
		// Cyrillic: ё and е meet, й and и, case.
		{"ru", "Ёлка ЁЖ", []string{"елка", "еж"}},
		{"ru", "Китай", []string{"китаи"}},
		// Arabic: harakat and the superscript alef removed; tatweel;
		// alef with hamza or madda, alef wasla; alef maqsura; teh marbuta;
		// hamza on waw and yeh; digits; a presentation form.
		{"ar", "أَلْبَانِيَا", []string{"البانيا"}},
		{"ar", "هٰذا", []string{"هذا"}},
		{"ar", "ألبـــانيا", []string{"البانيا"}},
		{"ar", "إآٱأ", []string{"اااا"}},
		{"ar", "مصطفى", []string{"مصطفي"}},
		{"ar", "جمهورية", []string{"جمهوريه"}},
		{"ar", "مؤتمر رئيس", []string{"موتمر", "رييس"}},
		{"ar", "٢٠١٧ ۲۰۱۷", []string{"2017", "2017"}},
		{"ar", "ﻻ", []string{"لا"}},
		{"ar", "کوریا", []string{"كوريا"}},
		// Chinese: pairs of Han letters, a single one whole, other
		// letters as words, full-width letters and digits as plain ones.
		{"zh", "阿尔巴尼亚", []string{"阿尔", "尔巴", "巴尼", "尼亚"}},
		{"zh", "第7次审议会议", []string{"第", "7", "次审", "审议", "议会", "会议"}},
		{"zh", "CNS第７次", []string{"cns", "第", "7", "次"}},
		{"zh", "法国、中国", []string{"法国", "中国"}},
		{"zh", "ＣＮＳ／２０１７", []string{"cns", "2017"}},
		// English rules for English words, in every language.
		{"ru", "Regulators ageing", []string{"regulators", "ageing"}},
	} {
		sp := searchindex.SpellingOf(tc.lang)
		if got := sp.Words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Words(%q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
	ar := searchindex.SpellingOf("ar")
	for in, want := range map[string][]string{
		"الجزائر": {"الجزاير", "جزاير"}, // hamza on yeh as yeh
		"والصين":  {"والصين", "صين"},
		"للطاقة":  {"للطاقه", "طاقه"},
		"الم":     {"الم"}, // too little left
		"البانيا": {"البانيا", "بانيا"},
		"صين":     {"صين"},
	} {
		var got []string
		for _, w := range ar.Words(in) {
			got = append(got, ar.Forms(ar.Term(w))...)
		}
		if !slices.Equal(got, want) {
			t.Errorf("ar: forms of %q = %q, want %q", in, got, want)
		}
	}
	for _, lang := range []string{"en", "fr", "es", "ru", "zh"} {
		if got := searchindex.SpellingOf(lang).Forms("الجزائر"); len(got) != 1 {
			t.Errorf("%s cuts the Arabic article: %q", lang, got)
		}
	}
	// English words keep English's terms in every language.
	for _, lang := range siteLanguages {
		sp := searchindex.SpellingOf(lang)
		for _, w := range []string{"regulators", "ageing", "organisation", "behaviours"} {
			if sp.Term(w) != searchindex.Term(w) {
				t.Errorf("%s: Term(%q) = %q, English %q", lang, w, sp.Term(w), searchindex.Term(w))
			}
		}
	}
}

// English's rules (variants, stems, endings) are written in Latin letters
// alone, so they change no word of another script: a Russian, Arabic or
// Chinese word keeps its letters in every language's index.
func TestEnglishRulesChangeOnlyLatin(t *testing.T) {
	latin := func(s string) bool {
		for _, r := range s {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
		}
		return true
	}
	sp := searchindex.English
	var strs []string
	for k, v := range sp.Variants {
		strs = append(strs, k, v)
	}
	for _, st := range sp.Steps {
		strs = append(strs, st.Stems...)
		strs = append(strs, st.Ends...)
		strs = append(strs, st.Except...)
		for _, e := range st.Endings {
			strs = append(strs, e[0], e[1])
		}
		if st.From != "" || st.To != "" {
			strs = append(strs, st.From, st.To)
		}
	}
	for _, s := range strs {
		if s != "" && !latin(s) {
			t.Errorf("English's rules hold %q, which is not Latin", s)
		}
	}
	for _, lang := range siteLanguages {
		sp := searchindex.SpellingOf(lang)
		for _, w := range []string{"доклады", "вопросы", "стран", "تقارير", "الدول", "国家报告"} {
			if lang == "ru" && unicode.Is(unicode.Cyrillic, []rune(w)[0]) {
				continue // Russian's own endings (TestRussianEndings)
			}
			if lang == "ar" && unicode.Is(unicode.Arabic, []rune(w)[0]) {
				continue // Arabic's own plurals (TestArabicPluralsMeetTheirSingulars)
			}
			for _, word := range sp.Words(w) {
				if got := sp.Term(word); got != word {
					t.Errorf("%s: Term(%q) = %q; English's rules changed a word of another script", lang, word, got)
				}
			}
		}
	}
}

// The rules are well formed: a form the client knows, scripts Unicode
// names, letters one character each, and no prefix hidden behind a
// shorter one listed before it (only the first a word begins with counts).
func TestSpellingsAreWellFormed(t *testing.T) {
	for _, lang := range siteLanguages {
		sp := searchindex.SpellingOf(lang)
		if sp.Form != "" && sp.Form != "NFKD" {
			t.Errorf("%s: form %q", lang, sp.Form)
		}
		for _, s := range sp.Bigrams {
			if unicode.Scripts[s] == nil {
				t.Errorf("%s: %q is not a Unicode script", lang, s)
			}
		}
		for k := range sp.Letters {
			if len([]rune(k)) != 1 {
				t.Errorf("%s: letter %q is not one character", lang, k)
			}
		}
		for i, p := range sp.Prefixes {
			for _, q := range sp.Prefixes[:i] {
				if strings.HasPrefix(p, q) {
					t.Errorf("%s: prefix %q comes after %q, so is never cut", lang, p, q)
				}
			}
		}
		if len(sp.Prefixes) > 0 && sp.PrefixMin < 1 {
			t.Errorf("%s: prefixes, and no letters need be left", lang)
		}
		// Endings are written as folding leaves them ("ией" as "иеи"),
		// and none comes after a shorter one it ends with, which a word
		// would meet first.
		for _, st := range sp.Steps {
			for i, e := range st.Endings {
				if f := sp.Fold(e[0]); f != e[0] {
					t.Errorf("%s: ending %q folds to %q, so no word ends with it", lang, e[0], f)
				}
				for _, before := range st.Endings[:i] {
					if strings.HasSuffix(e[0], before[0]) {
						t.Errorf("%s: ending %q comes after %q, so is never removed", lang, e[0], before[0])
					}
				}
			}
		}
	}
}

// A leak in any language's index fails the build's audit, which names the
// file: the audit reads every index the build writes.
func TestAuditReadsEveryLanguagesIndex(t *testing.T) {
	m, c := generated(t, 60, 11)
	at := m.From.Add(m.To.Sub(m.From) / 2)
	v := viewIn(t, c, at, siteLanguages)
	files, err := searchindex.Files(v)
	if err != nil {
		t.Fatal(err)
	}
	var secret string
	for _, d := range m.Docs {
		if st := v.Input().Decisions[d.ID].State; st != publication.Public && st != publication.Withdrawn && !d.NotSubmitted {
			secret = d.Secrets[0] // its summary
			break
		}
	}
	if secret == "" {
		t.Fatal("no document that is not public: the test proves nothing")
	}
	for _, lang := range siteLanguages {
		dir := t.TempDir()
		for name, b := range files {
			if name == searchindex.PathOf(lang, "en") {
				// The summary of a document that is not public, as a broken
				// index would hold it.
				b = []byte(strings.Replace(string(b), `"docs":[`, `"docs":[[0,0,0,0,"","","",`+jsonString(secret)+`],`, 1))
			}
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, err := audit.NewStream(audit.Collect(c, v.Input().Decisions), audit.Options{}).Verify(dir)
		if err == nil || !strings.Contains(err.Error(), searchindex.PathOf(lang, "en")) {
			t.Errorf("%s: a leak in %s: the audit says %v", lang, searchindex.PathOf(lang, "en"), err)
		}
	}
}

func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSpace(b.String())
}

func mapKeys[M ~map[string]V, V any](m M) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// An index of another language carries the days each meeting was held
// (meeting_days), which the script writes in the page's language as the
// meeting's pages do (meetingdates.html): both days when both are known,
// the opening day alone when the catalog has no held: wording, else none
// (the English wording is shown then). The English index carries none.
func TestIndexOfAnotherLanguageCarriesMeetingDays(t *testing.T) {
	c := fixtureCatalog(t)
	// The fixture's three meetings: both days; the opening alone; the
	// opening and a held: wording, which pages write in its place.
	c.Meetings[1].Adjournment = catalog.Date{}
	c.Meetings[2].Adjournment, c.Meetings[2].Held = catalog.Date{}, "from 20 March 2023"
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	files, err := searchindex.Files(viewIn(t, c, at, siteLanguages))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"2014-03-24", "2014-04-04"}, {"2017-03-27"}, {}}
	for _, lang := range siteLanguages {
		var ix struct {
			Meetings    [][5]string `json:"meetings"`
			MeetingDays [][]string  `json:"meeting_days"`
		}
		if err := json.Unmarshal(files[searchindex.PathOf(lang, "en")], &ix); err != nil {
			t.Fatal(err)
		}
		if lang == "en" {
			if ix.MeetingDays != nil {
				t.Errorf("en: meeting_days %q, want none", ix.MeetingDays)
			}
			continue
		}
		if fmt.Sprint(ix.MeetingDays) != fmt.Sprint(want) || len(ix.MeetingDays) != len(ix.Meetings) {
			t.Errorf("%s: meeting_days %q, want %q", lang, ix.MeetingDays, want)
		}
		// The English wording stays, searched and shown where there are
		// no days.
		if got := ix.Meetings[2][2]; got != "from 20 March 2023" {
			t.Errorf("%s: the third meeting is held %q, want the catalog's wording", lang, got)
		}
	}
}

// Chinese readers who type Traditional characters find the parties by
// their names in CLDR's zh-Hant, which the zh index holds as terms but
// never shows: no party's name or other names is one of them.
func TestChineseIndexFindsTraditionalNamesWithoutShowingThem(t *testing.T) {
	c := fixtureCatalog(t)
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	files, err := searchindex.Files(viewIn(t, c, at, siteLanguages))
	if err != nil {
		t.Fatal(err)
	}
	ix := decodeLanguage(t, files[searchindex.PathOf("zh", "en")])
	if got := ix.partiesFound("阿爾巴尼亞"); !slices.Equal(got, []string{"albania"}) {
		t.Errorf("阿爾巴尼亞 finds %q, want Albania", got)
	}
	if !ix.searchedOnly("albania", "阿爾巴尼亞") {
		t.Error("the zh index writes the Traditional name other than as a name Albania is only searched by")
	}
	for _, lang := range siteLanguages {
		if lang == "zh" {
			continue
		}
		ix := decodeLanguage(t, files[searchindex.PathOf(lang, "en")])
		if slices.ContainsFunc(ix.Terms, func(term string) bool { return strings.Contains(term, "爾") }) {
			t.Errorf("%s: the index holds Traditional names", lang)
		}
	}
}

// Russian's light ending removal: the case and number forms of a noun or
// adjective meet ("Албании", "Албанией", "Албанию" find "Албания";
// "докладов", "доклады" find "доклад"), an ending is removed only when four
// letters or more are left (so "Чили" and "Перу" stay whole, and "Китая"
// loses "я", not "ая"), and no other language's spelling removes them.
func TestRussianEndings(t *testing.T) {
	ru := searchindex.SpellingOf("ru")
	term := func(sp *searchindex.Spelling, s string) []string {
		var out []string
		for _, w := range sp.Words(s) {
			out = append(out, sp.Term(w))
		}
		return out
	}
	for in, want := range map[string]string{
		"Албания Албании Албанией Албанию":           "албан албан албан албан",
		"доклад доклады докладов докладами докладах": "доклад доклад доклад доклад доклад",
		"Китай Китая Китаем":                         "кита кита кита",
		"Корея Кореи Корее":                          "коре коре коре",
		"Российская Федерация Российской Федерации":  "россииск федерац россииск федерац",
		"национальный национального национальные":    "национальн национальн национальн",
		"безопасность безопасности безопасностью":    "безопасност безопасност безопасност",
		// Short words keep their letters: fewer than four would be left.
		"Чили Перу Куба Мали Оман": "чили перу куба мали оман",
		// English words keep English's terms.
		"regulators ageing": "regulator aging",
	} {
		if got := strings.Join(term(ru, in), " "); got != want {
			t.Errorf("ru: terms of %q = %q, want %q", in, got, want)
		}
	}
	for _, lang := range siteLanguages {
		if lang == "ru" {
			continue
		}
		if got := strings.Join(term(searchindex.SpellingOf(lang), "Албании докладов"), " "); got != "албании докладов" {
			t.Errorf("%s removes Russian endings: %q", lang, got)
		}
	}
	// The Russian index finds Albania by its name's other forms, and the
	// short names whole.
	c := fixtureCatalog(t)
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	files, err := searchindex.Files(viewIn(t, c, at, siteLanguages))
	if err != nil {
		t.Fatal(err)
	}
	ix := decodeLanguage(t, files[searchindex.PathOf("ru", "en")])
	for q, want := range map[string][]string{
		"Албании": {"albania"}, "Албанией": {"albania"}, "Албанию": {"albania"}, "албан": {"albania"},
		"Китая": {"china"}, "Франции": {"france"}, "Нидерландов": {"netherlands"}, "Чили": {"chile"},
	} {
		if got := ix.partiesFound(q); !slices.Equal(got, want) {
			t.Errorf("ru: %q finds %q, want %q", q, got, want)
		}
	}
}

// A document is found by the year it became (or becomes) public, which its
// result shows: its record holds the year's term; a document with no such
// day holds none.
func TestDocumentFoundByItsYear(t *testing.T) {
	c := fixtureCatalog(t)
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	ix := decodeLanguage(t, indexBytes(t, view(t, c, at)))
	base := len(ix.Meetings) + len(ix.Parties) + len(ix.Kinds)
	dated, undated := 0, 0
	for i, d := range ix.Docs {
		from := ""
		if len(d) > 4 {
			from, _ = d[4].(string)
		}
		terms := ix.recordTerms[base+i][searchindex.FieldOther]
		if from == "" {
			for _, term := range terms {
				if len(term) == 4 && strings.HasPrefix(term, "20") {
					t.Errorf("document %d, with no public day, holds the year %s", i, term)
				}
			}
			undated++
			continue
		}
		if !ix.finds(base+i, from[:4]) {
			t.Errorf("document %d (public from %s) is not found by its year; terms %q", i, from, terms)
		}
		dated++
	}
	if dated == 0 || undated == 0 {
		t.Errorf("%d documents with a public day, %d without: the fixture tests neither case", dated, undated)
	}
}

// Spanish plurals meet their singulars: "informes nacionales" and
// "reuniones de examen", as the site's own menus write them, find the kind
// and the meetings their singulars name.
func TestSpanishPluralsMeetTheirSingulars(t *testing.T) {
	sp := searchindex.SpellingOf("es")
	for plural, singular := range map[string]string{
		"informes": "informe", "nacionales": "nacional", "reuniones": "reunión", "ciudades": "ciudad", "Contratantes": "Contratante",
		// and the words for a review: a reader's review found «reunión de
		// revisión», as regulators write it, finding no meeting.
		"exámenes": "examen", "revisión": "examen", "revisiones": "examen",
	} {
		if p, s := sp.Term(sp.Words(plural)[0]), sp.Term(sp.Words(singular)[0]); p != s {
			t.Errorf("es: %q is %q, %q is %q; want one term", plural, p, singular, s)
		}
	}
	if en := searchindex.SpellingOf("en"); en.Term("nacionales") == sp.Term("nacionales") {
		t.Error("the English index's terms changed with Spanish's")
	}
}

// Arabic plurals meet their singulars, with the article or without, and a
// word being typed still finds the word of the text (Typed): the terms
// the index holds for each word of the text include the query's term.
func TestArabicPluralsMeetTheirSingulars(t *testing.T) {
	sp := searchindex.SpellingOf("ar")
	found := func(text, query string) bool {
		qs := sp.Words(query)
		for _, q := range qs {
			ok := false
			for _, w := range sp.Words(text) {
				for _, f := range sp.IndexForms(w) {
					if strings.HasPrefix(f, sp.Term(q)) {
						ok = true
					}
				}
			}
			if !ok {
				return false
			}
		}
		return len(qs) > 0
	}
	for _, tc := range []struct {
		text, query string
		want        bool
	}{
		{"التقرير الوطني", "تقارير وطنية", true},
		{"التقرير الوطني", "التقارير الوطنية", true},
		{"التقرير الموجز", "تقرير", true},
		{"اجتماعات الاستعراض", "اجتماع", true},
		{"اجتماع الاستعراض السابع", "اجتماعات", true},
		{"الاجتماعات", "الاجتماع", true},
		{"الأسئلة والأجوبة", "سؤال", true},
		{"الأسئلة والأجوبة", "أسئلة", true},
		{"الأسئلة والأجوبة", "الأسئ", true}, // typed, not yet whole
		{"الأسئلة والأجوبة", "جواب", true},
		{"الأطراف المتعاقدة", "طرف متعاقد", true},
		{"الطرف المتعاقد", "الأطراف", true},
		{"الاتفاقية", "اتفاقيات", true},
		{"الوثائق", "وثيقة", true},
		{"الصين", "صين", true}, // not cut as a plural in "ين"
		{"الصين", "الص", true},
		{"التقرير الوطني", "أسئلة", false},
		{"البلدان", "بلد", true},
		{"بلد", "بلدان", true},
	} {
		if got := found(tc.text, tc.query); got != tc.want {
			t.Errorf("%q found by %q: %v, want %v", tc.text, tc.query, got, tc.want)
		}
	}
	// A plural is its singular's term on both sides, with any prefix.
	for _, tc := range [][2]string{{"تقارير", "تقرير"}, {"والتقارير", "والتقرير"}, {"للدول", "للدوله"}, {"اجتماعات", "اجتماع"}, {"الوطنية", "الوطني"}} {
		if got := sp.Term(sp.Fold(tc[0])); got != tc[1] {
			t.Errorf("Term(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
	// The other languages hold a word's term alone.
	for _, lang := range []string{"en", "fr", "es", "ru", "zh"} {
		sp := searchindex.SpellingOf(lang)
		if got := sp.IndexForms("reports"); !slices.Equal(got, []string{"report"}) {
			t.Errorf("%s: IndexForms(%q) = %q", lang, "reports", got)
		}
	}
}

// French plurals in -aux meet their singulars in -al, both sides alike:
// "rapports nationaux" finds "Rapport national".
func TestFrenchPluralsInAuxMeetTheirSingulars(t *testing.T) {
	fr := searchindex.SpellingOf("fr")
	for plural, singular := range map[string]string{"nationaux": "national", "rapports": "rapport", "internationaux": "international"} {
		if a, b := fr.Term(plural), fr.Term(singular); a != b {
			t.Errorf("fr: Term(%q) = %q, Term(%q) = %q", plural, a, singular, b)
		}
	}
	if en := searchindex.SpellingOf("en"); en.Term("nationaux") == en.Term("national") {
		t.Error("the English index's terms changed with French's")
	}
}

// A number and its ordinal letters are one word, so that "7.ª" and "7-е"
// find the 7th meeting and not every word that begins with their letters;
// a date or a symbol keeps its parts. The ordinal indicator is the letter
// a reader types for it: "7a reunión" finds «7.ª reunión» (a reader's
// review found nothing).
func TestOrdinalsAreOneWord(t *testing.T) {
	for _, tc := range []struct {
		lang, in string
		want     []string
	}{
		{"es", "7.ª reunión", []string{"7a", "reunion"}},
		{"es", "7a reunión", []string{"7a", "reunion"}},
		{"es", "1.º", []string{"1o"}},
		{"ru", "7-е совещание, 8-го", []string{"7е", "совещание", "8го"}},
		{"en", "2017-05-01", []string{"2017", "05", "01"}},
		{"en", "CNS/7RM/2017/08", []string{"cns", "7rm", "2017", "08"}},
		{"en", "8-abc", []string{"8", "abc"}},
	} {
		if got := searchindex.SpellingOf(tc.lang).Words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Words(%q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

// A party's search_names of a language find it in that language's index,
// and no other language's, and are never written out (only their terms):
// "США" on the Russian search page.
func TestSearchNamesFindThePartyInTheirLanguageOnly(t *testing.T) {
	c := fixtureCatalog(t)
	p, ok := c.Party("albania")
	if !ok {
		t.Fatal("the fixture has no Albania")
	}
	p.SearchNames = map[string][]string{"ru": {"Шкиперия"}, "fr": {"Shqipëria"}}
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	files, err := searchindex.Files(viewIn(t, c, at, siteLanguages))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range siteLanguages {
		raw := files[searchindex.PathOf(lang, "en")]
		ix := decodeLanguage(t, raw)
		for name, in := range map[string]string{"Шкиперия": "ru", "Shqipëria": "fr"} {
			got := ix.partiesFound(name)
			if want := lang == in; want != slices.Equal(got, []string{"albania"}) {
				t.Errorf("%s: %q finds %q; want Albania only in the %s index", lang, name, got, in)
			}
			if want := lang == in; want != ix.searchedOnly("albania", name) || !want && strings.Contains(string(raw), name) {
				t.Errorf("%s: the index writes the search name %q other than as a name Albania is only searched by in the %s index", lang, name, in)
			}
		}
	}
}

// A meeting's officers' countries find it in every language, by the
// language's name of the party too: "加拿大" as "Canada" finds the 7th
// meeting, whose President came from Canada.
func TestOfficersCountryFindsTheMeetingInEachLanguage(t *testing.T) {
	c := fixtureCatalog(t)
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	canada := &catalog.Party{ID: "canada", Name: "Canada", Type: "state", ISO: "CA"}
	c.Parties = append(c.Parties, canada)
	files, err := searchindex.Files(viewIn(t, c, at, siteLanguages))
	if err != nil {
		t.Fatal(err)
	}
	for lang, q := range map[string]string{"en": "Canada", "zh": "加拿大", "ru": "Канада", "fr": "Canada"} {
		ix := decodeLanguage(t, files[searchindex.PathOf(lang, "en")])
		if got := ix.meetingsFound(q); !slices.Contains(got, "rm07") {
			t.Errorf("%s: %q finds the meetings %q, not the 7th", lang, q, got)
		}
	}
}

// A meeting is found by its number in words, in the index's language and
// in English, as a reader types its title («седьмое совещание» for «7-е
// совещание…», a reader's review): the 7th meeting alone, and each form.
func TestMeetingFoundByItsNumberInWords(t *testing.T) {
	c := fixtureCatalog(t)
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	files, err := searchindex.Files(viewIn(t, c, at, siteLanguages))
	if err != nil {
		t.Fatal(err)
	}
	for lang, qs := range map[string][]string{
		"en": {"seventh"},
		"ru": {"седьмое", "седьмого", "seventh"},
		"fr": {"septième", "seventh"},
		"es": {"séptima", "séptimo", "seventh"},
	} {
		ix := decodeLanguage(t, files[searchindex.PathOf(lang, "en")])
		for _, q := range qs {
			if got := ix.meetingsFound(q); !slices.Equal(got, []string{"rm07"}) {
				t.Errorf("%s: %q finds the meetings %q, want the 7th alone", lang, q, got)
			}
		}
		// Its title with the number in words is one of its names.
		// (The fixture translates the 7th meeting's title into French.)
		want := []string{"seventh Review Meeting"}
		if lang == "fr" {
			want = append(want, "septième réunion d'examen")
		}
		if got := ix.MeetingSpoken[1]; !slices.Equal(got, want) {
			t.Errorf("%s: the 7th meeting's titles in words are %q, want %q", lang, got, want)
		}
		// The joint meeting by either of its numbers.
		if got := ix.meetingsFound(map[string]string{"en": "ninth", "ru": "девятое", "fr": "neuvième", "es": "novena"}[lang]); !slices.Equal(got, []string{"rm08-09"}) {
			t.Errorf("%s: the ninth finds the meetings %q, want the joint meeting", lang, got)
		}
	}
}

// A meeting's place finds the meeting, not its documents: it is in the
// meeting's text field, which is no document's context (search.js), so
// "Austria" is a country's and not every document of the meetings held in
// Vienna (a reader's review found Австрия finding all of them).
func TestMeetingPlaceIsItsText(t *testing.T) {
	c := fixtureCatalog(t)
	at := time.Date(2017, 7, 6, 0, 0, 0, 0, time.UTC)
	files, err := searchindex.Files(viewIn(t, c, at, siteLanguages))
	if err != nil {
		t.Fatal(err)
	}
	// The fixture translates the 7th meeting's place into French.
	for lang, place := range map[string]string{"en": "austria", "fr": "autriche", "ar": "austria"} {
		ix := decodeLanguage(t, files[searchindex.PathOf(lang, "en")])
		found := 0
		for i, term := range ix.Terms {
			if !strings.HasPrefix(term, place) {
				continue
			}
			at := 0
			for _, d := range ix.Postings[i] {
				at += d
				if rec, field := at>>2, at&3; rec < len(ix.Meetings) {
					found++
					if field != 2 {
						t.Errorf("%s: %q is field %d of meeting %v, want its text (2)", lang, term, field, ix.Meetings[rec][0])
					}
				}
			}
		}
		if found == 0 {
			t.Errorf("%s: no meeting is found by %q", lang, place)
		}
	}
}
