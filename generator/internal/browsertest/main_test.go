package browsertest

import (
	"fmt"
	"os"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/testscratch"
)

// TestMain gives the whole test binary one temporary folder, in memory
// where the machine allows it (testscratch), removed when it ends: the
// sites built once per binary (BuildSite), the catalogs they are built
// from, and what Chromium makes in the temporary folder of its own (it
// reads TMPDIR, as os.MkdirTemp does), so a run leaves nothing. The one
// browser the tests share (Browser) is stopped first.
func TestMain(m *testing.M) { os.Exit(runTests(m)) }

func runTests(m *testing.M) int {
	defer testscratch.Use()()
	root, err := os.MkdirTemp("", "cns-browsertest-run-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(root)
	tmp := os.Getenv("TMPDIR")
	os.Setenv("TMPDIR", root)
	defer os.Setenv("TMPDIR", tmp)
	defer stopChromium()
	return m.Run()
}
