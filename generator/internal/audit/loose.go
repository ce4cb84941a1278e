package audit

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// LooseFinder looks for secrets in the catalog's own words (its sources,
// notes and reasons, which a webmaster types or pastes in), written in
// another way than the document has them: another case, Unicode form or
// quotes, with zero-width or direction marks, or an address in another
// form (http for https, without its scheme or www., with %20 written as a
// space, with or without a final slash). The audit of a site searches its
// files as written; such a variant would pass it. The catalog's words are
// few, so they are searched again here, loosely, before anything is built.
type LooseFinder struct {
	m *matcher
}

// NewLooseFinder makes a LooseFinder of the secrets' strings, each in its
// loose form, but for those whose loose form is the loose form of a value
// shown (a public document's title written in another case) or is too
// short to be told from ordinary words.
func NewLooseFinder(s Secrets) *LooseFinder {
	shown := map[string]bool{}
	for v := range s.shown {
		shown[Loose(v)] = true
	}
	var loose []Secret
	seen := map[Secret]bool{}
	for _, sec := range s.Strings {
		v := Loose(sec.Value)
		if sec.What == "official URL" {
			v = strings.TrimSuffix(v, "/")
		}
		l := Secret{sec.Doc, sec.What, v}
		if needleWeight(v) < minNeedle || shown[v] || seen[l] {
			continue
		}
		seen[l] = true
		loose = append(loose, l)
	}
	return &LooseFinder{newMatcher(loose)}
}

// Find is a secret text holds, loosely (its loose form holding the
// secret's), and whether there is one. Its Value is the loose form.
func (f *LooseFinder) Find(text string) (Secret, bool) {
	out, _ := f.m.findings("", []byte(Loose(text)), nil)
	if len(out) == 0 {
		return Secret{}, false
	}
	return out[0].Secret, true
}

// Loose is s in the form LooseFinder compares: compatibility-composed
// (NFKC), without zero-width, soft-hyphen or direction marks, with
// typographic quotes and dashes as plain ones, in lower case, spaces
// folded, %XX escapes decoded, and without "http://", "https://" and
// "www.".
func Loose(s string) string {
	s = norm.NFKC.String(percentDecode(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00ad' || r == '\ufeff' || r >= '\u200b' && r <= '\u200f' || r >= '\u202a' && r <= '\u202e' || r >= '\u2060' && r <= '\u2069':
			continue
		case strings.ContainsRune("‘’‚‛′ʼ`´", r):
			r = '\''
		case strings.ContainsRune("“”„‟″«»", r):
			r = '"'
		case strings.ContainsRune("‐‑‒–—―−", r):
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	s = b.String()
	for _, cut := range []string{"https://", "http://", "www."} {
		s = strings.ReplaceAll(s, cut, "")
	}
	return s
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
			if v, n := hex2(s[i+1:]); n {
				b.WriteByte(v)
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func hex2(s string) (byte, bool) {
	var v byte
	for _, c := range []byte(s[:2]) {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | (c - '0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | (c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | (c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return v, true
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
