package searchindex

import "testing"

// A title's numbers in words agree with the meeting's noun: French's
// «réunion» is feminine («première réunion», not «premier», a reader's
// review found in the index).
func TestSpokenTitleAgreesWithTheNoun(t *testing.T) {
	for _, c := range []struct{ lang, title, want string }{
		{"en", "1st Review Meeting", "first Review Meeting"},
		{"fr", "1re réunion d'examen", "première réunion d'examen"},
		{"fr", "2e réunion d'examen", "deuxième réunion d'examen"},
		{"fr", "7e réunion d'examen", "septième réunion d'examen"},
		{"zh", "第七次审议会议", ""},
	} {
		if got := spokenTitle(c.lang, c.title); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.lang, c.title, got, c.want)
		}
	}
}
