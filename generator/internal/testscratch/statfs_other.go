//go:build !linux

package testscratch

// inMemory is false where the package does not know how to tell a tmpfs.
func inMemory(string, uint64) bool { return false }
