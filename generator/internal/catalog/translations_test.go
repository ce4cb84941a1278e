package catalog

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// translatedCatalog is validCatalog with a note on its rule, a second
// meeting, and the translation files given.
func translatedCatalog(files map[string]string) fstest.MapFS {
	fsys := validCatalog()
	fsys["rules.yaml"] = &fstest.MapFile{Data: []byte(`timezone: Europe/Vienna
kinds:
  - kind: national_report
    slug: nr
    label: National Report
    description: A party's report.
    per_party: true
    rules:
      - {from: m1, public: after_adjournment, days: 90, early_publication: true, objection: true, note: Since the first meeting.}
`)}
	fsys["meetings.yaml"] = &fstest.MapFile{Data: []byte(`meetings:
  - {id: m1, type: review, numbers: [1], title: 1st Review Meeting, opening: 2017-03-27, adjournment: 2017-04-07}
  - {id: m2, type: review, numbers: [2], title: 2nd Review Meeting, opening: 2020-03-27}
`)}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func TestTranslationsGiveWordsByLanguage(t *testing.T) {
	c, err := Load(translatedCatalog(map[string]string{
		"translations/fr.yaml": `sources: ["glossary"]
meetings:
  - id: m1
    title: 1re réunion d'examen
kinds:
  - kind: national_report
    label: Rapport national
    rules:
      - from: m1
        note: Depuis la première réunion.
`,
	}), "data")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ got, want string }{
		{c.MeetingTitle("m1", "fr"), "1re réunion d'examen"},
		{c.MeetingTitle("m2", "fr"), ""},
		{c.MeetingTitle("m1", "es"), ""},
		{c.MeetingTitle("m1", "en"), "1st Review Meeting"},
		{c.KindLabel("national_report", "fr"), "Rapport national"},
		{c.KindDescription("national_report", "fr"), ""},
		{c.KindDescription("national_report", "en"), "A party's report."},
		{c.RuleNote("national_report", "m1", "fr"), "Depuis la première réunion."},
		{c.RuleNote("national_report", "m1", "en"), "Since the first meeting."},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if got, want := c.Untranslated("fr"), []string{"meeting m2 title", "kind national_report description"}; !slices.Equal(got, want) {
		t.Errorf("Untranslated(fr) = %q, want %q", got, want)
	}
	if got := c.Untranslated("es"); len(got) != c.Translatable() || c.Translatable() != 5 {
		t.Errorf("Untranslated(es) = %q, Translatable = %d; want all 5", got, c.Translatable())
	}
	if got := c.Languages(); !slices.Equal(got, []string{"fr"}) {
		t.Errorf("Languages = %v", got)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings: %v", c.Warnings.Strings())
	}
}

// An id the English files do not have is a warning at its line, never an
// error: removing a meeting in English alone still builds.
func TestTranslationOfAnUnknownIDIsAWarning(t *testing.T) {
	c, err := Load(translatedCatalog(map[string]string{
		"translations/ru.yaml": `meetings:
  - id: m9
    title: 9-е
kinds:
  - kind: questions
    label: Вопросы
  - kind: national_report
    rules:
      - from: m2
        note: x
`,
	}), "data")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`data/translations/ru.yaml:2:5: meeting "m9" is not in data/meetings.yaml; its translation is not shown`,
		`data/translations/ru.yaml:5:5: kind "questions" is not in data/rules.yaml; its translation is not shown`,
		`data/translations/ru.yaml:9:9: kind "national_report" has no rule from "m2" in data/rules.yaml; its translation is not shown`,
	}
	if got := c.Warnings.Strings(); !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A file that is not well formed is an error naming file, line and field.
func TestMalformedTranslationsAreErrors(t *testing.T) {
	_, err := Load(translatedCatalog(map[string]string{
		"translations/fr.yaml": `meetings:
  - id: m1
    title: Un
  - id: m1
    title: Deux
  - titel: Trois
kinds:
  - label: Rapport
`,
		"translations/french.yaml": "meetings: []\n",
		"translations/en.yaml":     "meetings: []\n",
		"translations/es.yaml":     "meetings:\n  - id: m1\n    title: \"a\\nb\"\n",
	}), "data")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`data/translations/en.yaml: English is what meetings.yaml and rules.yaml say`,
		`data/translations/es.yaml:3:5: title must be one line`,
		`data/translations/fr.yaml:4:5: meeting "m1" is translated twice (first at line 2)`,
		`data/translations/fr.yaml:6:5: unknown field "titel": did you mean "title"?`,
		`data/translations/fr.yaml:6:5: a meeting's translation needs id`,
		`data/translations/fr.yaml:8:5: a kind's translation needs kind`,
		`data/translations/french.yaml: the file's name must be a language code`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the errors lack %q:\n%v", want, err)
		}
	}
}
