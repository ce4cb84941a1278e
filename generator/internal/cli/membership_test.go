package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// membershipFixture is the catalog of the tests of dated membership and of
// two reports of one party at one meeting (testdata/membership/README.md).
var membershipFixture = filepath.Join("testdata", "membership")

// Issue 20: a party bound at a meeting with nothing recorded shows "no
// record", one the Convention bound only later "not yet a party", one
// whose standing is not known says so; a joint meeting shows both reports
// of a party, each under its round, in the grid, the country page, the
// ledger, the feeds, the open data and the search index; a withheld
// second report leaks nowhere. One build, in English and French (a title
// made in another language names the round as the English one does).
func TestMembershipAndTwoReportsInTheSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	r := run(t, nil, buildArgs(membershipFixture, out, filepath.Join(filepath.Dir(out), ".build"), "--as-of", "2024-01-01", "--languages", "en,fr,es")...)
	if r.code != 0 {
		t.Fatalf("build exited %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	page := func(p string) string { return html.UnescapeString(text(t, filepath.Join(out, filepath.FromSlash(p)))) }

	t.Run("meeting grid", func(t *testing.T) {
		grid := read(t, filepath.Join(out, "meetings", "rm08-09", "index.html"))
		heads := regexp.MustCompile(`<th scope="col">([^<]*)</th>`).FindAllStringSubmatch(grid, -1)
		var cols []string
		for _, h := range heads {
			cols = append(cols, h[1])
		}
		if !slices.Contains(cols, "National Report no. 8") || !slices.Contains(cols, "National Report no. 9") || slices.Contains(cols, "National Report") {
			t.Errorf("the joint meeting's columns are %q, want one per round", cols)
		}
		// Attendance is a column only where the meeting records it (the
		// 7th's list of parties), not three columns of "not recorded".
		if slices.Contains(cols, "Attended") || !strings.Contains(page("meetings/rm08-09/index.html"), "Documents of the Joint 8th and 9th Review Meeting by Contracting Party: the state of each document") {
			t.Errorf("the joint meeting, which records no attendance, has its columns or its caption says it: %q", cols)
		}
		if rm07 := read(t, filepath.Join(out, "meetings", "rm07", "index.html")); !regexp.MustCompile(`<th scope="col"( data-past-from="[0-9-]+")?>Attended</th>`).MatchString(rm07) {
			t.Error("the 7th meeting, which records attendance, has no column of it")
		}
		for _, want := range []struct{ party, cells string }{
			{"Aland", `Public.* Withheld`},         // both reports, in their rounds
			{"Borduria", `none recorded.* Public`}, // its 9th alone: a record, with no 8th
			{"Carpania", `no record.* no record`},  // bound since the 7th, nothing recorded
			{"Drusia", `no record.* no record`},    // bound by its deposit, nothing recorded
		} {
			if row := gridRows(t, grid)[want.party]; !regexp.MustCompile(rowRe(want.party) + want.cells).MatchString(row) {
				t.Errorf("the joint meeting's row of %s is %q, want %s", want.party, row, want.cells)
			}
		}
		rm07 := gridRows(t, read(t, filepath.Join(out, "meetings", "rm07", "index.html")))
		if !strings.Contains(rm07["Borduria"], "not yet a party") || strings.Contains(rm07["Borduria"], "no record") {
			t.Errorf("Borduria at the 7th meeting, before the Convention bound it: %q", rm07["Borduria"])
		}
		rm06 := gridRows(t, read(t, filepath.Join(out, "meetings", "rm06", "index.html")))
		for party, want := range map[string]string{"Carpania": "membership not known", "Drusia": "no record", "Borduria": "not yet a party"} {
			if !strings.Contains(rm06[party], want) {
				t.Errorf("%s at the 6th meeting: %q, want %q", party, rm06[party], want)
			}
		}
		// How complete the record is, in the meeting's words; where the
		// meeting's count has more parties with no record than the catalog
		// names (the others are among those of unknown membership), how
		// many it names, as the map and its table do.
		for m, want := range map[string]string{
			"rm05": "Contracting Parties 4 (a source's count for the meeting) With a record 0 of 4 No record 4: 3 by name, the others among those whose membership is not known Not yet Contracting Parties 2 Membership not known 1",
			// A source's count of an earlier day names one party more
			// than the catalog lists: the number is not known, and at
			// least that count, which the page says.
			"rm08-09": "Contracting Parties not known; at least 6 (a source counts 6 Contracting Parties on 1 January 2022 , and this catalog records no party ceasing to be one since) With a record 3 No record not known; at least 3: 2 by name, the others among those whose membership is not known or not in this catalog No longer Contracting Parties 1",
			"rm07":    "Contracting Parties 3 (a source's count for the meeting) With a record 3 of 3 No record 0 Not yet Contracting Parties 2",
			"rm06":    "Contracting Parties not known; at least 3 With a record 1 No record not known; at least 2 Not yet Contracting Parties 2 Membership not known 1",
		} {
			if got := page("meetings/" + m + "/index.html"); !strings.Contains(got, want) {
				t.Errorf("meeting %s does not say %q", m, want)
			}
		}
		// The home page's table of every meeting says it too.
		if got := page("index.html"); !strings.Contains(got, "5th Review Meeting 4 0 4: 3 by name, the others among those whose membership is not known 1 none public 6th Review Meeting not known; at least 3 1 not known; at least 2 1 0 of 1 7th Review Meeting") || !strings.Contains(got, "none public 6th Review Meeting") {
			t.Errorf("the home page's completeness table does not give the 6th meeting's row with its readable documents:\n%s", got)
		}
		// Where its public documents can be read (as check counts them),
		// hidden on a past day, whose states are others.
		for m, want := range map[string]string{
			"rm06":    "Public documents (today) 1 Readable here or through a link from this site 0 of 1 Only on reports.example.org , with no address of their own 1 Where to read them is not recorded 0",
			"rm08-09": "Public documents (today) 3 Readable here or through a link from this site 1 of 3 Where to read them is not recorded 2",
		} {
			raw := read(t, filepath.Join(out, "meetings", m, "index.html"))
			if got := page("meetings/" + m + "/index.html"); !strings.Contains(got, want) || !strings.Contains(raw, "<div data-past-hide>\n  <dl class=\"facts completeness reading\">") {
				t.Errorf("meeting %s does not say %q where a past day hides it", m, want)
			}
		}
	})

	t.Run("country pages", func(t *testing.T) {
		for party, wants := range map[string][]string{
			"borduria": {"Contracting Party since 10 April 2019 : the ninetieth day after it deposited its instrument on 10 January 2019 (Article 31)",
				// The meetings before it joined, in one list.
				"Not yet a Contracting Party at these meetings 5th Review Meeting ( 4 – 14 April 2011) 6th Review Meeting ( 24 March – 4 April 2014) 7th Review Meeting ( 27 March – 7 April 2017) Joint 8th and 9th Review Meeting Dates"},
			// The 7th meeting's list names it: the earliest day known it was bound.
			"carpania": {"Contracting Party since not known; already a Contracting Party at the 7th Review Meeting , which opened on 27 March 2017 ; not yet a Contracting Party on 1 January 2010",
				// Two meetings of membership not known, in one list; one
				// meeting of no record, in one line beside its days.
				"Membership not known at these meetings Whether it was a Contracting Party at these meetings is not known; this catalog holds no document of it from them. 5th Review Meeting ( 4 – 14 April 2011) 6th Review Meeting ( 24 March – 4 April 2014) 7th Review Meeting Dates",
				"Joint 8th and 9th Review Meeting 20 – 31 March 2023. No record: it was a Contracting Party at this meeting, but this catalog holds no document of it."},
			// No day of its own: the meetings bracket it, the 7th's list
			// leaving it out and its report at the joint meeting.
			"elbonia": {"Contracting Party since not known; already a Contracting Party at the Joint 8th and 9th Review Meeting , which opened on 20 March 2023 ; not yet a Contracting Party at the 7th Review Meeting , which opened on 27 March 2017"},
			// Two runs, the last ending the page before its sources and
			// its citation: bound with no record, then no longer a party.
			"freedonia": {"No record at these meetings It was a Contracting Party at each of these meetings, but this catalog holds no document of it from them. 5th Review Meeting ( 4 – 14 April 2011) 6th Review Meeting ( 24 March – 4 April 2014) No longer a Contracting Party at these meetings 7th Review Meeting ( 27 March – 7 April 2017) Joint 8th and 9th Review Meeting ( 20 – 31 March 2023) Sources test fixture Cite as: Freedonia ,"},
			"drusia": {"Contracting Party since not known; by 22 January 1997 at the latest, its instrument having been deposited by 24 October 1996",
				// Two meetings of no record, in one list, before the 7th, of which it has a record.
				"No record at these meetings It was a Contracting Party at each of these meetings, but this catalog holds no document of it from them. 5th Review Meeting ( 4 – 14 April 2011) 6th Review Meeting ( 24 March – 4 April 2014) 7th Review Meeting Dates"},
			// A source that names a document not public is left out, and
			// counted (the leak audit would refuse the page else).
			"aland": {"Sources test fixture Sources not shown, as they name a document that is not public: 1.", "Contracting Party since 1 January 1997", "Aland: National Report no. 9, Joint 8th and 9th Review Meeting Withheld", "Eighth National Report of Aland National Report no. 8 Public",
				// A meeting that holds nothing of it: one line, no facts "not recorded".
				"5th Review Meeting 4 – 14 April 2011. No record: it was a Contracting Party at this meeting, but this catalog holds no document of it. 6th Review Meeting Dates"},
		} {
			got := page("countries/" + party + "/index.html")
			for _, want := range wants {
				if !strings.Contains(got, want) {
					t.Errorf("the page of %s does not say %q:\n%s", party, want, got)
				}
			}
		}
		// Attendance is told of the meetings that record it (the 7th's
		// list), and left out of the others rather than "not recorded".
		if got := page("countries/aland/index.html"); !strings.Contains(got, "7th Review Meeting Dates 27 March – 7 April 2017 Attended Yes") || strings.Contains(got, "Attended – not recorded") {
			t.Errorf("the page of Aland tells attendance at a meeting that does not record it, or not at the 7th:\n%s", got)
		}
		// A report with no address of its own points to the site its
		// meeting's reports were made public on, in the page's language.
		for p, want := range map[string]string{
			"documents/rm06-nr-aland/index.html":    "The sources of the 6th Review Meeting say that every document of the kind “National Report” of that meeting was made public on reports.example.org ; the catalog does not know this one's address there.",
			"fr/documents/rm06-nr-aland/index.html": "a été rendu public sur reports.example.org ; le catalogue ne connaît pas son adresse sur ce site-là.",
		} {
			if got := page(p); !strings.Contains(got, want) {
				t.Errorf("%s does not say %q:\n%s", p, want, got)
			}
		}
		// The runs, and a lone meeting's line, in the page's language
		// (country_meeting_held_line: the days, then a sentence of its own).
		if got := page("fr/countries/drusia/index.html"); !strings.Contains(got, "Aucune donnée pour ces réunions") {
			t.Errorf("the French page of Drusia does not list its meetings with no record under their French heading:\n%s", got)
		}
		// A source's count of early publications beside the catalog's: the
		// timeline says the catalog does not record which, and the timing
		// chart says it counts as early only those it records.
		if got := page("meetings/rm07/index.html"); !strings.Contains(got, "By the time of the meeting, at least 2 Contracting Parties had made their National Report public, as a source counts them. The catalog does not record which.") ||
			!strings.Contains(got, "by a source's count: at least 2; counted as early in this chart, their day being recorded here: 0.") {
			t.Error("the 7th meeting's page does not say that the catalog records none of the 2 early publications a source counts")
		}
		// An Organizational Meeting given as a day is written in the
		// page's language, and a past day hides it until it came.
		if got := read(t, filepath.Join(out, "fr", "meetings", "rm08-09", "index.html")); !strings.Contains(got, `<li class="tl-past" data-tl-day="2021-10-20">`) || !strings.Contains(got, `<time datetime="2021-10-20">20 octobre 2021</time>`) {
			t.Error("the French page of the joint meeting does not write its Organizational Meeting's day in French, as a dated step")
		}
		// A country's page cites the sources of its days and names, and
		// says what the catalog notes of them (a reader's review found
		// its "Contracting Party since" cited nowhere); in French, both
		// said to be in English.
		if got := page("countries/drusia/index.html"); !strings.Contains(got, "The day of deposit is not sourced; Drusia was among the first parties.") || !strings.Contains(got, "Sources Drusian official gazette, no. 1 (for the day by which it deposited its instrument)") {
			t.Errorf("Drusia's page does not give its note and its source:\n%s", got)
		}
		if got := page("fr/countries/drusia/index.html"); !strings.Contains(got, "Note (en anglais)") || !strings.Contains(got, "The day of deposit is not sourced") || !strings.Contains(got, "Les sources sont citées en anglais") {
			t.Errorf("Drusia's French page does not say its note and sources are in English:\n%s", got)
		}
		// A meeting whose attendance is not recorded gives how many took
		// part where its own count says (a reader's review found only "not
		// recorded" beside the figures' count); one without says neither.
		if got := page("meetings/rm05/index.html"); !strings.Contains(got, "Contracting Parties that took part, as a source counts them: 3. The catalog does not record which.") {
			t.Errorf("the 5th meeting's page does not give its count of the parties that took part:\n%s", got)
		}
		if got := page("meetings/rm06/index.html"); strings.Contains(got, "took part, as a source counts them") {
			t.Errorf("the 6th meeting's page gives a count of the parties that took part, which it has not:\n%s", got)
		}
		// A report its party published on a day no source gives became
		// public by the rule's day at the latest, which its history says,
		// as its status does (a reader's review found the history saying
		// only "Became public").
		if got := page("documents/rm08-09-nr9-elbonia/index.html"); !strings.Contains(got, "29 June 2023 : Public by this day at the latest (90 days after the meeting adjourned): it may have been public earlier, on a day not recorded.") {
			t.Errorf("Elbonia's 9th report's history does not say it was public by the rule's day at the latest:\n%s", got)
		}
		// A report public on the rule's day, of a meeting a source counts
		// more early publications at than the catalog dates: its status
		// says it was public by that day at the latest, as its history
		// does (a reader's review found "Became public on" beside it).
		if got := page("documents/rm07-nr-aland/index.html"); !strings.Contains(got, "at the latest (90 days after the meeting adjourned); it may have been public earlier.") {
			t.Errorf("Aland's 7th report's status does not say it was public by the rule's day at the latest:\n%s", got)
		}
		// The timing chart counts it on the rule's day, and says so under
		// the chart, on the meeting's page and on the figures page.
		for _, p := range []string{"meetings/rm08-09/index.html", "figures/index.html"} {
			if got := page(p); !strings.Contains(got, "although their Contracting Party published them on a day not recorded here, which may have been earlier: 1.") {
				t.Errorf("%s does not say that the timing chart counts a report published on a day not recorded on the rule's day:\n%s", p, got)
			}
		}
		if got := page("documents/rm08-09-nr9-borduria/index.html"); !strings.Contains(got, "29 June 2023 : Became public (90 days after the meeting adjourned).") {
			t.Errorf("Borduria's 9th report's history does not say it became public on the rule's day:\n%s", got)
		}
		if got := page("fr/countries/aland/index.html"); !strings.Contains(got, "14 avril 2011. Aucune donnée : c'était une Partie contractante lors de cette réunion") {
			t.Errorf("the French page of Aland does not say the 5th meeting's line in French:\n%s", got)
		}
		// In French, the 9th report's made title names its round (i18n
		// report_numbered), as the English title does.
		if got := page("fr/countries/aland/index.html"); !strings.Contains(got, "nº 9") {
			t.Errorf("the French page of Aland does not name the 9th report's round:\n%s", got)
		}
		// A report its party published, with no address in the catalog,
		// says so where to read it, not that nothing is known.
		if got := page("documents/rm08-09-nr8-aland/index.html"); !strings.Contains(got, "Its Contracting Party published it") || strings.Contains(got, "Where it is published is not recorded") {
			t.Errorf("the page of Aland's 8th report, published by Aland, does not say so where to read it:\n%s", got)
		}
		// A document's details name its round too, its heading being its
		// own title.
		if got := page("documents/rm08-09-nr8-aland/index.html"); !strings.Contains(got, "Kind National Report no. 8") {
			t.Errorf("the page of Aland's 8th report does not name its round in its details:\n%s", got)
		}
	})

	// A title in a language of its own is marked with it wherever it
	// shows, on the English pages as on the French (issue 21: documents
	// stay in their language, marked with it).
	t.Run("title language", func(t *testing.T) {
		const marked = `<span lang="es">Séptimo Informe Nacional de Carpania</span>`
		for _, p := range []string{"countries/carpania/index.html", "fr/countries/carpania/index.html", "documents/index.html", "fr/documents/index.html", "documents/rm07-nr-carpania/index.html", "fr/documents/rm07-nr-carpania/index.html"} {
			got := read(t, filepath.Join(out, filepath.FromSlash(p)))
			if !strings.Contains(got, marked) {
				t.Errorf("%s does not mark the Spanish title as Spanish (%s)", p, marked)
			}
			// The document's own page: its heading too.
			if strings.HasSuffix(p, "rm07-nr-carpania/index.html") && !strings.Contains(got, "<h1>"+marked+"</h1>") {
				t.Errorf("%s: the heading does not mark the Spanish title as Spanish", p)
			}
		}
		// The window's title, which no lang can mark, is the one made of
		// party, kind and meeting in the page's language where the own
		// title is in another (a reader's review: screen readers read it
		// in the page's voice); on the Spanish page, the own title.
		titleRe := regexp.MustCompile(`<title>([^<]*) · `)
		for p, want := range map[string]string{
			"documents/rm07-nr-carpania/index.html":    "Carpania: National Report, 7th Review Meeting",
			"fr/documents/rm07-nr-carpania/index.html": "Carpania\u00a0: National Report, 7th Review Meeting",
			"es/documents/rm07-nr-carpania/index.html": "Séptimo Informe Nacional de Carpania",
		} {
			if got := titleRe.FindStringSubmatch(read(t, filepath.Join(out, filepath.FromSlash(p)))); got == nil || got[1] != want {
				t.Errorf("%s: the window's title is %q; want %q", p, got, want)
			}
		}
		// On the Spanish pages the title is in the page's language: shown, not marked.
		for _, p := range []string{"es/countries/carpania/index.html", "es/documents/rm07-nr-carpania/index.html"} {
			got := read(t, filepath.Join(out, filepath.FromSlash(p)))
			if !strings.Contains(got, "Séptimo Informe Nacional de Carpania") || strings.Contains(got, marked) {
				t.Errorf("%s: the Spanish title is missing, or marked although the page is Spanish", p)
			}
		}
		var docs []map[string]any
		readJSON(t, filepath.Join(out, "documents.json"), &struct {
			Documents *[]map[string]any `json:"documents"`
		}{&docs})
		langs := map[string]any{}
		for _, d := range docs {
			langs[d["id"].(string)] = d["title_lang"]
		}
		if langs["rm07-nr-carpania"] != "es" || langs["rm08-09-nr8-aland"] != "" {
			t.Errorf("documents.json: title_lang of Carpania's 7th report %q (want es), of Aland's English 8th %q (want empty)", langs["rm07-nr-carpania"], langs["rm08-09-nr8-aland"])
		}
		// A withheld document's title is not shown, nor its language.
		if langs["rm08-09-nr9-aland"] != "" {
			t.Errorf("documents.json: the withheld 9th report of Aland gives its title's language %q", langs["rm08-09-nr9-aland"])
		}
		// public_from is the latest day it may be where the page says so:
		// a report published on a day not recorded (Elbonia's 9th), and one
		// of a meeting a source counts more early publications at than the
		// catalog dates (Aland's 7th); not where neither holds.
		latest := map[string]any{}
		for _, d := range docs {
			latest[d["id"].(string)] = d["public_from_latest"]
		}
		for id, want := range map[string]bool{"rm08-09-nr9-elbonia": true, "rm07-nr-aland": true, "rm08-09-nr9-borduria": false} {
			if latest[id] != want {
				t.Errorf("documents.json: %s public_from_latest %v, want %v", id, latest[id], want)
			}
		}
	})

	t.Run("ledger", func(t *testing.T) {
		ledger := page("documents/index.html")
		i8 := strings.Index(ledger, "Eighth National Report of Aland")
		i9 := strings.Index(ledger, "Aland: National Report no. 9, Joint 8th and 9th Review Meeting")
		if i8 < 0 || i9 < 0 || i9 < i8 {
			t.Errorf("the ledger does not list Aland's 8th then its 9th report (%d, %d)", i8, i9)
		}
		if _, err := os.Stat(filepath.Join(out, "documents", "rm08-09-nr-aland", "index.html")); err != nil {
			t.Errorf("the former address of Aland's 9th report leads nowhere: %v", err)
		}
	})

	t.Run("feeds", func(t *testing.T) {
		feed := read(t, filepath.Join(out, "meetings", "rm08-09", "feed.atom"))
		for _, want := range []string{"Aland: National Report no. 8, Joint 8th and 9th Review Meeting, “Eighth National Report of Aland”: public", "Borduria: National Report no. 9, Joint 8th and 9th Review Meeting: public", "documents/rm08-09-nr9-borduria/"} {
			if !strings.Contains(feed, want) {
				t.Errorf("the joint meeting's feed lacks %q", want)
			}
		}
		if strings.Contains(feed, "rm08-09-nr9-aland") {
			t.Error("the joint meeting's feed has an entry of Aland's withheld 9th report")
		}
	})

	t.Run("open data", func(t *testing.T) {
		f, err := os.Open(filepath.Join(out, "documents.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, c := range rows[0] {
			col[c] = i
		}
		reports := map[string]string{}
		for _, row := range rows[1:] {
			reports[row[col["id"]]] = row[col["state"]] + " " + row[col["report"]]
		}
		for id, want := range map[string]string{"rm08-09-nr8-aland": "public 8", "rm08-09-nr9-aland": "withheld 9", "rm08-09-nr9-borduria": "public 9", "rm07-nr-aland": "public "} {
			if reports[id] != want {
				t.Errorf("documents.csv: %s is %q, want %q", id, reports[id], want)
			}
		}
		// Where to read a report that has no address of its own: the site
		// its meeting's reports were all made public on.
		readAt := map[string]string{}
		for _, row := range rows[1:] {
			readAt[row[col["id"]]] = row[col["read_kind"]] + " " + row[col["read_url"]]
		}
		if got := readAt["rm06-nr-aland"]; got != "meeting_site https://reports.example.org/" {
			t.Errorf("documents.csv: Aland's 6th report is read at %q, want the 6th meeting's site", got)
		}
		var meetings struct {
			Meetings []struct {
				ID         string `json:"id"`
				Membership struct {
					Total      int      `json:"total"`
					WithRecord int      `json:"with_record"`
					Missing    int      `json:"missing"`
					NoRecord   []string `json:"no_record"`
					NotYet     []string `json:"not_yet"`
					Unknown    []string `json:"unknown"`
					AtLeast    int      `json:"at_least"`
					Counted    *struct {
						Day     string   `json:"day"`
						Count   int      `json:"count"`
						Sources []string `json:"sources"`
					} `json:"counted"`
				} `json:"membership"`
				Reading struct{ Public, Readable, Site, Unknown int } `json:"reading"`
			} `json:"meetings"`
		}
		readJSON(t, filepath.Join(out, "meetings.json"), &meetings)
		got := map[string]string{}
		for _, m := range meetings.Meetings {
			// Where its public documents can be read, as its page says.
			if r := m.Reading; m.ID == "rm06" && (r.Public != 1 || r.Readable != 0 || r.Site != 1 || r.Unknown != 0) {
				t.Errorf("meetings.json: rm06 reading %+v, want 1 public, on the site its sources name", r)
			}
			ms := m.Membership
			got[m.ID] = strings.Join([]string{strconv.Itoa(ms.Total), strconv.Itoa(ms.AtLeast), strconv.Itoa(ms.WithRecord), strconv.Itoa(ms.Missing), strings.Join(ms.NoRecord, ","), strings.Join(ms.NotYet, ","), strings.Join(ms.Unknown, ",")}, " ")
			if c := ms.Counted; (m.ID == "rm08-09") != (c != nil) || c != nil && (c.Day != "2022-01-01" || c.Count != 6 || len(c.Sources) != 1) {
				t.Errorf("meetings.json: %s counted %+v, want the count of 1 January 2022 at the joint meeting alone", m.ID, c)
			}
		}
		for id, want := range map[string]string{"rm06": "0 3 1 -1 drusia,freedonia borduria,elbonia carpania", "rm07": "3 0 3 0  borduria,elbonia ", "rm08-09": "0 6 3 -1 carpania,drusia  "} {
			if got[id] != want {
				t.Errorf("meetings.json: %s membership %q, want %q (total, at least, with a record, missing, no record, not yet, unknown)", id, got[id], want)
			}
		}
		var parties struct {
			Parties []map[string]any `json:"parties"`
		}
		readJSON(t, filepath.Join(out, "parties.json"), &parties)
		seen := map[string]bool{}
		for _, p := range parties.Parties {
			if p["id"] == "borduria" && (p["in_force"] != "2019-04-10" || p["in_force_computed"] != true || p["deposit"] != "2019-01-10") {
				t.Errorf("parties.json: Borduria %v, want in force 2019-04-10 computed from its deposit", p)
			}
			if p["id"] == "carpania" && (p["in_force"] != nil || p["not_bound_on"] != "2010-01-01") {
				t.Errorf("parties.json: Carpania's day is not known, only that it was not yet bound on 2010-01-01, but %v", p)
			}
			// What the meetings tell, when the day is not known.
			bracket := fmt.Sprintf("%v %v %v %v", p["bound_at_meeting"], p["bound_at_day"], p["not_bound_at_meeting"], p["not_bound_at_day"])
			if want := map[string]string{
				"elbonia":  "rm08-09 2023-03-20 rm07 2017-03-27",
				"carpania": "rm07 2017-03-27 <nil> <nil>", // no meeting's list leaves it out: its not_bound_on says it
				"borduria": "<nil> <nil> <nil> <nil>",     // its day is known
				"drusia":   "<nil> <nil> <nil> <nil>",     // in force by 1997, before any meeting
			}[p["id"].(string)]; want != "" && bracket != want {
				t.Errorf("parties.json: %s's meetings bracket %q, want %q", p["id"], bracket, want)
			}
			seen[p["id"].(string)] = true
		}
		for _, id := range []string{"aland", "borduria", "carpania", "drusia", "elbonia", "freedonia"} {
			if !seen[id] {
				t.Errorf("parties.json lists no party %s", id)
			}
		}
	})

	t.Run("search index", func(t *testing.T) {
		var ix struct {
			Docs [][]any `json:"docs"`
		}
		readJSON(t, filepath.Join(out, "search", "index.json"), &ix)
		var titles []string
		byID := map[string][]any{}
		for _, d := range ix.Docs {
			if len(d) > 6 {
				titles = append(titles, d[6].(string))
			}
			if len(d) > 5 {
				byID[d[5].(string)] = d
			}
		}
		if !slices.Contains(titles, "Eighth National Report of Aland") {
			t.Errorf("the search index has no document titled %q: %q", "Eighth National Report of Aland", titles)
		}
		// Both of Aland's reports, each with its number: the 8th with its
		// own title, the withheld 9th with none (the script makes one of
		// its kind, number, party and meeting).
		for id, want := range map[string]string{"rm08-09-nr8-aland": "Eighth National Report of Aland 8", "rm08-09-nr9-aland": " 9"} {
			d := byID[id]
			if len(d) < 12 {
				t.Errorf("the search index's %s is %v, want its report number", id, d)
				continue
			}
			if got := fmt.Sprintf("%v %v", d[6], d[11]); got != want {
				t.Errorf("the search index's %s has title and report %q, want %q", id, got, want)
			}
		}
		// A title in Spanish carries its language, which search.js marks.
		spanish := false
		for _, d := range ix.Docs {
			if len(d) > 10 && d[6] == "Séptimo Informe Nacional de Carpania" && d[10] == "es" {
				spanish = true
			}
		}
		if !spanish {
			t.Error("the search index does not give Carpania's Spanish title its language (es)")
		}
		// Nor does the index give the withheld report's (French) title's language.
		for _, d := range ix.Docs {
			if len(d) > 10 && d[10] == "fr" {
				t.Errorf("the search index gives a title in French, which only the withheld report has: %v", d)
			}
		}
	})

	t.Run("no leak of the withheld report", func(t *testing.T) {
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err == nil && strings.Contains(string(b), "zqwithheld") {
				t.Errorf("%s holds something of Aland's withheld 9th report", p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("explain", func(t *testing.T) {
		for id, want := range map[string]string{
			"rm06-nr-aland":        "read at:     only the site its meeting's sources name (documents_site), https://reports.example.org/; no address of its own\n",
			"rm08-09-nr9-borduria": "read at:     its official copy (url), https://borduria.example/nr9.pdf\n",
			"rm08-09-nr8-aland":    "read at:     nowhere recorded",
		} {
			if r := run(t, nil, "explain", "--data", membershipFixture, "--as-of", "2024-01-01", id); r.code != 0 || !strings.Contains(r.stdout, want) {
				t.Errorf("explain %s (exit %d) does not say %q:\n%s%s", id, r.code, want, r.stdout, r.stderr)
			}
		}
		// A document that is not public says nothing of where to read it.
		if r := run(t, nil, "explain", "--data", membershipFixture, "--as-of", "2024-01-01", "rm08-09-nr9-aland"); strings.Contains(r.stdout, "read at") {
			t.Errorf("explain of the withheld report says where to read it:\n%s", r.stdout)
		}
	})

	t.Run("check", func(t *testing.T) {
		r := run(t, nil, "check", "--data", membershipFixture, "--as-of", "2024-01-01")
		for _, want := range []string{
			"meeting rm06: Contracting Parties not known (at least 3); 1 with a record, at least 2 with no record; not yet parties 2; not known whether bound 1; public documents 1: readable from the site 0, only on https://reports.example.org/ 1, nowhere recorded 0\n",
			"meeting rm07: 3 Contracting Parties (a source's count for the meeting); 3 with a record, 0 with no record; not yet parties 2",
			"meeting rm08-09: Contracting Parties not known (at least 6: a source counts 6 on 2022-01-01, 0 recorded leaving since); 3 with a record, at least 3 with no record; no longer parties 1; public documents 3: readable from the site 1, nowhere recorded 2\n",
			"where to read the 6 public documents: 1 (17%) readable from the site (a file here 0, the text here 0, an official copy 1, the meeting's list of documents 0, the party's page of reports 0), on a site named without an address of their own 1, nowhere recorded 4",
		} {
			if r.code != 0 || !strings.Contains(r.stdout, want) {
				t.Errorf("check (exit %d) does not say %q:\n%s%s", r.code, want, r.stdout, r.stderr)
			}
		}
	})
}

// gridRows are the rows of a meeting's grid as text, by the party's name.
func gridRows(t testing.TB, html string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, row := range regexp.MustCompile(`(?s)<tr>\s*<th scope="row">(.*?)</tr>`).FindAllStringSubmatch(html, -1) {
		s := strings.Join(strings.Fields(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(row[1], " ")), " ")
		if name, _, ok := strings.Cut(s, " "); ok {
			out[name] = s
		}
	}
	return out
}

func rowRe(party string) string { return "^" + regexp.QuoteMeta(party) + " .*" }

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(read(t, path)), v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// explain says the party's standing at the meeting and how the catalog
// knows it (issue 20): from the day the Convention bound it, or from the
// meeting's own list of its parties.
func TestExplainSaysThePartysStanding(t *testing.T) {
	for id, want := range map[string]string{
		"rm06-nr-aland":    "party:       Aland, a Contracting Party at the meeting (known from the day the Convention entered into force for it)",
		"rm07-nr-carpania": "party:       Carpania, a Contracting Party at the meeting (known from the meeting's list of its parties)",
	} {
		r := run(t, nil, "explain", "--data", membershipFixture, "--as-of", "2024-01-01", id)
		if r.code != 0 || !strings.Contains(r.stdout, want+"\n") {
			t.Errorf("explain %s: exit %d\n%s%s\nwant the line %q", id, r.code, r.stdout, r.stderr, want)
		}
	}
}

// A meeting's own document with no address of its own, on the site its
// meeting's sources name for its kind, is said to be that meeting's one
// document of the kind, not "every document of the kind" (an English
// reader's review of the joint meeting's Summary Report).
func TestAMeetingsOwnDocumentOnItsSiteIsSaidToBeItsOne(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyTree(t, membershipFixture, data)
	edit(t, filepath.Join(data, "meetings.yaml"), "    parties: [aland, carpania, drusia]\n",
		"    parties: [aland, carpania, drusia]\n    documents_site: {url: \"https://sr.example.org/\", kind: summary_report}\n")
	edit(t, filepath.Join(data, "documents", "rm07.yaml"), "documents:\n",
		"documents:\n  - id: rm07-summary-report\n    kind: summary_report\n    adopted: 2017-04-07\n")
	out := buildData(t, data, "2017-07-06", "--languages", "en,fr")
	for p, want := range map[string]string{
		"documents/rm07-summary-report/index.html":    "say that its document of the kind “Summary Report” was made public on",
		"fr/documents/rm07-summary-report/index.html": "son document du type",
	} {
		if got := read(t, filepath.Join(out, filepath.FromSlash(p))); !strings.Contains(got, want) || strings.Contains(got, "every document of the kind") {
			t.Errorf("%s does not say %q, or says every document of the kind", p, want)
		}
	}
}

// A meeting not yet opened on the build day (the joint meeting, opening on
// 20 March 2023, in a build as of 1 January 2023): a party bound there with
// no document has "nothing recorded yet", not "no record", everywhere the
// site and check say it (grid, map and its file, completeness, country
// page, home page, open data), in every language; a meeting already opened
// keeps "no record". Built as of 2024, the joint meeting's page holds what
// a past day before its opening shows instead (data-past-before), which
// the browser tests show.
func TestAMeetingNotYetOpenedHasNothingRecordedYet(t *testing.T) {
	out := buildData(t, membershipFixture, "2023-01-01", "--languages", "en,fr")
	page := func(p string) string { return html.UnescapeString(text(t, filepath.Join(out, filepath.FromSlash(p)))) }

	joint := read(t, filepath.Join(out, "meetings", "rm08-09", "index.html"))
	if row := gridRows(t, joint)["Carpania"]; !strings.Contains(row, "nothing recorded yet") || strings.Contains(row, "no record") {
		t.Errorf("Carpania, bound at the joint meeting not yet opened: %q, want nothing recorded yet", row)
	}
	if row := gridRows(t, buildDayOnly(read(t, filepath.Join(out, "meetings", "rm06", "index.html"))))["Drusia"]; !strings.Contains(row, "no record") || strings.Contains(row, "yet") {
		t.Errorf("Drusia at the 6th meeting, held long before: %q, want no record", row)
	}
	if fr := html.UnescapeString(gridRows(t, read(t, filepath.Join(out, "fr", "meetings", "rm08-09", "index.html")))["Carpania"]); !strings.Contains(fr, "aucune donnée pour l'instant") {
		t.Errorf("Carpania in French: %q", fr)
	}
	for _, want := range []string{
		"With a record 3 Nothing recorded yet not known; at least 3",
		"The meeting has not opened yet: a Contracting Party with nothing recorded is no gap in the record yet",
		"“Nothing recorded yet”: the party is a Contracting Party at this meeting, which has not opened",
		// Who attended: recorded once it adjourns, not "not recorded".
		"The meeting adjourns on 31 March 2023 ; who attended is recorded then.",
	} {
		if !strings.Contains(page("meetings/rm08-09/index.html"), want) {
			t.Errorf("the joint meeting's page does not say %q", want)
		}
	}
	// The map, its table and legend, and its file: the fixture catalog's
	// joint meeting, as of 2017 (its parties have territories to draw).
	fx := sharedFixture(t, "2017-07-06", allLanguages...)
	fxJoint := read(t, filepath.Join(fx, "meetings", "rm08-09", "index.html"))
	if !regexp.MustCompile(`<tr data-party="albania"[^>]* data-state="no_record_yet"`).MatchString(fxJoint) || strings.Contains(fxJoint, `data-opens=`) {
		t.Errorf("the joint meeting's map does not give Albania nothing recorded yet, or offers a past day's change a meeting not yet opened has no use for")
	}
	svg := read(t, filepath.Join(fx, "meetings", "rm08-09", "map.svg"))
	if !strings.Contains(svg, `fill="url(#wm-no_record_yet)"`) || !regexp.MustCompile(`>Nothing recorded yet: [1-9]`).MatchString(svg) || strings.Contains(svg, ">No record:") {
		t.Errorf("the map's file does not draw and count the parties with nothing recorded yet:\n%s", svg)
	}
	// A meeting open by then gives the day it opened, and the words a
	// past day before it shows.
	if rm07 := read(t, filepath.Join(fx, "meetings", "rm07", "index.html")); !strings.Contains(rm07, `data-opens="2017-03-27"`) || !strings.Contains(rm07, `<span data-map-phrase="no_record_yet">nothing recorded yet</span>`) {
		t.Errorf("the 7th meeting's map gives no day it opened, or no words for a past day before it")
	}
	if got := page("countries/carpania/index.html"); !strings.Contains(got, "Joint 8th and 9th Review Meeting 20 – 31 March 2023. Nothing recorded yet: it is a Contracting Party at this meeting, which has not opened") {
		t.Errorf("Carpania's page does not say nothing is recorded yet at the joint meeting:\n%s", got)
	}
	if got := page("index.html"); !strings.Contains(got, "meeting not yet opened: not known; at least") {
		t.Errorf("the home page's completeness table does not say the joint meeting has not opened:\n%s", got)
	}
	var meetings struct {
		Meetings []struct {
			ID         string `json:"id"`
			Membership struct {
				NotOpened bool   `json:"not_opened"`
				Opens     string `json:"opens"`
			} `json:"membership"`
		} `json:"meetings"`
	}
	readJSON(t, filepath.Join(out, "meetings.json"), &meetings)
	for _, m := range meetings.Meetings {
		if want := m.ID == "rm08-09"; m.Membership.NotOpened != want {
			t.Errorf("meetings.json: %s not_opened %v, want %v", m.ID, m.Membership.NotOpened, want)
		}
	}
	// check says it of the meeting, and of no other.
	c := run(t, nil, "check", "--data", membershipFixture, "--as-of", "2023-01-01")
	if !strings.Contains(c.stdout, "meeting rm08-09 (not yet held: it opens on 2023-03-20): ") || !strings.Contains(c.stdout, "with nothing recorded yet") || strings.Count(c.stdout, "not yet held") != 1 {
		t.Errorf("check does not say the joint meeting is not yet held:\n%s%s", c.stdout, c.stderr)
	}

	// Built once the meeting has opened: no record, with what a past day
	// before the opening shows instead, hidden.
	later := buildData(t, membershipFixture, "2024-01-01", "--languages", "en")
	joint = read(t, filepath.Join(later, "meetings", "rm08-09", "index.html"))
	for _, want := range []string{
		`<span data-past-from="2023-03-20">no record</span><span data-past-before="2023-03-20" hidden>nothing recorded yet</span>`,
		`<dt><span data-past-from="2023-03-20">No record</span><span data-past-before="2023-03-20" hidden>Nothing recorded yet</span></dt>`,
	} {
		if !strings.Contains(joint, want) {
			t.Errorf("the joint meeting's page built later lacks %s", want)
		}
	}
	if got := read(t, filepath.Join(later, "countries", "carpania", "index.html")); !strings.Contains(got, `<span data-past-before="2023-03-20" hidden>Nothing recorded yet: it is a Contracting Party at this meeting`) {
		t.Errorf("Carpania's page built later lacks what a past day before the joint meeting shows")
	}
}

// A meeting's timeline gives an Organizational Meeting recorded as a month
// as to come until the month's first day, as it does a day (a webmaster's
// review found October 2027 listed as past in 2026), and as past from it.
func TestATimelineMonthIsToComeUntilItsFirstDay(t *testing.T) {
	for _, c := range []struct {
		asOf   string
		future bool
	}{{"2015-09-30", true}, {"2015-10-01", false}} {
		out := buildFixture(t, c.asOf)
		page := read(t, filepath.Join(out, "meetings", "rm07", "index.html"))
		step := regexp.MustCompile(`<li class="(tl-[a-z]+)" data-tl-day="2015-10">(?s:.*?)</li>`).FindStringSubmatch(page)
		if step == nil {
			t.Fatalf("as of %s: the 7th meeting's timeline has no step of October 2015", c.asOf)
		}
		if future := step[1] == "tl-future" && strings.Contains(step[0], "(to come)"); future != c.future {
			t.Errorf("as of %s: the Organizational Meeting of October 2015 is %s; want to come %v", c.asOf, step[0], c.future)
		}
	}
}
