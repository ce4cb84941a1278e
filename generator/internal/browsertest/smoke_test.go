package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The harness itself: a built site is served on loopback, the browser loads
// its home page, and nothing is requested from another host.
func TestHarnessLoadsHomePageWithoutForeignRequests(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	srv := Serve(t, BuildSite(t, "--as-of", "2017-07-06"), "")
	var title string
	tab.Run(chromedp.Navigate(srv.URL), chromedp.Title(&title))
	if !strings.Contains(title, "CNS") {
		t.Errorf("title = %q", title)
	}
	if f := Foreign(tab.Requests(), srv.URL); len(f) > 0 {
		t.Errorf("requests left the site: %v", f)
	}
	if c := tab.ConsoleErrors(); len(c) > 0 {
		t.Errorf("console errors: %v", c)
	}
}
