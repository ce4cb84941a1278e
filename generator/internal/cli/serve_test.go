package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a command writing while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func get(t testing.TB, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// serve answers on localhost; an edit to a data file is rebuilt without a
// restart, open pages are told to reload, and the page then shows the edit.
// The test waits for those events, not for a time: how long they took is
// logged (the deadlines only stop a test that would wait for ever).
func TestServeRebuildsOnDataChange(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyTree(t, fixture, data)

	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--data", data,
			"--site", filepath.Join(repo, "site"), "--themes", filepath.Join(repo, "themes"),
			"--work", filepath.Join(dir, ".build"), "--as-of", "2017-07-06", "--languages", "en"},
			Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Error("serve did not stop when cancelled")
		}
	}()

	addr := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)
	var base string
	for deadline := time.Now().Add(2 * time.Minute); base == ""; time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s\n%s", stdout.String(), stderr.String())
		}
	}
	page := get(t, base+"countries/albania/")
	if !strings.Contains(page, "Albania") || !strings.Contains(page, "__cns_reload") {
		t.Fatalf("the country page is not served with the reload script:\n%.500s", page)
	}

	// Listen for reload events as an open page would.
	resp, err := http.Get(base + "__cns_reload")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	reloaded := make(chan struct{}, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == "data: reload" {
				select {
				case reloaded <- struct{}{}:
				default: // the test has enough to read
				}
			}
		}
	}()

	// An edit: the open page is told to reload, and then shows it.
	const name = "Albania (renamed in preview)"
	edited := time.Now()
	edit(t, filepath.Join(data, "parties.yaml"), "name: Albania", "name: "+name)
	for shown := false; !shown; {
		select {
		case <-reloaded:
			shown = strings.Contains(get(t, base+"countries/albania/"), name)
		case <-time.After(time.Minute):
			t.Fatalf("no reload event after which the page showed the edit:\n%s\n%s", stdout.String(), stderr.String())
		}
	}
	t.Logf("the open page was told to reload, and showed the edit, %s after it", time.Since(edited).Round(time.Millisecond))

	// A broken edit keeps the last good site and says what is wrong.
	edit(t, filepath.Join(data, "parties.yaml"), "name: "+name, "nam: Albania")
	for deadline := time.Now().Add(time.Minute); !strings.Contains(stderr.String(), "unknown field \"nam\""); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the problem was not reported:\n%s", stderr.String())
		}
	}
	if !strings.Contains(get(t, base+"countries/albania/"), name) {
		t.Error("a failed rebuild replaced the last good site")
	}
}
