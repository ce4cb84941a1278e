package catalog

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	goccy "github.com/goccy/go-yaml"
	goccyparser "github.com/goccy/go-yaml/parser"
	"gopkg.in/yaml.v3"

	"github.com/cns-transparency/cns-site/generator/internal/nearest"
)

// decoder turns YAML nodes into typed values field by field, so that every
// problem (an unknown key, a value of the wrong type, a key written twice)
// carries its line and column, and decoding goes on after a problem to find
// the others.
type decoder struct {
	file  string
	probs *Problems
}

var (
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	whereType       = reflect.TypeFor[Where]()
	yamlLineRe      = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)
)

// decodeFile parses src and decodes it into v, a pointer to a struct.
// It reports false when the file could not be parsed at all.
func (d *decoder) decodeFile(src []byte, v any) bool {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		// yaml.v3 gives the line where the enclosing block starts; goccy's
		// parser points at the offending token. Ask it where, keep the words
		// of whichever knows.
		pos, msg := Pos{File: d.file}, err.Error()
		var se *goccy.SyntaxError
		if _, perr := goccyparser.ParseBytes(src, 0); errors.As(perr, &se) && se.Token != nil && se.Token.Position != nil {
			pos.Line, pos.Col, msg = se.Token.Position.Line, se.Token.Position.Column, se.Message
		} else {
			if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
				fmt.Sscan(m[1], &pos.Line)
				msg = msg[len(m[0]):]
			}
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		// A tab the parser stumbled on, in the indentation of the line it
		// names or of one of the next (yaml.v3 names the block's first), in
		// words a webmaster knows what to do with. A tab elsewhere (inside
		// a block of text, where YAML allows it) leaves the parser's words.
		if strings.Contains(msg, "\t") || strings.Contains(msg, "tab") {
			if line := tabIndentedLine(src, pos.Line); line > 0 {
				d.probs.add(Pos{d.file, line, 1}, "YAML syntax: this line is indented with a tab; YAML indents with spaces only")
				return false
			}
		}
		// What to do first, then the parser's own words (a webmaster's
		// review found the parser's terms, read first, no help).
		if hint := syntaxHint(msg); hint != "" {
			msg = hint + " (the YAML parser says: " + msg + ")"
		}
		d.probs.add(pos, "YAML syntax: %s", msg)
		return false
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		// What it should hold (a webmaster's review found "the file is
		// empty" alone no help).
		d.probs.add(Pos{d.file, 1, 1}, "the file is empty; it holds a mapping of these keys: %s (data/README.md shows one)", strings.Join(keysOf(reflect.TypeOf(v).Elem()), ", "))
		return false
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		d.probs.add(d.pos(top), "want a mapping of keys to values at the top of the file, found %s", describe(top))
		return false
	}
	d.decode(top, reflect.ValueOf(v).Elem())
	return true
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{d.file, n.Line, n.Column} }

func (d *decoder) decode(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		if err := v.Addr().Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
			d.probs.add(d.pos(n), "%s", err)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.Tag == "!!null" {
			return
		}
		if v.Type().Elem().Kind() == reflect.Struct && n.Kind != yaml.MappingNode {
			// Leave it nil: a value with no fields must not be validated as
			// if it had been written.
			d.probs.add(d.pos(n), "want a mapping of keys to values, found %s", describe(n))
			return
		}
		p := reflect.New(v.Type().Elem())
		d.decode(n, p.Elem())
		v.Set(p)
	case reflect.Struct:
		d.decodeStruct(n, v)
	case reflect.Map:
		// Maps have text keys (language codes); each value is decoded like
		// any other, so its problems carry their own line.
		if n.Tag == "!!null" {
			return
		}
		if n.Kind != yaml.MappingNode || v.Type().Key().Kind() != reflect.String {
			d.probs.add(d.pos(n), "want a mapping of keys to values, found %s", describe(n))
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				d.probs.add(d.pos(k), "want a key, found %s", describe(k))
				continue
			}
			if m.MapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key())).IsValid() {
				d.probs.add(d.pos(k), "%q is given twice", k.Value)
				continue
			}
			e := reflect.New(v.Type().Elem()).Elem()
			d.decode(val, e)
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), e)
		}
		v.Set(m)
	case reflect.Slice:
		if n.Tag == "!!null" {
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.probs.add(d.pos(n), "want a list, found %s", describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i))
		}
		v.Set(s)
	default:
		if n.Kind != yaml.ScalarNode {
			if n.Kind == yaml.MappingNode {
				// Most often the next item of a list, indented as far as
				// the list inside the item above it.
				d.probs.add(d.pos(n), "want a single value, found %s: is this line indented too far, so that it falls inside the list above it?", describe(n))
				return
			}
			d.probs.add(d.pos(n), "want a single value, found %s", describe(n))
			return
		}
		if v.Kind() == reflect.String && n.Tag != "!!str" && n.Tag != "!!null" && n.Style == 0 {
			// Accept unquoted numbers and dates as text, as YAML readers expect.
			v.SetString(n.Value)
			return
		}
		if err := n.Decode(v.Addr().Interface()); err != nil {
			msg := err.Error()
			if te := (*yaml.TypeError)(nil); errors.As(err, &te) && len(te.Errors) > 0 {
				msg = yamlLineRe.ReplaceAllString(te.Errors[0], "")
			}
			quoted := n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0
			switch {
			case v.Kind() == reflect.Bool && quoted:
				msg = fmt.Sprintf("want true or false, without quotes; found %s", describe(n))
			case v.Kind() == reflect.Bool:
				msg = fmt.Sprintf("want true or false; found %s", describe(n))
			case isInt(v) && quoted:
				msg = fmt.Sprintf("want a whole number, without quotes; found %s", describe(n))
			case isInt(v):
				msg = fmt.Sprintf("want a whole number; found %s", describe(n))
			}
			d.probs.add(d.pos(n), "%s", msg)
			return
		}
		// yaml.v3 truncates 1.5 into an int without a word: a count or a
		// round is a whole number.
		if isInt(v) && n.ShortTag() == "!!float" {
			v.SetInt(0)
			d.probs.add(d.pos(n), "want a whole number; found %s", describe(n))
		}
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.probs.add(d.pos(n), "want a mapping of keys to values, found %s", describe(n))
		return
	}
	fields, known, where := yamlFields(v.Type())
	w := Where{Pos: d.pos(n), fields: map[string]Pos{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		idx, ok := fields[k.Value]
		if !ok {
			if near := nearest.Words(k.Value, known, 1); len(near) > 0 {
				d.probs.add(d.pos(k), "unknown field %q: did you mean %q? (known fields: %s)", k.Value, near[0], strings.Join(known, ", "))
			} else {
				d.probs.add(d.pos(k), "unknown field %q (known fields: %s)", k.Value, strings.Join(known, ", "))
			}
			continue
		}
		if _, dup := w.fields[k.Value]; dup {
			d.probs.add(d.pos(k), "field %q is written twice", k.Value)
			continue
		}
		w.fields[k.Value] = d.pos(k)
		if val.Kind == yaml.SequenceNode {
			if w.items == nil {
				w.items = map[string][]Pos{}
			}
			for _, item := range val.Content {
				w.items[k.Value] = append(w.items[k.Value], d.pos(item))
			}
		}
		before := len(*d.probs)
		d.decode(val, v.Field(idx))
		// A single value's problem names its field: "not_submitted: want
		// true or false …".
		if val.Kind == yaml.ScalarNode {
			for i := before; i < len(*d.probs); i++ {
				(*d.probs)[i].Msg = k.Value + ": " + (*d.probs)[i].Msg
			}
			// A value that could not be read is marked so, so that the
			// checks of the catalog add no second error about its zero
			// value ("report: 0 is not a round").
			if len(*d.probs) > before {
				if w.failed == nil {
					w.failed = map[string]bool{}
				}
				w.failed[k.Value] = true
			}
		}
		// So does a list of single values' (sources:, parties:): its
		// items' problems name it.
		if f := v.Field(idx); val.Kind == yaml.SequenceNode && f.Kind() == reflect.Slice && f.Type().Elem().Kind() != reflect.Struct && f.Type().Elem().Kind() != reflect.Pointer {
			for i := before; i < len(*d.probs); i++ {
				(*d.probs)[i].Msg = k.Value + ": " + (*d.probs)[i].Msg
			}
		}
	}
	if where >= 0 {
		v.Field(where).Set(reflect.ValueOf(w))
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// Problem is one thing wrong with the catalog, at a place in a file.
type Problem struct {
	Pos
	Msg string
}

func (p Problem) String() string {
	switch {
	case p.Line == 0:
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	case p.Col == 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// Problems is every problem found in a catalog. As an error it prints one
// problem per line, in file and line order.
type Problems []Problem

// ErrInvalid is matched by errors.Is for any Problems.
var ErrInvalid = errors.New("the catalog has problems")

func (ps *Problems) add(p Pos, format string, args ...any) {
	*ps = append(*ps, Problem{p, fmt.Sprintf(format, args...)})
}

func (ps Problems) sorted() Problems {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	return out
}

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps.sorted() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalid) true.
func (ps Problems) Is(target error) bool { return target == ErrInvalid }

// tabIndentedLine is the first line (from 1), from line from on, whose
// indentation holds a tab, or 0.
func tabIndentedLine(src []byte, from int) int {
	for i, line := range strings.Split(string(src), "\n") {
		if i+1 < from {
			continue
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if strings.Contains(indent, "\t") && strings.TrimSpace(line) != "" {
			return i + 1
		}
	}
	return 0
}

// isInt reports whether v holds a whole number of some size.
func isInt(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return true
	}
	return false
}

// syntaxHints say, for the parser's words about the mistakes a webmaster
// makes most, what to do: the first whose words the message holds.
var syntaxHints = []struct{ words, hint string }{
	{"mapping value is not allowed in this context", `A value that holds ": " must be in double quotes (title: "Report: Convention"); or the next line is indented further than the fields beside it, so that it reads as part of this value`},
	{"map key-value is pre-defined", `Text in single quotes ends at the next ': write an apostrophe in it twice ('Canada''s report'), or put the text in double quotes ("Canada's report")`},
	{"value is not allowed in this context", `This line does not line up with the fields above it: each field of a list item starts where its first field does (after "- "), and a new item starts with "- "`},
	{"tab character", `A tab where YAML wants spaces (after "- " too): use spaces`},
	{"non-map value is specified", `A line with no "field: value": write a colon and a space after the field's name`},
	{"flow mapping end token", `A { … } lacks its closing }`},
	{"flow sequence end token", `A [ … ] lacks its closing ]`},
	{"end character of double-quoted text", `Text in double quotes lacks its closing "`},
	{"end character of single-quoted text", `Text in single quotes lacks its closing '`},
	{"is a reserved character", "A value cannot begin with @ or `: put it in double quotes"},
}

// syntaxHint is what to do about a YAML syntax error, or "".
func syntaxHint(msg string) string {
	for _, h := range syntaxHints {
		if strings.Contains(msg, h.words) {
			return h.hint
		}
	}
	return ""
}

// yamlFields are the keys a struct type takes in YAML, with the index of
// each one's field, in order, and the index of its Where field (-1 if none).
func yamlFields(t reflect.Type) (fields map[string]int, keys []string, where int) {
	fields, where = map[string]int{}, -1
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == whereType {
			where = i
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		fields[name] = i
		keys = append(keys, name)
	}
	return fields, keys, where
}

// keysOf are the keys a struct type takes in YAML, in order (yamlFields).
func keysOf(t reflect.Type) []string {
	_, keys, _ := yamlFields(t)
	return keys
}
