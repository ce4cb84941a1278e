// Package memlimit sets the Go runtime's memory settings for commands that
// build: the soft memory limit, from a flag, else GOMEMLIMIT, else a
// default that keeps a build of 50,000 documents under 2 GiB; and, below
// it, how often the collector runs (GCPercent, unless GOGC sets it).
package memlimit

import (
	"flag"
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
)

// Default is the soft limit on the build's Go heap when neither
// --memory-limit nor GOMEMLIMIT sets one. Go lets the heap grow to twice
// what is live before it collects; near this limit it collects sooner
// instead, so a build of 50,000 documents, whose live heap peaks near 1 GiB,
// stays under 2 GiB of memory in all. Smaller catalogs never come near it
// and pay nothing. A catalog whose live heap outgrows the limit still
// builds: the runtime then spends at most about half the CPU on collecting,
// and the build is slower, not stopped.
const Default = "1792MiB"

// GCPercent is how far the heap of a build grows over what is live before
// the collector runs, when GOGC does not say (Go's default is 100). A build
// makes a great deal of short-lived garbage (Hugo's templates); collecting
// less often took 12-14% less processor time on the real catalog, for a
// peak memory of 346 MiB instead of 171 MiB. The soft limit still bounds the
// heap: near it the runtime collects sooner whatever this pace says.
const GCPercent = 400

// Pace sets the collector's pace for a build: GCPercent, unless GOGC is
// set (the runtime read it at start).
func Pace(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}

// Flag adds --memory-limit to a command that builds.
func Flag(fs *flag.FlagSet) *string {
	return fs.String("memory-limit", "", "soft limit on the build's memory, as GOMEMLIMIT writes it (1792MiB, 4GiB; 0 for none);\ndefault GOMEMLIMIT if set, else "+Default)
}

// Apply sets the collector's pace (Pace) and the Go runtime's soft memory
// limit from the flag's value v, else leaves GOMEMLIMIT's, else sets the
// default. The error says what is wrong with v.
func Apply(v string, getenv func(string) string) error {
	Pace(getenv)
	if v == "" {
		if getenv("GOMEMLIMIT") != "" {
			return nil // the runtime read it at start
		}
		v = Default
	}
	n, err := ParseBytes(v)
	if err != nil {
		return fmt.Errorf("--memory-limit %q: %s", v, err)
	}
	if n == 0 {
		n = math.MaxInt64
	}
	debug.SetMemoryLimit(n)
	return nil
}

// ParseBytes reads a size as GOMEMLIMIT does: a whole number of bytes with
// an optional unit B, KiB, MiB, GiB or TiB.
func ParseBytes(s string) (int64, error) {
	units := []struct {
		suffix string
		shift  uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}
	shift := uint(0)
	for _, u := range units {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, shift = rest, u.shift
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("want a whole number of bytes with B, KiB, MiB, GiB or TiB")
	}
	if n > math.MaxInt64>>shift {
		return 0, fmt.Errorf("too large")
	}
	return n << shift, nil
}
