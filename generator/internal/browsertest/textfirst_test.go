package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 15: on a Summary Report's page the text comes first: at 1280 px its
// contents and its first paragraph are in the first screen, the status,
// history and citation follow the text, and a "Back to contents" link stays
// in view while the text scrolls.
func TestSummaryReportTextFirst(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	srv := Serve(t, realSite(t), "")
	type layout struct {
		Contents, Para1, Status, Report float64
		// WayBack: after scrolling to paragraph 30, the contents (wide
		// screens, beside the text) or the "Back to contents" link
		// (narrow ones) is shown and in view.
		WayBack  bool
		BackHref string
	}
	measure := func(width, height int64) layout {
		var got layout
		tab.Run(chromedp.EmulateViewport(width, height), chromedp.Navigate(srv.URL+"documents/rm07-summary-report/"),
			chromedp.Evaluate(`(() => {
				const top = s => document.querySelector(s).getBoundingClientRect().top + scrollY;
				const r = {contents: top('#doc-contents'), para1: top('#para-1'), status: top('#doc-status'), report: top('#doc-text')};
				const back = document.querySelector('.to-contents');
				r.backHref = back ? back.getAttribute('href') : '';
				window.scrollTo(0, top('#para-30'));
				const inView = e => { if (!e || !e.getClientRects().length) return false; const b = e.getBoundingClientRect(); return b.height > 0 && b.top >= 0 && b.bottom <= innerHeight; };
				r.wayBack = inView(document.querySelector('#doc-contents')) || inView(back);
				return r;
			})()`, &got))
		return got
	}
	wide := measure(1280, 900)
	if wide.Contents >= 900 || wide.Para1 >= 900 {
		t.Errorf("1280 px: contents at %.0f px and paragraph 1 at %.0f px; want both in the first 900 px", wide.Contents, wide.Para1)
	}
	if wide.Status <= wide.Report {
		t.Errorf("1280 px: the status (%.0f px) comes before the text (%.0f px)", wide.Status, wide.Report)
	}
	for name, l := range map[string]layout{"1280 px": wide, "375 px": measure(375, 740)} {
		if l.BackHref != "#doc-contents" || !l.WayBack {
			t.Errorf("%s: no way back to the contents in view at paragraph 30 (link %q)", name, l.BackHref)
		}
	}
}
