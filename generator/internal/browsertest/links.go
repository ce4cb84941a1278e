package browsertest

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// LinkChecker reaches link targets on a local server: a target resolves when
// it is served with 200 and, for a URL with a fragment, the page it names has
// an element with that id. Results are cached; tests running side by side
// may share one checker.
type LinkChecker struct {
	Client *http.Client

	mu    sync.Mutex
	pages map[string]*linkTarget
}

type linkTarget struct {
	once sync.Once
	err  error
	ids  map[string]bool // for HTML pages
}

// Check reaches u (absolute, on the local server).
func (lc *LinkChecker) Check(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return err
	}
	frag := p.Fragment
	p.Fragment = ""
	target := lc.fetch(p.String())
	if target.err != nil {
		return target.err
	}
	if frag != "" && !target.ids[frag] {
		return fmt.Errorf("%s has no element with id %q", p.String(), frag)
	}
	return nil
}

func (lc *LinkChecker) fetch(u string) *linkTarget {
	lc.mu.Lock()
	if lc.pages == nil {
		lc.pages = map[string]*linkTarget{}
	}
	t, ok := lc.pages[u]
	if !ok {
		t = &linkTarget{}
		lc.pages[u] = t
	}
	lc.mu.Unlock()
	t.once.Do(func() { lc.get(t, u) })
	return t
}

// get reaches u and records what it found in t.
func (lc *LinkChecker) get(t *linkTarget, u string) {
	client := lc.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Get(u)
	if err != nil {
		t.err = err
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.err = fmt.Errorf("%s: %s", u, resp.Status)
		return
	}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.ids = HTMLIDs(resp.Body)
	} else {
		io.Copy(io.Discard, resp.Body)
	}
}

// HTMLIDs returns the ids (and anchor names) of an HTML document's elements.
func HTMLIDs(r io.Reader) map[string]bool {
	ids := map[string]bool{}
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ids
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "id" || (string(k) == "name" && string(tag) == "a") {
					ids[string(v)] = true
				}
			}
		}
	}
}
