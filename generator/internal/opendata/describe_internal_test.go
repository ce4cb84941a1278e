package opendata

import "testing"

// A source's words name its address among others; the package's path is
// the address alone, without the punctuation or bracket that follows it
// (a data reader found no source of datapackage.json with a path).
func TestFirstURLIsTheAddressAlone(t *testing.T) {
	for s, want := range map[string]string{
		"IAEA press release 'X' (24 October 1996), https://press.un.org/en/1996/19961024.iaea1310.html (the 27 States)": "https://press.un.org/en/1996/19961024.iaea1310.html",
		"A page, https://example.org/a_(b)/c, read in 2026":                                                             "https://example.org/a_(b)/c",
		"(see https://example.org/x?y=1&z=2).":                                                                          "https://example.org/x?y=1&z=2",
		"https://example.org/":                                                                                          "https://example.org/",
		"Third-party copy of NUREG-1650 Revision 4 (the US report for the 2012 meeting)":                                "",
	} {
		if got := firstURL(s); got != want {
			t.Errorf("firstURL(%q) = %q, want %q", s, got, want)
		}
	}
}
