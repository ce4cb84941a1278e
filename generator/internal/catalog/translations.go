package catalog

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// TranslationsGlob are the translation files: one per language other than
// English (translations/fr.yaml), giving the catalog's own words (meeting
// titles and places, kind labels and descriptions, rule notes) in that
// language, by id.
// The English files stay as they are; a value a file does not give is shown
// in English.
const TranslationsGlob = "translations/*.yaml"

// Translation is one language's file of translations. Its lists mirror the
// English files: meetings by id (meetings.yaml), kinds by kind and their
// rules' versions by from (rules.yaml).
type Translation struct {
	Where    `yaml:"-"`
	Sources  []string              `yaml:"sources"`
	Meetings []*MeetingTranslation `yaml:"meetings"`
	Kinds    []*KindTranslation    `yaml:"kinds"`

	// Lang is the language, from the file's name; File is the file as
	// messages name it ("data/translations/fr.yaml").
	Lang string `yaml:"-"`
	File string `yaml:"-"`

	meetings map[string]*MeetingTranslation
	kinds    map[string]*KindTranslation
}

// MeetingTranslation is a meeting's title and place in a language.
type MeetingTranslation struct {
	Where `yaml:"-"`
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Place string `yaml:"place"`
}

// KindTranslation is a kind's label and description, and its rules' notes,
// in a language.
type KindTranslation struct {
	Where       `yaml:"-"`
	Kind        string             `yaml:"kind"`
	Label       string             `yaml:"label"`
	Description string             `yaml:"description"`
	Rules       []*RuleTranslation `yaml:"rules"`

	rules map[string]*RuleTranslation
}

// RuleTranslation is the note of one version of a kind's rule (named by its
// from:) in a language.
type RuleTranslation struct {
	Where `yaml:"-"`
	From  string `yaml:"from"`
	Note  string `yaml:"note"`
}

// Languages are the languages the catalog has translation files for, sorted.
func (c *Catalog) Languages() []string { return slices.Sorted(maps.Keys(c.Translations)) }

// MeetingTitle is a meeting's title in a language: "" when the language's
// file does not give one (pages then show the English title, marked as
// English). English is the catalog's own title.
func (c *Catalog) MeetingTitle(id, lang string) string {
	if lang == "en" {
		if m, ok := c.Meeting(id); ok {
			return m.Title
		}
		return ""
	}
	if t := c.Translations[lang]; t != nil {
		if mt := t.meetings[id]; mt != nil {
			return mt.Title
		}
	}
	return ""
}

// MeetingPlace is where a meeting was held, in a language: "" when the
// language's file does not say (pages then show the English, marked).
// English is the catalog's own place.
func (c *Catalog) MeetingPlace(id, lang string) string {
	if lang == "en" {
		if m, ok := c.Meeting(id); ok {
			return m.Place
		}
		return ""
	}
	if t := c.Translations[lang]; t != nil {
		if mt := t.meetings[id]; mt != nil {
			return mt.Place
		}
	}
	return ""
}

// KindLabel is a kind's label in a language, or "".
func (c *Catalog) KindLabel(kind, lang string) string {
	if lang == "en" {
		if k, ok := c.Rules.Kind(kind); ok {
			return k.Label
		}
		return ""
	}
	if kt := c.kindTranslation(kind, lang); kt != nil {
		return kt.Label
	}
	return ""
}

// KindDescription is a kind's description in a language, or "".
func (c *Catalog) KindDescription(kind, lang string) string {
	if lang == "en" {
		if k, ok := c.Rules.Kind(kind); ok {
			return k.Description
		}
		return ""
	}
	if kt := c.kindTranslation(kind, lang); kt != nil {
		return kt.Description
	}
	return ""
}

// RuleNote is the note of the version of a kind's rule that starts at
// meeting from, in a language, or "".
func (c *Catalog) RuleNote(kind, from, lang string) string {
	if lang == "en" {
		if k, ok := c.Rules.Kind(kind); ok {
			for _, r := range k.Rules {
				if r != nil && r.From == from {
					return r.Note
				}
			}
		}
		return ""
	}
	if kt := c.kindTranslation(kind, lang); kt != nil {
		if rt := kt.rules[from]; rt != nil {
			return rt.Note
		}
	}
	return ""
}

func (c *Catalog) kindTranslation(kind, lang string) *KindTranslation {
	if t := c.Translations[lang]; t != nil {
		return t.kinds[kind]
	}
	return nil
}

// Untranslated lists the catalog's words that a language has no
// translation for, each as "meeting rm07 title", "kind national_report
// description" or "rule national_report from rm01 note", in the order of
// the English files. Only values the English files give count.
func (c *Catalog) Untranslated(lang string) []string {
	var out []string
	for _, m := range c.Meetings {
		if m.Title != "" && c.MeetingTitle(m.ID, lang) == "" {
			out = append(out, "meeting "+m.ID+" title")
		}
		if m.Place != "" && c.MeetingPlace(m.ID, lang) == "" {
			out = append(out, "meeting "+m.ID+" place")
		}
	}
	for _, k := range c.Rules.Kinds {
		if k == nil {
			continue
		}
		if k.Label != "" && c.KindLabel(k.Kind, lang) == "" {
			out = append(out, "kind "+k.Kind+" label")
		}
		if k.Description != "" && c.KindDescription(k.Kind, lang) == "" {
			out = append(out, "kind "+k.Kind+" description")
		}
		for _, r := range k.Rules {
			if r != nil && r.Note != "" && c.RuleNote(k.Kind, r.From, lang) == "" {
				out = append(out, "rule "+k.Kind+" from "+r.From+" note")
			}
		}
	}
	return out
}

// Translatable counts the catalog's words a language may translate: every
// value Untranslated would list if no file gave it.
func (c *Catalog) Translatable() int {
	n := 0
	for _, m := range c.Meetings {
		if m.Title != "" {
			n++
		}
		if m.Place != "" {
			n++
		}
	}
	for _, k := range c.Rules.Kinds {
		if k == nil {
			continue
		}
		if k.Label != "" {
			n++
		}
		if k.Description != "" {
			n++
		}
		for _, r := range k.Rules {
			if r != nil && r.Note != "" {
				n++
			}
		}
	}
	return n
}

// loadTranslations reads translations/*.yaml, once the meetings and rules
// are known. A file that is not well formed (YAML, unknown fields, a value
// too long, an id given twice, a name that is not a language) is an error
// like any other in the catalog; a translation of an id the English files
// do not have is a warning, so that removing a meeting or a kind in English
// alone still builds.
func (l *loader) loadTranslations(c *Catalog) {
	names, err := fs.Glob(l.fsys, TranslationsGlob)
	if err != nil {
		l.errorf(Pos{File: l.display("translations")}, "cannot list: %s", err)
		return
	}
	slices.Sort(names)
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		file := l.display(name)
		tag, err := language.Parse(lang)
		switch {
		case err != nil || tag.String() != lang:
			l.errorf(Pos{File: file}, "the file's name must be a language code such as fr.yaml or zh.yaml; %q is not one", lang)
			continue
		case lang == "en":
			l.errorf(Pos{File: file}, "English is what meetings.yaml and rules.yaml say; translations/ holds the other languages")
			continue
		}
		t := &Translation{Lang: lang, File: file}
		if !l.readYAML(name, t) {
			continue
		}
		l.checkTranslation(c, t)
		if c.Translations == nil {
			c.Translations = map[string]*Translation{}
		}
		c.Translations[lang] = t
	}
}

func (l *loader) checkTranslation(c *Catalog, t *Translation) {
	warn := func(p Pos, format string, args ...any) { c.Warnings.add(p, format, args...) }
	t.meetings = map[string]*MeetingTranslation{}
	for _, mt := range t.Meetings {
		if mt == nil {
			continue
		}
		l.checkLine(mt.Where, "title", mt.Title, false)
		l.checkLine(mt.Where, "place", mt.Place, false)
		switch first := t.meetings[mt.ID]; {
		case mt.ID == "":
			l.errorf(mt.Pos, "a meeting's translation needs id: the meeting's id in %s", l.display(MeetingsFile))
		case first != nil:
			l.errorf(mt.Field("id"), "meeting %q is translated twice (first at line %d)", mt.ID, first.Pos.Line)
		default:
			t.meetings[mt.ID] = mt
			if _, ok := c.Meeting(mt.ID); !ok {
				warn(mt.Field("id"), "meeting %q is not in %s; its translation is not shown", mt.ID, l.display(MeetingsFile))
			}
		}
	}
	t.kinds = map[string]*KindTranslation{}
	for _, kt := range t.Kinds {
		if kt == nil {
			continue
		}
		l.checkLine(kt.Where, "label", kt.Label, false)
		l.checkText(kt.Where, "description", kt.Description)
		switch first := t.kinds[kt.Kind]; {
		case kt.Kind == "":
			l.errorf(kt.Pos, "a kind's translation needs kind: the kind's key in %s", l.display(RulesFile))
			continue
		case first != nil:
			l.errorf(kt.Field("kind"), "kind %q is translated twice (first at line %d)", kt.Kind, first.Pos.Line)
			continue
		}
		t.kinds[kt.Kind] = kt
		k, known := c.Rules.Kind(kt.Kind)
		if !known {
			warn(kt.Field("kind"), "kind %q is not in %s; its translation is not shown", kt.Kind, l.display(RulesFile))
		}
		kt.rules = map[string]*RuleTranslation{}
		for _, rt := range kt.Rules {
			if rt == nil {
				continue
			}
			l.checkText(rt.Where, "note", rt.Note)
			switch first := kt.rules[rt.From]; {
			case rt.From == "":
				l.errorf(rt.Pos, "kind %q: a rule's translation needs from: the from: of the rule's version in %s", kt.Kind, l.display(RulesFile))
			case first != nil:
				l.errorf(rt.Field("from"), "kind %q: the rule from %q is translated twice (first at line %d)", kt.Kind, rt.From, first.Pos.Line)
			default:
				kt.rules[rt.From] = rt
				if known && !slices.ContainsFunc(k.Rules, func(r *RuleVersion) bool { return r != nil && r.From == rt.From }) {
					warn(rt.Field("from"), "kind %q has no rule from %q in %s; its translation is not shown", kt.Kind, rt.From, l.display(RulesFile))
				}
			}
		}
	}
}

// SpanForm says how a rule's span of meetings reads: "one" meeting, "onward"
// (From and every later meeting) or "range" (From to Last); first and last
// are the ids of its first and last meetings. "" before the loader has
// resolved the rule's meetings.
func (r *RuleVersion) SpanForm() (form, first, last string) {
	if len(r.Meetings) == 0 {
		return "", "", ""
	}
	first, last = r.Meetings[0], r.Meetings[len(r.Meetings)-1]
	switch {
	case first == last:
		return "one", first, last
	case r.Until == "":
		return "onward", first, last
	}
	return "range", first, last
}

// spanText is a span in English words, from its form and meeting titles.
func spanText(form, from, until string) string {
	switch form {
	case "one":
		return "the " + from
	case "onward":
		return "the " + from + " and every later meeting"
	case "range":
		return "the " + from + " to the " + until
	}
	return ""
}

// Strings are the problems as text, one each, in file and line order.
func (ps Problems) Strings() []string {
	var out []string
	for _, p := range ps.sorted() {
		out = append(out, p.String())
	}
	return out
}
