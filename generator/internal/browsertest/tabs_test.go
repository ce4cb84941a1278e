package browsertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// A tab a test gives back is lent to the next test as a fresh one would be:
// whatever the first test emulated (a phone's viewport, the dark scheme,
// reduced motion, another time zone, no scripts), the scripts it had run in
// each new document, the permissions it granted and what the page stored
// are gone. The two subtests run one after the other, so the second is lent
// the tab the first gave back.
func TestTabLentAgainStartsClean(t *testing.T) {
	Need(t, ChromiumPath() != "", "Chromium")
	dir := t.TempDir()
	page := `<!doctype html><html lang="en"><title>not run</title><script>document.title = "ran"</script>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := Serve(t, dir, "")
	type state struct {
		Title    string `json:"title"`
		Width    int    `json:"width"`
		Dark     bool   `json:"dark"`
		Reduced  bool   `json:"reduced"`
		Zone     string `json:"zone"`
		Stored   string `json:"stored"`
		Clipping string `json:"clipboard"`
		Added    bool   `json:"added"` // by a script OnNewDocument added
	}
	read := `(async () => ({title: document.title, width: innerWidth,
		dark: matchMedia("(prefers-color-scheme: dark)").matches,
		reduced: matchMedia("(prefers-reduced-motion: reduce)").matches,
		zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
		stored: localStorage.getItem("left") || "",
		clipboard: (await navigator.permissions.query({name: "clipboard-read"})).state,
		added: window.cnsAdded === true}))()`
	var first *Tab
	var fresh state
	t.Run("changes everything", func(t *testing.T) {
		tab := Browser(t)
		first = tab
		tab.Run(chromedp.Navigate(srv.URL), chromedp.Evaluate(read, &fresh, awaitPromise))
		tab.OnNewDocument(`window.cnsAdded = true`)
		tab.Run(
			chromedp.EmulateViewport(320, 640),
			emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}, {Name: "prefers-reduced-motion", Value: "reduce"}}),
			emulation.SetTimezoneOverride("Pacific/Kiritimati"),
			emulation.SetScriptExecutionDisabled(true),
			chromedp.Evaluate(`localStorage.setItem("left", "behind")`, nil),
			browser.GrantPermissions([]browser.PermissionType{browser.PermissionTypeClipboardReadWrite}).WithOrigin(srv.URL[:len(srv.URL)-1]).WithBrowserContextID(tab.browserContext),
			chromedp.Navigate(srv.URL),
		)
		var changed state
		tab.Run(chromedp.Evaluate(read, &changed, awaitPromise))
		// Each change took, so that the next subtest tests undoing it.
		if changed.Title == fresh.Title || changed.Width == fresh.Width || changed.Dark == fresh.Dark ||
			changed.Reduced == fresh.Reduced || changed.Zone == fresh.Zone || changed.Stored == fresh.Stored ||
			changed.Clipping == fresh.Clipping || changed.Added == fresh.Added {
			t.Fatalf("not every change took: fresh %+v, changed %+v", fresh, changed)
		}
	})
	t.Run("is lent the tab clean", func(t *testing.T) {
		tab := Browser(t)
		if tab != first {
			t.Skip("another test took the tab given back")
		}
		var got state
		tab.Run(chromedp.Navigate(srv.URL), chromedp.Evaluate(read, &got, awaitPromise))
		if got != fresh {
			t.Errorf("the tab lent again reads %+v, a fresh one %+v", got, fresh)
		}
	})
}
