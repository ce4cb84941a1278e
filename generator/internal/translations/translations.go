// Package translations reads the theme's interface strings, one file per
// language (themes/cns/i18n/<lang>.toml, as Hugo reads them), and says what
// a language lacks against English: keys it does not have, and plural forms
// its counted strings need by CLDR's rules and do not give. check prints
// it, as warnings: a string missing in a language shows in English (Hugo
// falls back to the default language), so a webmaster's edit in English
// alone still builds.
package translations

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Strings of one language: each key's forms ("one", "other" …) and text.
type Strings map[string]map[string]string

// Load reads every <lang>.toml in dir of fsys, by language code.
func Load(fsys fs.FS, dir string) (map[string]Strings, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	out := map[string]Strings{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var raw map[string]map[string]string
		if err := toml.Unmarshal(b, &raw); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[strings.TrimSuffix(path.Base(name), ".toml")] = Strings(raw)
	}
	return out, nil
}

// Forms are the plural forms a language's counted strings need, by CLDR's
// cardinal rules, found by asking the rules about whole numbers up to a
// million and a few decimals.
func Forms(lang string) []string {
	tag, err := language.Parse(lang)
	if err != nil {
		return []string{"other"}
	}
	seen := map[plural.Form]bool{}
	for i := range 1001 {
		seen[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)] = true
	}
	seen[plural.Cardinal.MatchPlural(tag, 1000000, 0, 0, 0, 0)] = true
	for _, i := range []int{0, 1, 2} {
		seen[plural.Cardinal.MatchPlural(tag, i, 1, 1, 5, 5)] = true
	}
	var out []string
	for f, name := range formNames {
		if seen[plural.Form(f)] {
			out = append(out, name)
		}
	}
	return out
}

// formNames are the names of plural.Form's values, in its order.
var formNames = []string{"other", "zero", "one", "two", "few", "many"}

// Gap is what a language lacks against English.
type Gap struct {
	Missing []string // keys English has and it does not
	Forms   []string // "key: form" for a plural form a counted key lacks
}

// Gaps says, for every language but English, what it lacks; a language
// with nothing missing is left out.
func Gaps(all map[string]Strings) map[string]Gap {
	en := all["en"]
	out := map[string]Gap{}
	for _, lang := range slices.Sorted(maps.Keys(all)) {
		if lang == "en" {
			continue
		}
		var g Gap
		forms := Forms(lang)
		for _, key := range slices.Sorted(maps.Keys(en)) {
			s, ok := all[lang][key]
			if !ok {
				g.Missing = append(g.Missing, key)
				continue
			}
			if _, counted := en[key]["one"]; !counted {
				continue
			}
			for _, f := range forms {
				if _, ok := s[f]; !ok {
					g.Forms = append(g.Forms, key+": "+f)
				}
			}
		}
		if len(g.Missing)+len(g.Forms) > 0 {
			out[lang] = g
		}
	}
	return out
}
