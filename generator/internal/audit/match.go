package audit

import (
	"bytes"
	"encoding/binary"
	"html"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// matcher finds many secrets in a text in one pass. A site of 50,000
// documents has some 3×10^5 secrets and 5×10^4 files: testing each secret
// in each file is quadratic, and an Aho–Corasick automaton over that many
// patterns costs gigabytes (below).
//
// Instead every secret of at least eight bytes is keyed by `stride`
// consecutive eight-byte windows of its lower-cased value. Any place the
// secret occurs in a text then covers one text position that is a multiple
// of the stride, so the scan looks only at those: it reads the eight bytes
// there, lower-cases them in a register, tests a bitset, and only on a hit
// looks the key up and compares the candidates where they would start. The
// stride is the most the shortest such secret allows, up to eight. The
// windows of a secret are chosen where few other secrets have theirs
// (secrets often share a prefix: "https://", "Title "), so that a common
// run of text calls few candidates. Secrets shorter than a window are few
// and tested one by one.
//
// Why not an Aho–Corasick library (issue 23): BenchmarkMatcher
// (match_bench_test.go, with the libraries in ahocorasick_bench_test.go,
// tag acbench) measured it against them on 30 November 2026: the 309,525
// secrets (10.8 MiB) of cmd/bench's corpus of 50,000 documents as of
// 2020-01-01, over the 609 MiB of its site that the audit searches, each
// file searched by each matcher in turn in the same run, as findings does
// it (an automaton over the lower-cased secrets, the text lower-cased, the
// same escapes undone). Five runs on the shared 2-core machine (this
// matcher searched at 21.6 to 56.2 MB/s, as busy as the machine was); the
// search time is relative to this matcher's in the same run:
//
//	                                    build      live heap   search time
//	this matcher                        0.8–5.7 s  56 MiB      1
//	coregx/ahocorasick v0.3.1 (DFA)     40–75 s    1,697 MiB   0.96–1.27
//	petar-dambovaliev/aho-corasick NFA  18–33 s    628 MiB     2.97–3.65
//
// The fastest automaton searches no faster, takes 30 times the memory
// (the whole build is held under 2 GiB) and about as long to build as the
// rest of the 50,000-document build takes. petar-dambovaliev's DFA took
// 234 s and 2.8 GiB, and searched at a quarter of its NFA's speed (one
// run, on an 8 MiB sample).
// cloudflare/ahocorasick and BobuSumisu/aho-corasick keep a table of 256
// transitions a trie node (4 and 2 KiB): up to 44 and 22 GiB here; at
// 2,000 documents (6,991 secrets) they took 986 and 295 MiB against this
// matcher's 1.3 MiB and 1.4–1.9 times its search time (coregx 1.1–1.2,
// petar-dambovaliev 2.4–2.6). Each automaton finds what this matcher finds,
// overlapping and nested secrets included (TestAutomataFindWhatMatcherFinds;
// the benchmark checks the site and a text planted with secrets), so the
// choice is speed and memory alone, and this matcher stays.
type matcher struct {
	secrets []Secret
	lower   [][]byte // each secret lower-cased
	stride  int
	bits    []uint64
	log2    uint
	keys    []key // sorted by window
	short   []int32
	maxLen  int // of the longest secret, lower-cased
}

// key is one window of a secret: the eight bytes at offset in it.
type key struct {
	window uint64
	secret int32
	offset int32
}

const (
	window    = 8
	maxStride = 8
	// countLog2 sizes the table of approximate counts used to choose
	// windows few secrets share.
	countLog2 = 20
)

func newMatcher(secrets []Secret) *matcher {
	m := &matcher{secrets: secrets, stride: maxStride}
	for i, s := range secrets {
		l := lowerASCII(nil, []byte(s.Value))
		m.lower = append(m.lower, l)
		m.maxLen = max(m.maxLen, len(l))
		if len(l) < window {
			m.short = append(m.short, int32(i))
			continue
		}
		m.stride = min(m.stride, len(l)-window+1)
	}
	long := len(secrets) - len(m.short)
	// A bitset of about 32 bits a key leaves it sparse: few false hits.
	m.log2 = uint(max(16, bits.Len(uint(32*long*m.stride))))
	m.bits = make([]uint64, 1<<m.log2/64)
	m.keys = make([]key, 0, long*m.stride)
	counts := make([]uint16, 1<<countLog2)
	for i, l := range m.lower {
		if len(l) < window {
			continue
		}
		// The start, among up to 16 spread over the value, whose windows
		// other secrets have least.
		last := len(l) - window - m.stride + 1
		best, bestCost := 0, -1
		for j := 0; j < 16 && j <= last; j++ {
			o := last - j*last/15
			if last < 16 {
				o = last - j
			}
			cost := 0
			for d := range m.stride {
				cost += int(counts[slot(binary.LittleEndian.Uint64(l[o+d:]), countLog2)])
			}
			if bestCost < 0 || cost < bestCost {
				best, bestCost = o, cost
			}
			if cost == 0 {
				break
			}
		}
		for d := range m.stride {
			w := binary.LittleEndian.Uint64(l[best+d:])
			if c := &counts[slot(w, countLog2)]; *c < 1<<16-1 {
				*c++
			}
			m.keys = append(m.keys, key{w, int32(i), int32(best + d)})
			h := slot(w, m.log2)
			m.bits[h>>6] |= 1 << (h & 63)
		}
	}
	slices.SortFunc(m.keys, func(a, b key) int {
		if a.window != b.window {
			if a.window < b.window {
				return -1
			}
			return 1
		}
		return int(a.secret - b.secret)
	})
	return m
}

func slot(w uint64, log2 uint) uint64 { return (w * 0x9E3779B97F4A7C15) >> (64 - log2) }

// lower8 lower-cases the ASCII letters among eight bytes at once: a byte
// from 'A' to 'Z' gets 0x20 added, every other byte is left as it is.
func lower8(x uint64) uint64 {
	const ones = 0x0101010101010101
	seven := x & (0x7f * ones)
	atLeastA := seven + (0x80-'A')*ones
	aboveZ := seven + (0x80-'Z'-1)*ones
	upper := atLeastA &^ aboveZ &^ x & (0x80 * ones)
	return x | upper>>2
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasFoldedPrefix reports whether text starts with lower, ASCII letters of
// text compared lower-cased.
func hasFoldedPrefix(text, lower []byte) bool {
	if len(text) < len(lower) {
		return false
	}
	for i, c := range lower {
		if lowerByte(text[i]) != c {
			return false
		}
	}
	return true
}

// scanShort tests the secrets shorter than a window one by one.
func (m *matcher) scanShort(text []byte, buf []byte, found func(int)) []byte {
	if len(m.short) > 0 {
		buf = lowerASCII(buf[:0], text)
		for _, i := range m.short {
			if bytes.Contains(buf, m.lower[i]) {
				found(int(i))
			}
		}
	}
	return buf
}

// scanRange finds the secrets of a window or more that have a key window
// starting in text[lo:hi]: every such secret that occurs in text and
// overlaps text[lo+maxLen:hi-maxLen], among others.
func (m *matcher) scanRange(text []byte, lo, hi int, found func(int)) {
	if len(m.keys) == 0 {
		return
	}
	lo = max(0, lo+m.stride-1) / m.stride * m.stride
	for i := lo; i < hi && i+window <= len(text); i += m.stride {
		w := lower8(binary.LittleEndian.Uint64(text[i:]))
		h := slot(w, m.log2)
		if m.bits[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		k, _ := slices.BinarySearchFunc(m.keys, w, func(k key, w uint64) int {
			if k.window < w {
				return -1
			}
			if k.window > w {
				return 1
			}
			return 0
		})
		for ; k < len(m.keys) && m.keys[k].window == w; k++ {
			c := m.keys[k]
			if start := i - int(c.offset); start >= 0 && hasFoldedPrefix(text[start:], m.lower[c.secret]) {
				found(int(c.secret))
			}
		}
	}
}

// scanNearEscapes finds, among the secrets of a window or more, those that
// occur in text overlapping an escape ("&amp;", "&#34;", "\u0026"): the
// only ones of text that its unescaped form may have lost.
func (m *matcher) scanNearEscapes(text []byte, found func(int)) {
	end := -1 // of the range scanned so far
	amp, bs := nextByte(text, 0, '&'), nextByte(text, 0, '\\')
	for {
		q := min(amp, bs)
		if q == len(text) {
			return
		}
		j := q + 1
		if text[q] == '\\' {
			j = min(len(text), q+6) // the longest JSON escape: \u0026
		}
		for j < len(text) && isEntityByte(text[j]) {
			j++
		}
		if j < len(text) && text[j] == ';' {
			j++
		}
		lo, hi := max(q-m.maxLen, end), j+m.maxLen
		if lo < hi {
			m.scanRange(text, lo, hi, found)
			end = hi
		}
		if amp < j {
			amp = nextByte(text, j, '&')
		}
		if bs < j {
			bs = nextByte(text, j, '\\')
		}
	}
}

// nextByte is the index of the first c in text at or after from, or
// len(text).
func nextByte(text []byte, from int, c byte) int {
	if i := bytes.IndexByte(text[from:], c); i >= 0 {
		return from + i
	}
	return len(text)
}

func isEntityByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '#'
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
		if u := unescape(b); !bytes.Equal(u, b) {
			variants = append(variants, u)
		}
	}
	var seen map[int]bool
	var out []Finding
	found := func(i int) {
		if seen[i] {
			return
		}
		s := m.secrets[i]
		if caseSensitive(s) && !containsExact(variants, s.Value) {
			return
		}
		if seen == nil {
			seen = map[int]bool{}
		}
		seen[i] = true
		out = append(out, Finding{name, s})
	}
	// A text with escapes is scanned whole once unescaped; as written, only
	// around its escapes, for anywhere else it reads as its unescaped form.
	for _, v := range variants {
		buf = m.scanShort(v, buf, found)
	}
	u := variants[len(variants)-1]
	m.scanRange(u, 0, len(u), found)
	if len(variants) == 2 {
		m.scanNearEscapes(b, found)
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
		dst[i] = lowerByte(dst[i])
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
// "A \u0026 B" or "A &amp; B" is found as "A & B", and a summary of several
// lines written into JSON ("one\ntwo") as it is in the catalog.
func unescape(b []byte) []byte {
	s := string(b)
	if bytes.IndexByte(b, '\\') >= 0 {
		s = jsonUnescape(s)
	}
	return []byte(html.UnescapeString(s))
}

// jsonUnescape undoes every escape of a JSON string (RFC 8259, section 7)
// where it finds one, leaving any other backslash as it is. An escape is
// at most six bytes long (\uXXXX; a pair of them for a character beyond
// the Basic Multilingual Plane), as scanNearEscapes assumes.
func jsonUnescape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch e := s[i+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, n := hex4(s[i+2:])
			if n == 0 {
				b.WriteByte(s[i])
				continue
			}
			if utf16.IsSurrogate(r) {
				if rest := s[i+6:]; strings.HasPrefix(rest, `\u`) {
					if r2, n2 := hex4(rest[2:]); n2 > 0 {
						if c := utf16.DecodeRune(r, r2); c != utf8.RuneError {
							b.WriteRune(c)
							i += 11
							continue
						}
					}
				}
			}
			b.WriteRune(r)
			i += 5
			continue
		default:
			b.WriteByte(s[i])
			continue
		}
		i++
	}
	return b.String()
}

// hex4 reads four hexadecimal digits at the start of s: the rune they
// write, and 4, or 0 when they are not there.
func hex4(s string) (rune, int) {
	if len(s) < 4 {
		return 0, 0
	}
	v, err := strconv.ParseUint(s[:4], 16, 32)
	if err != nil {
		return 0, 0
	}
	return rune(v), 4
}
