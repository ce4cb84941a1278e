package searchindex

import (
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

// joinOrdinals drops the full stop or hyphen between a number and the one
// or two letters that make it an ordinal ("7.ª", "7-е", "8-го"), so that
// Words keeps them one word ("7ª", "7е") and "7.ª" finds the 7th meeting,
// not every word beginning with "a". The script does the same with a
// regular expression (ORDINAL: a number, "." or "-", one or two letters,
// then neither a letter nor a number); here a scan, as Words runs over
// every text the index holds and the expression doubled its time.
func joinOrdinals(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && c != '-' {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); !unicode.IsNumber(r) {
			continue
		}
		j, n := i+1, 0
		for j < len(s) && n < 3 {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j, n = j+size, n+1
		}
		if n == 0 || n > 2 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && unicode.IsNumber(r) {
			continue
		}
		b.WriteString(s[last:i])
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// Words splits text, folded, into the words the index holds: runs of
// letters and digits (a number and its ordinal letters as one), and in the
// scripts of Bigrams each pair of letters.
func (sp *Spelling) Words(s string) []string {
	runs := strings.FieldsFunc(joinOrdinals(sp.Fold(s)), func(r rune) bool {
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
