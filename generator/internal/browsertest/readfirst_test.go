package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// readPlace is where a document page's way to read the document is laid out.
type readPlace struct {
	Found    bool     `json:"found"`
	Heading  string   `json:"heading"`
	Headings []string `json:"headings"` // every h2 of the page, in order
	// Top of the section's heading, bottom of its first paragraph and of
	// its way to read (its first link, or its last paragraph when it has
	// none); the screen's height.
	Top    float64 `json:"top"`
	First  float64 `json:"first"`
	Bottom float64 `json:"bottom"`
	Height float64 `json:"height"`
}

const measureReadPlace = `(() => {
  const h = document.querySelector("#doc-download, #doc-official, #doc-read");
  const headings = [...document.querySelectorAll("main h2")].map(e => e.textContent.trim());
  if (!h) return {found: false, headings};
  const s = h.closest("section");
  const ps = [...s.querySelectorAll("p")];
  const way = s.querySelector("a[href]") || ps[ps.length - 1];
  return {found: true, heading: h.textContent.trim(), headings, top: h.getBoundingClientRect().top,
    first: ps[0].getBoundingClientRect().bottom, bottom: way.getBoundingClientRect().bottom, height: innerHeight};
})()`

// Issue 24: on a public document's page, where to read it (its file, its
// official copy, the page that lists it, or how to ask) comes right under
// the status (its state and reason), before the basis, dates and rule, and
// in the first screen: on the smallest common phone (375 × 667 px) its
// heading and first paragraph show without scrolling; at 375 × 740 and
// 1280 × 800 px so does its way to read (its first link, or what to do when
// none is known). One document for each way of reading it.
func TestWhereToReadItIsInTheFirstScreen(t *testing.T) {
	tab := Browser(t)
	real := Serve(t, realSite(t), "")
	edge := Serve(t, edgeSite(t), "")
	docs := []struct {
		srv     *Server
		id      string
		heading string
	}{
		{edge, "rm07-nr-borduria", "Download"},         // its file, here
		{edge, "rm06-nr-aland", "Official copy"},       // its official address
		{edge, "rm06-nr-syldavia", "Where to read it"}, // its meeting's list of documents
		{edge, "rm07-nr-carpania", "Where to read it"}, // its party's page of reports
		{edge, "rm07-nr-union", "Where to read it"},    // nowhere known: how to ask
		{real, "rm07-nr-albania", "Where to read it"},  // the fixture's usual case
	}
	for _, d := range docs {
		for _, size := range []struct {
			w, h  int64
			whole bool // the way to read in view, not only the first paragraph
		}{{375, 667, false}, {375, 740, true}, {1280, 800, true}} {
			var got readPlace
			tab.Run(chromedp.EmulateViewport(size.w, size.h), chromedp.Navigate(d.srv.URL+"documents/"+d.id+"/"),
				chromedp.WaitReady("main h1", chromedp.ByQuery), chromedp.Evaluate(measureReadPlace, &got))
			at := fmt.Sprintf("%s at %d × %d px", d.id, size.w, size.h)
			if !got.Found || got.Heading != d.heading {
				t.Errorf("%s: the section where to read it is %q (found %v), want %q", at, got.Heading, got.Found, d.heading)
				continue
			}
			if i := indexOf(got.Headings, got.Heading); i < 1 || got.Headings[i-1] != "Status" {
				t.Errorf("%s: %q does not follow the status; the sections are %s", at, got.Heading, strings.Join(got.Headings, ", "))
			}
			end, what := got.First, "its first paragraph"
			if size.whole {
				end, what = got.Bottom, "its way to read"
			}
			if got.Top < 0 || end > got.Height {
				t.Errorf("%s: %q from %.0f px, %s ends at %.0f px: not in the first %.0f px", at, got.Heading, got.Top, what, end, got.Height)
			}
			t.Logf("%s: %q from %.0f px, first paragraph to %.0f, way to read to %.0f", at, got.Heading, got.Top, got.First, got.Bottom)
		}
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
