package catalog

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Paragraph is one numbered paragraph of a text such as a summary report.
type Paragraph struct {
	Number  int
	Section string // the nearest heading above it
	Text    string // the paragraph's Markdown, without its number
	Line    int
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

var (
	numberedRe = regexp.MustCompile(`^(\d{1,4})\. (.*)$`)
	headingRe  = regexp.MustCompile(`^#{2,6} +(.+?) *$`)
)

// ParseText finds the numbered paragraphs of a text. A numbered paragraph
// starts at the beginning of a line with its number and a full stop; the
// numbers must run 1, 2, 3 … with no gap, so a number lost in an edit is
// caught, not published.
func ParseText(md string) (*Text, error) {
	t := &Text{Markdown: md}
	section := ""
	inFence := false
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			inFence = !inFence
		}
		if inFence {
			continue
		}
		if m := headingRe.FindStringSubmatch(line); m != nil {
			section = m[1]
			continue
		}
		m := numberedRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		want := len(t.Paragraphs) + 1
		if n != want {
			return nil, &TextError{i + 1, fmt.Sprintf("paragraph %d where paragraph %d was expected (numbered paragraphs run 1, 2, 3 …; quote other numbered text with >)", n, want)}
		}
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			return nil, &TextError{i + 2, fmt.Sprintf("paragraph %d must be one line followed by a blank line", n)}
		}
		t.Paragraphs = append(t.Paragraphs, Paragraph{Number: n, Section: section, Text: m[2], Line: i + 1})
	}
	return t, nil
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
