package sitecontent

// The front matter of generated pages. These types are the whole contract
// between the generator and the theme: a template can show only what is here,
// and what is here for a document that is not public is only what the
// publication rules allow (see View.Ref and View.Page). JSON keys are what the
// templates read, as .Params.<key>.

// DocRef is a document as lists and grids show it, in any state.
type DocRef struct {
	ID           string `json:"id"`
	Kind         string `json:"kind"`
	KindLabel    string `json:"kind_label"`
	Party        string `json:"party,omitempty"`
	PartyName    string `json:"party_name,omitempty"`
	Meeting      string `json:"meeting"`
	MeetingTitle string `json:"meeting_title"`
	// Title is the document's own title only when it is public or withdrawn;
	// otherwise a title made of kind, party and meeting.
	Title       string `json:"title"`
	State       string `json:"state"`
	PublicFrom  string `json:"public_from,omitempty"`  // YYYY-MM-DD: public, scheduled, withdrawn
	WithdrawnOn string `json:"withdrawn_on,omitempty"` // YYYY-MM-DD: withdrawn
	URL         string `json:"url"`                    // the document's page, "/documents/<id>/"
}

// FileRef is a downloadable file of a public document.
type FileRef struct {
	Name      string `json:"name"`
	URL       string `json:"url"` // "/files/<id>/<name>"
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	MediaType string `json:"media_type"`
}

// DocPage is the front matter "doc" of a document's page.
type DocPage struct {
	DocRef
	Basis      string `json:"basis,omitempty"`
	BasisText  string `json:"basis_text,omitempty"`
	NextChange string `json:"next_change,omitempty"`
	Rule       string `json:"rule,omitempty"`
	// RuleRef is the version of the kind's rule that decided the document.
	RuleRef *RuleRef `json:"rule_ref,omitempty"`
	Reason  string   `json:"reason"`
	// Only for public documents:
	Summary     string   `json:"summary,omitempty"`
	Symbol      string   `json:"symbol,omitempty"`
	OfficialURL string   `json:"official_url,omitempty"`
	File        *FileRef `json:"file,omitempty"`
	Submitted   string   `json:"submitted,omitempty"`
	HasText     bool     `json:"has_text,omitempty"` // the page body is the document's text
	// ReadAt is where a reader can read it: never empty for a public
	// document, and never a file this site does not hold.
	ReadAt *ReadAt `json:"read_at,omitempty"`
	// Only for withdrawn documents:
	WithdrawnReason string `json:"withdrawn_reason,omitempty"`
	// History is the document's dated changes up to the as-of day, oldest
	// first (View.History): what the feeds say of it.
	History []Change `json:"history,omitempty"`
	// AsOf is the day the status is given for, for "cite this document".
	AsOf string `json:"as_of"`
}

// RuleRef names the version of a rule that decided a document, with what
// the page says of what comes next, and its sources.
type RuleRef struct {
	Name             string   `json:"name"`
	URL              string   `json:"url"` // its row on the page that explains publication
	Public           string   `json:"public"`
	EarlyPublication bool     `json:"early_publication,omitempty"`
	Objection        bool     `json:"objection,omitempty"`
	Sources          []string `json:"sources,omitempty"`
}

// Ways to read a public document, best first.
const (
	ReadFile             = "file"              // this site offers its file
	ReadText             = "text"              // its text is on its page here
	ReadOfficialCopy     = "official_copy"     // the catalog has the official copy's address
	ReadMeetingDocuments = "meeting_documents" // the official page listing the meeting's documents
	ReadPartyReports     = "party_reports"     // the party's own page of its reports
	ReadUnknown          = "unknown"           // nowhere known: the page says how to ask
)

// ReadAt is where a reader can read a public document.
type ReadAt struct {
	Kind string `json:"kind"`
	URL  string `json:"url,omitempty"`
	// Of names whose page URL is: the meeting's title or the party's name.
	Of string `json:"of,omitempty"`
}

// Officer of a meeting.
type Officer struct {
	Role    string `json:"role"`
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
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
	Note                       string         `json:"note,omitempty"`
	OrganizationalMeeting      string         `json:"organizational_meeting,omitempty"`
	Officers                   []Officer      `json:"officers,omitempty"`
	ContractingParties         int            `json:"contracting_parties,omitempty"`
	NPP                        map[string]int `json:"npp,omitempty"`      // operating, construction, none
	Findings                   map[string]int `json:"findings,omitempty"` // good_practices, areas_of_good_performance, challenges, suggestions
	NationalReportsPublicEarly int            `json:"national_reports_public_early,omitempty"`
	// ReportsPublicOn is the day national reports become public by the rule
	// of days after adjournment, when the adjournment is known.
	ReportsPublicOn string `json:"reports_public_on,omitempty"`
	// ReportsRule says how: its days and whether the party may object;
	// ReportsPast whether the day has come by the as-of moment.
	ReportsDays      int      `json:"reports_days,omitempty"`
	ReportsObjection bool     `json:"reports_objection,omitempty"`
	ReportsPast      bool     `json:"reports_past,omitempty"`
	Sources          []string `json:"sources,omitempty"`
	URL              string   `json:"url"` // "/meetings/<id>/"
}

// Column of a meeting's grid: one document kind.
type Column struct {
	Kind  string `json:"kind"`
	Label string `json:"label"`
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
	// Cells follow the meeting's columns: the id of the document, whose
	// page's "doc" the theme shows (partial docref.html), or "" for no
	// record. Ids, not the documents, keep each document's facts in one
	// page's front matter instead of three.
	Cells []string `json:"cells"`
}

// MeetingPage is the front matter of a meeting's page.
type MeetingPage struct {
	Meeting MeetingInfo    `json:"meeting"`
	Columns []Column       `json:"columns"`
	Rows    []Row          `json:"rows"`
	Other   []DocRef       `json:"other"` // documents of no party (the summary report)
	Counts  map[string]int `json:"counts"`
}

// CountryMeeting is one meeting on a country's page.
type CountryMeeting struct {
	Meeting         string   `json:"meeting"`
	MeetingTitle    string   `json:"meeting_title"`
	MeetingURL      string   `json:"meeting_url"`
	Held            string   `json:"held"`
	Attended        string   `json:"attended"`
	CountryGroup    string   `json:"country_group"`
	PostedQuestions string   `json:"posted_questions"`
	Documents       []string `json:"documents"` // ids, as Row.Cells
}

// PartyInfo is what the site says of a Contracting Party.
type PartyInfo struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	OtherNames []string `json:"other_names,omitempty"`
	Type       string   `json:"type"` // state | organisation
	URL        string   `json:"url"`  // "/countries/<id>/"
}

// CountryPage is the front matter of a country's page.
type CountryPage struct {
	Party    PartyInfo        `json:"party"`
	Meetings []CountryMeeting `json:"meetings"`
	Counts   map[string]int   `json:"counts"`
}

// RuleInfo explains one kind's rules, for the "how publication works" page.
type RuleInfo struct {
	Kind        string        `json:"kind"`
	Label       string        `json:"label"`
	Description string        `json:"description,omitempty"`
	PerParty    bool          `json:"per_party"`
	Versions    []RuleVersion `json:"versions"`
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
	Sources          []string `json:"sources,omitempty"`
}

// Upcoming is one day on which documents become public.
type Upcoming struct {
	Date      string   `json:"date"`
	Count     int      `json:"count"`
	Documents []DocRef `json:"documents"` // at most a few; Count says how many
}

// HomePage is the front matter of the home page. Other pages read the site's
// facts from it (site.Home.Params).
type HomePage struct {
	AsOf          string         `json:"as_of"` // YYYY-MM-DD in the rules' time zone
	AsOfTime      string         `json:"as_of_time"`
	Timezone      string         `json:"timezone"`
	LatestMeeting *MeetingInfo   `json:"latest_meeting,omitempty"`
	Counts        map[string]int `json:"counts"`
	Recent        []DocRef       `json:"recent"`
	Upcoming      []Upcoming     `json:"upcoming"`
	Rules         []RuleInfo     `json:"rules"`
	States        []string       `json:"states"`
}
