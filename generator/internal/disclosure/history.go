package disclosure

import (
	"slices"
	"strings"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Kinds of change in a document's history.
const (
	ChangeScheduled = "scheduled" // its publication date became fixed
	ChangePublic    = "public"    // it became public
	ChangeWithdrawn = "withdrawn" // it was taken down
)

// Change is a dated event in a document's publication history, as the feeds
// and the document's timeline show it. Every change is dated by the catalog's
// facts, never by the build: a build on any later day gives the same changes,
// plus those that happened since.
type Change struct {
	Date catalog.Date `json:"date"`
	Kind string       `json:"kind"` // scheduled | public | withdrawn
	Text string       `json:"text"` // one sentence
	Doc  DocRef       `json:"-"`
}

// History lists the changes of a document up to the as-of moment, oldest
// first. It says only what the document's state allows: a document that is
// withheld, restricted or not submitted has no history beyond its state.
func (w *View) History(d *catalog.Document) []Change { return w.history(d, w.Ref(d)) }

// history is History for a document whose Ref the caller has already.
func (w *View) history(d *catalog.Document, ref DocRef) []Change {
	dec := w.in.Decisions[d.ID]
	var out []Change
	add := func(date catalog.Date, kind, text string) {
		if !date.IsZero() && !w.in.AsOf.Before(date.Start(w.in.Catalog.Rules.Location)) {
			out = append(out, Change{Date: date, Kind: kind, Text: text, Doc: ref})
		}
	}
	switch dec.State {
	case publication.Scheduled, publication.Public, publication.Withdrawn:
	default:
		return nil
	}
	// The date of a report under the rule of days is fixed the day its
	// meeting adjourns.
	if dec.Basis == publication.BasisAfterAdjournment {
		if m, ok := w.in.Catalog.Meeting(d.Meeting); ok && m.Adjournment.Before(dec.PublicFrom) {
			add(m.Adjournment, ChangeScheduled, "The meeting adjourned; the document is due to become public on "+dec.PublicFrom.Long()+".")
		}
	}
	if dec.State == publication.Public || dec.State == publication.Withdrawn {
		add(dec.PublicFrom, ChangePublic, "Became public ("+dec.BasisText+").")
	}
	if dec.State == publication.Withdrawn {
		add(dec.WithdrawnOn, ChangeWithdrawn, "Withdrawn from publication.")
	}
	return out
}

// Changes lists every document's history, newest first, for the feeds.
func (w *View) Changes() []Change {
	var all []Change
	for _, d := range w.in.Catalog.Documents {
		all = append(all, w.History(d)...)
	}
	slices.SortStableFunc(all, func(a, b Change) int {
		if c := strings.Compare(b.Date.String(), a.Date.String()); c != 0 {
			return c
		}
		if c := strings.Compare(a.Doc.ID, b.Doc.ID); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	return all
}
