package sitebuild_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/memlimit"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
	"github.com/cns-transparency/cns-site/generator/internal/testscratch"
)

// A test binary started with these variables set runs one build that stops
// after the named stage, says so in a file, and waits to be killed.
const (
	childStage  = "CNS_TEST_BUILD_STOP_AFTER"
	childDir    = "CNS_TEST_BUILD_DIR"
	childMarker = "stopped"
)

// The tests build sites at the collector's pace of the build command.
func TestMain(m *testing.M) {
	memlimit.Pace(os.Getenv)
	if stage := os.Getenv(childStage); stage != "" {
		os.Exit(childBuild(stage, os.Getenv(childDir)))
	}
	code := testscratch.Run(m)
	removeShared()
	os.Exit(code)
}

func childBuild(stage, dir string) int {
	o := options(filepath.Join(dir, "data"), dir, killAsOf)
	o.Progress = func(done string, _ time.Duration) {
		if done == stage {
			os.WriteFile(filepath.Join(dir, childMarker), []byte(done), 0o644)
			select {} // until killed
		}
	}
	if _, err := sitebuild.Build(o); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

var killAsOf = time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)

// startStoppedBuild starts a build in a process of its own and returns its
// process id once the build has finished stage and is waiting there, and a
// function that kills it (SIGKILL) and waits for it to end.
func startStoppedBuild(t *testing.T, dir, stage string) (pid int, kill func()) {
	t.Helper()
	os.Remove(filepath.Join(dir, childMarker))
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childStage+"="+stage, childDir+"="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(dir, childMarker)); err == nil {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the build process ended before stage %q: %v\n%s", stage, err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the build did not reach stage %q", stage)
		}
	}
	var once sync.Once
	kill = func() { once.Do(func() { cmd.Process.Kill(); <-exited }) }
	t.Cleanup(kill)
	return cmd.Process.Pid, kill
}

// waitingForLock reports whether a goroutine of this process waits inside
// the build's lockOutput: asleep or blocked on a timer or channel there, as
// a build told to wait does between tries of a lock another process holds.
// A build that does not wait never blocks there (it tries the lock once and
// returns), so this tells waiting from failing without a clock.
func waitingForLock() bool {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	for _, g := range strings.Split(string(buf), "\n\n") {
		// "goroutine 7 [sleep]:", "goroutine 7 [select, 2 minutes]:"
		header, frames, _ := strings.Cut(g, "\n")
		blocked := strings.Contains(header, " [sleep") || strings.Contains(header, " [select") || strings.Contains(header, " [chan receive")
		if blocked && strings.Contains(frames, "/sitebuild.lockOutput(") {
			return true
		}
	}
	return false
}

// treeHash maps every file below dir to its SHA-256.
func treeHash(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, b := range siteFiles(t, dir) {
		sum := sha256.Sum256(b)
		out[name] = hex.EncodeToString(sum[:])
	}
	return out
}

func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	for _, pattern := range []string{".public.next-*", ".public.extras-*", filepath.Join(".build", "run-*")} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, p := range m {
			rel, _ := filepath.Rel(dir, p)
			found = append(found, rel)
		}
	}
	return found
}

// Issue 16: a build killed (SIGKILL) at any stage leaves the previous site
// whole and no lock; the next build removes what it left and succeeds.
func TestKilledBuildLeavesSiteWholeAndNextBuildCleansUp(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 3, Documents: 10}); err != nil {
		t.Fatal(err)
	}
	if _, err := sitebuild.Build(options(filepath.Join(dir, "data"), dir, killAsOf)); err != nil {
		t.Fatal(err)
	}
	site := treeHash(t, filepath.Join(dir, "public"))
	for _, stage := range []string{"load and decide", "write content", "hugo", "merge", "audit"} {
		t.Run(strings.ReplaceAll(stage, " ", "-"), func(t *testing.T) {
			_, kill := startStoppedBuild(t, dir, stage)
			if stage != "load and decide" && len(leftovers(t, dir)) == 0 {
				t.Errorf("a build stopped after %q has no work in progress to leave: the test proves nothing", stage)
			}
			kill()
			if diff := cmp.Diff(site, treeHash(t, filepath.Join(dir, "public"))); diff != "" {
				t.Fatalf("killed after %q, the previous site changed (-before +after):\n%s", stage, diff)
			}
			if _, err := sitebuild.Build(options(filepath.Join(dir, "data"), dir, killAsOf)); err != nil {
				t.Fatalf("the build after a killed one: %v", err)
			}
			if left := leftovers(t, dir); len(left) > 0 {
				t.Errorf("after the next build, left behind: %v", left)
			}
			if diff := cmp.Diff(site, treeHash(t, filepath.Join(dir, "public"))); diff != "" {
				t.Errorf("the next build of the same catalog made another site (-before +after):\n%s", diff)
			}
		})
	}
}

// Issue 16: two builds into one folder: the second stops at once with
// ErrBusy naming the first's process, or waits for it when asked to.
func TestSecondBuildOfOneFolderWaitsOrStops(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(filepath.Join(dir, "data"), corpus.Options{Seed: 4, Documents: 20}); err != nil {
		t.Fatal(err)
	}
	pid, kill := startStoppedBuild(t, dir, "hugo")

	_, err := sitebuild.Build(options(filepath.Join(dir, "data"), dir, killAsOf))
	if !errors.Is(err, sitebuild.ErrBusy) || !strings.Contains(err.Error(), fmt.Sprintf("process %d", pid)) {
		t.Fatalf("a second build while one runs: %v; want ErrBusy naming process %d", err, pid)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("the refused build wrote the output")
	}

	done := make(chan error, 1)
	go func() {
		o := options(filepath.Join(dir, "data"), dir, killAsOf)
		o.Wait = time.Minute
		_, err := sitebuild.Build(o)
		done <- err
	}()
	// Wait until the build is waiting for the lock (a condition, not a
	// time), and fail if it returns before.
	for deadline := time.Now().Add(time.Minute); !waitingForLock(); {
		select {
		case err := <-done:
			t.Fatalf("a build told to wait did not wait: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("a build told to wait never waited for the lock")
		}
	}
	kill()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the waiting build, once the first was gone: %v", err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the waiting build did not finish")
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
