package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// axNode is one node of Chromium's accessibility tree, as
// Accessibility.getFullAXTree returns it. The tree is read with a type of
// our own: cdproto's types reject values a newer Chromium sends (an ignored
// reason "uninteresting").
type axNode struct {
	NodeID  string `json:"nodeId"`
	Ignored bool   `json:"ignored"`
	Role    *struct {
		Value any `json:"value"`
	} `json:"role"`
	ParentID         string            `json:"parentId"`
	BackendDOMNodeID cdp.BackendNodeID `json:"backendDOMNodeId"`
}

func (n *axNode) role() string {
	if n == nil || n.Role == nil {
		return ""
	}
	return fmt.Sprint(n.Role.Value)
}

// axTree is the page's accessibility tree, by node and by DOM node.
type axTree struct {
	byID  map[string]*axNode
	byDOM map[cdp.BackendNodeID]*axNode
}

func readAXTree(ctx context.Context) (*axTree, error) {
	var res struct {
		Nodes []*axNode `json:"nodes"`
	}
	if err := cdp.Execute(ctx, "Accessibility.getFullAXTree", nil, &res); err != nil {
		return nil, err
	}
	tree := &axTree{byID: map[string]*axNode{}, byDOM: map[cdp.BackendNodeID]*axNode{}}
	for _, n := range res.Nodes {
		tree.byID[n.NodeID] = n
		if n.BackendDOMNodeID != 0 {
			tree.byDOM[n.BackendDOMNodeID] = n
		}
	}
	return tree, nil
}

// tableOf is the nearest ancestor of n exposed as a table, or nil.
func (tr *axTree) tableOf(n *axNode) *axNode {
	for p := tr.byID[n.ParentID]; p != nil; p = tr.byID[p.ParentID] {
		if !p.Ignored && p.role() == "table" {
			return p
		}
	}
	return nil
}

// tablePart is a part of a table as the page lays it out.
type tablePart struct {
	Table   int    `json:"table"` // index of its table on the page
	Tag     string `json:"tag"`
	Head    bool   `json:"head"`  // inside thead
	Scope   string `json:"scope"` // a th's scope
	Display string `json:"display"`
	Shown   bool   `json:"shown"` // rendered (display is not none)
}

const readTableParts = `[...document.querySelectorAll("table")].flatMap((t, i) =>
  [t, ...t.querySelectorAll("tr, th, td")].map(e => ({table: i, tag: e.tagName.toLowerCase(),
    head: !!e.closest("thead"), scope: e.getAttribute("scope") || "",
    display: getComputedStyle(e).display, shown: e.checkVisibility()})))`

// Issue 24: tables stacked as cards on a phone stay tables for screen
// readers through their markup alone, with no ARIA role on their parts
// (which HTML forbids on a native table). At 320 px, on every kind of page
// with a table, Chromium's accessibility tree has each table as a table,
// each row as a row of that table, each header cell as a column or row
// header and each other cell as a cell; and the layout is the phone's: the
// table keeps display: table (what browsers that derive table semantics
// from the layout, older Safari among them, need), its body rows are grids,
// one card per row.
func TestStackedTablesStayTablesOnAPhone(t *testing.T) {
	tab := Browser(t)
	real := Serve(t, realSite(t), "")
	edge := Serve(t, edgeSite(t), "")
	pages := []struct {
		srv  *Server
		path string
	}{
		{real, "documents/"},         // the ledger
		{real, "meetings/"},          // list of meetings
		{real, "meetings/rm07/"},     // a meeting's grid
		{real, "countries/"},         // list of parties
		{real, "countries/albania/"}, // a party's documents, per meeting
		{real, "data/"},              // a Markdown table (render-table.html)
		{edge, "publication/"},       // the rules (a row group per kind)
	}
	for _, p := range pages {
		t.Run(strings.Trim(p.path, "/"), func(t *testing.T) {
			var parts []tablePart
			var nodes []*cdp.Node
			var tree *axTree
			tab.Run(chromedp.EmulateViewport(320, 800), chromedp.Navigate(p.srv.URL+p.path),
				chromedp.WaitReady("main table", chromedp.ByQuery),
				// A folded table (a map's, in <details>) is read unfolded,
				// as a reader who opens it meets it.
				chromedp.Evaluate(`document.querySelectorAll("main details").forEach(d => { d.open = true; })`, nil),
				chromedp.Evaluate(readTableParts, &parts),
				chromedp.Nodes("table, table tr, table th, table td", &nodes, chromedp.ByQueryAll),
				chromedp.ActionFunc(func(ctx context.Context) (err error) {
					tree, err = readAXTree(ctx)
					return err
				}))
			if len(parts) == 0 || len(parts) != len(nodes) {
				t.Fatalf("%d table parts read, %d DOM nodes: want as many, and some", len(parts), len(nodes))
			}
			tables := map[int]*axNode{}
			cards, problems := 0, 0
			fail := func(format string, args ...any) {
				if problems++; problems <= 15 {
					t.Errorf(format, args...)
				}
			}
			for i, part := range parts {
				ax := tree.byDOM[nodes[i].BackendNodeID]
				if part.Tag == "table" {
					if part.Display != "table" {
						fail("table %d: display %q at 320 px, want table", part.Table, part.Display)
					}
					if ax.role() != "table" || ax.Ignored {
						fail("table %d: accessibility role %q (ignored %v), want table", part.Table, ax.role(), ax != nil && ax.Ignored)
					}
					tables[part.Table] = ax
					continue
				}
				if !part.Shown {
					continue // an empty cell, not rendered on a phone
				}
				want := "cell"
				switch {
				case part.Tag == "tr":
					want = "row"
					if !part.Head {
						if part.Display != "grid" {
							fail("table %d: a body row with display %q at 320 px, want grid (a card)", part.Table, part.Display)
						}
						cards++
					}
				case part.Tag == "th" && (part.Head || part.Scope == "col"):
					want = "columnheader"
				case part.Tag == "th":
					want = "rowheader"
				}
				if ax == nil || ax.Ignored || ax.role() != want {
					fail("table %d: <%s> has accessibility role %q, want %q", part.Table, part.Tag, ax.role(), want)
					continue
				}
				if got := tree.tableOf(ax); got == nil || got != tables[part.Table] {
					fail("table %d: a %s that is not inside its table in the accessibility tree", part.Table, want)
				}
			}
			if problems > 15 {
				t.Errorf("%d problems in all", problems)
			}
			if cards == 0 {
				t.Errorf("no body row on the page")
			}
			t.Logf("%d tables, %d cards: table, row, columnheader, rowheader and cell roles as the markup says", len(tables), cards)
		})
	}
}
