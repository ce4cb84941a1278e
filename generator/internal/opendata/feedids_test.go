package opendata_test

import (
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Issue 23: the ids of feeds and of their entries never change, whatever
// the site's address or the day of the build: a feed reader shows an entry
// whose id it has not seen as new, so changed ids would show every change
// again. The ids below are those of the frozen fixture catalog
// (generator/testdata/catalog); a change to how ids are made fails here,
// and must not be made (feeds.go, stableID).
//
// Nor when a document or a party is renamed (a new id, the old one among
// its former_ids): the fixture again, Albania renamed "shqiperia" and its
// report "rm07-nr-shqiperia", must give the same ids.
func TestFeedIDsArePinned(t *testing.T) {
	fixture, err := catalog.Load(os.DirFS("../../testdata/catalog"), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	renamed, err := catalog.Load(renamedFixture(t), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		c          *catalog.Catalog
		party, doc string
	}{{fixture, "albania", "rm07-nr-albania"}, {renamed, "shqiperia", "rm07-nr-shqiperia"}} {
		testFeedIDs(t, v.c, v.party, v.doc)
	}
}

// renamedFixture is the fixture catalog with Albania's id and its 7th
// meeting's report's id renamed, the old ids kept as former ids.
func renamedFixture(t *testing.T) fstest.MapFS {
	t.Helper()
	root := "../../testdata/catalog"
	out := fstest.MapFS{}
	left := 0 // the ids left after renaming: the two former ids alone
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		text := string(b)
		switch filepath.ToSlash(rel) {
		case "parties.yaml":
			text = strings.Replace(text, "  - id: albania\n", "  - id: shqiperia\n    former_ids: [albania]\n", 1)
		case "meetings.yaml":
			text = strings.ReplaceAll(text, "[albania,", "[shqiperia,")
		case "documents/rm07.yaml":
			text = strings.Replace(text, "    party: albania\n", "    party: shqiperia\n    id: rm07-nr-shqiperia\n    former_ids: [rm07-nr-albania]\n", 1)
		}
		if strings.HasSuffix(rel, ".yaml") {
			left += strings.Count(text, "albania")
		}
		out[filepath.ToSlash(rel)] = &fstest.MapFile{Data: []byte(text)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if left != 2 {
		t.Fatalf("renaming Albania in the fixture left %d ids, want its two former ids", left)
	}
	return out
}

func testFeedIDs(t *testing.T, c *catalog.Catalog, party, doc string) {
	for _, base := range []string{"", "https://cns.example.net/site/"} {
		for _, at := range []time.Time{
			time.Date(2017, 8, 1, 0, 0, 0, 0, time.UTC),
			time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
		} {
			fs := afero.NewMemMapFs()
			v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at, BaseURL: base})
			if err := opendata.Write(fs, "/site", base, v); err != nil {
				t.Fatal(err)
			}
			for _, want := range []struct {
				feed, id string
			}{
				{opendata.SiteFeed, "urn:uuid:8ec721ee-72a5-5495-b7c2-18164da401eb"},
				{opendata.MeetingFeed("rm07"), "urn:uuid:e060adb4-109e-5a7d-8c99-9c8dba9decef"},
				{opendata.CountryFeed(party), "urn:uuid:bb8cd0b2-3e47-5233-8afd-5e5c9dbcf413"},
			} {
				b, err := afero.ReadFile(fs, "/site/"+want.feed)
				if err != nil {
					t.Fatal(err)
				}
				var feed struct {
					ID      string `xml:"id"`
					Entries []struct {
						ID   string `xml:"id"`
						Link struct {
							Href string `xml:"href,attr"`
						} `xml:"link"`
						Category struct {
							Term string `xml:"term,attr"`
						} `xml:"category"`
					} `xml:"entry"`
				}
				if err := xml.Unmarshal(b, &feed); err != nil {
					t.Fatalf("%s: %v", want.feed, err)
				}
				if feed.ID != want.id {
					t.Errorf("as of %s, base %q: %s has id %s, want %s", at.Format(time.DateOnly), base, want.feed, feed.ID, want.id)
				}
				// Albania's National Report to the 7th meeting: its date
				// became fixed when the meeting adjourned on 2017-04-07, and
				// it became public 90 days later, on 2017-07-06.
				entries := map[string]string{
					"scheduled": "urn:uuid:4a36d41a-0344-5688-982f-e8d39f9a09ab",
					"public":    "urn:uuid:25e35007-0bef-5c34-8f5e-9519cacd1113",
				}
				for _, e := range feed.Entries {
					if strings.HasSuffix(e.Link.Href, "/documents/"+doc+"/") && entries[e.Category.Term] != "" {
						if e.ID != entries[e.Category.Term] {
							t.Errorf("as of %s, base %q: %s: the %s entry of %s has id %s, want %s",
								at.Format(time.DateOnly), base, want.feed, e.Category.Term, doc, e.ID, entries[e.Category.Term])
						}
						delete(entries, e.Category.Term)
					}
				}
				if len(entries) > 0 {
					t.Errorf("as of %s, base %q: %s has no entry of %s for %v", at.Format(time.DateOnly), base, want.feed, doc, entries)
				}
			}
		}
	}
}
