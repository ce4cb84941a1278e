package browsertest

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A site built for https://example.org/cns/ and served under /cns/: in the
// browser, every link, stylesheet and script of each kind of page stays
// under /cns/ and resolves, and nothing is requested outside it.
func TestSubpathSitePassesBrowserLinkCheck(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	srv := Serve(t, BuildSite(t, "--as-of", "2017-07-06", "--base-url", "https://example.org/cns/"), "/cns/")
	links := &LinkChecker{Client: &http.Client{Timeout: 10 * time.Second}}
	origin, _ := url.Parse(srv.URL)
	for _, page := range []string{"", "meetings/", "meetings/rm07/", "countries/", "countries/albania/", "documents/",
		"documents/rm07-nr-albania/", "documents/rm07-summary-report/", "upcoming/", "publication/", "data/", "search/?q=korea", "about/"} {
		name := strings.TrimSuffix(page, "/")
		if name == "" {
			name = "home"
		}
		t.Run(name, func(t *testing.T) {
			tab.Requests()
			var refs []pageLink
			tab.Run(chromedp.Navigate(srv.URL+page), chromedp.Evaluate(listLinks, &refs))
			if len(refs) < 5 {
				t.Fatalf("only %d links on %s", len(refs), page)
			}
			for _, l := range refs {
				lu, err := url.Parse(l.URL)
				if err != nil || lu.Scheme == "data" || (lu.Host != origin.Host && lu.Host != "example.org") {
					continue // an official copy elsewhere is followed, never requested
				}
				if !strings.HasPrefix(lu.Path, "/cns/") {
					t.Errorf("<%s %s> leaves /cns/: %s", l.Tag, l.Attr, l.URL)
					continue
				}
				if lu.Host == "example.org" {
					lu.Scheme, lu.Host = origin.Scheme, origin.Host // the canonical address, served here
				}
				if err := links.Check(lu.String()); err != nil {
					t.Errorf("<%s %s=%s>: %v", l.Tag, l.Attr, l.URL, err)
				}
			}
			for _, r := range tab.Requests() {
				if ru, err := url.Parse(r); err == nil && ru.Scheme != "data" && !strings.HasPrefix(ru.Path, "/cns/") {
					t.Errorf("the page requested %s, outside /cns/", r)
				}
			}
			if c := tab.ConsoleErrors(); len(c) > 0 {
				t.Errorf("console errors: %v", c)
			}
		})
	}
}
