package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// Colour is never the only carrier of a state: each state's badge, as the
// past-day templates hold them all (the ledger's), draws an icon of its
// own, so that "Not public" on a past day does not look like "Restricted"
// to a reader who cannot tell their colours apart.
func TestEachStateHasItsOwnIcon(t *testing.T) {
	t.Parallel()
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	b, err := os.ReadFile(filepath.Join(site, "documents", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	badge := regexp.MustCompile(`<span data-state="([a-z_]+)"[^>]*><span class="state state-[a-z_]+"><svg class="state-icon"[^>]*>(.*?)</svg>`)
	found := badge.FindAllSubmatch(b, -1)
	if len(found) < 6 {
		t.Fatalf("the ledger's past-day templates hold %d state badges, want every state's", len(found))
	}
	byIcon := map[string]string{}
	for _, m := range found {
		state, icon := string(m[1]), string(m[2])
		if other, ok := byIcon[icon]; ok && other != state {
			t.Errorf("%q and %q draw the same icon: %s", other, state, icon)
		}
		byIcon[icon] = state
	}
}
