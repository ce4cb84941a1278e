package searchindex

import "strings"

// Search forgives spelling: the index holds, and the client looks up, each
// folded word as a term that British and American spellings and the plural
// and singular share ("ageing" and "aging", "organisation" and
// "organization", "regulators" and "regulator").
//
// The rules are here and, written again, in assets/js/search.js; the word
// list (Variants) is written into the index, so the client reads the same
// list. TestSearchScriptKeepsTheIndexContract checks that the two sides
// give every sample the same term.

// Variants are spellings that no rule below turns into one another, each
// to the one both sides use.
var Variants = map[string]string{
	"ageing": "aging", "licence": "license", "licences": "license", "defence": "defense",
	"programme": "program", "programmes": "program", "centre": "center", "centres": "center",
	"fulfil": "fulfill", "fulfilment": "fulfillment", "judgement": "judgment", "catalogue": "catalog",
	"analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing", "practise": "practice",
	"modelling": "modeling", "labelled": "labeled", "travelled": "traveled", "enrol": "enroll",
	"grey": "gray", "sceptical": "skeptical", "manoeuvre": "maneuver",
}

// izeStems are verbs spelt -ise in British English and -ize in American.
var izeStems = []string{
	"organ", "recogn", "priorit", "emphas", "minim", "maxim", "optim", "harmon", "standard",
	"author", "real", "util", "summar", "character", "final", "modern", "special", "categor",
	"mobil", "stabil", "central", "normal", "legal", "formal", "institutional", "internal",
	"capital", "critic", "symbol", "visual", "apolog", "familiar", "sensit", "synchron",
}

// ourExceptions end in -our and are no British spelling of an -or word.
var ourExceptions = map[string]bool{"contour": true, "detour": true, "devour": true, "paramour": true, "troubadour": true}

// pluralExceptions end in s and are no plural.
var pluralExceptions = map[string]bool{"series": true, "species": true, "always": true, "whereas": true, "perhaps": true, "towards": true, "various": true, "nucleus": true}

// Term is the index term of a folded word: its variant spelling, its -ize
// and -or spellings, and its singular.
func Term(w string) string {
	if v, ok := Variants[w]; ok {
		return v
	}
	for _, stem := range izeStems {
		rest, ok := strings.CutPrefix(w, stem+"is")
		if !ok {
			continue
		}
		switch rest {
		case "e", "ed", "es", "ing", "ation", "ations", "er", "ers":
			w = stem + "iz" + rest
		}
		break
	}
	if len(w) >= 6 && !ourExceptions[strings.TrimSuffix(w, "s")] {
		if base, ok := strings.CutSuffix(w, "ours"); ok {
			w = base + "ors"
		} else if base, ok := strings.CutSuffix(w, "our"); ok {
			w = base + "or"
		}
	}
	return singular(w)
}

// singular drops a plural ending from words of five letters or more.
func singular(w string) string {
	if len(w) < 5 || pluralExceptions[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}
