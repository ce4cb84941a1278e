package audit

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// What the stream was handed counts as audited only while the file on disk
// is still the one it was handed: a file written again afterwards, or one
// it never saw, is read back and audited by Verify.
func TestStreamVerifyReadsWhatItDidNotSeeAsItIs(t *testing.T) {
	secret := Secret{"d1", "official URL", "https://example.org/withheld-report.pdf"}
	dir := t.TempDir()
	write := func(rel, text string) os.FileInfo {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	clean := "<p>nothing to see</p>"
	leak := "<p>" + secret.Value + "</p>"

	t.Run("handed clean and unchanged", func(t *testing.T) {
		a := NewStream(Secrets{Strings: []Secret{secret}}, Options{})
		a.File("a.html", []byte(clean), write("a.html", clean))
		rep, err := a.Verify(dir)
		if err != nil || rep.Files != 1 {
			t.Fatalf("Verify = %+v, %v; want 1 file, no error", rep, err)
		}
	})
	t.Run("written again after it was handed", func(t *testing.T) {
		a := NewStream(Secrets{Strings: []Secret{secret}}, Options{})
		fi := write("a.html", clean)
		a.File("a.html", []byte(clean), fi)
		write("a.html", leak) // another size …
		// … and a later time, set rather than waited for, whatever the file
		// system's clock step.
		later := fi.ModTime().Add(2 * time.Second)
		if err := os.Chtimes(filepath.Join(dir, "a.html"), later, later); err != nil {
			t.Fatal(err)
		}
		_, err := a.Verify(dir)
		if !errors.Is(err, ErrLeak) {
			t.Fatalf("Verify = %v, want the leak written after the file was handed", err)
		}
	})
	t.Run("never handed", func(t *testing.T) {
		a := NewStream(Secrets{Strings: []Secret{secret}}, Options{})
		write("a.html", clean)
		write("static/b.txt", leak)
		a.File("a.html", []byte(clean), nil)
		rep, err := a.Verify(dir)
		if !errors.Is(err, ErrLeak) || rep.Files != 2 {
			t.Fatalf("Verify = %+v, %v; want 2 files and the leak in the file never handed", rep, err)
		}
	})
	t.Run("handed with a leak", func(t *testing.T) {
		a := NewStream(Secrets{Strings: []Secret{secret}}, Options{})
		os.RemoveAll(filepath.Join(dir, "static"))
		fi := write("a.html", clean)
		a.File("a.html", []byte(leak), fi) // what was written, whatever the disk holds now
		_, err := a.Verify(dir)
		var le *LeakError
		if !errors.As(err, &le) || len(le.Findings) != 1 || le.Findings[0].File != "a.html" {
			t.Fatalf("Verify = %v, want one finding in a.html", err)
		}
	})
}
