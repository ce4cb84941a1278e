package sitebuild

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// lockHolder, set in the environment of this test binary run again, makes
// TestLockHolderProcess take the lock of the folder it names, say so on
// stdout and wait to be killed.
const lockHolder = "CNS_TEST_LOCK_HOLDER"

func TestLockHolderProcess(t *testing.T) {
	out := os.Getenv(lockHolder)
	if out == "" {
		return // only a process started by holdLockInProcess holds the lock
	}
	l, err := lockOutput(out, 0)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	// The deferred call keeps l reachable: the garbage collector closes an
	// unreachable lock's file, and closing it releases the lock.
	defer l.Unlock()
	fmt.Println("locked")
	// Until killed; or, should the test end without killing it, until
	// standard input, which the test holds open, is closed.
	io.Copy(io.Discard, os.Stdin)
	os.Exit(0)
}

// holdLockInProcess starts a process that holds out's lock, and returns its
// process id once it holds it, and a function that kills it (SIGKILL: it
// releases nothing itself) and waits for it to end.
func holdLockInProcess(t *testing.T, out string) (pid int, kill func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHolderProcess$")
	cmd.Env = append(os.Environ(), lockHolder+"="+out)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	kill = func() {
		if !killed {
			killed = true
			cmd.Process.Kill()
			cmd.Wait()
			stdin.Close()
		}
	}
	t.Cleanup(kill)
	if line, err := bufio.NewReader(stdout).ReadString('\n'); line != "locked\n" {
		t.Fatalf("the process holding the lock: %q, %v", line, err)
	}
	return cmd.Process.Pid, kill
}

// Issue 16, issue 23: without --wait a second build stops at once with
// ErrBusy naming the process that holds the lock; the lock is the
// operating system's, so it ends with that process even when the process
// is killed and releases nothing itself.
func TestLockRefusedAtOnceWhileHeldAndFreedWhenHolderIsKilled(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	pid, kill := holdLockInProcess(t, out)

	// A build that does not wait must not wait: the holder never lets go,
	// so one that waited would reach the deadline below.
	done := make(chan error, 1)
	go func() {
		l, err := lockOutput(out, 0)
		if err == nil {
			l.Unlock()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), fmt.Sprintf("process %d since", pid)) {
			t.Fatalf("locking a held folder: %v; want ErrBusy naming process %d", err, pid)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("locking a held folder without waiting did not return")
	}

	kill()
	l, err := lockOutput(out, 0)
	if err != nil {
		t.Fatalf("the lock after its holder was killed: %v", err)
	}
	defer l.Unlock()
	b, err := os.ReadFile(lockPath(out))
	if err != nil || !strings.HasPrefix(string(b), fmt.Sprintf("process %d since ", os.Getpid())) {
		t.Errorf("the lock file says %q (%v); want this process, %d", b, err, os.Getpid())
	}
}

// Issue 16, issue 23: with --wait a second build waits for the lock and
// takes it once its holder is gone (here killed), ...
func TestLockWaitedForUntilHolderEnds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_, kill := holdLockInProcess(t, out)

	done := make(chan error, 1)
	go func() {
		l, err := lockOutput(out, time.Hour)
		if err == nil {
			l.Unlock()
		}
		done <- err
	}()
	// Long enough for the waiting build to have found the lock held and
	// be trying again, so that the test proves the waiting.
	select {
	case err := <-done:
		t.Fatalf("a build told to wait did not wait for the lock's holder: %v", err)
	case <-time.After(3 * lockRetry):
	}
	kill()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the waiting build, once the holder was gone: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the waiting build did not take the lock once its holder was gone")
	}
}

// ... and gives up with ErrBusy, naming the holder, once it has waited as
// long as it was told to.
func TestLockWaitEndsWithErrBusy(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	pid, _ := holdLockInProcess(t, out)
	const wait = 300 * time.Millisecond
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		l, err := lockOutput(out, wait)
		if err == nil {
			l.Unlock()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), fmt.Sprintf("process %d since", pid)) {
			t.Fatalf("waiting for a lock that stays held: %v; want ErrBusy naming process %d", err, pid)
		}
		if waited := time.Since(start); waited < wait {
			t.Errorf("gave up after %s; told to wait %s", waited, wait)
		}
	case <-time.After(wait + time.Minute):
		t.Fatalf("told to wait %s, still waiting after a minute more", wait)
	}
}
