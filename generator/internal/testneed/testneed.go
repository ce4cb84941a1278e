// Package testneed is how a test says it needs a program the machine may
// lack (Chromium, Java, a validator): it is skipped with a message that says
// what is missing and who installs it, and under CI (CI=true), where
// .ci/run has installed everything, it fails instead, so a missing tool
// never passes CI silently.
package testneed

import (
	"os"
	"testing"
)

// Need skips t, or fails it under CI, when ok is false. what names the
// missing thing, by names that tell how to get it; who is the checks that
// need it ("the HTML check").
func Need(t testing.TB, ok bool, what, who string) {
	t.Helper()
	if ok {
		return
	}
	msg := what + " is missing: " + who + " needs it (bash .ci/run installs it)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}
