package sitebuild_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
)

// The content Hugo reads is handed to it in memory by default; written to
// the disk instead (ContentOnDisk, which bench measures against), the site
// is byte for byte the same, and neither leaves content in the build area.
func TestContentInMemoryBuildsTheSameSiteAsOnDisk(t *testing.T) {
	t.Parallel() // a build of its own, in a folder of its own
	// The shared site was built with the content in memory, the default.
	_, shared, _ := sharedSite(t)
	sites := map[bool]map[string]string{}
	for _, onDisk := range []bool{false, true} {
		o := shared
		if onDisk {
			out := t.TempDir()
			o.OutDir, o.WorkDir = filepath.Join(out, "public"), filepath.Join(out, ".build")
			o.ContentOnDisk = true
			if _, err := sitebuild.Build(o); err != nil {
				t.Fatalf("content on disk: %v", err)
			}
		}
		sites[onDisk] = treeHash(t, o.OutDir)
		if runs, _ := filepath.Glob(filepath.Join(o.WorkDir, "run-*")); len(runs) > 0 {
			t.Errorf("content on disk %v: the build area keeps %v", onDisk, runs)
		}
	}
	if diff := cmp.Diff(sites[true], sites[false]); diff != "" {
		t.Errorf("the site built from content in memory differs (-disk +memory):\n%s", diff)
	}
}

// The built site's folder is readable by a web server running as another
// user (rsync to a server's root, as the README's deploy does): not 0700,
// as the temporary folder it is built in was made.
func TestOutputFolderIsReadableByOthers(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows keeps no Unix permission bits")
	}
	_, shared, _ := sharedSite(t)
	fi, err := os.Stat(shared.OutDir)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o755 {
		t.Errorf("the built site's folder has mode %v, want %v", got, os.FileMode(0o755))
	}
}
