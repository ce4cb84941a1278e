package prepare

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// FreeTextLeaks are the catalog's own words that pages show as written,
// unfiltered, and that name something of a document not public as of at:
// its title, summary, symbol or address, written as the document has it
// or another way (audit.LooseFinder: another case, Unicode form, quotes,
// http for https …). Sources of documents, parties and counts are left
// out: pages leave out those that name such a document (disclosure.View).
// Each problem is at the words' line, so that the webmaster knows what to
// reword; a build stops at them before it writes anything.
func FreeTextLeaks(c *catalog.Catalog, decisions map[string]publication.Decision, at time.Time) catalog.Problems {
	s := audit.Collect(c, decisions)
	exact, loose := audit.NewFinder(s), audit.NewLooseFinder(s)
	day := catalog.DateOf(at.In(c.Rules.Location)).Long()
	var ps catalog.Problems
	check := func(pos catalog.Pos, field, text string) {
		if text == "" {
			return
		}
		sec, ok := exact.Find(text)
		if !ok {
			if sec, ok = loose.Find(text); !ok {
				return
			}
		}
		where := ""
		if d, ok := c.Document(sec.Doc); ok {
			where = fmt.Sprintf(" (%s:%d)", d.Pos.File, d.Field(fieldOf[sec.What]).Line)
		}
		ps = append(ps, catalog.Problem{Pos: pos, Msg: fmt.Sprintf("%s names, as written or another way (case, accents, quotes, http for https …), the %s of document %q%s, which is %s as of %s: the site would show it, and a build stops here. Reword it, cite the document only once it is public, or, if it is the document's %s that says too little to be told from other words, make that distinctive (name its party and meeting)", field, sec.What, sec.Doc, where, decisions[sec.Doc].State, day, sec.What)})
	}
	for _, m := range c.Meetings {
		check(m.Field("note"), "the meeting's note", m.Note)
		check(m.Field("held"), "held:", m.Held)
		check(m.Field("place"), "place:", m.Place)
		for _, src := range m.Sources {
			check(m.Field("sources"), "a source of the meeting", src)
		}
		for _, o := range m.Officers {
			check(m.Field("officers"), "an officer's name", o.Name)
		}
	}
	for _, src := range c.Rules.Sources {
		check(c.Rules.Field("sources"), "a source of the rules", src)
	}
	for _, k := range c.Rules.Kinds {
		if k == nil {
			continue
		}
		check(k.Field("label"), "a kind's label", k.Label)
		check(k.Field("description"), "a kind's description", k.Description)
		for _, r := range k.Rules {
			if r == nil {
				continue
			}
			check(r.Field("note"), "a rule's note", r.Note)
			for _, src := range r.Sources {
				check(r.Field("sources"), "a source of a rule", src)
			}
		}
	}
	for _, d := range c.Documents {
		switch decisions[d.ID].State {
		case publication.Public:
			check(d.Field("title"), "the title of public document "+d.ID, d.Title)
			check(d.Field("summary"), "the summary of public document "+d.ID, d.Summary)
		case publication.Withdrawn:
			check(d.Field("withdrawn_reason"), "the reason document "+d.ID+" was withdrawn", d.WithdrawnReason)
		}
	}
	// An id is in every address of its document, whatever its state: one
	// made of words of a title that is not public shows them.
	public := map[string]bool{}
	for _, words := range [][]string{{"national", "report", "review", "meeting", "summary", "questions", "answers", "country", "contracting", "party", "parties", "convention", "nuclear", "safety", "extraordinary", "joint", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}} {
		for _, w := range words {
			public[w] = true
		}
	}
	addWords := func(text string) {
		for _, w := range titleWords(text) {
			public[w] = true
		}
	}
	for _, p := range c.Parties {
		addWords(p.Name)
		addWords(p.ID)
	}
	for _, m := range c.Meetings {
		addWords(m.Title)
	}
	for _, k := range c.Rules.Kinds {
		if k != nil {
			addWords(k.Label)
		}
	}
	for _, d := range c.Documents {
		if decisions[d.ID].State == publication.Public || d.Title == "" {
			continue
		}
		title := map[string]bool{}
		for _, w := range titleWords(d.Title) {
			if len(w) >= 5 && !public[w] {
				title[w] = true
			}
		}
		ids := d.FormerIDs
		if d.Has("id") {
			ids = append([]string{d.ID}, ids...)
		}
		for _, id := range ids {
			for _, w := range strings.Split(id, "-") {
				if title[w] {
					ps = append(ps, catalog.Problem{Pos: d.Field("id"), Msg: fmt.Sprintf("document %q: the id %q takes %q from the document's own title, which is not public as of %s; an id is in every address of the site, whatever the document's state: leave id: out for the default (meeting, kind and party), or make one of those", d.ID, id, w, day)})
					break
				}
			}
		}
	}
	for _, lang := range c.Languages() {
		t := c.Translations[lang]
		for _, m := range t.Meetings {
			if m != nil {
				check(m.Field("title"), "a meeting's title in "+lang, m.Title)
				check(m.Field("place"), "a meeting's place in "+lang, m.Place)
			}
		}
		for _, k := range t.Kinds {
			if k == nil {
				continue
			}
			check(k.Field("label"), "a kind's label in "+lang, k.Label)
			check(k.Field("description"), "a kind's description in "+lang, k.Description)
			for _, r := range k.Rules {
				if r != nil {
					check(r.Field("note"), "a rule's note in "+lang, r.Note)
				}
			}
		}
	}
	return ps
}

// titleWords are the words of a text in lower case, letters and digits.
func titleWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
