package disclosure

import "testing"

// A file's media type comes from this program's table, whatever the
// machine's: the same site on every machine; case does not matter, and an
// extension it does not know is plain bytes.
func TestMediaTypeIsTheProgramsOwn(t *testing.T) {
	for name, want := range map[string]string{
		"report.pdf": "application/pdf", "REPORT.PDF": "application/pdf",
		"r.docx":    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"notes.txt": "text/plain; charset=utf-8", "archive.7z": "application/octet-stream", "noext": "application/octet-stream",
	} {
		if got := MediaType(name); got != want {
			t.Errorf("MediaType(%q) = %q, want %q", name, got, want)
		}
	}
}
