package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// .ci/run installs the axe-core release the tests name.
func TestCIInstallsPinnedAxe(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(Repo, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "axe_version="+AxeVersion+"\n") {
		t.Errorf(".ci/run does not install axe-core %s (AxeVersion)", AxeVersion)
	}
}
