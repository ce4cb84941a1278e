package audit

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Stream audits a site while it is being written: files are handed to it
// as they are closed (File) or as folders are finished (Dir), and Verify then
// walks the finished site, reads again only what was not audited as it now
// is, and reports every finding. Every byte of the site is still audited
// before it is published, but most of it while it was in memory anyway,
// and while Hugo leaves a core idle, instead of read back from disk after.
//
// Its methods may be called from many goroutines at once.
type Stream struct {
	s Secrets
	o Options
	m *matcher

	mu       sync.Mutex
	seen     map[string]stamp // relative path -> the file as it was audited
	findings []Finding
	bufs     sync.Pool
}

// stamp is what tells that a file on disk is the one that was audited: a
// file written again after it was closed has another size or modification
// time. (On a file system whose clock ticks in whole seconds, a file
// rewritten to the same size within the tick by something other than the
// writer that handed it would pass; Hugo writes each page once.)
type stamp struct {
	size int64
	mod  time.Time
}

// NewStream prepares an audit for the secrets.
func NewStream(s Secrets, o Options) *Stream {
	return &Stream{s: s, o: o, m: newMatcher(s.Strings), seen: map[string]stamp{}}
}

// File audits one file's bytes as they were written. rel is its path from
// the site's root (slash-separated); info is what the file system said of
// it just before it was closed.
func (a *Stream) File(rel string, b []byte, info fs.FileInfo) {
	f := a.check(rel, b)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.findings = append(a.findings, f...)
	if info != nil && info.Size() == int64(len(b)) {
		a.seen[rel] = stamp{info.Size(), info.ModTime()}
	}
}

// check lists the findings in one file's bytes.
func (a *Stream) check(rel string, b []byte) []Finding {
	out := checksum(rel, b, a.s)
	if a.o.SkipText[rel] {
		return out
	}
	buf, _ := a.bufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	f, grown := a.m.findings(rel, b, *buf)
	*buf = grown[:0]
	a.bufs.Put(buf)
	return append(out, f...)
}

// Dir audits every file below dir, on every core, as the files of the same
// paths below the site's root: dir is a folder that will be moved into the
// site whole.
func (a *Stream) Dir(dir string) error {
	_, err := a.walk(dir, func(string, fs.FileInfo) bool { return true })
	return err
}

// Verify walks the finished site and audits from disk every file that was
// not audited as it now is. It returns a *LeakError listing every finding
// of the whole stream, or another error when the site cannot be read.
func (a *Stream) Verify(dir string) (Report, error) {
	rep, err := a.walk(dir, func(rel string, info fs.FileInfo) bool {
		a.mu.Lock()
		st, ok := a.seen[rel]
		a.mu.Unlock()
		return !ok || st.size != info.Size() || !st.mod.Equal(info.ModTime())
	})
	if err != nil {
		return rep, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.findings) > 0 {
		findings := slices.Clone(a.findings)
		slices.SortFunc(findings, func(a, b Finding) int {
			return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Secret.Value, b.Secret.Value),
				strings.Compare(a.Secret.Doc, b.Secret.Doc), strings.Compare(a.Secret.What, b.Secret.What))
		})
		findings = slices.Compact(findings)
		return rep, &LeakError{findings}
	}
	return rep, nil
}

// walk counts every regular file below dir and audits from disk those that
// need it, several at a time.
func (a *Stream) walk(dir string, need func(rel string, info fs.FileInfo) bool) (Report, error) {
	var rep Report
	// Files are read and searched several at a time while the walk goes
	// on, and the walk waits when every worker is busy: an errgroup with a
	// limit, as parallel.Each is, which needs the count of the work first.
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	walkErr := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if !d.Type().IsRegular() {
			return fmt.Errorf("audit: %s is not a regular file", rel)
		}
		info, err := d.Info() // taken before the file is read
		if err != nil {
			return err
		}
		rep.Files++
		rep.Bytes += info.Size()
		if need(rel, info) {
			g.Go(func() error {
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				a.File(rel, b, info)
				return nil
			})
		}
		return nil
	})
	readErr := g.Wait()
	if walkErr != nil {
		return rep, walkErr
	}
	return rep, readErr
}
