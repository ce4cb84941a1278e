package prepare

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Precheck finds, without Hugo, what the leak audit of a build as of the
// same moment would find from the catalog, site/ and the theme alone: a
// title, summary, symbol, address or text run of a document that is not
// public which also occurs in public text (another document's title, a
// meeting's note or sources, a Summary Report, a hand-written page, the
// theme's words). The audit is right to refuse such a build; a webmaster
// should hear it from check, with the document's line and the fix, before
// a daily deploy fails.
//
// It writes the outputs that carry the catalog's public text (open data,
// feeds, the search index of every language) into a temporary folder, adds
// the hand-written pages, the site's configuration and the theme's strings,
// and audits them.
func Precheck(c *catalog.Catalog, decisions map[string]publication.Decision, at time.Time, siteDir, themesDir string) error {
	tmp, err := os.MkdirTemp("", "cns-precheck-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// In every language of the site, as a build writes them: each
	// language's search index holds the parties' names in the language,
	// and the outputs carry the catalog's words (meetings.json's titles).
	langs := append([]string{"en"}, c.Languages()...)
	if conf, err := ReadSiteConfig(siteDir); err == nil {
		langs = conf.LanguageCodes()
	}
	view := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, Languages: langs})
	for _, out := range Outputs {
		if err := out.Write(afero.NewOsFs(), filepath.Join(tmp, "outputs"), "", view); err != nil {
			return fmt.Errorf("writing %s: %w", out.Name, err)
		}
	}
	for _, src := range []struct {
		dir, as string
		keep    func(rel string) bool
	}{
		{filepath.Join(siteDir, "content"), "site/content", nil},
		{filepath.Join(siteDir, "static"), "site/static", nil},
		{filepath.Join(themesDir), "themes", themePublishes},
	} {
		if err := copyText(src.dir, filepath.Join(tmp, filepath.FromSlash(src.as)), src.keep); err != nil {
			return err
		}
	}
	// The catalog's translated words, which pages show beside its English.
	if err := writeTranslations(c, filepath.Join(tmp, "translations")); err != nil {
		return err
	}
	if b, err := os.ReadFile(filepath.Join(siteDir, "hugo.toml")); err == nil {
		os.MkdirAll(filepath.Join(tmp, "site"), 0o755)
		os.WriteFile(filepath.Join(tmp, "site", "hugo.toml"), b, 0o644)
	}

	stream := audit.NewStream(audit.Collect(c, decisions), audit.Options{})
	_, err = stream.Verify(tmp)
	var leak *audit.LeakError
	if !errors.As(err, &leak) {
		return err
	}
	return findingsAsProblems(c, decisions, at, leak.Findings)
}

// writeTranslations writes every translated value of the catalog into dir,
// one file per language, one value a line.
func writeTranslations(c *catalog.Catalog, dir string) error {
	for _, lang := range c.Languages() {
		var b strings.Builder
		for _, m := range c.Meetings {
			fmt.Fprintln(&b, c.MeetingTitle(m.ID, lang))
		}
		for _, k := range c.Rules.Kinds {
			if k == nil {
				continue
			}
			fmt.Fprintln(&b, c.KindLabel(k.Kind, lang))
			fmt.Fprintln(&b, c.KindDescription(k.Kind, lang))
			for _, r := range k.Rules {
				if r != nil {
					fmt.Fprintln(&b, c.RuleNote(k.Kind, r.From, lang))
				}
			}
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, lang+".txt"), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// themeFolders are the folders of a theme that Hugo builds the site from;
// anything else in a theme (the translators' glossaries, a README) never
// reaches a page.
var themeFolders = []string{"archetypes", "assets", "content", "data", "i18n", "layouts", "static"}

// themePublishes reports whether a file of the themes folder, by its path
// below it ("cns/layouts/index.html"), can reach what the site publishes:
// a file of one of its themeFolders, or its configuration.
func themePublishes(rel string) bool {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if len(parts) == 2 {
		return parts[1] == "hugo.toml" || parts[1] == "theme.toml" || parts[1] == "config.toml"
	}
	return len(parts) > 2 && slices.Contains(themeFolders, parts[1])
}

// copyText copies the text files below src (pages, layouts, strings) into
// dst, those that keep reports true for (every one when keep is nil); a
// folder that does not exist holds nothing to copy.
func copyText(src, dst string, keep func(rel string) bool) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == src {
			return nil
		}
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if keep != nil && !keep(rel) {
			return nil
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}

// fieldOf is the catalog field that holds what the audit calls a secret.
var fieldOf = map[string]string{
	"title": "title", "summary": "summary", "symbol": "symbol", "official URL": "url",
	"checksum": "file", "file name": "file", "text": "text",
}

// findingsAsProblems turns the audit's findings into catalog problems, one
// per secret, at the document field that holds it.
func findingsAsProblems(c *catalog.Catalog, decisions map[string]publication.Decision, at time.Time, findings []audit.Finding) catalog.Problems {
	where := map[audit.Secret][]string{}
	var order []audit.Secret
	for _, f := range findings {
		if where[f.Secret] == nil {
			order = append(order, f.Secret)
		}
		where[f.Secret] = append(where[f.Secret], describeOutput(f.File))
	}
	var ps catalog.Problems
	day := catalog.DateOf(at.In(c.Rules.Location)).Long()
	for _, s := range order {
		d, ok := c.Document(s.Doc)
		if !ok {
			continue
		}
		places := slices.Compact(slices.Sorted(slices.Values(where[s])))
		if len(places) > 3 {
			places = append(places[:3], fmt.Sprintf("%d more", len(places)-3))
		}
		ps = append(ps, catalog.Problem{
			Pos: d.Field(fieldOf[s.What]),
			Msg: fmt.Sprintf("document %q is %s as of %s, but its %s %q also occurs in what the site publishes (%s), so every build would stop at the leak audit: %s",
				d.ID, decisions[d.ID].State, day, s.What, s.Value, strings.Join(places, "; "), fixFor(s.What)),
		})
	}
	return ps
}

func describeOutput(rel string) string {
	rel = filepath.ToSlash(rel)
	switch {
	case strings.HasPrefix(rel, "outputs/"):
		return "the catalog's public text, in " + strings.TrimPrefix(rel, "outputs/")
	case strings.HasPrefix(rel, "site/"), strings.HasPrefix(rel, "themes/"):
		return rel
	case strings.HasPrefix(rel, "translations/"):
		return "the catalog's translations, " + strings.TrimSuffix(strings.TrimPrefix(rel, "translations/"), ".txt") + ".yaml"
	}
	return rel
}

func fixFor(what string) string {
	switch what {
	case "title", "summary", "symbol":
		return "make the " + what + " of a document that is not public distinctive (name its party and meeting), or leave it out until the document is public"
	case "official URL":
		return "an address that the public pages also give (in a source, a note, another document) cannot stay hidden: leave the url out until the document is public, or cite another page"
	case "text":
		return "a run of a non-public text that public text also holds cannot stay hidden: leave the text out until the document is public"
	}
	return "give each document its own file"
}
