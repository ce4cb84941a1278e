package plan

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// noChange is the plan of a change to no document. It says documents: the
// plan compares them alone, and a webmaster's review read "no change to
// what the public sees" of a change to a party's day of entry into force,
// which its page shows.
const noChange = "No change to any document (parties' and meetings' own pages are not compared)."

// Text writes the plan for a terminal.
func (p Plan) Text(w io.Writer, base string) {
	day := p.AsOf.Format("2 January 2006")
	fmt.Fprintf(w, "Publication plan: %s → this catalog, as of %s and for %d days after.\n", base, day, p.Days)
	if p.NoChange() {
		fmt.Fprintln(w, noChange)
		return
	}
	fmt.Fprintf(w, "%s\n", p.summary())
	for _, c := range p.Changes {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "%s%s%s: %s\n", marks(c), c.ID, changeWord(c), c.Title)
		for _, l := range c.lines() {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
}

// Markdown writes the plan for a CI job summary.
func (p Plan) Markdown(w io.Writer, base string) {
	day := p.AsOf.Format("2 January 2006")
	fmt.Fprintf(w, "### Publication plan\n\n%s → this change, as of %s and for %d days after.\n\n", mdEscape(base), day, p.Days)
	if p.NoChange() {
		fmt.Fprintln(w, noChange)
		return
	}
	fmt.Fprintf(w, "%s\n\n", p.summary())
	fmt.Fprintln(w, "| | document | change | what the public sees | why |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- |")
	for _, c := range p.Changes {
		var flags []string
		if c.Immediate {
			flags = append(flags, "**next deploy**")
		}
		if c.Earlier {
			flags = append(flags, "**earlier**")
		}
		seen := []string{}
		for _, l := range c.stateLines() {
			seen = append(seen, mdEscape(l))
		}
		why := []string{}
		for _, f := range c.factLines() {
			why = append(why, mdEscape(f))
		}
		title := "`" + c.ID + "` " + mdEscape(c.Title)
		if c.FormerID != "" {
			title += " (was `" + c.FormerID + "`)"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", strings.Join(flags, " "), title, c.Change,
			strings.Join(seen, "<br>"), strings.Join(why, "<br>"))
	}
}

// JSON writes the plan for tools: the Plan's fields (see data/README.md).
func (p Plan) JSON(w io.Writer, base string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Base      string `json:"base"`
		NoChange  bool   `json:"no_change"`
		Immediate int    `json:"immediate"`
		Plan
	}{base, p.NoChange(), p.Immediate(), p})
}

func (p Plan) summary() string {
	n, earlier := len(p.Changes), 0
	for _, c := range p.Changes {
		if c.Earlier {
			earlier++
		}
	}
	s := fmt.Sprintf("%d document(s) change; %d at the next deploy", n, p.Immediate())
	if !p.StateChanges() {
		s += "; no document's state changes"
	}
	if earlier > 0 {
		s += fmt.Sprintf("; %d public earlier than before", earlier)
	}
	return s + "."
}

func marks(c Change) string {
	var m []string
	if c.Immediate {
		m = append(m, "NEXT DEPLOY")
	}
	if c.Earlier {
		m = append(m, "EARLIER")
	}
	if len(m) == 0 {
		return ""
	}
	return "[" + strings.Join(m, ", ") + "] "
}

func changeWord(c Change) string {
	switch c.Change {
	case Added:
		return " (new)"
	case Removed:
		return " (removed)"
	case Renamed:
		return " (renamed from " + c.FormerID + ")"
	case Merged:
		return " (merged from " + c.FormerID + ")"
	}
	return ""
}

func (c Change) lines() []string {
	return append(c.stateLines(), c.factLines()...)
}

// stateLines say what the public sees before and after, now and later.
func (c Change) stateLines() []string {
	var out []string
	if c.Now.Before != c.Now.After {
		out = append(out, fmt.Sprintf("now: %s → %s", view(c.Now.Before), view(c.Now.After)))
	}
	for _, p := range c.Periods {
		if p.From == c.Now.From {
			continue
		}
		out = append(out, fmt.Sprintf("from %s: %s → %s", long(p.From), view(p.Before), view(p.After)))
	}
	if len(out) == 0 {
		out = append(out, "what the public sees does not change in the window")
	}
	return out
}

func (c Change) factLines() []string {
	var out []string
	for _, f := range c.Facts {
		out = append(out, "changed: "+f)
	}
	if c.Hidden {
		out = append(out, "details of a non-public document changed")
	}
	return out
}

// view says what the public sees in the words the site's pages use.
func view(v disclosure.Status) string {
	switch {
	case v.State == "":
		return "no such document"
	case v.State == publication.Public && !v.PublicFrom.IsZero():
		return fmt.Sprintf("public since %s (%s)", v.PublicFrom.Long(), v.BasisText)
	case v.State == publication.Scheduled:
		return fmt.Sprintf("scheduled for %s (%s)", v.PublicFrom.Long(), v.BasisText)
	case v.State == publication.Withdrawn:
		return fmt.Sprintf("withdrawn on %s (public from %s)", v.WithdrawnOn.Long(), v.PublicFrom.Long())
	}
	return strings.ReplaceAll(string(v.State), "_", " ")
}

func long(s string) string {
	d, err := catalog.ParseDate(s)
	if err != nil {
		return s
	}
	return d.Long()
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "'").Replace(s)
}
