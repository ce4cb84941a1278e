package audit

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
)

// naive is what the matcher must find: every secret contained in the text.
func naive(secrets []Secret, text []byte) []int {
	var out []int
	for i, s := range secrets {
		if bytes.Contains(lowerASCII(nil, text), lowerASCII(nil, []byte(s.Value))) {
			out = append(out, i)
		}
	}
	return out
}

// scan calls found with the index of every secret whose lower-cased value
// occurs in the text, ASCII letters compared whatever their case. buf is
// scratch space the caller may reuse; the grown buffer is returned. A
// secret may be reported more than once.
func (m *matcher) scan(text []byte, buf []byte, found func(int)) []byte {
	buf = m.scanShort(text, buf, found)
	m.scanRange(text, 0, len(text), found)
	return buf
}

// randomWords makes words of n letters drawn from the alphabet.
func randomWords(rng *rand.Rand, alphabet string) func(n int) string {
	return func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
}

// The one-pass matcher finds exactly what testing each secret would find,
// on random secrets (short and long, sharing prefixes) and texts.
func TestMatcherAgreesWithNaiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := randomWords(rng, "abcAB &;<>x0")
	for round := range rounds() {
		// Some rounds have only long secrets, which the scan looks for at
		// a stride of up to eight bytes.
		shortest := []int{6, 8, 9, 12, 15}[round%5]
		var secrets []Secret
		for range 1 + rng.IntN(30) {
			v := word(shortest + rng.IntN(3+round%40))
			if len(secrets) > 0 && rng.IntN(3) == 0 { // share a prefix
				v = secrets[rng.IntN(len(secrets))].Value[:6] + v
			}
			secrets = append(secrets, Secret{"d", "file name", v})
		}
		text := []byte(word(rng.IntN(400)))
		for range rng.IntN(4) { // plant some
			s := secrets[rng.IntN(len(secrets))].Value
			at := rng.IntN(len(text) + 1)
			text = slices.Concat(text[:at], []byte(s), text[at:])
		}
		m := newMatcher(secrets)
		var got []int
		m.scan(text, nil, func(i int) {
			if !slices.Contains(got, i) {
				got = append(got, i)
			}
		})
		slices.Sort(got)
		if want := naive(secrets, text); !slices.Equal(got, want) {
			t.Fatalf("round %d: matcher %v, naive %v\nsecrets %q\ntext %q", round, got, want, secrets, text)
		}
	}
}

// Findings, which scan a text with escapes whole only once unescaped and
// as written only around its escapes, find exactly what searching both
// forms whole would find.
func TestFindingsAgreeWithNaiveSearchOfBothForms(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	word := randomWords(rng, "abAB &;#x0123amp\\u\"/<>")
	escape := func(s string) string {
		var b bytes.Buffer
		for _, c := range []byte(s) {
			switch rng.IntN(8) {
			case 0:
				fmt.Fprintf(&b, "&#%d;", c)
			case 1:
				fmt.Fprintf(&b, "&#x%X;", c)
			default:
				switch c {
				case '&':
					b.WriteString([]string{"&amp;", `\u0026`, `\u0026amp;`}[rng.IntN(3)])
				case '<':
					b.WriteString("&lt;")
				case '"':
					b.WriteString([]string{"&#34;", `\"`, "&quot;"}[rng.IntN(3)])
				default:
					b.WriteByte(c)
				}
			}
		}
		return b.String()
	}
	for round := range rounds() {
		var secrets []Secret
		for range 1 + rng.IntN(20) {
			secrets = append(secrets, Secret{"d", "file name", word(6 + rng.IntN(4+round%30))})
		}
		text := word(rng.IntN(300))
		for range rng.IntN(4) {
			s := secrets[rng.IntN(len(secrets))].Value
			if rng.IntN(2) == 0 {
				s = escape(s)
			}
			at := rng.IntN(len(text) + 1)
			text = text[:at] + s + text[at:]
		}
		m := newMatcher(secrets)
		found, _ := m.findings("f", []byte(text), nil)
		var got []int
		for _, f := range found {
			got = append(got, slices.IndexFunc(secrets, func(s Secret) bool { return s == f.Secret }))
		}
		slices.Sort(got)
		got = slices.Compact(got)
		want := slices.Concat(naive(secrets, []byte(text)), naive(secrets, []byte(unescape([]byte(text)))))
		for i := range want {
			want[i] = slices.IndexFunc(secrets, func(s Secret) bool { return s == secrets[want[i]] })
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: findings %v, naive %v\nsecrets %q\ntext %q", round, got, want, secrets, text)
		}
	}
}

// lower8 lower-cases eight bytes as lowerASCII does each of them.
func TestLower8AgreesWithLowerASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var b [8]byte
	for range 100000 {
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		got := lower8(binary.LittleEndian.Uint64(b[:]))
		if want := binary.LittleEndian.Uint64(lowerASCII(nil, b[:])); got != want {
			t.Fatalf("lower8(%q) = %x, want %x", b, got, want)
		}
	}
	for c := range 256 {
		b = [8]byte{byte(c), byte(c), 0, 0xff, 'A' - 1, 'Z' + 1, 'a', 'z'}
		if got, want := lower8(binary.LittleEndian.Uint64(b[:])), binary.LittleEndian.Uint64(lowerASCII(nil, b[:])); got != want {
			t.Fatalf("lower8(%q) = %x, want %x", b, got, want)
		}
	}
}

func TestFindingsUndoEscapesAndKeepTitlesCaseSensitive(t *testing.T) {
	secrets := []Secret{
		{"d1", "title", "Report on A & B"},
		{"d2", "official URL", "https://Example.org/R.pdf"},
		{"d3", "title", "Quiet Title Words"},
		{"d4", "summary", "First line of a summary\nand its second, with a tab\there"},
		{"d5", "title", "Étude de sûreté 😀 finale"},
	}
	m := newMatcher(secrets)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{`<h1>Report on A &amp; B</h1>`, []string{"d1"}},
		{`{"t":"Report on A \u0026 B"}`, []string{"d1"}},
		{`<a href="https://example.org/r.pdf">`, []string{"d2"}},
		{`quiet title words`, nil},
		{`Quiet Title Words`, []string{"d3"}},
		// JSON's other escapes: a summary of several lines, characters
		// written as \uXXXX (a pair for one beyond 16 bits), a backslash.
		{`{"s":"First line of a summary\nand its second, with a tab\there"}`, []string{"d4"}},
		{`{"t":"\u00c9tude de s\u00fbret\u00e9 \ud83d\ude00 finale"}`, []string{"d5"}},
		{`{"t":"Report on A \\u0026 B"}`, nil},
	} {
		var got []string
		found, _ := m.findings("f", []byte(tt.text), nil)
		for _, f := range found {
			got = append(got, f.Secret.Doc)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: found %v, want %v", tt.text, got, tt.want)
		}
	}
}

// rounds is how many random cases the agreement tests try: 1,000 in a
// developer's run, 3,000 with CNS_TEST_EXHAUSTIVE=1 (as .ci/run sets).
// Each combination of shortest secret and length spread the rounds step
// through comes back every 40 rounds (every 30 in the escaped-forms test).
func rounds() int {
	if corpus.Exhaustive() {
		return 3000
	}
	return 1000
}
