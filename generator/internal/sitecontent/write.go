// Package sitecontent turns the catalog and its publication decisions into
// Hugo content: one page per meeting, country and document, and the home
// page carrying the site-wide facts.
//
// It decides nothing of what may be shown: every fact of a document comes
// from a disclosure.View (View.Ref for lists, View.Page for its own page),
// so a document that is not public reaches Hugo only as a DocRef (kind,
// party, meeting, state and dates) with a title made from those. Nothing
// that is not public is handed to Hugo at all.
package sitecontent

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/figures"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/parallel"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/worldmap"
)

// Stats counts what Write wrote.
type Stats struct {
	Pages int
}

type writer struct {
	*disclosure.View
	fs    afero.Fs
	dir   string
	n     int
	names map[string]bool // files written, to refuse a second with one name
	queue []file
}

// Write writes the content tree into dir on fsys. hand holds the
// hand-written pages (site/content); they are copied first, and a generated
// page may not replace one.
func Write(fsys afero.Fs, dir string, hand fs.FS, in disclosure.Input) (Stats, error) {
	return WriteView(fsys, dir, hand, disclosure.NewView(in))
}

// WriteView is Write from a view the build shares with its other outputs,
// so that what they all compute from it is computed once (View.Once).
func WriteView(fsys afero.Fs, dir string, hand fs.FS, v *disclosure.View) (Stats, error) {
	w := &writer{View: v, fs: fsys, dir: dir, names: map[string]bool{}}
	if hand != nil {
		if err := w.copyHand(hand); err != nil {
			return Stats{}, err
		}
	}
	if err := w.writeAll(); err != nil {
		return Stats{}, err
	}
	if err := w.flush(); err != nil {
		return Stats{}, err
	}
	return Stats{Pages: w.n}, nil
}

func (w *writer) copyHand(hand fs.FS) error {
	return fs.WalkDir(hand, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(hand, p)
		if err != nil {
			return err
		}
		if lang := translationOf(p, w.Input().Languages); lang != "" {
			if b, err = markTranslation(b, lang); err != nil {
				return fmt.Errorf("site/content/%s: %w", p, err)
			}
		}
		return w.writeRaw(p, b)
	})
}

// translationOf is the language of a hand-written page that is the
// translation of another ("publication.fr.md": fr), where it is one of the
// site's languages other than the first; else "".
func translationOf(name string, langs []string) string {
	base := strings.TrimSuffix(path.Base(name), ".md")
	if base == path.Base(name) {
		return ""
	}
	i := strings.LastIndexByte(base, '.')
	if i < 0 || len(langs) < 2 || !slices.Contains(langs[1:], base[i+1:]) {
		return ""
	}
	return base[i+1:]
}

// markTranslation gives a translated page's front matter the one language
// it is for (Hugo's sites matrix: the page in the site's first language is
// rendered in every other) and content_lang, which tells the theme that
// its text is in that language (page.html says nothing of English then).
func markTranslation(b []byte, lang string) ([]byte, error) {
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	front, body, found := bytes.Cut(rest, []byte("\n---\n"))
	if !ok || !found {
		return nil, errors.New("a translated page needs YAML front matter between --- lines")
	}
	fm := map[string]any{}
	if err := yaml.Unmarshal(front, &fm); err != nil {
		return nil, fmt.Errorf("its front matter: %w", err)
	}
	fm["sites"] = map[string]any{"matrix": map[string]any{"languages": []string{lang}}}
	fm["content_lang"] = lang
	out, err := yaml.Marshal(fm)
	if err != nil {
		return nil, err
	}
	return slices.Concat([]byte("---\n"), out, []byte("---\n"), body), nil
}

// writeRaw queues a file; flush writes the queue.
func (w *writer) writeRaw(name string, b []byte) error {
	if w.names[name] {
		return fmt.Errorf("content %s is both hand-written in site/content and generated; rename the hand-written page", name)
	}
	w.names[name] = true
	w.queue = append(w.queue, file{name, b})
	w.n++
	return nil
}

type file struct {
	name string
	data []byte
}

// flush writes the queued files, several at a time: thousands of small
// files wait on the disk, not the CPU.
func (w *writer) flush() error {
	dirs := map[string]bool{}
	for _, f := range w.queue {
		if d := path.Dir(path.Join(w.dir, f.name)); !dirs[d] {
			dirs[d] = true
			if err := w.fs.MkdirAll(d, 0o755); err != nil {
				return err
			}
		}
	}
	errs := make([]error, len(w.queue))
	parallel.Each(len(w.queue), 8, func(i int) {
		f := w.queue[i]
		errs[i] = afero.WriteFile(w.fs, path.Join(w.dir, f.name), f.data, 0o644)
	})
	w.queue = nil
	return errors.Join(errs...)
}

// page writes a content file with JSON front matter and a Markdown body.
func (w *writer) page(name string, front map[string]any, body string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(front); err != nil {
		return fmt.Errorf("content %s: %w", name, err)
	}
	buf.WriteString("\n")
	buf.WriteString(body)
	return w.writeRaw(name, buf.Bytes())
}

func (w *writer) writeAll() error {
	c := w.Input().Catalog
	refs := make(map[string]disclosure.DocRef, len(c.Documents))
	for _, d := range c.Documents {
		refs[d.ID] = w.Ref(d)
	}
	counts := func(docs []*catalog.Document) map[string]int {
		out := map[string]int{}
		for _, s := range publication.States {
			out[string(s)] = 0
		}
		for _, d := range docs {
			out[string(refs[d.ID].State)]++
		}
		return out
	}
	byMeeting := map[string][]*catalog.Document{}
	byParty := map[string][]*catalog.Document{}
	for _, d := range c.Documents {
		byMeeting[d.Meeting] = append(byMeeting[d.Meeting], d)
		if d.Party != "" {
			byParty[d.Party] = append(byParty[d.Party], d)
		}
	}

	// Documents.
	if err := w.page("documents/_index.md", map[string]any{"title": "Publication status", "title_key": "nav_ledger", "description_key": "desc_ledger"}, ""); err != nil {
		return err
	}
	ranks := w.ledgerRanks()
	for i, d := range LedgerOrder(c, partyName(c), disclosure.CompareNames) {
		dp, body := w.Page(d)
		params := map[string]any{"doc": dp}
		if r := ranks[d.ID]; r != nil {
			params["ledger"] = r
		}
		if err := w.page("documents/"+d.ID+".md", map[string]any{
			"title": dp.Title, "weight": i + 1, "params": params,
			"aliases": aliases(disclosure.DocumentURL, d.FormerIDs),
		}, body); err != nil {
			return err
		}
	}

	// Meetings.
	if err := w.page("meetings/_index.md", map[string]any{"title": "Review meetings", "title_key": "nav_meetings", "description_key": "desc_meetings"}, ""); err != nil {
		return err
	}
	wm, err := worldMap(c)
	if err != nil {
		return err
	}
	charts := figures.All(w.View)
	for i, m := range c.Meetings {
		mp := w.meetingPage(m, byMeeting[m.ID], refs)
		mp.Counts = counts(byMeeting[m.ID])
		mp.Figures = []figures.Chart{}
		for _, ch := range charts {
			if ch.ID == figures.Parties {
				continue // a meeting's own counts are in its facts
			}
			if one, ok := ch.Row(m.ID); ok {
				mp.Figures = append(mp.Figures, one)
			}
		}
		front := map[string]any{
			"title": m.Title, "weight": i + 1, "params": mp,
			"aliases": aliases(disclosure.MeetingURL, m.FormerIDs),
		}
		if wm != nil {
			// The map as a file of its own, map.svg (site/hugo.toml).
			front["outputs"] = []string{"html", "mapsvg"}
		}
		if err := w.page("meetings/"+m.ID+".md", front, ""); err != nil {
			return err
		}
	}

	// Countries.
	if err := w.page("countries/_index.md", map[string]any{"title": "Countries", "title_key": "nav_countries", "description_key": "desc_countries"}, ""); err != nil {
		return err
	}
	parties := slices.Clone(c.Parties)
	slices.SortStableFunc(parties, func(a, b *catalog.Party) int { return disclosure.CompareNames(a.Name, b.Name) })
	for i, p := range parties {
		cp := w.countryPage(p, byParty[p.ID])
		cp.Counts = counts(byParty[p.ID])
		if err := w.page("countries/"+p.ID+".md", map[string]any{
			"title": p.Name, "weight": i + 1, "params": cp,
			"aliases": aliases(disclosure.CountryURL, p.FormerIDs),
		}, ""); err != nil {
			return err
		}
	}

	// Figures.
	if err := w.page("figures.md", map[string]any{
		"title": "Figures", "title_key": "page_figures", "description_key": "desc_figures", "layout": "figures",
		"params": FiguresPage{Charts: charts},
	}, ""); err != nil {
		return err
	}

	home := w.homePage(refs)
	home.Counts = counts(c.Documents)
	home.WorldMap = wm
	front := map[string]any{"title": w.Input().SiteTitle, "params": home}
	if len(w.Input().Languages) > 1 {
		// Every page in every language of the site: one content tree,
		// which the templates render in each language.
		all := map[string]any{"matrix": map[string]any{"languages": []string{"**"}}}
		front["sites"], front["cascade"] = all, map[string]any{"sites": all}
	}
	return w.page("_index.md", front, "")
}

// LedgerOrder is the order of the publication-status ledger, which the
// documents' page weights carry: by meeting in the meetings' order (documents
// of a meeting that is not in the catalog last, in the catalog's order),
// within a meeting its own documents first, in the catalog's order, then the
// Contracting Parties' in the order cmp gives of what name gives for each
// (its English name, or its id ordered by its place in a language), "" for
// a document of no party; and one party's by report number.
func LedgerOrder(c *catalog.Catalog, name func(party string) string, cmp func(a, b string) int) []*catalog.Document {
	rank := make(map[string]int, len(c.Meetings))
	for i, m := range c.Meetings {
		rank[m.ID] = i
	}
	meetingRank := func(d *catalog.Document) int {
		if r, ok := rank[d.Meeting]; ok {
			return r
		}
		return len(c.Meetings)
	}
	out := slices.Clone(c.Documents)
	slices.SortStableFunc(out, func(a, b *catalog.Document) int {
		if ra, rb := meetingRank(a), meetingRank(b); ra != rb || ra == len(c.Meetings) {
			return ra - rb
		}
		pa, pb := name(a.Party), name(b.Party)
		if (pa == "") != (pb == "") {
			if pa == "" {
				return -1
			}
			return 1
		}
		if c := cmp(pa, pb); c != 0 || a.Party != b.Party {
			return c
		}
		return a.Report - b.Report
	})
	return out
}

// partyName gives a party's name in English, the catalog's; "" for a
// document of no party.
func partyName(c *catalog.Catalog) func(party string) string {
	return func(party string) string {
		if p, ok := c.Party(party); ok {
			return p.Name
		}
		return ""
	}
}

// ledgerRanks are each document's place in the ledger of every language
// but English (by document id, then language; nil for an English-only
// site): LedgerOrder with the parties in the language's order
// (View.PartyOrder), as the meeting grids and the countries list have them.
// The ledger's template sorts by them; the weight gives English's order.
func (w *writer) ledgerRanks() map[string]map[string]int {
	c := w.Input().Catalog
	var out map[string]map[string]int
	for _, lang := range w.Input().Languages {
		if lang == "en" {
			continue
		}
		rank := w.PartyOrder(lang)
		byRank := func(a, b string) int { return rank[a] - rank[b] }
		id := func(party string) string {
			if _, ok := rank[party]; ok {
				return party
			}
			return ""
		}
		if out == nil {
			out = make(map[string]map[string]int, len(c.Documents))
		}
		for i, d := range LedgerOrder(c, id, byRank) {
			if out[d.ID] == nil {
				out[d.ID] = map[string]int{}
			}
			out[d.ID][lang] = i + 1
		}
	}
	return out
}

// aliases are the old addresses of a renamed page, which Hugo turns into
// redirects (paths from the site's root; Hugo adds the site's path).
func aliases(url func(string) string, former []string) []string {
	out := []string{}
	for _, id := range former {
		out = append(out, url(id))
	}
	return out
}

func yesNo(known, v bool) string {
	switch {
	case !known:
		return ""
	case v:
		return "yes"
	}
	return "no"
}

// attendanceRecorded is whether the catalog records who attended the
// meeting at all: its list of parties, which attendance reads.
func attendanceRecorded(m *catalog.Meeting) bool { return len(m.Parties) > 0 }

// attendance says what the catalog records of a party at a meeting.
func attendance(m *catalog.Meeting, party string) (attended, group, questions string) {
	if !slices.Contains(m.Parties, party) {
		return "", "", ""
	}
	absent := slices.Contains(m.DidNotAttend, party)
	attended = yesNo(true, !absent)
	group = yesNo(true, !absent && !slices.Contains(m.DidNotAttendCountryGroups, party))
	questions = yesNo(m.PostedNoQuestions != nil, !slices.Contains(m.PostedNoQuestions, party))
	return
}

func (w *writer) meetingPage(m *catalog.Meeting, docs []*catalog.Document, refs map[string]disclosure.DocRef) MeetingPage {
	c := w.Input().Catalog
	mp := MeetingPage{Meeting: w.Meeting(m), AttendanceRecorded: attendanceRecorded(m), Rows: []Row{}, Other: []disclosure.DocRef{}, Columns: []Column{}}
	// The page's note on a day before the cycle says the meeting before it
	// adjourned then: a cycle begun at the Convention's entry into force
	// (the first meeting's) is not given.
	if m.CycleStart != c.InForce {
		mp.CycleStart = m.CycleStart.String()
	}
	// Columns: the per-party kinds in rule order that this meeting has
	// documents of; a numbered kind one per round its documents name, in
	// order, then one for those that name none.
	type col struct {
		kind   string
		report int
	}
	rounds := map[string][]int{}
	has := map[col]bool{}
	cell := map[string]map[col]string{} // party, column: document id
	for _, d := range docs {
		if d.Party == "" {
			mp.Other = append(mp.Other, refs[d.ID])
			continue
		}
		k := col{d.Kind, d.Report}
		if !has[k] {
			has[k] = true
			rounds[d.Kind] = append(rounds[d.Kind], d.Report)
		}
		if cell[d.Party] == nil {
			cell[d.Party] = map[col]string{}
		}
		cell[d.Party][k] = d.ID
	}
	var cols []col
	for _, k := range c.Rules.Kinds {
		if k == nil || len(rounds[k.Kind]) == 0 {
			continue
		}
		rs := rounds[k.Kind]
		slices.SortFunc(rs, func(a, b int) int {
			if (a == 0) != (b == 0) { // the documents that name no round last
				if a == 0 {
					return 1
				}
				return -1
			}
			return a - b
		})
		for _, r := range rs {
			cols = append(cols, col{k.Kind, r})
			mp.Columns = append(mp.Columns, Column{Kind: k.Kind, Label: k.Label, Report: r, Unnamed: r == 0 && len(rs) > 1})
		}
	}
	// Rows: every party of the catalog, with its standing at the meeting.
	rows := make([]Row, 0, len(c.Parties))
	for _, p := range c.Parties {
		row := Row{Party: p.ID, PartyName: p.Name, PartyURL: w.URL(disclosure.CountryURL(p.ID)), Standing: string(c.Membership(m.ID, p.ID).Standing)}
		row.Attended, row.CountryGroup, row.PostedQuestions = attendance(m, p.ID)
		row.Cells = make([]string, len(cols))
		for i, k := range cols {
			row.Cells[i] = cell[p.ID][k]
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b Row) int { return disclosure.CompareNames(a.PartyName, b.PartyName) })
	mp.Rows = rows
	mp.Map = w.meetingMap(rows, docs, refs, mp.Meeting.Membership.NotOpened)
	return mp
}

// meetingMap is each party's entry on the meeting's map: the state of its
// National Report of the latest round it has at the meeting (a report that
// names no round counts before the numbered ones), else what its standing
// says: of a party bound with nothing recorded, "no record", or before the
// meeting opened (notOpened) "nothing recorded yet".
func (w *writer) meetingMap(rows []Row, docs []*catalog.Document, refs map[string]disclosure.DocRef, notOpened bool) []MapEntry {
	c := w.Input().Catalog
	latest := map[string]*catalog.Document{}
	n := map[string]int{}
	for _, d := range docs {
		if d.Kind != NationalReport || d.Party == "" {
			continue
		}
		n[d.Party]++
		if l := latest[d.Party]; l == nil || d.Report > l.Report {
			latest[d.Party] = d
		}
	}
	out := make([]MapEntry, 0, len(rows))
	for _, r := range rows {
		e := MapEntry{Party: r.Party, PartyName: r.PartyName, PartyURL: r.PartyURL}
		if p, ok := c.Party(r.Party); ok {
			e.ISO = p.ISO
		}
		switch d := latest[r.Party]; {
		case d != nil:
			e.State, e.Doc = string(refs[d.ID].State), d.ID
			if n[r.Party] > 1 {
				e.Reports = n[r.Party]
			}
		case r.Standing == string(catalog.Bound) && notOpened:
			e.State = NoRecordYet
		case r.Standing == string(catalog.Bound):
			e.State = NoRecord
		default:
			e.State = r.Standing
		}
		out = append(out, e)
	}
	return out
}

func (w *writer) countryPage(p *catalog.Party, docs []*catalog.Document) CountryPage {
	cp := CountryPage{
		Party:    w.Party(p),
		Meetings: []CountryMeeting{},
	}
	cp.Note, cp.Sources, cp.SourcesHidden = w.PartySources(p)
	for _, m := range w.Input().Catalog.Meetings {
		cm := CountryMeeting{
			Meeting: m.ID, MeetingTitle: m.Title, MeetingURL: w.URL(disclosure.MeetingURL(m.ID)), Held: disclosure.HeldText(m),
			Standing: string(w.Input().Catalog.Membership(m.ID, p.ID).Standing), Documents: []string{},
			HeldDays:           disclosure.HeldDays(m),
			AttendanceRecorded: attendanceRecorded(m),
			CycleStart:         m.CycleStart.String(),
			Adjournment:        m.Adjournment.String(),
			NotOpened:          w.NotOpened(m),
			Opens:              catalog.ReferenceDay(m).String(),
		}
		cm.Attended, cm.CountryGroup, cm.PostedQuestions = attendance(m, p.ID)
		for _, d := range docs {
			if d.Meeting == m.ID {
				cm.Documents = append(cm.Documents, d.ID)
			}
		}
		cp.Meetings = append(cp.Meetings, cm)
	}
	return cp
}

const recentCount, upcomingDays, upcomingDocs = 10, 5, 8

// homePage is the front matter of the home page: the latest meeting, the
// documents most recently public, the next publication days, the rules.
func (w *writer) homePage(refs map[string]disclosure.DocRef) HomePage {
	c := w.Input().Catalog
	loc := c.Rules.Location
	h := HomePage{
		AsOf:     catalog.DateOf(w.Input().AsOf.In(loc)).String(),
		AsOfTime: w.Input().AsOf.In(loc).Format(time.RFC3339),
		Timezone: c.Rules.Timezone,

		LedgerPageSize: w.Input().LedgerPageSize,
		OpenData:       Dataset{License: opendata.License.URL, Coverage: opendata.Coverage(w.View), Files: opendata.DatasetFiles()},
	}
	for _, s := range publication.States {
		h.States = append(h.States, string(s))
		if disclosure.FieldShown("details", disclosure.Status{State: s}) {
			h.TitledStates = append(h.TitledStates, string(s))
		}
	}
	h.PastStates = append(slices.Clone(h.States), string(disclosure.NotPublic))
	for _, s := range disclosure.PastStates {
		h.PastShown = append(h.PastShown, string(s))
	}
	h.MadeAtMeeting = []string{}
	for _, k := range w.Input().Catalog.Rules.Kinds {
		if k.AtMeeting {
			h.MadeAtMeeting = append(h.MadeAtMeeting, k.Kind)
		}
	}
	h.MapKeys = append(slices.Clone(h.PastStates), NoRecord, NoRecordYet)
	for _, st := range catalog.Standings {
		if st != catalog.Bound {
			h.MapKeys = append(h.MapKeys, string(st))
		}
	}
	if m := w.latestMeeting(); m != nil {
		mi := w.Meeting(m)
		h.LatestMeeting = &mi
	}
	h.Recent, h.RecentMore, h.RecentMoreMeeting, h.Upcoming = w.recentAndUpcoming(refs)
	h.Completeness = []MeetingCompleteness{}
	for _, m := range c.Meetings {
		mi := w.Meeting(m)
		h.Completeness = append(h.Completeness, MeetingCompleteness{ID: m.ID, Title: m.Title, URL: mi.URL, Membership: mi.Membership, Reading: mi.Reading})
	}
	for _, p := range c.Parties {
		if names := w.PartyNames(p); names != nil {
			if h.PartyNames == nil {
				h.PartyNames = map[string]map[string]string{}
			}
			h.PartyNames[p.ID] = names
		}
	}
	for _, lang := range w.Input().Languages {
		if lang != "en" {
			if h.PartyOrder == nil {
				h.PartyOrder = map[string]map[string]int{}
			}
			h.PartyOrder[lang] = w.PartyOrder(lang)
		}
	}
	for _, m := range c.Meetings {
		if titles := w.MeetingTitles(m.ID); titles != nil {
			if h.MeetingTitles == nil {
				h.MeetingTitles = map[string]map[string]string{}
			}
			h.MeetingTitles[m.ID] = titles
		}
	}
	for _, k := range c.Rules.Kinds {
		if k == nil {
			continue
		}
		if labels := w.KindLabels(k.Kind); labels != nil {
			if h.KindLabels == nil {
				h.KindLabels = map[string]map[string]string{}
			}
			h.KindLabels[k.Kind] = labels
		}
	}
	h.Rules = w.rulesInfo(&c.Rules)
	return h
}

// worldMap is the world the meeting maps draw, with a shape for every party
// with an ISO code; nil when none has one.
func worldMap(c *catalog.Catalog) (*worldmap.Map, error) {
	var isos []string
	for _, p := range c.Parties {
		if p.ISO != "" {
			isos = append(isos, p.ISO)
		}
	}
	if len(isos) == 0 {
		return nil, nil
	}
	m, err := worldmap.Project(isos)
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// latestMeeting is the latest meeting that has begun by the as-of day and
// has documents; without one, the latest that has begun.
func (w *writer) latestMeeting() *catalog.Meeting {
	c := w.Input().Catalog
	hasDocs := map[string]bool{}
	for _, d := range c.Documents {
		hasDocs[d.Meeting] = true
	}
	var latest, latestWithDocs *catalog.Meeting
	for _, m := range c.Meetings {
		if m.Opening.IsZero() || !w.Input().AsOf.Before(m.Opening.Start(c.Rules.Location)) {
			latest = m
			if hasDocs[m.ID] {
				latestWithDocs = m
			}
		}
	}
	if latestWithDocs != nil {
		return latestWithDocs
	}
	return latest
}

// recentAndUpcoming are the documents most recently public, newest first,
// with how many more became public on the last one's day than the list
// holds, and the next days on which documents become public, each with
// the first of its documents.
//
// A document its party published on a day no source gives, public by a
// day at the latest (disclosure.DocRef.PublishedBy), is not among the
// recent: that day bounds when it became public, and may be the day the
// catalog read its party's page, long after (a report of 2001, public by
// the day in 2026 the catalog saw it offered, is no news).
func (w *writer) recentAndUpcoming(refs map[string]disclosure.DocRef) ([]disclosure.DocRef, int, string, []Upcoming) {
	c := w.Input().Catalog
	order := map[string]int{}
	for i, m := range c.Meetings {
		order[m.ID] = i
	}
	var public, scheduled []disclosure.DocRef
	for _, d := range c.Documents {
		r := refs[d.ID]
		switch r.State {
		case publication.Public:
			if !r.PublishedBy {
				public = append(public, r)
			}
		case publication.Scheduled:
			scheduled = append(scheduled, r)
		}
	}
	// Newest first by the day each became public; on one day, by meeting
	// and title, so that the list does not depend on catalog order.
	slices.SortStableFunc(public, func(a, b disclosure.DocRef) int {
		if c := strings.Compare(b.PublicFrom.String(), a.PublicFrom.String()); c != 0 {
			return c
		}
		if c := order[b.Meeting] - order[a.Meeting]; c != 0 {
			return c
		}
		return disclosure.CompareNames(a.Title, b.Title)
	})
	recent := append([]disclosure.DocRef{}, public[:min(recentCount, len(public))]...)
	more, moreMeeting := 0, ""
	if n := len(recent); n > 0 {
		for _, r := range public[n:] {
			if r.PublicFrom == recent[n-1].PublicFrom {
				if more == 0 {
					moreMeeting = r.Meeting
				} else if r.Meeting != moreMeeting {
					moreMeeting = ""
				}
				more++
			}
		}
	}
	upcoming := []Upcoming{}
	slices.SortStableFunc(scheduled, func(a, b disclosure.DocRef) int { return strings.Compare(a.PublicFrom.String(), b.PublicFrom.String()) })
	for _, r := range scheduled {
		if n := len(upcoming); n > 0 && upcoming[n-1].Date == r.PublicFrom.String() {
			u := &upcoming[n-1]
			u.Count++
			if len(u.Documents) < upcomingDocs {
				u.Documents = append(u.Documents, r)
			}
			continue
		}
		if len(upcoming) == upcomingDays {
			break
		}
		upcoming = append(upcoming, Upcoming{Date: r.PublicFrom.String(), Count: 1, Documents: []disclosure.DocRef{r}})
	}
	return recent, more, moreMeeting, upcoming
}

// rulesInfo is every kind's rule versions, in words, for the rules table.
func (w *writer) rulesInfo(rules *catalog.Rules) []RuleInfo {
	c := w.Input().Catalog
	var out []RuleInfo
	for _, k := range rules.Kinds {
		if k == nil {
			continue
		}
		ri := RuleInfo{Kind: k.Kind, Label: k.Label, Description: k.Description, PerParty: k.PerParty,
			Labels:       w.KindLabels(k.Kind),
			Descriptions: w.Translated(func(lang string) string { return c.KindDescription(k.Kind, lang) }),
		}
		for _, r := range k.Rules {
			if r == nil {
				continue
			}
			rv := RuleVersion{
				Name: publication.RuleName(k, r), Span: r.Span, From: r.From, Until: r.Until, Meetings: r.Meetings,
				Public: r.Public, Days: r.Days, EarlyPublication: r.EarlyPublication, Objection: r.Objection,
				Text: publication.RuleText(r), Note: r.Note,
				Notes:     w.Translated(func(lang string) string { return c.RuleNote(k.Kind, r.From, lang) }),
				SpanParts: w.Span(r),
			}
			rv.Sources, rv.SourcesHidden = w.Sources(r.Sources)
			ri.Versions = append(ri.Versions, rv)
		}
		out = append(out, ri)
	}
	return out
}
