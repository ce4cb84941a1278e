// Package catalog reads and validates the catalog in data/: the publication
// rules, the Contracting Parties, the review meetings and their documents.
//
// Loading is strict: YAML is decoded into typed structs, an unknown key is an
// error, and every problem is reported with the file, line and column it comes
// from. Load returns all problems it finds, not only the first, so a webmaster
// can fix a catalog in one pass.
package catalog

import (
	"fmt"
	"time"
)

// Catalog is the whole validated catalog.
type Catalog struct {
	Rules     Rules
	Parties   []*Party
	Meetings  []*Meeting
	Documents []*Document
	// InForce is the day the Convention itself entered into force (Article
	// 31(1)), from parties.yaml; the zero Date when not recorded.
	InForce Date
	// Counts are sources' counts of the Contracting Parties on given days
	// (parties.yaml counts:), in the file's order.
	Counts []*PartyCount
	// Translations are the catalog's words in other languages, by language
	// (translations/<lang>.yaml); Warnings what the loader found wrong in
	// them that does not stop a build (a translation of an unknown id).
	Translations map[string]*Translation
	Warnings     Problems

	partyByID   map[string]*Party
	meetingByID map[string]*Meeting
	docByID     map[string]*Document
	// membership is every party's standing at every meeting (by meeting
	// id, then party id), derived by the loader (membership.go).
	membership map[string]map[string]Membership
	// recorded holds the meetings and parties (meeting id, party id) the
	// catalog has a document of.
	recorded map[[2]string]bool
}

// Party returns the Contracting Party with the given id.
func (c *Catalog) Party(id string) (*Party, bool) { p, ok := c.partyByID[id]; return p, ok }

// Meeting returns the meeting with the given id.
func (c *Catalog) Meeting(id string) (*Meeting, bool) { m, ok := c.meetingByID[id]; return m, ok }

// Document returns the document with the given id.
func (c *Catalog) Document(id string) (*Document, bool) { d, ok := c.docByID[id]; return d, ok }

// Pos is a place in a catalog file.
type Pos struct {
	File      string
	Line, Col int
}

// Where records where a value and each of its fields were read from.
// It is filled by the loader, never from YAML itself.
type Where struct {
	Pos    Pos
	fields map[string]Pos
	items  map[string][]Pos // each item's place, for fields that are lists
	failed map[string]bool  // fields written whose value could not be read
}

// Failed reports whether the named field was written with a value that
// could not be read (an error says so already).
func (w Where) Failed(name string) bool { return w.failed[name] }

// Field returns the position of the named YAML key, or of the value itself
// when the key was not written.
func (w Where) Field(name string) Pos {
	if p, ok := w.fields[name]; ok {
		return p
	}
	return w.Pos
}

// Item returns the position of the i-th item (from 0) of the named list
// field, or of the field when it has no such item.
func (w Where) Item(name string, i int) Pos {
	if ps := w.items[name]; i >= 0 && i < len(ps) {
		return ps[i]
	}
	return w.Field(name)
}

// positioned is anything read from the catalog with its place.
type positioned interface{ where() Where }

func (w Where) where() Where { return w }

// lineOf is the line v was read from; 0 when v is nil.
func lineOf[T positioned](v *T) int {
	if v == nil {
		return 0
	}
	return (*v).where().Pos.Line
}

// Has reports whether the named YAML key was written.
func (w Where) Has(name string) bool { _, ok := w.fields[name]; return ok }

// Rules say, per document kind, when a document may be public.
type Rules struct {
	Where    `yaml:"-"`
	Timezone string   `yaml:"timezone"`
	Sources  []string `yaml:"sources"`
	Kinds    []*Kind  `yaml:"kinds"`

	// Location is Timezone, loaded.
	Location *time.Location `yaml:"-"`
	byKind   map[string]*Kind
}

// Kind returns the rules of a document kind.
func (r *Rules) Kind(kind string) (*Kind, bool) {
	k, ok := r.byKind[kind]
	return k, ok
}

// For returns the rule that decides documents of a kind at a meeting: the
// one version of the kind's rule whose range of meetings includes it.
func (r *Rules) For(kind, meeting string) (*RuleVersion, bool) {
	k, ok := r.byKind[kind]
	if !ok {
		return nil, false
	}
	return k.For(meeting)
}

// How a rule makes documents public.
const (
	PublicAfterAdjournment = "after_adjournment" // days after the meeting adjourns, unless the party objects
	PublicByParty          = "party_publication" // only when the party publishes it (or consents)
	PublicOnAdoption       = "adoption"          // from the day it is adopted
	PublicWithConsent      = "consent"           // only with the party's consent
)

// PublicBases lists every value of a rule's public: field.
var PublicBases = []string{PublicAfterAdjournment, PublicByParty, PublicOnAdoption, PublicWithConsent}

// Kind is a kind of document and the versions of its publication rule.
type Kind struct {
	Where       `yaml:"-"`
	Kind        string `yaml:"kind"`
	Slug        string `yaml:"slug"`
	Label       string `yaml:"label"`
	Description string `yaml:"description"`
	PerParty    bool   `yaml:"per_party"`
	// Numbered kinds may have several documents per party at a meeting
	// that reviews several rounds at once (a joint meeting, numbers: [8,
	// 9]): one per round, each naming its round in report:.
	Numbered bool `yaml:"numbered"`
	// AtMeeting kinds are made at the meeting itself (a Summary Report
	// adopted there, a Country Review Report agreed there): none exists
	// before the meeting opens, whenever its review cycle began.
	AtMeeting bool           `yaml:"at_meeting"`
	Rules     []*RuleVersion `yaml:"rules"`
}

// For returns the version of the kind's rule that covers a meeting.
func (k *Kind) For(meeting string) (*RuleVersion, bool) {
	for _, r := range k.Rules {
		if r != nil && r.covers[meeting] {
			return r, true
		}
	}
	return nil, false
}

// RuleVersion is one version of a kind's publication rule: how documents of the
// kind become public at the meetings from From to Until, in the order of
// meetings.yaml. A meeting that no version covers publishes nothing of the
// kind.
type RuleVersion struct {
	Where            `yaml:"-"`
	From             string   `yaml:"from"`  // the first meeting it covers
	Until            string   `yaml:"until"` // the last; empty for every meeting from From on
	Public           string   `yaml:"public"`
	Days             int      `yaml:"days"`
	EarlyPublication bool     `yaml:"early_publication"`
	Objection        bool     `yaml:"objection"`
	Note             string   `yaml:"note"`
	Sources          []string `yaml:"sources"`
	// Assumed is set where no source states the rule for the meetings the
	// version covers and the catalog applies it to them all the same (its
	// note says on what ground): the days it sets follow from the rule, not
	// from a source that records them, and pages say so.
	Assumed bool `yaml:"assumed"`

	// Span names the meetings the rule covers, in words ("from the 1st
	// Review Meeting to the 6th Review Meeting"); set by the loader.
	Span string `yaml:"-"`
	// Meetings are the ids of the meetings it covers, in order.
	Meetings []string `yaml:"-"`
	covers   map[string]bool
}

// Party is a Contracting Party: a State or a regional organisation.
type Party struct {
	Where      `yaml:"-"`
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	OtherNames []string `yaml:"other_names"`
	FormerIDs  []string `yaml:"former_ids"`
	Type       string   `yaml:"type"`
	// ISO is the party's ISO 3166-1 alpha-2 code (a State's; empty for an
	// organisation): its name in each language comes from CLDR by it.
	ISO string `yaml:"iso"`
	// Names are the party's names in other languages where the United
	// Nations' short name differs from CLDR's, by language code.
	Names map[string]string `yaml:"names"`
	// SearchNames are other names a reader of a language types for the
	// party (an abbreviation, an everyday or former name: "США"), by
	// language code: search finds the party by them, and no page shows
	// them.
	SearchNames map[string][]string `yaml:"search_names"`
	// ReportsURL is the party's own page that lists its reports under the
	// Convention: where a reader goes when the catalog has no copy.
	ReportsURL string `yaml:"reports_url"`
	// When the Convention bound the party (Article 31): the day it
	// deposited its instrument of ratification, acceptance, approval or
	// accession (Deposit), or the day the Convention entered into force
	// for it (EntryIntoForce) as a source gives it, or both; or, where no
	// source gives the day, a day by which it had deposited (DepositedBy).
	// NotBoundOn is, where neither day is known, a day on which a source
	// shows that the Convention did not yet bind it (it was about to join,
	// or became a party only later). Left is the day it ceased to be a
	// party (a denunciation taking effect, Article 32). Each is optional:
	// what no source gives stays unknown.
	Deposit        Date     `yaml:"deposit"`
	EntryIntoForce Date     `yaml:"entry_into_force"`
	DepositedBy    Date     `yaml:"deposited_by"`
	NotBoundOn     Date     `yaml:"not_bound_on"`
	Left           Date     `yaml:"left"`
	Note           string   `yaml:"note"`
	Sources        []string `yaml:"sources"`

	// InForce is the day the Convention entered into force for the party:
	// EntryIntoForce, or computed from Deposit (InForceComputed); zero
	// when neither is recorded. InForceBy is, when InForce is not known, a
	// day by which it was in force at the latest (from DepositedBy), or
	// zero. Set by the loader.
	InForce         Date `yaml:"-"`
	InForceComputed bool `yaml:"-"`
	InForceBy       Date `yaml:"-"`
	// BoundAt is, when the earliest day the catalog shows the party bound
	// is a meeting's (its list of parties names it, or it has a document
	// there), that meeting's id; NotBoundAt, when the latest day it shows
	// it not yet bound is a meeting's (its list leaves it out), that
	// meeting's id. Empty otherwise. Set by the loader (deriveMembership).
	BoundAt    string `yaml:"-"`
	NotBoundAt string `yaml:"-"`
}

// Officer of a meeting.
type Officer struct {
	Role    string `yaml:"role"`
	Name    string `yaml:"name"`
	Country string `yaml:"country"`
}

// NPPCounts counts Contracting Parties by nuclear power plant status.
type NPPCounts struct {
	Operating    int `yaml:"operating"`
	Construction int `yaml:"construction"`
	None         int `yaml:"none"`
}

// Findings counts what the Country Groups identified at a meeting.
type Findings struct {
	GoodPractices          int `yaml:"good_practices"`
	AreasOfGoodPerformance int `yaml:"areas_of_good_performance"`
	Challenges             int `yaml:"challenges"`
	Suggestions            int `yaml:"suggestions"`
}

// MeetingTypes are the types a meeting may have, and PartyTypes a
// Contracting Party's: the catalog refuses any other, and the open data's
// JSON Schemas take their values from these lists.
var (
	MeetingTypes = []string{"review", "extraordinary"}
	PartyTypes   = []string{"state", "organisation"}
)

// Meeting is a review meeting (or an extraordinary meeting).
type Meeting struct {
	Where                      `yaml:"-"`
	ID                         string     `yaml:"id"`
	Type                       string     `yaml:"type"`
	Numbers                    []int      `yaml:"numbers"`
	FormerIDs                  []string   `yaml:"former_ids"`
	Title                      string     `yaml:"title"`
	Place                      string     `yaml:"place"`
	Opening                    Date       `yaml:"opening"`
	Adjournment                Date       `yaml:"adjournment"`
	Held                       string     `yaml:"held"`
	Note                       string     `yaml:"note"`
	OrganizationalMeeting      string     `yaml:"organizational_meeting"`
	Officers                   []Officer  `yaml:"officers"`
	ContractingParties         int        `yaml:"contracting_parties"`
	ParticipatingParties       int        `yaml:"participating_parties"`
	NPP                        *NPPCounts `yaml:"npp"`
	Findings                   *Findings  `yaml:"findings"`
	NationalReportsPublicEarly int        `yaml:"national_reports_public_early"`
	Parties                    []string   `yaml:"parties"`
	DidNotAttend               []string   `yaml:"did_not_attend"`
	DidNotAttendCountryGroups  []string   `yaml:"did_not_attend_country_groups"`
	PostedNoQuestions          []string   `yaml:"posted_no_questions"`
	// DocumentsURL is the official page that lists the meeting's documents
	// (its National Reports): where a reader goes when the catalog has no copy.
	DocumentsURL string `yaml:"documents_url"`
	// DocumentsSite is the website on which a source says the meeting's
	// documents of one kind were all made public, where the catalog has no
	// address of each: a reader of one without an address of its own is
	// told to look there.
	DocumentsSite *DocumentsSite `yaml:"documents_site"`
	Sources       []string       `yaml:"sources"`

	// CycleStart is the day the meeting's review cycle began: the latest
	// adjournment of the meetings listed before it (the file is in
	// chronological order) that adjourned before it opened; for the first
	// meeting, the day the Convention entered into force (parties.yaml's
	// entry_into_force); zero when no such day is known. Its documents are
	// prepared after it: on an earlier day none of them existed yet
	// (publication.Decide). Set by the loader.
	CycleStart Date `yaml:"-"`
}

// DocumentsSite is a website (URL, the site's own address) on which a
// meeting's documents of one kind (Kind, a kind of rules.yaml) were all
// made public.
type DocumentsSite struct {
	URL  string `yaml:"url"`
	Kind string `yaml:"kind"`
}

// Document is one document of a meeting, with the facts that decide its state.
type Document struct {
	Where     `yaml:"-"`
	ID        string   `yaml:"id"`
	FormerIDs []string `yaml:"former_ids"`
	Kind      string   `yaml:"kind"`
	Party     string   `yaml:"party"`
	// Report is which of a joint meeting's rounds the document is for (8
	// for the 8th National Report at the Joint 8th and 9th Review
	// Meeting); 0 when the meeting reviews one round or when the catalog
	// does not say which.
	Report int    `yaml:"report"`
	Title  string `yaml:"title"`
	// TitleLang is the language Title is written in, a BCP 47 code
	// (es, cs, de …); empty for English, the catalog's language.
	TitleLang    string `yaml:"title_lang"`
	Summary      string `yaml:"summary"`
	Symbol       string `yaml:"symbol"`
	File         string `yaml:"file"`
	SHA256       string `yaml:"sha256"`
	URL          string `yaml:"url"`
	Text         string `yaml:"text"`
	Submitted    Date   `yaml:"submitted"`
	NotSubmitted bool   `yaml:"not_submitted"`
	Published    Date   `yaml:"published"`
	// PublishedUndated is true where a source says the party published the
	// document but gives no day: the rule decides as if it had not, and its
	// page says it may have been public earlier.
	PublishedUndated bool `yaml:"published_undated"`
	// PublishedBy is a day by which a source shows that its party had
	// published the document, where none gives the day itself (a page's
	// date, a year's annual report): the rules take it as the day it was
	// published, and its page says it may have been public earlier. It
	// implies PublishedUndated, which the loader sets.
	PublishedBy Date `yaml:"published_by"`
	// PublishedByRead says that PublishedBy is the day this catalog read a
	// page showing the document published (the party's page offering or
	// listing it), not a day a source gives: it may have been public long
	// before, and pages and feeds say whose day it is.
	PublishedByRead bool `yaml:"published_by_read"`
	Objection       Date `yaml:"objection"`
	// ObjectionLifted is the day the party lifted its objection: from it
	// the rule applies again, and a document due by then (or public before
	// the objection, and withdrawn at it) is public from that day.
	ObjectionLifted Date     `yaml:"objection_lifted"`
	Consent         Date     `yaml:"consent"`
	Adopted         Date     `yaml:"adopted"`
	Withdrawn       Date     `yaml:"withdrawn"`
	WithdrawnReason string   `yaml:"withdrawn_reason"`
	Sources         []string `yaml:"sources"`

	// Meeting is the id of the meeting whose file lists the document.
	Meeting string `yaml:"-"`
	// FileSources are the sources its file gives for all its documents.
	FileSources []string `yaml:"-"`
	// Body is the Markdown of Text, read by the loader; Parsed is Body
	// parsed, once, by the loader (nil when the document has no text).
	Body   string `yaml:"-"`
	Parsed *Text  `yaml:"-"`
	// FileInfo describes File, read by the loader.
	FileInfo *FileInfo `yaml:"-"`
}

// FileInfo describes a document's file as found on disk.
type FileInfo struct {
	Path   string // below data/, slash-separated
	Name   string // base name
	Size   int64
	SHA256 string // hex
}

// documentsFile is the shape of one documents/*.yaml file.
type documentsFile struct {
	Where     `yaml:"-"`
	Meeting   string      `yaml:"meeting"`
	Sources   []string    `yaml:"sources"`
	Documents []*Document `yaml:"documents"`
}

type partiesFile struct {
	Where   `yaml:"-"`
	Sources []string `yaml:"sources"`
	// EntryIntoForce is the day the Convention itself entered into force,
	// from which a party that deposited early enough was bound.
	EntryIntoForce Date          `yaml:"entry_into_force"`
	Counts         []*PartyCount `yaml:"counts"`
	Parties        []*Party      `yaml:"parties"`
}

// PartyCount is a source's count of the Contracting Parties on a day
// (parties.yaml counts:). A source may count a State whose instrument is
// deposited but not yet in force, which the Convention binds ninety days
// later at the latest (Article 31); so a meeting that opened at least that
// long after the day had at least as many Contracting Parties, less those
// the catalog records leaving in between (Catalog.Completeness).
type PartyCount struct {
	Where   `yaml:"-"`
	Day     Date     `yaml:"day"`
	Count   int      `yaml:"count"`
	Sources []string `yaml:"sources"`
}

type meetingsFile struct {
	Where    `yaml:"-"`
	Sources  []string   `yaml:"sources"`
	Meetings []*Meeting `yaml:"meetings"`
}

// PartyDay is the day its party published the document as the catalog
// records it (Published), else the day by which a source shows it had
// (PublishedBy); zero when neither is recorded. The rules take it as the
// day it was published (publication.Decide, once it has come), and check
// compares the other days with it.
func (d *Document) PartyDay() Date {
	if d.Published.IsZero() {
		return d.PublishedBy
	}
	return d.Published
}

// Fact is a day a document records, by the name of its field.
type Fact struct {
	Field string // "submitted", "published_by", "objection_lifted" …
	Day   Date
}

// Facts are the days d records, one per field, in the order the review
// process meets them (zero where not recorded): what the rules decide on
// (publication.Decide), what check holds to today, what plan and explain
// decide again on. One list, so that a new field is known to all.
func (d *Document) Facts() []Fact {
	return []Fact{
		{"submitted", d.Submitted}, {"published", d.Published}, {"published_by", d.PublishedBy},
		{"objection", d.Objection}, {"objection_lifted", d.ObjectionLifted}, {"consent", d.Consent},
		{"adopted", d.Adopted}, {"withdrawn", d.Withdrawn},
	}
}

// DefaultID is the id of a document of a party that the catalog gives no
// id: its meeting, its kind's slug and its party ("rm07-nr-albania"). The
// search index carries the same form, so its client makes the same ids.
func DefaultID(meeting, slug, party string) string {
	return meeting + "-" + slug + "-" + party
}

// DefaultReportID is the id of a document of a party that names its round
// (report: 9) and that the catalog gives no id: "rm08-09-nr9-finland".
func DefaultReportID(meeting, slug string, report int, party string) string {
	return DefaultID(meeting, fmt.Sprintf("%s%d", slug, report), party)
}

// DayFor is the day the rule version, a rule of days after adjournment,
// makes meeting m's documents public: its adjournment and the rule's days
// after it; false when the rule is of another kind, counts no days, or the
// adjournment is not recorded (publication.RuleDay).
func (r *RuleVersion) DayFor(m *Meeting) (Date, bool) {
	if m == nil || r == nil || r.Public != PublicAfterAdjournment || r.Days <= 0 || m.Adjournment.IsZero() {
		return Date{}, false
	}
	return m.Adjournment.AddDays(r.Days), true
}
