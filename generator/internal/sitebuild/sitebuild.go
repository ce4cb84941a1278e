// Package sitebuild runs the whole pipeline:
//
//	data/ -> load & validate -> decide -> write Hugo content -> Hugo -> merge -> audit -> swap
//	                                                          \ beside Hugo: public documents'
//	                                                            files, open data, feeds, search
//
// The leak audit reads Hugo's pages as Hugo writes them and the files
// written beside Hugo in their own folder; after the merge it reads back
// only what it has not seen as it now is.
//
// Nothing is lost: the site is built in a fresh directory beside the output
// and replaces it only when every stage succeeded, so a failed build leaves the
// previous site byte for byte as it was. Nothing is ever written into data/.
package sitebuild

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/afero"

	"github.com/cns-transparency/cns-site/generator/internal/audit"
	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/disclosure"
	"github.com/cns-transparency/cns-site/generator/internal/hugosite"
	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
	"github.com/cns-transparency/cns-site/generator/internal/sitecontent"
)

// Options of a build. Paths may be relative to the working directory.
type Options struct {
	DataDir   string // the catalog (data/)
	SiteDir   string // the Hugo site (site/)
	ThemesDir string // themes/
	OutDir    string // where the site goes (public/)
	WorkDir   string // the build area (.build/), git-ignored
	BaseURL   string
	// Languages, when set, are the only languages of hugo.toml built; each
	// must be one of them. Nil builds every language.
	Languages []string
	AsOf      publication.AsOf
	// DataName is how messages name the catalog folder; default "data".
	DataName string
	// HugoLog receives Hugo's warnings; nil discards them.
	HugoLog io.Writer
	// Progress, when set, is told when each stage finishes, for a progress
	// line on a terminal.
	Progress func(stage string, done time.Duration)
	// Wait is how long to wait for another build of the same output folder
	// to finish; after it, Build returns ErrBusy. Zero: do not wait.
	Wait time.Duration
	// NoAudit skips the leak audit. Only tests that prove the audit catches
	// leaks set it.
	NoAudit bool
	// ContentOnDisk writes the content Hugo reads into the build area on
	// the disk; by default it is handed to Hugo in memory (README
	// "Performance" says what each measured).
	ContentOnDisk bool
	// KeepContent, when set, is where the generated Hugo content is moved
	// after a successful build (it is deleted otherwise), for the benchmark's
	// plain-Hugo baseline and for looking at what Hugo was given.
	KeepContent string
}

// Stage is one timed step of a build.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Result of a successful build.
type Result struct {
	AsOf      time.Time
	Counts    map[publication.State]int
	Documents int
	Pages     int // Hugo pages
	Files     int // files in the output
	Bytes     int64
	Stages    []Stage
	// Beside is work done while Hugo runs, which Stages count within "hugo".
	Beside    []Stage
	Total     time.Duration
	Catalog   *catalog.Catalog
	Decisions map[string]publication.Decision
	OutDir    string
	SiteTitle string
	// Warnings are what the user should know of a build that succeeded.
	Warnings []string
}

// Build runs the pipeline. On error the output directory is untouched.
// Each stage is a method of build below, timed under its name.
func Build(o Options) (*Result, error) {
	b := &build{o: o, start: time.Now(), res: &Result{Counts: map[publication.State]int{}}}
	b.lap = b.start
	defer b.close()
	for _, s := range []struct {
		name string
		run  func() error
	}{
		{"", b.prepare}, // not timed: resolving folders and taking the lock
		{"load and decide", b.load},
		{"write content", b.writeContent},
		{"hugo", b.render},
		{"merge", b.merge},
		{"audit", b.audit},
		{"swap", b.swap},
		{"clean up", b.cleanUp},
	} {
		if err := s.run(); err != nil {
			return nil, err
		}
		if s.name != "" {
			b.stage(s.name)
		}
	}
	b.res.OutDir = b.paths.out
	b.res.Total = time.Since(b.start)
	// Kept for the benchmark's baseline, after the build's time is taken:
	// a build that keeps nothing does not do this work.
	if err := b.keep(); err != nil {
		return nil, err
	}
	return b.res, nil
}

// build is one run of the pipeline: what its stages hand each other.
type build struct {
	o          Options
	res        *Result
	start, lap time.Time
	paths      resolved

	unlock     func() // the output folder's lock
	release    func() // the run folder in the build area
	run        string // that folder
	next       string // the new site, beside the output, until swapped in
	extras     string // files written beside Hugo, until merged
	contentDir string
	content    afero.Fs // holds contentDir: in memory, or the disk
	input      disclosure.Input
	view       *disclosure.View // of input: one for the whole build, shared by every output
	disabled   []string         // languages of hugo.toml not built
	stream     *audit.Stream
	swapped    bool
}

func (b *build) stage(name string) {
	now := time.Now()
	b.res.Stages = append(b.res.Stages, Stage{name, now.Sub(b.lap)})
	b.lap = now
	if b.o.Progress != nil {
		b.o.Progress(name, now.Sub(b.start))
	}
}

// close removes what a failed build made and releases its locks; after a
// successful one only the locks are left to release.
func (b *build) close() {
	if b.extras != "" {
		os.RemoveAll(b.extras)
	}
	if b.next != "" && !b.swapped {
		os.RemoveAll(b.next)
	}
	if b.release != nil {
		b.release()
	}
	if b.unlock != nil {
		b.unlock()
	}
}

// prepare resolves the folders and takes the output folder's lock: one
// build at a time writes it. What killed builds left beside it or in the
// build area goes first.
func (b *build) prepare() error {
	var err error
	if b.paths, err = resolve(b.o); err != nil {
		return err
	}
	lock, err := lockOutput(b.paths.out, b.o.Wait)
	if err != nil {
		return err
	}
	b.unlock = func() { lock.Unlock() }
	left, err := cleanLeftovers(b.paths.out, b.paths.work)
	if err != nil {
		return err
	}
	if left != nil {
		// Folders with names of their own, in nobody's way: the build goes
		// on, and says so (a daily deploy must not fail for them).
		b.res.Warnings = append(b.res.Warnings, fmt.Sprintf("what an earlier build left could not all be removed (a later build tries again): %v", left))
	}
	return nil
}

// load reads the catalog and decides every document.
func (b *build) load() error {
	c, at, decisions, err := prepare.LoadAndDecide(b.paths.data, b.o.DataName, b.o.AsOf)
	if err != nil {
		return err
	}
	// The catalog's own words that pages show as written and that name a
	// document not public, perhaps written another way than the audit of
	// the site would find: refused before anything is written.
	if ps := prepare.FreeTextLeaks(c, decisions, at); len(ps) > 0 {
		return ps
	}
	b.res.AsOf, b.res.Catalog, b.res.Decisions, b.res.Documents = at, c, decisions, len(c.Documents)
	for _, d := range decisions {
		b.res.Counts[d.State]++
	}
	return nil
}

// writeContent makes the build area (content for Hugo, and the new site
// beside the output) and writes the content Hugo renders.
func (b *build) writeContent() error {
	var err error
	if b.run, b.release, err = newRun(b.paths.work); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(b.paths.out), 0o755); err != nil {
		return err
	}
	if b.next, err = os.MkdirTemp(filepath.Dir(b.paths.out), "."+filepath.Base(b.paths.out)+".next-"); err != nil {
		return err
	}
	// The new site takes the output's place: readable by a web server
	// running as another user, as a folder made by MkdirAll is, not
	// private to this one as MkdirTemp makes it.
	if err := os.Chmod(b.next, 0o755); err != nil {
		return err
	}
	b.contentDir = filepath.Join(b.run, "content")
	conf, err := prepare.ReadSiteConfig(b.paths.site)
	if err != nil {
		return err
	}
	b.res.SiteTitle = conf.Title
	// One address for everything that needs a host: --base-url, else the
	// site's baseURL. Without a real one, links that should be absolute
	// (canonical, sitemap, feeds, open data, citations) are not.
	if b.o.BaseURL == "" {
		b.o.BaseURL = conf.BaseURL
	}
	if warn := addressWarning(b.o.BaseURL); warn != "" {
		b.res.Warnings = append(b.res.Warnings, warn)
	}
	var hand fs.FS
	if fi, err := os.Stat(filepath.Join(b.paths.site, "content")); err == nil && fi.IsDir() {
		hand = os.DirFS(filepath.Join(b.paths.site, "content"))
	}
	res := b.res
	langs := conf.LanguageCodes()
	if len(b.o.Languages) > 0 {
		for _, l := range b.o.Languages {
			if !slices.Contains(langs, l) {
				return fmt.Errorf("the languages to build name %q, which is not a language of %s (%s)", l, filepath.Join(b.paths.site, "hugo.toml"), strings.Join(langs, ", "))
			}
		}
		b.disabled = slices.DeleteFunc(slices.Clone(langs), func(l string) bool { return slices.Contains(b.o.Languages, l) })
		langs = slices.DeleteFunc(langs, func(l string) bool { return slices.Contains(b.disabled, l) })
	}
	b.input = disclosure.Input{Catalog: res.Catalog, Decisions: res.Decisions, AsOf: res.AsOf, SiteTitle: conf.Title, BaseURL: b.o.BaseURL, LedgerPageSize: conf.Pagination.PagerSize, Languages: langs}
	b.view = disclosure.NewView(b.input)
	b.content = afero.NewMemMapFs()
	if b.o.ContentOnDisk {
		b.content = afero.NewOsFs()
	}
	if _, err := sitecontent.WriteView(b.content, b.contentDir, hand, b.view); err != nil {
		return fmt.Errorf("writing content: %w", err)
	}
	return nil
}

// render runs Hugo into the new site. Beside it, the public documents'
// files and the generator's own outputs are written into a folder of their
// own and audited there; Hugo's pages are audited as Hugo closes them,
// while they are still in memory.
func (b *build) render() error {
	var err error
	if b.extras, err = os.MkdirTemp(filepath.Dir(b.paths.out), "."+filepath.Base(b.paths.out)+".extras-"); err != nil {
		return err
	}
	c, decisions := b.res.Catalog, b.res.Decisions
	files := publicFiles(b.view, b.paths.data)
	var written func(string, []byte, os.FileInfo)
	var streamed atomic.Int64
	if !b.o.NoAudit {
		skip := map[string]bool{}
		for _, f := range files {
			skip[f.rel] = true
		}
		stream := audit.NewStream(audit.Collect(c, decisions), audit.Options{SkipText: skip})
		b.stream = stream
		written = func(rel string, data []byte, info os.FileInfo) {
			t := time.Now()
			stream.File(rel, data, info)
			streamed.Add(int64(time.Since(t)))
		}
	}
	besideDone := make(chan error, 1)
	go func() { besideDone <- b.beside(files) }()
	hs, err := hugosite.Build(hugosite.Options{
		SiteDir:    b.paths.site,
		ThemesDir:  b.paths.themes,
		ContentDir: b.contentDir,
		Content:    b.memContent(),
		PublishDir: b.next,
		CacheDir:   filepath.Join(b.paths.work, "hugo"),
		BaseURL:    b.o.BaseURL,
		Disabled:   b.disabled,
		Log:        b.o.HugoLog,
		Written:    written,
	})
	// Whatever Hugo did, nothing may still be writing when Build returns.
	besideErr := <-besideDone
	if err != nil {
		return err
	}
	if besideErr != nil {
		return besideErr
	}
	b.res.Pages = hs.Pages
	b.res.Beside = append(b.res.Beside, Stage{"audit as Hugo writes (summed over Hugo's goroutines)", time.Duration(streamed.Load())})
	return sitemapsInTheirFolders(b.next)
}

// sitemapsInTheirFolders moves the default language's sitemap, which Hugo
// writes in a folder of its own (en/sitemap.xml) although its pages are at
// the root, to the root (sitemap-en.xml), and points the sitemap index at
// it: a sitemap may list only the addresses under its own folder
// (sitemaps.org), so a crawler could ignore every English page listed in
// en/. A language folder that holds its sitemap alone is the default
// language's.
func sitemapsInTheirFolders(site string) error {
	index := filepath.Join(site, "sitemap.xml")
	data, err := os.ReadFile(index)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	entries, err := os.ReadDir(site)
	if err != nil {
		return err
	}
	moved := false
	for _, e := range entries {
		dir := filepath.Join(site, e.Name())
		inside, err := os.ReadDir(dir)
		if !e.IsDir() || err != nil || len(inside) != 1 || inside[0].Name() != "sitemap.xml" {
			continue
		}
		old, root := "/"+e.Name()+"/sitemap.xml</loc>", "/sitemap-"+e.Name()+".xml</loc>"
		if !bytes.Contains(data, []byte(old)) {
			continue
		}
		if err := os.Rename(filepath.Join(dir, "sitemap.xml"), filepath.Join(site, "sitemap-"+e.Name()+".xml")); err != nil {
			return err
		}
		if err := os.Remove(dir); err != nil {
			return err
		}
		data, moved = bytes.ReplaceAll(data, []byte(old), []byte(root)), true
	}
	if !moved {
		return nil
	}
	return os.WriteFile(index, data, 0o644)
}

// beside writes, while Hugo runs, the public documents' files and the
// outputs Hugo does not render, and audits them.
func (b *build) beside(files []publicFile) error {
	t := time.Now()
	if err := copyFiles(files, b.extras); err != nil {
		return err
	}
	b.res.Beside = append(b.res.Beside, Stage{"copy files", time.Since(t)})
	t = time.Now()
	for _, out := range prepare.Outputs {
		if err := out.Write(afero.NewOsFs(), b.extras, b.o.BaseURL, b.view); err != nil {
			return fmt.Errorf("writing %s: %w", out.Name, err)
		}
	}
	b.res.Beside = append(b.res.Beside, Stage{"outputs", time.Since(t)})
	if b.stream != nil {
		t = time.Now()
		if err := b.stream.Dir(b.extras); err != nil {
			return err
		}
		b.res.Beside = append(b.res.Beside, Stage{"audit of files and outputs", time.Since(t)})
	}
	return nil
}

// merge moves what was written beside Hugo into the new site.
func (b *build) merge() error { return merge(b.extras, b.next, "") }

// audit reads back only what the audit has not seen as it now is, and
// fails on any finding.
func (b *build) audit() error {
	if b.stream == nil {
		return nil
	}
	rep, err := b.stream.Verify(b.next)
	if err != nil {
		return err
	}
	b.res.Files, b.res.Bytes = rep.Files, rep.Bytes
	return nil
}

// swap puts the new site in place of the output.
func (b *build) swap() error {
	left, err := swap(b.next, b.paths.out)
	if err != nil {
		return err
	}
	b.swapped = true
	if left != nil {
		b.res.Warnings = append(b.res.Warnings, fmt.Sprintf("the new site is in place, but the previous one was not removed (a later build tries again): %v", left))
	}
	return nil
}

// cleanUp deletes the content Hugo was given (on the disk, or in memory)
// before the build counts as done: a user waits for it too. Content to keep
// is kept by keep, once the build is timed.
func (b *build) cleanUp() error {
	if b.o.KeepContent != "" {
		return nil
	}
	b.content = nil
	b.release()
	b.release = nil
	return nil
}

// keep puts the content Hugo was given where KeepContent says, for the
// benchmark's plain-Hugo baseline.
func (b *build) keep() error {
	if b.o.KeepContent == "" {
		return nil
	}
	var err error
	if b.o.ContentOnDisk {
		err = os.Rename(b.contentDir, b.o.KeepContent)
	} else {
		err = copyTree(b.content, b.contentDir, b.o.KeepContent)
	}
	if err != nil {
		return fmt.Errorf("keeping the content: %w", err)
	}
	return nil
}

// memContent is the content for Hugo to read from memory, or nil when it
// is on the disk.
func (b *build) memContent() afero.Fs {
	if b.o.ContentOnDisk {
		return nil
	}
	return b.content
}

// copyTree writes the files below dir on fsys into the folder dst on disk.
func copyTree(fsys afero.Fs, dir, dst string) error {
	return afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

type resolved struct{ data, site, themes, out, work string }

func resolve(o Options) (resolved, error) {
	var r resolved
	for _, p := range []struct {
		dst  *string
		v    string
		name string
	}{
		{&r.data, o.DataDir, "data"}, {&r.site, o.SiteDir, "site"}, {&r.themes, o.ThemesDir, "themes"},
		{&r.out, o.OutDir, "out"}, {&r.work, o.WorkDir, "work"},
	} {
		if p.v == "" {
			return r, fmt.Errorf("sitebuild: no %s directory given", p.name)
		}
		abs, err := filepath.Abs(p.v)
		if err != nil {
			return r, err
		}
		*p.dst = abs
	}
	// The output is replaced whole: never let it be, or hold, a source folder.
	for _, src := range []string{r.data, r.site, r.themes} {
		if within(src, r.out) || within(r.out, src) {
			return r, fmt.Errorf("the output folder %s overlaps the source folder %s; choose another --out", r.out, src)
		}
	}
	if fi, err := os.Stat(r.out); err == nil {
		if !fi.IsDir() {
			return r, fmt.Errorf("the output %s exists and is not a folder", r.out)
		}
		entries, err := os.ReadDir(r.out)
		if err != nil {
			return r, err
		}
		if len(entries) > 0 {
			if _, err := os.Stat(filepath.Join(r.out, "index.html")); err != nil {
				return r, fmt.Errorf("the output folder %s is not empty and holds no site (no index.html); it would be replaced whole, so choose another --out or empty it", r.out)
			}
		}
	}
	return r, nil
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// publicFile is a public document's file: where it is in the catalog and
// where it goes in the site.
type publicFile struct{ id, src, rel string }

// publicFiles lists the files the view offers: those of public documents.
func publicFiles(v *disclosure.View, dataDir string) []publicFile {
	var out []publicFile
	for _, d := range v.Input().Catalog.Documents {
		if f := v.File(d); f != nil {
			out = append(out, publicFile{d.ID, filepath.Join(dataDir, filepath.FromSlash(f.Source)), f.Path})
		}
	}
	return out
}

// copyFiles copies the files into the folder out.
func copyFiles(files []publicFile, out string) error {
	for _, f := range files {
		dst := filepath.Join(out, filepath.FromSlash(f.rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := copyFile(f.src, dst); err != nil {
			return fmt.Errorf("copying the file of %s: %w", f.id, err)
		}
	}
	return nil
}

// merge moves everything in src into dst: a folder dst does not have is
// moved whole, a folder both have is merged, and a file both have is an
// error, for the generator's outputs must not replace a page of Hugo's, nor
// Hugo's a file of theirs.
func merge(src, dst, rel string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		s, d, r := filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()), path.Join(rel, e.Name())
		fi, err := os.Lstat(d)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Rename(s, d); err != nil {
				return err
			}
		case err != nil:
			return err
		case e.IsDir() && fi.IsDir():
			if err := merge(s, d, r); err != nil {
				return err
			}
		default:
			return fmt.Errorf("the site would have two %s: one rendered by Hugo (a page or layout in site/ or themes/), one written by the generator (open data, feeds, search index or a document's file); rename one of them", r)
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// swap puts next in place of out: in one step where the system can
// exchange two folders (exchange), else by moving the old site aside first
// and back if the new one cannot be moved in. The old site is then removed:
// err says the new site is not in place; left, that it is, but the old one
// could not be removed (the next build's cleanLeftovers removes it).
func swap(next, out string) (left, err error) {
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		return nil, os.Rename(next, out)
	}
	if exchange(next, out) == nil {
		return removeAll(next), nil // next now holds the old site
	}
	old := next + ".old"
	if err := os.Rename(out, old); err != nil {
		return nil, fmt.Errorf("moving the previous site aside: %w", err)
	}
	if err := os.Rename(next, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return nil, errors.Join(fmt.Errorf("moving the new site in: %w", err), fmt.Errorf("restoring the previous site from %s: %w", old, rerr))
		}
		return nil, fmt.Errorf("moving the new site in: %w", err)
	}
	return removeAll(old), nil
}

// removeAll is os.RemoveAll, which a test replaces to see a previous site
// that cannot be removed.
var removeAll = os.RemoveAll

// addressWarning says what is wrong with the site's address for a
// published site: none, not absolute, or a placeholder.
func addressWarning(base string) string {
	const fix = "; set baseURL in site/hugo.toml or pass --base-url with the address the site is served from"
	u, err := url.Parse(base)
	switch {
	case base == "":
		return "the site has no address, so canonical links, the sitemap, feeds, open data and citations have no host" + fix
	case err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http"):
		return fmt.Sprintf("the site's address %q is not an absolute http(s) address, so canonical links, the sitemap, feeds, open data and citations have no host%s", base, fix)
	}
	host := strings.ToLower(u.Hostname())
	for _, placeholder := range []string{"example.org", "example.com", "example.net", "localhost"} {
		if host == placeholder || strings.HasSuffix(host, "."+placeholder) {
			return fmt.Sprintf("the site's address %q is a placeholder; links that readers copy and cite will not work%s", base, fix)
		}
	}
	return ""
}
