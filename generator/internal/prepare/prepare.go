// Package prepare is everything of the pipeline before Hugo: it loads and
// validates the catalog, decides every document, and names the outputs the
// generator writes itself (open data, feeds, search index) from the
// disclosure view. check, explain and plan need nothing more, so this
// package, unlike sitebuild, does not link Hugo (TestNoHugo).
package prepare

import (
	"fmt"
	"os"
	"time"

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
}
