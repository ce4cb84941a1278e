package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A document page prints as a clean record (issue 4): no navigation, search
// box, skip link or buttons; black on white; the download and official
// addresses written out. With go test -artifacts, the page is printed to a
// PDF, kept as a test artifact.
func TestDocumentPagePrintsAsCleanRecord(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	edge := Serve(t, edgeSite(t), "")
	real := Serve(t, realSite(t), "")
	for _, c := range []struct {
		name, url string
		written   []string // selectors whose ::after writes out their address
	}{
		{"document-public-file", edge.URL + "documents/rm07-nr-borduria/", []string{"a.download-link", "a.official-link"}},
		{"summary-report", real.URL + "documents/rm07-summary-report/", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var shown []string
			var colors string
			err := chromedp.Run(tab.Ctx,
				chromedp.Navigate(c.url),
				emulation.SetEmulatedMedia().WithMedia("print"),
				chromedp.Evaluate(`[".skip-link", ".site-nav", ".footer-nav", ".searchbox", ".toc", ".copy-link", ".sort-button .sort-icon"]
				  .flatMap(s => [...document.querySelectorAll(s)]).filter(e => getComputedStyle(e).display !== "none")
				  .map(e => e.tagName.toLowerCase() + "." + String(e.className).split(" ")[0])`, &shown),
				chromedp.Evaluate(`getComputedStyle(document.body).color + " on " + getComputedStyle(document.body).backgroundColor`, &colors),
			)
			if err != nil {
				t.Fatal(err)
			}
			if len(shown) > 0 {
				t.Errorf("printed, these still show: %v", shown)
			}
			if colors != "rgb(0, 0, 0) on rgb(255, 255, 255)" {
				t.Errorf("printed colours: %s, want black on white", colors)
			}
			for _, sel := range c.written {
				var after, href string
				if err := chromedp.Run(tab.Ctx,
					chromedp.Evaluate(`getComputedStyle(document.querySelector("`+sel+`"), "::after").content`, &after),
					chromedp.Evaluate(`document.querySelector("`+sel+`").getAttribute("href")`, &href),
				); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(after, href) {
					t.Errorf("printed, %s does not write out its address %q (::after is %s)", sel, href, after)
				}
			}
			if keepArtifacts() {
				var pdf []byte
				if err := chromedp.Run(tab.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
					var err error
					pdf, _, err = page.PrintToPDF().WithPrintBackground(true).Do(ctx)
					return err
				})); err != nil {
					t.Fatal(err)
				}
				f := filepath.Join(t.ArtifactDir(), c.name+".pdf")
				if err := os.WriteFile(f, pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("printed to %s (%d bytes)", f, len(pdf))
			}
			chromedp.Run(tab.Ctx, emulation.SetEmulatedMedia().WithMedia(""))
		})
	}
}

// The axe check can fail: on a page with an image without alternative text
// and unreadable text, it reports both as serious or critical.
func TestAxeReportsViolations(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	src := AxeSource(t)
	srv := Serve(t, realSite(t), "")
	var vs []AxeViolation
	tab.Run(chromedp.Navigate(srv.URL+"about/"),
		chromedp.Evaluate(`document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="data:,"><p style="color:#ccc;background:#fff">faint</p>'); true`, nil),
		AxeRun(src, "", &vs))
	found := map[string]bool{}
	for _, v := range vs {
		if v.Severe() {
			found[v.ID] = true
		}
	}
	for _, id := range []string{"image-alt", "color-contrast"} {
		if !found[id] {
			t.Errorf("axe did not report %s as serious or critical; it reported %v", id, vs)
		}
	}
}
