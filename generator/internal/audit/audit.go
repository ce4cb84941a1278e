// Package audit checks a built site for anything of a document that is not
// public, before the site replaces the previous one.
//
// What counts as a leak: the bytes of a non-public document's file
// (found by SHA-256, whatever the output file is called), its checksum, its
// file name, its official address, its own title, summary and symbol (a
// withdrawn document's title may be shown), and distinctive runs of its text.
// Every output file is searched once, as it is written (Stream.File) or
// read back from disk (Stream.Verify). Text is searched as written and after
// undoing HTML and JSON escapes, so "A &amp; B" and "A \u0026 B" are caught
// as "A & B".
package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Secret is something of a non-public document that must not be in the output.
type Secret struct {
	Doc   string // document id
	What  string // "title", "official URL", …
	Value string
}

// Secrets is what the audit looks for.
type Secrets struct {
	Strings   []Secret
	Checksums map[string]string // SHA-256 hex of a non-public file -> document id
	// sizes are the sizes of those files: a file of another size cannot
	// have their bytes and is not hashed. Nil hashes every file.
	sizes map[int64]bool
	// shown are the values pages show (public documents', parties' and
	// meetings' names), which are no secret of anyone; shownDocs, those of
	// public documents alone.
	shown, shownDocs map[string]bool
}

// Shortest values searched as text: shorter ones would match ordinary words.
const (
	minNeedle   = 6
	minTextRun  = 32
	maxTextRun  = 80
	runsPerText = 400
)

// Collect lists the secrets of every document that is not public as of the
// decisions. A value that some public document also has (two reports with
// the same file name) is not a secret of either.
func Collect(c *catalog.Catalog, decisions map[string]publication.Decision) Secrets {
	s := Secrets{Checksums: map[string]string{}, sizes: map[int64]bool{}}
	shown := map[string]bool{}
	var publicText strings.Builder
	for _, d := range c.Documents {
		if decisions[d.ID].State == publication.Public {
			// Apart, so that no run is excused by words that span two.
			publicText.WriteString(d.Body)
			publicText.WriteByte(0)
			for _, v := range []string{d.Title, d.Summary, d.Symbol, d.URL} {
				shown[v] = true
			}
			if d.FileInfo != nil {
				shown[d.FileInfo.Name] = true
			}
		}
	}
	// What public documents show, apart: the loose search excuses these
	// alone (a party's name written loosely is the webmaster's text).
	s.shownDocs = maps.Clone(shown)
	for _, p := range c.Parties {
		shown[p.Name] = true
		for _, n := range p.OtherNames {
			shown[n] = true
		}
	}
	for _, m := range c.Meetings {
		shown[m.Title] = true
	}
	for _, k := range c.Rules.Kinds {
		if k != nil {
			shown[k.Label] = true
		}
	}
	added := map[Secret]bool{}
	add := func(doc, what, v string) {
		v = strings.TrimSpace(v)
		// A title with markup may be rendered as plain text: look for both.
		for _, v := range []string{v, plain(v)} {
			sec := Secret{doc, what, v}
			if needleWeight(v) >= minNeedle && !shown[v] && !added[sec] {
				added[sec] = true
				s.Strings = append(s.Strings, sec)
			}
		}
	}
	for _, d := range c.Documents {
		dec := decisions[d.ID]
		if dec.State == publication.Public {
			continue
		}
		if dec.State != publication.Withdrawn {
			add(d.ID, "title", d.Title)
		}
		add(d.ID, "summary", d.Summary)
		add(d.ID, "symbol", d.Symbol)
		add(d.ID, "official URL", d.URL)
		if fi := d.FileInfo; fi != nil {
			s.Checksums[fi.SHA256] = d.ID
			s.sizes[fi.Size] = true
			add(d.ID, "checksum", fi.SHA256)
			add(d.ID, "file name", fi.Name)
		}
		for _, run := range textRuns(d.Body) {
			if !strings.Contains(publicText.String(), run) {
				add(d.ID, "text", run)
			}
		}
	}
	s.shown = shown
	return s
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// plain is v with tags removed, entities decoded and spaces folded, as a
// template that plainifies a title would print it.
func plain(v string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(v, " "))), " ")
}

// textRuns picks distinctive runs of plain words from a Markdown text: runs of
// letters, digits, spaces and commas, which rendering leaves as they are
// (quotes and dashes may be turned into typographic ones).
func textRuns(md string) []string {
	var runs []string
	var b strings.Builder
	flush := func() {
		r := strings.TrimSpace(b.String())
		b.Reset()
		if len(r) < minTextRun {
			return
		}
		if len(r) > maxTextRun {
			r = r[:maxTextRun]
			r = strings.TrimSpace(r[:strings.LastIndexByte(r, ' ')+1])
		}
		if len(r) >= minTextRun && !slices.Contains(runs, r) {
			runs = append(runs, r)
		}
	}
	for _, ch := range md {
		if unicode.IsLetter(ch) || unicode.IsDigit(ch) || ch == ' ' || ch == ',' {
			b.WriteRune(ch)
			continue
		}
		flush()
		if len(runs) == runsPerText {
			break
		}
	}
	flush()
	return runs
}

// Finder tells whether a text holds a secret, as the audit of a page that
// showed it would find it: pages leave out what would fail the audit.
type Finder struct{ m *matcher }

// NewFinder makes a Finder of the secrets' strings.
func NewFinder(s Secrets) *Finder { return &Finder{newMatcher(s.Strings)} }

// Holds reports whether text holds one of the secrets. Safe for use by
// several goroutines at once.
func (f *Finder) Holds(text string) bool {
	_, ok := f.Find(text)
	return ok
}

// Find is a secret text holds, and whether there is one.
func (f *Finder) Find(text string) (Secret, bool) {
	out, _ := f.m.findings("", []byte(text), nil)
	if len(out) == 0 {
		return Secret{}, false
	}
	return out[0].Secret, true
}

// Finding is one leak: a file of the output that holds a secret.
type Finding struct {
	File   string // relative to the audited directory
	Secret Secret
}

func (f Finding) String() string {
	return fmt.Sprintf("%s holds the %s of non-public document %s: %q", f.File, f.Secret.What, f.Secret.Doc, f.Secret.Value)
}

// ErrLeak is matched by errors.Is for an audit that found something.
var ErrLeak = errors.New("leak audit failed")

// LeakError lists the findings of a failed audit.
type LeakError struct{ Findings []Finding }

func (e *LeakError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "leak audit: %d finding(s) of non-public documents in the output:", len(e.Findings))
	for i, f := range e.Findings {
		if i == 20 {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.Findings)-i)
			break
		}
		b.WriteString("\n  " + f.String())
	}
	return b.String()
}

func (e *LeakError) Is(target error) bool { return target == ErrLeak }

// Options of a run.
type Options struct {
	// SkipText names files (relative, slash-separated) that are public
	// documents' own files: their checksum is checked, their text is not
	// searched, since a public report may quote anything.
	SkipText map[string]bool
}

// Report of a clean audit.
type Report struct {
	Files int
	Bytes int64
}

// checksum reports a file whose bytes are those of a non-public document.
func checksum(name string, b []byte, s Secrets) []Finding {
	if s.sizes != nil && !s.sizes[int64(len(b))] {
		return nil
	}
	sum := sha256.Sum256(b)
	if doc, ok := s.Checksums[hex.EncodeToString(sum[:])]; ok {
		return []Finding{{name, Secret{doc, "file", "the file's bytes (same SHA-256)"}}}
	}
	return nil
}
