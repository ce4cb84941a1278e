package sitebuild

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// ErrBusy is returned when another build holds the output folder's lock.
var ErrBusy = errors.New("another build is running")

// The lock and the leftovers of a build, beside the output folder out:
//
//	.<out>.lock          held by the build writing out; holds its process id
//	.<out>.next-*        the new site, until it is swapped in
//	.<out>.next-*.old    the previous site, while it is swapped out
//	.<out>.extras-*      files written beside Hugo, until they are merged
//
// and in the build area, run-* (the content handed to Hugo), each with a
// lock of its own, since several outputs may share one build area.
//
// The locks are the operating system's (flock, LockFileEx): they are
// released when the process ends, however it ends, so a build killed with
// SIGKILL leaves no lock behind, only folders the next build removes. The
// lock file itself stays, unheld: removing it would let a build that had
// opened it and one that makes it anew each hold a lock of the same name.

func lockPath(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
}

// lockOutput takes the lock of the output folder, waiting up to wait for a
// build that holds it (none: it fails at once). The lock file says which
// process holds it. The caller keeps the lock until it unlocks it: the
// garbage collector closes the file of a lock nothing refers to, and that
// releases it.
func lockOutput(out string, wait time.Duration) (*flock.Flock, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	l := flock.New(lockPath(out))
	// TryLockContext gives up before its first try once its context is
	// done, so a build that does not wait tries exactly once itself.
	ok, err := l.TryLock()
	if err == nil && !ok && wait > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		ok, err = l.TryLockContext(ctx, lockRetry)
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			err = nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", out, err)
	}
	if !ok {
		holder := "another process"
		if b, err := os.ReadFile(lockPath(out)); err == nil && len(b) > 0 {
			holder = strings.TrimSpace(string(b))
		}
		return nil, fmt.Errorf("%w: %s is being built by %s; wait for it to finish, or pass --wait to wait (lock %s)", ErrBusy, out, holder, lockPath(out))
	}
	// Say who holds it, for the message a second build prints. The file
	// is written in place: its lock belongs to the open file.
	if f, err := os.OpenFile(lockPath(out), os.O_WRONLY|os.O_TRUNC, 0o644); err == nil {
		fmt.Fprintf(f, "process %d since %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
		f.Close()
	}
	return l, nil
}

// lockRetry is how often a waiting build tries the lock again: flock and
// LockFileEx wait without a deadline or not at all.
const lockRetry = 100 * time.Millisecond

// cleanLeftovers removes what builds that are no longer running left beside
// out and in the build area. The caller holds out's lock, so nothing beside
// out belongs to a running build; a run-* folder does only while its own
// lock is held. A previous site that a killed build had moved aside comes
// back when out is missing: that failing is err, which stops the build (the
// output would be lost); what could not be removed is left, which does not
// (those folders have names of their own and are in nobody's way).
func cleanLeftovers(out, work string) (left, err error) {
	prefix := filepath.Join(filepath.Dir(out), "."+filepath.Base(out))
	olds, _ := filepath.Glob(prefix + ".next-*.old")
	if _, err := os.Stat(out); errors.Is(err, os.ErrNotExist) && len(olds) > 0 {
		// The site most recently moved aside, should several builds have
		// been killed there (their names are random, not in order).
		latest, when := "", time.Time{}
		for _, o := range olds {
			if fi, err := os.Stat(o); err == nil && (latest == "" || fi.ModTime().After(when)) {
				latest, when = o, fi.ModTime()
			}
		}
		if latest != "" {
			if err := os.Rename(latest, out); err != nil {
				return nil, fmt.Errorf("restoring the previous site from %s: %w", latest, err)
			}
		}
	}
	var errs []error
	for _, pattern := range []string{prefix + ".next-*", prefix + ".extras-*"} {
		found, _ := filepath.Glob(pattern)
		for _, p := range found {
			errs = append(errs, removeAll(p))
		}
	}
	runs, _ := filepath.Glob(filepath.Join(work, "run-*"))
	for _, r := range runs {
		l := flock.New(r + ".lock")
		if ok, err := l.TryLock(); err != nil || !ok {
			continue // a build is using it
		}
		errs = append(errs, os.RemoveAll(r))
		l.Unlock()
		errs = append(errs, removeIfExists(r+".lock"))
	}
	return errors.Join(errs...), nil
}

// newRun makes a run folder in the build area and locks it for as long as
// this build uses it.
func newRun(work string) (dir string, release func(), err error) {
	if err := os.MkdirAll(work, 0o755); err != nil {
		return "", nil, err
	}
	dir, err = os.MkdirTemp(work, "run-")
	if err != nil {
		return "", nil, err
	}
	l := flock.New(dir + ".lock")
	if ok, err := l.TryLock(); err != nil || !ok {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("locking the build area %s: %v", dir, err)
	}
	return dir, func() {
		os.RemoveAll(dir)
		l.Unlock()
		os.Remove(dir + ".lock")
	}, nil
}

func removeIfExists(p string) error {
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
