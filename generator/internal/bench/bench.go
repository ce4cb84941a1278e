// Package bench measures the build on generated catalogs of any size
// against Hugo alone on the same content and theme, each run in a process
// of its own so that its peak memory is its own. It is a command of its own
// (go run ./generator/cmd/bench), so that the site's generator does not
// carry the corpus generator.
package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/hugosite"
	"github.com/cns-transparency/cns-site/generator/internal/memlimit"
	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
)

// benchRun is what one measured run reports to the bench command.
type benchRun struct {
	Mode   string           `json:"mode"` // full | hugo
	Docs   int              `json:"docs"`
	Stages map[string]int64 `json:"stages_ns"`
	Beside map[string]int64 `json:"beside_ns"` // work done while Hugo runs

	TotalNS  int64 `json:"total_ns"`
	MaxRSSKB int64 `json:"max_rss_kb"`
	OutBytes int64 `json:"out_bytes"`
	Files    int   `json:"files"`
	// MemoryLimit is the Go runtime's soft memory limit the run ended
	// under, in bytes (math.MaxInt64: none).
	MemoryLimit int64 `json:"memory_limit"`
	// GCPercent is the collector's pace the run ended at (GOGC's number).
	GCPercent int `json:"gc_percent"`
}

// Env is what the command takes from its surroundings.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// ErrUsage is matched by errors.Is for a wrong flag or argument.
var ErrUsage = errors.New("usage")

var errUsage = ErrUsage

// Main runs the command: with "run" as its first argument, one measured
// run (which the bench starts in processes of its own); else the bench. It
// returns the exit status: 0, 1 on failure, 2 on a usage error.
func Main(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	var err error
	if len(args) > 0 && args[0] == "run" {
		err = runOne(args[1:], env)
	} else {
		err = runBench(args, env)
	}
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, ErrUsage):
		fmt.Fprintln(env.Stderr, err)
		return 2
	}
	fmt.Fprintln(env.Stderr, err)
	return 1
}

// runBench measures the pipeline on generated catalogs against Hugo alone
// on the same content and theme, each run in a process of its own so that
// its peak memory is its own.
func runBench(args []string, env Env) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	sizes := fs.String("docs", "1000,10000,50000", "catalog sizes to measure, in documents")
	work := fs.String("work", ".build/bench", "where corpora and sites are written")
	site, themes, langs := siteFlags(fs)
	rounds := fs.Int("rounds", 2, "runs of each kind per size; the best counts")
	profile := fs.String("profile", "", "write CPU profiles of the runs into this folder (full-N.pprof, hugo-N.pprof) for go tool pprof")
	onDisk := fs.Bool("content-on-disk", false, "full builds write the content Hugo reads to the disk, as builds did before it was handed over in memory")
	sameLimit := fs.Bool("same-limit", false, "Hugo alone runs under the full build's soft memory limit (GOMEMLIMIT if set, else the build's default)\ninstead of the Go runtime's defaults, so that the ratio compares the two at equal memory")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %s", errUsage, err)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(env.Stdout, "machine: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	if *profile != "" {
		fmt.Fprintf(env.Stdout, "CPU profiles of the last run of each kind go to %s\n", *profile)
	}
	if *sameLimit {
		fmt.Fprintln(env.Stdout, "Hugo alone runs under the full build's memory limit (--same-limit)")
	}
	fmt.Fprintln(w, "docs\thugo alone\tfull build\tratio\tload+decide+write\taudit\tper doc (full)\tpeak RSS full\tpeak RSS hugo\toutput\t")
	for _, field := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n <= 0 {
			return fmt.Errorf("%w: --docs %q", errUsage, field)
		}
		dir, _ := filepath.Abs(filepath.Join(*work, strconv.Itoa(n)))
		data := filepath.Join(dir, "data")
		if _, err := os.Stat(filepath.Join(data, "rules.yaml")); err != nil {
			os.RemoveAll(dir)
			if _, err := corpus.Write(data, corpus.Options{Seed: 1, Documents: n}); err != nil {
				return err
			}
		}
		// Every run writes into folders of its own and nothing is deleted
		// until the bench ends: on a file system without a journal, ext4
		// scans past every inode deleted in the last minutes each time it
		// creates a file, so deleting one run's tens of thousands of files
		// would slow the next run down, by seconds, whichever kind it is.
		runs := filepath.Join(dir, "runs")
		if err := os.RemoveAll(runs); err != nil { // left by an interrupted bench
			return err
		}
		defer os.RemoveAll(runs)
		common := []string{"--data", data, "--work", filepath.Join(dir, ".build"), "--site", *site, "--themes", *themes, "--languages", *langs, "--docs", strconv.Itoa(n)}
		content := ""
		prof := func(mode string) []string {
			if *profile == "" {
				return nil
			}
			p, _ := filepath.Abs(filepath.Join(*profile, fmt.Sprintf("%s-%d.pprof", mode, n)))
			return []string{"--cpuprofile", p}
		}
		if *profile != "" {
			if err := os.MkdirAll(*profile, 0o755); err != nil {
				return err
			}
		}
		fullRun := func(i int) (benchRun, error) {
			content = filepath.Join(runs, fmt.Sprintf("content-%d", i))
			disk := []string{}
			if *onDisk {
				disk = []string{"--content-on-disk"}
			}
			return benchChild(self, slices.Concat([]string{"run", "--mode", "full", "--out", filepath.Join(runs, fmt.Sprintf("full-%d", i)), "--keep-content", content}, disk, prof("full"), common))
		}
		limit := []string{}
		if *sameLimit {
			limit = []string{"--same-limit"}
		}
		hugoRun := func(i int) (benchRun, error) {
			return benchChild(self, slices.Concat([]string{"run", "--mode", "hugo", "--out", filepath.Join(runs, fmt.Sprintf("hugo-%d", i)), "--content", content}, limit, prof("hugo"), common))
		}
		// The first full build writes the content Hugo alone is given and
		// warms the caches; then the two alternate, and each keeps its best
		// run, so a busy moment on a shared machine weighs on neither.
		full, err := fullRun(0)
		if err != nil {
			return err
		}
		var hugo benchRun
		for i := range *rounds {
			h, err := hugoRun(i)
			if err != nil {
				return err
			}
			f, err := fullRun(i + 1)
			if err != nil {
				return err
			}
			if i == 0 || h.TotalNS < hugo.TotalNS {
				hugo = h
			}
			if i == 0 || f.TotalNS < full.TotalNS {
				full = f
			}
		}
		own := full.Stages["load and decide"] + full.Stages["write content"]
		fmt.Fprintf(w, "%d\t%s\t%s\t%.2f\t%.1f %%\t%.1f %%\t%s\t%s\t%s\t%d MiB\t\n", n,
			dur(hugo.TotalNS), dur(full.TotalNS), float64(full.TotalNS)/float64(hugo.TotalNS),
			100*float64(own)/float64(full.TotalNS), 100*float64(full.Stages["audit"])/float64(full.TotalNS),
			time.Duration(full.TotalNS/int64(n)).Round(time.Microsecond), mib(full.MaxRSSKB), mib(hugo.MaxRSSKB), full.OutBytes>>20)
		w.Flush()
		var parts []string
		for _, s := range []string{"load and decide", "write content", "hugo", "merge", "audit", "swap", "clean up"} {
			parts = append(parts, fmt.Sprintf("%s %s", s, dur(full.Stages[s])))
		}
		fmt.Fprintf(env.Stdout, "  %d docs, stages: %s\n", n, strings.Join(parts, ", "))
		parts = parts[:0]
		for s, d := range full.Beside {
			parts = append(parts, fmt.Sprintf("%s %s", s, dur(d)))
		}
		slices.Sort(parts)
		fmt.Fprintf(env.Stdout, "  %d docs, beside Hugo: %s\n", n, strings.Join(parts, ", "))
	}
	return nil
}

// mib says a peak memory in MiB, or that this platform does not measure it.
func mib(kib int64) string {
	if kib <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d MiB", kib/1024)
}

func dur(ns int64) string { return time.Duration(ns).Round(time.Millisecond).String() }

func benchChild(self string, args []string) (benchRun, error) {
	var out, errb bytes.Buffer
	cmd := exec.Command(self, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return benchRun{}, fmt.Errorf("bench %v: %w\n%s", args, err, errb.String())
	}
	var r benchRun
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return r, fmt.Errorf("bench %v: %w\n%s", args, err, out.String())
	}
	r.MaxRSSKB = peakRSSKiB(cmd.ProcessState)
	return r, nil
}

// siteFlags adds --site, --themes and --languages, which the bench hands
// to each run.
func siteFlags(fs *flag.FlagSet) (site, themes, langs *string) {
	return fs.String("site", "site", "the Hugo site folder"), fs.String("themes", "themes", "the themes folder"),
		fs.String("languages", "", "build only these of the site's languages, comma-separated (default: all)")
}

// runOne is one measured run, in its own process.
func runOne(args []string, env Env) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	mode := fs.String("mode", "full", "full | hugo")
	data := fs.String("data", "", "the catalog (full)")
	work := fs.String("work", "", "the build area, Hugo's caches")
	out := fs.String("out", "", "where the site goes; must not exist")
	keep := fs.String("keep-content", "", "where the full build leaves the content it gave Hugo")
	content := fs.String("content", "", "the content Hugo alone builds")
	site, themes, langs := siteFlags(fs)
	docs := fs.Int("docs", 0, "")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	onDisk := fs.Bool("content-on-disk", false, "write the content Hugo reads to the disk")
	memLimit := memlimit.Flag(fs)
	sameLimit := fs.Bool("same-limit", false, "Hugo alone runs under the soft memory limit a full build sets")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %s", errUsage, err)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if _, err := os.Stat(*out); err == nil {
		return fmt.Errorf("%w: --out %s exists; a measured run deletes nothing", errUsage, *out)
	}
	r := benchRun{Mode: *mode, Docs: *docs, Stages: map[string]int64{}, Beside: map[string]int64{}}
	switch *mode {
	case "full":
		// The full build runs as build does, with its memory limit; Hugo
		// alone runs with the Go runtime's defaults.
		if err := memlimit.Apply(*memLimit, env.Getenv); err != nil {
			return fmt.Errorf("%w: %s", errUsage, err)
		}
		res, err := sitebuild.Build(sitebuild.Options{
			DataDir: *data, SiteDir: *site, ThemesDir: *themes, OutDir: *out, WorkDir: *work,
			AsOf: publication.AsOf{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}, KeepContent: *keep, ContentOnDisk: *onDisk,
			Languages: prepare.ParseLanguages(*langs),
		})
		if err != nil {
			return err
		}
		for _, s := range res.Stages {
			r.Stages[s.Name] += int64(s.Duration)
		}
		for _, s := range res.Beside {
			r.Beside[s.Name] += int64(s.Duration)
		}
		r.TotalNS, r.OutBytes, r.Files = int64(res.Total), res.Bytes, res.Files
	case "hugo":
		// Hugo alone on the content a full build wrote: no catalog, no
		// decisions, no outputs of the generator's own, no audit; at the
		// collector's pace of a full build, which is the runtime's setting,
		// not the generator's work. With --same-limit, also under the full
		// build's memory limit.
		memlimit.Pace(env.Getenv)
		if *sameLimit {
			if err := memlimit.Apply(*memLimit, env.Getenv); err != nil {
				return fmt.Errorf("%w: %s", errUsage, err)
			}
		}
		abs := func(p string) string { a, _ := filepath.Abs(p); return a }
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		// The same languages as the full build: the others disabled.
		var disabled []string
		if l := prepare.ParseLanguages(*langs); len(l) > 0 {
			conf, err := prepare.ReadSiteConfig(*site)
			if err != nil {
				return err
			}
			disabled = slices.DeleteFunc(conf.LanguageCodes(), func(c string) bool { return slices.Contains(l, c) })
		}
		start := time.Now()
		if _, err := hugosite.Build(hugosite.Options{
			SiteDir: abs(*site), ThemesDir: abs(*themes), ContentDir: abs(*content), PublishDir: abs(*out),
			CacheDir: filepath.Join(abs(*work), "hugo"), Disabled: disabled,
		}); err != nil {
			return err
		}
		r.TotalNS = int64(time.Since(start))
		r.Stages["hugo"] = r.TotalNS
	default:
		return fmt.Errorf("%w: --mode %q", errUsage, *mode)
	}
	r.MemoryLimit = debug.SetMemoryLimit(-1)
	r.GCPercent = debug.SetGCPercent(-1)
	debug.SetGCPercent(r.GCPercent)
	return json.NewEncoder(env.Stdout).Encode(r)
}
