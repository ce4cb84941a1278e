package htmlcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repo is the repository root, seen from this package.
const repo = "../../.."

// .ci/run installs the vnu-jar release the test names.
func TestCIInstallsTheCheckerTheTestNames(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repo, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "vnu_version="+VnuVersion+"\n") {
		t.Errorf(".ci/run does not install vnu-jar %s (VnuVersion)", VnuVersion)
	}
}

// Pages that differ only in their data (text, addresses, ids, dates) have
// one shape; a different element, attribute or role makes another.
func TestShapeKeepsMarkupAndDropsData(t *testing.T) {
	shape := func(s string) [32]byte {
		t.Helper()
		sum, err := Shape(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	base := `<main><h1 id="a">France</h1><p><time datetime="2017-07-06">6 July 2017</time></p><a href="/x/">x</a></main>`
	for _, same := range []string{
		`<main><h1 id="b">Chile</h1><p><time datetime="2019-01-02">2 January 2019</time></p><a href="/y/">yy</a></main>`,
	} {
		if shape(same) != shape(base) {
			t.Errorf("%s: another shape than %s", same, base)
		}
	}
	for _, other := range []string{
		`<main><h1 id="a">France</h1><p><time datetime="2017-07-06"></time></p><a href="/x/">x</a></main>`,
		`<main><h1 id="a">France</h1><p><time>6 July 2017</time></p><a href="/x/">x</a></main>`,
		`<main><h1 id="a" role="tab">France</h1><p><time datetime="2017-07-06">6 July 2017</time></p><a href="/x/">x</a></main>`,
		`<main><h1 id="a">France</h1><div><time datetime="2017-07-06">6 July 2017</time></div><a href="/x/">x</a></main>`,
		`<main lang="fr"><h1 id="a">France</h1><p><time datetime="2017-07-06">6 July 2017</time></p><a href="/x/">x</a></main>`,
	} {
		if shape(other) == shape(base) {
			t.Errorf("%s: the shape of %s", other, base)
		}
	}
}
