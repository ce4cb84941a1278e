// Package browsertest drives a real browser (Debian's Chromium, through
// chromedp) against a built site served on loopback, for the tests of the
// site, search and anything a reader does in a browser.
//
// Tests build a site with BuildSite (once per test binary for the same
// flags), serve it with Serve, and open a tab with Browser, which skips the
// test with a clear message when Chromium is missing, except under CI
// (CI=true), where a missing browser is a failure: .ci/run installs it.
//
// The test binary runs one Chromium, started by the first Browser call; each
// test is lent a tab of its own (a target with its own browser context), so
// tests may run side by side. Tabs that tests give back are reset and lent
// again (TestTabLentAgainStartsClean).
//
// The page tests also need axe-core (AxeSource): .ci/run installs the pinned
// release into .build/npm; $AXE_CORE_JS names another copy. Screenshots and
// printed PDFs prove nothing by themselves: they are taken only when asked
// for, as test artifacts, with
//
//	go test -artifacts -outputdir /tmp/out ./generator/internal/browsertest
package browsertest

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/preview"
	"github.com/cns-transparency/cns-site/generator/internal/testneed"
)

// ChromiumPath finds the browser: $CHROMIUM, else the first on PATH of
// chromium-headless-shell, chromium, chromium-browser and google-chrome.
// The headless shell comes first: it is Chromium's own engine (Blink, V8)
// without the desktop browser around it, and the suite spent a third less
// processor time in it (115 against 169 core-seconds, measured in one
// cgroup with its renderers, same run) with every test passing.
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Need skips the test, or fails it under CI, when what it needs is missing.
func Need(t testing.TB, ok bool, what string) {
	t.Helper()
	testneed.Need(t, ok, what, "the browser tests (locally: apt-get install -y chromium-headless-shell, or chromium)")
}

// keepArtifacts reports whether the test binary was asked to keep test
// artifacts (go test -artifacts): screenshots and printed PDFs are made only
// then.
func keepArtifacts() bool {
	f := flag.Lookup("test.artifacts")
	return f != nil && f.Value.String() == "true"
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
	return serveThrough(t, dir, prefix, nil)
}

// serveThrough is Serve with every request passed through wrap (nil: none),
// for a test that holds back or refuses some files.
func serveThrough(t testing.TB, dir, prefix string, wrap func(http.Handler) http.Handler) *Server {
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
	if wrap != nil {
		h = wrap(h)
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
	Ctx   context.Context // the tab, for the test it is lent to
	base  context.Context // the tab, for as long as it is open
	close func()          // closes the tab and its browser context
	t     testing.TB
	// browserContext is the tab's own browser context, for the commands
	// that apply to one (permissions).
	browserContext cdp.BrowserContextID

	mu       sync.Mutex
	requests []string                // every URL the page requested
	console  []string                // console errors and uncaught exceptions
	origins  map[string]bool         // the origins requested since the tab was lent, whose data reset clears
	idle     *idleTabs               // where the tab goes back to, its browser's
	scripts  []page.ScriptIdentifier // OnNewDocument's, which reset removes
}

// OnNewDocument runs src in every document the tab loads from now on,
// before the page's own scripts, until the tab is given back.
func (tab *Tab) OnNewDocument(src string) {
	tab.t.Helper()
	var id page.ScriptIdentifier
	tab.Run(chromedp.ActionFunc(func(ctx context.Context) (err error) {
		id, err = page.AddScriptToEvaluateOnNewDocument(src).Do(ctx)
		return err
	}))
	tab.mu.Lock()
	tab.scripts = append(tab.scripts, id)
	tab.mu.Unlock()
}

// The test binary's Chromiums: one that draws no frames and one that does
// (drawsFrames), each started by the first test that asks for one of its
// tabs, stopped by stopChromium (TestMain) once every test has ended, and
// each with the tabs tests have given back. Starting a browser costs about
// a second, and the tests open dozens of tabs. When every browser draws
// frames (drawsFrames), the tests share the one that does.
var chromiums [2]struct {
	once sync.Once
	ctx  context.Context // the browser's first tab; tests' tabs are opened from it
	stop func()
	err  error
	idle idleTabs // the tabs given back by tests that passed, reset, ready to be lent again
}

// chromiumFor is the index in chromiums of the browser that draws frames,
// or of the one that does not.
func chromiumFor(draws bool) int {
	if draws || drawsFrames() {
		return 1
	}
	return 0
}

// startChromium starts the shared browser that draws frames, or the one
// that does not, once, with a fresh profile.
func startChromium(path string, draws bool) (context.Context, error) {
	chromium := &chromiums[chromiumFor(draws)]
	chromium.once.Do(func() {
		// The profile is removed after the browser has gone: Chromium's
		// helper processes may still be writing to it for a moment after it
		// exits.
		profile, err := os.MkdirTemp("", "cns-chromium-")
		if err != nil {
			chromium.err = err
			return
		}
		removeProfile := func() {
			for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
				time.Sleep(50 * time.Millisecond)
			}
		}
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
			// RenderDocument gives every page loaded in a tab a new frame
			// in the renderer, and the browser and GPU processes their
			// side of it: off, a load of a page of the site costs
			// Chromium a quarter to a third less (100 loads of the 404
			// page, 79 → 57 ms each; 52 → 35 ms for an empty page), and
			// the browser tests some 8% of their time. Pages behave the
			// same.
			chromedp.Flag("disable-features", "site-per-process,Translate,BlinkGenPropertyTrees,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,RenderDocument"),
			chromedp.WindowSize(1280, 900),
		)
		if !draws && !drawsFrames() {
			opts = append(opts, chromedp.Flag("disable-threaded-compositing", true))
		}
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelC := chromedp.NewContext(actx)
		if err := chromedp.Run(ctx); err != nil {
			cancelC()
			cancelA()
			removeProfile()
			chromium.err = fmt.Errorf("starting Chromium (%s): %w", path, err)
			return
		}
		chromium.ctx = ctx
		chromium.stop = func() {
			// Closed gracefully, within a few seconds; then killed.
			sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			chromedp.Cancel(sctx)
			cancel()
			cancelC()
			cancelA()
			removeProfile()
		}
	})
	return chromium.ctx, chromium.err
}

// drawsFrames reports whether every tab the tests are lent draws frames, as
// a reader's browser does: under CNS_TEST_EXHAUSTIVE (as .ci/run sets) and
// when screenshots are asked for (-artifacts). In a developer's run the
// tabs of Browser draw none (headless Chromium with its compositor on the
// page's own thread produces no frame unless asked to): pages load, lay
// out, run their scripts and take keys as before, and what a test reads of
// them (text, boxes, styles, focus, axe's findings, printed PDFs) is
// computed when it is read, but nothing is painted, and a page load costs
// Chromium about a third less (four pages of the site, 20 loads each: 570 to
// 580 ms against 360 to 385 ms). What waits for a frame never happens
// there: requestAnimationFrame callbacks (the site's scripts use none; the
// tests wait by timer, poll) and the mouse (chromedp.Click waits for its
// move to be handled, which waits for a frame); idle callbacks run only at
// their timeout (the search script's, searchBrowser). Tests that need
// frames take a tab of DrawingBrowser.
func drawsFrames() bool { return corpus.Exhaustive() || keepArtifacts() }

// poll waits, for at most timeout, until the script's value is true or
// truthy, and stores it in res (nil: not kept). It evaluates the script
// every 20 ms, not on every frame as chromedp.Poll does by default, since
// Chromium may draw no frames (drawsFrames).
func poll(script string, res any, timeout time.Duration) chromedp.Action {
	return chromedp.Poll(script, res, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(20*time.Millisecond))
}

// stopChromium stops the shared browsers that tests started.
func stopChromium() {
	for i := range chromiums {
		if chromiums[i].stop != nil {
			chromiums[i].stop()
		}
	}
}

// Browser lends t a tab of the test binary's headless Chromium (started by
// the first call) in a window of 1280 by 900 px, until t ends; a tab that
// draws no frames in a developer's run (drawsFrames). Each tab has a
// browser context of its own (cookies, storage, cache and permissions, as
// with a fresh profile) and keeps the focus a window's only tab has, so
// tests may run side by side. A tab is opened for t, or one a test that
// passed has given back is lent again, reset first (reset): opening a tab,
// its window, browser context and renderer costs more of Chromium's time
// than loading a page in one.
func Browser(t testing.TB) *Tab {
	t.Helper()
	return lendTab(t, false)
}

// DrawingBrowser is Browser with a tab that draws frames in every run, for
// a test that clicks with the mouse or waits for a frame.
func DrawingBrowser(t testing.TB) *Tab {
	t.Helper()
	return lendTab(t, true)
}

func lendTab(t testing.TB, draws bool) *Tab {
	t.Helper()
	path := ChromiumPath()
	Need(t, path != "", "Chromium")
	bctx, err := startChromium(path, draws)
	if err != nil {
		t.Fatal(err)
	}
	idle := &chromiums[chromiumFor(draws)].idle
	tab := idle.take()
	if tab == nil {
		if tab, err = openTab(bctx); err != nil {
			t.Fatalf("Chromium (%s): %v", path, err)
		}
		tab.idle = idle
	}
	tab.lend(t)
	return tab
}

type idleTabs struct {
	mu   sync.Mutex
	tabs []*Tab
}

func (p *idleTabs) take() *Tab {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.tabs) == 0 {
		return nil
	}
	tab := p.tabs[len(p.tabs)-1]
	p.tabs = p.tabs[:len(p.tabs)-1]
	return tab
}

func (p *idleTabs) put(tab *Tab) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tabs = append(p.tabs, tab)
}

// openTab opens a tab, with a browser context and a window of its own, and
// starts recording its requests and console errors.
func openTab(bctx context.Context) (*Tab, error) {
	// Chromium opens the first tab of a new browser context only in a
	// window of its own.
	bex := cdp.WithExecutor(bctx, chromedp.FromContext(bctx).Browser)
	bcid, err := target.CreateBrowserContext().Do(bex)
	if err != nil {
		return nil, fmt.Errorf("a new browser context: %w", err)
	}
	tid, err := target.CreateTarget("about:blank").WithBrowserContextID(bcid).WithNewWindow(true).Do(bex)
	if err != nil {
		target.DisposeBrowserContext(bcid).Do(bex)
		return nil, fmt.Errorf("a new tab: %w", err)
	}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithTargetID(tid))
	tab := &Tab{base: ctx, browserContext: bcid}
	tab.close = func() {
		chromedp.Cancel(ctx) // closes the tab and waits for it
		cancel()
		target.DisposeBrowserContext(bcid).Do(bex)
	}
	chromedp.ListenTarget(ctx, func(ev any) {
		tab.mu.Lock()
		defer tab.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			tab.requests = append(tab.requests, e.Request.URL)
			if u, err := url.Parse(e.Request.URL); err == nil && u.Host != "" && tab.origins != nil {
				tab.origins[u.Scheme+"://"+u.Host] = true
			}
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
	// chromedp enables the CSS domain on every tab; no test reads it, and
	// Chromium then reports every style sheet of every page: 4-9% of its
	// time in the page tests, measured.
	if err := chromedp.Run(ctx, network.Enable(), runtime.Enable(), emulation.SetFocusEmulationEnabled(true), css.Disable()); err != nil {
		tab.close()
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	return tab, nil
}

// lend gives the tab to t: its requests and console errors are t's from
// now on, its actions fail t and time out after five minutes. When t ends,
// the tab is reset and kept for another test, or closed if t failed or the
// reset did.
func (tab *Tab) lend(t testing.TB) {
	ctx, cancel := context.WithTimeout(tab.base, 5*time.Minute)
	tab.mu.Lock()
	tab.Ctx, tab.t, tab.requests, tab.console, tab.origins = ctx, t, nil, nil, map[string]bool{}
	tab.mu.Unlock()
	t.Cleanup(func() {
		cancel()
		if t.Failed() || tab.reset() != nil {
			tab.close()
			return
		}
		tab.idle.put(tab)
	})
}

// reset undoes what a test may have changed in a tab: the page (about:blank),
// the scripts run in each new document (OnNewDocument), what the tests
// emulate (viewport, media features, time zone, script execution, touch),
// the permissions granted, and the cookies, storage and cache of every
// origin the tab has loaded from.
func (tab *Tab) reset() error {
	ctx, cancel := context.WithTimeout(tab.base, 10*time.Second)
	defer cancel()
	tab.mu.Lock()
	origins, scripts := tab.origins, tab.scripts
	tab.origins, tab.scripts = nil, nil
	tab.mu.Unlock()
	var actions []chromedp.Action
	for _, id := range scripts {
		actions = append(actions, page.RemoveScriptToEvaluateOnNewDocument(id))
	}
	actions = append(actions,
		chromedp.Navigate("about:blank"),
		emulation.ClearDeviceMetricsOverride(),
		emulation.SetTouchEmulationEnabled(false),
		emulation.SetEmulatedMedia().WithMedia("").WithFeatures([]*emulation.MediaFeature{}),
		emulation.SetTimezoneOverride(""),
		emulation.SetScriptExecutionDisabled(false),
		emulation.SetFocusEmulationEnabled(true),
		browser.ResetPermissions().WithBrowserContextID(tab.browserContext),
		network.ClearBrowserCookies(),
		network.ClearBrowserCache(),
	)
	for o := range origins {
		actions = append(actions, storage.ClearDataForOrigin(o, "all"))
	}
	return chromedp.Run(ctx, actions...)
}

// tabPool is a few tabs that the subtests of one test take turns in:
// opening a tab (its window, browser context and renderer) costs more
// Chromium time than loading a page in one. Subtests that take one start
// from the state the previous one left (emulation, history), as they would
// in one tab, and set what they depend on.
type tabPool chan *Tab

// newTabPool opens, for t, as many tabs of open (Browser or DrawingBrowser)
// as tests run side by side (go test -parallel, one per core by default).
func newTabPool(t testing.TB, open func(testing.TB) *Tab) tabPool {
	t.Helper()
	n := goruntime.GOMAXPROCS(0)
	if f := flag.Lookup("test.parallel"); f != nil {
		if v, err := strconv.Atoi(f.Value.String()); err == nil && v > 0 {
			n = v
		}
	}
	p := make(tabPool, n)
	for range n {
		p <- open(t)
	}
	return p
}

// take waits for a free tab and lends it to t until t ends; Run then fails
// t, and the requests and console errors are t's from now on.
func (p tabPool) take(t testing.TB) *Tab {
	t.Helper()
	tab := <-p
	t.Cleanup(func() { p <- tab })
	tab.mu.Lock()
	tab.t, tab.requests, tab.console = t, nil, nil
	tab.mu.Unlock()
	return tab
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// Run runs chromedp actions, failing the test on error.
//
// Each action runs in turn. One that Chromium refused because the page's
// script context it named had just gone (the tab was between two
// documents, and chromedp had not yet heard of the new one) is tried
// again for up to two seconds: Chromium ran none of it, so trying again
// does nothing twice.
func (tab *Tab) Run(actions ...chromedp.Action) {
	tab.t.Helper()
	for _, a := range actions {
		if err := runSettled(tab.Ctx, a); err != nil {
			tab.t.Fatal(err)
		}
	}
}

// runSettled runs a, again while Chromium answers that the execution
// context it was sent to no longer exists.
func runSettled(ctx context.Context, a chromedp.Action) error {
	deadline := time.Now().Add(2 * time.Second)
	for {
		err := chromedp.Run(ctx, a)
		if err == nil || !goneContext(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// goneContext tells Chromium's answer to a script sent to an execution
// context that a navigation has destroyed.
func goneContext(err error) bool {
	return strings.Contains(err.Error(), "Cannot find context with specified id")
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
