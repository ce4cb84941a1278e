package sitebuild_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/testneed"
)

// The open data as a built site holds them beside Hugo's pages: SHA256SUMS
// lists every published file and sha256sum -c accepts it, and every meeting
// of meetings.json and party of parties.json links to a page of the site. (The open data's own tests,
// in opendata, write them without building a site.)
func TestOpenDataAgreesWithTheBuiltSite(t *testing.T) {
	t.Parallel()
	m, _, res := sharedSite(t)
	read := func(t *testing.T, name string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(res.OutDir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	t.Run("checksums", func(t *testing.T) {
		sums := string(read(t, opendata.Checksums))
		public := 0
		for _, d := range m.Docs {
			if res.Decisions[d.ID].State == publication.Public && d.FileSHA256 != "" {
				public++
				if !strings.Contains(sums, d.FileSHA256+"  files/"+d.ID+"/") {
					t.Errorf("SHA256SUMS lacks public %s", d.ID)
				}
			}
		}
		// And every open data file, which the build's attestation of
		// SHA256SUMS then vouches for.
		data := 0
		for _, name := range []string{opendata.DocumentsJSON, opendata.DocumentsCSV, opendata.MeetingsJSON, opendata.PartiesJSON, opendata.Calendar, opendata.SiteFeed} {
			if !strings.Contains(sums, "  "+name+"\n") {
				t.Errorf("SHA256SUMS lacks %s", name)
			}
		}
		for _, line := range strings.Split(strings.TrimSpace(sums), "\n") {
			if !strings.Contains(line, "  files/") {
				data++
			}
		}
		if public == 0 || strings.Count(sums, "\n") != public+data || data < 6 {
			t.Errorf("SHA256SUMS has %d lines for %d public files and %d open data files", strings.Count(sums, "\n"), public, data)
		}
		_, err := exec.LookPath("sha256sum")
		testneed.Need(t, err == nil, "sha256sum (GNU coreutils)", "the check of SHA256SUMS with sha256sum")
		cmd := exec.Command("sha256sum", "--strict", "-c", opendata.Checksums)
		cmd.Dir = res.OutDir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c: %v\n%s", err, out)
		}
	})

	t.Run("meetings and parties", func(t *testing.T) {
		type entry struct{ ID, URL string }
		var ms struct {
			Meetings []entry `json:"meetings"`
		}
		var ps struct {
			Parties []entry `json:"parties"`
		}
		if err := json.Unmarshal(read(t, opendata.MeetingsJSON), &ms); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(read(t, opendata.PartiesJSON), &ps); err != nil {
			t.Fatal(err)
		}
		if len(ms.Meetings) != len(res.Catalog.Meetings) || len(ps.Parties) != len(res.Catalog.Parties) {
			t.Errorf("%d meetings, %d parties in JSON; catalog has %d and %d", len(ms.Meetings), len(ps.Parties), len(res.Catalog.Meetings), len(res.Catalog.Parties))
		}
		for _, list := range [][]entry{ms.Meetings, ps.Parties} {
			for _, e := range list {
				if _, err := os.Stat(filepath.Join(res.OutDir, strings.TrimPrefix(e.URL, "/"), "index.html")); err != nil {
					t.Errorf("%s: %s is not a page of the site", e.ID, e.URL)
				}
			}
		}
	})
}
