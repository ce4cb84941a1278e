package memlimit

import "testing"

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
