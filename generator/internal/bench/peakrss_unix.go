//go:build linux || darwin || freebsd || netbsd || openbsd

package bench

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSSKiB is an ended process's peak resident memory in KiB, from
// getrusage: Linux and the BSDs count ru_maxrss in KiB, macOS in bytes.
func peakRSSKiB(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) / 1024
	}
	return int64(ru.Maxrss)
}
