package searchindex

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold is how the index and the client compare words under the English
// spelling: lower case, accents and other marks removed ("Côte" and "COTE"
// are both "cote"), a few letters spelt out.
func Fold(s string) string { return English.Fold(s) }

// Fold is s in lower case, decomposed (Form), without marks, with the
// spelling's letters spelt out. The client does the same with the letters
// the index carries; TestSearchScriptKeepsTheIndexContract (browsertest)
// checks that the two fold alike.
func (sp *Spelling) Fold(s string) string {
	s = strings.ToLower(s)
	if sp.Form == "NFKD" {
		// A compatibility character may stand for a capital ("Ａ").
		s = strings.ToLower(norm.NFKD.String(s))
	} else {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.M, r) {
			continue
		}
		if x, ok := sp.Letters[string(r)]; ok {
			b.WriteString(x)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Words splits folded text into the words the index holds under the
// English spelling: runs of letters and digits. "Côte d'Ivoire" gives
// "cote", "d", "ivoire".
func Words(s string) []string { return English.Words(s) }

// ordinal is a number and the one or two letters that make it an ordinal,
// joined by a full stop or a hyphen ("7.ª", "7-е", "8-го"): Words keeps
// them one word ("7ª", "7е"), so that "7.ª" finds the 7th meeting and not
// every word beginning with "a".
var ordinal = regexp.MustCompile(`(\p{N})[.-](\p{L}{1,2})($|[^\p{L}\p{N}])`)

// Words splits text, folded, into the words the index holds: runs of
// letters and digits (a number and its ordinal letters as one), and in the
// scripts of Bigrams each pair of letters.
func (sp *Spelling) Words(s string) []string {
	runs := strings.FieldsFunc(ordinal.ReplaceAllString(sp.Fold(s), "$1$2$3"), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(sp.Bigrams) == 0 {
		return runs
	}
	paired := sp.pairedScripts()
	var out []string
	for _, run := range runs {
		out = appendPairs(out, run, paired)
	}
	return out
}

// pairedScripts are the tables of the scripts of Bigrams. An unknown name
// is a mistake in the rules, which TestSpellingsAreWellFormed catches.
func (sp *Spelling) pairedScripts() []*unicode.RangeTable {
	var out []*unicode.RangeTable
	for _, name := range sp.Bigrams {
		if t, ok := unicode.Scripts[name]; ok {
			out = append(out, t)
		}
	}
	return out
}

// appendPairs appends the words of a run of letters and digits: each part
// outside the paired scripts as one word, each part in them as its pairs
// of letters (a part of one letter as itself).
func appendPairs(out []string, run string, paired []*unicode.RangeTable) []string {
	start, inPaired := 0, false
	flush := func(end int) {
		part := run[start:end]
		if part == "" {
			return
		}
		if !inPaired || utf8.RuneCountInString(part) == 1 {
			out = append(out, part)
			return
		}
		for i, r := range part {
			j := i + utf8.RuneLen(r)
			if j >= len(part) {
				break
			}
			_, n := utf8.DecodeRuneInString(part[j:])
			out = append(out, part[i:j+n])
		}
	}
	for i, r := range run {
		p := unicode.IsOneOf(paired, r)
		if i > 0 && p != inPaired {
			flush(i)
			start = i
		}
		inPaired = p
	}
	flush(len(run))
	return out
}
