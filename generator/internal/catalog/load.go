package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Vienna must resolve on machines without a zoneinfo database.
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/cns-transparency/cns-site/generator/internal/nearest"
	"github.com/cns-transparency/cns-site/generator/internal/parallel"
)

// The files of a catalog, relative to its root.
const (
	RulesFile     = "rules.yaml"
	PartiesFile   = "parties.yaml"
	MeetingsFile  = "meetings.yaml"
	DocumentsGlob = "documents/*.yaml"
)

// Limits on field sizes: longer values are an error, not something to render.
const (
	maxLine = 500    // one-line fields: names, titles
	maxText = 20_000 // summaries, notes
)

// IDPattern is what an id of a meeting, party or document may be: the
// loader checks it, and the open data's schemas publish it.
const IDPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

var idRe = regexp.MustCompile(IDPattern)

// Load reads and validates the catalog in fsys. Problems name files as
// prefix/name (prefix is how the user knows the folder, such as "data").
// The error, if any, is a Problems listing everything found.
func Load(fsys fs.FS, prefix string) (*Catalog, error) {
	l := &loader{fsys: fsys, prefix: prefix}
	c := l.load()
	if len(l.probs) > 0 {
		return nil, l.probs.sorted()
	}
	return c, nil
}

type loader struct {
	fsys      fs.FS
	prefix    string
	probs     Problems
	withFiles []*Document // documents whose files checkFiles reads
}

func (l *loader) display(name string) string {
	if l.prefix == "" {
		return name
	}
	return l.prefix + "/" + name
}

func (l *loader) errorf(p Pos, format string, args ...any) { l.probs.add(p, format, args...) }

// readYAML decodes one file into v; false when the file is missing or unreadable.
func (l *loader) readYAML(name string, v any) bool {
	src, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.errorf(Pos{File: l.display(name)}, "cannot read: %s", plainErr(err))
		return false
	}
	if !utf8.Valid(src) {
		l.errorf(Pos{File: l.display(name), Line: firstInvalidLine(src)}, "the file is not valid UTF-8")
		return false
	}
	d := &decoder{file: l.display(name), probs: &l.probs}
	return d.decodeFile(src, v)
}

func (l *loader) load() *Catalog {
	c := &Catalog{
		partyByID:   map[string]*Party{},
		meetingByID: map[string]*Meeting{},
		docByID:     map[string]*Document{},
	}
	if l.readYAML(RulesFile, &c.Rules) {
		l.checkRules(&c.Rules)
	}
	var pf partiesFile
	if l.readYAML(PartiesFile, &pf) {
		c.Parties = pf.Parties
		c.InForce = pf.EntryIntoForce
		c.Counts = slices.DeleteFunc(pf.Counts, func(n *PartyCount) bool { return n == nil })
		l.checkParties(c, pf.Where)
	}
	var mf meetingsFile
	if l.readYAML(MeetingsFile, &mf) {
		c.Meetings = mf.Meetings
		l.checkMeetings(c)
		// Without the meetings, every rule's range would be reported as wrong.
		l.resolveRules(&c.Rules, c.Meetings)
	}
	names, err := fs.Glob(l.fsys, DocumentsGlob)
	if err != nil {
		l.errorf(Pos{File: l.display("documents")}, "cannot list: %s", err)
	}
	// A file the loader would not read is an error, not a silent loss of
	// what it holds (a documents file renamed .yml).
	for _, dir := range []string{".", "documents", "translations"} {
		entries, _ := fs.ReadDir(l.fsys, dir)
		for _, e := range entries {
			name, ext := e.Name(), strings.ToLower(path.Ext(e.Name()))
			// A tool's own file (.yamllint.yml) is not the catalog's.
			if e.IsDir() || strings.HasPrefix(name, ".") || ext != ".yml" && ext != ".yaml" || path.Ext(name) == ".yaml" {
				continue
			}
			rel := path.Join(dir, name)
			want := strings.TrimSuffix(name, path.Ext(name)) + ".yaml"
			if _, err := fs.Stat(l.fsys, path.Join(dir, want)); err == nil {
				l.errorf(Pos{File: l.display(rel)}, "the catalog reads .yaml files only, so nothing in this file would be read, and %s is there already: merge the two", want)
				continue
			}
			l.errorf(Pos{File: l.display(rel)}, "the catalog reads .yaml files only, so nothing in this file would be read: rename it %s", want)
		}
	}
	slices.Sort(names)
	// One file per meeting, named by its id (data/README.md): a file
	// copied from another meeting's that keeps its meeting: would put its
	// documents at that meeting, which nothing else would show.
	type naming struct {
		name string
		at   Pos
	}
	namedBy := map[string][]naming{} // meeting id: the files naming it, in order
	for _, name := range names {
		var df documentsFile
		if !l.readYAML(name, &df) {
			continue
		}
		l.checkDocuments(c, name, &df)
		if df.Meeting == "" {
			continue
		}
		if base := strings.TrimSuffix(path.Base(name), ".yaml"); base != df.Meeting {
			c.Warnings.add(df.Field("meeting"), "meeting: %s, in a file named for %s: each meeting's documents go in documents/<meeting id>.yaml; if this file was copied from another meeting's, give the meeting it is for, else rename the file", df.Meeting, base)
		}
		namedBy[df.Meeting] = append(namedBy[df.Meeting], naming{name, df.Field("meeting")})
	}
	// A meeting named by two files: the one named for it is its own; each
	// other is warned of (where none is, each after the first).
	for _, id := range slices.Sorted(maps.Keys(namedBy)) {
		files := namedBy[id]
		own := slices.IndexFunc(files, func(f naming) bool { return strings.TrimSuffix(path.Base(f.name), ".yaml") == id })
		if own < 0 {
			own = 0
		}
		for i, f := range files {
			if i != own {
				c.Warnings.add(f.at, "meeting %s is named by %s too: one file per meeting; merge the two, or give this one the meeting it is for", id, l.display(files[own].name))
			}
		}
	}
	l.checkFiles()
	l.checkFormerIDs(c)
	l.deriveMembership(c)
	deriveCycles(c)
	l.loadTranslations(c)
	c.Warnings = append(c.Warnings, c.fieldWordWarnings()...)
	c.Warnings = append(c.Warnings, c.sourceWarnings()...)
	return c
}

// deriveCycles sets each meeting's CycleStart from the meetings before it;
// the first meeting's cycle began when the Convention entered into force.
func deriveCycles(c *Catalog) {
	last := c.InForce
	for _, m := range c.Meetings {
		if !last.IsZero() && (m.Opening.IsZero() || last.Before(m.Opening)) {
			m.CycleStart = last
		}
		if a := m.Adjournment; !a.IsZero() && last.Before(a) {
			last = a
		}
	}
}

// checkFormerIDs makes sure an old address, kept as a redirect after a
// rename, names no current page and no other renamed one.
func (l *loader) checkFormerIDs(c *Catalog) {
	type owner struct {
		kind string
		w    Where
	}
	check := func(kind string, current map[string]bool, w Where, ids []string, taken map[string]owner) {
		for _, id := range ids {
			switch {
			case !idRe.MatchString(id):
				l.errorf(w.Field("former_ids"), "former id %q must be lower-case letters, digits and hyphens", id)
			case current[id]:
				l.errorf(w.Field("former_ids"), "former id %q is the id of a current %s", id, kind)
			case taken[id].kind != "":
				l.errorf(w.Field("former_ids"), "former id %q is also a former id at %s:%d", id, taken[id].w.Pos.File, taken[id].w.Pos.Line)
			default:
				taken[id] = owner{kind, w}
			}
		}
	}
	ids := func(n int, get func(int) string) map[string]bool {
		m := map[string]bool{}
		for i := range n {
			m[get(i)] = true
		}
		return m
	}
	parties := ids(len(c.Parties), func(i int) string { return c.Parties[i].ID })
	meetings := ids(len(c.Meetings), func(i int) string { return c.Meetings[i].ID })
	docs := ids(len(c.Documents), func(i int) string { return c.Documents[i].ID })
	taken := map[string]owner{}
	for _, p := range c.Parties {
		check("party", parties, p.Where, p.FormerIDs, taken)
	}
	taken = map[string]owner{}
	for _, m := range c.Meetings {
		check("meeting", meetings, m.Where, m.FormerIDs, taken)
	}
	taken = map[string]owner{}
	for _, d := range c.Documents {
		check("document", docs, d.Where, d.FormerIDs, taken)
	}
}

func (l *loader) checkRules(r *Rules) {
	if r.Timezone == "" {
		l.errorf(r.Pos, "timezone is required (for example Europe/Vienna)")
	} else if loc, err := time.LoadLocation(r.Timezone); err != nil {
		l.errorf(r.Field("timezone"), "timezone %q is not a known time zone", r.Timezone)
	} else {
		r.Location = loc
	}
	r.byKind = map[string]*Kind{}
	slugs := map[string]bool{}
	for _, k := range r.Kinds {
		if k == nil {
			continue
		}
		switch {
		case !idRe.MatchString(strings.ReplaceAll(k.Kind, "_", "-")):
			l.errorf(k.Field("kind"), "kind %q must be lower-case letters, digits and underscores", k.Kind)
			continue
		case r.byKind[k.Kind] != nil:
			l.errorf(k.Field("kind"), "kind %q has a rule already at line %d", k.Kind, r.byKind[k.Kind].Pos.Line)
			continue
		}
		r.byKind[k.Kind] = k
		if !idRe.MatchString(k.Slug) {
			l.errorf(k.Field("slug"), "slug %q must be lower-case letters, digits and hyphens", k.Slug)
		} else if slugs[k.Slug] {
			l.errorf(k.Field("slug"), "slug %q is used by another kind", k.Slug)
		}
		slugs[k.Slug] = true
		if k.Label == "" {
			l.errorf(k.Pos, "kind %q needs a label", k.Kind)
		}
		if k.Numbered && !k.PerParty {
			l.errorf(k.Field("numbered"), "kind %q: numbered applies to per-party kinds (several reports of one party at a meeting)", k.Kind)
		}
		if len(k.Rules) == 0 {
			l.errorf(k.Pos, "kind %q has no rules: list under rules: the meetings each version covers (from:, until:) and how it makes documents public", k.Kind)
		}
		for _, v := range k.Rules {
			if v != nil {
				l.checkRule(k, v)
			}
		}
	}
	if len(r.byKind) == 0 {
		l.errorf(r.Pos, "no document kinds: nothing could ever be public")
	}
}

func (l *loader) checkParties(c *Catalog, file Where) {
	isoSeen := map[string]string{}
	for _, p := range c.Parties {
		if p == nil {
			continue
		}
		if first := c.partyByID[p.ID]; !l.newID("party", p.Where, p.ID, first != nil, lineOf(first)) {
			continue
		}
		c.partyByID[p.ID] = p
		l.checkLine(p.Where, "name", p.Name, true)
		for _, n := range p.OtherNames {
			l.checkLine(p.Where, "other_names", n, true)
		}
		if !slices.Contains(PartyTypes, p.Type) {
			l.errorf(p.Field("type"), "party %q: type must be state or organisation, not %q", p.ID, p.Type)
		}
		if p.ISO != "" {
			if r, err := language.ParseRegion(p.ISO); err != nil || r.String() != p.ISO || len(p.ISO) != 2 {
				l.errorf(p.Field("iso"), "party %q: iso %q is not an ISO 3166-1 alpha-2 code (two capital letters, such as AL)", p.ID, p.ISO)
			} else if !r.IsCountry() || r.ISO3() == "ZZZ" {
				// ZZ, XA-XZ, QM-QZ, AA: codes for private use or an
				// unknown region, which CLDR names "Unknown Region"; UN and
				// EZ, which CLDR counts among countries but ISO 3166-1 does
				// not (they have no alpha-3 code).
				l.errorf(p.Field("iso"), "party %q: iso %q is no country's code in ISO 3166-1 (a code for private use, an unknown region or a group, such as ZZ or UN, which the site would show as the party's name); give the party's ISO 3166-1 alpha-2 code, such as AL", p.ID, p.ISO)
			} else if other, ok := isoSeen[p.ISO]; ok {
				l.errorf(p.Field("iso"), "party %q: iso %q is also the code of party %q", p.ID, p.ISO, other)
			} else {
				isoSeen[p.ISO] = p.ID
			}
		}
		for _, lang := range slices.Sorted(maps.Keys(p.Names)) {
			if _, err := language.Parse(lang); err != nil || lang == "" {
				l.errorf(p.Field("names"), "party %q: names: %q is not a language code (ar, zh, fr, ru, es …)", p.ID, lang)
			}
			l.checkLine(p.Where, "names", p.Names[lang], false)
		}
		for _, lang := range slices.Sorted(maps.Keys(p.SearchNames)) {
			if _, err := language.Parse(lang); err != nil || lang == "" {
				l.errorf(p.Field("search_names"), "party %q: search_names: %q is not a language code (ar, zh, fr, ru, es …)", p.ID, lang)
			}
			for _, n := range p.SearchNames[lang] {
				if n == "" {
					l.errorf(p.Field("search_names"), "party %q: search_names: %s has an empty name", p.ID, lang)
				}
				l.checkLine(p.Where, "search_names", n, false)
			}
		}
		l.checkText(p.Where, "note", p.Note)
		l.checkURL(p.Where, "reports_url", p.ReportsURL)
		l.checkPartyDates(c, p, file)
	}
	c.Parties = slices.DeleteFunc(c.Parties, func(p *Party) bool { return p == nil || c.partyByID[p.ID] != p })
}

// checkRule validates one version of a kind's rule on its own; the
// meetings it names are resolved once meetings.yaml is read (resolveRules).
func (l *loader) checkRule(k *Kind, v *RuleVersion) {
	if v.From == "" {
		l.errorf(v.Pos, "kind %q: a rule needs from: the id of the first meeting it covers", k.Kind)
	}
	l.checkText(v.Where, "note", v.Note)
	if v.Assumed && strings.TrimSpace(v.Note) == "" {
		l.errorf(v.Field("assumed"), "kind %q: a rule the catalog assumes needs a note saying on what ground it applies it", k.Kind)
	}
	switch v.Public {
	case PublicAfterAdjournment:
		if v.Days <= 0 {
			l.errorf(v.Field("days"), "kind %q: public after_adjournment needs days > 0", k.Kind)
		}
		if !k.PerParty && v.Objection {
			l.errorf(v.Field("objection"), "kind %q: only per-party kinds can be objected to", k.Kind)
		}
		return
	case PublicByParty, PublicWithConsent:
		if !k.PerParty {
			l.errorf(v.Field("public"), "kind %q: public %s needs a per-party kind", k.Kind, v.Public)
		}
	case PublicOnAdoption:
	case "":
		l.errorf(v.Pos, "kind %q: a rule needs public: %s", k.Kind, orList(PublicBases))
		return
	default:
		l.errorf(v.Field("public"), "kind %q: public %q is not %s", k.Kind, v.Public, orList(PublicBases))
		return
	}
	if v.Days != 0 {
		l.errorf(v.Field("days"), "kind %q: days only apply to public: after_adjournment", k.Kind)
	}
	if v.EarlyPublication {
		l.errorf(v.Field("early_publication"), "kind %q: early_publication only applies to public: after_adjournment", k.Kind)
	}
	if v.Objection {
		l.errorf(v.Field("objection"), "kind %q: objection only applies to public: after_adjournment", k.Kind)
	}
}

func orList(words []string) string {
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// resolveRules gives every rule the meetings it covers, in the order of
// meetings.yaml, and reports names that are not meetings, ranges that run
// backwards and versions of one kind that cover the same meeting.
func (l *loader) resolveRules(rules *Rules, meetings []*Meeting) {
	index := map[string]int{}
	for i, m := range meetings {
		index[m.ID] = i
	}
	for _, k := range rules.Kinds {
		if k == nil || rules.byKind[k.Kind] != k {
			continue
		}
		owner := map[string]*RuleVersion{}
		for _, v := range k.Rules {
			if v == nil || v.From == "" {
				continue
			}
			first, ok := index[v.From]
			if !ok {
				l.errorf(v.Field("from"), "kind %q: from: %q is not a meeting in %s", k.Kind, v.From, l.display(MeetingsFile))
				continue
			}
			last := len(meetings) - 1
			if v.Until != "" {
				if last, ok = index[v.Until]; !ok {
					l.errorf(v.Field("until"), "kind %q: until: %q is not a meeting in %s", k.Kind, v.Until, l.display(MeetingsFile))
					continue
				}
				if last < first {
					l.errorf(v.Field("until"), "kind %q: until: %s comes before from: %s in %s", k.Kind, v.Until, v.From, l.display(MeetingsFile))
					continue
				}
			}
			v.covers = map[string]bool{}
			v.Meetings = nil
			for _, m := range meetings[first : last+1] {
				if prev := owner[m.ID]; prev != nil {
					l.errorf(v.Field("from"), "kind %q: this rule and the rule at line %d both cover meeting %q; a meeting has one rule per kind", k.Kind, prev.Pos.Line, m.ID)
					continue
				}
				owner[m.ID] = v
				v.covers[m.ID] = true
				v.Meetings = append(v.Meetings, m.ID)
			}
			form, _, _ := v.SpanForm()
			v.Span = spanText(form, meetings[first].Title, meetings[last].Title)
		}
	}
}

// newID reports whether id is well formed and not taken, and says what is
// wrong otherwise.
func (l *loader) newID(what string, w Where, id string, taken bool, firstLine int) bool {
	switch {
	case id == "":
		l.errorf(w.Pos, "id: is required for a %s (lower-case letters, digits and hyphens)", what)
		return false
	case !idRe.MatchString(id):
		l.errorf(w.Field("id"), "%s id %q must be lower-case letters, digits and hyphens", what, id)
		return false
	case taken:
		l.errorf(w.Field("id"), "duplicate %s id %q (first at line %d)", what, id, firstLine)
		return false
	}
	return true
}

func (l *loader) checkMeetings(c *Catalog) {
	var last *Meeting                 // the latest meeting so far with an opening date
	numberSeen := map[string]string{} // "type/number" -> meeting id
	for _, m := range c.Meetings {
		if m == nil {
			continue
		}
		if !m.Opening.IsZero() {
			if last != nil && m.Opening.Before(last.Opening) {
				l.errorf(m.Field("opening"), "meeting %q opens on %s, before %q above it (%s): list meetings in the order they were held, which rules' from:/until: rely on", m.ID, m.Opening, last.ID, last.Opening)
			}
			last = m
		}
		l.checkURL(m.Where, "documents_url", m.DocumentsURL)
		if ds := m.DocumentsSite; ds != nil {
			at := m.Field("documents_site")
			switch {
			case ds.URL == "":
				l.errorf(at, "meeting %q: documents_site needs url:, the site's address", m.ID)
			case !absoluteHTTP(ds.URL):
				l.errorf(at, "meeting %q: documents_site url %q is not an absolute http(s) address", m.ID, ds.URL)
			}
			if _, ok := c.Rules.Kind(ds.Kind); !ok {
				if ds.Kind == "" {
					l.errorf(at, "meeting %q: documents_site needs kind:, the kind of document (rules.yaml) made public there", m.ID)
				} else {
					l.errorf(at, "meeting %q: documents_site: kind %q is not a kind of %s", m.ID, ds.Kind, l.display(RulesFile))
				}
			}
			if m.DocumentsURL != "" {
				l.errorf(at, "meeting %q: documents_site would never be used: documents_url sends every document of the meeting to its list", m.ID)
			}
		}
		if m.ParticipatingParties > 0 && m.ContractingParties > 0 && m.ParticipatingParties > m.ContractingParties {
			l.errorf(m.Field("participating_parties"), "meeting %q: %d participating parties, more than its %d Contracting Parties", m.ID, m.ParticipatingParties, m.ContractingParties)
		}
		if first := c.meetingByID[m.ID]; !l.newID("meeting", m.Where, m.ID, first != nil, lineOf(first)) {
			continue
		}
		c.meetingByID[m.ID] = m
		l.checkLine(m.Where, "title", m.Title, true)
		if !slices.Contains(MeetingTypes, m.Type) {
			l.errorf(m.Field("type"), "meeting %q: type must be review or extraordinary, not %q", m.ID, m.Type)
		}
		l.checkDayOrMonth(m.Field("organizational_meeting"), "organizational_meeting", m.OrganizationalMeeting)
		// The Organizational Meeting prepares its Review Meeting: a day or
		// a month after the opening is a mistyped year (the timeline would
		// list it before the opening, and as past or to come wrongly).
		if o := m.OrganizationalMeeting; dayOrMonthTwoDigits.MatchString(o) && !m.Opening.IsZero() {
			if op := m.Opening.String()[:len(o)]; o > op || len(o) == len(op) && len(o) == 10 && o == op {
				l.errorf(m.Field("organizational_meeting"), "meeting %q: organizational_meeting %s is not before the meeting's opening (%s): the Organizational Meeting is held months before the meeting it prepares; check the year", m.ID, o, m.Opening)
			}
		}
		// A meeting's numbers name it among meetings of its type (the
		// 2nd Review Meeting, the 2nd Extraordinary Meeting): once each.
		for _, n := range m.Numbers {
			key := fmt.Sprintf("%s/%d", m.Type, n)
			if n < 1 {
				l.errorf(m.Field("numbers"), "meeting %q: numbers: %d is not a meeting's number (1, 2, 3 …)", m.ID, n)
			} else if other, ok := numberSeen[key]; ok {
				l.errorf(m.Field("numbers"), "meeting %q: number %d is also meeting %q's, of the same type (%s)", m.ID, n, other, m.Type)
			} else {
				numberSeen[key] = m.ID
			}
		}
		// Each officer is named, with the office held.
		for i, o := range m.Officers {
			if strings.TrimSpace(o.Role) == "" || strings.TrimSpace(o.Name) == "" {
				l.errorf(m.Item("officers", i), "meeting %q: officer %d needs role: and name: (role: President, name: Mr Ramzi Jammal)", m.ID, i+1)
			}
		}
		if !m.Opening.IsZero() && !m.Adjournment.IsZero() && m.Adjournment.Before(m.Opening) {
			l.errorf(m.Field("adjournment"), "meeting %q adjourns on %s, before it opens on %s", m.ID, m.Adjournment, m.Opening)
		}
		if m.Opening.IsZero() && m.Held == "" && !m.Has("opening") {
			l.errorf(m.Pos, "meeting %q needs an opening date or held: text saying when it was held", m.ID)
		}
		l.checkLine(m.Where, "place", m.Place, false)
		l.checkLine(m.Where, "held", m.Held, false)
		l.checkText(m.Where, "note", m.Note)
		seen := map[string]bool{}
		for _, id := range m.Parties {
			if _, ok := c.partyByID[id]; !ok {
				l.errorf(m.Field("parties"), "meeting %q lists party %q, which is not in %s%s", m.ID, id, l.display(PartiesFile), didYouMean(id, c.partyIDs()))
			} else if seen[id] {
				l.errorf(m.Field("parties"), "meeting %q lists party %q twice", m.ID, id)
			}
			seen[id] = true
		}
		for _, list := range []struct {
			field string
			ids   []string
		}{
			{"did_not_attend", m.DidNotAttend},
			{"did_not_attend_country_groups", m.DidNotAttendCountryGroups},
			{"posted_no_questions", m.PostedNoQuestions},
		} {
			for _, id := range list.ids {
				if !seen[id] {
					l.errorf(m.Field(list.field), "meeting %q: %s names %q, which is not in the meeting's parties", m.ID, list.field, id)
				}
			}
		}
		if m.ContractingParties != 0 && len(m.Parties) != 0 && m.ContractingParties != len(m.Parties) {
			l.errorf(m.Field("contracting_parties"), "meeting %q: contracting_parties is %d but parties lists %d", m.ID, m.ContractingParties, len(m.Parties))
		}
		if n := m.NPP; n != nil && m.ContractingParties != 0 && n.Operating+n.Construction+n.None != m.ContractingParties {
			l.errorf(m.Field("npp"), "meeting %q: npp counts add up to %d, not %d Contracting Parties", m.ID, n.Operating+n.Construction+n.None, m.ContractingParties)
		}
	}
	c.Meetings = slices.DeleteFunc(c.Meetings, func(m *Meeting) bool { return m == nil || c.meetingByID[m.ID] != m })
}

func (l *loader) checkDocuments(c *Catalog, name string, df *documentsFile) {
	m, ok := c.meetingByID[df.Meeting]
	if df.Meeting == "" {
		l.errorf(df.Pos, "meeting: is required (the id of the meeting these documents belong to)")
		return
	}
	if !ok {
		l.errorf(df.Field("meeting"), "meeting %q is not in %s%s", df.Meeting, l.display(MeetingsFile), didYouMean(df.Meeting, c.meetingIDs()))
		return
	}
	c.Warnings = append(c.Warnings, fieldWordsIn(df.Where, "sources", "a source of "+l.display(name), df.Sources)...)
	inMeeting := map[string]bool{}
	for _, id := range m.Parties {
		inMeeting[id] = true
	}
	type slot struct {
		kind, party string
		report      int
	}
	taken := map[slot]*Document{}
	// numbered and unnumbered hold, per kind and party, a document that
	// names its report and one that does not: the two may not meet.
	numbered, unnumbered := map[slot]*Document{}, map[slot]*Document{}
	for _, d := range df.Documents {
		if d == nil {
			continue
		}
		d.Meeting, d.FileSources = m.ID, df.Sources
		rule, ruleOK := c.Rules.Kind(d.Kind)
		switch {
		case d.Kind == "":
			l.errorf(d.Pos, "kind: is required: one of %s", c.Rules.kindNames())
		case !ruleOK:
			l.errorf(d.Field("kind"), "kind %q has no rule in %s, so it could never be public; the kinds are %s", d.Kind, l.display(RulesFile), c.Rules.kindNames())
		}
		if d.Party != "" {
			if _, ok := c.partyByID[d.Party]; !ok {
				l.errorf(d.Field("party"), "party %q is not in %s%s", d.Party, l.display(PartiesFile), didYouMean(d.Party, c.partyIDs()))
			} else if len(m.Parties) > 0 && !inMeeting[d.Party] {
				l.errorf(d.Field("party"), "party %q is not among the parties of meeting %q", d.Party, m.ID)
			}
		}
		var version *RuleVersion
		if ruleOK {
			var covered bool
			if version, covered = rule.For(m.ID); !covered && len(rule.Rules) > 0 {
				l.errorf(d.Field("kind"), "no %s rule in %s covers meeting %q (line %d has the kind's rules), so the document could never be public: add a rule whose from:/until: include the meeting", d.Kind, l.display(RulesFile), m.ID, rule.Pos.Line)
			}
		}
		if ruleOK && rule.PerParty && d.Party == "" {
			l.errorf(d.Pos, "a %s belongs to a party: party: is required", d.Kind)
		}
		if d.ID == "" && ruleOK && rule.PerParty && d.Party != "" {
			if d.Report != 0 {
				d.ID = DefaultReportID(m.ID, rule.Slug, d.Report, d.Party)
			} else {
				d.ID = DefaultID(m.ID, rule.Slug, d.Party)
			}
		}
		switch {
		case d.ID == "" && !ruleOK:
			continue // its kind's error says what is wrong; the id follows once it is right
		case d.ID == "" && rule.PerParty:
			continue // its party's error says what is wrong
		case d.ID == "":
			l.errorf(d.Pos, "id: is required for a document that belongs to no party")
			continue
		case !idRe.MatchString(d.ID):
			l.errorf(d.Field("id"), "document id %q must be lower-case letters, digits and hyphens", d.ID)
			continue
		case c.docByID[d.ID] != nil:
			first := c.docByID[d.ID].Pos
			l.errorf(d.Field("id"), "duplicate document id %q (first at %s:%d)", d.ID, first.File, first.Line)
			continue
		}
		if ruleOK && rule.PerParty && d.Party != "" {
			s := slot{d.Kind, d.Party, d.Report}
			switch prev := taken[s]; {
			case prev != nil && d.Report != 0:
				l.errorf(d.Field("report"), "party %q has a %s with report %d for meeting %q already (%s, line %d)", d.Party, d.Kind, d.Report, m.ID, prev.ID, prev.Pos.Line)
			case prev != nil:
				l.errorf(d.Pos, "party %q has a %s for meeting %q already (%s, line %d)", d.Party, d.Kind, m.ID, prev.ID, prev.Pos.Line)
			}
			taken[s] = d
			k := slot{d.Kind, d.Party, 0}
			var other *Document
			if d.Report != 0 {
				numbered[k], other = d, unnumbered[k]
			} else {
				unnumbered[k], other = d, numbered[k]
			}
			// A report: 0 is reported on its own (checkReport).
			zero := func(x *Document) bool { return x.Report == 0 && x.Has("report") }
			if other != nil && !zero(other) && !zero(d) {
				l.errorf(d.Pos, "party %q has a %s for meeting %q that names its report and one that does not (%s, line %d): name the report of each", d.Party, d.Kind, m.ID, other.ID, other.Pos.Line)
			}
		}
		c.docByID[d.ID] = d
		c.Documents = append(c.Documents, d)
		if ruleOK {
			l.checkReport(m, rule, d)
		}
		l.checkDocument(d, version)
	}
}

// checkDocument validates one document's fields against its kind's rule.
// Contradictory permission data is an error: the engine would not guess.
func (l *loader) checkDocument(d *Document, rule *RuleVersion) {
	l.checkLine(d.Where, "title", d.Title, false)
	if d.TitleLang != "" {
		switch tag, err := language.Parse(d.TitleLang); {
		case err != nil || tag.String() != d.TitleLang:
			l.errorf(d.Field("title_lang"), "document %q: title_lang %q is not a language code (es, cs, de, zh-Hant …)", d.ID, d.TitleLang)
		case d.TitleLang == "en" || strings.HasPrefix(d.TitleLang, "en-"):
			l.errorf(d.Field("title_lang"), "document %q: title_lang %q: English is the catalog's own language; leave title_lang out", d.ID, d.TitleLang)
		case d.Title == "":
			l.errorf(d.Field("title_lang"), "document %q: title_lang says the language of its title, but it has no title", d.ID)
		}
	}
	l.checkText(d.Where, "summary", d.Summary)
	l.checkLine(d.Where, "symbol", d.Symbol, false)
	l.checkText(d.Where, "withdrawn_reason", d.WithdrawnReason)
	if d.NotSubmitted {
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"file", d.File != ""}, {"url", d.URL != ""}, {"text", d.Text != ""},
			{"submitted", !d.Submitted.IsZero()}, {"published", !d.Published.IsZero()}, {"published_undated", d.PublishedUndated}, {"published_by", !d.PublishedBy.IsZero()},
			{"consent", !d.Consent.IsZero()}, {"adopted", !d.Adopted.IsZero()}, {"withdrawn", !d.Withdrawn.IsZero()},
			{"objection", !d.Objection.IsZero()}, {"objection_lifted", !d.ObjectionLifted.IsZero()},
		} {
			if f.set {
				l.errorf(d.Field(f.name), "document %q is not_submitted but has %s", d.ID, f.name)
			}
		}
	}
	if !d.PublishedBy.IsZero() && !d.Published.IsZero() {
		l.errorf(d.Field("published_by"), "document %q: published_by is for a report whose publication day no source gives, but published gives one; keep published", d.ID)
	}
	if !d.PublishedBy.IsZero() && !d.NotSubmitted {
		d.PublishedUndated = true
	}
	if d.PublishedByRead && d.PublishedBy.IsZero() {
		l.errorf(d.Field("published_by_read"), "document %q: published_by_read says whose day published_by is, but there is no published_by", d.ID)
	}
	if d.PublishedUndated && !d.Published.IsZero() && d.PublishedBy.IsZero() {
		l.errorf(d.Field("published_undated"), "document %q: published_undated says no source gives the day it was published, but published gives one", d.ID)
	}
	if d.PublishedUndated && len(d.Sources) == 0 {
		field := "published_undated"
		if !d.PublishedBy.IsZero() {
			field = "published_by"
		}
		l.errorf(d.Field(field), "document %q: %s needs the source that says its party published it, in sources:", d.ID, field)
	}
	if rule != nil {
		for _, f := range []struct {
			name string
			set  bool
		}{{"published", !d.Published.IsZero()}, {"published_by", !d.PublishedBy.IsZero()}} {
			if f.set && !rule.EarlyPublication && rule.Public != PublicByParty {
				l.errorf(d.Field(f.name), "document %q: the %s rule for %s allows no publication by the party itself", d.ID, d.Kind, rule.Span)
			}
		}
		if !d.Objection.IsZero() && !rule.Objection {
			l.errorf(d.Field("objection"), "document %q: the %s rule for %s allows no objection", d.ID, d.Kind, rule.Span)
		}
	}
	// An objection lifted: after the objection it lifts.
	switch {
	case d.ObjectionLifted.IsZero():
	case d.Objection.IsZero():
		l.errorf(d.Field("objection_lifted"), "document %q: objection_lifted needs the objection it lifts: give its day in objection:", d.ID)
	case !d.Objection.Before(d.ObjectionLifted):
		l.errorf(d.Field("objection_lifted"), "document %q: objection_lifted %s is not after the objection of %s it lifts; check both days", d.ID, d.ObjectionLifted, d.Objection)
	}
	if rule != nil {
		if !d.Consent.IsZero() && rule.Public != PublicWithConsent && rule.Public != PublicByParty {
			l.errorf(d.Field("consent"), "document %q: %s needs no consent (public: %s)", d.ID, d.Kind, rule.Public)
		}
		if rule.Public == PublicOnAdoption && d.Adopted.IsZero() && !d.NotSubmitted {
			l.errorf(d.Pos, "document %q: a %s is public from its adoption: adopted: is required", d.ID, d.Kind)
		}
		if !d.Adopted.IsZero() && rule.Public != PublicOnAdoption {
			l.errorf(d.Field("adopted"), "document %q: adopted only applies to kinds public on adoption", d.ID)
		}
	}
	if !d.Withdrawn.IsZero() && strings.TrimSpace(d.WithdrawnReason) == "" {
		l.errorf(d.Field("withdrawn"), "document %q: withdrawn needs withdrawn_reason, which the site shows", d.ID)
	}
	if d.Withdrawn.IsZero() && d.WithdrawnReason != "" {
		l.errorf(d.Field("withdrawn_reason"), "document %q: withdrawn_reason without a withdrawn date", d.ID)
	}
	l.checkURL(d.Where, "url", d.URL)
	if d.SHA256 != "" && d.File == "" {
		l.errorf(d.Field("sha256"), "document %q: sha256 without a file", d.ID)
	}
	if d.File != "" || d.Text != "" {
		l.withFiles = append(l.withFiles, d)
	}
}

// checkFiles reads the files and texts documents name, several at a time:
// a catalog of thousands of small files waits on the disk, not the CPU.
// Problems are merged in document order, so the output does not depend on
// which finished first.
func (l *loader) checkFiles() {
	docs := l.withFiles
	probs := make([]Problems, len(docs))
	parallel.Each(len(docs), 8, func(i int) {
		d := docs[i]
		sub := &loader{fsys: l.fsys, prefix: l.prefix}
		if d.File != "" {
			if info, ok := sub.statFile(d, "file", d.File); ok {
				sub.hashFile(d, info)
			}
		}
		if d.Text != "" {
			if _, ok := sub.statFile(d, "text", d.Text); ok {
				sub.readText(d)
			}
		}
		probs[i] = sub.probs
	})
	for _, p := range probs {
		l.probs = append(l.probs, p...)
	}
	// One file for two documents: when one is public and the other not, the
	// public one's file is the other's, and no build may publish it.
	first := map[string]*Document{}
	for _, d := range docs {
		if d.FileInfo == nil {
			continue
		}
		if prev := first[d.FileInfo.SHA256]; prev != nil {
			l.errorf(d.Field("file"), "document %q: its file has the same bytes as the file of %q (%s:%d); once one is public and the other is not, no build can publish it: give each document its own file", d.ID, prev.ID, prev.Pos.File, prev.Pos.Line)
			continue
		}
		first[d.FileInfo.SHA256] = d
	}
}

// statFile checks that a path written in the catalog stays inside it and
// names a regular file that is not a symbolic link.
func (l *loader) statFile(d *Document, field, p string) (*FileInfo, bool) {
	at := d.Field(field)
	if p == "" || path.IsAbs(p) || strings.Contains(p, `\`) || !fs.ValidPath(p) || path.Clean(p) != p {
		l.errorf(at, "document %q: %s %q must be a plain relative path inside %s (no .., no leading /)", d.ID, field, p, l.display(""))
		return nil, false
	}
	// Refuse links anywhere on the way: they could point out of data/.
	parts := strings.Split(p, "/")
	for i := range parts {
		sub := strings.Join(parts[:i+1], "/")
		fi, err := fs.Lstat(l.fsys, sub)
		if err != nil {
			l.errorf(at, "document %q: %s %s: %s", d.ID, field, l.display(p), plainErr(err))
			return nil, false
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			l.errorf(at, "document %q: %s %s goes through a symbolic link (%s); copy the file into %s instead", d.ID, field, l.display(p), l.display(sub), l.display(""))
			return nil, false
		}
		if i == len(parts)-1 && !fi.Mode().IsRegular() {
			l.errorf(at, "document %q: %s %s is not a regular file", d.ID, field, l.display(p))
			return nil, false
		}
		if i == len(parts)-1 && fi.Size() == 0 {
			l.errorf(at, "document %q: %s %s is empty", d.ID, field, l.display(p))
			return nil, false
		}
	}
	return &FileInfo{Path: p, Name: path.Base(p)}, true
}

func (l *loader) hashFile(d *Document, info *FileInfo) {
	f, err := l.fsys.Open(info.Path)
	if err != nil {
		l.errorf(d.Field("file"), "document %q: %s", d.ID, plainErr(err))
		return
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		l.errorf(d.Field("file"), "document %q: reading %s: %s", d.ID, l.display(info.Path), plainErr(err))
		return
	}
	info.Size, info.SHA256 = n, hex.EncodeToString(h.Sum(nil))
	if d.SHA256 != "" && !strings.EqualFold(d.SHA256, info.SHA256) {
		l.errorf(d.Field("sha256"), "document %q: %s has SHA-256 %s, not the recorded %s", d.ID, l.display(info.Path), info.SHA256, d.SHA256)
		return
	}
	d.FileInfo = info
}

func (l *loader) readText(d *Document) {
	src, err := fs.ReadFile(l.fsys, d.Text)
	if err != nil {
		l.errorf(d.Field("text"), "document %q: %s", d.ID, plainErr(err))
		return
	}
	if !utf8.Valid(src) {
		l.errorf(Pos{File: l.display(d.Text), Line: firstInvalidLine(src)}, "the text is not valid UTF-8")
		return
	}
	parsed, err := ParseText(string(src))
	if err != nil {
		var te *TextError
		if errors.As(err, &te) {
			l.errorf(Pos{File: l.display(d.Text), Line: te.Line, Col: 1}, "%s", te.Msg)
		} else {
			l.errorf(Pos{File: l.display(d.Text)}, "%s", err)
		}
		return
	}
	d.Body, d.Parsed = string(src), parsed
}

// checkURL reports an address readers could not follow: only absolute
// http(s) addresses are links.
func (l *loader) checkURL(w Where, field, v string) {
	if v != "" && !absoluteHTTP(v) {
		l.errorf(w.Field(field), "%s %q is not an absolute http(s) address", field, v)
	}
}

// absoluteHTTP is whether v is an absolute http(s) address, as the
// catalog's addresses must be.
func absoluteHTTP(v string) bool {
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(v, " \t\r\n")
}

func (l *loader) checkLine(w Where, field, v string, required bool) {
	switch {
	case v == "" && required:
		l.errorf(w.Pos, "%s: is required", field)
	case strings.ContainsAny(v, "\r\n"):
		l.errorf(w.Field(field), "%s must be one line", field)
	case utf8.RuneCountInString(v) > maxLine:
		l.errorf(w.Field(field), "%s is %d characters long; at most %d", field, utf8.RuneCountInString(v), maxLine)
	}
}

func (l *loader) checkText(w Where, field, v string) {
	if utf8.RuneCountInString(v) > maxText {
		l.errorf(w.Field(field), "%s is %d characters long; at most %d", field, utf8.RuneCountInString(v), maxText)
	}
}

func firstInvalidLine(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[size:]
	}
	return line
}

// plainErr drops the "open name:" prefix of a PathError, whose name the
// message already gives.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return "no such file"
		}
		return pe.Err.Error()
	}
	return fmt.Sprint(err)
}

// kindNames are the document kinds of the rules, for an error that names
// them: "national_report, questions_answers …".
func (r *Rules) kindNames() string {
	var names []string
	for _, k := range r.Kinds {
		if k != nil && k.Kind != "" {
			names = append(names, k.Kind)
		}
	}
	if len(names) == 0 {
		return "none yet (rules.yaml defines them)"
	}
	return strings.Join(names, ", ")
}

// dayOrMonthRe matches a value written as a day or a month: digits and
// hyphens from a four-digit year (2021-10-20, 2015-10, 2021-13-20).
var dayOrMonthRe = regexp.MustCompile(`^\d{4}-\d{1,2}(-\d{1,2})?$`)

// dayOrMonthTwoDigits is a day or a month written as the pages read one:
// each part after the year in two digits.
var dayOrMonthTwoDigits = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)

// checkDayOrMonth refuses a field that may hold a day, a month or words
// (a meeting's organizational_meeting) when it is written as a day or a
// month that does not exist: the pages write a day as 2021-10-20 and a
// month as 2015-10 in each language, and could not write 2021-13-20.
func (l *loader) checkDayOrMonth(at Pos, field, v string) {
	if !dayOrMonthRe.MatchString(v) {
		return
	}
	if _, err := time.Parse(time.DateOnly, v); err == nil {
		return
	}
	if _, err := time.Parse("2006-01", v); err == nil {
		return
	}
	if !dayOrMonthTwoDigits.MatchString(v) {
		l.errorf(at, "%s: %q is written as a day or a month but not as the pages read one: write the month and the day in two digits (2021-10-05, 2015-01), or words", field, v)
		return
	}
	l.errorf(at, "%s: %q is not a day (YYYY-MM-DD, such as 2021-10-20) or a month (YYYY-MM, such as 2015-10) that exists; write one of them, or words (29–30 September 1998)", field, v)
}

// didYouMean is ": did you mean "x"?" of the known id nearest a mistyped
// one ("spian" for spain), or nothing where none is near (a webmaster's
// review found a mistyped party id given no hint, as a field's name is).
// Not of an id shorter than five letters, nor of one that differs in its
// digits alone: "iran" is not a mistyped iraq, nor rm11, a meeting not
// yet added, rm01 (a code review found both offered).
func didYouMean(id string, known []string) string {
	if utf8.RuneCountInString(id) < 5 {
		return ""
	}
	letters := func(s string) string {
		return strings.Map(func(r rune) rune {
			r = unicode.ToLower(r)
			if unicode.IsDigit(r) {
				return -1
			}
			return r
		}, s)
	}
	for _, near := range nearest.Words(id, known, 3) {
		// The same id in other capitals is that id ("Spain"); the same
		// letters with other digits, another meeting's.
		if strings.EqualFold(near, id) || letters(near) != letters(id) {
			return fmt.Sprintf(": did you mean %q?", near)
		}
	}
	return ""
}

func (c *Catalog) partyIDs() []string {
	ids := make([]string, 0, len(c.Parties))
	for _, p := range c.Parties {
		ids = append(ids, p.ID)
	}
	return ids
}

func (c *Catalog) meetingIDs() []string {
	ids := make([]string, 0, len(c.Meetings))
	for _, m := range c.Meetings {
		ids = append(ids, m.ID)
	}
	return ids
}
