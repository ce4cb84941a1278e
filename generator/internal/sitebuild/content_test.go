package sitebuild_test

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
)

// The content Hugo reads is handed to it in memory by default; written to
// the disk instead (ContentOnDisk, which bench measures against), the site
// is byte for byte the same, and neither leaves content in the build area.
func TestContentInMemoryBuildsTheSameSiteAsOnDisk(t *testing.T) {
	t.Parallel() // builds of their own, in folders of their own
	dir := t.TempDir()
	m, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 12, Documents: 120})
	if err != nil {
		t.Fatal(err)
	}
	at := m.From.Add(m.To.Sub(m.From) / 2)
	sites := map[bool]map[string]string{}
	for _, onDisk := range []bool{false, true} {
		out := filepath.Join(dir, "out", map[bool]string{false: "memory", true: "disk"}[onDisk])
		o := options(m.Dir, out, at)
		o.ContentOnDisk = onDisk
		if _, err := sitebuild.Build(o); err != nil {
			t.Fatalf("content on disk %v: %v", onDisk, err)
		}
		sites[onDisk] = treeHash(t, filepath.Join(out, "public"))
		if runs, _ := filepath.Glob(filepath.Join(out, ".build", "run-*")); len(runs) > 0 {
			t.Errorf("content on disk %v: the build area keeps %v", onDisk, runs)
		}
	}
	if diff := cmp.Diff(sites[true], sites[false]); diff != "" {
		t.Errorf("the site built from content in memory differs (-disk +memory):\n%s", diff)
	}
}
