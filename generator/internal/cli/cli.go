// Package cli is the generator's command line: build, check, explain,
// serve and plan.
// Run takes its arguments, output streams and environment as parameters, so
// tests drive it exactly as a user does.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/hugosite"
	"github.com/cns-transparency/cns-site/generator/internal/nearest"
	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
	"github.com/cns-transparency/cns-site/generator/internal/translations"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFailure  = 1 // anything else: unreadable folders, a failed swap
	ExitUsage    = 2 // unknown command or flag
	ExitData     = 3 // the catalog has problems
	ExitLeak     = 4 // the leak audit found something of a non-public document
	ExitHugo     = 5 // Hugo failed to render the site
	ExitNotFound = 6 // explain: no such document
	ExitBusy     = 7 // build: another build is writing the same output folder
	ExitApproval = 8 // plan --fail-on-immediate: a change shows at the next deploy
)

// Env is what the commands take from their surroundings.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time

	ctx context.Context // Run's context, for commands that run until stopped
}

const usage = `Usage: go run ./generator <command> [flags]

Commands:
  build     build the site from data/ into public/
  check     validate data/ and list every problem as file:line:col: message
  explain   print a document's publication decision and the rule behind it
  serve     preview the site on localhost, rebuilt and reloaded on every change
  plan      what a catalog change will publish, withhold or withdraw, and when

Run "go run ./generator <command> -h" for a command's flags.

Exit status: 0 success, 1 other failure, 2 usage, 3 catalog problems,
4 leak audit failed, 5 Hugo failed, 6 no such document, 7 another build
is writing the same output folder, 8 plan --fail-on-immediate: a change
shows at the next deploy.
`

// Run runs one command and returns its exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return ExitUsage
	}
	env.ctx = ctx
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "build":
		err = runBuild(rest, env)
	case "check":
		err = runCheck(rest, env)
	case "explain":
		err = runExplain(rest, env)
	case "serve":
		err = runServe(rest, env)
	case "plan":
		err = runPlan(rest, env)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	default:
		fmt.Fprintf(env.Stderr, "unknown command %q\n\n%s", cmd, usage)
		return ExitUsage
	}
	return report(err, env.Stderr)
}

func report(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, err)
		return ExitUsage
	case errors.Is(err, catalog.ErrInvalid):
		var ps catalog.Problems
		if errors.As(err, &ps) {
			fmt.Fprintln(stderr, ps.Error())
			fmt.Fprintf(stderr, "%d problem(s) in the catalog; a build stops at them and leaves the site as it was\n", len(ps))
		} else {
			fmt.Fprintln(stderr, err)
		}
		return ExitData
	case errors.Is(err, audit.ErrLeak):
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "the previous site was left as it was")
		return ExitLeak
	case errors.Is(err, hugosite.ErrHugo):
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "the previous site was left as it was")
		return ExitHugo
	case errors.Is(err, errNotFound):
		fmt.Fprintln(stderr, err)
		return ExitNotFound
	case errors.Is(err, errImmediate):
		fmt.Fprintln(stderr, err)
		return ExitApproval
	case errors.Is(err, sitebuild.ErrBusy):
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "nothing was built; the site was left as it was")
		return ExitBusy
	}
	fmt.Fprintln(stderr, err)
	return ExitFailure
}

var (
	errUsage    = errors.New("usage")
	errNotFound = errors.New("not found")
)

// common flags of the commands that read the catalog.
type common struct {
	data  string
	asOf  string
	flags *flag.FlagSet
	args  []string // the arguments that are not flags (parse)
	usage func(io.Writer)
	env   Env
}

func newFlags(name, synopsis string, env Env) (*flag.FlagSet, *common) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // its errors are reported once, by report; its usage by c.usage
	c := &common{flags: fs, env: env}
	fs.StringVar(&c.data, "data", "data", "the catalog folder")
	fs.StringVar(&c.asOf, "as-of", "", "decide as of this moment: a date (2017-07-06, the start of that day in the rules' time zone)\nor an RFC 3339 time; default SOURCE_DATE_EPOCH if set, else the start of today\nin the rules' time zone (so that builds on one day write the same site)")
	// Asked for with -h, the usage goes to the standard output (so that
	// "explain -h | less" shows it); after a wrong flag, to the errors.
	fs.Usage = func() {}
	c.usage = func(w io.Writer) {
		fmt.Fprintf(w, "Usage: go run ./generator %s\n\nFlags:\n", synopsis)
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		// Flags as the README writes them, with two dashes.
		fmt.Fprint(w, flagLine.ReplaceAllString(b.String(), "$1--"))
	}
	return fs, c
}

var flagLine = regexp.MustCompile(`(?m)^(  )-`)

// parse reads the flags, before or after the command's arguments (as a
// README example writes "explain rm07-nr-albania --as-of 2017-05-01"), and
// refuses more arguments than the command takes (want; a "--" ends the
// flags). The arguments are then c.args.
func (c *common) parse(args []string, want int, what string) error {
	c.args = nil
	for {
		if err := c.flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.usage(c.env.Stdout)
				return err
			}
			c.usage(c.env.Stderr)
			return fmt.Errorf("%w: %s", errUsage, err)
		}
		rest := c.flags.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			c.args = append(c.args, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		c.args, args = append(c.args, rest[0]), rest[1:]
	}
	if len(c.args) > want {
		if want == 0 {
			return fmt.Errorf("%w: %s takes no arguments, only flags; got %q", errUsage, c.flags.Name(), c.args)
		}
		return fmt.Errorf("%w: %s takes %s, got %q", errUsage, c.flags.Name(), what, c.args)
	}
	return nil
}

func (c *common) moment(env Env) (publication.AsOf, error) {
	if c.asOf != "" {
		a, err := publication.ParseAsOf(c.asOf)
		if err != nil {
			return a, fmt.Errorf("%w: %s", errUsage, err)
		}
		return a, nil
	}
	if s := env.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		a, err := publication.AsOfFromEpoch(s)
		if err != nil {
			return a, fmt.Errorf("%w: %s", errUsage, err)
		}
		return a, nil
	}
	return publication.Now(env.Now()), nil
}

func runBuild(args []string, env Env) error {
	fs, c := newFlags("build", "build [flags]", env)
	out := fs.String("out", "public", "where the site goes; replaced whole when the build succeeds")
	site := fs.String("site", "site", "the Hugo site folder (hugo.toml, hand-written pages)")
	themes := fs.String("themes", "themes", "the themes folder")
	work := fs.String("work", ".build", "the build area (git-ignored): generated content and Hugo's caches")
	baseURL := fs.String("base-url", "", "the address the site is served from, such as https://example.org/cns/ (default: the one in hugo.toml)")
	langs := fs.String("languages", "", "build only these of the site's languages, comma-separated, such as en or en,fr (default: every language in hugo.toml); for a quicker preview")
	quiet := fs.Bool("quiet", false, "print nothing on success but the catalog's warnings (on standard error)")
	wait := fs.Duration("wait", 0, "when another build is writing the same output folder, wait this long for it\n(such as 10m) before giving up with exit status 7; default: give up at once")
	memLimit := memoryLimitFlag(fs)
	if err := c.parse(args, 0, ""); err != nil {
		return err
	}
	if err := applyMemoryLimit(*memLimit, env); err != nil {
		return err
	}
	if l := prepare.ParseLanguages(*langs); len(l) > 0 {
		conf, err := prepare.ReadSiteConfig(*site)
		if err != nil {
			return err
		}
		for _, lang := range l {
			if !slices.Contains(conf.LanguageCodes(), lang) {
				return fmt.Errorf("%w: --languages: %q is not a language of the site (%s)", errUsage, lang, strings.Join(conf.LanguageCodes(), ", "))
			}
		}
	}
	at, err := c.moment(env)
	if err != nil {
		return err
	}
	var progress func(string, time.Duration)
	if !*quiet && isTerminal(env.Stderr) {
		progress = func(stage string, d time.Duration) {
			fmt.Fprintf(env.Stderr, "\r\033[K%s done (%s)", stage, d.Round(time.Millisecond))
		}
	}
	res, err := sitebuild.Build(sitebuild.Options{
		DataDir: c.data, SiteDir: *site, ThemesDir: *themes, OutDir: *out, WorkDir: *work,
		BaseURL: *baseURL, Languages: prepare.ParseLanguages(*langs), AsOf: at, DataName: c.data, HugoLog: env.Stderr, Progress: progress, Wait: *wait,
	})
	if progress != nil {
		fmt.Fprint(env.Stderr, "\r\033[K")
	}
	if err != nil {
		return err
	}
	for _, warn := range res.Warnings {
		fmt.Fprintln(env.Stderr, "warning:", warn)
	}
	for _, warn := range res.Catalog.Warnings.Strings() {
		fmt.Fprintln(env.Stderr, "warning:", warn)
	}
	for _, warn := range eventDateWarnings(res.Catalog, env) {
		fmt.Fprintln(env.Stderr, "warning:", warn)
	}
	if *quiet {
		return nil
	}
	w := env.Stdout
	fmt.Fprintf(w, "built %s as of %s\n", *out, res.AsOf.In(res.Catalog.Rules.Location).Format("2 January 2006 15:04 MST"))
	fmt.Fprintf(w, "documents: %d (%s)\n", res.Documents, countsLine(res.Counts))
	fmt.Fprintf(w, "pages: %d, files: %d, %.1f MB\n", res.Pages, res.Files, float64(res.Bytes)/1e6)
	var parts []string
	for _, s := range res.Stages {
		parts = append(parts, fmt.Sprintf("%s %s", s.Name, s.Duration.Round(time.Millisecond)))
	}
	fmt.Fprintf(w, "time: %s (%s)\n", res.Total.Round(time.Millisecond), strings.Join(parts, ", "))
	return nil
}

// isTerminal reports whether w is a terminal, where a progress line helps.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func countsLine(counts map[publication.State]int) string {
	var parts []string
	for _, s := range publication.States {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// load reads the catalog and decides every document as of the moment the
// flags or the environment give.
func (c *common) load(env Env) (*catalog.Catalog, time.Time, map[string]publication.Decision, error) {
	at, err := c.moment(env)
	if err != nil {
		return nil, time.Time{}, nil, err
	}
	return prepare.LoadAndDecide(c.data, c.data, at)
}

func runCheck(args []string, env Env) error {
	fs, c := newFlags("check", "check [flags]", env)
	site := fs.String("site", "site", "the Hugo site folder, whose pages and strings the leak audit reads too")
	themes := fs.String("themes", "themes", "the themes folder")
	if err := c.parse(args, 0, ""); err != nil {
		return err
	}
	cat, moment, decisions, err := c.load(env)
	if err != nil {
		return err
	}
	// What the leak audit of a build would refuse, known from the catalog,
	// site/ and the theme alone.
	free := prepare.FreeTextLeaks(cat, decisions, moment)
	if err := prepare.Precheck(cat, decisions, moment, *site, *themes); err != nil {
		if pre := (catalog.Problems)(nil); errors.As(err, &pre) {
			return append(pre, free...)
		}
		return err
	}
	if len(free) > 0 {
		return free
	}
	counts := map[publication.State]int{}
	for _, d := range decisions {
		counts[d.State]++
	}
	fmt.Fprintf(env.Stdout, "%s: %d parties, %d meetings, %d documents; no problems\n", c.data, len(cat.Parties), len(cat.Meetings), len(cat.Documents))
	fmt.Fprintf(env.Stdout, "as of %s: %s\n", moment.In(cat.Rules.Location).Format("2 January 2006 15:04 MST"), countsLine(counts))
	// One view for both: where documents can be read is counted once.
	v := disclosure.NewView(disclosure.Input{Catalog: cat, Decisions: decisions, AsOf: moment})
	if line := readAtLine(v, cat); line != "" {
		fmt.Fprintln(env.Stdout, line)
	}
	for _, line := range completenessLines(v, cat) {
		fmt.Fprintln(env.Stdout, line)
	}
	// What each language lacks: warnings, never errors, since a string or
	// a name missing in a language shows in English.
	// A site folder without hugo.toml (checking a catalog on its own) has
	// no languages to speak of.
	langs := []string{"en"}
	if conf, err := prepare.ReadSiteConfig(*site); err == nil {
		langs = conf.LanguageCodes()
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	strs, err := translations.Load(os.DirFS(*themes), "cns/i18n")
	if err != nil {
		return err
	}
	for _, line := range languageLines(cat, langs, translations.Gaps(strs)) {
		fmt.Fprintln(env.Stdout, line)
	}
	for _, line := range catalogLanguageLines(cat, langs, c.data) {
		fmt.Fprintln(env.Stdout, line)
	}
	for _, w := range eventDateWarnings(cat, env) {
		fmt.Fprintln(env.Stdout, "warning: "+w)
	}
	return nil
}

// eventDateWarnings are the days of documents' facts that cannot be right
// as given (catalog.EventDateWarnings), as of today, whatever moment the
// command decides as of.
func eventDateWarnings(cat *catalog.Catalog, env Env) []string {
	return cat.EventDateWarnings(catalog.DateOf(env.Now().In(cat.Rules.Location))).Strings()
}

// catalogLanguageLines say what the catalog's translations lack or get
// wrong: for each language of the site but English that lacks any, the
// meeting titles, kind labels and descriptions and rule notes that have no
// translation (shown in English, marked as such), every one named; a translation file
// of a language the site does not have; and each translation of an id the
// English files do not have, at its line. All are warnings: a catalog
// edited in English alone still builds.
func catalogLanguageLines(cat *catalog.Catalog, langs []string, dataName string) []string {
	var out []string
	for _, lang := range langs {
		if lang == "en" {
			continue
		}
		missing := cat.Untranslated(lang)
		if len(missing) == 0 {
			continue
		}
		line := fmt.Sprintf("language %s: %d of %d catalog texts without a translation", lang, len(missing), cat.Translatable())
		if t := cat.Translations[lang]; t != nil {
			line += " in " + t.File
		} else {
			line += " (no file " + filepath.ToSlash(filepath.Join(dataName, "translations", lang+".yaml")) + ")"
		}
		out = append(out, "warning: "+line+", shown in English: "+strings.Join(missing, ", "))
	}
	for _, lang := range cat.Languages() {
		if !slices.Contains(langs, lang) {
			out = append(out, fmt.Sprintf("warning: %s: %s is not a language of the site; its translations are not shown", cat.Translations[lang].File, lang))
		}
	}
	for _, w := range cat.Warnings.Strings() {
		out = append(out, "warning: "+w)
	}
	return out
}

// languageLines say, for each language of the site but English, how many
// interface strings and party names it lacks (shown in English, marked as
// such), naming them when they are few.
func languageLines(cat *catalog.Catalog, langs []string, gaps map[string]translations.Gap) []string {
	v := disclosure.NewView(disclosure.Input{Catalog: cat, Languages: langs})
	var out []string
	for _, lang := range langs {
		if lang == "en" {
			continue
		}
		var unnamed []string
		for _, p := range cat.Parties {
			if v.PartyNames(p)[lang] == "" {
				unnamed = append(unnamed, p.ID)
			}
		}
		g := gaps[lang]
		line := fmt.Sprintf("language %s: %d interface strings and %d plural forms missing, %d of %d parties without a name of their own",
			lang, len(g.Missing), len(g.Forms), len(unnamed), len(cat.Parties))
		few := slices.Concat(g.Missing, g.Forms, unnamed)
		if len(few) == 0 {
			// Nothing to warn of: said plainly, so that a reader of the
			// output sees the language was checked.
			out = append(out, fmt.Sprintf("language %s: every interface string, plural form and party name is there", lang))
			continue
		}
		if len(few) <= 8 {
			line += " (" + strings.Join(few, ", ") + ")"
		}
		out = append(out, "warning: "+line)
	}
	return out
}

// readAtLine says where readers can read the public documents: how many
// have a file here, an official copy, a meeting's or a party's page of
// reports, only the site their meeting names (documents_site), or nothing
// known.
func readAtLine(v *disclosure.View, cat *catalog.Catalog) string {
	r := v.ReadCounts(cat.Documents)
	if r.Public == 0 {
		return ""
	}
	// A site named for the meeting's documents, with no address of the
	// document itself, tells a reader where to look, not where to read.
	n := r.ByKind
	return fmt.Sprintf("where to read the %d public documents: %d (%d%%) readable from the site (a file here %d, the text here %d, an official copy %d, the meeting's list of documents %d, the party's page of reports %d), on a site named without an address of their own %d, nowhere recorded %d",
		r.Public, r.Readable, (r.Readable*200+r.Public)/(2*r.Public), n[disclosure.ReadFile], n[disclosure.ReadText], n[disclosure.ReadOfficialCopy], n[disclosure.ReadMeetingDocuments], n[disclosure.ReadPartyReports], r.Site, r.Unknown)
}

// completenessLines say, for each meeting, how many of its Contracting
// Parties have a record in the catalog and how many have none, as far as
// the catalog knows who was bound (catalog.Completeness), and where its
// public documents can be read (disclosure.MeetingInfo.Reading).
func completenessLines(v *disclosure.View, cat *catalog.Catalog) []string {
	var out []string
	for _, m := range cat.Meetings {
		c := cat.Completeness(m.ID)
		total := fmt.Sprintf("%d Contracting Parties", c.Total)
		switch {
		case c.TotalFromCount:
			total += " (a source's count for the meeting)"
		case c.Missing() < 0 && c.Counted != nil:
			total = fmt.Sprintf("Contracting Parties not known (at least %d: a source counts %d on %s, %d recorded leaving since)", c.AtLeast, c.Counted.Count, c.Counted.Day, c.CountedLeft)
		case c.Missing() < 0:
			total = fmt.Sprintf("Contracting Parties not known (at least %d)", c.AtLeast)
		}
		missing := fmt.Sprint(c.Missing())
		if c.Missing() < 0 {
			missing = fmt.Sprintf("at least %d", c.NoRecordAtLeast())
		}
		line := fmt.Sprintf("meeting %s: %s; %d with a record, %s with no record", m.ID, total, c.WithRecord, missing)
		// Before the meeting opens, a party with no record is no gap yet.
		if v.NotOpened(m) {
			when := "opens on " + m.Opening.String()
			if m.Opening.IsZero() {
				when = "adjourns on " + m.Adjournment.String()
			}
			line = fmt.Sprintf("meeting %s (not yet held: it %s): %s; %d with a record, %s with nothing recorded yet", m.ID, when, total, c.WithRecord, missing)
		}
		for _, x := range []struct {
			what string
			ids  []string
		}{{"not yet parties", c.NotYet}, {"no longer parties", c.Left}, {"not known whether bound", c.Unknown}} {
			if len(x.ids) > 0 {
				line += fmt.Sprintf("; %s %d", x.what, len(x.ids))
			}
		}
		// Where its public documents can be read, as its page says.
		if r := v.Meeting(m).Reading; r.Public > 0 {
			line += fmt.Sprintf("; public documents %d: readable from the site %d", r.Public, r.Readable)
			if m.DocumentsSite != nil {
				line += fmt.Sprintf(", only on %s %d", m.DocumentsSite.URL, r.Site)
			}
			line += fmt.Sprintf(", nowhere recorded %d", r.Unknown)
		}
		out = append(out, line)
	}
	return out
}

func runExplain(args []string, env Env) error {
	_, c := newFlags("explain", "explain [flags] DOCUMENT-ID", env)
	if err := c.parse(args, 1, "one document id, such as rm07-nr-albania"); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return fmt.Errorf("%w: explain takes one document id, such as rm07-nr-albania", errUsage)
	}
	cat, moment, decisions, err := c.load(env)
	if err != nil {
		return err
	}
	id := c.args[0]
	doc, ok := cat.Document(id)
	if !ok {
		// A former id (its address still leads to the document's page).
		for _, d := range cat.Documents {
			if slices.Contains(d.FormerIDs, id) {
				doc, ok = d, true
				fmt.Fprintf(env.Stdout, "%s is a former id of %s (former_ids at %s:%d)\n\n", id, d.ID, d.Field("former_ids").File, d.Field("former_ids").Line)
				break
			}
		}
	}
	if !ok {
		// Ids that hold it, then ids a few letters from it.
		var near, ids []string
		for _, d := range cat.Documents {
			ids = append(ids, d.ID)
			if strings.Contains(d.ID, id) {
				near = append(near, d.ID)
			}
		}
		slices.Sort(near)
		for _, n := range nearest.Words(id, ids, 5) {
			if !slices.Contains(near, n) {
				near = append(near, n)
			}
		}
		hint := ""
		if len(near) > 0 {
			hint = "; did you mean " + strings.Join(near[:min(5, len(near))], ", ") + "?"
		}
		return fmt.Errorf("%w: no document %q in %s%s", errNotFound, id, c.data, hint)
	}
	v := disclosure.NewView(disclosure.Input{Catalog: cat, Decisions: decisions, AsOf: moment})
	explain(env.Stdout, cat, v, doc, decisions[doc.ID], moment)
	return nil
}

// explain prints what decided a document's state, for a webmaster or a
// reader checking a page. Its reason is the one the document's page gives (disclosure.View.Page,
// from the decisions of the whole catalog): the engine's, or, for a report
// public on the rule's day whose meeting counts more reports published
// early than the catalog dates, "public by D at the latest".
func explain(w io.Writer, c *catalog.Catalog, v *disclosure.View, d *catalog.Document, dec publication.Decision, at time.Time) {
	loc := c.Rules.Location
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-12s %s\n", k+":", v)
		}
	}
	line("document", d.ID)
	line("defined at", fmt.Sprintf("%s:%d", d.Pos.File, d.Pos.Line))
	line("as of", at.In(loc).Format("2 January 2006 15:04 MST"))
	line("state", string(dec.State))
	page, _ := v.Page(d)
	// The page's reason, or the engine's where the page leaves out a day
	// the webmaster knows (an objection's).
	reason := page.Reason
	if page.Cause.Date.IsZero() && !dec.Cause.Date.IsZero() && page.Cause.Code == dec.Cause.Code {
		reason = dec.Reason
	}
	line("reason", reason)
	line("rule", dec.RuleText)
	if v := dec.Version; v != nil {
		line("rule at", fmt.Sprintf("%s:%d", v.Pos.File, v.Pos.Line))
		for _, src := range v.Sources {
			line("rule source", src)
		}
		if v.Assumed {
			line("rule assumed", "no source states this rule for the document's meeting; the catalog applies it, so a day it sets is not one a source records ("+v.Note+")")
		}
	}
	line("basis", dec.BasisText)
	if m, ok := c.Meeting(d.Meeting); ok {
		verb := "adjourned"
		if !m.Adjournment.IsZero() && at.Before(m.Adjournment.Start(c.Rules.Location)) {
			verb = "adjourns"
		}
		line("meeting", fmt.Sprintf("%s, %s %s", m.Title, verb, orUnknown(m.Adjournment)))
	}
	if p, ok := c.Party(d.Party); ok {
		line("party", fmt.Sprintf("%s, %s", p.Name, standingText(c.Membership(d.Meeting, d.Party))))
	}
	// A report public again since its party lifted an objection: the
	// period it was public before, which its page, history and open data
	// keep (a webmaster's review found explain silent of it).
	if e := page.Earlier; e != nil {
		first := "public from " + e.PublicFrom.Long()
		switch {
		case e.Read:
			first = "public by " + e.PublicFrom.Long() + " at the latest, the day this catalog read its party's page"
		case e.Latest:
			first = "public by " + e.PublicFrom.Long() + " at the latest"
		}
		if e.Assumed {
			first += ", a day the rule sets that no source states for the meeting"
		}
		line("earlier", fmt.Sprintf("%s (%s) to %s, when its party's objection withdrew it", first, e.BasisText, e.WithdrawnOn.Long()))
	}
	line("public from", dec.PublicFrom.Long())
	line("withdrawn on", dec.WithdrawnOn.Long())
	if dec.State == publication.Public && page.ReadAt != nil {
		line("read at", readAtText(*page.ReadAt))
	}
	// The next change: the rule's, or one a fact the catalog records for a
	// day to come makes (a lift, a late submission, a take-down), which the
	// engine, deciding on the facts of the moment, does not give.
	m, _ := c.Meeting(d.Meeting)
	next := "none known"
	if day, then, facts, ok := publication.Next(d, m, &c.Rules, at, dec); ok {
		next = day.Long() + " (00:00 " + c.Rules.Timezone + ")"
		if len(facts) > 0 {
			for i, f := range facts {
				facts[i] = strings.ReplaceAll(f, "_", " ")
			}
			next += fmt.Sprintf(": %s, by the fact this catalog records for that day (%s); pages show nothing of it before then", then.State, strings.Join(facts, ", "))
		}
	}
	line("next change", next)
	for _, f := range d.Facts() {
		if !f.Day.IsZero() {
			line("fact: "+strings.ReplaceAll(f.Field, "_", " "), f.Day.Long())
		}
	}
}

// readAtText says where a public document can be read, as its page says
// it, in the words of the catalog's fields (explain).
func readAtText(r disclosure.ReadAt) string {
	switch r.Kind {
	case disclosure.ReadFile:
		return "its file on this site, " + r.URL
	case disclosure.ReadText:
		return "its text on its page, " + r.URL
	case disclosure.ReadOfficialCopy:
		return "its official copy (url), " + r.URL
	case disclosure.ReadMeetingDocuments:
		return "its meeting's list of documents (documents_url), " + r.URL
	case disclosure.ReadPartyReports:
		return "its party's page of reports (reports_url), " + r.URL
	case disclosure.ReadMeetingSite:
		return "only the site its meeting's sources name (documents_site), " + r.URL + "; no address of its own"
	}
	return "nowhere recorded: give it url: (its official copy), its party reports_url:, or its meeting documents_url: or documents_site:"
}

// standingText says a party's standing at a meeting and how the catalog
// knows it, as explain prints it.
func standingText(m catalog.Membership) string {
	what := map[catalog.Standing]string{
		catalog.Bound:           "a Contracting Party at the meeting",
		catalog.NotYet:          "not yet a Contracting Party at the meeting",
		catalog.Former:          "no longer a Contracting Party at the meeting",
		catalog.StandingUnknown: "whether it was a Contracting Party at the meeting is not known",
	}[m.Standing]
	how := map[string]string{
		catalog.BasisList:       "the meeting's list of its parties",
		catalog.BasisInForce:    "the day the Convention entered into force for it",
		catalog.BasisInForceBy:  "a day by which the Convention was in force for it",
		catalog.BasisNotBoundOn: "a day on which the Convention did not yet bind it",
		catalog.BasisEarlier:    "its being a party at an earlier meeting",
		catalog.BasisLater:      "its not being a party at a later meeting",
		catalog.BasisRecord:     "a document of the meeting recorded here",
		catalog.BasisLeft:       "the day it ceased to be a party",
	}[m.Basis]
	if how == "" {
		return what
	}
	return what + " (known from " + how + ")"
}

func orUnknown(d catalog.Date) string {
	if d.IsZero() {
		return "(date not recorded)"
	}
	return d.Long()
}
