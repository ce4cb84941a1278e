package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/cns-transparency/cns-site/generator/internal/hugosite"
	"github.com/cns-transparency/cns-site/generator/internal/prepare"
	"github.com/cns-transparency/cns-site/generator/internal/preview"
	"github.com/cns-transparency/cns-site/generator/internal/sitebuild"
)

func runServe(args []string, env Env) error {
	fs, c := newFlags("serve", "serve [flags]", env)
	addr := fs.String("addr", "127.0.0.1:1313", "the address to listen on; a loopback address keeps the preview on this machine")
	site := fs.String("site", "site", "the Hugo site folder")
	themes := fs.String("themes", "themes", "the themes folder")
	work := fs.String("work", ".build", "the build area; the preview is built in <work>/serve")
	langs := fs.String("languages", "", "preview only these of the site's languages, comma-separated, such as en (default: every language); rebuilds are quicker")
	memLimit := memoryLimitFlag(fs)
	if err := c.parse(args, 0, ""); err != nil {
		return err
	}
	if err := applyMemoryLimit(*memLimit, env); err != nil {
		return err
	}
	ctx := env.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	root := filepath.Join(*work, "serve")
	out := filepath.Join(root, "public")
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	base := "http://" + ln.Addr().String() + "/"

	p := preview.New(out)
	rebuild := func() error {
		at, err := c.moment(env)
		if err != nil {
			return err
		}
		res, err := sitebuild.Build(sitebuild.Options{
			DataDir: c.data, SiteDir: *site, ThemesDir: *themes, OutDir: out, WorkDir: filepath.Join(root, ".build"),
			BaseURL: base, Languages: prepare.ParseLanguages(*langs), AsOf: at, DataName: c.data, HugoLog: env.Stderr,
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "built as of %s in %s: %d documents (%s)\n",
			res.AsOf.In(res.Catalog.Rules.Location).Format("2 January 2006 15:04 MST"), res.Total.Round(time.Millisecond), res.Documents, countsLine(res.Counts))
		return nil
	}
	if err := rebuild(); err != nil {
		ln.Close()
		return err
	}

	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		ln.Close()
		return err
	}
	defer watcher.Close()
	for _, dir := range []string{c.data, *site, *themes} {
		if err := watchTree(watcher, dir); err != nil {
			ln.Close()
			return err
		}
	}

	srv := &http.Server{Handler: p, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	fmt.Fprintf(env.Stdout, "serving %s at %s (Ctrl+C to stop)\n", out, base)

	// Rebuild after a quiet moment, so that an editor's save (several events)
	// gives one build.
	const quiet = 100 * time.Millisecond
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-watcher.Events:
			if !ok {
				return nil
			}
			if ev.Op.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					watchTree(watcher, ev.Name)
				}
			}
			timer.Reset(quiet)
		case err, ok := <-watcher.Errors:
			if !ok {
				return nil // closed with its events: the watcher is done
			}
			fmt.Fprintln(env.Stderr, "watching:", err)
		case <-timer.C:
			if err := rebuild(); err != nil {
				// A hung Hugo is left running (it cannot be stopped) and
				// may still write: the preview ends rather than build again
				// beside it. Any other failure keeps the last good site
				// served, and says what is wrong.
				if errors.Is(err, hugosite.ErrStalled) {
					return fmt.Errorf("the preview stops, as Hugo hung (restart serve once the catalog or theme is mended): %w", err)
				}
				report(err, env.Stderr)
				fmt.Fprintln(env.Stderr, "the preview still shows the last good build")
				continue
			}
			p.Reload()
		}
	}
}

func watchTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}
