package memlimit

import (
	"runtime/debug"
	"testing"
)

func TestParseBytesReadsGOMEMLIMITSizes(t *testing.T) {
	for in, want := range map[string]int64{
		"0": 0, "123": 123, "512B": 512, "64KiB": 64 << 10, "1792MiB": 1792 << 20, "2GiB": 2 << 30, "1TiB": 1 << 40,
	} {
		if got, err := ParseBytes(in); err != nil || got != want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2GB", "1.5GiB", "-1", "GiB", "99999999999TiB"} {
		if _, err := ParseBytes(in); err == nil {
			t.Errorf("ParseBytes(%q) accepted", in)
		}
	}
}

// A build collects at GCPercent unless GOGC says otherwise, and Apply sets
// that pace with the limit.
func TestApplySetsThePaceUnlessGOGCDoes(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	for _, tt := range []struct {
		env  map[string]string
		want int
	}{
		{nil, GCPercent},
		{map[string]string{"GOGC": "50"}, 77}, // left as the runtime had it
	} {
		debug.SetGCPercent(77)
		if err := Apply("", func(k string) string { return tt.env[k] }); err != nil {
			t.Fatal(err)
		}
		if got := debug.SetGCPercent(100); got != tt.want {
			t.Errorf("with %v: GC percent %d, want %d", tt.env, got, tt.want)
		}
	}
}
