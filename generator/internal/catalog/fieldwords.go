package catalog

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// fieldWords are the catalog's field names of more than one word
// (entry_into_force, published_by …): written in a source or a note, which
// pages show to readers as written, they are the catalog's words, not
// the reader's (data/README.md: say which fact a source supports in
// words). One-word names (title, deposit) are words too, and not sought.
var fieldWords = sync.OnceValue(func() *regexp.Regexp {
	seen := map[string]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == whereType {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); strings.Contains(name, "_") {
				seen[name] = true
			}
			walk(f.Type)
		}
	}
	for _, v := range []any{meetingsFile{}, partiesFile{}, documentsFile{}, Rules{}} {
		walk(reflect.TypeOf(v))
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, regexp.QuoteMeta(n))
	}
	slices.Sort(names)
	return regexp.MustCompile(`(?:^|[^a-z0-9_])(` + strings.Join(names, "|") + `)(?:$|[^a-z0-9_])`)
})

// urlRe is an address in a text, which may hold anything.
var urlRe = regexp.MustCompile(`(?i)\bhttps?://\S+`)

// SourceURLs are the addresses a source's words name ("IAEA press release
// '…', https://… (what it says)"), in order. Punctuation that ends the
// sentence around one is not part of it, nor a closing bracket it did not
// open.
func SourceURLs(s string) []string {
	var out []string
	for _, u := range urlRe.FindAllString(s, -1) {
		for u != "" {
			last := u[len(u)-1]
			if !strings.ContainsRune(".,;:'\"", rune(last)) && (last != ')' || strings.Count(u, "(") >= strings.Count(u, ")")) {
				break
			}
			u = u[:len(u)-1]
		}
		if u != "" {
			out = append(out, u)
		}
	}
	return out
}

// fieldWordWarnings are the sources and notes that name a field of the
// catalog (fieldWords), at their own line; those of the documents files'
// own sources are found as each file is read (checkDocuments).
func (c *Catalog) fieldWordWarnings() Problems {
	var ps Problems
	ps = append(ps, fieldWordsIn(c.Rules.Where, "sources", "a source of the rules", c.Rules.Sources)...)
	for _, k := range c.Rules.Kinds {
		if k == nil {
			continue
		}
		for _, r := range k.Rules {
			if r != nil {
				ps = append(ps, fieldWordsIn(r.Where, "note", "a rule's note", []string{r.Note})...)
				ps = append(ps, fieldWordsIn(r.Where, "sources", "a source of a rule", r.Sources)...)
			}
		}
	}
	for _, m := range c.Meetings {
		ps = append(ps, fieldWordsIn(m.Where, "note", "the meeting's note", []string{m.Note})...)
		ps = append(ps, fieldWordsIn(m.Where, "sources", "a source of the meeting", m.Sources)...)
	}
	for _, p := range c.Parties {
		ps = append(ps, fieldWordsIn(p.Where, "note", "the party's note", []string{p.Note})...)
		ps = append(ps, fieldWordsIn(p.Where, "sources", "a source of the party", p.Sources)...)
	}
	for _, n := range c.Counts {
		ps = append(ps, fieldWordsIn(n.Where, "sources", "a source of the count", n.Sources)...)
	}
	for _, d := range c.Documents {
		ps = append(ps, fieldWordsIn(d.Where, "sources", "a source of document "+d.ID, d.Sources)...)
	}
	return ps
}

// fieldWordsIn are the texts of a field (a list, or one text) that name a
// field of the catalog, each at its own line.
func fieldWordsIn(w Where, field, what string, texts []string) Problems {
	var ps Problems
	for i, text := range texts {
		if m := fieldWords().FindStringSubmatch(urlRe.ReplaceAllString(text, " ")); m != nil {
			ps.add(w.Item(field, i), "%s names the catalog's field %s, and pages show it to readers as written: say in words what it supports (\"for the day of entry into force\")", what, m[1])
		}
	}
	return ps
}
