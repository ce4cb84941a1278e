package browsertest

import (
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// mapMarks reads, for each state's pattern of the figures page's map, the
// colour of its mark (what is drawn over the pattern's background,
// wm-b-…: the stroke of a line, wm-s-…, else the fill), as the page's
// stylesheet computes it, and the page's background, as rgb() strings.
const mapMarks = `(() => {
  const out = {};
  document.querySelectorAll("#figmap svg.wm-svg defs pattern").forEach(p => {
    const cls = e => e.getAttribute("class") || "";
    const mark = [...p.children].find(e => !/^wm-b-/.test(cls(e)));
    if (!mark) return;
    const cs = getComputedStyle(mark);
    out[p.id.replace(/^figmap-/, "")] = /^wm-s-/.test(cls(mark)) ? cs.stroke : cs.fill;
  });
  return {marks: out, bg: getComputedStyle(document.body).backgroundColor};
})()`

type mapMarkColours struct {
	Marks map[string]string
	Bg    string
}

// Issue 22: on the map, a party whose standing at the meeting is not known
// is marked in a colour no other state or standing has, in the light and
// in the dark scheme; and the mark of every state and standing has 3:1 or
// more against the page (WCAG 1.4.11: its pattern is how it is told apart
// on the map; a review measured 1.6:1 for "no record"). axe checks the
// page's text in both schemes (colourSample has the figures page).
func TestMapMarksHaveContrastAndUnknownAColourOfItsOwn(t *testing.T) {
	t.Parallel()
	tab := Browser(t)
	srv := Serve(t, largeSite(t), "") // a generated catalog, whose parties are on the map
	for _, scheme := range []string{"light", "dark"} {
		var got mapMarkColours
		tab.Run(
			emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
			chromedp.EmulateViewport(1280, 900),
			chromedp.Navigate(srv.URL+"figures/"),
			chromedp.Evaluate(mapMarks, &got),
		)
		unknown := got.Marks["unknown"]
		if unknown == "" || len(got.Marks) < 10 {
			t.Fatalf("%s: the figures page's map marks: %v", scheme, got.Marks)
		}
		for state, c := range got.Marks {
			if state != "unknown" && c == unknown {
				t.Errorf("%s: the unknown standing is marked %s, as %s is", scheme, c, state)
			}
		}
		// Every state's and standing's mark, the unknown's among them.
		for state, c := range got.Marks {
			if r := contrast(c, got.Bg); r < 3 {
				t.Errorf("%s: the mark of %s, %s, has %.2f:1 against the page's %s, want 3:1", scheme, state, c, r, got.Bg)
			}
		}
	}
	tab.Run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}))
}

// contrast is the WCAG contrast ratio of two colours written rgb(r, g, b).
func contrast(a, b string) float64 {
	lum := func(c string) float64 {
		var r, g, bl float64
		if n, _ := fmt.Sscanf(c, "rgb(%g, %g, %g)", &r, &g, &bl); n != 3 {
			return -1
		}
		lin := func(v float64) float64 {
			v /= 255
			if v <= 0.04045 {
				return v / 12.92
			}
			return math.Pow((v+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(bl)
	}
	la, lb := lum(a), lum(b)
	if la < 0 || lb < 0 {
		return 0
	}
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}
