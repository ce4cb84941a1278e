package corpus_test

import (
	"path/filepath"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
)

// Generated catalogs hold the cases the engine's rarer paths need, so that
// the tests that read them (past days, leaks, feeds, plan) meet them: a
// report taken down before its party's objection, which then withdraws
// nothing (a code review found none generated), and one taken down after
// the objection was lifted.
func TestCorpusHoldsTakeDownsBeforeAndAfterAnObjection(t *testing.T) {
	m, err := corpus.Write(filepath.Join(t.TempDir(), "data"), corpus.Options{Seed: 7, Documents: 200})
	if err != nil {
		t.Fatal(err)
	}
	before, afterLift := 0, 0
	for _, d := range m.Docs {
		switch {
		case d.Withdrawn.IsZero() || d.Objection.IsZero():
		case d.Withdrawn.Before(d.Objection):
			before++
		case !d.ObjectionLifted.IsZero() && d.ObjectionLifted.Before(d.Withdrawn):
			afterLift++
		}
	}
	if before == 0 || afterLift == 0 {
		t.Errorf("of 200 documents, %d taken down before an objection and %d after its lift; want some of each", before, afterLift)
	}
}
