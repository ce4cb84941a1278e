// Package nearest finds, among known words, those a mistyped one was
// probably meant to be: "pubished" for published, "rm07-nr-albnia" for
// rm07-nr-albania. The catalog's errors and the command line's suggest
// them ("did you mean published?").
package nearest

import (
	"slices"
	"strings"
)

// Words returns the known words within a few edits of word (a letter
// added, dropped, changed or two swapped: Damerau-Levenshtein distance at
// most a third of its length, at least 1, at most 3), nearest first, then
// in order; at most max of them.
func Words(word string, known []string, max int) []string {
	limit := min(3, max1(len([]rune(word))/3))
	type hit struct {
		w string
		d int
	}
	var hits []hit
	for _, k := range known {
		if k == word {
			continue
		}
		if d := distance(strings.ToLower(word), strings.ToLower(k)); d <= limit {
			hits = append(hits, hit{k, d})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.w, b.w)
	})
	out := []string{}
	for _, h := range hits[:min(len(hits), max)] {
		out = append(out, h.w)
	}
	return out
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// distance is the optimal string alignment distance of a and b: the
// fewest insertions, deletions, substitutions and swaps of two adjacent
// letters that make one the other.
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
