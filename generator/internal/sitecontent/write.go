// Package sitecontent turns the catalog and its publication decisions into
// Hugo content: one page per meeting, country and document, and the home
// page carrying the site-wide facts.
//
// This is where publication safety is enforced for the pages: a document
// that is not public reaches Hugo only as a DocRef (kind, party, meeting,
// state and dates) with a title made from those; its own title, summary,
// file, official address and text never leave this package.
package sitecontent

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/parallel"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Input is everything the content is made from.
type Input struct {
	// BaseURL is the address the site is served from, such as
	// https://example.org/cns/; "" when not known (served at a host's root).
	BaseURL   string
	Catalog   *catalog.Catalog
	Decisions map[string]publication.Decision // by document id
	AsOf      time.Time
	SiteTitle string
}

// Stats counts what Write wrote.
type Stats struct {
	Pages int
}

// URLs of generated pages and files, from the site's root; View.URL puts
// the site's path in front.
func DocumentURL(id string) string   { return "/documents/" + id + "/" }
func MeetingURL(id string) string    { return "/meetings/" + id + "/" }
func CountryURL(id string) string    { return "/countries/" + id + "/" }
func FileURL(id, name string) string { return "/files/" + id + "/" + name }

// RuleURL is the row of a version of a kind's rule on the page that
// explains publication (site/content/publication.md, the rules shortcode).
func RuleURL(kind, from string) string { return "/publication/#rule-" + kind + "-" + from }
func FilePath(doc *catalog.Document) string {
	return path.Join("files", doc.ID, doc.FileInfo.Name)
}

// View decides what the site may say of each document, meeting and party.
// Every output (pages, open data, feeds, the search index) takes its facts
// from a View, so they agree with each other and none shows more than the
// publication rules allow.
type View struct {
	in       Input
	basePath string // "/" or "/cns/"
	origin   string // "https://example.org", or ""
}

// NewView makes the view of a catalog as of its decisions.
func NewView(in Input) *View {
	v := &View{in: in, basePath: "/"}
	if u, err := url.Parse(in.BaseURL); err == nil && in.BaseURL != "" {
		v.basePath = "/" + strings.Trim(u.Path, "/") + "/"
		v.basePath = strings.Replace(v.basePath, "//", "/", 1)
		if u.Scheme != "" && u.Host != "" {
			v.origin = u.Scheme + "://" + u.Host
		}
	}
	return v
}

// URL is the address of a site path (such as "/documents/x/") as links
// write it: under the site's path when it is served from one ("/cns/documents/x/").
func (w *View) URL(p string) string { return strings.TrimSuffix(w.basePath, "/") + p }

// AbsURL is a site path's full address when the site's address is known,
// else the same as URL.
func (w *View) AbsURL(p string) string { return w.origin + w.URL(p) }

// Abs turns a link from URL into a full address when the site's address is known.
func (w *View) Abs(link string) string { return w.origin + link }

type writer struct {
	*View
	fs    afero.Fs
	dir   string
	n     int
	names map[string]bool // files written, to refuse a second with one name
	queue []file
}

// Write writes the content tree into dir on fsys. hand holds the
// hand-written pages (site/content); they are copied first, and a generated
// page may not replace one.
func Write(fsys afero.Fs, dir string, hand fs.FS, in Input) (Stats, error) {
	w := &writer{View: NewView(in), fs: fsys, dir: dir, names: map[string]bool{}}
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
		return w.writeRaw(p, b)
	})
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
	c := w.in.Catalog
	refs := make(map[string]DocRef, len(c.Documents))
	for _, d := range c.Documents {
		refs[d.ID] = w.Ref(d)
	}
	counts := func(docs []*catalog.Document) map[string]int {
		out := map[string]int{}
		for _, s := range publication.States {
			out[string(s)] = 0
		}
		for _, d := range docs {
			out[refs[d.ID].State]++
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
	if err := w.page("documents/_index.md", map[string]any{"title": "Publication status"}, ""); err != nil {
		return err
	}
	for i, d := range LedgerOrder(c) {
		dp, body := w.Page(d)
		if err := w.page("documents/"+d.ID+".md", map[string]any{
			"title": dp.Title, "weight": i + 1, "params": map[string]any{"doc": dp},
			"aliases": aliases(DocumentURL, d.FormerIDs),
		}, body); err != nil {
			return err
		}
	}

	// Meetings.
	if err := w.page("meetings/_index.md", map[string]any{"title": "Review meetings"}, ""); err != nil {
		return err
	}
	for i, m := range c.Meetings {
		mp := w.meetingPage(m, byMeeting[m.ID], refs)
		mp.Counts = counts(byMeeting[m.ID])
		if err := w.page("meetings/"+m.ID+".md", map[string]any{
			"title": m.Title, "weight": i + 1, "params": mp,
			"aliases": aliases(MeetingURL, m.FormerIDs),
		}, ""); err != nil {
			return err
		}
	}

	// Countries.
	if err := w.page("countries/_index.md", map[string]any{"title": "Countries"}, ""); err != nil {
		return err
	}
	parties := slices.Clone(c.Parties)
	slices.SortStableFunc(parties, func(a, b *catalog.Party) int { return compareNames(a.Name, b.Name) })
	for i, p := range parties {
		cp := w.countryPage(p, byParty[p.ID])
		cp.Counts = counts(byParty[p.ID])
		if err := w.page("countries/"+p.ID+".md", map[string]any{
			"title": p.Name, "weight": i + 1, "params": cp,
			"aliases": aliases(CountryURL, p.FormerIDs),
		}, ""); err != nil {
			return err
		}
	}

	home := w.homePage(refs)
	home.Counts = counts(c.Documents)
	return w.page("_index.md", map[string]any{"title": w.in.SiteTitle, "params": home}, "")
}

// LedgerOrder is the order of the publication-status ledger, which the
// documents' page weights carry: by meeting in the meetings' order (documents
// of a meeting that is not in the catalog last), within a meeting its own
// documents first, in the catalog's order, then the Contracting Parties' by
// name.
func LedgerOrder(c *catalog.Catalog) []*catalog.Document {
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
	partyName := func(d *catalog.Document) string {
		if p, ok := c.Party(d.Party); ok {
			return p.Name
		}
		return ""
	}
	out := slices.Clone(c.Documents)
	slices.SortStableFunc(out, func(a, b *catalog.Document) int {
		if ra, rb := meetingRank(a), meetingRank(b); ra != rb || ra == len(c.Meetings) {
			return ra - rb
		}
		pa, pb := partyName(a), partyName(b)
		if (pa == "") != (pb == "") {
			if pa == "" {
				return -1
			}
			return 1
		}
		return compareNames(pa, pb)
	})
	return out
}

// Ref is the one place that decides what of a document lists may show.
func (w *View) Ref(d *catalog.Document) DocRef {
	c := w.in.Catalog
	dec := w.in.Decisions[d.ID]
	r := DocRef{
		ID:      d.ID,
		Kind:    d.Kind,
		Meeting: d.Meeting,
		State:   string(dec.State),
		URL:     w.URL(DocumentURL(d.ID)),
	}
	if rule, ok := c.Rules.Kind(d.Kind); ok {
		r.KindLabel = rule.Label
	} else {
		r.KindLabel = d.Kind
	}
	if m, ok := c.Meeting(d.Meeting); ok {
		r.MeetingTitle = m.Title
	}
	if p, ok := c.Party(d.Party); ok {
		r.Party, r.PartyName = p.ID, p.Name
	}
	switch dec.State {
	case publication.Public, publication.Scheduled:
		r.PublicFrom = dec.PublicFrom.String()
	case publication.Withdrawn:
		r.PublicFrom, r.WithdrawnOn = dec.PublicFrom.String(), dec.WithdrawnOn.String()
	}
	r.Title = DefaultTitle(r.KindLabel, r.PartyName, r.MeetingTitle)
	if d.Title != "" && (dec.State == publication.Public || dec.State == publication.Withdrawn) {
		r.Title = d.Title
	}
	return r
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

// DefaultTitle is the title a document has when it has none of its own, or
// when its own may not be shown.
func DefaultTitle(kindLabel, partyName, meetingTitle string) string {
	if partyName == "" {
		return fmt.Sprintf("%s, %s", kindLabel, meetingTitle)
	}
	return fmt.Sprintf("%s: %s, %s", partyName, kindLabel, meetingTitle)
}

// Page is what a document's own page may show, and its body (the text of a
// public summary report, with paragraph anchors).
func (w *View) Page(d *catalog.Document) (DocPage, string) {
	ref := w.Ref(d)
	dec := w.in.Decisions[d.ID]
	p := DocPage{
		DocRef:     ref,
		Rule:       dec.Rule,
		Reason:     dec.Reason,
		NextChange: dec.NextChange.String(),
		History:    w.history(d, ref),
		AsOf:       catalog.DateOf(w.in.AsOf.In(w.in.Catalog.Rules.Location)).String(),
	}
	if dec.State == publication.Public || dec.State == publication.Scheduled || dec.State == publication.Withdrawn {
		p.Basis, p.BasisText = string(dec.Basis), dec.BasisText
	}
	if v := dec.Version; v != nil {
		p.RuleRef = &RuleRef{
			Name: publication.RuleName(w.kind(d.Kind), v), URL: w.URL(RuleURL(d.Kind, v.From)),
			Public: v.Public, EarlyPublication: v.EarlyPublication, Objection: v.Objection, Sources: v.Sources,
		}
	}
	if dec.State == publication.Withdrawn && d.Withdrawn == dec.WithdrawnOn {
		p.WithdrawnReason = d.WithdrawnReason
	}
	if dec.State == publication.Withdrawn && d.Objection == dec.WithdrawnOn {
		p.WithdrawnReason = "The Contracting Party objected to its publication."
	}
	if dec.State != publication.Public {
		return p, ""
	}
	p.Summary, p.Symbol, p.OfficialURL, p.Submitted = d.Summary, d.Symbol, d.URL, d.Submitted.String()
	if fi := d.FileInfo; fi != nil {
		mt := mime.TypeByExtension(path.Ext(fi.Name))
		if mt == "" {
			mt = "application/octet-stream"
		}
		p.File = &FileRef{Name: fi.Name, URL: w.URL(FileURL(d.ID, fi.Name)), Size: fi.Size, SHA256: fi.SHA256, MediaType: mt}
	}
	p.ReadAt = w.readAt(d, p.File)
	body := ""
	if d.Body != "" {
		t, err := catalog.ParseText(d.Body)
		if err == nil {
			body, p.HasText = t.AnchoredMarkdown(), true
		}
	}
	return p, body
}

// readAt says where a reader can read a public document: its file here,
// its text on its page here, its official copy, the official list of its meeting's documents, its
// party's own page of reports, or nowhere known.
func (w *View) readAt(d *catalog.Document, file *FileRef) *ReadAt {
	c := w.in.Catalog
	switch {
	case file != nil:
		return &ReadAt{Kind: ReadFile, URL: file.URL}
	case d.Body != "":
		return &ReadAt{Kind: ReadText, URL: w.URL(DocumentURL(d.ID)) + "#doc-text"}
	case d.URL != "":
		return &ReadAt{Kind: ReadOfficialCopy, URL: d.URL}
	}
	if m, ok := c.Meeting(d.Meeting); ok && m.DocumentsURL != "" {
		return &ReadAt{Kind: ReadMeetingDocuments, URL: m.DocumentsURL, Of: m.Title}
	}
	if p, ok := c.Party(d.Party); ok && p.ReportsURL != "" {
		return &ReadAt{Kind: ReadPartyReports, URL: p.ReportsURL, Of: p.Name}
	}
	return &ReadAt{Kind: ReadUnknown}
}

// kind returns a kind's rules; a kind the catalog lacks gets a stand-in
// labelled by its key, as lists show it.
func (w *View) kind(k string) *catalog.KindRule {
	if kr, ok := w.in.Catalog.Rules.Kind(k); ok {
		return kr
	}
	return &catalog.KindRule{Kind: k, Label: k}
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

// Meeting is what the site says of a meeting.
func (w *View) Meeting(m *catalog.Meeting) MeetingInfo {
	mi := MeetingInfo{
		ID: m.ID, Title: m.Title, Type: m.Type, Numbers: m.Numbers, Place: m.Place,
		Opening: m.Opening.String(), Adjournment: m.Adjournment.String(), Held: m.Held, Note: m.Note,
		OrganizationalMeeting: m.OrganizationalMeeting, ContractingParties: m.ContractingParties,
		NationalReportsPublicEarly: m.NationalReportsPublicEarly, Sources: m.Sources, URL: w.URL(MeetingURL(m.ID)),
	}
	for _, o := range m.Officers {
		mi.Officers = append(mi.Officers, Officer(o))
	}
	if n := m.NPP; n != nil {
		mi.NPP = map[string]int{"operating": n.Operating, "construction": n.Construction, "none": n.None}
	}
	if f := m.Findings; f != nil {
		mi.Findings = map[string]int{"good_practices": f.GoodPractices, "areas_of_good_performance": f.AreasOfGoodPerformance, "challenges": f.Challenges, "suggestions": f.Suggestions}
	}
	for _, k := range w.in.Catalog.Rules.Kinds {
		if k == nil || !k.PerParty || m.Adjournment.IsZero() {
			continue
		}
		if r, ok := k.For(m.ID); ok && r.Public == catalog.PublicAfterAdjournment {
			on := m.Adjournment.AddDays(r.Days)
			mi.ReportsPublicOn, mi.ReportsDays, mi.ReportsObjection = on.String(), r.Days, r.Objection
			mi.ReportsPast = !w.in.AsOf.Before(on.Start(w.in.Catalog.Rules.Location))
			break
		}
	}
	return mi
}

func (w *writer) meetingPage(m *catalog.Meeting, docs []*catalog.Document, refs map[string]DocRef) MeetingPage {
	c := w.in.Catalog
	mp := MeetingPage{Meeting: w.Meeting(m), Rows: []Row{}, Other: []DocRef{}, Columns: []Column{}}
	// Columns: the per-party kinds in rule order that this meeting has documents of.
	has := map[string]bool{}
	cell := map[[2]string]*DocRef{}
	partySet := map[string]bool{}
	for _, d := range docs {
		r := refs[d.ID]
		if d.Party == "" {
			mp.Other = append(mp.Other, r)
			continue
		}
		has[d.Kind] = true
		cell[[2]string{d.Party, d.Kind}] = &r
		partySet[d.Party] = true
	}
	for _, k := range c.Rules.Kinds {
		if k != nil && has[k.Kind] {
			mp.Columns = append(mp.Columns, Column{Kind: k.Kind, Label: k.Label})
		}
	}
	// Rows: the meeting's parties, and any party with a document there.
	ids := slices.Clone(m.Parties)
	for _, d := range docs {
		if d.Party != "" && !slices.Contains(ids, d.Party) {
			ids = append(ids, d.Party)
		}
	}
	rows := make([]Row, 0, len(ids))
	for _, id := range ids {
		p, ok := c.Party(id)
		if !ok {
			continue
		}
		row := Row{Party: id, PartyName: p.Name, PartyURL: w.URL(CountryURL(id))}
		row.Attended, row.CountryGroup, row.PostedQuestions = attendance(m, id)
		for _, col := range mp.Columns {
			doc := ""
			if r := cell[[2]string{id, col.Kind}]; r != nil {
				doc = r.ID
			}
			row.Cells = append(row.Cells, doc)
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b Row) int { return compareNames(a.PartyName, b.PartyName) })
	mp.Rows = rows
	return mp
}

func (w *writer) countryPage(p *catalog.Party, docs []*catalog.Document) CountryPage {
	cp := CountryPage{
		Party:    w.Party(p),
		Meetings: []CountryMeeting{},
	}
	for _, m := range w.in.Catalog.Meetings {
		cm := CountryMeeting{Meeting: m.ID, MeetingTitle: m.Title, MeetingURL: w.URL(MeetingURL(m.ID)), Held: HeldText(m), Documents: []string{}}
		cm.Attended, cm.CountryGroup, cm.PostedQuestions = attendance(m, p.ID)
		for _, d := range docs {
			if d.Meeting == m.ID {
				cm.Documents = append(cm.Documents, d.ID)
			}
		}
		if len(cm.Documents) > 0 || slices.Contains(m.Parties, p.ID) {
			cp.Meetings = append(cp.Meetings, cm)
		}
	}
	return cp
}

// HeldText says when a meeting was held, as every page and the search index
// show it: its held: text, else its dates.
func HeldText(m *catalog.Meeting) string {
	if m.Held != "" {
		return m.Held
	}
	if !m.Opening.IsZero() && !m.Adjournment.IsZero() {
		return m.Opening.Long() + " – " + m.Adjournment.Long()
	}
	return m.Opening.Long()
}

const recentCount, upcomingDays, upcomingDocs = 10, 5, 8

func (w *writer) homePage(refs map[string]DocRef) HomePage {
	c := w.in.Catalog
	loc := c.Rules.Location
	h := HomePage{
		AsOf:     catalog.DateOf(w.in.AsOf.In(loc)).String(),
		AsOfTime: w.in.AsOf.In(loc).Format(time.RFC3339),
		Timezone: c.Rules.Timezone,
		Recent:   []DocRef{},
		Upcoming: []Upcoming{},
	}
	for _, s := range publication.States {
		h.States = append(h.States, string(s))
	}
	// The latest meeting that has begun by the as-of day and has documents;
	// without one, the latest that has begun.
	hasDocs := map[string]bool{}
	for _, d := range c.Documents {
		hasDocs[d.Meeting] = true
	}
	order := map[string]int{}
	for i, m := range c.Meetings {
		order[m.ID] = i
	}
	var latest, latestWithDocs *catalog.Meeting
	for _, m := range c.Meetings {
		if m.Opening.IsZero() || !w.in.AsOf.Before(m.Opening.Start(loc)) {
			latest = m
			if hasDocs[m.ID] {
				latestWithDocs = m
			}
		}
	}
	if latestWithDocs != nil {
		latest = latestWithDocs
	}
	if latest != nil {
		mi := w.Meeting(latest)
		h.LatestMeeting = &mi
	}
	var public, scheduled []DocRef
	for _, d := range c.Documents {
		r := refs[d.ID]
		switch r.State {
		case string(publication.Public):
			public = append(public, r)
		case string(publication.Scheduled):
			scheduled = append(scheduled, r)
		}
	}
	// Newest first by the day each became public; on one day, by meeting
	// and title, so that the list does not depend on catalog order.
	slices.SortStableFunc(public, func(a, b DocRef) int {
		if c := strings.Compare(b.PublicFrom, a.PublicFrom); c != 0 {
			return c
		}
		if c := order[b.Meeting] - order[a.Meeting]; c != 0 {
			return c
		}
		return compareNames(a.Title, b.Title)
	})
	h.Recent = append(h.Recent, public[:min(recentCount, len(public))]...)
	slices.SortStableFunc(scheduled, func(a, b DocRef) int { return strings.Compare(a.PublicFrom, b.PublicFrom) })
	for _, r := range scheduled {
		if n := len(h.Upcoming); n > 0 && h.Upcoming[n-1].Date == r.PublicFrom {
			u := &h.Upcoming[n-1]
			u.Count++
			if len(u.Documents) < upcomingDocs {
				u.Documents = append(u.Documents, r)
			}
			continue
		}
		if len(h.Upcoming) == upcomingDays {
			break
		}
		h.Upcoming = append(h.Upcoming, Upcoming{Date: r.PublicFrom, Count: 1, Documents: []DocRef{r}})
	}
	for _, k := range c.Rules.Kinds {
		if k == nil {
			continue
		}
		ri := RuleInfo{Kind: k.Kind, Label: k.Label, Description: k.Description, PerParty: k.PerParty}
		for _, r := range k.Rules {
			if r == nil {
				continue
			}
			ri.Versions = append(ri.Versions, RuleVersion{
				Name: publication.RuleName(k, r), Span: r.Span, From: r.From, Until: r.Until, Meetings: r.Meetings,
				Public: r.Public, Days: r.Days, EarlyPublication: r.EarlyPublication, Objection: r.Objection,
				Text: publication.RuleText(r), Note: r.Note, Sources: r.Sources,
			})
		}
		h.Rules = append(h.Rules, ri)
	}
	return h
}

// byName orders names as readers expect: accents and case ignored
// ("Türkiye" between "Tunisia" and "Ukraine"). A Collator is not safe for
// use by two goroutines at once, and outputs are written beside Hugo: the
// mutex makes the one collator of the site safe to share.
var (
	byNameMu sync.Mutex
	byName   = collate.New(language.English, collate.Loose)
)

// CompareNames orders names as every list of the site does; the search
// index uses it too, so that the two orders cannot differ.
func CompareNames(a, b string) int {
	byNameMu.Lock()
	defer byNameMu.Unlock()
	return byName.CompareString(a, b)
}

func compareNames(a, b string) int { return CompareNames(a, b) }

// Party is what the site says of a Contracting Party.
func (w *View) Party(p *catalog.Party) PartyInfo {
	return PartyInfo{ID: p.ID, Name: p.Name, OtherNames: p.OtherNames, Type: p.Type, URL: w.URL(CountryURL(p.ID))}
}

// Input is what the view was made from.
func (w *View) Input() Input { return w.in }
