// Package disclosure decides what the site may say of each document,
// meeting and Contracting Party, from the catalog and the publication
// decisions. Every output (the Hugo content of the pages, the open data and
// feeds, the search index) takes its facts from a View, so they agree with
// each other and none shows more than the publication rules allow.
//
// # What a state may show
//
//   - public: everything: its own title, summary, symbol, official address,
//     file and text, and where to read it.
//   - withdrawn: its own title, the days it was public, the reason.
//   - scheduled: that it exists, the day it is due, the rule.
//   - withheld, restricted, not submitted: that it exists and the rule.
//
// A document that is not public is named by a title made of its kind, party
// and meeting (DefaultTitle); its own title, summary, symbol, address, file
// and text never leave this package (View.Ref, View.Page).
package disclosure

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/catalog"
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
	// LedgerPageSize is the number of rows on a page of the ledger
	// (pagination.pagerSize in hugo.toml), for links to a document's row;
	// 0 when not known.
	LedgerPageSize int
	// Languages are the site's language codes, the default first; nil
	// means English alone.
	Languages []string
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

// View decides what the site may say of each document, meeting and party.
// Every output (pages, open data, feeds, the search index) takes its facts
// from a View, so they agree with each other and none shows more than the
// publication rules allow.
type View struct {
	in       Input
	basePath string // "/" or "/cns/"
	origin   string // "https://example.org", or ""

	onceMu sync.Mutex
	once   map[any]*onceValue
}

type onceValue struct {
	sync.Once
	v any
}

// Once is what compute makes from the view, computed the first time key is
// asked for and kept with the view: a build makes one view and every
// output asks it, so what several outputs share (the charts' numbers) is
// computed once per build. Safe for use by several goroutines; compute may
// itself ask for another key. What it returns is shared, not to be changed.
func (w *View) Once(key any, compute func() any) any {
	w.onceMu.Lock()
	if w.once == nil {
		w.once = map[any]*onceValue{}
	}
	o := w.once[key]
	if o == nil {
		o = &onceValue{}
		w.once[key] = o
	}
	w.onceMu.Unlock()
	o.Do(func() { o.v = compute() })
	return o.v
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

// Ref is the one place that decides what of a document lists may show.
func (w *View) Ref(d *catalog.Document) DocRef {
	c := w.in.Catalog
	dec := w.in.Decisions[d.ID]
	r := DocRef{
		ID:      d.ID,
		Kind:    d.Kind,
		Meeting: d.Meeting,
		Report:  d.Report,
		State:   dec.State,
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
	st := StatusOf(dec)
	r.PublicFrom, r.WithdrawnOn = st.PublicFrom, st.WithdrawnOn
	r.Latest = !st.PublicFrom.IsZero() && (dec.Latest || w.earlierUnrecorded(d, dec) != nil)
	r.PublishedBy = !st.PublicFrom.IsZero() && dec.Latest
	r.LatestRead = r.PublishedBy && d.PublishedByRead && st.PublicFrom == d.PublishedBy
	r.Assumed = (dec.State == publication.Public || dec.State == publication.Scheduled || dec.State == publication.Withdrawn) && dayAssumed(dec) && !r.Latest
	if dec.State == publication.Restricted {
		r.RestrictedCause = dec.Cause.Code
	}
	if dec.State == publication.Public || dec.State == publication.Withdrawn {
		r.FirstPublic = st.PublicFrom
		if e := w.earlier(d, dec); e != nil {
			r.FirstPublic = e.PublicFrom
		}
	}
	r.Title = DefaultTitle(ReportLabel(r.KindLabel, r.Report), r.PartyName, r.MeetingTitle)
	if d.Title != "" && FieldShown("details", st) {
		r.Title, r.OwnTitle, r.TitleLang = d.Title, true, d.TitleLang
		r.TitleShared = w.shownTitles()[d.Title] > 1
	}
	return r
}

type shownTitlesKey struct{}

// shownTitles counts the documents that show each own title (Ref): a
// title two of them show does not tell them apart alone. Titles of
// documents that do not show them are not counted, so that a count says
// nothing of them.
func (w *View) shownTitles() map[string]int {
	return w.Once(shownTitlesKey{}, func() any {
		n := map[string]int{}
		for _, d := range w.in.Catalog.Documents {
			if d.Title != "" && FieldShown("details", StatusOf(w.in.Decisions[d.ID])) {
				n[d.Title]++
			}
		}
		return n
	}).(map[string]int)
}

// StatusOf is what the public may see of a decision: the state; for a
// document public, scheduled or withdrawn, the basis and the day it became
// or becomes public; for a withdrawn one, the day it was taken down. Of a
// withheld, restricted or not submitted document, the state alone.
func StatusOf(dec publication.Decision) Status {
	s := Status{State: dec.State}
	switch dec.State {
	case publication.Public, publication.Scheduled:
		s.Basis, s.BasisText, s.PublicFrom = dec.Basis, dec.BasisText, dec.PublicFrom
	case publication.Withdrawn:
		s.Basis, s.BasisText, s.PublicFrom, s.WithdrawnOn = dec.Basis, dec.BasisText, dec.PublicFrom, dec.WithdrawnOn
	}
	return s
}

// Facts a document's state lets the public see beside the state itself
// (StatesShowing).
const (
	FactFile        = "file"         // its file, checksum and address: Page offers them only when it is public
	FactPublicFrom  = "public_from"  // the day it became or becomes public (StatusOf)
	FactWithdrawnOn = "withdrawn_on" // the day it was taken down (StatusOf)
	FactBasis       = "basis"        // why it is, was or will be public (StatusOf)
)

// StatesShowing lists the states, in the order of publication.States, in
// which a document shows a fact (Fact…), as StatusOf and the decision
// decide it for a decision that has every fact: the open data's JSON
// Schema takes its rules from it rather than restating them.
func StatesShowing(fact string) []publication.State {
	day := catalog.DateOf(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	var out []publication.State
	for _, s := range publication.States {
		dec := publication.Decision{State: s, Basis: publication.BasisAfterAdjournment, PublicFrom: day, WithdrawnOn: day, NextChange: day}
		st := StatusOf(dec)
		var shown bool
		switch fact {
		case FactFile:
			shown = dec.IsPublic()
		case FactPublicFrom:
			shown = !st.PublicFrom.IsZero()
		case FactWithdrawnOn:
			shown = !st.WithdrawnOn.IsZero()
		case FactBasis:
			shown = st.Basis != publication.BasisNone
		default:
			panic("disclosure: no fact " + fact)
		}
		if shown {
			out = append(out, s)
		}
	}
	return out
}

// FieldShown says whether the value of a field of a document's catalog
// entry may be shown (by the plan, which compares two catalogs), given
// what the public sees of the document in each: every field of a document
// public or withdrawn in either; of one scheduled, only the date its public
// day comes from (published, adopted or consent, by its basis), which its
// page shows as that day. "details" stands for the document's own title,
// summary, symbol, address, file and text.
func FieldShown(field string, statuses ...Status) bool {
	for _, s := range statuses {
		switch s.State {
		case publication.Public, publication.Withdrawn:
			return true
		case publication.Scheduled:
			if field == basisField[s.Basis] {
				return true
			}
		}
	}
	return false
}

// ValueShown says whether a document in the state s shows the value of a
// field of its catalog entry: its own title where it is public or
// withdrawn (DocRef.Title), its symbol and official address only where it
// is public (DocPage). The plan prints a value only on the side of a
// change that shows it (a code review found a withdrawn report's new
// address in a plan, which CI logs publish).
func ValueShown(field string, s Status) bool {
	switch field {
	case "title":
		return s.State == publication.Public || s.State == publication.Withdrawn
	case "symbol", "url":
		return s.State == publication.Public
	}
	return false
}

// basisField is the catalog field whose date a basis makes the public day.
var basisField = map[publication.Basis]string{
	publication.BasisEarly:    "published",
	publication.BasisParty:    "published",
	publication.BasisAdoption: "adopted",
	publication.BasisConsent:  "consent",
}

// DefaultTitle is the title a document has when it has none of its own, or
// when its own may not be shown.
func DefaultTitle(kindLabel, partyName, meetingTitle string) string {
	if partyName == "" {
		return fmt.Sprintf("%s, %s", kindLabel, meetingTitle)
	}
	return fmt.Sprintf("%s: %s, %s", partyName, kindLabel, meetingTitle)
}

// ReportLabel names the kind of a document that names its round at a
// joint meeting: "National Report no. 8"; the kind's label alone for
// report 0. Titles are in English, as the catalog's labels are; the theme
// says the same in each language (i18n report_numbered).
func ReportLabel(kindLabel string, report int) string {
	if report == 0 {
		return kindLabel
	}
	return fmt.Sprintf("%s no. %d", kindLabel, report)
}

// Page is what a document's own page may show, and its body (the text of a
// public summary report, with paragraph anchors).
func (w *View) Page(d *catalog.Document) (DocPage, string) {
	ref := w.Ref(d)
	dec := w.in.Decisions[d.ID]
	p := DocPage{
		DocRef:     ref,
		Rule:       dec.RuleText,
		Reason:     dec.Reason,
		Cause:      dec.Cause,
		NextChange: dec.NextChange,
		NotYet:     dec.State == publication.NotSubmitted && dec.Cause.NotYet(),
		History:    w.history(d, ref),
		Past:       w.Past(d),
		AsOf:       catalog.DateOf(w.in.AsOf.In(w.in.Catalog.Rules.Location)),
	}
	// A withheld or restricted document's page shows that it exists and
	// why, never the day its party objected or it was taken down before
	// its day (explain, for the webmaster, gives the engine's reason); nor
	// the day a document not yet submitted was submitted, which the day
	// shown has not reached.
	switch p.Cause.Code {
	case publication.CauseObjected, publication.CauseWithdrawnEarly, publication.CauseBeforeSubmission:
		p.Cause.Date = catalog.Date{}
		// The day it was due, where the rule's day after its meeting's
		// adjournment (which the meeting's page gives); another (its late
		// submission, a day its party announced) is not shown either (a
		// webmaster's review found a withheld report's hidden day so).
		if p.Cause.Code == publication.CauseObjected {
			m, _ := w.in.Catalog.Meeting(d.Meeting)
			if due, ok := publication.RuleDay(m, dec.Version); !ok || due != p.Cause.Due {
				p.Cause.Due = catalog.Date{}
			}
		}
		p.Reason = p.Cause.English()
	}
	if st := StatusOf(dec); st.Basis != "" {
		p.Basis, p.BasisText, p.BasisToCome = string(st.Basis), st.BasisText, dec.ToCome
	}
	if v := dec.Version; v != nil {
		p.RuleRef = &RuleRef{
			Name: publication.RuleName(w.kind(d.Kind), v), URL: w.URL(RuleURL(d.Kind, v.From)),
			Public: v.Public, Days: v.Days, EarlyPublication: v.EarlyPublication, Objection: v.Objection,
			Kind: d.Kind, Span: w.Span(v), From: v.From, Assumed: v.Assumed,
		}
		// Those left out are counted on the rule's row (RuleURL).
		p.RuleRef.Sources, _ = w.Sources(v.Sources)
	}
	p.WithdrawnReason, p.WithdrawnObjection = withdrawnReason(d, dec)
	switch dec.State {
	case publication.Public, publication.Scheduled, publication.Withdrawn:
		// The day it was submitted, a step of the review process that the
		// past states (Past) rest on, once that day has come; and that its
		// party published it on a day the catalog does not know, where the
		// rule's day is the one shown.
		if !d.Submitted.IsZero() && !w.in.AsOf.Before(d.Submitted.Start(w.in.Catalog.Rules.Location)) {
			p.Submitted = d.Submitted
		}
		p.PublishedUndated = dec.Latest
		p.DayAssumed = dayAssumed(dec)
		p.PartyPublished = p.PublishedUndated || dec.Basis == publication.BasisEarly || dec.Basis == publication.BasisParty
	}
	p.Earlier = w.earlier(d, dec)
	if m, ok := w.in.Catalog.Meeting(d.Meeting); ok && d.Report == 0 && len(m.Numbers) > 1 && w.kind(d.Kind).Numbered {
		p.RoundUnknown = true
	}
	// The count that makes its day, or its first period's, the latest it
	// can be: the note says why, of that day.
	own := w.earlierUnrecorded(d, dec)
	switch {
	case own != nil:
		own.Date = dec.PublicFrom
		p.EarlierUnrecorded = own
	case p.Earlier != nil && p.Earlier.Latest:
		if p.EarlierUnrecorded = w.earlyUncounted(d, p.Earlier.Basis); p.EarlierUnrecorded != nil {
			p.EarlierUnrecorded.Date = p.Earlier.PublicFrom
		}
	}
	// Public from the rule's day at the latest, as its history says: its
	// status says so too, and why.
	if e := own; e != nil && p.Cause.Code == publication.CauseBecamePublic {
		p.Cause.Code = CauseEarlierUncounted
		p.Reason = fmt.Sprintf("public by %s at the latest (%s); it may have been public earlier: by a source's count, at least %d of its meeting's National Reports were public by the time it met, and this catalog dates %d published before it opened", p.Cause.Date.Long(), publication.BasisWords(p.Cause.Basis, p.Cause.Days), e.Published, e.Recorded)
	}
	if dec.State == publication.Public || d.NotSubmitted {
		var own, file int
		p.Sources, own = w.Sources(d.Sources)
		// The documents of one file share its list of sources (the loader
		// hands each the same slice): filtered once per file.
		if len(d.FileSources) > 0 {
			type fileKey struct{ first *string }
			shown := w.Once(fileKey{&d.FileSources[0]}, func() any {
				s, n := w.Sources(d.FileSources)
				return sourcesShown{s, n}
			}).(sourcesShown)
			// A page its own sources cite already is cited once, in its
			// own words (a journalist found France's 7th report citing one
			// page twice).
			p.FileSources, file = notCitedIn(shown.sources, p.Sources), shown.hidden
		}
		p.SourcesHidden = own + file
	} else {
		p.SourcesWithheld = true
	}
	if dec.State != publication.Public {
		return p, ""
	}
	p.Summary, p.Symbol, p.OfficialURL = d.Summary, d.Symbol, d.URL
	p.File = w.File(d)
	p.ReadAt = w.readAt(d, p.File)
	body := ""
	if d.Parsed != nil {
		body, p.HasText, p.Text = d.Parsed.AnchoredMarkdown(), true, d.Parsed
	}
	return p, body
}

// earlyRecorded counts, per meeting, the National Reports that the catalog
// records as public before the meeting opened (published early by their
// party), computed once per build.
func (w *View) earlyRecorded() map[string]int {
	type key struct{}
	return w.Once(key{}, func() any {
		out := map[string]int{}
		for _, d := range w.in.Catalog.Documents {
			m, ok := w.in.Catalog.Meeting(d.Meeting)
			if !ok || m.Opening.IsZero() || d.Kind != NationalReport {
				continue
			}
			if dec := w.in.Decisions[d.ID]; dec.State == publication.Public && dec.Basis == publication.BasisEarly && dec.PublicFrom.Before(m.Opening) {
				out[m.ID]++
			}
		}
		return out
	}).(map[string]int)
}

// dayAssumed says that a decision's day is the one a rule the catalog
// assumes for the document's meeting sets (days after adjournment under a
// catalog.RuleVersion marked Assumed), not one a source records: the
// document's page (DocPage.DayAssumed) and its history's change
// (Change.Assumed) say so.
func dayAssumed(dec publication.Decision) bool {
	return assumedDay(dec.Basis, dec.Version)
}

// assumedDay says that a day set on basis b under rule version v is an
// assumed rule's (dayAssumed).
func assumedDay(b publication.Basis, v *catalog.RuleVersion) bool {
	return b == publication.BasisAfterAdjournment && v != nil && v.Assumed
}

// earlier is what the public may see of the period document d was public
// before its party's objection withdrew it, where it is public again, or
// withdrawn again, since the party lifted the objection
// (publication.Decision.Earlier), with the marks of its first day that
// the page gives the document's own (DocRef.Latest and LatestRead,
// DocPage.DayAssumed): its page, history, past, feeds, calendar and open
// data all read it here. Nil in every other case.
func (w *View) earlier(d *catalog.Document, dec publication.Decision) *EarlierPeriod {
	e := dec.Earlier
	if e.From.IsZero() || (dec.State != publication.Public && dec.State != publication.Withdrawn) {
		return nil
	}
	p := &EarlierPeriod{PublicFrom: e.From, WithdrawnOn: e.Until, Basis: e.Basis, BasisText: e.BasisText}
	p.Latest = e.Latest || w.earlyUncounted(d, e.Basis) != nil
	p.Read = e.Latest && d.PublishedByRead && e.From == d.PublishedBy
	p.Assumed = assumedDay(e.Basis, dec.Version)
	var marks []string
	for _, m := range []struct {
		on   bool
		name string
	}{{p.Latest, "latest"}, {p.Read, "read"}, {p.Assumed && !p.Latest, "assumed"}} {
		if m.on {
			marks = append(marks, m.name)
		}
	}
	p.Marks = strings.Join(marks, " ")
	return p
}

// CauseEarlierUncounted is the cause a document page gives, in place of
// the engine's became_public, for a report public on the rule's day that
// may have been public earlier, its meeting counting more reports
// published early than the catalog dates (DocPage.EarlierUnrecorded): the
// theme's reason_public_by_uncounted says it, and the page's note gives the
// two counts.
const CauseEarlierUncounted = "public_by_uncounted"

// earlierUnrecorded says, for a National Report that became public on the
// day the rule set, that its meeting counts more reports published before
// it than the catalog records the day of: this one may be among them, and
// have been public before the rule's day. Nil otherwise.
func (w *View) earlierUnrecorded(d *catalog.Document, dec publication.Decision) *EarlyCount {
	if dec.State != publication.Public && dec.State != publication.Withdrawn {
		return nil
	}
	return w.earlyUncounted(d, dec.Basis)
}

// earlyUncounted is earlierUnrecorded of a period public on basis b.
func (w *View) earlyUncounted(d *catalog.Document, b publication.Basis) *EarlyCount {
	if d.Kind != NationalReport || b != publication.BasisAfterAdjournment {
		return nil
	}
	m, ok := w.in.Catalog.Meeting(d.Meeting)
	if !ok || m.NationalReportsPublicEarly == 0 {
		return nil
	}
	if recorded := w.earlyRecorded()[m.ID]; recorded < m.NationalReportsPublicEarly {
		return &EarlyCount{Published: m.NationalReportsPublicEarly, Recorded: recorded}
	}
	return nil
}

// sourcesShown are the sources of a list a page may show (Sources), and
// how many were left out.
type sourcesShown struct {
	sources []string
	hidden  int
}

// Sources are those of sources that name nothing a page may not show
// (the title, address or words of a document that is not public, as the
// leak audit would find them, audit.Collect, or written another way,
// audit.LooseFinder), and how many were left out.
// A source of a meeting's documents often names several of them.
func (w *View) Sources(sources []string) ([]string, int) {
	if len(sources) == 0 {
		return nil, 0
	}
	type finders struct {
		exact *audit.Finder
		loose *audit.LooseFinder
	}
	type key struct{}
	f := w.Once(key{}, func() any {
		s := audit.Collect(w.in.Catalog, w.in.Decisions)
		return finders{audit.NewFinder(s), audit.NewLooseFinder(s)}
	}).(finders)
	var out []string
	for _, s := range sources {
		// Loosely too: a source that names the document's address with
		// http for https, or its title in capitals, names it all the same.
		if _, loose := f.loose.Find(s); !f.exact.Holds(s) && !loose {
			out = append(out, s)
		}
	}
	return out, len(sources) - len(out)
}

// PartySources are what a party's page may cite of the catalog's words on
// the party: its note, and its sources but for those that name a document
// that is not public (Sources), with how many were left out. A note that
// names one is left out.
func (w *View) PartySources(p *catalog.Party) (note string, sources []string, hidden int) {
	sources, hidden = w.Sources(p.Sources)
	if shown, _ := w.Sources([]string{p.Note}); len(shown) == 1 {
		note = shown[0]
	}
	return note, sources, hidden
}

// notCitedIn are the sources of a list but for those whose every address
// the sources by, shown beside them, cite already: one page is listed once.
// by must be the sources shown (View.Sources), not the catalog's: a page
// cited only by a source left out must stay (a code review found one
// dropped from both lists).
func notCitedIn(sources, by []string) []string {
	cited := map[string]bool{}
	for _, s := range by {
		for _, u := range catalog.SourceURLs(s) {
			cited[u] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(sources), func(s string) bool {
		us := catalog.SourceURLs(s)
		return len(us) > 0 && !slices.ContainsFunc(us, func(u string) bool { return !cited[u] })
	})
}

// objectionWords are why a report its party objected to was withdrawn.
const objectionWords = "The Contracting Party objected to its publication."

// withdrawnReason is why a withdrawn document was taken down, as its page
// and history say: the catalog's reason, or its party's objection
// (objection set); "" in another state.
func withdrawnReason(d *catalog.Document, dec publication.Decision) (reason string, objection bool) {
	switch {
	case dec.State != publication.Withdrawn:
		return "", false
	case d.Objection == dec.WithdrawnOn:
		return objectionWords, true
	case d.Withdrawn == dec.WithdrawnOn:
		return d.WithdrawnReason, false
	}
	return "", false
}

// File is the file of a document that this site offers: nil unless the
// document is public and the catalog holds its file.
func (w *View) File(d *catalog.Document) *FileRef {
	fi := d.FileInfo
	if fi == nil || w.in.Decisions[d.ID].State != publication.Public {
		return nil
	}
	mt := MediaType(fi.Name)
	return &FileRef{Name: fi.Name, URL: w.URL(FileURL(d.ID, fi.Name)), Size: fi.Size, SHA256: fi.SHA256, MediaType: mt, Source: fi.Path, Path: strings.TrimPrefix(FileURL(d.ID, fi.Name), "/")}
}

// readAt says where a reader can read a public document: its file here,
// its text on its page here, its official copy, the official list of its meeting's documents, its
// party's own page of reports, the site where its meeting's documents of its kind were all made
// public, or nowhere known.
func (w *View) readAt(d *catalog.Document, file *FileRef) *ReadAt {
	c := w.in.Catalog
	switch {
	case file != nil:
		return &ReadAt{Kind: ReadFile, URL: file.URL}
	case d.Parsed != nil:
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
	if m, ok := c.Meeting(d.Meeting); ok && m.DocumentsSite != nil && m.DocumentsSite.Kind == d.Kind {
		return &ReadAt{Kind: ReadMeetingSite, URL: m.DocumentsSite.URL, Of: m.Title}
	}
	return &ReadAt{Kind: ReadUnknown}
}

// ReadCounts is where the public documents of a set can be read.
type ReadCounts struct {
	Public int `json:"public"`
	// Readable can be read from the site: a file or text here, or an
	// address it gives (an official copy, a meeting's or party's list).
	Readable int `json:"readable"`
	// Site are on a site a meeting's sources name, with no address of
	// their own (ReadMeetingSite); Unknown, nowhere recorded.
	Site    int            `json:"site"`
	Unknown int            `json:"unknown"`
	ByKind  map[string]int `json:"-"` // by ReadAt.Kind
}

// ReadCounts counts where the public documents among docs can be read,
// as their pages say it (readAt): the figures check prints for the
// catalog and a meeting's page shows for its documents.
func (w *View) ReadCounts(docs []*catalog.Document) ReadCounts {
	r := ReadCounts{ByKind: map[string]int{}}
	for _, d := range docs {
		if w.in.Decisions[d.ID].State != publication.Public {
			continue
		}
		r.Public++
		r.ByKind[w.readAt(d, w.File(d)).Kind]++
	}
	r.Site, r.Unknown = r.ByKind[ReadMeetingSite], r.ByKind[ReadUnknown]
	r.Readable = r.Public - r.Site - r.Unknown
	return r
}

// meetingReadCounts are ReadCounts of each meeting's documents, by meeting
// id, counted once per view.
func (w *View) meetingReadCounts() map[string]ReadCounts {
	type key struct{}
	return w.Once(key{}, func() any {
		byMeeting := map[string][]*catalog.Document{}
		for _, d := range w.in.Catalog.Documents {
			byMeeting[d.Meeting] = append(byMeeting[d.Meeting], d)
		}
		out := map[string]ReadCounts{}
		for id, docs := range byMeeting {
			out[id] = w.ReadCounts(docs)
		}
		return out
	}).(map[string]ReadCounts)
}

// kind returns a kind's rules; a kind the catalog lacks gets a stand-in
// labelled by its key, as lists show it.
func (w *View) kind(k string) *catalog.Kind {
	if kr, ok := w.in.Catalog.Rules.Kind(k); ok {
		return kr
	}
	return &catalog.Kind{Kind: k, Label: k}
}

// Meeting is what the site says of a meeting.
func (w *View) Meeting(m *catalog.Meeting) MeetingInfo {
	mi := MeetingInfo{
		ID: m.ID, Title: m.Title, Type: m.Type, Numbers: m.Numbers, Place: m.Place,
		Opening: m.Opening.String(), Adjournment: m.Adjournment.String(), Held: m.Held, HeldDays: HeldDays(m), Note: m.Note,
		OrganizationalMeeting: m.OrganizationalMeeting, ContractingParties: m.ContractingParties,
		ParticipatingParties:       m.ParticipatingParties,
		NationalReportsPublicEarly: m.NationalReportsPublicEarly, URL: w.URL(MeetingURL(m.ID)),
		Titles: w.MeetingTitles(m.ID),
		Places: w.Translated(func(lang string) string { return w.in.Catalog.MeetingPlace(m.ID, lang) }),
	}
	for _, o := range m.Officers {
		off := Officer{Role: o.Role, RoleCode: officerRoles[o.Role], Name: o.Name, Country: o.Country, Party: w.partyNamed(o.Country)}
		for _, h := range honorifics {
			if person, ok := strings.CutPrefix(o.Name, h.word+" "); ok && person != "" {
				off.Honorific, off.Person = h.code, person
				if off.RoleCode != "" && h.feminine {
					off.RoleForm = "f"
				}
				break
			}
		}
		mi.Officers = append(mi.Officers, off)
	}
	if n := m.NPP; n != nil {
		mi.NPP = map[string]int{"operating": n.Operating, "construction": n.Construction, "none": n.None}
	}
	if f := m.Findings; f != nil {
		mi.Findings = map[string]int{"good_practices": f.GoodPractices, "areas_of_good_performance": f.AreasOfGoodPerformance, "challenges": f.Challenges, "suggestions": f.Suggestions}
	}
	mi.Sources, mi.SourcesHidden = w.Sources(m.Sources)
	mi.Membership = membershipInfo(w.in.Catalog.Completeness(m.ID))
	mi.Membership.NotOpened, mi.Membership.Opens = w.NotOpened(m), catalog.ReferenceDay(m).String()
	if n := mi.Membership.Counted; n != nil {
		var hidden int
		// A page the meeting's own sources cite already is cited once,
		// in the meeting's words (a journalist's review found one page
		// listed twice, for its count and for the meeting's days).
		n.Sources, hidden = w.Sources(notCitedIn(n.Sources, mi.Sources))
		mi.SourcesHidden += hidden
		if n.Sources == nil {
			n.Sources = []string{}
		}
	}
	mi.Reading = w.meetingReadCounts()[m.ID]
	if m.NationalReportsPublicEarly > 0 {
		mi.NationalReportsEarlyRecorded = w.earlyRecorded()[m.ID]
	}
	if ds := m.DocumentsSite; ds != nil {
		mi.DocumentsSite = ds.URL
	}
	// The National Reports' day: their kind's rule, else the first kind of
	// one document per party whose rule counts days after adjournment.
	var chosen *catalog.Kind
	var rule *catalog.RuleVersion
	for _, k := range w.in.Catalog.Rules.Kinds {
		if k == nil || !k.PerParty || m.Adjournment.IsZero() {
			continue
		}
		if r, ok := k.For(m.ID); ok && r.Public == catalog.PublicAfterAdjournment && (chosen == nil || k.Kind == NationalReport && chosen.Kind != NationalReport) {
			chosen, rule = k, r
		}
	}
	if chosen != nil {
		on, _ := publication.RuleDay(m, rule)
		mi.ReportsPublicOn, mi.ReportsDays, mi.ReportsObjection = on.String(), rule.Days, rule.Objection
		mi.ReportsRuleNote, mi.ReportsRuleAssumed = rule.Note, rule.Assumed
		mi.ReportsRuleSources, _ = w.Sources(rule.Sources)
		mi.ReportsPast = !w.in.AsOf.Before(on.Start(w.in.Catalog.Rules.Location))
		mi.ReportsOnDayUndated = w.onDayUndated()[onDayKey{m.ID, chosen.Kind, on}]
	}
	return mi
}

// onDayKey names a meeting's documents of one kind public on one day.
type onDayKey struct {
	meeting, kind string
	on            catalog.Date
}

// onDayUndated counts, by meeting, kind and day, the public documents
// whose party published them on a day the catalog does not record
// (publication.Decision.Latest), public from that day at the latest: on
// the rule's day, the timing chart counts them there, though they may have
// been public earlier (MeetingInfo.ReportsOnDayUndated). Computed once per
// build.
func (w *View) onDayUndated() map[onDayKey]int {
	type key struct{}
	return w.Once(key{}, func() any {
		out := map[onDayKey]int{}
		for _, d := range w.in.Catalog.Documents {
			if dec := w.in.Decisions[d.ID]; dec.State == publication.Public && dec.Latest {
				out[onDayKey{d.Meeting, d.Kind, dec.PublicFrom}]++
			}
		}
		return out
	}).(map[onDayKey]int)
}

// NotOpened is whether a meeting had not opened on the day of the build:
// the day its membership is taken on (catalog.ReferenceDay: its opening,
// else its adjournment) is later. False when neither day is recorded.
func (w *View) NotOpened(m *catalog.Meeting) bool {
	r := catalog.ReferenceDay(m)
	return !r.IsZero() && w.in.AsOf.Before(r.Start(w.in.Catalog.Rules.Location))
}

func membershipInfo(c catalog.Completeness) MembershipInfo {
	list := func(ids []string) []string {
		if ids == nil {
			return []string{}
		}
		return ids
	}
	mi := MembershipInfo{
		Total: c.Total, TotalFromCount: c.TotalFromCount, Bound: c.Bound, WithRecord: c.WithRecord, Missing: c.Missing(),
		NoRecord: list(c.NoRecord), NotYet: list(c.NotYet), Left: list(c.Left), Unknown: list(c.Unknown),
		AtLeast: c.AtLeast, CountedLeft: c.CountedLeft,
	}
	if c.Missing() < 0 {
		mi.NoRecordAtLeast = c.NoRecordAtLeast()
	}
	if n := c.Counted; n != nil {
		mi.Counted = &CountedInfo{Day: n.Day.String(), Count: n.Count, Sources: n.Sources}
	}
	return mi
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

// HeldDays are the days a meeting's pages write for when it was held
// (MeetingInfo.HeldDays, which meetingdates.html writes; the search index's
// meeting_days), YYYY-MM-DD: both its days when both are known;
// else, when the catalog gives no held: wording, its opening day if
// known; else none (its pages then give the wording, HeldText).
func HeldDays(m *catalog.Meeting) []string {
	switch {
	case !m.Opening.IsZero() && !m.Adjournment.IsZero():
		return []string{m.Opening.String(), m.Adjournment.String()}
	case m.Held == "" && !m.Opening.IsZero():
		return []string{m.Opening.String()}
	}
	return []string{}
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

// NameOrder orders names as a reader of the language expects them, by the
// language's collation with accents and case ignored: CompareNames for
// English. A language x/text does not know orders as English does. Arabic
// names are ordered without their definite article, as Arabic lists of
// States are (الأرجنتين under أ, السويد under س), the whole name breaking
// a tie.
func NameOrder(lang string) func(a, b string) int {
	tag, err := language.Parse(lang)
	if lang == "en" || err != nil {
		return CompareNames
	}
	var mu sync.Mutex
	c := collate.New(tag, collate.Loose)
	key := func(s string) string { return s }
	if lang == "ar" {
		key = func(s string) string { return alefFolder.Replace(withoutArticle(s)) }
	}
	return func(a, b string) int {
		mu.Lock()
		defer mu.Unlock()
		if r := c.CompareString(key(a), key(b)); r != 0 {
			return r
		}
		return c.CompareString(a, b)
	}
}

// alefFolder writes the forms of alef (with hamza above or below, with
// madda, wasla) as alef, as Arabic lists of States order them: «إسبانيا»
// among «أستراليا» and «الأرجنتين», not after every name in أ.
var alefFolder = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا")

// withoutArticle is an Arabic name without the definite article ال that
// begins it, where a word of two letters or more follows.
func withoutArticle(s string) string {
	if rest, ok := strings.CutPrefix(s, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
		return rest
	}
	return s
}

// PartyOrder is each party's place (from 1, by id) in the order of the
// parties' names in a language: its name there (PartyNames), else its
// English name, by the language's collation (NameOrder). Every list of
// parties in a language follows it: the countries, a meeting's grid and
// map, the ledger's documents within a meeting, the search index.
func (w *View) PartyOrder(lang string) map[string]int {
	type key struct{ lang string }
	return w.Once(key{lang}, func() any {
		type named struct{ id, name string }
		var parties []named
		for _, p := range w.in.Catalog.Parties {
			name := p.Name
			if n := w.PartyNames(p)[lang]; n != "" {
				name = n
			}
			parties = append(parties, named{p.ID, name})
		}
		order := NameOrder(lang)
		slices.SortStableFunc(parties, func(a, b named) int { return order(a.name, b.name) })
		out := make(map[string]int, len(parties))
		for i, p := range parties {
			out[p.id] = i + 1
		}
		return out
	}).(map[string]int)
}

// Party is what the site says of a Contracting Party.
func (w *View) Party(p *catalog.Party) PartyInfo {
	info := PartyInfo{
		ID: p.ID, Name: p.Name, OtherNames: p.OtherNames, Type: p.Type, URL: w.URL(CountryURL(p.ID)), Names: w.PartyNames(p),
		InForce: p.InForce.String(), InForceComputed: p.InForceComputed, Deposit: p.Deposit.String(),
		InForceBy: p.InForceBy.String(), DepositedBy: p.DepositedBy.String(), NotBoundOn: p.NotBoundOn.String(), Left: p.Left.String(),
	}
	// A meeting whose opening day is not known (its evidence is its
	// adjournment) is left out: the page says "which opened on".
	if p.InForce.IsZero() {
		if m, ok := w.in.Catalog.Meeting(p.BoundAt); ok && !m.Opening.IsZero() {
			info.BoundAt, info.BoundAtDay = m.ID, m.Opening.String()
		}
		if m, ok := w.in.Catalog.Meeting(p.NotBoundAt); ok && !m.Opening.IsZero() {
			info.NotBoundAt, info.NotBoundAtDay = m.ID, m.Opening.String()
		}
	}
	return info
}

// PartyNames are a party's names in the site's languages other than
// English: the catalog's names: where given (the United Nations' short
// name where it differs from CLDR's), else CLDR's name of its ISO code. A
// language with neither is left out, and pages show the English name,
// marked as English. Nil for an English-only site.
func (w *View) PartyNames(p *catalog.Party) map[string]string {
	var out map[string]string
	for _, lang := range w.in.Languages {
		if lang == "en" {
			continue
		}
		name := p.Names[lang]
		if name == "" && p.ISO != "" {
			name = RegionName(lang, p.ISO)
		}
		if name != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[lang] = name
		}
	}
	return out
}

// RegionName is CLDR's name of an ISO 3166-1 region in a language (a
// BCP 47 tag: "zh", or "zh-Hant" for Chinese in Traditional characters),
// or "" when CLDR has none.
func RegionName(lang, iso string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	region, err := language.ParseRegion(iso)
	if err != nil {
		return ""
	}
	if n := display.Regions(tag); n != nil {
		return n.Name(region)
	}
	return ""
}

// Input is what the view was made from.
func (w *View) Input() Input { return w.in }

// Translated is a value in each of the site's languages other than
// English that has one: get gives it for a language, "" when it has none.
// Pages show the English value, marked as English, in the others. Nil for
// an English-only site, or when no language has the value.
func (w *View) Translated(get func(lang string) string) map[string]string {
	var out map[string]string
	for _, lang := range w.in.Languages {
		if lang == "en" {
			continue
		}
		if v := get(lang); v != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[lang] = v
		}
	}
	return out
}

// MeetingTitles are a meeting's titles in the site's other languages, from
// the catalog's translations (data/translations/<lang>.yaml).
func (w *View) MeetingTitles(id string) map[string]string {
	return w.Translated(func(lang string) string { return w.in.Catalog.MeetingTitle(id, lang) })
}

// KindLabels are a kind's labels in the site's other languages.
func (w *View) KindLabels(kind string) map[string]string {
	return w.Translated(func(lang string) string { return w.in.Catalog.KindLabel(kind, lang) })
}

// Span is the meetings a rule version covers, by id and English title.
func (w *View) Span(r *catalog.RuleVersion) Span {
	form, first, last := r.SpanForm()
	s := Span{Form: form, First: first, Last: last}
	if m, ok := w.in.Catalog.Meeting(first); ok {
		s.FirstTitle = m.Title
	}
	if m, ok := w.in.Catalog.Meeting(last); ok {
		s.LastTitle = m.Title
	}
	return s
}

// partyNamed is the id of the party whose name or one of whose other names
// is name (in any case), or "" for none.
func (w *View) partyNamed(name string) string {
	if name == "" {
		return ""
	}
	for _, p := range w.in.Catalog.Parties {
		if strings.EqualFold(p.Name, name) || slices.ContainsFunc(p.OtherNames, func(o string) bool { return strings.EqualFold(o, name) }) {
			return p.ID
		}
	}
	return ""
}

// NationalReport is the kind of the National Reports, which the meeting's
// reports day, its map and its charts are about.
const NationalReport = "national_report"

// officerRoles are the codes of the officers' roles that the site names in
// every language, by the catalog's English word.
var officerRoles = map[string]string{"President": "president", "Vice-President": "vice_president"}

// honorifics are the titles the catalog writes before an officer's name,
// which pages write in their language (i18n honorific_<code>).
var honorifics = []struct {
	word, code string
	feminine   bool
}{{"Mr", "mr", false}, {"Ms", "ms", true}, {"Mrs", "mrs", true}, {"Dr", "dr", false}}

// RoleKey is the officer's role as the theme's strings name it
// (officer_<RoleKey>): its code, and its form where it has one; "" for a
// role without a code.
func (o Officer) RoleKey() string {
	if o.RoleCode == "" || o.RoleForm == "" {
		return o.RoleCode
	}
	return o.RoleCode + "_" + o.RoleForm
}

// OfficerRoles are the codes of officerRoles, sorted.
func OfficerRoles() []string { return slices.Sorted(maps.Values(officerRoles)) }

// mediaTypes are the media types of the files a catalog may offer, by
// extension: a table of this program's own, so that a site is the same
// byte for byte whatever machine builds it (mime.TypeByExtension reads the
// system's tables, which differ).
var mediaTypes = map[string]string{
	".pdf":  "application/pdf",
	".txt":  "text/plain; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".htm":  "text/html; charset=utf-8",
	".csv":  "text/csv; charset=utf-8",
	".json": "application/json",
	".xml":  "application/xml",
	".zip":  "application/zip",
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".odt":  "application/vnd.oasis.opendocument.text",
	".rtf":  "application/rtf",
	".epub": "application/epub+zip",
}

// MediaType is the media type of a file by its extension (mediaTypes),
// application/octet-stream for any other.
func MediaType(name string) string {
	if mt, ok := mediaTypes[strings.ToLower(path.Ext(name))]; ok {
		return mt
	}
	return "application/octet-stream"
}
