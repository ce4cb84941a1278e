package bench

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/memlimit"
)

// One measured run of each kind, as bench starts them: the full pipeline
// reports its stages and keeps the content Hugo was given; Hugo alone then
// builds that same content. English alone: what is measured is the same
// for any set of languages.
func TestBenchRunsMeasureFullBuildAndHugoAlone(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if _, err := corpus.Write(data, corpus.Options{Seed: 1, Documents: 40}); err != nil {
		t.Fatal(err)
	}
	common := []string{"--data", data, "--work", filepath.Join(dir, ".build"), "--site", filepath.Join(repo, "site"), "--themes", filepath.Join(repo, "themes"), "--languages", "en", "--docs", "40"}
	content := filepath.Join(dir, "content")
	var runs []benchRun
	for _, args := range [][]string{
		{"--mode", "full", "--out", filepath.Join(dir, "full"), "--keep-content", content},
		{"--mode", "hugo", "--out", filepath.Join(dir, "hugo"), "--content", content},
	} {
		mode := args[1]
		r := run(append(append([]string{"run"}, args...), common...)...)
		if r.code != 0 {
			t.Fatalf("run %s exited %d: %s", mode, r.code, r.stderr)
		}
		var br benchRun
		if err := json.Unmarshal([]byte(r.stdout), &br); err != nil {
			t.Fatalf("%s: %v\n%s", mode, err, r.stdout)
		}
		runs = append(runs, br)
	}
	full, hugo := runs[0], runs[1]
	for _, s := range []string{"load and decide", "write content", "hugo", "merge", "audit", "swap"} {
		if _, ok := full.Stages[s]; !ok {
			t.Errorf("the full run does not report stage %q: %v", s, full.Stages)
		}
	}
	if full.TotalNS <= 0 || hugo.TotalNS <= 0 || full.Files == 0 {
		t.Errorf("runs: %+v %+v", full, hugo)
	}
	// Both built the same pages from the same content.
	for _, p := range []string{"full", "hugo"} {
		if _, err := os.Stat(filepath.Join(dir, p, "documents", "index.html")); err != nil {
			t.Errorf("the %s run built no ledger: %v", p, err)
		}
	}
	// A measured run never deletes: it refuses an output that exists.
	if r := run(append([]string{"run", "--mode", "hugo", "--out", filepath.Join(dir, "hugo"), "--content", content}, common...)...); r.code != 2 {
		t.Errorf("a run into an existing folder exited %d, want 2 (usage): %s", r.code, r.stderr)
	}
}

const repo = "../../.."

type result struct {
	code           int
	stdout, stderr string
}

func run(args ...string) result {
	var out, errb strings.Builder
	code := Main(args, Env{Stdout: &out, Stderr: &errb})
	return result{code, out.String(), errb.String()}
}

// Hugo alone runs at the collector's pace of a full build, with no memory
// limit, or, with --same-limit, under the soft memory limit a full build
// sets (its default here, as GOMEMLIMIT is not set for the run), so that a
// ratio can compare the two at equal memory.
func TestHugoAloneRunsUnderTheFullBuildsLimitWhenAsked(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if _, err := corpus.Write(data, corpus.Options{Seed: 2, Documents: 10}); err != nil {
		t.Fatal(err)
	}
	common := []string{"--data", data, "--work", filepath.Join(dir, ".build"), "--site", filepath.Join(repo, "site"), "--themes", filepath.Join(repo, "themes"), "--languages", "en", "--docs", "10"}
	content := filepath.Join(dir, "content")
	if r := run(append([]string{"run", "--mode", "full", "--out", filepath.Join(dir, "full"), "--keep-content", content}, common...)...); r.code != 0 {
		t.Fatalf("full run exited %d: %s", r.code, r.stderr)
	}
	want, err := memlimit.ParseBytes(memlimit.Default)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct {
		flags []string
		want  int64
	}{{nil, math.MaxInt64}, {[]string{"--same-limit"}, want}} {
		debug.SetMemoryLimit(math.MaxInt64) // as a new process starts
		debug.SetGCPercent(100)
		args := append([]string{"run", "--mode", "hugo", "--out", filepath.Join(dir, fmt.Sprintf("hugo-%d", i)), "--content", content}, c.flags...)
		r := run(append(args, common...)...)
		if r.code != 0 {
			t.Fatalf("hugo run %v exited %d: %s", c.flags, r.code, r.stderr)
		}
		var br benchRun
		if err := json.Unmarshal([]byte(r.stdout), &br); err != nil {
			t.Fatal(err)
		}
		if br.MemoryLimit != c.want {
			t.Errorf("hugo run %v: memory limit %d, want %d", c.flags, br.MemoryLimit, c.want)
		}
		if br.GCPercent != memlimit.GCPercent {
			t.Errorf("hugo run %v: GC percent %d, want the full build's %d", c.flags, br.GCPercent, memlimit.GCPercent)
		}
	}
}
