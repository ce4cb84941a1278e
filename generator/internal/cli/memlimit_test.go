package cli

import (
	"math"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/memlimit"
)

// build sets the runtime's soft memory limit: from --memory-limit, else
// leaving GOMEMLIMIT's, else the default; a bad size is a usage error. (A
// catalog of one party and one meeting: the limit is the same whatever the
// catalog, and each build here takes a third of the fixture's time.)
func TestBuildSetsMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	data := noDocumentsCatalog(t)
	dir := t.TempDir()
	args := func(extra ...string) []string {
		return buildArgs(data, filepath.Join(dir, "public"), filepath.Join(dir, ".build"), extra...)
	}
	def, _ := memlimit.ParseBytes(memlimit.Default)
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want int64
	}{
		{nil, args(), def},
		{nil, args("--memory-limit", "3GiB"), 3 << 30},
		{nil, args("--memory-limit", "0"), math.MaxInt64},
		{map[string]string{"GOMEMLIMIT": "1GiB"}, args(), 77 << 20}, // left as the runtime had it
	} {
		debug.SetMemoryLimit(77 << 20)
		if r := run(t, tt.env, tt.args...); r.code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, r.code, r.stderr)
		}
		if got := debug.SetMemoryLimit(-1); got != tt.want {
			t.Errorf("%v with %v: memory limit %d, want %d", tt.args, tt.env, got, tt.want)
		}
	}
	if r := run(t, nil, args("--memory-limit", "2GB")...); r.code != ExitUsage {
		t.Errorf("--memory-limit 2GB: exit %d, want %d (usage)", r.code, ExitUsage)
	}
}
