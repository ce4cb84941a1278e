//go:build acbench

// The Aho–Corasick libraries the matcher was measured against (issue 23;
// the numbers are in match.go), kept so that the comparison can be run
// again. They are not dependencies of the module: go.mod does not name
// them, and this file is built only with the acbench tag. To run it:
//
//	go get github.com/coregx/ahocorasick@v0.3.1 \
//	    github.com/petar-dambovaliev/aho-corasick@v0.0.0-20250424160509-463d218d4745 \
//	    github.com/cloudflare/ahocorasick@v0.0.0-20240916140611-054963ec9396 \
//	    github.com/BobuSumisu/aho-corasick@v1.0.3
//	go test -tags acbench -run Automata ./generator/internal/audit/
//	CNS_AUDIT_BENCH_DIR=/tmp/auditbench go test -tags acbench -run '^$' -bench Matcher ./generator/internal/audit/
//	git checkout go.mod go.sum
//
// (go mod tidy reads files of every build tag, so it too adds them: keep
// them out of commits.)

package audit

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	bobu "github.com/BobuSumisu/aho-corasick"
	cloudflare "github.com/cloudflare/ahocorasick"
	coregx "github.com/coregx/ahocorasick"
	petar "github.com/petar-dambovaliev/aho-corasick"
)

func init() {
	benchMatchers = append(benchMatchers,
		benchMatcher{"coregx", func(s []Secret) finder { return newACFinder(s, coregxAutomaton) }, 0},
		benchMatcher{"petar", func(s []Secret) finder { return newACFinder(s, petarAutomaton) }, 0},
		benchMatcher{"cloudflare", func(s []Secret) finder { return newACFinder(s, cloudflareAutomaton) }, 2 * 256 * 8},
		benchMatcher{"bobusumisu", func(s []Secret) finder { return newACFinder(s, bobuAutomaton) }, 256 * 8},
	)
}

// automaton finds every occurrence of every pattern in a text, overlapping
// ones included, calling found with the pattern's index.
type automaton func(text []byte, found func(pattern int))

// acFinder does what matcher.findings does with an Aho–Corasick automaton
// over the distinct lower-cased values of the secrets: the text is
// lower-cased (ASCII letters only, as matcher does), searched whole once
// unescaped and, as written, around its escapes.
type acFinder struct {
	secrets []Secret
	of      [][]int32 // pattern -> the secrets of that lower-cased value
	find    automaton
	maxLen  int
	raw     []byte // scratch for the text as written, lower-cased
}

func newACFinder(secrets []Secret, build func([][]byte) automaton) *acFinder {
	a := &acFinder{secrets: secrets}
	index := map[string]int{}
	var patterns [][]byte
	for i, s := range secrets {
		l := lowerASCII(nil, []byte(s.Value))
		p, ok := index[string(l)]
		if !ok {
			p = len(patterns)
			index[string(l)] = p
			patterns = append(patterns, l)
			a.of = append(a.of, nil)
		}
		a.of[p] = append(a.of[p], int32(i))
		a.maxLen = max(a.maxLen, len(l))
	}
	if len(patterns) > 0 {
		a.find = build(patterns)
	}
	return a
}

func (a *acFinder) findings(name string, b []byte, buf []byte) ([]Finding, []byte) {
	if a.find == nil {
		return nil, buf
	}
	variants := [][]byte{b}
	if bytes.IndexByte(b, '&') >= 0 || bytes.IndexByte(b, '\\') >= 0 {
		if u := unescape(b); !bytes.Equal(u, b) {
			variants = append(variants, u)
		}
	}
	var seen map[int32]bool
	var out []Finding
	found := func(p int) {
		for _, i := range a.of[p] {
			if seen[i] {
				continue
			}
			s := a.secrets[i]
			if caseSensitive(s) && !containsExact(variants, s.Value) {
				continue
			}
			if seen == nil {
				seen = map[int32]bool{}
			}
			seen[i] = true
			out = append(out, Finding{name, s})
		}
	}
	buf = lowerASCII(buf[:0], variants[len(variants)-1])
	a.find(buf, found)
	if len(variants) == 2 {
		// As written, only where an escape is: any secret that overlaps
		// none is in the unescaped text too.
		a.raw = lowerASCII(a.raw[:0], b)
		start, end := 0, 0 // the range to search next; none while end is 0
		for q := 0; ; {
			i := bytes.IndexAny(b[q:], `&\`)
			if i < 0 {
				break
			}
			q += i
			j := q + 1
			if b[q] == '\\' {
				j = min(len(b), q+6) // the longest JSON escape: \u0026
			}
			for j < len(b) && isEntityByte(b[j]) {
				j++
			}
			if j < len(b) && b[j] == ';' {
				j++
			}
			lo, hi := max(0, q-a.maxLen+1), min(len(b), j+a.maxLen-1)
			if end > 0 && lo <= end {
				end = max(end, hi)
			} else {
				if end > 0 {
					a.find(a.raw[start:end], found)
				}
				start, end = lo, hi
			}
			q = j
		}
		if end > 0 {
			a.find(a.raw[start:end], found)
		}
	}
	return out, buf
}

func coregxAutomaton(patterns [][]byte) automaton {
	ac, err := coregx.NewBuilder().AddPatterns(patterns).Build()
	if err != nil {
		panic(err)
	}
	return func(text []byte, found func(int)) {
		for _, m := range ac.FindAllOverlapping(text) {
			found(m.PatternID)
		}
	}
}

// petarAutomaton is its NFA: its DFA took 234 s to build over the secrets
// of 50,000 documents, 2.8 GiB, and searched at a quarter of the NFA's
// speed.
func petarAutomaton(patterns [][]byte) automaton {
	builder := petar.NewAhoCorasickBuilder(petar.Opts{MatchKind: petar.StandardMatch})
	ac := builder.BuildByte(patterns)
	return func(text []byte, found func(int)) {
		it := ac.IterOverlappingByte(text)
		for m := it.Next(); m != nil; m = it.Next() {
			found(m.Pattern())
		}
	}
}

func cloudflareAutomaton(patterns [][]byte) automaton {
	m := cloudflare.NewMatcher(patterns)
	return func(text []byte, found func(int)) {
		for _, p := range m.MatchThreadSafe(text) {
			found(p)
		}
	}
}

func bobuAutomaton(patterns [][]byte) automaton {
	trie := bobu.NewTrieBuilder().AddPatterns(patterns).Build()
	return func(text []byte, found func(int)) {
		trie.Walk(text, func(end, n, pattern int64) bool {
			found(int(pattern))
			return true
		})
	}
}

// Each automaton, used as the benchmark uses it, finds what the matcher
// finds (which TestFindingsAgreeWithNaiveSearchOfBothForms holds to a
// search of each secret in both forms of the text): secrets inside others,
// overlapping, of one value, in another case, escaped.
func TestAutomataFindWhatMatcherFinds(t *testing.T) {
	for _, m := range benchMatchers[1:] {
		t.Run(m.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, 8))
			word := randomWords(rng, "abAB &;#x0123amp\\u\"/<>")
			whats := []string{"file name", "official URL", "title", "text"}
			for round := range 2000 {
				var secrets []Secret
				for range 1 + rng.IntN(20) {
					v := word(6 + rng.IntN(4+round%30))
					switch {
					case len(secrets) > 0 && rng.IntN(4) == 0: // inside another
						o := secrets[rng.IntN(len(secrets))].Value
						if i := rng.IntN(len(o) - 5); len(o[i:]) >= 6 {
							v = o[i : i+6+rng.IntN(len(o)-i-5)]
						}
					case len(secrets) > 0 && rng.IntN(4) == 0: // the same value
						v = secrets[rng.IntN(len(secrets))].Value
					}
					secrets = append(secrets, Secret{fmt.Sprint("d", rng.IntN(3)), whats[rng.IntN(len(whats))], v})
				}
				text := word(rng.IntN(300))
				for range rng.IntN(5) {
					s := secrets[rng.IntN(len(secrets))].Value
					switch rng.IntN(4) {
					case 0:
						s = strings.ReplaceAll(s, "&", "&amp;")
					case 1:
						s = strings.ToUpper(s)
					}
					at := rng.IntN(len(text) + 1)
					text = text[:at] + s + text[at:]
				}
				want, _ := newMatcher(secrets).findings("f", []byte(text), nil)
				got, _ := m.make(secrets).findings("f", []byte(text), nil)
				sortFindings(want)
				sortFindings(got)
				if !slices.Equal(got, want) {
					t.Fatalf("round %d: %s finds %v, matcher %v\nsecrets %q\ntext %q", round, m.name, got, want, secrets, text)
				}
			}
		})
	}
}

func sortFindings(f []Finding) {
	slices.SortFunc(f, func(a, b Finding) int {
		return cmp.Or(strings.Compare(a.Secret.Value, b.Secret.Value), strings.Compare(a.Secret.Doc, b.Secret.Doc), strings.Compare(a.Secret.What, b.Secret.What))
	})
}
