package htmlcheck

import (
	"crypto/sha256"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// shapeAttrs are the attributes whose values the shape of a page keeps:
// those that decide what the checker allows around an element (its role,
// its type, the language and direction of its text). Other values (text,
// addresses, dates, ids) are the data a template fills in, and pages that
// differ only in them are one shape.
var shapeAttrs = map[string]bool{"class": true, "role": true, "type": true, "rel": true, "dir": true, "lang": true}

// Shape reads an HTML page and returns a digest of its markup: every tag
// in order, with its attribute names and the values of shapeAttrs, and
// whether each element holds text, without the text. Two pages with one
// shape are one template filled with different data of the same form,
// and the checker judges them alike, except for errors in the data's own
// values (an empty date, a duplicate id), which a shape does not see: the
// sites the checker reads whole cover those.
func Shape(r io.Reader) ([32]byte, error) {
	h := sha256.New()
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return [32]byte{}, err
			}
			var sum [32]byte
			h.Sum(sum[:0])
			return sum, nil
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			var attrs []string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				a := string(k)
				if shapeAttrs[a] {
					a += "=" + string(v)
				}
				attrs = append(attrs, a)
			}
			slices.Sort(attrs)
			io.WriteString(h, "<"+string(name)+" "+strings.Join(attrs, " ")+">")
		case html.EndTagToken:
			name, _ := z.TagName()
			io.WriteString(h, "</"+string(name)+">")
		case html.TextToken:
			if strings.TrimSpace(string(z.Text())) != "" {
				io.WriteString(h, "T")
			}
		}
	}
}
