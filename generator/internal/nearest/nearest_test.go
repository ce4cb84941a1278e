package nearest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	fields := []string{"id", "kind", "party", "published", "published_by", "published_undated", "submitted", "consent", "objection"}
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"pubished", []string{"published"}},                  // a letter dropped
		{"pbulished", []string{"published"}},                 // two swapped
		{"Published", []string{"published", "published_by"}}, // case; nearest first
		{"publshed_by", []string{"published_by"}},            // nearest first
		{"colour", []string{}},                               // nothing near
		{"ib", []string{"id"}},                               // a short word: one edit
		{"ix", []string{"id"}},
		{"xy", []string{}},
	} {
		if got := Words(tt.word, fields, 3); !cmp.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	ids := []string{"rm07-nr-albania", "rm07-nr-algeria", "rm06-nr-albania", "rm07-summary-report"}
	if got, want := Words("rm07-nr-albnia", ids, 3), []string{"rm07-nr-albania", "rm06-nr-albania", "rm07-nr-algeria"}; !cmp.Equal(got, want) {
		t.Errorf("Words(rm07-nr-albnia) = %q, want %q", got, want)
	}
	if got, want := Words("rm07-nr-albaina", ids, 1), []string{"rm07-nr-albania"}; !cmp.Equal(got, want) {
		t.Errorf("Words(rm07-nr-albaina, 1) = %q, want %q", got, want)
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"ab", "ba", 1}, {"ca", "abc", 3}, {"Ålesund", "Alesund", 1}} {
		if got := distance(tt.a, tt.b); got != tt.d {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}
