package disclosure_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// A document's page gives the sources of its facts: a public document's,
// and a never submitted one's, its own and its file's; never those of a
// document in another state, and never a source that names what a page
// may not show (the title or address of a document that is not public),
// which is counted instead.
func TestDocumentSourcesShowNothingThatIsNotPublic(t *testing.T) {
	m, err := corpus.Write(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: 7, Documents: 200})
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(os.DirFS(m.Dir), "data")
	if err != nil {
		t.Fatal(err)
	}
	at := m.To
	decisions := publication.DecideAll(c, at)
	var public, hidden, never *catalog.Document
	for _, d := range c.Documents {
		switch s := decisions[d.ID].State; {
		case s == publication.Public && public == nil && d.Title != "":
			public = d
		case (s == publication.Withheld || s == publication.Restricted) && hidden == nil && d.Title != "" && d.URL != "":
			hidden = d
		case d.NotSubmitted && never == nil:
			never = d
		}
	}
	if public == nil || hidden == nil || never == nil {
		t.Fatalf("the corpus lacks a public (%v), a hidden (%v) or a never submitted document (%v)", public != nil, hidden != nil, never != nil)
	}
	naming := []string{
		"A page of the party's regulator (a source that names nothing else)",
		"A report titled " + hidden.Title + ", seen on a copy",
		"The regulator's list of reports, with " + hidden.URL,
	}
	for _, d := range []*catalog.Document{public, hidden, never} {
		d.Sources = slices.Clone(naming)
		d.FileSources = []string{"The meeting's list of documents", "A second list naming " + hidden.Title}
	}
	w := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, SiteTitle: "T"})
	for _, d := range []*catalog.Document{public, never} {
		p, _ := w.Page(d)
		if !slices.Equal(p.Sources, naming[:1]) || !slices.Equal(p.FileSources, []string{"The meeting's list of documents"}) || p.SourcesHidden != 3 {
			t.Errorf("%s (%s): sources %q, file's %q, %d hidden; want the first of each shown and 3 hidden", d.ID, p.State, p.Sources, p.FileSources, p.SourcesHidden)
		}
	}
	if p, _ := w.Page(hidden); p.Sources != nil || p.FileSources != nil || p.SourcesHidden != 0 {
		t.Errorf("%s (%s) shows sources %q, %q (%d hidden)", hidden.ID, p.State, p.Sources, p.FileSources, p.SourcesHidden)
	}
}

// A National Report public from the rule's day, at a meeting that counts
// more reports published before it opened than the catalog records the day
// of, may have been public earlier: its page says so, with both counts. A
// report whose early day is recorded, or another kind, says nothing.
func TestRuleDayMayHideAnEarlierPublication(t *testing.T) {
	c, err := catalog.Load(os.DirFS("../../testdata/catalog"), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	rm07, _ := c.Meeting("rm07")
	rm07.NationalReportsPublicEarly = 3
	france, _ := c.Document("rm07-nr-france")
	france.Published = rm07.Opening.AddDays(-30)
	at := rm07.Adjournment.AddDays(200).Start(c.Rules.Location)
	decisions := publication.DecideAll(c, at)
	w := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, SiteTitle: "T"})
	for id, want := range map[string]*disclosure.EarlyCount{
		"rm07-nr-albania":     {Published: 3, Recorded: 1, Date: rm07.Adjournment.AddDays(90)},
		"rm07-nr-france":      nil, // its early day is recorded
		"rm07-nr-libya":       nil, // never submitted
		"rm07-summary-report": nil,
	} {
		d, ok := c.Document(id)
		if !ok {
			t.Fatalf("the fixture has no %s", id)
		}
		p, _ := w.Page(d)
		if (p.EarlierUnrecorded == nil) != (want == nil) || (want != nil && *p.EarlierUnrecorded != *want) {
			t.Errorf("%s (%s, %s): earlier unrecorded %+v, want %+v", id, p.State, p.Basis, p.EarlierUnrecorded, want)
		}
		// Its history says it was public by the rule's day at the latest.
		for _, ch := range p.History {
			if ch.Kind == disclosure.ChangePublic && ch.Latest != (want != nil) {
				t.Errorf("%s: its public change is the latest it can be %v, want %v", id, ch.Latest, want != nil)
			}
		}
	}
	// A report whose party published it on a day no source gives says so
	// instead; one whose early day is recorded does not.
	albania, _ := c.Document("rm07-nr-albania")
	albania.PublishedUndated, france.PublishedUndated = true, true
	w = disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at, SiteTitle: "T"})
	if p, _ := w.Page(albania); !p.PublishedUndated || !p.PartyPublished || len(p.History) == 0 || !p.History[len(p.History)-1].Latest {
		t.Errorf("%s: published undated %v, party published %v, history %+v; want both, and public by the rule's day at the latest", albania.ID, p.PublishedUndated, p.PartyPublished, p.History)
	}
	if p, _ := w.Page(france); p.PublishedUndated {
		t.Errorf("%s, published early on a known day, says published undated", france.ID)
	}
	albania.PublishedUndated, france.PublishedUndated = false, false
	// Its party published it: the early one, not one public from the
	// rule's day with nothing said of its party.
	w = disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, SiteTitle: "T"})
	if p, _ := w.Page(france); !p.PartyPublished {
		t.Errorf("%s, published early by its party, is not said to be", france.ID)
	}
	if p, _ := w.Page(albania); p.PartyPublished {
		t.Errorf("%s, public from the rule's day, is said to be published by its party", albania.ID)
	}
	// Once the catalog records as many as the meeting counts, nothing.
	rm07.NationalReportsPublicEarly = 1
	w = disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, SiteTitle: "T"})
	if p, _ := w.Page(albania); p.EarlierUnrecorded != nil {
		t.Errorf("with every early report recorded: %+v", p.EarlierUnrecorded)
	}
}

// An officer the catalog names as a woman (Ms, Mrs) has the feminine form of
// a role the site names, for the languages whose role words agree with the
// person; any other officer, and a role without a code, has none.
func TestOfficerRoleForm(t *testing.T) {
	c, err := catalog.Load(os.DirFS("../../testdata/catalog"), "catalog")
	if err != nil {
		t.Fatal(err)
	}
	rm07, _ := c.Meeting("rm07")
	rm07.Officers = []catalog.Officer{
		{Role: "President", Name: "Ms A. Example"},
		{Role: "Vice-President", Name: "Mrs B. Example"},
		{Role: "Vice-President", Name: "Mr C. Example"},
		{Role: "Rapporteur", Name: "Ms D. Example"},
	}
	at := rm07.Adjournment.Start(c.Rules.Location)
	w := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at, SiteTitle: "T"})
	var got []string
	for _, o := range w.Meeting(rm07).Officers {
		got = append(got, o.RoleKey())
	}
	if want := []string{"president_f", "vice_president_f", "vice_president", ""}; !slices.Equal(got, want) {
		t.Errorf("role keys %q, want %q", got, want)
	}
}

// A page the document's own sources cite is not cited again among its
// file's (a journalist found France's 7th report citing one page twice,
// in two wordings); a file's source with another address, or none, stays.
func TestAPageCitedByTheDocumentIsNotCitedAgainForItsFile(t *testing.T) {
	m, c, err := corpus.Load(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: 7, Documents: 60})
	if err != nil {
		t.Fatal(err)
	}
	decisions := publication.DecideAll(c, m.To)
	var public *catalog.Document
	for _, d := range c.Documents {
		if decisions[d.ID].State == publication.Public {
			public = d
			break
		}
	}
	if public == nil {
		t.Fatal("the corpus has no public document")
	}
	public.Sources = []string{"A regulator's annual report, https://example.org/annual/7 (the report made public on 11 August 2016)"}
	public.FileSources = []string{"A regulator's annual report, https://example.org/annual/7 (France's report public on 11 August 2016)", "A list of reports, https://example.org/list", "The meeting's Summary Report"}
	v := disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: m.To})
	p, _ := v.Page(public)
	if want := public.FileSources[1:]; !slices.Equal(p.FileSources, want) || !slices.Equal(p.Sources, public.Sources) {
		t.Errorf("sources %q, file's %q; want its own, and the file's %q", p.Sources, p.FileSources, want)
	}
	// Its own source left out (it names a document not public): the
	// file's, which cites the same page, is what the page shows of it.
	var hidden *catalog.Document
	for _, d := range c.Documents {
		if s := decisions[d.ID].State; (s == publication.Restricted || s == publication.Withheld) && d.Title != "" {
			hidden = d
			break
		}
	}
	if hidden == nil {
		t.Fatal("the corpus has no restricted or withheld document with a title")
	}
	public.Sources = []string{"A regulator's annual report, https://example.org/annual/7 (it lists " + hidden.Title + ")"}
	public.FileSources = []string{"A regulator's annual report, https://example.org/annual/7 (the meeting's reports)"}
	v = disclosure.NewView(disclosure.Input{Catalog: c, Decisions: decisions, AsOf: m.To})
	if p, _ := v.Page(public); len(p.Sources) != 0 || !slices.Equal(p.FileSources, public.FileSources) || p.SourcesHidden != 1 {
		t.Errorf("sources %q, file's %q, %d hidden; want none of its own (1 hidden) and the file's %q", p.Sources, p.FileSources, p.SourcesHidden, public.FileSources)
	}
}
