package searchindex

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters that do not decompose into a base letter and a mark, spelt as a
// reader without the key would type them. The client (assets/js/search.js)
// holds the same table; TestSearchScriptKeepsTheIndexContract
// (browsertest) checks that the two fold alike.
var letters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d",
	'þ': "th", 'ł': "l", 'ı': "i", 'ħ': "h", 'ŋ': "n",
}

// Fold is how the index and the client compare words: lower case, accents
// and other marks removed ("Côte" and "COTE" are both "cote").
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.M, r) {
			continue
		}
		if x, ok := letters[r]; ok {
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
