package sitecontent_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/sitecontent"
)

func load(t testing.TB, docs int, seed uint64) (*corpus.Manifest, *catalog.Catalog) {
	t.Helper()
	m, c, err := corpus.Load(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: seed, Documents: docs})
	if err != nil {
		t.Fatal(err)
	}
	return m, c
}

// What Hugo is handed for a document that is not public holds nothing of it
// beyond its kind, party, meeting, state and dates: checked on the content
// itself, before any template could add or drop anything.
func TestContentOfNonPublicDocumentsHoldsNoSecret(t *testing.T) {
	m, c := load(t, 400, 11)
	for _, at := range []time.Time{m.From, m.From.Add(m.To.Sub(m.From) / 2), m.To} {
		decisions := publication.DecideAll(c, at)
		fs := afero.NewMemMapFs()
		if _, err := sitecontent.Write(fs, "/content", nil, disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, SiteTitle: "T"}); err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		err := afero.Walk(fs, "/content", func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			b, err := afero.ReadFile(fs, p)
			all.Write(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		content := all.String()
		nonPublic := 0
		for _, d := range m.Docs {
			dec := decisions[d.ID]
			if dec.State == publication.Public || d.NotSubmitted {
				continue
			}
			nonPublic++
			secrets := d.Secrets
			if dec.State != publication.Withdrawn {
				secrets = append(secrets, d.Title)
			}
			for _, s := range secrets {
				if strings.Contains(content, s) {
					t.Errorf("as of %s, the content holds %q of %s (%s)", at.Format(time.DateOnly), s, d.ID, dec.State)
				}
			}
		}
		if nonPublic == 0 {
			t.Errorf("as of %s no document is non-public: the test proves nothing", at)
		}
	}
}

func TestGeneratedPageMayNotReplaceHandWrittenOne(t *testing.T) {
	_, c := load(t, 10, 1)
	hand := fstest.MapFS{"meetings/_index.md": {Data: []byte("---\ntitle: Mine\n---\n")}}
	_, err := sitecontent.Write(afero.NewMemMapFs(), "/content", hand, disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, time.Now()), AsOf: time.Now()})
	if err == nil || !strings.Contains(err.Error(), "meetings/_index.md is both hand-written") {
		t.Errorf("error = %v", err)
	}
}

// A party with two National Reports at one meeting (the joint 8th and 9th)
// is on the meeting's map in the state of the later one, and the entry says
// that it has two (issue 22).
func TestMeetingMapShowsTheLatestNationalReport(t *testing.T) {
	_, c := load(t, 120, 22)
	at := time.Now()
	decisions := publication.DecideAll(c, at)
	// The reports of one party at a joint meeting, made to differ.
	var first, second *catalog.Document
	for _, d := range c.Documents {
		if d.Kind != sitecontent.NationalReport || d.Report == 0 {
			continue
		}
		for _, e := range c.Documents {
			if e.Kind == d.Kind && e.Meeting == d.Meeting && e.Party == d.Party && e.Report > d.Report {
				first, second = d, e
			}
		}
		if first != nil {
			break
		}
	}
	if first == nil {
		t.Fatal("the corpus has no party with two National Reports at one meeting")
	}
	for _, x := range []struct {
		d *catalog.Document
		s publication.State
	}{{first, publication.Withheld}, {second, publication.Restricted}} {
		dec := decisions[x.d.ID]
		dec.State = x.s
		decisions[x.d.ID] = dec
	}
	fs := afero.NewMemMapFs()
	if _, err := sitecontent.Write(fs, "/content", nil, disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, SiteTitle: "T"}); err != nil {
		t.Fatal(err)
	}
	for _, e := range frontMatter[meetingFront](t, fs, "meetings/"+first.Meeting+".md").Params.Map {
		if e.Party == first.Party {
			if e.State != "restricted" || e.Doc != second.ID || e.Reports != 2 {
				t.Errorf("map entry %+v, want state restricted of %s, 2 reports", e, second.ID)
			}
			return
		}
	}
	t.Errorf("party %s is not on the map of %s", first.Party, first.Meeting)
}

// The legend of a meeting's map on a past day (the home page's map_keys,
// which worldmap.html draws) has an entry for every state a map entry takes
// in a generated corpus, and for "not public", the state a past day may
// show; past_states are the document states and "not public".
func TestMapKeysCoverEveryMapEntry(t *testing.T) {
	_, c := load(t, 200, 23)
	at := time.Now()
	fs := afero.NewMemMapFs()
	if _, err := sitecontent.Write(fs, "/content", nil, disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, at), AsOf: at, SiteTitle: "T"}); err != nil {
		t.Fatal(err)
	}
	home := frontMatter[struct {
		Params struct {
			States     []string `json:"states"`
			PastStates []string `json:"past_states"`
			MapKeys    []string `json:"map_keys"`
		} `json:"params"`
	}](t, fs, "_index.md")
	keys := map[string]bool{}
	for _, k := range home.Params.MapKeys {
		keys[k] = true
	}
	want := append([]string{}, home.Params.States...)
	want = append(want, string(disclosure.NotPublic))
	if strings.Join(home.Params.PastStates, " ") != strings.Join(want, " ") {
		t.Errorf("past_states %v, want the states and not_public: %v", home.Params.PastStates, want)
	}
	for _, s := range home.Params.PastStates {
		if !keys[s] {
			t.Errorf("map_keys %v lack the past state %q", home.Params.MapKeys, s)
		}
	}
	seen := map[string]bool{}
	for _, m := range c.Meetings {
		for _, e := range frontMatter[meetingFront](t, fs, "meetings/"+m.ID+".md").Params.Map {
			seen[e.State] = true
			if !keys[e.State] {
				t.Errorf("%s: %s's entry is %q, which map_keys %v lack", m.ID, e.Party, e.State, home.Params.MapKeys)
			}
		}
	}
	t.Logf("map entries' states in the corpus: %v", seen)
	if !seen[sitecontent.NoRecord] {
		t.Errorf("no entry of the corpus says %q: choose another seed", sitecontent.NoRecord)
	}
}

// meetingFront is the part of a meeting page's front matter these tests read.
type meetingFront struct {
	Params struct {
		Map []sitecontent.MapEntry `json:"map"`
	} `json:"params"`
}

// frontMatter decodes the front matter (JSON) of a page Write wrote below
// /content.
func frontMatter[T any](t testing.TB, fs afero.Fs, name string) T {
	t.Helper()
	var v T
	b, err := afero.ReadFile(fs, "/content/"+name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// A hand-written page's translation (about.fr.md beside about.md) is for
// its language alone, and says its text is in it; a name whose suffix is
// no language of the site, or is the first, is copied as it is; a
// translation without front matter is refused, naming the file.
func TestHandWrittenTranslationIsForItsLanguage(t *testing.T) {
	_, c := load(t, 10, 1)
	in := disclosure.Input{Catalog: c, Decisions: publication.DecideAll(c, time.Now()), AsOf: time.Now(), Languages: []string{"en", "fr", "zh"}}
	hand := fstest.MapFS{
		"about.md":      {Data: []byte("---\ntitle: About\n---\n\nText.\n")},
		"about.fr.md":   {Data: []byte("---\ntitle: À propos\n---\n\nTexte.\n")},
		"about.de.md":   {Data: []byte("---\ntitle: Über\n---\n\nText.\n")},
		"about.en.md":   {Data: []byte("---\ntitle: About (en)\n---\n")},
		"notes/x.zh.md": {Data: []byte("---\ntitle: 说明\n---\n")},
	}
	fsys := afero.NewMemMapFs()
	if _, err := sitecontent.Write(fsys, "/content", hand, in); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := afero.ReadFile(fsys, "/content/"+name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for name, lang := range map[string]string{"about.fr.md": "fr", "notes/x.zh.md": "zh"} {
		got := read(name)
		if !strings.Contains(got, "content_lang: "+lang) || !strings.Contains(got, "languages:\n            - "+lang) {
			t.Errorf("%s is not marked as for %s alone:\n%s", name, lang, got)
		}
	}
	if got := read("about.fr.md"); !strings.Contains(got, "title: À propos") || !strings.HasSuffix(got, "---\n\nTexte.\n") {
		t.Errorf("about.fr.md lost its title or text:\n%s", got)
	}
	for _, name := range []string{"about.md", "about.de.md", "about.en.md"} {
		if got := read(name); got != string(hand[name].Data) {
			t.Errorf("%s was changed:\n%s", name, got)
		}
	}
	bad := fstest.MapFS{"about.fr.md": {Data: []byte("Texte sans en-tête.\n")}}
	if _, err := sitecontent.Write(afero.NewMemMapFs(), "/content", bad, in); err == nil || !strings.Contains(err.Error(), "site/content/about.fr.md") {
		t.Errorf("a translation without front matter: error %v, want one naming site/content/about.fr.md", err)
	}
}

// The home page's "Recently public" leaves out a document public by a day
// at the latest (its party published it on a day no source gives): that
// day bounds when it became public and may be long after it. The generated
// corpus has such documents; the test looks on the day the newest of them
// is public by, when it is among the newest public.
func TestRecentlyPublicLeavesOutDaysAtTheLatest(t *testing.T) {
	m, c := load(t, 400, 11)
	var day catalog.Date
	for _, dec := range publication.DecideAll(c, m.To) {
		if dec.State == publication.Public && dec.Latest && dec.PublicFrom.String() > day.String() {
			day = dec.PublicFrom
		}
	}
	if day.IsZero() {
		t.Fatal("the corpus has no document public by a day at the latest: choose another seed")
	}
	at := time.Date(day.Year, day.Month, day.Day, 12, 0, 0, 0, time.UTC)
	decisions := publication.DecideAll(c, at)
	fs := afero.NewMemMapFs()
	if _, err := sitecontent.Write(fs, "/content", nil, disclosure.Input{Catalog: c, Decisions: decisions, AsOf: at, SiteTitle: "T"}); err != nil {
		t.Fatal(err)
	}
	recent := frontMatter[struct {
		Params struct {
			Recent []struct {
				ID         string `json:"id"`
				PublicFrom string `json:"public_from"`
			} `json:"recent"`
		} `json:"params"`
	}](t, fs, "_index.md").Params.Recent
	if len(recent) == 0 {
		t.Fatal("nothing is recently public: the test proves nothing")
	}
	oldest := recent[len(recent)-1].PublicFrom
	for _, r := range recent {
		if decisions[r.ID].Latest {
			t.Errorf("%s, public by %s at the latest, is listed as recently public", r.ID, r.PublicFrom)
		}
	}
	newer := 0
	for _, dec := range decisions {
		if dec.State == publication.Public && dec.Latest && dec.PublicFrom.String() >= oldest {
			newer++
		}
	}
	if newer == 0 {
		t.Errorf("no document public by a day at the latest is as new as the list's oldest (%s): choose another seed", oldest)
	}
}
