package testscratch

import "syscall"

// tmpfsMagic is the f_type statfs(2) gives for a tmpfs.
const tmpfsMagic = 0x01021994

// inMemory reports whether dir is on a tmpfs with at least free bytes
// available.
func inMemory(dir string, free uint64) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	return st.Type == tmpfsMagic && st.Bavail*uint64(st.Bsize) >= free
}
