package browsertest

import (
	"fmt"
	"os"
	"testing"
)

// TestMain gives the whole test binary one temporary folder, removed when
// it ends: the sites built once per binary (BuildSite), the catalogs they
// are built from, and what Chromium makes in the temporary folder of its
// own (it reads TMPDIR, as os.MkdirTemp does), so a run leaves nothing.
// The one browser the tests share (Browser) is stopped first.
func TestMain(m *testing.M) {
	root, err := os.MkdirTemp("", "cns-browsertest-run-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("TMPDIR", root)
	code := m.Run()
	stopChromium()
	os.RemoveAll(root)
	os.Exit(code)
}
