package audit

import "testing"

// The loose form of a secret and of the words that name it another way are
// one: case, Unicode form, quotes and dashes, zero-width and direction
// marks, an address's scheme, www., %XX escapes; a Chinese title counts two
// a character.
func TestLooseFormsAgree(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Septième Rapport National de l’Autriche", "SEPTIE\u0300ME RAPPORT NATIONAL DE L'AUTRICHE"},
		{"Aland's confidential self-assessment", "Aland\u2019s confi\u200bdential self\u2011assessment"},
		{"https://www.example.at/zq/Bericht%20CNS%202016.pdf", "http://example.at/zq/Bericht CNS 2016.pdf"},
		{"A\u00a0title  with\tspaces", "a title with spaces"},
		{"\u202bمقال\u202c", "مقال"},
		{"Informe Ibérico Décimo", "*Informe Iberico*-Decimo"},
		{"Informe Iberico Decimo", "Informe&nbsp;Iberico_Decimo"},
	} {
		if la, lb := Loose(tc.a), Loose(tc.b); la != lb {
			t.Errorf("Loose(%q) = %q, Loose(%q) = %q; want them equal", tc.a, la, tc.b, lb)
		}
	}
	if w := needleWeight("核安全报告"); w != 10 {
		t.Errorf("needleWeight of five Chinese characters = %d, want 10", w)
	}
	f := NewLooseFinder(Secrets{Strings: []Secret{{"d", "official URL", "https://www.example.org/r/"}}})
	if s, ok := f.Find("see http://EXAMPLE.org/r/annex"); !ok || s.Doc != "d" {
		t.Errorf("the address with http and capitals, without www., is not found: %v %v", s, ok)
	}
	// An address keeps its punctuation: a page beside the secret one is
	// another page.
	g := NewLooseFinder(Secrets{Strings: []Secret{{"d", "official URL", "https://www.example.gov/cns/report/"}}})
	if s, ok := g.Find("https://www.example.gov/cns/report-summary/"); ok {
		t.Errorf("the address of the page beside it is taken for it: %v", s)
	}
}
