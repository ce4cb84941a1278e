// Package hugosite runs Hugo in-process. It is the only package that
// imports Hugo, so a Hugo upgrade touches this file alone.
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

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// Options for one Hugo build. All paths are absolute.
type Options struct {
	SiteDir    string // holds hugo.toml
	ThemesDir  string
	ContentDir string // the generated content
	PublishDir string // a fresh, empty directory
	CacheDir   string // Hugo's caches and processed resources; kept between builds
	BaseURL    string
	Log        io.Writer // Hugo's warnings and errors; nil discards them
}

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
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  conf,
		Fs:       hugofs.NewFrom(fs, conf.LoadingInfo.BaseConfig),
		LogLevel: logger.Level(),
		StdOut:   logw,
		StdErr:   logw,
	})
	if err != nil {
		return Stats{}, fmt.Errorf("%w: %w", ErrHugo, err)
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		return Stats{}, fmt.Errorf("%w: %w", ErrHugo, err)
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
