package searchindex

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Search forgives spelling: the index holds, and the client looks up, each
// folded word as a term that British and American spellings and the plural
// and singular share ("ageing" and "aging", "organisation" and
// "organization", "regulators" and "regulator").
//
// The rules are data (Spelling), written into the index; Go (Term) and the
// script (assets/js/search.js) each implement only the mechanism that
// applies them, so a rule is written once. A language adds its own
// Spelling. TestSearchScriptKeepsTheIndexContract checks that the two
// mechanisms give every sample the same term.

// Spelling is how a language's words become index terms: the letters its
// folding spells out, whole words with another spelling, then each step in
// order.
type Spelling struct {
	// Letters are spelt as a reader without the key would type them, after
	// case and marks are removed (Fold).
	Letters map[string]string `json:"letters"`
	// Variants are whole words, each to the spelling both sides use; a
	// variant is final.
	Variants map[string]string `json:"variants"`
	Steps    []Step            `json:"steps"`

	// Form is the Unicode normalization that comes before marks are
	// removed: "" for NFD, or "NFKD", which also writes compatibility
	// characters as the plain ones: the full-width letters and digits of
	// an East Asian input method ("ＣＮＳ２０１７"), Arabic presentation
	// forms and ligatures ("ﻻ").
	Form string `json:"form,omitempty"`
	// Bigrams name scripts (Unicode script names, "Han") written without
	// spaces between words: each run of their letters is split into its
	// overlapping pairs of letters ("阿尔巴尼亚": "阿尔", "尔巴", "巴尼",
	// "尼亚"), a run of one letter kept whole, in the index and in the
	// query alike, so a name is found by any part of it and a query's
	// pairs must all be found.
	Bigrams []string `json:"bigrams,omitempty"`
	// Prefixes are words written joined to the next (the Arabic article
	// and the words it joins: "ال", "وال" …), longest first. The index
	// holds a term that begins with one of them, with at least PrefixMin
	// letters after it, both as it is and without the first it begins
	// with (Forms): "الجزائر" is found by "الجزائر", "الج" and "جزائر".
	// The script looks a query word up both as typed and without its
	// prefix, at less weight: "الاجتماع" finds "اجتماع" too, and what is
	// typed still ranks the word as written first.
	Prefixes  []string `json:"prefixes,omitempty"`
	PrefixMin int      `json:"prefix_min,omitempty"`
	// Typed: the index also holds each word as it is folded, before its
	// variant and steps, with its forms (IndexForms), so that a word being
	// typed finds the text's word before it is whole, though their terms
	// differ: "الأسئ" finds "الأسئلة", whose term is its singular's.
	Typed bool `json:"typed,omitempty"`
}

// Step is one rewrite of a word; lengths count letters (Unicode code
// points), on both sides.
//
// A stem step (Stems set): a word that begins with one of Stems followed by
// From, and whose rest is one of Ends, gets To in place of From; only the
// first stem the word begins with counts.
//
// An ending step: a word of at least Min letters that is not one of Except
// takes, for the first of Endings it ends with after at least StemMin
// letters, that ending's replacement (an ending that would leave fewer
// letters is passed over: "кореи" ends with "еи" after three letters, and
// with "и" after four).
type Step struct {
	Stems []string `json:"stems,omitempty"`
	From  string   `json:"from,omitempty"`
	To    string   `json:"to,omitempty"`
	Ends  []string `json:"ends,omitempty"`

	Min     int         `json:"min,omitempty"`
	Except  []string    `json:"except,omitempty"`
	Endings [][2]string `json:"endings,omitempty"`
	StemMin int         `json:"stem_min,omitempty"`
}

// English is the spelling of the site's English text.
var English = Spelling{
	Letters: map[string]string{
		"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d",
		"þ": "th", "ł": "l", "ı": "i", "ħ": "h", "ŋ": "n",
		// The ordinal indicators of Spanish "7.ª", "1.º" (and Portuguese,
		// Italian), which readers type as letters: "7a reunión".
		"ª": "a", "º": "o",
	},
	Variants: map[string]string{
		"ageing": "aging", "licence": "license", "licences": "license", "defence": "defense",
		"programme": "program", "programmes": "program", "centre": "center", "centres": "center",
		"fulfil": "fulfill", "fulfilment": "fulfillment", "judgement": "judgment", "catalogue": "catalog",
		"analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing", "practise": "practice",
		"modelling": "modeling", "labelled": "labeled", "travelled": "traveled", "enrol": "enroll",
		"grey": "gray", "sceptical": "skeptical", "manoeuvre": "maneuver",
	},
	Steps: []Step{
		// Verbs spelt -ise in British English and -ize in American.
		{
			Stems: []string{
				"organ", "recogn", "priorit", "emphas", "minim", "maxim", "optim", "harmon", "standard",
				"author", "real", "util", "summar", "character", "final", "modern", "special", "categor",
				"mobil", "stabil", "central", "normal", "legal", "formal", "institutional", "internal",
				"capital", "critic", "symbol", "visual", "apolog", "familiar", "sensit", "synchron",
			},
			From: "is", To: "iz",
			Ends: []string{"e", "ed", "es", "ing", "ation", "ations", "er", "ers"},
		},
		// -our for -or, but not in words where -our is no British spelling.
		{
			Min:     6,
			Except:  []string{"contour", "contours", "detour", "detours", "devour", "devours", "paramour", "paramours", "troubadour", "troubadours"},
			Endings: [][2]string{{"ours", "ors"}, {"our", "or"}},
		},
		// The singular of words of five letters or more.
		{
			Min:     5,
			Except:  []string{"series", "species", "always", "whereas", "perhaps", "towards", "various", "nucleus"},
			Endings: [][2]string{{"ies", "y"}, {"sses", "ss"}, {"ches", "ch"}, {"shes", "sh"}, {"xes", "x"}, {"ss", "ss"}, {"us", "us"}, {"is", "is"}, {"s", ""}},
		},
	},
}

// The spellings of the site's other languages. Each language's index holds
// the catalog's words, which are in English, beside the names in the
// language, so every spelling is English's with what the language's script
// needs. English's rules change Latin letters alone
// (TestEnglishRulesChangeOnlyLatin): a word of another script keeps its
// letters.
//
// French and Spanish names are in the Latin script, whose marks folding
// removes. In Russian's Cyrillic, NFD writes "ё" as "е" and a diaeresis,
// and "й" as "и" and a breve, and folding drops the marks, so "Ёлка" and
// "елка" meet, as do "й" and "и" (a reader who types one for the other
// still finds the word); and a light step removes the endings of nouns and
// adjectives (Russian).
var (
	// Arabic: NFKD and folding already drop the short vowels and other
	// harakat (U+064B–U+065F), the superscript alef (U+0670), and the
	// hamza and madda of "أ", "إ", "آ", "ؤ" and "ئ" (NFD writes each as its
	// bare letter and a mark), as a reader typing without them would; the
	// letters below are what no normalization joins. Teh marbuta is
	// written as heh, as most Arabic search does: the two are told apart
	// only by two dots, at the end of a word, and are often typed one for
	// the other; a word that differs from another only there is rare
	// among the names and titles searched here.
	Arabic = English.with(Spelling{
		Form: "NFKD",
		Letters: map[string]string{
			"ٱ": "ا", // alef wasla
			"ى": "ي", // alef maqsura: yeh without dots
			"ة": "ه", // teh marbuta
			"ـ": "",  // tatweel, which only lengthens a joined letter
			"ی": "ي", // Farsi yeh, typed on a Persian keyboard
			"ک": "ك", // keheh, likewise
			// Arabic-Indic and Persian digits, as digits.
			"٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
			"۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
		},
		// The article, alone and after "and", "with", "as", "so", and
		// after "for" (where its alef is not written).
		Prefixes:  []string{"وال", "بال", "كال", "فال", "لل", "ال"},
		PrefixMin: 2,
		// Plurals meet their singulars: the regular feminine plural in
		// "ات" ("اجتماعات", "اتفاقيات") loses it, and the adjective's
		// feminine "ية" (written "يه") becomes its masculine "ي", so that
		// "تقارير وطنية" finds "التقرير الوطني" and "اتفاقيات" "الاتفاقية"
		// (both "اتفاقي"). Three letters at least are left. The
		// masculine plurals in "ون" and "ين" are left alone: too many
		// names end so ("الصين"). The broken plurals of the words the site
		// searches are variants (arabicPlurals), and the index also holds
		// each word as typed.
		Steps: []Step{{StemMin: 3, Endings: [][2]string{{"ات", ""}, {"يه", "ي"}}}},
		Typed: true,
	})
	// Chinese: names and words are written without spaces, so Han is
	// searched by pairs of characters; NFKD writes full-width Latin
	// letters and digits as the plain ones.
	Chinese = English.with(Spelling{Form: "NFKD", Bigrams: []string{"Han"}})
	// Russian: the case and number endings of nouns and adjectives are
	// removed, so that "Албании", "Албанией" and "Албанию" meet
	// "Албания" (all "албан"), and "докладов" and "доклады" meet
	// "доклад". The endings are written folded ("ией" as "иеи", "ий" as
	// "ии"), each before the shorter ones it ends with (the first a word
	// ends with counts); an ending is removed only when four letters or
	// more are left, so short words ("Чили", "Перу") stay whole, and
	// "Китая" loses "я", not "ая".
	// Verbs' endings are left alone: names and titles are searched.
	// Endings are Cyrillic, so English words keep English's terms.
	Russian = English.with(Spelling{Steps: []Step{{
		StemMin: 4,
		Endings: endings(
			// Nouns in -ия and -ие, before the shorter endings they end with.
			"иями", "иях", "иям", "иеи", "ием", "ия", "ие", "ию", "ии",
			// Adjectives.
			"ого", "его", "ому", "ему", "ыми", "ими", "ыи", "ои", "еи", "ая", "яя", "ое", "ее", "ые", "ую", "юю", "ых", "их", "ым", "им",
			// Nouns.
			"ами", "ями", "ов", "ев", "ам", "ям", "ах", "ях", "ом", "ем", "ью", "ья", "ье",
			"а", "я", "о", "е", "ы", "и", "у", "ю", "ь",
		),
	}}})
)

// arabicPlurals are the broken plurals of the words the site's Arabic
// pages and their catalog search (kinds, states, parties, meetings), each
// with its singular: a reader may type either.
var arabicPlurals = map[string]string{
	"تقارير": "تقرير", // reports
	"أطراف":  "طرف",   // parties
	"وثائق":  "وثيقة", // documents
	"دول":    "دولة",  // States
	"بلدان":  "بلد",   // countries
	"أسئلة":  "سؤال",  // questions
	"أجوبة":  "جواب",  // answers
	"أفرقة":  "فريق",  // groups
	"مواعيد": "موعد",  // dates
	"نصوص":   "نص",    // texts
	"رؤساء":  "رئيس",  // presidents
	"نواب":   "نائب",  // vice-presidents
	"محاضر":  "محضر",  // records
	"أعضاء":  "عضو",   // members
}

func init() {
	Arabic.Variants = maps.Clone(Arabic.Variants)
	maps.Copy(Arabic.Variants, plurals(&Arabic, arabicPlurals))
}

// Spanish: after English's steps, which take the final "s" off a word
// of five letters or more, a plural in -es of a word ending in a
// consonant meets its singular: "reuniones" (now "reunione") and
// "reunión", "nacionales" and "nacional", "ciudades" and "ciudad", while
// "informes" already meets "informe". Both sides apply it, so a singular
// that looks like such a plural ("grande") only meets its own kin.
//
// Whole words: "exámenes" meets "examen", and "revisión", as regulators and
// the press write "Reunión de Revisión", meets the Convention's "examen"
// (so "revisión" also finds an English "Revision" of a title, as it did).
var Spanish = English.with(Spelling{
	Variants: map[string]string{"examenes": "examen", "revision": "examen", "revisiones": "examen"},
	Steps: []Step{{
		StemMin: 3,
		Endings: [][2]string{{"ione", "ion"}, {"ale", "al"}, {"ile", "il"}, {"ore", "or"}, {"ade", "ad"}},
	}},
})

// French: after English's steps, which take the final "s" off a word of
// five letters or more, a plural in -aux meets its singular in -al:
// "nationaux" and "national", "rapports nationaux" finding "rapport
// national". Both sides apply it, so a word in -aux whose singular is not
// in -al ("travaux") only meets its own kin.
var French = English.with(Spelling{Steps: []Step{{
	StemMin: 3,
	Endings: [][2]string{{"aux", "al"}},
}}})

// endings are the endings of a step, each replaced by nothing.
func endings(es ...string) [][2]string {
	out := make([][2]string, len(es))
	for i, e := range es {
		out[i] = [2]string{e, ""}
	}
	return out
}

// spellings are the spelling of each language's index by language code.
var spellings = map[string]*Spelling{"en": &English, "fr": &French, "es": &Spanish, "ru": &Russian, "ar": &Arabic, "zh": &Chinese}

// SpellingOf is the spelling of a language's index: English's for a
// language without rules of its own.
func SpellingOf(lang string) *Spelling {
	if sp, ok := spellings[lang]; ok {
		return sp
	}
	return &English
}

// with is sp and what extra adds: its letters and variants beside sp's,
// its steps after sp's, and its form, scripts written in pairs, prefixes
// and whether words are indexed as typed.
func (sp Spelling) with(extra Spelling) Spelling {
	out := sp
	out.Letters = maps.Clone(sp.Letters)
	maps.Copy(out.Letters, extra.Letters)
	out.Variants = maps.Clone(sp.Variants)
	maps.Copy(out.Variants, extra.Variants)
	out.Steps = append(slices.Clip(sp.Steps), extra.Steps...)
	out.Form, out.Bigrams, out.Prefixes, out.PrefixMin, out.Typed = extra.Form, extra.Bigrams, extra.Prefixes, extra.PrefixMin, extra.Typed
	return out
}

// IndexForms are the terms the index holds for a folded word w: the forms
// of its term, and under Typed the forms of w itself, each once.
func (sp *Spelling) IndexForms(w string) []string {
	out := sp.Forms(sp.Term(w))
	if sp.Typed {
		for _, f := range sp.Forms(w) {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// plurals are variants of a language's words, written as its texts write
// them (plural: singular), folded by sp and, where sp has prefixes, also
// after each prefix: "التقارير" and "تقارير" both become their singular.
func plurals(sp *Spelling, words map[string]string) map[string]string {
	out := make(map[string]string, len(words)*(1+len(sp.Prefixes)))
	for plural, singular := range words {
		p, s := sp.Fold(plural), sp.Fold(singular)
		out[p] = s
		for _, pre := range sp.Prefixes {
			out[pre+p] = pre + s
		}
	}
	return out
}

// Forms are the terms the index holds for a word's term t: t, and t
// without the first of Prefixes it begins with when at least PrefixMin
// letters are left.
func (sp *Spelling) Forms(t string) []string {
	for _, p := range sp.Prefixes {
		if rest, ok := strings.CutPrefix(t, p); ok {
			if utf8.RuneCountInString(rest) >= sp.PrefixMin {
				return []string{t, rest}
			}
			break
		}
	}
	return []string{t}
}

// Term is the index term of a folded word under the English spelling.
func Term(w string) string { return English.Term(w) }

// Term is the index term of a folded word: its variant spelling, else the
// word after each step.
func (sp *Spelling) Term(w string) string {
	if v, ok := sp.Variants[w]; ok {
		return v
	}
	for i := range sp.Steps {
		w = sp.Steps[i].apply(w)
	}
	return w
}

func (s *Step) apply(w string) string {
	if len(s.Stems) > 0 {
		for _, stem := range s.Stems {
			// w begins with stem+From (tested without joining them).
			if !strings.HasPrefix(w, stem) || !strings.HasPrefix(w[len(stem):], s.From) {
				continue
			}
			rest := w[len(stem)+len(s.From):]
			for _, end := range s.Ends {
				if rest == end {
					return stem + s.To + rest
				}
			}
			return w
		}
		return w
	}
	if utf8.RuneCountInString(w) < s.Min {
		return w
	}
	for _, x := range s.Except {
		if w == x {
			return w
		}
	}
	for _, e := range s.Endings {
		if base, ok := strings.CutSuffix(w, e[0]); ok && (s.StemMin == 0 || utf8.RuneCountInString(base) >= s.StemMin) {
			return base + e[1]
		}
	}
	return w
}
