package prepare

import (
	"fmt"
	"maps"
	"slices"
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
// http for https …); ids made of such a title; and words that give the day
// a party objected or consented. Sources (of meetings, rules, documents,
// parties and counts) are left out of the first search: pages leave out
// those that name such a document (disclosure.View.Sources). Each problem
// is at the words' line, so that the webmaster knows what to reword; a
// build stops at them before it writes anything.
func FreeTextLeaks(c *catalog.Catalog, decisions map[string]publication.Decision, at time.Time) catalog.Problems {
	day := catalog.DateOf(at.In(c.Rules.Location)).Long()
	var ps catalog.Problems
	ps = append(ps, wordLeaks(c, decisions, day)...)
	ps = append(ps, idLeaks(c, decisions, day)...)
	ps = append(ps, dayLeaks(c, decisions, day)...)
	return ps
}

// wordLeaks are the catalog's words, shown as written, that hold a secret
// of a document not public (audit.Collect), exactly or loosely.
func wordLeaks(c *catalog.Catalog, decisions map[string]publication.Decision, day string) catalog.Problems {
	s := audit.Collect(c, decisions)
	exact, loose := audit.NewFinder(s), audit.NewLooseFinder(s)
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
		fix := "Reword it, or cite the document only once it is public"
		switch {
		case sec.What == "official URL" && audit.LooseAddress(text) == audit.LooseAddress(sec.Value):
			fix = "It is the document's own address: leave the document's url out until it is public, or give this field another address"
		case audit.Loose(text) == audit.Loose(sec.Value):
			// The words are the document's value itself (a label, a
			// term): it is the document's that says too little.
			fix = fmt.Sprintf("These words are the document's %s itself: it is the %s that says too little to be told from the site's own words; make it distinctive (name its party and meeting), or leave it out until the document is public", sec.What, sec.What)
		}
		ps = append(ps, catalog.Problem{Pos: pos, Msg: fmt.Sprintf("%s names, as written or another way (case, accents, punctuation, http for https …), the %s of document %q%s, which is %s as of %s: the site would show it, and a build stops here. %s", field, sec.What, sec.Doc, where, decisions[sec.Doc].State, day, fix)})
	}
	for _, m := range c.Meetings {
		check(m.Field("note"), "the meeting's note", m.Note)
		check(m.Field("held"), "held:", m.Held)
		check(m.Field("place"), "place:", m.Place)
		for i, o := range m.Officers {
			check(m.Item("officers", i), "an officer", o.Role+" "+o.Name+" "+o.Country)
		}
		check(m.Field("title"), "the meeting's title", m.Title)
		check(m.Field("organizational_meeting"), "organizational_meeting:", m.OrganizationalMeeting)
		check(m.Field("documents_url"), "documents_url:", m.DocumentsURL)
		if ds := m.DocumentsSite; ds != nil {
			check(m.Field("documents_site"), "documents_site:", ds.URL)
		}
	}
	for _, p := range c.Parties {
		check(p.Field("name"), "a party's name", p.Name)
		for i, n := range p.OtherNames {
			check(p.Item("other_names", i), "a party's other name", n)
		}
		for _, n := range p.Names {
			check(p.Field("names"), "a party's name in a language", n)
		}
		for _, ns := range p.SearchNames {
			for _, n := range ns {
				check(p.Field("search_names"), "a party's search name", n)
			}
		}
		check(p.Field("reports_url"), "reports_url:", p.ReportsURL)
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
		}
	}
	for _, d := range c.Documents {
		switch decisions[d.ID].State {
		case publication.Public:
			check(d.Field("title"), "the title of public document "+d.ID, d.Title)
			check(d.Field("summary"), "the summary of public document "+d.ID, d.Summary)
			check(d.Field("symbol"), "the symbol of public document "+d.ID, d.Symbol)
			check(d.Field("url"), "the address of public document "+d.ID, d.URL)
			check(d.Field("text"), "the text of public document "+d.ID, d.Body)
		case publication.Withdrawn:
			check(d.Field("withdrawn_reason"), "the reason document "+d.ID+" was withdrawn", d.WithdrawnReason)
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

// idLeaks are the ids and former ids that take a word of the own title of
// a document not public: an id is in every address of its document,
// whatever its state. Words pages show anyway (the review process's terms,
// parties' and meetings' names, kinds' labels in every language, public and
// withdrawn documents' titles) are no secret.
func idLeaks(c *catalog.Catalog, decisions map[string]publication.Decision, day string) catalog.Problems {
	public := map[string]bool{}
	addWords := func(text string) {
		for _, w := range titleWords(text) {
			public[w] = true
		}
	}
	addWords("national report review meeting summary questions answers country contracting party parties convention nuclear safety extraordinary joint first second third fourth fifth sixth seventh eighth ninth tenth")
	for _, p := range c.Parties {
		addWords(p.Name)
		addWords(p.ID)
	}
	for _, m := range c.Meetings {
		addWords(m.Title)
	}
	for _, k := range c.Rules.Kinds {
		if k == nil {
			continue
		}
		addWords(k.Label)
		for _, lang := range c.Languages() {
			addWords(c.KindLabel(k.Kind, lang))
		}
	}
	shown := func(d *catalog.Document) bool {
		st := decisions[d.ID].State
		return st == publication.Public || st == publication.Withdrawn // a withdrawn one's notice shows its title
	}
	for _, d := range c.Documents {
		if shown(d) {
			addWords(d.Title)
		}
	}
	var ps catalog.Problems
	for _, d := range c.Documents {
		if shown(d) || d.Title == "" {
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
					ps = append(ps, catalog.Problem{Pos: d.Field("id"), Msg: fmt.Sprintf("document %q: the id %q takes %q from the document's own title, which is not public as of %s; an id is in every address of the site, whatever the document's state: leave id: out for the default (meeting, kind and party), or write one of those words only (for a former id, keep it only once the title is public)", d.ID, id, w, day)})
					break
				}
			}
		}
	}
	return ps
}

// dayLeaks are the notes and sources that give, beside a party's name, the
// day it objected to or consented to the publication of a document not
// public, which the site shows nowhere ("CSN letter of 11 May 2026
// objecting …").
func dayLeaks(c *catalog.Catalog, decisions map[string]publication.Decision, day string) catalog.Problems {
	type dayOf struct {
		doc, what string
		day       catalog.Date
	}
	byParty := map[string][]dayOf{}
	for _, d := range c.Documents {
		dec := decisions[d.ID]
		if d.Party == "" {
			continue
		}
		if dec.State == publication.Withheld || dec.State == publication.Restricted {
			for _, f := range []struct {
				what string
				day  catalog.Date
			}{{"objection", d.Objection}, {"objection_lifted", d.ObjectionLifted}, {"consent", d.Consent}} {
				if !f.day.IsZero() {
					byParty[d.Party] = append(byParty[d.Party], dayOf{d.ID, f.what, f.day})
				}
			}
			continue
		}
		// An objection lifted before it withdrew the document: neither
		// its day nor the lift's (unless the document's public day) is
		// shown anywhere.
		if dec.Lifted && dec.Earlier.From.IsZero() {
			byParty[d.Party] = append(byParty[d.Party], dayOf{d.ID, "objection", d.Objection})
			if dec.PublicFrom != d.ObjectionLifted {
				byParty[d.Party] = append(byParty[d.Party], dayOf{d.ID, "objection_lifted", d.ObjectionLifted})
			}
		}
	}
	if len(byParty) == 0 {
		return nil
	}
	parties := slices.Sorted(maps.Keys(byParty))
	var ps catalog.Problems
	check := func(pos catalog.Pos, field, text string) {
		low := strings.ToLower(text)
		for _, party := range parties {
			p, _ := c.Party(party)
			named := strings.Contains(low, strings.ToLower(p.Name)) || strings.Contains(low, p.ID)
			for _, n := range p.OtherNames {
				named = named || strings.Contains(low, strings.ToLower(n))
			}
			if !named {
				continue
			}
			for _, d := range byParty[party] {
				for _, form := range []string{d.day.String(), d.day.Long(), fmt.Sprintf("%s %d, %d", d.day.Month, d.day.Day, d.day.Year)} {
					if strings.Contains(low, strings.ToLower(form)) {
						ps = append(ps, catalog.Problem{Pos: pos, Msg: fmt.Sprintf("%s gives %s beside %s: the day of the %s of document %q, which is %s as of %s, and shown nowhere on the site. Leave the day out of these words (the document's own %s: keeps it)", field, form, p.Name, d.what, d.doc, decisions[d.doc].State, day, d.what)})
						break
					}
				}
			}
		}
	}
	for _, m := range c.Meetings {
		check(m.Field("note"), "the meeting's note", m.Note)
		for i, src := range m.Sources {
			check(m.Item("sources", i), "a source of the meeting", src)
		}
	}
	for _, p := range c.Parties {
		check(p.Field("note"), "the party's note", p.Note)
		for i, src := range p.Sources {
			check(p.Item("sources", i), "a source of the party", src)
		}
	}
	// The sources at the top of a documents file are every one of its
	// documents' (the loader hands each the same slice): checked once.
	files := map[*string]bool{}
	for _, d := range c.Documents {
		if st := decisions[d.ID].State; st == publication.Withheld || st == publication.Restricted {
			continue // its page shows no source
		}
		for i, src := range d.Sources {
			check(d.Item("sources", i), "a source of document "+d.ID, src)
		}
		if len(d.FileSources) > 0 && !files[&d.FileSources[0]] {
			files[&d.FileSources[0]] = true
			for _, src := range d.FileSources {
				check(catalog.Pos{File: d.Pos.File, Line: 1}, "a source of "+d.Pos.File, src)
			}
		}
	}
	return ps
}

// titleWords are the words of a text in lower case, letters and digits.
func titleWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
