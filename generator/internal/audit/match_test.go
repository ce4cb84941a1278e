package audit

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
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

// The one-pass matcher finds exactly what testing each secret would find,
// on random secrets (short and long, sharing prefixes) and texts.
func TestMatcherAgreesWithNaiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("abcAB &;<>x0")
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	for round := range 300 {
		var secrets []Secret
		for range 1 + rng.IntN(30) {
			v := word(6 + rng.IntN(12))
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
		m.scan(lowerASCII(nil, text), func(i int) {
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

func TestFindingsUndoEscapesAndKeepTitlesCaseSensitive(t *testing.T) {
	secrets := []Secret{
		{"d1", "title", "Report on A & B"},
		{"d2", "official URL", "https://Example.org/R.pdf"},
		{"d3", "title", "Quiet Title Words"},
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
