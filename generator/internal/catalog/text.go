package catalog

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Paragraph is one numbered paragraph of a text such as a summary report.
type Paragraph struct {
	Number  int
	Section string // the nearest heading above it
	Text    string // the paragraph's Markdown, without its number
	Line    int
	// Follow is what belongs to the paragraph after its line: the first
	// line of each item of a bulleted list and each line of a quote, nested
	// in it or following it before the next numbered paragraph or heading
	// (a paragraph that introduces a list owns the list), as Markdown.
	Follow []string
}

// Text is a summary report's Markdown, split into what the site links to.
type Text struct {
	Markdown   string
	Paragraphs []Paragraph
}

// TextError is a problem at a line of a text.
type TextError struct {
	Line int
	Msg  string
}

func (e *TextError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// markdown parses texts as Hugo renders them: CommonMark, by goldmark.
var markdown = goldmark.New()

// ParseText finds the numbered paragraphs of a text, from the structure
// goldmark parses: a numbered paragraph is an item of an ordered list at the
// top of the text (quoted, fenced or nested lists are not), its number the
// list's start plus its place in the list; its section is the nearest
// heading of level 2 or more above it. The numbers must run 1, 2, 3 … with
// no gap, so a number lost in an edit is caught, not published.
func ParseText(md string) (*Text, error) {
	t := &Text{Markdown: md}
	src := []byte(md)
	lines := strings.Split(md, "\n")
	lineAt := func(offset int) int { return strings.Count(md[:offset], "\n") }
	section := ""
	var owner *Paragraph // the paragraph that owns the lists and quotes that follow
	doc := markdown.Parser().Parse(text.NewReader(src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level >= 2 && n.Lines().Len() > 0 {
				section = strings.TrimSpace(string(n.Lines().Value(src)))
			}
			owner = nil // a heading ends what the paragraph owns
		case *ast.Blockquote:
			owner.follow(n, src)
		case *ast.List:
			if !n.IsOrdered() {
				owner.follow(n, src)
				continue
			}
			number := n.Start
			for item := n.FirstChild(); item != nil; item, number = item.NextSibling(), number+1 {
				first := item.FirstChild()
				if first == nil || first.Lines().Len() == 0 {
					return nil, &TextError{lineAt(itemOffset(item, src)) + 1, fmt.Sprintf("paragraph %d is empty", number)}
				}
				i := lineAt(first.Lines().At(0).Start)
				want := len(t.Paragraphs) + 1
				if number != want {
					return nil, &TextError{i + 1, fmt.Sprintf("paragraph %d where paragraph %d was expected (numbered paragraphs run 1, 2, 3 …; quote other numbered text with >)", number, want)}
				}
				if first.Lines().Len() > 1 || (i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "") {
					return nil, &TextError{i + 2, fmt.Sprintf("paragraph %d must be one line followed by a blank line", number)}
				}
				line := strings.TrimRight(lines[i], "\r")
				body := line[first.Lines().At(0).Start-lineStart(md, i):]
				t.Paragraphs = append(t.Paragraphs, Paragraph{Number: number, Section: section, Text: strings.TrimRight(body, " "), Line: i + 1})
				owner = &t.Paragraphs[len(t.Paragraphs)-1]
				for c := first.NextSibling(); c != nil; c = c.NextSibling() {
					owner.follow(c, src)
				}
			}
		}
	}
	return t, nil
}

// follow adds what a block gives a paragraph that owns it: the first line
// of each item of a bulleted list, each line of a quote. A nil paragraph
// (before the first, or after a heading) owns nothing.
func (p *Paragraph) follow(n ast.Node, src []byte) {
	if p == nil {
		return
	}
	switch n := n.(type) {
	case *ast.List:
		if n.IsOrdered() {
			return
		}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			first := item.FirstChild()
			if first == nil || first.Lines().Len() == 0 {
				continue
			}
			seg := first.Lines().At(0)
			p.Follow = append(p.Follow, strings.TrimSpace(string(seg.Value(src))))
			for c := first.NextSibling(); c != nil; c = c.NextSibling() {
				p.follow(c, src)
			}
		}
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			for i := 0; i < c.Lines().Len(); i++ {
				seg := c.Lines().At(i)
				p.Follow = append(p.Follow, strings.TrimSpace(string(seg.Value(src))))
			}
		}
	}
}

// lineStart is the offset of line i (from 0) in s.
func lineStart(s string, i int) int {
	off := 0
	for ; i > 0; i-- {
		off += strings.IndexByte(s[off:], '\n') + 1
	}
	return off
}

// itemOffset is where a list item's marker line starts, for an empty item.
func itemOffset(item ast.Node, src []byte) int {
	if prev := item.PreviousSibling(); prev != nil && prev.Lines().Len() > 0 {
		return prev.Lines().At(prev.Lines().Len() - 1).Stop
	}
	return 0
}

// AnchoredMarkdown is the text with each numbered paragraph turned into a
// plain paragraph that starts with a link to itself and carries the anchor
// para-N (Goldmark block attributes), so paragraph 18 is at #para-18.
func (t *Text) AnchoredMarkdown() string {
	lines := strings.Split(t.Markdown, "\n")
	for _, p := range t.Paragraphs {
		i := p.Line - 1
		lines[i] = fmt.Sprintf("[%d.](#para-%d \"Paragraph %d\") %s\n{#para-%d .para}", p.Number, p.Number, p.Number, p.Text, p.Number)
	}
	return strings.Join(lines, "\n")
}
