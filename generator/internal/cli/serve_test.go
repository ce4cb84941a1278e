package cli

import (
	"bufio"
	"context"
	"fmt"
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

// serve answers on localhost; an edit to a data file shows on the page
// within two seconds, without a restart, and open pages are told to reload.
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
			"--work", filepath.Join(dir, ".build"), "--as-of", "2017-07-06"},
			Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
	}()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop when cancelled")
		}
	}()

	addr := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)
	var base string
	for deadline := time.Now().Add(60 * time.Second); base == ""; time.Sleep(50 * time.Millisecond) {
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

	// Listen for the reload event as an open page would.
	resp, err := http.Get(base + "__cns_reload")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	reloaded := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == "data: reload" {
				reloaded <- true
				return
			}
		}
	}()

	// The machine may be shared with other tests: an edit gets three tries
	// to show within two seconds, and each try's time is logged.
	name := "Albania"
	var shown bool
	for try := 1; try <= 3 && !shown; try++ {
		next := fmt.Sprintf("Albania (renamed in preview %d)", try)
		edited := time.Now()
		edit(t, filepath.Join(data, "parties.yaml"), "name: "+name, "name: "+next)
		name = next
		for time.Since(edited) < 10*time.Second {
			if strings.Contains(get(t, base+"countries/albania/"), next) {
				break
			}
			time.Sleep(25 * time.Millisecond)
		}
		took := time.Since(edited)
		shown = took <= 2*time.Second
		t.Logf("try %d: the edit showed after %s", try, took.Round(time.Millisecond))
	}
	if !shown {
		t.Fatalf("no edit showed within 2 s:\n%s\n%s", stdout.String(), stderr.String())
	}
	select {
	case <-reloaded:
	case <-time.After(2 * time.Second):
		t.Error("no reload event reached the open page")
	}

	// A broken edit keeps the last good site and says what is wrong.
	edit(t, filepath.Join(data, "parties.yaml"), "name: "+name, "nam: Albania")
	for deadline := time.Now().Add(3 * time.Second); !strings.Contains(stderr.String(), "unknown field \"nam\""); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the problem was not reported:\n%s", stderr.String())
		}
	}
	if !strings.Contains(get(t, base+"countries/albania/"), name) {
		t.Error("a failed rebuild replaced the last good site")
	}
}
