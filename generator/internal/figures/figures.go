// Package figures computes the numbers the site's charts draw (issue 22),
// once, language-neutral, from the disclosure view: the same view the pages
// and the open data are made from, so a chart cannot say more than the
// documents' own pages, nor disagree with documents.json.
//
// # Charts
//
//   - reports-by-state: per meeting, its National Reports by state (the
//     states of documents.json), stacked.
//   - publication-timing: per meeting whose National Reports become public
//     a number of days after it adjourned (the 90-day rule) and whose day is
//     known, when each of its National Reports became public: before that
//     day (published early by its party), on it, later, not yet
//     (scheduled), not public (withheld, restricted or withdrawn) or never
//     (not submitted).
//   - parties: per meeting, its Contracting Parties and the parties that
//     took part, from the meeting's own counts; a count the catalog does
//     not record is not known (-1), with the parties the dated membership
//     knows to have been bound as a lower bound.
//   - findings: per meeting whose findings are recorded, the Good
//     Practices, Areas of Good Performance, Challenges and Suggestions.
//
// Each chart is written as a CSV (package opendata, CSVPath) and handed to
// the theme in the front matter of the figures page and, one meeting's row
// at a time, of the meetings' pages, where the theme draws it as SVG.
package figures

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"sync/atomic"

	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// NationalReport is the kind of document the report charts count.
const NationalReport = disclosure.NationalReport

// Chart ids, which are also the CSV's and the SVG's file names.
const (
	ReportsByState    = "reports-by-state"
	PublicationTiming = "publication-timing"
	Parties           = "parties"
	Findings          = "findings"
)

// Series of the publication-timing chart.
const (
	Early        = "early"
	OnDay        = "on_day"
	Later        = "later"
	NotYet       = "not_yet"
	NotPublic    = "not_public"
	NotSubmitted = "not_submitted"
)

// Unknown is the value of a count the catalog does not record.
const Unknown = -1

// Chart is one chart's numbers.
type Chart struct {
	ID string `json:"id"`
	// Stacked: the series are parts of one whole (a bar per row, in
	// segments); otherwise a bar per series and row.
	Stacked bool     `json:"stacked"`
	Series  []Series `json:"series"`
	Rows    []Row    `json:"rows"`
	// Dated: each row has the day the rule makes its meeting's reports
	// public (Row.Day), a column of its own in the chart's table.
	Dated bool `json:"dated"`
	// CSV is the path of the chart's data from the site's root.
	CSV string `json:"csv"`
	// Recount is, for a chart whose series are the states of one kind of
	// document (reports-by-state: NationalReport), that kind: a page that
	// carries those documents' public past (the theme's data-past) can
	// count them again on a past day, as the meeting's page does for its
	// own row. Empty for a chart no page can work out for another day.
	Recount string `json:"recount,omitempty"`
	// PastSeries are the series of the chart drawn again on a past day, of
	// a chart that Recount names a kind for: one per state a past day can
	// show (disclosure.PastStates, in its order), "not public" among them.
	PastSeries []Series `json:"past_series,omitempty"`
}

// Series is one series of a chart: its id (a CSV column, and what the
// theme picks its colour and pattern by) and the key of its name among the
// theme's strings (themes/cns/i18n), so that the theme names every series
// without knowing any chart.
type Series struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// IDs are the series' ids, in order.
func IDs(series []Series) []string {
	out := make([]string, len(series))
	for i, s := range series {
		out[i] = s.ID
	}
	return out
}

// labelled is a series for each id, its label key the prefix and the id
// ("state_" and "public": "state_public").
func labelled(prefix string, ids ...string) []Series {
	out := make([]Series, len(ids))
	for i, id := range ids {
		out[i] = Series{id, prefix + id}
	}
	return out
}

// Row is one meeting's values, one per series (Unknown when not known).
type Row struct {
	Meeting string `json:"meeting"`
	Title   string `json:"title"` // in English; pages name the meeting in their language
	Values  []int  `json:"values"`
	// Total is the sum of the known values of a stacked chart.
	Total int `json:"total"`
	// Day is, in publication-timing, the day the rule makes the reports
	// public (YYYY-MM-DD), and Days how many days after adjournment.
	Day  string `json:"day,omitempty"`
	Days int    `json:"days,omitempty"`
	// AtLeast is, in parties, how many Contracting Parties the catalog
	// knows to have been bound when their number is not known.
	AtLeast int `json:"at_least,omitempty"`
}

// CSVPath is where a chart's data is published, from the site's root.
func CSVPath(id string) string { return "data/figures/" + id + ".csv" }

// All is every chart, in the order the figures page shows them: computed
// once per view (disclosure.View.Once), which a build makes once and every
// output that draws or writes the charts shares. The charts are shared:
// not to be changed (Row returns a copy).
func All(v *disclosure.View) []Chart {
	return v.Once(allKey{}, func() any { return compute(v) }).([]Chart)
}

type allKey struct{}

// computed counts the times the charts were computed.
var computed atomic.Int64

// Computations is how many times this process has computed the charts:
// the tests show by it that a build computes them once.
func Computations() int64 { return computed.Load() }

func compute(v *disclosure.View) []Chart {
	computed.Add(1)
	return []Chart{reportsByState(v), publicationTiming(v), parties(v), findings(v)}
}

func newChart(id string, stacked bool, series ...Series) Chart {
	return Chart{ID: id, Stacked: stacked, Series: series, Rows: []Row{}, CSV: CSVPath(id)}
}

func (c *Chart) add(r Row) {
	if c.Stacked {
		for _, n := range r.Values {
			r.Total += max(n, 0)
		}
	}
	c.Rows = append(c.Rows, r)
}

// Row returns the chart with the one row of a meeting, and whether it has one.
func (c Chart) Row(meeting string) (Chart, bool) {
	for _, r := range c.Rows {
		if r.Meeting == meeting {
			c.Rows = []Row{r}
			return c, true
		}
	}
	return c, false
}

// reports counts each meeting's National Reports by the state their
// references give (DocRef, which documents.json also shows).
func reports(v *disclosure.View) map[string][]disclosure.DocRef {
	out := map[string][]disclosure.DocRef{}
	for _, d := range v.Input().Catalog.Documents {
		if d.Kind == NationalReport {
			out[d.Meeting] = append(out[d.Meeting], v.Ref(d))
		}
	}
	return out
}

// stateLabel is the i18n key of a state's name: "not public", which only a
// past day shows, is named as the site names a state it cannot tell.
func stateLabel(s publication.State) string {
	if s == disclosure.NotPublic {
		return "state_unknown"
	}
	return "state_" + string(s)
}

func reportsByState(v *disclosure.View) Chart {
	var series []Series
	for _, s := range publication.States {
		series = append(series, Series{string(s), stateLabel(s)})
	}
	c := newChart(ReportsByState, true, series...)
	c.Recount = NationalReport
	for _, s := range disclosure.PastStates {
		c.PastSeries = append(c.PastSeries, Series{string(s), stateLabel(s)})
	}
	byMeeting := reports(v)
	for _, m := range v.Input().Catalog.Meetings {
		refs := byMeeting[m.ID]
		if len(refs) == 0 {
			continue
		}
		r := Row{Meeting: m.ID, Title: m.Title, Values: make([]int, len(series))}
		for _, ref := range refs {
			for i, s := range publication.States {
				if ref.State == s {
					r.Values[i]++
				}
			}
		}
		c.add(r)
	}
	return c
}

// Timing says when a National Report became public, against the day its
// meeting's rule makes reports public (YYYY-MM-DD): the first time, for one
// public again since its party lifted an objection (a journalist found a
// report public on the rule's day counted "later" once public again).
func Timing(ref disclosure.DocRef, day string) string {
	switch ref.State {
	case publication.Public:
		switch from := ref.FirstPublic.String(); {
		case from < day:
			return Early
		case from == day:
			return OnDay
		default:
			return Later
		}
	case publication.Scheduled:
		return NotYet
	case publication.NotSubmitted:
		return NotSubmitted
	}
	return NotPublic
}

func publicationTiming(v *disclosure.View) Chart {
	c := newChart(PublicationTiming, true, append(labelled("figure_timing_", Early, OnDay, Later, NotYet, NotPublic),
		Series{NotSubmitted, "state_" + NotSubmitted})...)
	c.Dated = true
	byMeeting := reports(v)
	for _, m := range v.Input().Catalog.Meetings {
		mi := v.Meeting(m)
		refs := byMeeting[m.ID]
		if mi.ReportsPublicOn == "" || len(refs) == 0 {
			continue
		}
		r := Row{Meeting: m.ID, Title: m.Title, Values: make([]int, len(c.Series)), Day: mi.ReportsPublicOn, Days: mi.ReportsDays}
		for _, ref := range refs {
			t := Timing(ref, mi.ReportsPublicOn)
			for i, s := range c.Series {
				if s.ID == t {
					r.Values[i]++
				}
			}
		}
		c.add(r)
	}
	return c
}

func parties(v *disclosure.View) Chart {
	c := newChart(Parties, false, Series{"contracting_parties", "meeting_parties"}, Series{"participating_parties", "figure_participating_parties"})
	known := func(n int) int {
		if n > 0 {
			return n
		}
		return Unknown
	}
	for _, m := range v.Input().Catalog.Meetings {
		mi := v.Meeting(m)
		r := Row{Meeting: m.ID, Title: m.Title, Values: []int{known(mi.Membership.Total), known(mi.ParticipatingParties)}}
		if r.Values[0] == Unknown {
			r.AtLeast = mi.Membership.AtLeast
		}
		c.add(r)
	}
	return c
}

func findings(v *disclosure.View) Chart {
	series := labelled("findings_", "good_practices", "areas_of_good_performance", "challenges", "suggestions")
	c := newChart(Findings, false, series...)
	for _, m := range v.Input().Catalog.Meetings {
		f := v.Meeting(m).Findings
		if f == nil {
			continue
		}
		r := Row{Meeting: m.ID, Title: m.Title}
		for _, s := range series {
			r.Values = append(r.Values, f[s.ID])
		}
		c.add(r)
	}
	return c
}

// Columns are the CSV's columns: meeting, meeting_title, one per series,
// then what the chart adds (total; public_on and days; at_least).
func (c Chart) Columns() []string {
	cols := append([]string{"meeting", "meeting_title"}, IDs(c.Series)...)
	switch c.ID {
	case PublicationTiming:
		cols = append(cols, "total", "public_on", "days")
	case Parties:
		cols = append(cols, "contracting_parties_at_least")
	default:
		if c.Stacked {
			cols = append(cols, "total")
		}
	}
	return cols
}

// CSVBytes is the chart's data as CSV: a header of Columns, a row per
// meeting; a value not known is empty.
func (c Chart) CSVBytes() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(c.Columns())
	num := func(n int) string {
		if n == Unknown {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, r := range c.Rows {
		rec := []string{r.Meeting, r.Title}
		for _, n := range r.Values {
			rec = append(rec, num(n))
		}
		switch c.ID {
		case PublicationTiming:
			rec = append(rec, num(r.Total), r.Day, num(r.Days))
		case Parties:
			at := ""
			if r.Values[0] == Unknown {
				at = num(r.AtLeast)
			}
			rec = append(rec, at)
		default:
			if c.Stacked {
				rec = append(rec, num(r.Total))
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
