package sitebuild

import "golang.org/x/sys/unix"

// exchange swaps two folders in one step (renameat2 RENAME_EXCHANGE), so
// that the output folder is never missing, even for a moment.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
