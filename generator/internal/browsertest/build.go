package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/cli"
)

// Repo is the repository root, from this package's folder.
const Repo = "../../.."

// Fixture is the frozen catalog the browser tests build unless given
// another (generator/testdata/catalog): tests may assert what it holds,
// which they may not of data/.
var Fixture = filepath.Join(Repo, "generator", "testdata", "catalog")

// builtSite is a site BuildSite builds or has built.
type builtSite struct {
	done chan struct{} // closed once out or err is set
	out  string
	err  error
}

var (
	buildMu  sync.Mutex // guards built
	built    = map[string]*builtSite{}
	building sync.Mutex // one build at a time: each uses both cores
)

// BuildSite builds a site with the generator's build command, once per test
// binary for the same flags, and returns the output folder. Tests that ask
// for a site being built wait for it; a build that fails, fails every test
// that asks for it without being tried again. Flags add to
// --data (Fixture unless given), --base-url ("/" unless given), --site,
// --themes (the repository's, unless given), --languages (en unless given)
// and --out.
// The folder is shared: tests must not change it.
func BuildSite(t testing.TB, flags ...string) string {
	t.Helper()
	key := strings.Join(flags, "\x00")
	buildMu.Lock()
	b, ok := built[key]
	if !ok {
		b = &builtSite{done: make(chan struct{})}
		built[key] = b
	}
	buildMu.Unlock()
	if !ok {
		func() {
			defer close(b.done)
			building.Lock()
			defer building.Unlock()
			b.out, b.err = buildSite(flags)
		}()
	}
	<-b.done
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.out
}

func buildSite(flags []string) (string, error) {
	dir, err := os.MkdirTemp("", "cns-browsertest-")
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, "public")
	args := []string{"build", "--quiet", "--out", out, "--work", filepath.Join(dir, ".build")}
	has := func(f string) bool {
		for _, a := range flags {
			if a == f || strings.HasPrefix(a, f+"=") {
				return true
			}
		}
		return false
	}
	if !has("--data") {
		args = append(args, "--data", Fixture)
	}
	// Served from the root of a loopback server, not from the address in
	// hugo.toml.
	if !has("--base-url") {
		args = append(args, "--base-url", "/")
	}
	for _, d := range []string{"site", "themes"} {
		if !has("--" + d) {
			args = append(args, "--"+d, filepath.Join(Repo, d))
		}
	}
	// English alone unless a test asks for languages: the other languages
	// have tests of their own (languages_test.go), and every language of a
	// site multiplies its pages.
	if !has("--languages") {
		args = append(args, "--languages", "en")
	}
	args = append(args, flags...)
	var stdout, stderr bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{Stdout: &stdout, Stderr: &stderr, Getenv: os.Getenv})
	if code != 0 {
		return "", fmt.Errorf("build %q exited %d:\n%s%s", flags, code, stdout.String(), stderr.String())
	}
	return out, nil
}
