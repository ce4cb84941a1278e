//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package bench

import "os"

// peakRSSKiB is not measured here (Windows reports no peak memory of an
// ended process): bench prints n/a.
func peakRSSKiB(*os.ProcessState) int64 { return 0 }
