package audit

import (
	"html"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// LooseFinder looks for secrets in the catalog's own words (its sources,
// notes and reasons, which a webmaster types or pastes in), written in
// another way than the document has them: another case, Unicode form,
// accents, quotes or punctuation, with Markdown or HTML entities, with
// zero-width or direction marks (Loose), or an address in another form
// (http for https, without www., with %20 written as a space: LooseAddress,
// which keeps the address's punctuation). The audit of a site searches its
// files as written; such a variant would pass it. The catalog's words are
// few, so they are searched again here, loosely, before anything is built.
type LooseFinder struct {
	words, addresses *matcher
}

// NewLooseFinder makes a LooseFinder of the secrets' strings, each in its
// loose form, but for those whose loose form is the loose form of a public
// document's value (its title written in another case) or is too short to
// be told from ordinary words. Unlike the audit, it does not excuse a
// secret that is a party's, meeting's or kind's name written another way:
// the words it searches are those names.
func NewLooseFinder(s Secrets) *LooseFinder {
	shown := map[string]bool{}
	for v := range s.shownDocs {
		shown[Loose(v)], shown[LooseAddress(v)] = true, true
	}
	var words, addresses []Secret
	seen := map[Secret]bool{}
	for _, sec := range s.Strings {
		form, list := Loose, &words
		if sec.What == "official URL" {
			form, list = LooseAddress, &addresses
		}
		l := Secret{sec.Doc, sec.What, form(sec.Value)}
		if needleWeight(l.Value) < minNeedle || shown[l.Value] || seen[l] {
			continue
		}
		seen[l] = true
		*list = append(*list, l)
	}
	return &LooseFinder{newMatcher(words), newMatcher(addresses)}
}

// Find is a secret text holds, loosely (its loose form holding the
// secret's), and whether there is one. Its Value is the loose form.
func (f *LooseFinder) Find(text string) (Secret, bool) {
	for _, m := range []struct {
		m    *matcher
		form func(string) string
	}{{f.words, Loose}, {f.addresses, LooseAddress}} {
		if out, _ := m.m.findings("", []byte(m.form(text)), nil); len(out) > 0 {
			return out[0].Secret, true
		}
	}
	return Secret{}, false
}

// LooseAddress is an address (or a text that may hold one) in the form
// LooseFinder compares addresses: %XX escapes and HTML entities decoded, in
// lower case, without "http://", "https://" and "www.", spaces folded. Its
// punctuation stays: ".../report/" is not ".../report-summary/".
func LooseAddress(s string) string {
	s = strings.ToLower(html.UnescapeString(percentDecode(s)))
	for _, cut := range []string{"https://", "http://", "www."} {
		s = strings.ReplaceAll(s, cut, "")
	}
	return strings.Join(strings.Fields(s), " ")
}

// Loose is s in the form LooseFinder compares: HTML entities and %XX
// escapes decoded, compatibility-decomposed (NFKD) without its accents and
// other combining marks, in lower case, without "http://", "https://" and
// "www.", and with every run of what is neither a letter nor a digit
// (spaces, punctuation, quotes, dashes, Markdown's asterisks, zero-width
// and direction marks) as one space. "*Informe Ibérico*-Décimo" and
// "informe iberico decimo" are one; so are an address and its http, www.
// or %20 forms.
func Loose(s string) string {
	s = norm.NFKD.String(html.UnescapeString(percentDecode(s)))
	s = strings.ToLower(s)
	for _, cut := range []string{"https://", "http://"} {
		s = strings.ReplaceAll(s, cut, " ")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r):
			continue // an accent, a zero-width or direction mark: nothing
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	s = " " + b.String() + " "
	s = strings.ReplaceAll(s, " www ", " ")
	return strings.TrimSpace(s)
}

// percentDecode decodes every %XX escape of s (an address's), leaving any
// other % as it is.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// needleWeight is how long a value counts for being searched at all: its
// characters, a Chinese, Japanese or Korean one counting two (a word of
// two of them says as much as a word of several letters).
func needleWeight(v string) int {
	n := 0
	for _, r := range v {
		n++
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			n++
		}
	}
	return n
}
