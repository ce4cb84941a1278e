package sitebuild_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
)

// shared is one generated catalog of 120 documents built once, in English,
// on the day halfway through its span, for the tests that only read a
// built site: the meeting maps, the open data beside the pages, and the
// in-memory half of the content test. Each built a catalog of its own
// before (about 5 core-s of the package's time).
var shared struct {
	once sync.Once
	dir  string
	m    *corpus.Manifest
	o    sitebuild.Options
	res  *sitebuild.Result
	err  error
}

// sharedSite returns the shared catalog, the options it was built with and
// the build's result. No test writes to its folders; TestMain removes them
// (removeShared).
func sharedSite(t *testing.T) (*corpus.Manifest, sitebuild.Options, *sitebuild.Result) {
	t.Helper()
	shared.once.Do(func() {
		dir, err := os.MkdirTemp("", "cns-sitebuild-shared-")
		if err != nil {
			shared.err = err
			return
		}
		shared.dir = dir
		if shared.m, shared.err = corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 22, Documents: 120}); shared.err != nil {
			return
		}
		at := shared.m.From.Add(shared.m.To.Sub(shared.m.From) / 2)
		shared.o = options(shared.m.Dir, filepath.Join(dir, "out"), at)
		shared.res, shared.err = sitebuild.Build(shared.o)
	})
	if shared.err != nil {
		t.Fatalf("the shared site: %v", shared.err)
	}
	return shared.m, shared.o, shared.res
}

// removeShared removes the shared site's folders, if a test built it.
func removeShared() {
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
}
