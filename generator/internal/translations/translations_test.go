package translations

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

func TestFormsFollowCLDR(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"other", "one"},
		"zh": {"other"},
		// CLDR's "many" of French and Spanish (a million, in compact
		// notation) needs an operand x/text's rules do not take; the
		// theme's files give it anyway, for Hugo's go-i18n.
		"fr": {"other", "one"},
		"es": {"other", "one"},
		"ru": {"other", "one", "few", "many"},
		"ar": {"other", "zero", "one", "two", "few", "many"},
	} {
		if got := Forms(lang); !slices.Equal(got, want) {
			t.Errorf("Forms(%q) = %v, want %v", lang, got, want)
		}
	}
}

func TestGapsNameMissingKeysAndForms(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/en.toml": {Data: []byte("[a]\nother = \"A\"\n[n]\none = \"{{ .Count }} thing\"\nother = \"{{ .Count }} things\"\n")},
		"i18n/ru.toml": {Data: []byte("[n]\none = \"x\"\nother = \"y\"\n")},
		"i18n/fr.toml": {Data: []byte("[a]\nother = \"A\"\n[n]\none = \"x\"\nmany = \"y\"\nother = \"y\"\n")},
	}
	all, err := Load(fsys, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	gaps := Gaps(all)
	if g := gaps["ru"]; !slices.Equal(g.Missing, []string{"a"}) || !slices.Equal(g.Forms, []string{"n: few", "n: many"}) {
		t.Errorf("ru: %+v", g)
	}
	if g, ok := gaps["fr"]; ok {
		t.Errorf("fr lacks nothing, Gaps says %+v", g)
	}
}

// placeholder is a value Hugo or a script fills in a string.
var placeholder = regexp.MustCompile(`\{\{[^}]*\}\}|\{[a-z]+\}`)

// The theme's strings in every language: every key English has, every
// plural form CLDR's rules need, and in each form the placeholders of the
// English string, so that no page of a language shows English where a
// string is missing, or loses a number (issue 21).
func TestThemeStringsAreCompleteInEveryLanguage(t *testing.T) {
	all, err := Load(os.DirFS("../../../themes/cns"), "i18n")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		if all[lang] == nil {
			t.Errorf("no strings for %s", lang)
		}
	}
	for lang, g := range Gaps(all) {
		t.Errorf("%s lacks keys %v and plural forms %v", lang, g.Missing, g.Forms)
	}
	for lang, s := range all {
		for key, forms := range s {
			en, ok := all["en"][key]
			if !ok {
				t.Errorf("%s has key %q, which English does not", lang, key)
				continue
			}
			want := sortedPlaceholders(en["other"])
			for form, text := range forms {
				got := sortedPlaceholders(text)
				// A form for one thing, or none, may leave the number out.
				if (form == "zero" || form == "one" || form == "two") && len(got) < len(want) {
					continue
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s %s (%s): placeholders %v, English has %v", lang, key, form, got, want)
				}
			}
		}
	}
}

// sortedPlaceholders are the values a string uses: each field its Hugo
// template actions name ("{{ .Number }}", also in "{{ if eq .Number 1 }}",
// as a language that writes a number in words does) and each script
// placeholder ("{q}"), once each.
func sortedPlaceholders(s string) []string {
	var p []string
	for _, m := range placeholder.FindAllString(s, -1) {
		if !strings.HasPrefix(m, "{{") {
			p = append(p, m)
			continue
		}
		for _, f := range templateField.FindAllString(m, -1) {
			p = append(p, "{{ "+f+" }}")
		}
	}
	slices.Sort(p)
	return slices.Compact(p)
}

// templateField is a field a template action names.
var templateField = regexp.MustCompile(`\.[A-Z][A-Za-z0-9]*`)

// Pages say the engine's words from its codes (issue 21): every cause of a
// decision, basis, kind of rule and change of a document's history has its
// string, in every language, since a missing one would show a key, not
// English.
func TestThemeSaysEveryCodeOfTheEngine(t *testing.T) {
	all, err := Load(os.DirFS("../../../themes/cns"), "i18n")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range publication.Causes {
		keys = append(keys, "reason_"+c)
	}
	for _, b := range publication.Bases {
		keys = append(keys, "basis_"+string(b))
	}
	for _, p := range append(slices.Clone(catalog.PublicBases), "unknown") {
		keys = append(keys, "rule_text_"+p)
	}
	for _, k := range disclosure.ChangeKinds {
		keys = append(keys, "history_"+k)
	}
	for _, form := range []string{"one", "onward", "range"} {
		keys = append(keys, "rule_span_"+form)
	}
	for _, lang := range []string{"en", "ar", "zh", "fr", "ru", "es"} {
		for _, k := range keys {
			if all[lang][k]["other"] == "" {
				t.Errorf("%s has no string %s", lang, k)
			}
		}
	}
}

// The strings that pages say with HTML in their values (the theme's
// phrase.html: the engine's words, titles made of names, dated lines) are
// put into the page as they are, so none may hold markup or an "&" of its
// own, in any language.
func TestPhraseStringsHoldNoMarkup(t *testing.T) {
	all, err := Load(os.DirFS("../../../themes/cns"), "i18n")
	if err != nil {
		t.Fatal(err)
	}
	prefixes := []string{"reason_", "basis_", "history_", "rule_name", "rule_with_name", "rule_span_", "rule_text_", "doc_title", "sentence", "dated_line", "read_meeting_documents", "read_party_reports", "read_meeting_site", "reading_site"}
	n := 0
	for lang, s := range all {
		for key, forms := range s {
			if !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(key, p) }) {
				continue
			}
			n++
			for form, text := range forms {
				if strings.ContainsAny(placeholder.ReplaceAllString(text, ""), "<>&") {
					t.Errorf("%s %s (%s) holds markup or &: %q", lang, key, form, text)
				}
			}
		}
	}
	if n < 6*40 {
		t.Errorf("only %d strings checked", n)
	}
}

// French typography: a no-break space (U+00A0 or the narrow U+202F), never
// an ordinary one, before a colon, semicolon, question or exclamation mark
// and inside guillemets; an ordinary space could leave the mark alone at
// the start of a line.
func TestFrenchPunctuationKeepsItsSpace(t *testing.T) {
	all, err := Load(os.DirFS("../../../themes/cns"), "i18n")
	if err != nil {
		t.Fatal(err)
	}
	bad := regexp.MustCompile(` [:;?!»]|« `)
	for key, forms := range all["fr"] {
		for form, s := range forms {
			if loc := bad.FindStringIndex(s); loc != nil {
				t.Errorf("fr %s (%s): an ordinary space in %q", key, form, s[max(0, loc[0]-20):min(len(s), loc[1]+20)])
			}
		}
	}
}

// French sets its high punctuation off with the spaces French typography
// gives it, which also keep it from starting a line: a no-break space
// (U+00A0) before a colon, a narrow no-break space (U+202F) before a
// semicolon, a question mark or an exclamation mark, and no-break spaces
// inside guillemets; never an ordinary space, and not the one the other
// mark takes (a French reader's review found all three). Checked in the interface strings, the hand-written
// French pages, the French site parameters (hugo.toml) and the catalog's
// French translations.
func TestFrenchSpacesBeforeHighPunctuation(t *testing.T) {
	bad := regexp.MustCompile(`[ \x{202F}]:|[ \x{00A0}][;?!]|« | »`)
	files, err := filepath.Glob("../../../site/content/*.fr.md")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, "../../../themes/cns/i18n/fr.toml", "../../../site/hugo.toml", "../../../data/translations/fr.yaml")
	checked := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		section := ""
		for i, line := range strings.Split(string(data), "\n") {
			// hugo.toml: only the French language's own table.
			if strings.HasPrefix(strings.TrimSpace(line), "[") {
				section = strings.TrimSpace(line)
			}
			if strings.HasSuffix(name, "hugo.toml") && !strings.HasPrefix(section, "[languages.fr") {
				continue
			}
			checked++
			for _, m := range bad.FindAllStringIndex(line, -1) {
				t.Errorf("%s:%d: %q: wrong space before the mark", name, i+1, line[max(0, m[0]-24):min(len(line), m[1]+8)])
			}
		}
	}
	if checked == 0 {
		t.Fatal("no French text read")
	}
}
