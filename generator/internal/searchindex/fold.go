package searchindex

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold is how the index and the client compare words under the English
// spelling: lower case, accents and other marks removed ("Côte" and "COTE"
// are both "cote"), a few letters spelt out.
func Fold(s string) string { return English.Fold(s) }

// Fold is s in lower case, decomposed, without marks, with the spelling's
// letters spelt out. The client does the same with the letters the index
// carries; TestSearchScriptKeepsTheIndexContract (browsertest) checks that
// the two fold alike.
func (sp *Spelling) Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
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

// Words splits folded text into the words the index holds: runs of letters
// and digits. "Côte d'Ivoire" gives "cote", "d", "ivoire".
func Words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}
