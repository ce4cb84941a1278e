// Package preview serves a built site on the local machine for the serve
// command, and tells open pages to reload when the site is rebuilt.
//
// # What it serves
//
// Only files inside the site's folder. Every file is read through an fs.FS
// opened with os.OpenRoot, so that a path with "..", an absolute path or a
// symbolic link pointing out of the folder cannot reach any other file on
// the machine; a request's path is cleaned and checked with fs.ValidPath
// first (resolve), which also sends a folder to its address with a slash
// and serves its index.html. Files other than HTML go out through the
// standard library's http.ServeFileFS. The folder is opened again for every
// request, because each rebuild replaces it whole.
//
// HTML pages get a small script that listens on ReloadPath and reloads the
// page when told (not from a server made with NewStatic); the files in the
// folder are never changed.
package preview

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"time"
)

// ReloadPath is where the server streams "reload" events to open pages.
const ReloadPath = "/__cns_reload"

const reloadScript = `<script>(function(){var s=new EventSource(%q);s.onmessage=function(e){if(e.data==="reload")location.reload()}})()</script>`

// Server serves the site in Dir. The zero value is not usable; use New.
type Server struct {
	dir string
	// NoReload serves pages as they are, without the reload script (for
	// tests that serve a built site as any web server would).
	NoReload bool

	mu      sync.Mutex
	clients map[chan struct{}]bool
}

// New returns a server of the site built in dir.
func New(dir string) *Server {
	return &Server{dir: dir, clients: map[chan struct{}]bool{}}
}

// NewStatic returns a server of the site in dir as any web server would
// serve it: no reload script (for tests of the built site).
func NewStatic(dir string) *Server {
	s := New(dir)
	s.NoReload = true
	return s
}

// Reload tells every open page to reload.
func (s *Server) Reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.clients {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == ReloadPath {
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		http.Error(w, "the site is not built", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	site := root.FS()
	w.Header().Set("Cache-Control", "no-store")

	// resolve cleans the path, redirects a folder and finds its index;
	// HTML is read here so that the reload script can be added, every
	// other file is served by the standard file server.
	name, status := s.resolve(site, r.URL.Path)
	switch {
	case status == http.StatusMovedPermanently:
		http.Redirect(w, r, r.URL.Path+"/", status)
	case status == http.StatusNotFound:
		s.notFound(w, r, site)
	case strings.HasSuffix(name, ".html"):
		s.html(w, r, site, name, http.StatusOK)
	default:
		http.ServeFileFS(w, r, site, name)
	}
}

// resolve maps a request path to a file of the site: a cleaned, relative
// name that fs.ValidPath accepts, or a status (not found, or a redirect of a
// folder to its address with a slash).
func (s *Server) resolve(site fs.FS, urlPath string) (string, int) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		name = "."
	}
	if !fs.ValidPath(name) || strings.Contains(name, `\`) {
		return "", http.StatusNotFound
	}
	fi, err := fs.Stat(site, name)
	if err != nil {
		return "", http.StatusNotFound
	}
	if fi.IsDir() {
		if !strings.HasSuffix(urlPath, "/") {
			return "", http.StatusMovedPermanently
		}
		name = path.Join(name, "index.html")
		if fi, err = fs.Stat(site, name); err != nil || fi.IsDir() {
			return "", http.StatusNotFound
		}
	}
	return name, http.StatusOK
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, site fs.FS) {
	if _, err := fs.Stat(site, "404.html"); err != nil {
		http.NotFound(w, r)
		return
	}
	s.html(w, r, site, "404.html", http.StatusNotFound)
}

// html serves an HTML page of the site with the reload script before </body>.
func (s *Server) html(w http.ResponseWriter, r *http.Request, site fs.FS, name string, status int) {
	b, err := fs.ReadFile(site, name)
	if err != nil {
		http.Error(w, "cannot read "+name, http.StatusInternalServerError)
		return
	}
	if i := bytes.LastIndex(b, []byte("</body>")); i >= 0 && !s.NoReload {
		script := fmt.Sprintf(reloadScript, ReloadPath)
		b = append(b[:i:i], append([]byte(script), b[i:]...)...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if status != http.StatusOK {
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(b)
		}
		return
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan struct{}, 1)
	s.mu.Lock()
	s.clients[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, ": connected\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ch:
			io.WriteString(w, "data: reload\n\n")
			fl.Flush()
		}
	}
}
