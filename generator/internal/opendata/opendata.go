// Package opendata writes the site's machine-readable outputs: the status of
// every document as JSON and CSV, the meetings and parties as JSON, Atom feeds
// of publication changes, an iCalendar file of upcoming publication dates, a
// SHA256SUMS manifest of the published files and the numbers of each chart
// as CSV (package figures); and what describes them in the standards data
// tools read: JSON Schemas and a Data Package (describe.go).
//
// Every fact comes from disclosure.View, the same view the pages are made
// from, so the data and the pages cannot disagree, and a document that is not
// public shows only what its state allows. Output is deterministic: the same
// catalog as of the same moment gives the same bytes; dates are the catalog's,
// never the build's.
package opendata

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/figures"
)

// Paths of the outputs, from the site's root.
const (
	DocumentsJSON = "documents.json"
	DocumentsCSV  = "documents.csv"
	MeetingsJSON  = "meetings.json"
	PartiesJSON   = "parties.json"
	Checksums     = "SHA256SUMS"
	Calendar      = "calendar.ics"
	SiteFeed      = "feed.atom"
)

// MeetingFeed and CountryFeed are the paths of the per-meeting and
// per-country feeds.
func MeetingFeed(id string) string { return "meetings/" + id + "/feed.atom" }
func CountryFeed(id string) string { return "countries/" + id + "/feed.atom" }

// Record is one document in documents.json and documents.csv. Fields a
// state does not allow are empty.
type Record struct {
	ID          string `json:"id"`
	Meeting     string `json:"meeting"`
	Party       string `json:"party"`
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	State       string `json:"state"`
	Basis       string `json:"basis"`
	PublicFrom  string `json:"public_from"`
	WithdrawnOn string `json:"withdrawn_on"`
	NextChange  string `json:"next_change"`
	FileName    string `json:"file_name"`
	FileSize    *int64 `json:"file_size"`
	SHA256      string `json:"sha256"`
	FileURL     string `json:"file_url"`
	OfficialURL string `json:"official_url"`
	PageURL     string `json:"page_url"`
	// ReadKind and ReadURL say where a reader can read a public document
	// (disclosure.ReadAt): file, official_copy, meeting_documents,
	// party_reports or unknown (then ReadURL is empty).
	ReadKind string `json:"read_kind"`
	ReadURL  string `json:"read_url"`
	// Report is which round of a joint meeting the document is for (8 for
	// the 8th National Report at the Joint 8th and 9th Review Meeting);
	// nil when the meeting reviewed one round or the catalog does not say:
	// null in the JSON and an empty cell in the CSV, as FileSize is, so
	// that both files, and both schemas (minimum 1), say it alike.
	Report *int `json:"report"`
	// TitleLang is the language of a document's own title when it is not
	// English (es, cs, de …); empty for English and for a made title.
	TitleLang string `json:"title_lang"`
	// Submitted is the day a public, scheduled or withdrawn document was
	// submitted, where the catalog records it (disclosure.DocPage).
	Submitted string `json:"submitted"`
	// PublicFromLatest is set where PublicFrom is the latest day it may
	// have become public, as its page says (disclosure.DocRef.Latest): its
	// party published it on a day the catalog does not record, or its
	// meeting counts more reports published early than the catalog dates.
	PublicFromLatest bool `json:"public_from_latest"`
	// PublicFromAssumed is set where PublicFrom is the day a rule the
	// catalog assumes for the meeting sets, no source stating that rule
	// for it (disclosure.DocPage.DayAssumed).
	PublicFromAssumed bool `json:"public_from_assumed"`
	// PublicFromRead is set where PublicFrom is the day this catalog read
	// the page showing the document published (disclosure.DocRef.LatestRead).
	PublicFromRead bool `json:"public_from_read"`
	// FormerIDs are the ids the document had before (catalog
	// .Document.FormerIDs): their pages still lead to its page, and a
	// reader of an older file finds it by them. An empty list when none;
	// in the CSV, joined by ";".
	FormerIDs []string `json:"former_ids"`
	// The Earlier fields are, for a document public (or withdrawn) again
	// since its party lifted the objection at which it was withdrawn, the
	// period it was public before (disclosure.DocPage.Earlier), as the
	// fields above give the present one; empty (false) otherwise. They
	// come last, so that the CSV's earlier columns keep their places.
	EarlierPublicFrom        string `json:"earlier_public_from"`
	EarlierWithdrawnOn       string `json:"earlier_withdrawn_on"`
	EarlierBasis             string `json:"earlier_basis"`
	EarlierPublicFromLatest  bool   `json:"earlier_public_from_latest"`
	EarlierPublicFromAssumed bool   `json:"earlier_public_from_assumed"`
	EarlierPublicFromRead    bool   `json:"earlier_public_from_read"`
	// WithdrawnReason is why a withdrawn document was taken down, as its
	// page says it (disclosure.DocPage.WithdrawnReason): the catalog's
	// words, or that its Contracting Party objected; empty otherwise. After
	// the Earlier fields, which came first.
	WithdrawnReason string `json:"withdrawn_reason"`
}

// Columns of documents.csv, in order; the same names as the JSON keys.
var Columns = []string{"id", "meeting", "party", "kind", "title", "state", "basis", "public_from", "withdrawn_on", "next_change", "file_name", "file_size", "sha256", "file_url", "official_url", "page_url", "read_kind", "read_url", "report", "title_lang", "submitted", "public_from_latest", "public_from_assumed", "public_from_read", "former_ids", "earlier_public_from", "earlier_withdrawn_on", "earlier_basis", "earlier_public_from_latest", "earlier_public_from_assumed", "earlier_public_from_read", "withdrawn_reason"}

func (r Record) row() []string {
	size := ""
	if r.FileSize != nil {
		size = strconv.FormatInt(*r.FileSize, 10)
	}
	report := ""
	if r.Report != nil {
		report = strconv.Itoa(*r.Report)
	}
	return []string{r.ID, r.Meeting, r.Party, r.Kind, r.Title, r.State, r.Basis, r.PublicFrom, r.WithdrawnOn, r.NextChange, r.FileName, size, r.SHA256, r.FileURL, r.OfficialURL, r.PageURL, r.ReadKind, r.ReadURL, report, r.TitleLang, r.Submitted, strconv.FormatBool(r.PublicFromLatest), strconv.FormatBool(r.PublicFromAssumed), strconv.FormatBool(r.PublicFromRead), strings.Join(r.FormerIDs, ";"), r.EarlierPublicFrom, r.EarlierWithdrawnOn, r.EarlierBasis, strconv.FormatBool(r.EarlierPublicFromLatest), strconv.FormatBool(r.EarlierPublicFromAssumed), strconv.FormatBool(r.EarlierPublicFromRead), r.WithdrawnReason}
}

// writer holds what all outputs share.
type writer struct {
	fs  afero.Fs
	dir string
	v   *disclosure.View
	// sums are the SHA-256 checksums of the files written, by path.
	sums map[string]string
	// formerIDs are each document's former ids, by id, for the feeds'
	// entry ids (EntryID).
	formerIDs map[string][]string
}

// Write writes every output into dir, the new site's root, on fsys (the
// disk in a build, memory in tests).
func Write(fsys afero.Fs, dir, baseURL string, v *disclosure.View) error {
	w := &writer{fs: fsys, dir: dir, v: v, sums: map[string]string{}}
	records := w.records()
	// SHA256SUMS last: it lists every file written before it.
	for _, step := range []func([]Record) error{w.documents, w.meetingsAndParties, w.schemas, w.calendar, w.feeds, w.figures, w.checksums} {
		if err := step(records); err != nil {
			return err
		}
	}
	return nil
}

// url is the full address of a site path ("/feed.atom") when the site's
// address is known, else its path under the site.
func (w *writer) url(p string) string { return w.v.AbsURL(p) }

// abs is the full address of a link the view made (already under the site's path).
func (w *writer) abs(link string) string { return w.v.Abs(link) }

func (w *writer) file(name string, b []byte) error {
	if w.sums != nil {
		sum := sha256.Sum256(b)
		w.sums[name] = hex.EncodeToString(sum[:])
	}
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := w.fs.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(w.fs, p, b, 0o644)
}

func (w *writer) records() []Record {
	in := w.v.Input()
	out := make([]Record, 0, len(in.Catalog.Documents))
	for _, d := range in.Catalog.Documents {
		page, _ := w.v.Page(d)
		r := Record{
			ID: page.ID, Meeting: page.Meeting, Party: page.Party, Kind: page.Kind, Title: page.Title, TitleLang: page.TitleLang,
			State: string(page.State), Basis: page.Basis, PublicFrom: page.PublicFrom.String(), WithdrawnOn: page.WithdrawnOn.String(),
			NextChange: page.NextChange.String(), OfficialURL: page.OfficialURL, PageURL: w.abs(page.URL),
			Submitted: page.Submitted.String(), PublicFromLatest: page.Latest, PublicFromAssumed: page.DayAssumed, PublicFromRead: page.LatestRead,
			FormerIDs: append([]string{}, d.FormerIDs...), WithdrawnReason: page.WithdrawnReason,
		}
		if e := page.Earlier; e != nil {
			r.EarlierPublicFrom, r.EarlierWithdrawnOn, r.EarlierBasis = e.PublicFrom.String(), e.WithdrawnOn.String(), string(e.Basis)
			r.EarlierPublicFromLatest, r.EarlierPublicFromAssumed, r.EarlierPublicFromRead = e.Latest, e.Assumed, e.Read
		}
		if page.Report != 0 {
			report := page.Report
			r.Report = &report
		}
		if f := page.File; f != nil {
			size := f.Size
			r.FileName, r.FileSize, r.SHA256, r.FileURL = f.Name, &size, f.SHA256, w.abs(f.URL)
		}
		if ra := page.ReadAt; ra != nil {
			r.ReadKind, r.ReadURL = ra.Kind, ra.URL
			if ra.Kind == disclosure.ReadFile || ra.Kind == disclosure.ReadText {
				r.ReadURL = w.abs(ra.URL) // a link on this site
			}
		}
		out = append(out, r)
	}
	return out
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (w *writer) documents(records []Record) error {
	in := w.v.Input()
	b, err := marshal(struct {
		AsOf      string   `json:"as_of"`
		Timezone  string   `json:"timezone"`
		Documents []Record `json:"documents"`
	}{in.AsOf.In(in.Catalog.Rules.Location).Format("2006-01-02T15:04:05Z07:00"), in.Catalog.Rules.Timezone, records})
	if err != nil {
		return err
	}
	if err := w.file(DocumentsJSON, b); err != nil {
		return err
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(Columns)
	for _, r := range records {
		cw.Write(r.row())
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return w.file(DocumentsCSV, buf.Bytes())
}

func (w *writer) meetingsAndParties([]Record) error {
	in := w.v.Input()
	meetings := make([]disclosure.MeetingInfo, 0, len(in.Catalog.Meetings))
	for _, m := range in.Catalog.Meetings {
		mi := w.v.Meeting(m)
		mi.URL = w.abs(mi.URL)
		meetings = append(meetings, mi)
	}
	b, err := marshal(struct {
		Meetings []disclosure.MeetingInfo `json:"meetings"`
	}{meetings})
	if err != nil {
		return err
	}
	if err := w.file(MeetingsJSON, b); err != nil {
		return err
	}
	parties := make([]disclosure.PartyInfo, 0, len(in.Catalog.Parties))
	for _, p := range in.Catalog.Parties {
		pi := w.v.Party(p)
		pi.URL = w.abs(pi.URL)
		parties = append(parties, pi)
	}
	b, err = marshal(struct {
		Parties []disclosure.PartyInfo `json:"parties"`
	}{parties})
	if err != nil {
		return err
	}
	return w.file(PartiesJSON, b)
}

// checksums writes SHA256SUMS in the format `sha256sum -c` reads, with
// paths from the site's root: every public document's file, then every
// open data file written before it (the JSON, CSV, schemas, calendar, feeds
// and the charts' CSV), by path, so that the build's attestation of
// SHA256SUMS vouches for them too.
func (w *writer) checksums(records []Record) error {
	var b strings.Builder
	for _, r := range records {
		if r.SHA256 == "" {
			continue
		}
		fmt.Fprintf(&b, "%s  %s\n", r.SHA256, strings.TrimPrefix(disclosure.FileURL(r.ID, r.FileName), "/"))
	}
	for _, name := range slices.Sorted(maps.Keys(w.sums)) {
		fmt.Fprintf(&b, "%s  %s\n", w.sums[name], name)
	}
	return w.file(Checksums, []byte(b.String()))
}

// figures writes each chart's numbers as CSV (figures.CSVPath), the data the
// charts of the pages draw.
func (w *writer) figures([]Record) error {
	for _, c := range figures.All(w.v) {
		b, err := c.CSVBytes()
		if err != nil {
			return fmt.Errorf("%s: %w", c.CSV, err)
		}
		if err := w.file(c.CSV, b); err != nil {
			return err
		}
	}
	return nil
}
