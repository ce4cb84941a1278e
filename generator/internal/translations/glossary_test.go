package translations

import (
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// glossaryEntry is one term of a language's glossary
// (themes/cns/glossary/<lang>.yaml; its README gives the fields).
type glossaryEntry struct {
	En       string   `yaml:"en"`
	Term     string   `yaml:"term"`
	Source   string   `yaml:"source"`
	Where    string   `yaml:"where"`
	Strength string   `yaml:"strength"`
	UsedIn   []string `yaml:"used_in"`
	Key      string   `yaml:"key"`
}

// The glossaries stay true to the strings they describe: an entry's
// strength is on the README's scale, and every string an entry says uses
// its term (used_in: a key, or a pattern such as state_*; key: the string
// of a state's name) is a key of that language's strings. A string renamed
// or removed would otherwise leave a translator looking for it, and a
// strength off the scale would not say whether the term was checked.
func TestGlossariesNameExistingStringsAndAStrength(t *testing.T) {
	all, err := Load(os.DirFS("../../../themes/cns"), "i18n")
	if err != nil {
		t.Fatal(err)
	}
	strengths := []string{"authentic text", "official", "secondary", "unverified", "translator's choice", "n/a"}
	for _, lang := range []string{"ar", "zh", "fr", "ru", "es"} {
		file := "glossary/" + lang + ".yaml"
		data, err := os.ReadFile("../../../themes/cns/" + file)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		// A glossary is a list of entries, or lists of them by heading
		// (terms, states, site_words).
		var lists []*yaml.Node
		switch root := doc.Content[0]; root.Kind {
		case yaml.SequenceNode:
			lists = append(lists, root)
		case yaml.MappingNode:
			for i := 1; i < len(root.Content); i += 2 {
				if root.Content[i].Kind == yaml.SequenceNode {
					lists = append(lists, root.Content[i])
				}
			}
		}
		n := 0
		for _, list := range lists {
			for _, node := range list.Content {
				n++
				var e glossaryEntry
				if err := node.Decode(&e); err != nil {
					t.Errorf("%s:%d: %v", file, node.Line, err)
					continue
				}
				at := func(format string, args ...any) {
					t.Helper()
					t.Errorf("%s:%d (%s): "+format, append([]any{file, node.Line, e.En}, args...)...)
				}
				if e.En == "" || e.Term == "" {
					at("an entry needs en and term")
				}
				if e.Strength != "" && !slices.ContainsFunc(strengths, func(s string) bool { return strings.HasPrefix(e.Strength, s) }) {
					at("strength %q is not on the scale %q", e.Strength, strengths)
				}
				if e.Strength != "" && (e.Source == "" || e.Where == "") {
					at("an entry with a strength needs source and where")
				}
				names := e.UsedIn
				if e.Key != "" {
					names = append(names, e.Key)
				}
				for _, pattern := range names {
					found := false
					for key := range all[lang] {
						ok, err := path.Match(pattern, key)
						if err != nil {
							at("%q: %v", pattern, err)
							break
						}
						found = found || ok
					}
					if !found {
						at("%q names no string of %s", pattern, lang)
					}
				}
			}
		}
		if n < 30 {
			t.Errorf("%s: %d entries; the Convention's terms alone are more", file, n)
		}
	}
}
