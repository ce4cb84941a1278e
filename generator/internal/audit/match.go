package audit

import (
	"bytes"
	"encoding/binary"
	"html"
	"strings"
)

// matcher finds many secrets in a text in one pass. A site of 50,000
// documents has some 10^5 secrets and 10^5 files: testing each secret in
// each file is quadratic, and an Aho–Corasick automaton over that many
// patterns costs gigabytes. Instead every secret is keyed by one eight-byte
// window of its lower-cased value, chosen so that few secrets share a key
// (secrets often share a prefix: "https://", "Title "): the scan slides an
// eight-byte window over the text, tests a bitset, and only on a hit looks
// the window up and compares the candidates where they would start.
// Secrets shorter than the window are few and tested one by one.
type matcher struct {
	secrets []Secret
	lower   [][]byte // each secret lower-cased
	offset  []int    // where its key window starts in it
	bits    []uint64
	byKey   map[uint64][]int32
	short   []int32
}

const (
	window   = 8
	bitsLog2 = 22 // 4 Mbit (512 KiB): a few hundred thousand keys leave it sparse
)

func newMatcher(secrets []Secret) *matcher {
	m := &matcher{secrets: secrets, bits: make([]uint64, 1<<bitsLog2/64), byKey: map[uint64][]int32{}}
	for i, s := range secrets {
		l := lowerASCII(nil, []byte(s.Value))
		m.lower = append(m.lower, l)
		m.offset = append(m.offset, 0)
		if len(l) < window {
			m.short = append(m.short, int32(i))
			continue
		}
		// The least shared of up to 32 windows spread over the value.
		best, bestN := 0, -1
		last := len(l) - window
		for j := 0; j < 32 && j <= last; j++ {
			o := last - j*last/31
			if last < 32 {
				o = last - j
			}
			n := len(m.byKey[binary.LittleEndian.Uint64(l[o:])])
			if bestN < 0 || n < bestN {
				best, bestN = o, n
			}
			if n == 0 {
				break
			}
		}
		k := binary.LittleEndian.Uint64(l[best:])
		m.offset[i] = best
		m.byKey[k] = append(m.byKey[k], int32(i))
		h := slot(k)
		m.bits[h>>6] |= 1 << (h & 63)
	}
	return m
}

func slot(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> (64 - bitsLog2) }

// scan calls found with the index of every secret whose lower-cased value
// occurs in text, which must be lower-cased already. A secret may be
// reported more than once.
func (m *matcher) scan(text []byte, found func(int)) {
	for _, i := range m.short {
		if bytes.Contains(text, m.lower[i]) {
			found(int(i))
		}
	}
	if len(text) < window || len(m.byKey) == 0 {
		return
	}
	k := binary.LittleEndian.Uint64(text)
	for i := 0; ; i++ {
		h := slot(k)
		if m.bits[h>>6]&(1<<(h&63)) != 0 {
			for _, c := range m.byKey[k] {
				if start := i - m.offset[c]; start >= 0 && bytes.HasPrefix(text[start:], m.lower[c]) {
					found(int(c))
				}
			}
		}
		if i+window >= len(text) {
			return
		}
		k = k>>8 | uint64(text[i+window])<<56
	}
}

// caseSensitive reports whether a secret must match in its own case: words
// of a title, summary or text in another case are other words; addresses,
// file names and checksums are the same whatever their case.
func caseSensitive(s Secret) bool {
	return s.What == "title" || s.What == "summary" || s.What == "text"
}

// findings lists the secrets in one file's bytes. buf is scratch space
// the caller may reuse between calls; the grown buffer is returned.
func (m *matcher) findings(name string, b []byte, buf []byte) ([]Finding, []byte) {
	if len(m.secrets) == 0 {
		return nil, buf
	}
	variants := [][]byte{b}
	if bytes.IndexByte(b, '&') >= 0 || bytes.IndexByte(b, '\\') >= 0 {
		variants = append(variants, []byte(unescape(string(b))))
	}
	seen := map[int]bool{}
	var out []Finding
	for _, v := range variants {
		buf = lowerASCII(buf[:0], v)
		m.scan(buf, func(i int) {
			if seen[i] {
				return
			}
			s := m.secrets[i]
			if caseSensitive(s) && !containsExact(variants, s.Value) {
				return
			}
			seen[i] = true
			out = append(out, Finding{name, s})
		})
	}
	return out, buf
}

// lowerASCII appends src to dst with ASCII letters lower-cased. Addresses,
// file names and checksums, the secrets matched whatever their case, are
// ASCII; other letters are left as they are, in secrets and text alike.
func lowerASCII(dst, src []byte) []byte {
	n := len(dst)
	dst = append(dst, src...)
	for i := n; i < len(dst); i++ {
		if c := dst[i]; 'A' <= c && c <= 'Z' {
			dst[i] = c + 'a' - 'A'
		}
	}
	return dst
}

func containsExact(variants [][]byte, v string) bool {
	for _, b := range variants {
		if bytes.Contains(b, []byte(v)) {
			return true
		}
	}
	return false
}

// unescape undoes JSON's and HTML's escapes, so that a secret written
// "A \u0026 B" or "A &amp; B" is found as "A & B".
func unescape(s string) string {
	if strings.IndexByte(s, '\\') >= 0 {
		s = jsonEscapes.Replace(s)
	}
	return html.UnescapeString(s)
}
