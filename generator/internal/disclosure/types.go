package disclosure

import (
	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// What a View says of documents, meetings and parties. The Hugo content
// carries these as front matter (JSON keys are what the templates read, as
// .Params.<key>); the open data and the search index read them too.

// DocRef is a document as lists and grids show it, in any state.
type DocRef struct {
	ID           string `json:"id"`
	Kind         string `json:"kind"`
	KindLabel    string `json:"kind_label"`
	Party        string `json:"party,omitempty"`
	PartyName    string `json:"party_name,omitempty"`
	Meeting      string `json:"meeting"`
	MeetingTitle string `json:"meeting_title"`
	// Report is which of a joint meeting's rounds the document is for
	// (catalog.Document.Report); 0 when not given.
	Report int `json:"report,omitempty"`
	// Title is the document's own title only when it is public or withdrawn;
	// otherwise a title made of kind, party and meeting.
	Title string `json:"title"`
	// OwnTitle says Title is the document's own; otherwise it is made of
	// kind, party and meeting, which pages make again in their language.
	OwnTitle bool `json:"own_title,omitempty"`
	// TitleShared says its own title is also another document's shown
	// (Euratom's reports to the 6th and 7th meetings bear one title):
	// pages name its meeting beside it where it stands alone, as the
	// window's title does.
	TitleShared bool `json:"title_shared,omitempty"`
	// TitleLang is the language of its own title when that is not
	// English (catalog.Document.TitleLang); pages mark the title with it.
	TitleLang   string            `json:"title_lang,omitempty"`
	State       publication.State `json:"state"`
	PublicFrom  catalog.Date      `json:"public_from,omitzero"`  // public, scheduled, withdrawn
	WithdrawnOn catalog.Date      `json:"withdrawn_on,omitzero"` // withdrawn
	URL         string            `json:"url"`                   // the document's page, "/documents/<id>/"
	// Latest is set where PublicFrom is the latest day it may have become
	// (or may become) public, as its page says (DocPage PublishedUndated or
	// EarlierUnrecorded): lists say a public one "by D at the latest", not
	// "since D"; its history and the open data say so too.
	Latest bool `json:"latest,omitempty"`
	// PublishedBy is set where PublicFrom is only a day by which a source
	// shows its Contracting Party had published it (publication.Decision.Latest),
	// which may be long after it did: no day it is known to have become
	// public on, so no news (the home page's recent list leaves it out).
	PublishedBy bool `json:"-"`
	// LatestRead is set where that day is the one this catalog read a page
	// showing it published (catalog.Document.PublishedByRead), not a day
	// a source gives: its page, history, feeds and open data say whose day
	// it is.
	LatestRead bool `json:"latest_read,omitempty"`
	// Assumed is set for a public, scheduled or withdrawn document whose
	// day follows from a rule no source states for its meeting
	// (DocPage.DayAssumed): lists say "since D, if the rule applied", not
	// a bare "since D", and so do a withdrawn one's rows on the past days
	// it was public (a journalist found the mark lost while withdrawn).
	Assumed bool `json:"assumed,omitempty"`
	// FirstPublic is, for a public or withdrawn document, the day it first
	// became public: PublicFrom, or, public again since its party lifted
	// the objection at which it was withdrawn, its first period's
	// (DocPage.Earlier). A count of when reports became public takes it
	// (figures.Timing), and a feed names a document by its own title from
	// it on. Not in the front matter.
	FirstPublic catalog.Date `json:"-"`
	// RestrictedCause is, for a restricted document, the code of its cause
	// (publication.Cause: "not_published", "no_consent",
	// "undated_publication" …), as its page gives the reason: lists say in a
	// few words why beside "Restricted", which alone reads as withheld.
	RestrictedCause string `json:"restricted_cause,omitempty"`
}

// Status is what every output may say of a document's publication: its
// page, lists and grids, the open data, feeds, search index and plan all
// take it from StatusOf, so none says more or less than another.
type Status struct {
	State publication.State `json:"state,omitempty"`
	// Basis is why it is (public), was (withdrawn) or will be (scheduled)
	// public: the rule's basis is public, whatever the state.
	Basis publication.Basis `json:"basis,omitempty"`
	// BasisText is the basis in the words document pages use ("90 days
	// after the meeting adjourned").
	BasisText   string       `json:"-"`
	PublicFrom  catalog.Date `json:"public_from,omitzero"`  // public, scheduled, withdrawn
	WithdrawnOn catalog.Date `json:"withdrawn_on,omitzero"` // withdrawn
}

// EarlierPeriod is a document's first public period, before its party's
// objection withdrew it (DocPage.Earlier).
type EarlierPeriod struct {
	PublicFrom  catalog.Date      `json:"public_from"`
	WithdrawnOn catalog.Date      `json:"withdrawn_on"`
	Basis       publication.Basis `json:"basis"`
	BasisText   string            `json:"-"`
	// Latest, Read and Assumed say of PublicFrom what DocRef's Latest and
	// LatestRead and DocPage's DayAssumed say of the document's day.
	Latest  bool `json:"latest,omitempty"`
	Read    bool `json:"read,omitempty"`
	Assumed bool `json:"assumed,omitempty"`
	// Marks are those a row's past days give that day ("latest read
	// assumed", or fewer), as DocRef gives the document's own: "assumed"
	// only where not "latest" (DocRef.Assumed). The theme's data-earlier-marks.
	Marks string `json:"marks"`
}

// FileRef is a downloadable file of a public document.
type FileRef struct {
	Name      string `json:"name"`
	URL       string `json:"url"` // "/files/<id>/<name>"
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	MediaType string `json:"media_type"`
	// Source is the file in the catalog (below data/, slash-separated),
	// which the build copies to Path in the site ("files/<id>/<name>").
	Source string `json:"-"`
	Path   string `json:"-"`
}

// DocPage is the front matter "doc" of a document's page.
type DocPage struct {
	DocRef
	Basis     string `json:"basis,omitempty"`
	BasisText string `json:"basis_text,omitempty"`
	// BasisToCome: its basis names an adjournment to come
	// (publication.Decision.ToCome), which its page says so.
	BasisToCome bool         `json:"basis_to_come,omitempty"`
	NextChange  catalog.Date `json:"next_change,omitzero"`
	// NotYet says it did not exist yet as of the moment (publication.Cause
	// .NotYet): its page says nothing is expected before its next change,
	// not that its party submitted nothing.
	NotYet bool   `json:"not_yet,omitempty"`
	Rule   string `json:"rule,omitempty"`
	// RuleRef is the version of the kind's rule that decided the document.
	RuleRef *RuleRef `json:"rule_ref,omitempty"`
	Reason  string   `json:"reason"`
	// Cause is Reason as a code and its facts, which pages say in the
	// reader's language.
	Cause publication.Cause `json:"cause"`
	// The day it was submitted, for a public, scheduled or withdrawn
	// document, once that day has come (View.Page).
	Submitted catalog.Date `json:"submitted,omitzero"`
	// EarlierUnrecorded is set for a National Report public from the day
	// the rule set when its meeting counts more reports published before
	// it than the catalog records the day of (View.earlierUnrecorded): it
	// may have been public earlier.
	EarlierUnrecorded *EarlyCount `json:"earlier_unrecorded,omitempty"`
	// Earlier is, for a document public (or withdrawn) again since its
	// party lifted the objection at which it was withdrawn, the period it
	// was public before (Earlier): its history, feeds, calendar and the
	// open data give both periods. Nil otherwise.
	Earlier *EarlierPeriod `json:"earlier,omitempty"`
	// RoundUnknown is set for a document of a numbered kind at a meeting
	// that reviewed several rounds (catalog.Meeting.Numbers) which does not
	// say which round it is (catalog.Document.Report 0): its page says the
	// catalog does not record which of the party's reports it is.
	RoundUnknown bool `json:"round_unknown,omitempty"`
	// DayAssumed is set for a public, scheduled or withdrawn document whose
	// day is the one a rule the catalog assumes for its meeting sets (days
	// after adjournment; RuleRef.Assumed): the day follows from that rule,
	// not from a source that records it, and its page says so.
	DayAssumed bool `json:"day_assumed,omitempty"`
	// PublishedUndated is set for a public, scheduled or withdrawn document
	// whose party published it on a day the catalog does not know
	// (publication.Decision.Latest): its day is the rule's, or the day by
	// which a source shows it published (catalog.Document.PublishedBy), and
	// it may have been public earlier, or be already.
	PublishedUndated bool `json:"published_undated,omitempty"`
	// PartyPublished is set for a public, scheduled or withdrawn document
	// its party published (the day it did, or published undated): where
	// the catalog has no address of it, its page says that the party
	// published it, not that where is unknown.
	PartyPublished bool `json:"party_published,omitempty"`
	// The sources of its facts, its own and those its meeting's file gives
	// for all its documents: for a public document, and for one the
	// catalog records as never submitted (which has no title or address to
	// tell); a document in another state shows none, as its sources may
	// name what it does not show. A source that names a document that is
	// not public (its title, address or words) is left out, and counted in
	// SourcesHidden.
	Sources       []string `json:"sources,omitempty"`
	FileSources   []string `json:"file_sources,omitempty"`
	SourcesHidden int      `json:"sources_hidden,omitempty"`
	// SourcesWithheld is set for a document in another state, whose
	// sources none are shown: its page says why.
	SourcesWithheld bool `json:"sources_withheld,omitempty"`
	// Only for public documents:
	Summary     string   `json:"summary,omitempty"`
	Symbol      string   `json:"symbol,omitempty"`
	OfficialURL string   `json:"official_url,omitempty"`
	File        *FileRef `json:"file,omitempty"`
	HasText     bool     `json:"has_text,omitempty"` // the page body is the document's text
	// Text is the document's text, parsed: its numbered paragraphs, for
	// the search index.
	Text *catalog.Text `json:"-"`
	// ReadAt is where a reader can read it: never empty for a public
	// document, and never a file this site does not hold.
	ReadAt *ReadAt `json:"read_at,omitempty"`
	// Only for withdrawn documents: why, as the catalog says it, or that
	// the party objected (WithdrawnReason is then that in English words).
	WithdrawnReason    string `json:"withdrawn_reason,omitempty"`
	WithdrawnObjection bool   `json:"withdrawn_objection,omitempty"`
	// History is the document's dated changes up to the as-of day, oldest
	// first (View.History): what the feeds say of it.
	History []Change `json:"history,omitempty"`
	// AsOf is the day the status is given for, for "cite this document".
	AsOf catalog.Date `json:"as_of"`
	// Past is what the ledger may say of the document's state on an
	// earlier day (View.Past).
	Past Past `json:"past"`
}

// EarlyCount is how many of a meeting's National Reports were published
// before it (the meeting's count) and of how many the catalog records the
// day.
type EarlyCount struct {
	Published int `json:"published"`
	Recorded  int `json:"recorded"`
	// Date is the day the report was public by at the latest, which it
	// may have been public before: its own (DocRef.PublicFrom), or its
	// first period's (DocPage.Earlier).
	Date catalog.Date `json:"date"`
}

// NotPublic is the state Past gives for earlier days of a document that
// is not public today and never was: that it was not public, and nothing
// more. The theme shows it as "Not public".
const NotPublic publication.State = "not_public"

// Past is a document's state on any day up to the as-of day, as far as the
// public record tells it: Before until the first change, then each change
// from its day on. The ledger computes a past day's states from it in the
// browser (/documents/?on=YYYY-MM-DD).
type Past struct {
	Before  publication.State `json:"before"`
	Changes []PastChange      `json:"changes,omitempty"`
	// Fixed is the first day on which the day it became (or becomes)
	// public was known: its meeting's adjournment under the rule of days
	// after it; that day itself when the party published it, or it was
	// adopted, on a day no rule set in advance. On a day before Fixed a
	// scheduled document was due on a day not yet set.
	Fixed catalog.Date `json:"fixed,omitzero"`
	// Cycle is the day its meeting's review cycle began, where known: on
	// an earlier day no one could know of the document, and the ledger
	// leaves it out, as a country's page leaves out its meeting.
	Cycle catalog.Date `json:"cycle,omitzero"`
	// Existed is the first day the record shows the document surely in
	// existence: the day it was submitted, where recorded; else its
	// meeting's opening (a report is submitted before the meeting reviews
	// it), or for a kind made at the meeting, its adjournment. Zero when
	// not known, and for a document not public today. From it to the day
	// by which it was public at the latest, a page on a past day says it
	// may have been public already, though its state then was "not
	// public" (enhance.js, beforeLatest).
	Existed catalog.Date `json:"existed,omitzero"`
}

// PastChange is a state from a day on.
type PastChange struct {
	From  catalog.Date      `json:"from"`
	State publication.State `json:"state"`
}

// At is the state on day d.
func (p Past) At(d catalog.Date) publication.State {
	s := p.Before
	for _, c := range p.Changes {
		if !d.Before(c.From) {
			s = c.State
		}
	}
	return s
}

// RuleRef names the version of a rule that decided a document, with what
// the page says of what comes next, and its sources.
type RuleRef struct {
	Name             string   `json:"name"`
	URL              string   `json:"url"` // its row on the page that explains publication
	Public           string   `json:"public"`
	Days             int      `json:"days,omitempty"`
	EarlyPublication bool     `json:"early_publication,omitempty"`
	Objection        bool     `json:"objection,omitempty"`
	Sources          []string `json:"sources,omitempty"`
	// Assumed: no source states the rule for the document's meeting, and
	// the catalog applies it all the same (catalog.RuleVersion.Assumed).
	Assumed bool `json:"assumed,omitempty"`
	// Kind and Span say Name in parts, for its words in other languages:
	// the kind, and the meetings the version covers. From is the version's
	// first meeting, which with Kind finds the version among the rules
	// the pages show (its note in every language).
	Kind string `json:"kind"`
	Span Span   `json:"span"`
	From string `json:"from"`
}

// Span is the meetings a version of a rule covers, as its name says them:
// one meeting, a meeting "and every later meeting" (onward), or a range.
type Span struct {
	Form  string `json:"form,omitempty"` // one | onward | range; "" when not known
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// The first and last meetings' titles, in English.
	FirstTitle string `json:"first_title,omitempty"`
	LastTitle  string `json:"last_title,omitempty"`
}

// Ways to read a public document, best first.
const (
	ReadFile             = "file"              // this site offers its file
	ReadText             = "text"              // its text is on its page here
	ReadOfficialCopy     = "official_copy"     // the catalog has the official copy's address
	ReadMeetingDocuments = "meeting_documents" // the official page listing the meeting's documents
	ReadPartyReports     = "party_reports"     // the party's own page of its reports
	ReadMeetingSite      = "meeting_site"      // the site where its meeting's documents of its kind were all made public
	ReadUnknown          = "unknown"           // nowhere known: the page says how to ask
)

// ReadKinds lists every way to read a public document, best first: the
// open data's schemas take their values from it, and a test fails when a
// Read constant is declared and not listed.
var ReadKinds = []string{ReadFile, ReadText, ReadOfficialCopy, ReadMeetingDocuments, ReadPartyReports, ReadMeetingSite, ReadUnknown}

// ReadAt is where a reader can read a public document.
type ReadAt struct {
	Kind string `json:"kind"`
	URL  string `json:"url,omitempty"`
	// Of names whose page URL is: the meeting's title or the party's name.
	Of string `json:"of,omitempty"`
}

// Officer of a meeting.
type Officer struct {
	Role string `json:"role"`
	// RoleCode names the role apart from any language (officerRoles:
	// "president", "vice_president"), so that pages say it in theirs
	// (i18n officer_<code>); "" for a role without one, which pages show as
	// Role, the catalog's word.
	RoleCode string `json:"role_code,omitempty"`
	// RoleForm is "f" where the catalog names the officer as a woman (Ms,
	// Mrs): languages whose role words agree with the person (Présidente,
	// Presidenta) say the role in that form (i18n officer_<code>_f).
	RoleForm string `json:"role_form,omitempty"`
	Name     string `json:"name"`
	// Honorific is the title the catalog gives the person before the name
	// ("mr", "ms", "mrs", "dr"), and Person the name without it, so that
	// pages write the title in their language (i18n honorific_<code>);
	// both empty where the name has none.
	Honorific string `json:"honorific,omitempty"`
	Person    string `json:"person,omitempty"`
	Country   string `json:"country,omitempty"`
	// Party is the id of the Contracting Party the country names (by its
	// name or one of its other names), so that pages of other languages
	// name it in theirs; "" when it names none.
	Party string `json:"party,omitempty"`
}

// MeetingInfo is what the site says of a meeting.
type MeetingInfo struct {
	ID                         string         `json:"id"`
	Title                      string         `json:"title"`
	Type                       string         `json:"type"`
	Numbers                    []int          `json:"numbers"`
	Place                      string         `json:"place,omitempty"`
	Opening                    string         `json:"opening,omitempty"`
	Adjournment                string         `json:"adjournment,omitempty"`
	Held                       string         `json:"held,omitempty"`
	HeldDays                   []string       `json:"held_days"` // the days written for when it was held (HeldDays): none, the opening, or both
	Note                       string         `json:"note,omitempty"`
	OrganizationalMeeting      string         `json:"organizational_meeting,omitempty"`
	Officers                   []Officer      `json:"officers,omitempty"`
	ContractingParties         int            `json:"contracting_parties,omitempty"`
	ParticipatingParties       int            `json:"participating_parties,omitempty"`
	NPP                        map[string]int `json:"npp,omitempty"`      // operating, construction, none
	Findings                   map[string]int `json:"findings,omitempty"` // good_practices, areas_of_good_performance, challenges, suggestions
	NationalReportsPublicEarly int            `json:"national_reports_public_early,omitempty"`
	// NationalReportsEarlyRecorded is how many of the meeting's National
	// Reports are public, as of the view, from a day their party published
	// them before the meeting opened: of the parties a source counts in
	// NationalReportsPublicEarly, those the catalog knows.
	NationalReportsEarlyRecorded int `json:"national_reports_early_recorded,omitempty"`
	// ReportsPublicOn is the day national reports become public by the rule
	// of days after adjournment, when the adjournment is known.
	ReportsPublicOn string `json:"reports_public_on,omitempty"`
	// ReportsOnDayUndated is how many of them are public, as of the view,
	// from that day at the latest, their party having published them on a
	// day the catalog does not record (publication.Decision.Latest): the
	// timing chart counts them on the rule's day.
	ReportsOnDayUndated int `json:"reports_on_day_undated,omitempty"`
	// ReportsRule says how: its days and whether the party may object;
	// ReportsPast whether the day has come by the as-of moment.
	ReportsDays      int  `json:"reports_days,omitempty"`
	ReportsObjection bool `json:"reports_objection,omitempty"`
	ReportsPast      bool `json:"reports_past,omitempty"`
	// ReportsRuleNote and ReportsRuleSources are that rule version's note
	// and sources, as rules.yaml gives them (English), so that the open data
	// say what the day rests on: for a meeting no source states the rule
	// for, the note says the catalog applies it.
	ReportsRuleNote    string   `json:"reports_rule_note,omitempty"`
	ReportsRuleSources []string `json:"reports_rule_sources,omitempty"`
	// ReportsRuleAssumed: no source states that rule for the meeting; the
	// catalog applies it (catalog.RuleVersion.Assumed), so the day follows
	// from the rule.
	ReportsRuleAssumed bool `json:"reports_rule_assumed,omitempty"`
	// Sources are the meeting's, but for those that name a document not
	// public (View.Sources); SourcesHidden counts those, and those of the
	// count of parties (Membership.Counted) too.
	Sources       []string `json:"sources,omitempty"`
	SourcesHidden int      `json:"sources_hidden,omitempty"`
	URL           string   `json:"url"` // "/meetings/<id>/"
	// Membership is how complete the record of the meeting is: which
	// parties were bound at it and how many of them have a record.
	Membership MembershipInfo `json:"membership"`
	// Reading is where the meeting's public documents can be read, as of
	// the as-of moment (View.ReadCounts).
	Reading ReadCounts `json:"reading"`
	// DocumentsSite is the site on which a source says the meeting's
	// documents of one kind were all made public (catalog.DocumentsSite),
	// which Reading.Site counts.
	DocumentsSite string `json:"documents_site,omitempty"`
	// Titles in the site's other languages (View.MeetingTitles).
	Titles map[string]string `json:"titles,omitempty"`
	// Places: where it was held, in the site's other languages.
	Places map[string]string `json:"places,omitempty"`
}

// MembershipInfo says how complete the catalog's record of a meeting is
// (catalog.Completeness): of the Contracting Parties bound at it, how many
// have at least one document recorded, and which parties were not yet,
// no longer, or not known to be bound.
type MembershipInfo struct {
	// Total is how many Contracting Parties the meeting had; 0 when not
	// known. TotalFromCount: the meeting's own count gives it, rather
	// than the parties of the catalog.
	Total          int  `json:"total,omitempty"`
	TotalFromCount bool `json:"total_from_count,omitempty"`
	// Bound is how many parties of the catalog are known to have been
	// bound; WithRecord how many of them have a document recorded.
	Bound      int `json:"bound"`
	WithRecord int `json:"with_record"`
	// Missing is how many of the Total have no record; -1 when Total is
	// not known.
	Missing int `json:"missing"`
	// AtLeast is, when Total is not known, the least number of Contracting
	// Parties the meeting had: Bound, or a source's count of an earlier
	// day (Counted) less the parties recorded leaving since (CountedLeft).
	AtLeast int `json:"at_least,omitempty"`
	// NoRecordAtLeast is, when Total is not known, the least number of
	// them with no record (catalog.Completeness.NoRecordAtLeast).
	NoRecordAtLeast int          `json:"no_record_at_least,omitempty"`
	Counted         *CountedInfo `json:"counted,omitempty"`
	CountedLeft     int          `json:"counted_left,omitempty"`
	// NotOpened: the meeting had not opened on the day the site was
	// built (its ReferenceDay is later): a party bound with no document
	// recorded may still submit its reports, so NoRecord and Missing are
	// not yet gaps in the record ("nothing recorded yet").
	NotOpened bool `json:"not_opened,omitempty"`
	// Opens is the day the meeting's membership is taken on
	// (catalog.ReferenceDay: its opening, else its adjournment), before
	// which a bound party with no record has nothing recorded yet; empty
	// when neither day is recorded.
	Opens string `json:"opens,omitempty"`
	// Party ids, in the catalog's order.
	NoRecord []string `json:"no_record"`
	NotYet   []string `json:"not_yet"`
	Left     []string `json:"left"`
	Unknown  []string `json:"unknown"`
}

// CountedInfo is a source's count of the Contracting Parties on a day
// (catalog.PartyCount).
type CountedInfo struct {
	Day     string   `json:"day"` // YYYY-MM-DD
	Count   int      `json:"count"`
	Sources []string `json:"sources"`
}

// PartyInfo is what the site says of a Contracting Party.
type PartyInfo struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	OtherNames []string `json:"other_names,omitempty"`
	Type       string   `json:"type"` // state | organisation
	URL        string   `json:"url"`  // "/countries/<id>/"
	// Names in the site's other languages (View.PartyNames).
	Names map[string]string `json:"names,omitempty"`
	// When the Convention entered into force for it (YYYY-MM-DD): InForce
	// when known, read in a source or computed from Deposit
	// (InForceComputed); else InForceBy, a day by which it was in force at
	// the latest, having deposited by DepositedBy; NotBoundOn, a day on
	// which it was not yet bound; Left, the day it ceased to be a party.
	// Empty when not known.
	InForce         string `json:"in_force,omitempty"`
	InForceComputed bool   `json:"in_force_computed,omitempty"`
	Deposit         string `json:"deposit,omitempty"`
	InForceBy       string `json:"in_force_by,omitempty"`
	DepositedBy     string `json:"deposited_by,omitempty"`
	NotBoundOn      string `json:"not_bound_on,omitempty"`
	Left            string `json:"left,omitempty"`
	// When InForce is not known, what the meetings tell: BoundAt, the
	// earliest meeting at which the catalog shows it a Contracting Party
	// (its list of parties names it, or it has a document there), which
	// opened on BoundAtDay, when that is the earliest day the catalog
	// shows it bound; NotBoundAt, the latest meeting whose list of parties
	// leaves it out, which opened on NotBoundAtDay, when that is the
	// latest day the catalog shows it not yet bound. Each only for a
	// meeting whose opening day is known.
	BoundAt       string `json:"bound_at_meeting,omitempty"`
	BoundAtDay    string `json:"bound_at_day,omitempty"`
	NotBoundAt    string `json:"not_bound_at_meeting,omitempty"`
	NotBoundAtDay string `json:"not_bound_at_day,omitempty"`
}
