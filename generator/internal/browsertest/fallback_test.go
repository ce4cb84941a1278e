package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A state the page has no badge for on a past day is shown as the past-day
// template's data-fallback ("not public"), and counted there: the script
// names no state itself. The fixture's 7th meeting on 1 May 2017, when its
// National Reports were scheduled, from a copy of its page whose template
// lacks the badge of "scheduled".
func TestPastDayFallsBackToTheTemplatesFallbackState(t *testing.T) {
	t.Parallel()
	Need(t, ChromiumPath() != "", "Chromium")
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS(realSite(t))); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "meetings", "rm07", "index.html")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	badge := regexp.MustCompile(`<span data-state="scheduled" data-order="[0-9]+"[^>]*>.*?</span></span>`)
	if n := len(badge.FindAll(b, -1)); n != 1 {
		t.Fatalf("%d badges of scheduled in the page's template, want 1", n)
	}
	if err := os.WriteFile(page, badge.ReplaceAll(b, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Rows     map[string]int `json:"rows"`
		Fallback string         `json:"fallback"`
	}
	tab := Browser(t)
	srv := Serve(t, dir, "")
	tab.Run(chromedp.Navigate(srv.URL+"meetings/rm07/?on=2017-05-01"),
		// A script that fails to fall back stops before it writes the day.
		poll(`!!document.querySelector(".day-note time")`, nil, 5*time.Second),
		chromedp.Evaluate(`({rows: [...document.querySelectorAll("[data-past][data-state]")].reduce((n, e) => (n[e.dataset.state] = (n[e.dataset.state] || 0) + 1, n), {}),
			fallback: document.getElementById("past-templates").content.querySelector("[data-fallback]").dataset.state})`, &got))
	if got.Fallback != "not_public" {
		t.Errorf("the template's fallback is %q, want not_public", got.Fallback)
	}
	if got.Rows["scheduled"] != 0 || got.Rows[got.Fallback] == 0 {
		t.Errorf("rows by state on the day %v: want the scheduled reports shown as %s", got.Rows, got.Fallback)
	}
}
