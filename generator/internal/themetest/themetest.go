// Package themetest gives tests the site's languages as the reader meets
// them: the theme's interface strings, the locale each language's pages
// are marked with, where its pages are, and a page's text as read. Tests
// of several packages compare built pages with these; one copy keeps them
// reading the same files the same way.
//
// Paths are from a package's folder under generator/internal, where go
// test runs a package's tests.
package themetest

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/translations"
)

// Repo is the repository's root, from a package's folder under
// generator/internal.
const Repo = "../../.."

// Strings are the theme's interface strings, by language, key and plural
// form.
func Strings(t testing.TB) map[string]translations.Strings {
	t.Helper()
	all, err := translations.Load(os.DirFS(filepath.Join(Repo, "themes", "cns")), "i18n")
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// StringsIn are the theme's interface strings in lang, by key: their
// "other" form.
func StringsIn(t testing.TB, lang string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for k, v := range Strings(t)[lang] {
		out[k] = v["other"]
	}
	return out
}

// Locale is the tag the site's pages of a language are marked with (lang,
// hreflang): its locale in site/hugo.toml ("zh-Hans" for zh).
func Locale(t testing.TB, lang string) string {
	t.Helper()
	conf, err := prepare.ReadSiteConfig(filepath.Join(Repo, "site"))
	if err != nil {
		t.Fatal(err)
	}
	return conf.Locale(lang)
}

// Prefix is where a language's pages are below the site's root: English
// at the root.
func Prefix(lang string) string {
	if lang == "en" {
		return ""
	}
	return lang + "/"
}

var markup = regexp.MustCompile(`<[^>]*>`)

// PlainText is HTML's text as read: tags taken out without a space,
// entities decoded, blanks folded to one space.
func PlainText(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(markup.ReplaceAllString(s, ""))), " ")
}
