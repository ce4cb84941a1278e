package cli

// The catalog's own words in the site's languages (issue 21): meeting
// titles, kind labels and descriptions and rule notes translated in
// data/translations/<lang>.yaml, shown in English, marked as such, where a
// language has none; the engine's reasons, basis, rules and history said in
// each language; check warning of what is missing; the open data carrying
// the names and titles per language.

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCatalogWordsInEachLanguage(t *testing.T) {
	site := sharedFixture(t, "2017-07-06", allLanguages...)
	for _, tc := range []struct{ page, want string }{
		// French has the 7th meeting's title; Spanish has no file: the
		// English title, marked as English.
		{"fr/meetings/rm07/index.html", "<h1>7e réunion d&#39;examen</h1>"},
		{"es/meetings/rm07/index.html", `<h1><span lang="en">7th Review Meeting</span></h1>`},
		// The French file leaves the joint meeting out.
		{"fr/meetings/rm08-09/index.html", `<h1><span lang="en">Joint 8th and 9th Review Meeting</span></h1>`},
		{"meetings/rm07/index.html", "<h1>7th Review Meeting</h1>"},
		// A document's title made of party, kind and meeting, made again in
		// the language (the kind after the colon in lower case, as French
		// writes a common noun mid-sentence); on Spanish pages its English
		// parts are marked, as they are.
		{"fr/documents/rm07-nr-albania/index.html", "<h1>Albanie\u00a0: rapport national, 7e réunion d&#39;examen</h1>"},
		{"fr/documents/rm07-nr-albania/index.html", "Statut\u00a0: public, au "},
		{"fr/meetings/rm07/index.html", "Publication\u00a0: rapport de synthèse</a>"},
		// A map's legend names each case with a capital, states and the
		// rest alike (a reader's review found «Público … sin registro»).
		{"es/meetings/rm07/index.html", `</svg> Sin registro: <span class="wm-count">`},
		// The rule that decided a document, with the note its version has
		// (what its sources say of the meetings it covers, a reader's
		// review found it only on the page of the rules); on a page of
		// another language, its source said to be in English.
		{"documents/rm06-nr-armenia/index.html", `<span class="rule-note">Before the 7th Review Meeting a report became public only once its party published it.</span>`},
		{"fr/documents/rm06-nr-armenia/index.html", "Source (en anglais)\u00a0: <span lang=\"en\">"},
		{"fr/documents/rm06-nr-armenia/index.html", "<p>Les sources sont citées en anglais, telles que le catalogue les enregistre.</p>"},
		{"es/documents/rm07-nr-albania/index.html", `<h1>Albania: <span lang="en">National Report</span>, <span lang="en">7th Review Meeting</span></h1>`},
		// The engine's words in the language, from its codes.
		// (Public by the rule's day at the latest: the fixture's 7th meeting
		// counts more early publications than it dates.)
		{"fr/documents/rm07-nr-albania/index.html", "<p class=\"status-reason\">Public au plus tard le 6 juillet 2017 (90 jours après la clôture de la réunion)\u202f; il a pu l&#39;être plus tôt.</p>"},
		{"fr/documents/rm07-nr-albania/index.html", "<dd><span>Règle «\u00a0Rapport national\u00a0» pour la 7e réunion d&#39;examen et toutes les réunions suivantes\u00a0: public 90 jours après la clôture de la réunion"},
		{"fr/documents/rm07-nr-albania/index.html", "<span>la réunion a été close\u202f; le document doit devenir public le 6 juillet 2017.</span>"},
		{"es/documents/rm07-nr-albania/index.html", `<p class="status-reason">Público a más tardar el 6 de julio de 2017 (90 días después de la clausura de la reunión); pudo serlo antes.</p>`},
		{"es/documents/rm07-nr-albania/index.html", `<dd><span>Norma «<span lang="en">National Report</span>» para la <span lang="en">7th Review Meeting</span> y todas las reuniones posteriores: público 90 días`},
		{"ru/documents/rm07-nr-albania/index.html", `через 90 дней после закрытия совещания`},
		{"ar/documents/rm07-nr-albania/index.html", `بعد 90 يومًا من رفع الاجتماع`},
		{"zh/documents/rm07-nr-libya/index.html", `<p class="status-reason">缔约方未提交文件。</p>`},
		// (The 7th meeting's source counts reports published earlier on
		// days not recorded: the day of the rule is the latest it can be.)
		{"fr/documents/rm07-nr-albania/index.html", "<li><time datetime=\"2017-07-06\">6 juillet 2017</time>\u00a0: <span>public à cette date au plus tard (90 jours après la clôture de la réunion)\u00a0: il a pu l&#39;être plus tôt, à une date non consignée.</span></li>"},
		// The rules of the publication page: kind, description and note.
		{"fr/publication/index.html", `<span class="rule-label">Rapport national</span><span class="rule-description">Le rapport d&#39;une Partie contractante`},
		{"fr/publication/index.html", `<span class="rule-note">Avant la 7e réunion d&#39;examen, un rapport ne devenait public que lorsque sa Partie le publiait.</span>`},
		{"es/publication/index.html", `<span class="rule-note"><span lang="en">Before the 7th Review Meeting a report became public only once its party published it.</span></span>`},
		// Links from a page lead to pages of its language.
		{"fr/documents/index.html", `<a href="/cns-site/fr/documents/rm07-nr-albania/">`},
		{"fr/meetings/rm07/index.html", `<a href="/cns-site/fr/countries/albania/" data-keep-day>Albanie</a>`},
	} {
		if page := read(t, filepath.Join(site, filepath.FromSlash(tc.page))); !strings.Contains(page, tc.want) {
			t.Errorf("%s lacks %s", tc.page, tc.want)
		}
	}

	// The open data: one language-neutral form (ids, English names and
	// titles) and the names and titles per language beside it.
	var meetings struct {
		Meetings []struct {
			ID     string            `json:"id"`
			Title  string            `json:"title"`
			Titles map[string]string `json:"titles"`
		} `json:"meetings"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(site, "meetings.json"))), &meetings); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range meetings.Meetings {
		if m.ID == "rm07" {
			found = true
			if m.Title != "7th Review Meeting" || m.Titles["fr"] != "7e réunion d'examen" || m.Titles["es"] != "" {
				t.Errorf("meetings.json rm07: %+v", m)
			}
		}
	}
	if !found {
		t.Error("meetings.json has no rm07")
	}
	var parties struct {
		Parties []struct {
			ID    string            `json:"id"`
			Name  string            `json:"name"`
			Names map[string]string `json:"names"`
		} `json:"parties"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(site, "parties.json"))), &parties); err != nil {
		t.Fatal(err)
	}
	for _, p := range parties.Parties {
		if p.ID == "korea" && (p.Name != "Republic of Korea" || p.Names["fr"] != "République de Corée" || p.Names["zh"] == "") {
			t.Errorf("parties.json korea: %+v", p)
		}
	}
}

// check lists, per language, the catalog's words that have no translation
// (a warning: the build goes on), and a translation of an id the catalog
// does not have, at its line; so does build, which still succeeds.
func TestCheckWarnsOfMissingTranslations(t *testing.T) {
	r := run(t, nil, "check", "--data", fixture, "--as-of", "2017-07-06", "--site", filepath.Join(repo, "site"), "--themes", filepath.Join(repo, "themes"))
	if r.code != 0 {
		t.Fatalf("check exited %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		`warning: language fr: 2 of 11 catalog texts without a translation in ` + filepath.ToSlash(filepath.Join(fixture, "translations", "fr.yaml")) + `, shown in English: meeting rm08-09 title, meeting rm08-09 place`,
		`warning: language es: 11 of 11 catalog texts without a translation (no file ` + filepath.ToSlash(filepath.Join(fixture, "translations", "es.yaml")) + `), shown in English: meeting rm06 title, meeting rm06 place, meeting rm07 title, meeting rm07 place, meeting rm08-09 title, meeting rm08-09 place, kind national_report label, kind national_report description, rule national_report from rm06 note, kind questions_answers label, kind summary_report label`,
	} {
		if !strings.Contains(r.stdout, want+"\n") {
			t.Errorf("check does not say\n%s\nit says:\n%s", want, r.stdout)
		}
	}

	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyTree(t, fixture, data)
	edit(t, filepath.Join(data, "translations", "fr.yaml"), "  - id: rm07\n", "  - id: rm99\n    title: 99e réunion\n  - id: rm07\n")
	r = run(t, nil, "check", "--data", data, "--as-of", "2017-07-06", "--site", filepath.Join(repo, "site"), "--themes", filepath.Join(repo, "themes"))
	warn := regexp.QuoteMeta(filepath.ToSlash(data)) + `/translations/fr\.yaml:8:5: meeting "rm99" is not in .*meetings\.yaml; its translation is not shown`
	if r.code != 0 || !regexp.MustCompile(`(?m)^warning: `+warn+`$`).MatchString(r.stdout) {
		t.Errorf("check exited %d, want 0 and a warning matching %s:\n%s%s", r.code, warn, r.stdout, r.stderr)
	}
	b := run(t, nil, buildArgs(data, filepath.Join(dir, "public"), filepath.Join(dir, ".build"), "--as-of", "2017-07-06")...)
	if b.code != 0 || !regexp.MustCompile(`(?m)^warning: `+warn+`$`).MatchString(b.stderr) {
		t.Errorf("build exited %d, want 0 and the warning on stderr:\n%s", b.code, b.stderr)
	}
}

// A title of a document that is not public which is also a word of the
// catalog's translations (here the French label of Summary Reports) would
// stop every build at the leak audit, which reads every language's pages:
// check says so first, with the document's line.
func TestCheckRefusesATitleTheTranslationsShow(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyTree(t, fixture, data)
	edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    party: chile\n", "    party: chile\n    title: Rapport de synthèse\n")
	r := run(t, nil, "check", "--data", data, "--as-of", "2017-05-01", "--site", filepath.Join(repo, "site"), "--themes", filepath.Join(repo, "themes"))
	want := `documents/rm07\.yaml:\d+:\d+: document "rm07-nr-chile" is scheduled as of 1 May 2017, but its title "Rapport de synthèse" also occurs in what the site publishes \(.*the catalog's translations, fr\.yaml`
	if r.code != ExitData || !regexp.MustCompile(want).MatchString(r.stderr) {
		t.Errorf("check exited %d, want %d with %s:\n%s", r.code, ExitData, want, r.stderr)
	}
	// The build refuses the catalog before writing anything, at the
	// translation's line and naming the document's.
	b := run(t, nil, buildArgs(data, filepath.Join(dir, "public"), filepath.Join(dir, ".build"), "--as-of", "2017-05-01", "--languages", "en,fr")...)
	if wantB := `translations/fr\.yaml:\d+:\d+: a kind's label in fr names, .* the title of document "rm07-nr-chile" \(.*documents/rm07\.yaml:\d+\)`; b.code != ExitData || !regexp.MustCompile(wantB).MatchString(b.stderr) {
		t.Errorf("build exited %d, want %d (the catalog) with %s:\n%s", b.code, ExitData, wantB, b.stderr)
	}
}
