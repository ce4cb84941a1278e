package figures

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

func day(s string) catalog.Date {
	d, err := catalog.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// A National Report is counted by when it became public against its
// meeting's day: before it, on it, after it, or by why it is not public.
func TestTimingSortsReportsByTheRulesDay(t *testing.T) {
	const on = "2017-07-06"
	for _, c := range []struct {
		state publication.State
		from  string
		want  string
	}{
		{publication.Public, "2017-03-01", Early},
		{publication.Public, on, OnDay},
		{publication.Public, "2017-09-01", Later},
		{publication.Scheduled, on, NotYet},
		{publication.Withheld, "", NotPublic},
		{publication.Restricted, "", NotPublic},
		{publication.Withdrawn, "2017-03-01", NotPublic},
		{publication.NotSubmitted, "", NotSubmitted},
	} {
		ref := disclosure.DocRef{State: c.state}
		if c.from != "" {
			// As the view gives it: a public or withdrawn one's first
			// public day is its day (DocRef.FirstPublic).
			ref.PublicFrom = day(c.from)
			if c.state == publication.Public || c.state == publication.Withdrawn {
				ref.FirstPublic = ref.PublicFrom
			}
		}
		if got := Timing(ref, on); got != c.want {
			t.Errorf("%s from %q: %s, want %s", c.state, c.from, got, c.want)
		}
	}
}

// The CSV names its columns once, writes a count that is not known as an
// empty cell (never 0 or -1), and the lower bound only where the count is
// not known.
func TestCSVLeavesWhatIsNotKnownEmpty(t *testing.T) {
	c := newChart(Parties, false, Series{"contracting_parties", "meeting_parties"}, Series{"participating_parties", "figure_participating_parties"})
	c.add(Row{Meeting: "rm01", Title: "1st Review Meeting", Values: []int{Unknown, 45}, AtLeast: 37})
	c.add(Row{Meeting: "rm07", Title: "7th Review Meeting", Values: []int{80, 77}, AtLeast: 80})
	b, err := c.CSVBytes()
	if err != nil {
		t.Fatal(err)
	}
	want := "meeting,meeting_title,contracting_parties,participating_parties,contracting_parties_at_least\n" +
		"rm01,1st Review Meeting,,45,37\n" +
		"rm07,7th Review Meeting,80,77,\n"
	if string(b) != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", b, want)
	}
	s := newChart(ReportsByState, true, labelled("state_", "public", "withheld")...)
	s.add(Row{Meeting: "rm07", Title: "7th", Values: []int{79, 1}})
	if b, _ := s.CSVBytes(); !strings.HasSuffix(string(b), "rm07,7th,79,1,80\n") {
		t.Errorf("a stacked chart's row ends with its total: %q", b)
	}
	if one, ok := s.Row("rm07"); !ok || len(one.Rows) != 1 {
		t.Errorf("Row(rm07) = %v, %v", one, ok)
	}
	if _, ok := s.Row("rm08"); ok {
		t.Error("Row(rm08) found a row the chart does not have")
	}
}

// The charts are computed once per view, however many outputs ask for
// them, and again for another view.
func TestAllIsComputedOncePerView(t *testing.T) {
	in := disclosure.Input{Catalog: &catalog.Catalog{}}
	v := disclosure.NewView(in)
	before := Computations()
	a, b := All(v), All(v)
	if n := Computations() - before; n != 1 {
		t.Errorf("two calls on one view computed the charts %d times, want once", n)
	}
	if &a[0] != &b[0] {
		t.Error("the second call on one view did not return the charts of the first")
	}
	All(disclosure.NewView(in))
	if n := Computations() - before; n != 2 {
		t.Errorf("a second view: %d computations in all, want 2", n)
	}
}

// Every series names its label by a key the theme's strings have, so that
// the theme needs to know no chart to name it.
func TestEverySeriesHasALabelTheThemeHas(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "themes", "cns", "i18n", "en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range All(disclosure.NewView(disclosure.Input{Catalog: &catalog.Catalog{}})) {
		if len(c.Series) == 0 {
			t.Errorf("%s has no series", c.ID)
		}
		for _, s := range c.Series {
			if s.ID == "" || s.Label == "" || !bytes.Contains(b, []byte("\n["+s.Label+"]\n")) {
				t.Errorf("%s: series %+v has no label among the theme's strings", c.ID, s)
			}
		}
	}
}
