// Package prepare is everything of the pipeline before Hugo: it loads and
// validates the catalog, decides every document, and names the outputs the
// generator writes itself (open data, feeds, search index) from the
// disclosure view. check, explain and plan need nothing more, so this
// package, unlike sitebuild, does not link Hugo (TestNoHugo).
package prepare

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/searchindex"
)

// LoadAndDecide reads the catalog in dataDir (named dataName in messages,
// "data" by default) and decides every document as of the moment.
func LoadAndDecide(dataDir, dataName string, asOf publication.AsOf) (*catalog.Catalog, time.Time, map[string]publication.Decision, error) {
	if dataName == "" {
		dataName = "data"
	}
	fi, err := os.Stat(dataDir)
	if err != nil || !fi.IsDir() {
		return nil, time.Time{}, nil, fmt.Errorf("%w: the catalog folder %s does not exist", catalog.ErrInvalid, dataDir)
	}
	c, err := catalog.Load(os.DirFS(dataDir), dataName)
	if err != nil {
		return nil, time.Time{}, nil, err
	}
	at := asOf.Resolve(c.Rules.Location)
	return c, at, publication.DecideAll(c, at), nil
}

// Output writes files of its own into the new site, beside Hugo and before
// the leak audit, from the same view as the pages, through fsys. dir is the
// new site's root; baseURL is the address it will be served from ("" when
// unknown).
type Output struct {
	Name  string
	Write func(fsys afero.Fs, dir, baseURL string, v *disclosure.View) error
}

// Outputs are the site's files that Hugo does not render.
var Outputs = []Output{
	{Name: "open data, feeds, calendar and checksums", Write: opendata.Write},
	{Name: "search index", Write: searchindex.Write},
	// Last: the package lists every CSV the outputs above wrote.
	{Name: "data package", Write: opendata.WritePackage},
}

// SiteConfig is what the generator reads of site/hugo.toml.
type SiteConfig struct {
	Title   string `toml:"title"`
	BaseURL string `toml:"baseURL"`
	// Languages of the site, by code, with their order and the BCP 47 tag
	// pages are marked with (lang, hreflang: "zh-Hans" for zh).
	Languages map[string]struct {
		Weight int    `toml:"weight"`
		Locale string `toml:"locale"`
	} `toml:"languages"`
	Pagination struct {
		PagerSize int `toml:"pagerSize"`
	} `toml:"pagination"`
}

// hugoPagerSize is Hugo's number of rows a page when hugo.toml sets none.
const hugoPagerSize = 10

// ReadSiteConfig reads the title (for the home page), the address the
// site is served from and the ledger's rows a page.
func ReadSiteConfig(siteDir string) (SiteConfig, error) {
	var conf SiteConfig
	name := filepath.Join(siteDir, "hugo.toml")
	b, err := os.ReadFile(name)
	if err != nil {
		return conf, fmt.Errorf("reading the site configuration: %w", err)
	}
	if err := toml.Unmarshal(b, &conf); err != nil {
		return conf, fmt.Errorf("%s: %w", name, err)
	}
	if conf.Pagination.PagerSize <= 0 {
		conf.Pagination.PagerSize = hugoPagerSize
	}
	return conf, nil
}

// LanguageCodes lists the site's language codes in their order (weight, then
// code); a site that names none has English alone.
func (c SiteConfig) LanguageCodes() []string {
	if len(c.Languages) == 0 {
		return []string{"en"}
	}
	codes := slices.Collect(maps.Keys(c.Languages))
	slices.SortFunc(codes, func(a, b string) int {
		return cmp.Or(cmp.Compare(c.Languages[a].Weight, c.Languages[b].Weight), strings.Compare(a, b))
	})
	return codes
}

// Locale is the tag pages of the language code are marked with: its
// locale in hugo.toml, else the code.
func (c SiteConfig) Locale(code string) string {
	if l := c.Languages[code].Locale; l != "" {
		return l
	}
	return code
}

// ParseLanguages reads a --languages flag: language codes separated by
// commas ("en,fr"); empty gives nil, every language.
func ParseLanguages(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
