package sitecontent

import (
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/figures"
	"github.com/cns-transparency/cns-site/generator/internal/opendata"
	"github.com/cns-transparency/cns-site/generator/internal/worldmap"
)

// The front matter of the generated pages of meetings, countries and the
// home page. With the types of package disclosure (DocRef, DocPage,
// MeetingInfo, PartyInfo) they are the whole contract between the generator
// and the theme: a template can show only what is here. JSON keys are what
// the templates read, as .Params.<key>.

// Column of a meeting's grid: one document kind, or, at a joint meeting,
// one round of a numbered kind (Report; 0 for the documents that do not
// say which, Unnamed when others of the kind do).
type Column struct {
	Kind    string `json:"kind"`
	Label   string `json:"label"`
	Report  int    `json:"report,omitempty"`
	Unnamed bool   `json:"unnamed,omitempty"`
}

// Row of a meeting's grid: one Contracting Party.
type Row struct {
	Party     string `json:"party"`
	PartyName string `json:"party_name"`
	PartyURL  string `json:"party_url"`
	// Attendance facts, "yes", "no" or "" when the catalog does not say.
	Attended        string `json:"attended"`
	CountryGroup    string `json:"country_group"`
	PostedQuestions string `json:"posted_questions"`
	// Standing is whether the party was bound at the meeting
	// (catalog.Standing: bound, not_yet, left, unknown): an empty cell of
	// a party bound says "no record", of the others what the standing is.
	Standing string `json:"standing"`
	// Cells follow the meeting's columns: the id of the document, whose
	// page's "doc" the theme shows (partial docref.html), or "" for no
	// record. Ids, not the documents, keep each document's facts in one
	// page's front matter instead of three.
	Cells []string `json:"cells"`
}

// MeetingPage is the front matter of a meeting's page.
type MeetingPage struct {
	Meeting disclosure.MeetingInfo `json:"meeting"`
	// AttendanceRecorded is whether the catalog records who attended (the
	// meeting's list of parties): the grid's columns of attendance, country
	// group sessions and questions are shown only then.
	AttendanceRecorded bool                `json:"attendance_recorded,omitempty"`
	Columns            []Column            `json:"columns"`
	Rows               []Row               `json:"rows"`
	Other              []disclosure.DocRef `json:"other"` // documents of no party (the summary report)
	Counts             map[string]int      `json:"counts"`
	// Map is every party of the catalog as the meeting's world map shows
	// it, in the rows' order; the geometry is the home page's WorldMap.
	Map []MapEntry `json:"map"`
	// Figures are the charts that have a row for the meeting, each with
	// that row alone (figures.Chart.Row).
	Figures []figures.Chart `json:"figures"`
	// CycleStart is the day the meeting's review cycle began, when the
	// meeting before it adjourned (catalog.Meeting.CycleStart), where
	// known: on an earlier day its documents did not exist yet, and the
	// page shows no map or chart.
	CycleStart string `json:"cycle_start,omitempty"`
}

// FiguresPage is the front matter of the figures page (/figures/): every
// chart, with the numbers its CSV holds.
type FiguresPage struct {
	Charts []figures.Chart `json:"charts"`
}

// MapEntry is one party on a meeting's world map: the state of its
// National Report at the meeting, or, without one, what its standing says.
type MapEntry struct {
	Party     string `json:"party"`
	PartyName string `json:"party_name"`
	PartyURL  string `json:"party_url"`
	// ISO is the party's ISO 3166-1 alpha-2 code, "" for an organisation
	// (Euratom), which the map shows in a box beside the world.
	ISO string `json:"iso"`
	// State is a document state (publication.States) of the report Doc,
	// or, when the party has no National Report at the meeting,
	// "no_record" for a party bound then and otherwise its standing
	// (not_yet, left, unknown), the words the grid uses.
	State string `json:"state"`
	Doc   string `json:"doc,omitempty"`
	// Reports is how many National Reports the party has at the meeting;
	// with more than one (the joint 8th and 9th meeting) Doc is the one
	// of the latest round, as the map's legend says.
	Reports int `json:"reports,omitempty"`
}

// NationalReport is the kind whose state the meeting maps show.
const NationalReport = disclosure.NationalReport

// NoRecord is the state of a map entry for a party bound at the meeting
// that has no document of it in the catalog.
const NoRecord = "no_record"

// NoRecordYet is the state of a map entry for a party bound at a meeting
// not yet opened (disclosure.MembershipInfo.NotOpened, or on a past day
// before its opening) that has no document of it in the catalog: its
// reports may still come.
const NoRecordYet = "no_record_yet"

// CountryMeeting is one meeting on a country's page.
type CountryMeeting struct {
	Meeting      string `json:"meeting"`
	MeetingTitle string `json:"meeting_title"`
	MeetingURL   string `json:"meeting_url"`
	Held         string `json:"held"` // in English (disclosure.HeldText)
	// HeldDays are the days its pages write for when it was held, as the
	// meeting's own page does (disclosure.HeldDays, meetingdates.html).
	HeldDays        []string `json:"held_days"`
	Attended        string   `json:"attended"`
	CountryGroup    string   `json:"country_group"`
	PostedQuestions string   `json:"posted_questions"`
	// AttendanceRecorded is whether the catalog records who attended the
	// meeting at all (its list of parties); where it does not, the page
	// leaves out the three facts rather than say "not recorded" of each.
	AttendanceRecorded bool     `json:"attendance_recorded,omitempty"`
	Standing           string   `json:"standing"`  // as Row.Standing
	Documents          []string `json:"documents"` // ids, as Row.Cells
	// CycleStart is the day the meeting's review cycle began (the day the
	// meeting before it adjourned), where known: on an earlier day the
	// page shows the country's record without it.
	CycleStart string `json:"cycle_start,omitempty"`
	// Adjournment is the day the meeting adjourned, where known: who
	// attended and who posted questions were recorded then, and the page
	// does not show them on an earlier day.
	Adjournment string `json:"adjournment,omitempty"`
	// NotOpened and Opens are the meeting's (disclosure.MembershipInfo):
	// before it opens a party bound with no document has nothing recorded
	// yet, on the build day or a past day.
	NotOpened bool   `json:"not_opened,omitempty"`
	Opens     string `json:"opens,omitempty"`
}

// CountryPage is the front matter of a country's page.
type CountryPage struct {
	Party    disclosure.PartyInfo `json:"party"`
	Meetings []CountryMeeting     `json:"meetings"`
	Counts   map[string]int       `json:"counts"`
	// Note and Sources are the catalog's, in English: what it notes of
	// the party (how sure its days are) and the sources of its days and
	// names, which the page cites, but for those that name a document that
	// is not public (SourcesHidden, how many).
	Note          string   `json:"note,omitempty"`
	Sources       []string `json:"sources,omitempty"`
	SourcesHidden int      `json:"sources_hidden,omitempty"`
}

// RuleInfo explains one kind's rules, for the "how publication works" page.
type RuleInfo struct {
	Kind        string `json:"kind"`
	Label       string `json:"label"`
	Description string `json:"description,omitempty"`
	// Labels and Descriptions in the site's other languages, where the
	// catalog's translations give them.
	Labels       map[string]string `json:"labels,omitempty"`
	Descriptions map[string]string `json:"descriptions,omitempty"`
	PerParty     bool              `json:"per_party"`
	Versions     []RuleVersion     `json:"versions"`
}

// RuleVersion is one version of a kind's rule and the meetings it covers.
type RuleVersion struct {
	Name             string   `json:"name"` // "National Report rule for the 7th Review Meeting and every later meeting"
	Span             string   `json:"span"`
	From             string   `json:"from"`
	Until            string   `json:"until,omitempty"`
	Meetings         []string `json:"meetings"`
	Public           string   `json:"public"` // after_adjournment | party_publication | adoption | consent
	Days             int      `json:"days,omitempty"`
	EarlyPublication bool     `json:"early_publication"`
	Objection        bool     `json:"objection"`
	Text             string   `json:"text"` // the rule in one sentence
	Note             string   `json:"note,omitempty"`
	// Notes in the site's other languages; SpanParts says Span in parts,
	// for its words in each language.
	Notes     map[string]string `json:"notes,omitempty"`
	SpanParts disclosure.Span   `json:"span_parts"`
	// Sources are the version's, but for those that name a document not
	// public; SourcesHidden counts those.
	Sources       []string `json:"sources,omitempty"`
	SourcesHidden int      `json:"sources_hidden,omitempty"`
}

// Upcoming is one day on which documents become public.
type Upcoming struct {
	Date      string              `json:"date"`
	Count     int                 `json:"count"`
	Documents []disclosure.DocRef `json:"documents"` // at most a few; Count says how many
}

// MeetingCompleteness is one meeting's line of the completeness table.
type MeetingCompleteness struct {
	ID         string                    `json:"id"`
	Title      string                    `json:"title"`
	URL        string                    `json:"url"`
	Membership disclosure.MembershipInfo `json:"membership"`
	// Reading is where its public documents can be read (its
	// MeetingInfo's).
	Reading disclosure.ReadCounts `json:"reading"`
}

// HomePage is the front matter of the home page. Other pages read the site's
// facts from it (site.Home.Params).
type HomePage struct {
	AsOf          string                  `json:"as_of"` // YYYY-MM-DD in the rules' time zone
	AsOfTime      string                  `json:"as_of_time"`
	Timezone      string                  `json:"timezone"`
	LatestMeeting *disclosure.MeetingInfo `json:"latest_meeting,omitempty"`
	Counts        map[string]int          `json:"counts"`
	Recent        []disclosure.DocRef     `json:"recent"`
	// RecentMore is how many more documents became public on the day of
	// the last of Recent, which the list cut (its day: the last's).
	RecentMore int `json:"recent_more,omitempty"`
	// RecentMoreMeeting is the meeting of all of those, where they share
	// one: the home page leads to it, else to the ledger.
	RecentMoreMeeting string     `json:"recent_more_meeting,omitempty"`
	Upcoming          []Upcoming `json:"upcoming"`
	Rules             []RuleInfo `json:"rules"`
	States            []string   `json:"states"`
	// PastStates are the states a page on a past day may show a document
	// in: States, then disclosure.NotPublic (the badges and phrases
	// enhance.js takes from a page, pastday.html and worldmap.html).
	PastStates []string `json:"past_states"`
	// PastShown are the states a document can be in on a day before the
	// as-of day (disclosure.PastStates): a list of every state's count on
	// such a day lists these, at 0 too, and no other at 0.
	PastShown []string `json:"past_shown"`
	// MapKeys are the entries of a meeting map's legend on a past day:
	// PastStates, then NoRecord, NoRecordYet and each standing of a party that is not
	// bound (catalog.Standings).
	MapKeys []string `json:"map_keys"`
	// TitledStates are the states in which a document's own title is
	// shown (disclosure.FieldShown "details"): a page on a past day shows
	// a document in any other state by the title made of its kind, party
	// and meeting, as its page did then.
	TitledStates []string `json:"titled_states"`
	// MadeAtMeeting are the kinds made at the meeting itself
	// (catalog.Kind.AtMeeting): on a day before the meeting opened, a page
	// on a past day says such a document had yet to be made there, not
	// that it was not yet submitted.
	MadeAtMeeting []string `json:"made_at_meeting"`
	// LedgerPageSize is the ledger's rows a page, for links to a row.
	LedgerPageSize int `json:"ledger_page_size,omitempty"`
	// Completeness is how complete the record of each meeting is, in the
	// meetings' order, for the home page and the page about the site.
	Completeness []MeetingCompleteness `json:"completeness"`
	// PartyNames are the parties' names in the site's other languages,
	// by party id and language (disclosure.View.PartyNames), for every
	// page that names a party; nil for an English-only site.
	PartyNames map[string]map[string]string `json:"party_names,omitempty"`
	// PartyOrder is, for each of the site's other languages, each party's
	// place in the order of its names there (disclosure.View.PartyOrder),
	// by which the templates list parties; nil for an English-only site.
	PartyOrder map[string]map[string]int `json:"party_order,omitempty"`
	// MeetingTitles and KindLabels are the meetings' titles and the kinds'
	// labels in the site's other languages, by id and language, where the
	// catalog's translations give them (data/translations/<lang>.yaml).
	MeetingTitles map[string]map[string]string `json:"meeting_titles,omitempty"`
	KindLabels    map[string]map[string]string `json:"kind_labels,omitempty"`
	// WorldMap is the projected world the meeting maps draw, with a
	// shape for every party that has an ISO code; nil when none has.
	WorldMap *worldmap.Map `json:"world_map,omitempty"`
	// Dataset is what the open data page's schema.org Dataset markup says
	// of the open data (the dataset partial).
	OpenData Dataset `json:"open_data"`
}

// Dataset describes the open data for the schema.org Dataset markup: the
// licence's address, the time covered (an ISO 8601 interval, "" when not
// known) and the files.
type Dataset struct {
	License  string                 `json:"license"`
	Coverage string                 `json:"coverage,omitempty"`
	Files    []opendata.DatasetFile `json:"files"`
}
