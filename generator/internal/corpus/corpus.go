// Package corpus writes generated catalogs of any size, for the property
// tests of publication safety and for the benchmarks.
//
// A corpus has random Contracting Parties (some with accented names), review
// meetings spread over decades (some without an adjournment date) and, for
// every party of every meeting, a national report, questions and answers and
// a country review report, plus a summary report per meeting. Every kind of
// permission occurs: early publication, objections before and after the
// 90-day date, withdrawals, consent given or not, reports not submitted,
// summary reports adopted in the past or the future; and both versions of
// the national report rule: before the 7th meeting (or the second, in a
// corpus of fewer), public only once the party published it or consented.
//
// Membership varies too: some parties have a day of entry into force, some
// join after the first meeting (and have no documents there), the first
// meeting and every third from the second list no parties; and the last
// meeting of a corpus of two meetings or more is a joint one, reviewing
// two National Reports per party (report: n and n+1), each with its own
// permissions, so that one may be public while the other is withheld.
//
// Every document carries its own title, summary, symbol, official address,
// file and (summary reports) text, each holding a token unique to that
// document, so a test can search the built site for anything of a document
// that must not be there. A French translation of the meetings' titles (but
// one in five) and the kinds' labels makes the other languages' pages show
// the catalog's words translated and, where missing, in English.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
)

// Options of a corpus.
type Options struct {
	Seed      uint64
	Documents int // about how many documents; at least one meeting is made
	FileSize  int // bytes per document file; default 1024
}

// Doc is what a test needs to know of one generated document.
type Doc struct {
	ID, Kind, Meeting, Party string
	// Report is the round of a National Report at the joint meeting; 0
	// elsewhere.
	Report       int
	NotSubmitted bool
	Adjournment  catalog.Date // of its meeting; zero when not recorded
	// ByParty is set for a national report of a meeting before the rules
	// changed: public only once its party published it or consented.
	ByParty   bool
	Published catalog.Date
	// PublishedBy: the party published it by this day, on a day not
	// recorded (catalog.Document.PublishedBy), in place of Published.
	PublishedBy catalog.Date
	// PublishedByRead: that day is the one the catalog read its party's
	// page (catalog.Document.PublishedByRead).
	PublishedByRead bool
	Objection       catalog.Date
	// ObjectionLifted: its party lifted the objection that day (a third of
	// the documents objected to, chosen by their id, so that the draws of
	// every other fact stay as they were).
	ObjectionLifted catalog.Date
	Consent         catalog.Date
	Adopted         catalog.Date
	Withdrawn       catalog.Date
	Submitted       catalog.Date
	// Title is the distinctive part of its own title, which may be shown
	// when it is public or withdrawn.
	Title string
	// Secrets are strings only this document has: its summary, symbol,
	// official address, file name, file checksum and a token of its text.
	// None may appear in the site unless the document is public.
	Secrets []string
	// Text is a sentence of its text (summary reports), as a leak of the
	// text would show it.
	Text string
	// FileSHA256 is its file's checksum.
	FileSHA256 string
}

// Manifest describes a written corpus.
type Manifest struct {
	Dir      string
	Docs     []Doc
	Meetings []string
	Parties  []string
	// Span is the period its dates fall in, for choosing as-of moments.
	From, To time.Time
}

// rulesYAML gives the kinds of the corpus the rules of data/rules.yaml:
// national reports of meetings before change are public only when their
// party publishes them; from change on, 90 days after adjournment.
func rulesYAML(change, last string) string {
	nr := ""
	if change != "m01" {
		nr = fmt.Sprintf("{from: m01, until: %s, public: party_publication}, ", last)
	}
	return `timezone: Europe/Vienna
kinds:
  - {kind: national_report, slug: nr, label: National Report, per_party: true, numbered: true, rules: [` + nr + `{from: ` + change + `, public: after_adjournment, days: 90, early_publication: true, objection: true}]}
  - {kind: questions_answers, slug: qa, label: Questions and answers, per_party: true, rules: [{from: m01, public: consent}]}
  - {kind: country_review_report, slug: crr, label: Country Review Report, per_party: true, rules: [{from: m01, public: consent}]}
  - {kind: summary_report, slug: summary-report, label: Summary Report, rules: [{from: m01, public: adoption}]}
`
}

// frenchYAML translates the corpus's words into French: every kind's label,
// and every meeting's title but one in five, which shows in English.
func frenchYAML(meetings []string) string {
	var b strings.Builder
	b.WriteString("meetings:\n")
	for i, id := range meetings {
		if i%5 != 4 {
			fmt.Fprintf(&b, "  - {id: %s, title: \"Réunion d'examen %d\"}\n", id, i+1)
		}
	}
	b.WriteString(`kinds:
  - {kind: national_report, label: Rapport national}
  - {kind: questions_answers, label: Questions et réponses}
  - {kind: country_review_report, label: Rapport d'examen de pays}
  - {kind: summary_report, label: Rapport de synthèse}
`)
	return b.String()
}

// isoCodes are the ISO 3166-1 codes the generated States take in turn (the
// meeting maps draw them), large countries and ones drawn as points alike;
// States beyond the list have none.
var isoCodes = []string{"FR", "MT", "BR", "SG", "CA", "LU", "CN", "BH", "AU", "ZA", "IN", "JP", "AR", "FI", "EG", "MX", "RU", "NO", "PK", "KR", "US", "SE", "TR", "UA", "CL", "DE", "ES", "IT", "PL", "RO"}

var nameParts = []string{"Aland", "Borduria", "Côte", "Syldavia", "Ruritania", "Türk", "Genovia", "Freedonia", "Latveria", "Wakanda", "Zubrowka", "Elbonia", "Krakozhia", "Molvanîa", "São", "Orsinia"}

// Write generates a corpus into dir (which must not exist or be empty).
func Write(dir string, o Options) (*Manifest, error) {
	if o.FileSize <= 0 {
		o.FileSize = 1024
	}
	if o.Documents <= 0 {
		o.Documents = 1
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	g := &gen{dir: dir, rng: rng, o: o, m: &Manifest{Dir: dir}}
	if err := g.write(); err != nil {
		return nil, err
	}
	return g.m, nil
}

type gen struct {
	dir string
	rng *rand.Rand
	o   Options
	m   *Manifest
	tok int
}

// token is unique within the corpus and unlikely anywhere else.
func (g *gen) token() string {
	g.tok++
	return fmt.Sprintf("zq%dx%04x", g.tok, g.rng.IntN(1<<16))
}

func (g *gen) file(name, content string) error {
	p := filepath.Join(g.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

func (g *gen) write() error {
	meetings := min(max(g.o.Documents/600, 2), 40)
	perMeeting := max(g.o.Documents/meetings, 1)
	parties := max((perMeeting-1+2)/3, 1)
	if g.o.Documents < 8 {
		meetings, parties = 1, max(g.o.Documents/3, 1)
	}

	// The rules change with the 7th meeting (2017), or with the second
	// where there are fewer, so that every corpus of two meetings or more
	// has both versions.
	change := min(7, max(meetings, 2))
	if meetings == 1 {
		change = 1
	}
	if err := g.file("rules.yaml", rulesYAML(fmt.Sprintf("m%02d", change), fmt.Sprintf("m%02d", change-1))); err != nil {
		return err
	}
	// Meetings every three years from 1999; one in ten has no recorded
	// adjournment; some lie in the future.
	type meeting struct {
		id          string
		opening     catalog.Date
		adjournment catalog.Date
		numbers     []int
	}
	var ms []meeting
	for i := range meetings {
		id := fmt.Sprintf("m%02d", i+1)
		open := catalog.Date{Year: 1999 + 3*i, Month: time.Month(3 + g.rng.IntN(2)), Day: 1 + g.rng.IntN(25)}
		adj := open.AddDays(9 + g.rng.IntN(5))
		if i%10 == 3 {
			adj = catalog.Date{}
		}
		numbers := []int{i + 1}
		if meetings > 1 && i == meetings-1 {
			numbers = []int{i + 1, i + 2} // the joint meeting
		}
		ms = append(ms, meeting{id, open, adj, numbers})
		g.m.Meetings = append(g.m.Meetings, id)
	}

	// Parties: one in five bound from the Convention's first days; one in
	// seven joins after the first meeting, half of them with a known day
	// and the other half known only not to have been bound at the first
	// meeting (not_bound_on).
	var pb strings.Builder
	pb.WriteString("entry_into_force: 1996-10-24\nsources: [\"generated\"]\nparties:\n")
	late := map[string]bool{}
	for i := range parties {
		id := fmt.Sprintf("p%04d", i+1)
		name := fmt.Sprintf("%s %s %d", nameParts[i%len(nameParts)], nameParts[(i/len(nameParts))%len(nameParts)], i+1)
		typ := "state"
		if i%50 == 49 {
			typ = "organisation"
		}
		fmt.Fprintf(&pb, "  - id: %s\n    name: %q\n    other_names: [%q]\n    type: %s\n", id, name, "Alias "+id, typ)
		if typ == "state" && i < len(isoCodes) {
			fmt.Fprintf(&pb, "    iso: %s\n", isoCodes[i])
		}
		switch {
		case meetings > 1 && i%7 == 6:
			late[id] = true
			if i%14 == 6 {
				fmt.Fprintf(&pb, "    entry_into_force: %s\n    sources: [\"generated\"]\n", ms[1].opening.AddDays(-30))
			} else {
				fmt.Fprintf(&pb, "    not_bound_on: %s\n    sources: [\"generated\"]\n", ms[0].opening)
			}
		case i%5 == 0:
			pb.WriteString("    entry_into_force: 1997-01-01\n    sources: [\"generated\"]\n")
		}
		g.m.Parties = append(g.m.Parties, id)
	}
	if err := g.file("parties.yaml", pb.String()); err != nil {
		return err
	}

	var mb strings.Builder
	mb.WriteString("meetings:\n")
	for i, mt := range ms {
		nums := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(mt.numbers)), ", "), "[]")
		title := fmt.Sprintf("Review Meeting %d", i+1)
		if len(mt.numbers) > 1 {
			title = fmt.Sprintf("Joint Review Meeting %d and %d", mt.numbers[0], mt.numbers[1])
		}
		fmt.Fprintf(&mb, "  - id: %s\n    type: review\n    numbers: [%s]\n    title: %q\n    opening: %s\n", mt.id, nums, title, mt.opening)
		if !mt.adjournment.IsZero() {
			fmt.Fprintf(&mb, "    adjournment: %s\n", mt.adjournment)
		}
		if i != 0 && i%3 != 1 {
			mb.WriteString("    parties: [" + strings.Join(g.m.Parties, ", ") + "]\n")
		}
	}
	if err := g.file("meetings.yaml", mb.String()); err != nil {
		return err
	}
	g.m.From = ms[0].opening.AddDays(-400).Start(time.UTC)
	g.m.To = ms[len(ms)-1].opening.AddDays(800).Start(time.UTC)
	if err := g.file("translations/fr.yaml", frenchYAML(g.m.Meetings)); err != nil {
		return err
	}

	total := 0
	for i, mt := range ms {
		byParty := i+1 < change
		var db strings.Builder
		fmt.Fprintf(&db, "meeting: %s\ndocuments:\n", mt.id)
		// The summary report.
		if total < g.o.Documents {
			d := Doc{ID: mt.id + "-summary", Kind: "summary_report", Meeting: mt.id, Adjournment: mt.adjournment}
			d.Adopted = mt.opening.AddDays(10)
			if err := g.doc(&db, &d, true); err != nil {
				return err
			}
			total++
		}
		for _, p := range g.m.Parties {
			if i == 0 && late[p] {
				continue // not yet a party
			}
			for _, kind := range []string{"national_report", "questions_answers", "country_review_report"} {
				reports := []int{0}
				if kind == "national_report" && len(mt.numbers) > 1 {
					reports = mt.numbers
				}
				for _, report := range reports {
					if total >= g.o.Documents {
						break
					}
					d := Doc{Kind: kind, Meeting: mt.id, Party: p, Report: report, Adjournment: mt.adjournment, ByParty: byParty && kind == "national_report"}
					g.permissions(&d, mt.opening, mt.adjournment)
					if err := g.doc(&db, &d, false); err != nil {
						return err
					}
					total++
				}
			}
		}
		if err := g.file("documents/"+mt.id+".yaml", db.String()); err != nil {
			return err
		}
	}
	return nil
}

// permissions draws the facts that decide a document's state.
func (g *gen) permissions(d *Doc, opening, adj catalog.Date) {
	due := opening.AddDays(100)
	if !adj.IsZero() {
		due = adj.AddDays(90)
	}
	switch {
	case d.ByParty:
		switch g.rng.IntN(8) {
		case 0:
			d.NotSubmitted = true
		case 1, 2: // published by the party, before or after the meeting;
			// one in five only by a day, the day itself not recorded
			off := g.rng.IntN(400) - 150
			if off%5 == 0 {
				d.PublishedBy = opening.AddDays(off)
				// One in two of those the day the catalog read the
				// party's page (no random draw: the catalog is otherwise
				// the same as before).
				d.PublishedByRead = off%10 == 0
			} else {
				d.Published = opening.AddDays(off)
			}
		case 3: // consent, some time after the meeting
			d.Consent = opening.AddDays(g.rng.IntN(300))
		case 4: // consent, then a withdrawal
			d.Consent = opening.AddDays(-20)
			d.Withdrawn = opening.AddDays(g.rng.IntN(300) - 10)
		case 5:
			d.Published = opening.AddDays(-g.rng.IntN(60))
			d.Withdrawn = opening.AddDays(1 + g.rng.IntN(300))
		}
		// 6, 7: nothing recorded: never public
	case d.Kind == "national_report":
		switch g.rng.IntN(10) {
		case 0:
			d.NotSubmitted = true
		case 1: // early, before the meeting; one in five only by a day,
			// and then submitted a month before it, so that a past day
			// shows a report in existence that may already have been public
			if off := g.rng.IntN(60); off%5 == 0 {
				d.PublishedBy = opening.AddDays(-off)
				d.Submitted = opening.AddDays(-off - 30)
			} else {
				d.Published = opening.AddDays(-off)
			}
		case 2: // objection before the due date, maybe the very day
			d.Objection = due.AddDays(-g.rng.IntN(40))
		case 3: // objection after publication
			d.Objection = due.AddDays(1 + g.rng.IntN(400))
		case 4: // early, then an objection
			d.Published = opening.AddDays(-10)
			d.Objection = opening.AddDays(5 + g.rng.IntN(200))
		case 5:
			d.Withdrawn = due.AddDays(1 + g.rng.IntN(300))
		case 6: // an early date after the due date: the rule's date stands
			d.Published = due.AddDays(1 + g.rng.IntN(30))
		}
	default:
		if g.rng.IntN(2) == 0 {
			d.Consent = opening.AddDays(g.rng.IntN(300) - 100)
		}
		if !d.Consent.IsZero() && g.rng.IntN(8) == 0 {
			d.Withdrawn = d.Consent.AddDays(1 + g.rng.IntN(100))
		}
	}
	// One National Report in three records the day it was submitted, some
	// months before the meeting: before it the report did not exist
	// (publication.Exists). Drawn from the party's id, not the random
	// source, so that the other facts of a seed stay as they were.
	if d.Kind == "national_report" && !d.NotSubmitted && d.Party != "" && d.Party[len(d.Party)-1]%3 == 0 {
		d.Submitted = opening.AddDays(-200 - int(d.Party[len(d.Party)-1]%7)*10)
	}
}

func (g *gen) doc(b *strings.Builder, d *Doc, summary bool) error {
	if d.ID == "" {
		slug := map[string]string{"national_report": "nr", "questions_answers": "qa", "country_review_report": "crr"}[d.Kind]
		d.ID = catalog.DefaultID(d.Meeting, slug, d.Party)
		if d.Report != 0 {
			d.ID = catalog.DefaultReportID(d.Meeting, slug, d.Report, d.Party)
		}
	}
	if h := sha256.Sum256([]byte(d.ID)); !d.Objection.IsZero() && h[0]%3 == 0 {
		d.ObjectionLifted = d.Objection.AddDays(15 + int(h[1])%200)
		// Some taken down too: after the lift, or before it.
		switch h[2] % 4 {
		case 0:
			d.Withdrawn = d.ObjectionLifted.AddDays(20)
		case 1:
			d.Withdrawn = d.Objection.AddDays(5)
		}
	} else if !d.Objection.IsZero() && d.Withdrawn.IsZero() && h[2]%2 == 0 {
		// Some taken down before their party's objection, which then
		// withdraws nothing: after they were public, or before (a code
		// review found no generated catalog with the take-down first).
		d.Withdrawn = d.Objection.AddDays(-1 - int(h[3])%120)
	}
	fmt.Fprintf(b, "  - kind: %s\n", d.Kind)
	if summary {
		fmt.Fprintf(b, "    id: %s\n", d.ID)
	} else {
		fmt.Fprintf(b, "    party: %s\n", d.Party)
	}
	if d.Report != 0 {
		fmt.Fprintf(b, "    report: %d\n", d.Report)
	}
	if d.NotSubmitted {
		b.WriteString("    not_submitted: true\n")
		g.m.Docs = append(g.m.Docs, *d)
		return nil
	}
	t := g.token()
	title := "Title " + t + " <b>&amp; \"quoted\"</b>"
	sum := "Summary " + g.token() + " of the document"
	symbol := "CNS/" + g.token()
	url := "https://reports.example.org/" + g.token() + ".pdf"
	fname := "report-" + g.token() + ".pdf"
	fpath := "files/" + d.Meeting + "/" + d.ID + "/" + fname
	content := fmt.Sprintf("%%PDF-1.4 %s %s\n", d.ID, g.token())
	for len(content) < g.o.FileSize {
		content += fmt.Sprintf("%x", g.rng.Uint64())
	}
	content = content[:max(g.o.FileSize, 1)]
	if err := g.file(fpath, content); err != nil {
		return err
	}
	sumb := sha256.Sum256([]byte(content))
	d.FileSHA256 = hex.EncodeToString(sumb[:])
	fmt.Fprintf(b, "    title: %q\n    summary: %q\n    symbol: %q\n    url: %q\n    file: %s\n", title, sum, symbol, url, fpath)
	d.Title = "Title " + t
	d.Secrets = []string{sum, symbol, url, fname, d.FileSHA256}
	if summary {
		tt := g.token()
		d.Text = fmt.Sprintf("The meeting discussed %s in depth with every delegation present", tt)
		text := fmt.Sprintf("## A. Introduction\n\n1. %s.\n\n2. Second paragraph of %s.\n", d.Text, d.ID)
		if err := g.file("texts/"+d.ID+".md", text); err != nil {
			return err
		}
		fmt.Fprintf(b, "    text: texts/%s.md\n", d.ID)
		d.Secrets = append(d.Secrets, tt)
	}
	for _, f := range []struct {
		k string
		v catalog.Date
	}{{"published", d.Published}, {"published_by", d.PublishedBy}, {"objection", d.Objection}, {"objection_lifted", d.ObjectionLifted}, {"consent", d.Consent}, {"adopted", d.Adopted}, {"withdrawn", d.Withdrawn}, {"submitted", d.Submitted}} {
		if !f.v.IsZero() {
			fmt.Fprintf(b, "    %s: %s\n", f.k, f.v)
		}
	}
	if !d.Withdrawn.IsZero() {
		b.WriteString("    withdrawn_reason: \"Replaced by a corrected version.\"\n")
	}
	if d.PublishedByRead {
		b.WriteString("    published_by_read: true\n    sources: [\"generated: its party's page, undated, as this catalog read it\"]\n")
	} else if !d.PublishedBy.IsZero() {
		b.WriteString("    sources: [\"generated: its party's page, dated\"]\n")
	}
	g.m.Docs = append(g.m.Docs, *d)
	return nil
}

// Exhaustive reports whether tests run their full set of generated
// catalogs (more seeds, every language) rather than the few that give
// the same coverage of the code in less time: CNS_TEST_EXHAUSTIVE=1, as
// .ci/run sets.
func Exhaustive() bool { return os.Getenv("CNS_TEST_EXHAUSTIVE") == "1" }

// Load writes a corpus into dir, as Write does, and loads it as the
// generator does: what tests of the catalog's users start from.
func Load(dir string, o Options) (*Manifest, *catalog.Catalog, error) {
	m, err := Write(dir, o)
	if err != nil {
		return nil, nil, err
	}
	c, err := catalog.Load(os.DirFS(m.Dir), filepath.Base(m.Dir))
	return m, c, err
}
