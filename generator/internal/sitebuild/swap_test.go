package sitebuild

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Once the new site is in the output's place, the build has succeeded,
// whether or not the previous site could be removed: swap says the new one
// is in place and what was left behind, never a failure the caller would
// report as a failed build.
func TestSwapThatCannotRemoveThePreviousSiteStillSucceeds(t *testing.T) {
	dir := t.TempDir()
	out, next := filepath.Join(dir, "public"), filepath.Join(dir, ".public.next-1")
	for d, page := range map[string]string{out: "old", next: "new"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "index.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stuck := errors.New("device busy")
	removeAll = func(string) error { return stuck }
	t.Cleanup(func() { removeAll = os.RemoveAll })
	left, err := swap(next, out)
	if err != nil || !errors.Is(left, stuck) {
		t.Fatalf("swap: left %v, err %v; want the removal's error as left, and no error", left, err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "new" {
		t.Errorf("the output holds %q, want the new site", b)
	}
}

// What an earlier build left beside the output and cannot be removed
// does not stop the next build: it is said (left), never an error, which
// would fail every later build, the daily deploy among them.
func TestLeftoversThatCannotBeRemovedDoNotStopABuild(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	for _, d := range []string{out, filepath.Join(dir, ".public.next-7")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	stuck := errors.New("file in use")
	removeAll = func(string) error { return stuck }
	t.Cleanup(func() { removeAll = os.RemoveAll })
	left, err := cleanLeftovers(out, filepath.Join(dir, ".build"))
	if err != nil || !errors.Is(left, stuck) {
		t.Errorf("cleanLeftovers: left %v, err %v; want the removal's error as left, and no error", left, err)
	}
}
