package searchindex

import (
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
}

// Step is one rewrite of a word; lengths count letters (Unicode code
// points), on both sides.
//
// A stem step (Stems set): a word that begins with one of Stems followed by
// From, and whose rest is one of Ends, gets To in place of From; only the
// first stem the word begins with counts.
//
// An ending step: a word of at least Min letters that is not one of Except
// takes, for the first of Endings it ends with, that ending's replacement.
type Step struct {
	Stems []string `json:"stems,omitempty"`
	From  string   `json:"from,omitempty"`
	To    string   `json:"to,omitempty"`
	Ends  []string `json:"ends,omitempty"`

	Min     int         `json:"min,omitempty"`
	Except  []string    `json:"except,omitempty"`
	Endings [][2]string `json:"endings,omitempty"`
}

// English is the spelling of the site's English text.
var English = Spelling{
	Letters: map[string]string{
		"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d",
		"þ": "th", "ł": "l", "ı": "i", "ħ": "h", "ŋ": "n",
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
			rest, ok := strings.CutPrefix(w, stem+s.From)
			if !ok {
				continue
			}
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
		if base, ok := strings.CutSuffix(w, e[0]); ok {
			return base + e[1]
		}
	}
	return w
}
