// Package browsertest drives a real browser (Debian's Chromium, through
// chromedp) against a built site served on loopback, for the tests of the
// site, search and anything a reader does in a browser.
//
// Tests call Site to build once and serve, then Browser for a tab. Both skip
// the test with a clear message when Chromium is missing, except under CI
// (CI=true), where a missing browser is a failure: .ci/run installs it.
//
// The page tests also need axe-core (AxeSource): .ci/run installs the pinned
// release into .build/npm; $AXE_CORE_JS names another copy. Screenshots and
// printed PDFs are test artifacts: keep them with
//
//	go test -artifacts -outputdir /tmp/out ./generator/internal/browsertest
//
// (without -artifacts they are written to temporary folders and removed).
package browsertest

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/preview"
)

// ChromiumPath finds the browser: $CHROMIUM, else chromium or
// chromium-browser on PATH.
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Need skips the test, or fails it under CI, when what it needs is missing.
func Need(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	msg := what + " is missing: browser tests need it (bash .ci/run installs it; locally: apt-get install -y chromium)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// Server serves a built site on loopback.
type Server struct {
	URL string // "http://127.0.0.1:PORT/"
	Dir string
}

// Serve serves dir on a free loopback port until the test ends. A path
// under prefix (such as "/cns/") maps to dir, to test sites built for a
// subpath; "" serves at the root. Unknown paths get the site's 404.html.
func Serve(t testing.TB, dir, prefix string) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// The preview server's file server, without its reload script: only
	// files inside the site, the site's own 404 page.
	var h http.Handler = preview.NewStatic(dir)
	if prefix != "" && prefix != "/" {
		h = http.StripPrefix(strings.TrimSuffix(prefix, "/"), h)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	u := "http://" + ln.Addr().String() + "/"
	if prefix != "" && prefix != "/" {
		u = "http://" + ln.Addr().String() + "/" + strings.Trim(prefix, "/") + "/"
	}
	return &Server{URL: u, Dir: dir}
}

// Tab is a browser tab that records what the page did.
type Tab struct {
	Ctx context.Context
	t   testing.TB

	mu       sync.Mutex
	requests []string // every URL the page requested
	console  []string // console errors and uncaught exceptions
}

// Browser opens headless Chromium with a fresh profile and returns a tab.
// The browser and its profile go away when the test ends.
func Browser(t testing.TB) *Tab {
	t.Helper()
	path := ChromiumPath()
	Need(t, path != "", "Chromium")
	// The profile is removed after the browser has gone, and without failing
	// the test: Chromium's helper processes may still be writing to it for a
	// moment after it exits (t.TempDir would fail the test then).
	profile, err := os.MkdirTemp("", "cns-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(50 * time.Millisecond)
		}
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	tab := &Tab{Ctx: ctx, t: t}
	chromedp.ListenTarget(ctx, func(ev any) {
		tab.mu.Lock()
		defer tab.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			tab.requests = append(tab.requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				tab.console = append(tab.console, "console.error: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			tab.console = append(tab.console, "exception: "+e.ExceptionDetails.Text+" "+exceptionText(e.ExceptionDetails))
		}
	})
	if err := chromedp.Run(ctx, network.Enable(), runtime.Enable()); err != nil {
		t.Fatalf("starting Chromium (%s): %v", path, err)
	}
	return tab
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// Run runs chromedp actions, failing the test on error.
func (tab *Tab) Run(actions ...chromedp.Action) {
	tab.t.Helper()
	if err := chromedp.Run(tab.Ctx, actions...); err != nil {
		tab.t.Fatal(err)
	}
}

// Requests returns and forgets the URLs requested so far.
func (tab *Tab) Requests() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	r := tab.requests
	tab.requests = nil
	return r
}

// ConsoleErrors returns and forgets the console errors so far.
func (tab *Tab) ConsoleErrors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	c := tab.console
	tab.console = nil
	return c
}

// Foreign lists the requests that left the given origin (any host other
// than the site's own; data: URLs are local).
func Foreign(requests []string, origin string) []string {
	o, _ := url.Parse(origin)
	var out []string
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "about" {
			continue
		}
		if u.Host != o.Host {
			out = append(out, r)
		}
	}
	return out
}
