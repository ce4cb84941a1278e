// Package hugosite runs Hugo in-process. It is the only package that
// imports Hugo, so a Hugo upgrade touches this package alone.
//
// Hugo reads its configuration from site/hugo.toml; everything that depends
// on the build (where content comes from, where output goes, the base URL)
// is passed here as flags, and Hugo sees a controlled environment, never the
// process's HUGO_* variables.
package hugosite

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
	"github.com/spf13/fsync"

	"github.com/cns-transparency/cns-site/generator/internal/hugosite/progress"
)

// Options for one Hugo build. All paths are absolute.
type Options struct {
	SiteDir    string // holds hugo.toml
	ThemesDir  string
	ContentDir string // the generated content
	// Content, when set, holds ContentDir (at the same absolute path) in
	// memory instead of on the disk: Hugo reads it through a layer over the
	// disk, which it never writes to the disk.
	Content    afero.Fs
	PublishDir string // a fresh, empty directory
	CacheDir   string // Hugo's caches and processed resources; kept between builds
	BaseURL    string
	// Disabled are languages of hugo.toml not to build (Hugo's
	// disableLanguages).
	Disabled []string
	Log      io.Writer // Hugo's warnings and errors; nil discards them
	// Written, when set, is handed each file Hugo creates in PublishDir as
	// it is closed: its path from PublishDir (slash-separated), its bytes,
	// and what the disk said of it just before. It is called from Hugo's
	// goroutines, several at once. Files Hugo writes in another way are
	// not handed to it.
	Written func(rel string, data []byte, info os.FileInfo)
	// Stall is how long Hugo may go without opening or creating a file
	// before the build is abandoned; 0 means DefaultStall.
	Stall time.Duration
}

// DefaultStall is how long a build may make no progress. Hugo opens or
// writes files all through a build; the longest pause measured, in a
// 50,000-document build on a 2-core machine, was 18 s (near its end, 152,000
// files opened or written in 1 min 41 s). Sixteen times that means it has hung.
const DefaultStall = 5 * time.Minute

// ErrStalled is matched by errors.Is for a build abandoned for making no
// progress (progress.ErrStalled). Hugo v0.165.0 hangs for good, instead of
// failing, when ten or more pages fail to render: it stops collecting their
// errors while the renderers still wait to report them.
var ErrStalled = progress.ErrStalled

// Stats of a Hugo build.
type Stats struct {
	Pages int
}

// ErrHugo is matched by errors.Is for a failed Hugo build.
var ErrHugo = errors.New("hugo build failed")

// Build renders the site once.
func Build(o Options) (Stats, error) {
	for _, p := range []string{o.SiteDir, o.ThemesDir, o.ContentDir, o.PublishDir, o.CacheDir} {
		if !filepath.IsAbs(p) {
			return Stats{}, fmt.Errorf("hugosite: path %q is not absolute", p)
		}
	}
	logw := o.Log
	if logw == nil {
		logw = io.Discard
	}
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        logw,
		StdErr:        logw,
		DistinctLevel: logg.LevelWarn,
		StoreErrors:   true,
	})

	flags := config.New()
	flags.Set("workingDir", o.SiteDir)
	flags.Set("contentDir", o.ContentDir)
	flags.Set("publishDir", o.PublishDir)
	flags.Set("themesDir", o.ThemesDir)
	flags.Set("cacheDir", filepath.Join(o.CacheDir, "cache"))
	flags.Set("resourceDir", filepath.Join(o.CacheDir, "resources"))
	flags.Set("noBuildLock", true)
	flags.Set("environment", "production")
	if o.BaseURL != "" {
		flags.Set("baseURL", o.BaseURL)
	}
	if len(o.Disabled) > 0 {
		flags.Set("disableLanguages", o.Disabled)
	}

	fs := afero.NewOsFs()
	conf, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          fs,
		Logger:      logger,
		Flags:       flags,
		Filename:    filepath.Join(o.SiteDir, "hugo.toml"),
		Environment: "production",
		Environ:     environ(),
	})
	if err != nil {
		return Stats{}, fmt.Errorf("%w: loading %s: %w", ErrHugo, filepath.Join(o.SiteDir, "hugo.toml"), err)
	}
	// Every file Hugo opens or creates counts as progress.
	var opened atomic.Int64
	var dest afero.Fs = &progressFs{Fs: fs, n: &opened}
	if o.Written != nil {
		dest = &tapFs{Fs: dest, root: o.PublishDir, written: o.Written}
	}
	var src afero.Fs = fs
	if o.Content != nil {
		src = afero.NewCopyOnWriteFs(fs, o.Content)
	}
	src = &progressFs{Fs: src, n: &opened}
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  conf,
		Fs:       hugofs.NewFromSourceAndDestination(src, dest, conf.LoadingInfo.Cfg),
		LogLevel: logger.Level(),
		StdOut:   logw,
		StdErr:   logw,
	})
	if err != nil {
		return Stats{}, fmt.Errorf("%w: %w", ErrHugo, err)
	}
	stall := o.Stall
	if stall <= 0 {
		stall = DefaultStall
	}
	built := make(chan error, 1)
	go func() { built <- sites.Build(hugolib.BuildCfg{}) }()
	tick := time.NewTicker(stall / 8)
	err = progress.Await(built, opened.Load, stall, time.Now(), tick.C)
	tick.Stop()
	if err != nil {
		// A hung Hugo is left as it is: closing it could hang too.
		return Stats{}, fmt.Errorf("%w: %w", ErrHugo, err)
	}
	defer sites.Close()
	if err := copyStatic(sites); err != nil {
		return Stats{}, fmt.Errorf("%w: copying static files: %w", ErrHugo, err)
	}
	if n := logger.LoggCount(logg.LevelError); n > 0 {
		return Stats{}, fmt.Errorf("%w: %d errors:\n%s", ErrHugo, n, logger.Errors())
	}
	pages := 0
	for _, s := range sites.Sites {
		pages += len(s.Pages())
	}
	return Stats{Pages: pages}, nil
}

// progressFs counts the files opened or created through it.
type progressFs struct {
	afero.Fs
	n *atomic.Int64
}

func (p *progressFs) Open(name string) (afero.File, error) {
	p.n.Add(1)
	return p.Fs.Open(name)
}

func (p *progressFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	p.n.Add(1)
	return p.Fs.OpenFile(name, flag, perm)
}

func (p *progressFs) Create(name string) (afero.File, error) {
	p.n.Add(1)
	return p.Fs.Create(name)
}

// LstatIfPossible and UnwrapFilesystem keep what Hugo learns of the
// file system below: whether it can read links, and whether it is the disk.
func (p *progressFs) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	if l, ok := p.Fs.(afero.Lstater); ok {
		return l.LstatIfPossible(name)
	}
	fi, err := p.Fs.Stat(name)
	return fi, false, err
}

func (p *progressFs) UnwrapFilesystem() afero.Fs { return p.Fs }

// copyStatic copies the files of the site's and the theme's static/ folders
// into the site, as the hugo command does after a build (the library's
// Build does not).
func copyStatic(sites *hugolib.HugoSites) error {
	for _, sfs := range sites.BaseFs.SourceFilesystems.Static {
		syncer := fsync.NewSyncer()
		syncer.NoChmod = true
		syncer.SrcFs = sfs.Fs
		syncer.DestFs = sites.BaseFs.PublishFsStatic
		dst := string(filepath.Separator)
		if sfs.PublishFolder != "" {
			dst = filepath.Join(dst, sfs.PublishFolder)
		}
		if err := syncer.Sync(dst, string(filepath.Separator)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// environ is the environment Hugo sees: the process's, without HUGO_*
// variables, which would otherwise change the configuration (HUGO_BUILDFUTURE
// and the like).
func environ() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(strings.ToUpper(kv), "HUGO") {
			out = append(out, kv)
		}
	}
	// LoadConfig reads os.Environ when the list is empty; keep it non-empty.
	return append(out, "CNS_SITE_GENERATOR=1")
}
