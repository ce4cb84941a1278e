package opendata

// What describes the open data in the standards researchers' tools read
// (issue 22): a JSON Schema (draft 2020-12) for each JSON file, a
// Frictionless Data Package (datapackage.json, Data Package v1) with a Table
// Schema for each CSV, and the facts the open data page's schema.org
// Dataset markup gives (DatasetFiles, License, Coverage).
//
// # Adding a file
//
// A CSV: add a Table to Tables (its path, or a pattern such as
// "data/figures/*.csv", and its fields). The package lists every CSV the
// outputs wrote, whatever writes it; one no Table matches is still listed,
// with a schema read from its header (every column a string), and
// TestEveryCSVHasATableSchema fails until it has a Table.
// A JSON file: add it to JSONFiles with its schema in schema/.
//
// # Why the JSON Schemas are not in the package's "schema"
//
// In Data Package v1 (and v2) a resource's "schema" is read as a Table
// Schema by the Frictionless tools, which would reject a JSON Schema there;
// the JSON resources name theirs in "jsonSchema" (the name the Frictionless
// Python framework's JSON resource plans for it; the standard allows
// properties of one's own), and each JSON Schema is published on its own
// under data/schema/. TestEveryCSVHasATableSchema is in package datacheck.

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/figures"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Package is the Data Package descriptor, at the site's root beside the
// files it lists, so that its paths are relative to it.
const Package = "datapackage.json"

// SchemaDir holds the JSON Schemas, beside the open data page (/data/).
const SchemaDir = "data/schema/"

//go:embed schema/*.schema.json
var schemaFiles embed.FS

// JSONFile is a JSON file of the open data and its JSON Schema.
type JSONFile struct {
	Path        string // from the site's root
	Name        string // the package's resource name
	Title       string
	Description string
	Schema      string // the file in schema/, published under SchemaDir
}

// SchemaPath is where the file's JSON Schema is published, from the site's root.
func (f JSONFile) SchemaPath() string { return SchemaDir + f.Schema }

// JSONFiles are the JSON files the site publishes as data. The search
// indexes (search/index.json) are not among them: they are the search
// script's own format, made for it and changed with it, not data to rely on.
var JSONFiles = []JSONFile{
	{DocumentsJSON, "documents-json", "Documents and their publication status (JSON)", "Every document of every state, one object each, with the moment the status is given for.", "documents.schema.json"},
	{MeetingsJSON, "meetings-json", "Review meetings (JSON)", "The review meetings: dates, place, officers, findings, sources, how complete the record of each is, titles in the site's languages.", "meetings.schema.json"},
	{PartiesJSON, "parties-json", "Contracting Parties (JSON)", "The Contracting Parties: names in the site's languages, type, and when the Convention entered into force for each.", "parties.schema.json"},
}

// Unpackaged are the files the open data's outputs write that the package
// does not list as resources, each with its paths (path.Match patterns
// from the site's root) and the name the open data page gives it where it
// says so: a Data Package lists data, records a data tool reads and checks.
//
//   - The feeds and the calendar are ways to follow the changes, in
//     standards of their own (Atom, iCalendar) that feed readers and
//     calendars read, not records.
//   - The JSON Schemas describe resources: each is named by the JSON file
//     it describes (jsonSchema), as a CSV's Table Schema is given inline.
//   - SHA256SUMS repeats what the package gives of each resource (hash),
//     for sha256sum and for the documents' own files.
//   - The package itself, and the search indexes: the search box's own
//     format, changed with its script (see JSONFiles).
var Unpackaged = []struct {
	Named    string
	Patterns []string
}{
	{"`feed.atom`", []string{SiteFeed, MeetingFeed("*"), CountryFeed("*")}},
	{"`calendar.ics`", []string{Calendar}},
	{"`data/schema/`", []string{SchemaDir + "*.schema.json"}},
	{"`SHA256SUMS`", []string{Checksums}},
	{"`datapackage.json`", []string{Package}},
	{"`search/index.json`", []string{"search/index.json", "*/search/index.json"}},
}

// Field is a column of a Table Schema.
type Field struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Format      string       `json:"format,omitempty"`
	Description string       `json:"description,omitempty"`
	Constraints *Constraints `json:"constraints,omitempty"`
}

// Constraints of a field (Table Schema); an empty cell is a missing value,
// which only Required refuses.
type Constraints struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Minimum  *int     `json:"minimum,omitempty"`
	Pattern  string   `json:"pattern,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

// TableSchema is a Frictionless Table Schema.
type TableSchema struct {
	Fields        []Field  `json:"fields"`
	PrimaryKey    []string `json:"primaryKey,omitempty"`
	MissingValues []string `json:"missingValues"`
}

// Table is a CSV the site publishes and its Table Schema.
type Table struct {
	// Path from the site's root, or a pattern (path.Match) for a family
	// of files ("data/figures/*.csv").
	Path        string
	Title       string
	Description string
	Schema      func(v *disclosure.View) TableSchema
}

// Tables are the CSVs of the open data, each with its Table Schema: the one
// place to add a CSV to the package.
var Tables = []Table{
	{DocumentsCSV, "Documents and their publication status (CSV)", "The same as documents.json, one row per document; an empty cell is a field the document's state does not allow.", documentsTable},
	{figures.CSVPath(figures.ReportsByState), "National Reports by state, per meeting (chart data)", "One row per meeting: how many of its National Reports are in each publication state.", figureTable(figures.ReportsByState)},
	{figures.CSVPath(figures.PublicationTiming), "When National Reports became public, per meeting (chart data)", "For meetings under the rule of days after adjournment whose day is known: reports public before the rule's day (published early, on a day recorded), on the rule's day, later, or not (yet). A report public by the rule's day at the latest, its party's earlier day not recorded, counts on the rule's day: meetings.json gives a source's count of the reports published early (national_reports_public_early), which may be larger.", figureTable(figures.PublicationTiming)},
	{figures.CSVPath(figures.Parties), "Contracting Parties and participating parties, per meeting (chart data)", "The meetings' own counts; an empty cell is a count not known, with the least number that the dated membership, or a source's count of the Contracting Parties on an earlier day (meetings.json: membership.counted), gives.", figureTable(figures.Parties)},
	{figures.CSVPath(figures.Findings), "Findings of each meeting (chart data)", "Good practices, areas of good performance, challenges and suggestions, where the Summary Report counts them; an empty cell is not known.", figureTable(figures.Findings)},
}

// figureTable is the Table Schema of a chart's CSV (figures.Chart.Columns):
// the meeting, its English title, and counts (whole numbers, empty when not
// known); publication-timing adds the rule's day and its number of days.
func figureTable(id string) func(v *disclosure.View) TableSchema {
	return func(v *disclosure.View) TableSchema {
		var cols []string
		for _, c := range figures.All(v) {
			if c.ID == id {
				cols = c.Columns()
			}
		}
		if cols == nil {
			panic("opendata: no chart " + id + " among figures.All") // a Table names a chart that does not exist
		}
		var f []Field
		for _, c := range cols {
			switch c {
			case "meeting":
				f = append(f, Field{c, "string", "", "The meeting's identifier (meetings.json).", &Constraints{Required: true, Unique: true, Pattern: tablePattern(idPattern)}})
			case "meeting_title":
				f = append(f, Field{c, "string", "", "The meeting's title, in English.", &Constraints{Required: true}})
			case "public_on":
				f = append(f, Field{c, "date", "", "The day the rule made the meeting's reports public.", nil})
			case "days":
				f = append(f, Field{c, "integer", "", "The rule's number of days after the meeting adjourned.", &Constraints{Minimum: minimum(0)}})
			default:
				f = append(f, Field{c, "integer", "", "A count (" + strings.ReplaceAll(c, "_", " ") + "); empty when not known.", &Constraints{Minimum: minimum(0)}})
			}
		}
		return TableSchema{Fields: f, PrimaryKey: []string{"meeting"}, MissingValues: []string{""}}
	}
}

// TableFor is the Table whose path or pattern names a CSV.
func TableFor(p string) (Table, bool) {
	for _, t := range Tables {
		if ok, _ := path.Match(t.Path, p); ok {
			return t, true
		}
	}
	return Table{}, false
}

func minimum(n int) *int { return &n }

// langCode is the form of a language code the open data's files accept
// (en, zh-Hant, es-419): the keys of their names per language, and a
// title's language. The loader checks a code more closely (language.Parse).
const langCode = "[a-z]{2,3}(-[A-Za-z0-9]+)*"

// SchemaPatterns are the patterns the JSON Schemas in schema/ name by a
// placeholder ("pattern": "ID_PATTERN"), each written once here and used
// by the CSVs' Table Schemas too.
var SchemaPatterns = map[string]string{
	"ID_PATTERN":            catalog.IDPattern,
	"LANG_PATTERN":          "^" + langCode + "$",
	"LANG_OR_EMPTY_PATTERN": "^(" + langCode + ")?$",
}

var idPattern = SchemaPatterns["ID_PATTERN"]

// tablePattern is a pattern as a Table Schema writes it: in XML Schema's
// syntax, which matches the whole value without anchors (a JSON Schema's
// "^…$" would have its anchors read as characters there).
func tablePattern(p string) string {
	return strings.TrimSuffix(strings.TrimPrefix(p, "^"), "$")
}

func documentsTable(v *disclosure.View) TableSchema {
	states := make([]string, len(publication.States))
	for i, s := range publication.States {
		states[i] = string(s)
	}
	url := ""
	if strings.HasPrefix(v.AbsURL("/"), "http") {
		url = "uri"
	}
	f := []Field{
		{"id", "string", "", "The document's identifier; its page is /documents/<id>/.", &Constraints{Required: true, Unique: true, Pattern: tablePattern(idPattern)}},
		{"meeting", "string", "", "The meeting's identifier (meetings.json).", &Constraints{Required: true, Pattern: tablePattern(idPattern)}},
		{"party", "string", "", "The Contracting Party's identifier (parties.json); empty for a document of a whole meeting.", &Constraints{Pattern: tablePattern(idPattern)}},
		{"kind", "string", "", "The kind of document.", &Constraints{Required: true, Enum: kinds(v)}},
		{"title", "string", "", "The document's title; its own only once it is public or withdrawn.", &Constraints{Required: true}},
		{"state", "string", "", "The publication state.", &Constraints{Required: true, Enum: states}},
		{"basis", "string", "", "Why a public, withdrawn or scheduled document is, was or will be public.", &Constraints{Enum: SchemaValues(v)["BASES"][1:]}},
		{"public_from", "date", "", "The day it became or becomes public; where public_from_latest is true, the latest day it can have become public, which may be long after it did (for reports of the first meetings, the day the catalog read their party's page).", nil},
		{"withdrawn_on", "date", "", "The day a withdrawn document was taken down.", nil},
		{"next_change", "date", "", "The day a scheduled document becomes public, unless its party objects; for a document not yet submitted, the day its meeting's review cycle begins (or, made at the meeting, the meeting opens), before which it cannot exist.", nil},
		{"file_name", "string", "", "The published file's name.", nil},
		{"file_size", "integer", "", "Its size in bytes.", &Constraints{Minimum: minimum(0)}},
		{"sha256", "string", "", "Its SHA-256 checksum, as sha256sum prints it.", &Constraints{Pattern: tablePattern("^[0-9a-f]{64}$")}},
		{"file_url", "string", url, "Where to download it from this site.", nil},
		{"official_url", "string", "", "The official copy's address, where one is known.", nil},
		{"page_url", "string", url, "The document's page on this site.", &Constraints{Required: true}},
		{"read_kind", "string", "", "Where a public document can be read.", &Constraints{Enum: disclosure.ReadKinds}},
		{"read_url", "string", "", "The address read_kind names.", nil},
		{"report", "integer", "", "Which round of a joint meeting's reports the document is; empty where the meeting reviewed one, or where the catalog does not say.", &Constraints{Minimum: minimum(1)}},
		{"title_lang", "string", "", "The language of the title, as a language code, when it is not English.", &Constraints{Pattern: tablePattern(SchemaPatterns["LANG_OR_EMPTY_PATTERN"])}},
		{"submitted", "date", "", "The day a public, scheduled or withdrawn document was submitted, where the catalog records it.", nil},
		{"public_from_latest", "boolean", "", "true where public_from is the latest day it may have become public: its Contracting Party published it on a day the catalog does not record, or a source counts more reports of its meeting published early than the catalog dates.", &Constraints{Required: true}},
		{"public_from_assumed", "boolean", "", "true where public_from is the day a rule sets that the catalog applies to the document's meeting though no source read states the rule for that meeting: the day follows from the rule, and no source records it.", &Constraints{Required: true}},
		{"public_from_read", "boolean", "", "true where public_from is the day this catalog read the page of the document's Contracting Party that shows it published, not a day a source gives: it was public by then, and may have been long before.", &Constraints{Required: true}},
		{"former_ids", "string", "", "The ids the document had before (in documents.csv joined by ';'): their pages lead to its page, and an older file names it by them.", &Constraints{Pattern: "((" + tablePattern(idPattern) + ")(;" + tablePattern(idPattern) + ")*)?"}},
		{"earlier_public_from", "date", "", "For a document public again since its Contracting Party lifted the objection at which it was withdrawn (or withdrawn again after that), the first day of the period it was public before; empty otherwise.", nil},
		{"earlier_withdrawn_on", "date", "", "The day that earlier period ended: the day its Contracting Party objected, which withdrew it.", nil},
		{"earlier_basis", "string", "", "Why it was public in that earlier period.", &Constraints{Enum: SchemaValues(v)["BASES"][1:]}},
		{"earlier_public_from_latest", "boolean", "", "true where earlier_public_from is the latest day it may have become public then, as public_from_latest says of public_from.", &Constraints{Required: true}},
		{"earlier_public_from_assumed", "boolean", "", "true where earlier_public_from is the day a rule sets that no source states for the document's meeting, as public_from_assumed says of public_from.", &Constraints{Required: true}},
		{"earlier_public_from_read", "boolean", "", "true where earlier_public_from is the day this catalog read the page of its Contracting Party that shows it published, as public_from_read says of public_from.", &Constraints{Required: true}},
		{"withdrawn_reason", "string", "", "Why a withdrawn document was taken down, in English, as its page says: the catalog's reason, or \"The Contracting Party objected to its publication.\"; empty otherwise.", nil},
	}
	return TableSchema{Fields: f, PrimaryKey: []string{"id"}, MissingValues: []string{""}}
}

// kinds are the catalog's kinds of document.
func kinds(v *disclosure.View) []string {
	var out []string
	for _, k := range v.Input().Catalog.Rules.Kinds {
		if k != nil {
			out = append(out, k.Kind)
		}
	}
	return out
}

// schemas writes the JSON Schemas, with their address ($id) when the
// site's is known, and their enumerations (SchemaValues) from the Go that
// decides them.
func (w *writer) schemas([]Record) error {
	values := SchemaValues(w.v)
	for _, f := range JSONFiles {
		b, err := schemaFiles.ReadFile("schema/" + f.Schema)
		if err != nil {
			return err
		}
		id := w.url("/" + f.SchemaPath())
		if strings.HasPrefix(id, "http") {
			q, _ := json.Marshal(id)
			b = bytes.Replace(b, []byte(`"$id": "ID"`), append([]byte(`"$id": `), q...), 1)
		} else {
			b = bytes.Replace(b, []byte("  \"$id\": \"ID\",\n"), nil, 1)
		}
		if b, err = fillSchema(b, values, descriptions(documentsTable(w.v))); err != nil {
			return fmt.Errorf("%s: %w", f.Schema, err)
		}
		if err := w.file(f.SchemaPath(), b); err != nil {
			return err
		}
	}
	return nil
}

// SchemaValues are the lists the JSON Schemas in schema/ name by a
// placeholder ("enum": "STATES"), each taken from the one place that
// decides it, so that a state, basis or way to read added in Go is in the
// schemas with nothing to remember:
//
//   - STATES: publication.States; BASES: "" and publication.Bases;
//     READ_KINDS: "" and disclosure.ReadKinds; KINDS: the catalog's kinds.
//   - STATES_WITH_FILE, the states whose documents may show a file,
//     checksum and address (disclosure.StatesShowing(FactFile));
//     STATES_WITHOUT_DAY, those that show no day (nor basis) of
//     publication; STATES_WITHDRAWN, those that show when they were taken
//     down; STATES_TO_COME, those that show a day of publication but
//     neither a file nor a withdrawal (a day to come); STATES_NO_NEXT,
//     those whose documents show no next change
//     (publication.StatesWithNextChange).
//   - MEETING_TYPES, PARTY_TYPES: catalog.MeetingTypes, catalog.PartyTypes.
func SchemaValues(v *disclosure.View) map[string][]string {
	str := func(ss []publication.State) []string {
		out := []string{}
		for _, s := range ss {
			out = append(out, string(s))
		}
		return out
	}
	without := func(all []publication.State, less ...[]publication.State) []publication.State {
		return slices.DeleteFunc(slices.Clone(all), func(s publication.State) bool {
			for _, l := range less {
				if slices.Contains(l, s) {
					return true
				}
			}
			return false
		})
	}
	bases := []string{string(publication.BasisNone)}
	for _, b := range publication.Bases {
		bases = append(bases, string(b))
	}
	withFile := disclosure.StatesShowing(disclosure.FactFile)
	dated := disclosure.StatesShowing(disclosure.FactPublicFrom)
	withdrawn := disclosure.StatesShowing(disclosure.FactWithdrawnOn)
	return map[string][]string{
		"STATES":             str(publication.States),
		"BASES":              bases,
		"READ_KINDS":         append([]string{""}, disclosure.ReadKinds...),
		"KINDS":              kinds(v),
		"STATES_WITH_FILE":   str(withFile),
		"STATES_WITHOUT_DAY": str(without(publication.States, dated)),
		"STATES_WITHDRAWN":   str(withdrawn),
		"STATES_TO_COME":     str(without(dated, withFile, withdrawn)),
		"STATES_NO_NEXT":     str(without(publication.States, publication.StatesWithNextChange)),
		"MEETING_TYPES":      catalog.MeetingTypes,
		"PARTY_TYPES":        catalog.PartyTypes,
		"OFFICER_ROLES":      disclosure.OfficerRoles(),
	}
}

// descriptions are a Table Schema's descriptions, by field name.
func descriptions(s TableSchema) map[string]string {
	out := map[string]string{}
	for _, f := range s.Fields {
		out[f.Name] = f.Description
	}
	return out
}

// placeholder is a value of schema/ to be filled in: a string in capitals.
var placeholder = regexp.MustCompile(`"[A-Z][A-Z0-9_]*"`)

// fillSchema puts each list of values, or pattern (SchemaPatterns), in
// place of its placeholder, and refuses a placeholder it has no list for, or a schema no longer JSON.
func fillSchema(b []byte, values map[string][]string, describe map[string]string) ([]byte, error) {
	var missing []string
	b = placeholder.ReplaceAllFunc(b, func(p []byte) []byte {
		name := string(p[1 : len(p)-1])
		// "DESCRIBE_PUBLIC_FROM": the description documents.csv's Table
		// Schema gives public_from, so that both schemas say one thing.
		if field, ok := strings.CutPrefix(name, "DESCRIBE_"); ok {
			d, ok := describe[strings.ToLower(field)]
			if !ok {
				missing = append(missing, string(p))
				return p
			}
			q, _ := json.Marshal(d)
			return q
		}
		if pat, ok := SchemaPatterns[name]; ok {
			q, _ := json.Marshal(pat)
			return q
		}
		vs, ok := values[name]
		if !ok {
			missing = append(missing, string(p))
			return p
		}
		q := make([]string, len(vs))
		for i, v := range vs {
			b, _ := json.Marshal(v)
			q[i] = string(b)
		}
		return []byte("[" + strings.Join(q, ", ") + "]") // as the schemas write lists
	})
	if missing != nil {
		return nil, fmt.Errorf("no values for %s", strings.Join(missing, ", "))
	}
	if !json.Valid(b) {
		return nil, errors.New("not JSON once filled in")
	}
	return b, nil
}

// License is the licence of the open data files (not of the documents they
// describe, which are their authors'): given by the package, the open data
// page and its Dataset markup.
var License = struct{ Name, Title, URL string }{"CC0-1.0", "CC0 1.0 Universal (public domain dedication)", "https://creativecommons.org/publicdomain/zero/1.0/"}

// DatasetFile is a file of the open data as the Dataset markup lists it.
type DatasetFile struct {
	Path      string `json:"path"` // from the site's root
	MediaType string `json:"media_type"`
}

// DatasetFiles are the open data's files, for the Dataset markup; the
// package lists the CSVs of figures as well.
func DatasetFiles() []DatasetFile {
	out := []DatasetFile{{Package, "application/json"}}
	for _, f := range JSONFiles {
		out = append(out, DatasetFile{f.Path, "application/json"})
	}
	for _, t := range Tables {
		if !strings.ContainsAny(t.Path, "*?[") {
			out = append(out, DatasetFile{t.Path, "text/csv"})
		}
	}
	return append(out, DatasetFile{SiteFeed, "application/atom+xml"}, DatasetFile{Calendar, "text/calendar"}, DatasetFile{Checksums, "text/plain"})
}

// Coverage is the time the data cover, as an ISO 8601 interval: from the
// first meeting's opening to the as-of day; "" when no meeting has a date.
func Coverage(v *disclosure.View) string {
	in := v.Input()
	first := ""
	for _, m := range in.Catalog.Meetings {
		if s := m.Opening.String(); s != "" && (first == "" || s < first) {
			first = s
		}
	}
	if first == "" {
		return ""
	}
	return first + "/" + in.AsOf.In(in.Catalog.Rules.Location).Format("2006-01-02")
}

// Dialect is a CSV Dialect (Data Package v1): how a CSV is written. Every
// CSV of the site is written by encoding/csv, whose defaults these are.
type Dialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

// csvDialect is encoding/csv's: commas, rows ending in LF (UseCRLF is
// false), quotes doubled inside a quoted field, a header row.
var csvDialect = Dialect{Delimiter: ",", LineTerminator: "\n", QuoteChar: `"`, DoubleQuote: true, Header: true}

// resource is a file of the package. A CSV's encoding is utf-8 without a
// byte-order mark: with one, programs that read CSV (Python's csv module,
// Go's encoding/csv, the Frictionless tools) take it as part of the first
// column's name ("\ufeffid"), so /data/ says instead how to open a CSV as
// UTF-8 in a spreadsheet.
type resource struct {
	Profile     string       `json:"profile"`
	Name        string       `json:"name"`
	Path        string       `json:"path"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	Format      string       `json:"format"`
	MediaType   string       `json:"mediatype"`
	Encoding    string       `json:"encoding"`
	Dialect     *Dialect     `json:"dialect,omitempty"`
	Bytes       int64        `json:"bytes"`
	Hash        string       `json:"hash"`
	Schema      *TableSchema `json:"schema,omitempty"`
	JSONSchema  string       `json:"jsonSchema,omitempty"`
}

type source struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

// firstURL is the first address a source names (catalog.SourceURLs), for
// the package's machine-readable path; "" when it names none.
func firstURL(s string) string {
	if us := catalog.SourceURLs(s); len(us) > 0 {
		return us[0]
	}
	return ""
}

type license struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

// WritePackage writes datapackage.json, listing the JSON files and every
// CSV below dir but the documents' own files: it runs after every other
// output (prepare.Outputs), so that CSVs written by any of them join.
func WritePackage(fsys afero.Fs, dir, baseURL string, v *disclosure.View) error {
	w := &writer{fs: fsys, dir: dir, v: v}
	in := v.Input()
	var resources []resource
	stat := func(p string) (int64, string, error) {
		b, err := afero.ReadFile(fsys, filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return 0, "", err
		}
		sum := sha256.Sum256(b)
		return int64(len(b)), "sha256:" + hex.EncodeToString(sum[:]), nil
	}
	var csvs []string
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if info.IsDir() && rel == "files" {
			return filepath.SkipDir // the documents' own files
		}
		if !info.IsDir() && strings.HasSuffix(rel, ".csv") {
			csvs = append(csvs, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(csvs, func(a, b string) int {
		// documents.csv first, then the others in order.
		return cmpBool(a != DocumentsCSV, b != DocumentsCSV, strings.Compare(a, b))
	})
	for _, p := range csvs {
		n, hash, err := stat(p)
		if err != nil {
			return err
		}
		dialect := csvDialect
		r := resource{Profile: "tabular-data-resource", Name: resourceName(p), Path: p, Format: "csv", MediaType: "text/csv", Encoding: "utf-8", Dialect: &dialect, Bytes: n, Hash: hash}
		if t, ok := TableFor(p); ok {
			s := t.Schema(v)
			r.Title, r.Description, r.Schema = t.Title, t.Description, &s
		} else {
			s, err := headerSchema(fsys, filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			r.Schema = &s
		}
		resources = append(resources, r)
	}
	for _, f := range JSONFiles {
		n, hash, err := stat(f.Path)
		if err != nil {
			return err
		}
		resources = append(resources, resource{Profile: "data-resource", Name: f.Name, Path: f.Path, Title: f.Title, Description: f.Description,
			Format: "json", MediaType: "application/json", Encoding: "utf-8", Bytes: n, Hash: hash, JSONSchema: f.SchemaPath()})
	}
	var sources []source
	seen := map[string]bool{}
	add := func(ss []string) {
		ss, _ = v.Sources(ss)
		for _, s := range ss {
			if s = strings.TrimSpace(s); s == "" || seen[s] {
				continue
			}
			seen[s] = true
			sources = append(sources, source{Title: s, Path: firstURL(s)})
		}
	}
	// The sources the site's pages give for the meetings and the rules.
	for _, m := range in.Catalog.Meetings {
		add(m.Sources)
	}
	for _, k := range in.Catalog.Rules.Kinds {
		if k == nil {
			continue
		}
		for _, r := range k.Rules {
			if r != nil {
				add(r.Sources)
			}
		}
	}
	title := in.SiteTitle
	if title == "" {
		title = "CNS review process: transparency"
	}
	d := struct {
		Profile     string     `json:"profile"`
		Name        string     `json:"name"`
		Title       string     `json:"title"`
		Description string     `json:"description"`
		Homepage    string     `json:"homepage,omitempty"`
		Created     string     `json:"created"`
		Keywords    []string   `json:"keywords"`
		Licenses    []license  `json:"licenses"`
		Sources     []source   `json:"sources,omitempty"`
		Resources   []resource `json:"resources"`
	}{
		Profile:     "data-package",
		Name:        "cns-review-process-documents",
		Title:       title,
		Description: "The documents of the review process of the Convention on Nuclear Safety (CNS): for each, whether it is public, since when, on what basis, or why not; the review meetings and the Contracting Parties. Rebuilt with the site every day from its catalog; the status is as of the moment `created` gives.",
		Created:     in.AsOf.In(in.Catalog.Rules.Location).Format("2006-01-02T15:04:05Z07:00"),
		Keywords:    []string{"Convention on Nuclear Safety", "CNS", "review meeting", "national report", "IAEA", "transparency"},
		Licenses:    []license{{License.Name, License.URL, License.Title}},
		Sources:     sources,
		Resources:   resources,
	}
	if home := w.url("/data/"); strings.HasPrefix(home, "http") {
		d.Homepage = home
	}
	b, err := marshal(d)
	if err != nil {
		return err
	}
	return w.file(Package, b)
}

func cmpBool(a, b bool, then int) int {
	switch {
	case a == b:
		return then
	case !a:
		return -1
	}
	return 1
}

// resourceName is a CSV's name in the package: its path without ".csv",
// "/" as "-" ("data/figures/rm07-states.csv": "data-figures-rm07-states").
func resourceName(p string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(p, ".csv"), "/", "-"))
}

// headerSchema is the schema of a CSV no Table describes: its header's
// columns, each a string.
func headerSchema(fsys afero.Fs, p string) (TableSchema, error) {
	b, err := afero.ReadFile(fsys, p)
	if err != nil {
		return TableSchema{}, err
	}
	s := TableSchema{Fields: []Field{}, MissingValues: []string{""}}
	header, err := csv.NewReader(bytes.NewReader(b)).Read()
	if errors.Is(err, io.EOF) {
		return s, nil // an empty file: no columns
	}
	if err != nil {
		return TableSchema{}, err
	}
	for _, name := range header {
		s.Fields = append(s.Fields, Field{Name: name, Type: "string"})
	}
	return s, nil
}
