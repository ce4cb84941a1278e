package testscratch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A TMPDIR the developer set is kept as it is.
func TestUseKeepsATMPDIRThatIsSet(t *testing.T) {
	want := t.TempDir()
	t.Setenv("TMPDIR", want)
	done := Use()
	if got := os.Getenv("TMPDIR"); got != want {
		t.Errorf("TMPDIR %q, want %q", got, want)
	}
	done()
	if got := os.Getenv("TMPDIR"); got != want {
		t.Errorf("after: TMPDIR %q, want %q", got, want)
	}
}

// With no TMPDIR, on a machine whose /dev/shm is a large tmpfs, the scratch
// folder is a new one there, and goes when the tests end; elsewhere TMPDIR
// stays unset.
func TestUsePutsScratchInMemoryWhereItCan(t *testing.T) {
	old, had := os.LookupEnv("TMPDIR")
	os.Unsetenv("TMPDIR")
	t.Cleanup(func() {
		if had {
			os.Setenv("TMPDIR", old)
		}
	})
	done := Use()
	dir, set := os.LookupEnv("TMPDIR")
	if !inMemory(Dir, MinFree) {
		done()
		if set {
			t.Errorf("TMPDIR set to %q, although %s is not a tmpfs with %d bytes free", dir, Dir, MinFree)
		}
		t.Skipf("%s is not a tmpfs with %d bytes free here", Dir, MinFree)
	}
	if !set || filepath.Dir(dir) != Dir || !strings.HasPrefix(filepath.Base(dir), "cns-test-") {
		t.Fatalf("TMPDIR %q (set %v), want a cns-test- folder in %s", dir, set, Dir)
	}
	if got := os.TempDir(); got != dir {
		t.Errorf("os.TempDir() %q, want %q", got, dir)
	}
	done()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s is still there after the tests: %v", dir, err)
	}
	if _, set := os.LookupEnv("TMPDIR"); set {
		t.Errorf("TMPDIR still set after the tests")
	}
}
