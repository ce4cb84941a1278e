package preview

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const secret = "SECRET-OUTSIDE-THE-SITE"

// site makes a built site in dir/a/b/public, a secret file and folder
// beside it, and links inside the site that point out of it.
func site(t *testing.T) (dir, public string) {
	t.Helper()
	dir = t.TempDir()
	public = filepath.Join(dir, "a", "b", "public")
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "secret.txt"), secret)
	write(filepath.Join(dir, "a", "secret.txt"), secret)
	write(filepath.Join(dir, "outside", "secret.txt"), secret)
	write(filepath.Join(public, "index.html"), "<html><body>home</body></html>")
	write(filepath.Join(public, "404.html"), "<html><body>no such page</body></html>")
	write(filepath.Join(public, "countries", "index.html"), "<html><body>countries</body></html>")
	write(filepath.Join(public, "files", "report.pdf"), "%PDF-1.4 public")
	write(filepath.Join(public, "documents.json"), `{"documents":[]}`)
	for link, target := range map[string]string{
		"leak.txt":         filepath.Join(dir, "secret.txt"),
		"outside":          filepath.Join(dir, "outside"),
		"relative.txt":     "../../secret.txt",
		"files/parent.txt": "../../secret.txt",
	} {
		if err := os.Symlink(target, filepath.Join(public, link)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	return dir, public
}

// raw sends a request line exactly as written, as curl --path-as-is does,
// and returns the status code and body.
func raw(t *testing.T, addr, method, target string) (int, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(c, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", method, target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// Issue 16: the preview served any file on the machine to a request with
// ".." in its path. No request reaches a file outside the site.
func TestServesNothingOutsideTheSite(t *testing.T) {
	dir, public := site(t)
	srv := httptest.NewServer(New(public))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	abs := filepath.ToSlash(filepath.Join(dir, "secret.txt"))
	targets := []string{
		"/../secret.txt",
		"/../../secret.txt",
		"/../../../secret.txt",
		"/../../../../../../../../secret.txt",
		"/files/../../../secret.txt",
		"/%2e%2e/%2e%2e/%2e%2e/secret.txt",
		"/..%2f..%2f..%2fsecret.txt",
		"/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
		"/..%5c..%5c..%5csecret.txt",
		`/..\..\..\secret.txt`,
		"/" + strings.TrimPrefix(abs, "/"),
		"//" + strings.TrimPrefix(abs, "/"),
		abs,
		"/leak.txt",
		"/relative.txt",
		"/files/parent.txt",
		"/outside/secret.txt",
		"/outside/",
		ReloadPath + "/../../../../secret.txt",
		ReloadPath + "/%2e%2e/%2e%2e/%2e%2e/secret.txt",
		ReloadPath + "/../leak.txt",
	}
	for _, target := range targets {
		for _, method := range []string{"GET", "HEAD"} {
			status, body := raw(t, addr, method, target)
			if strings.Contains(body, secret) {
				t.Errorf("%s %s returned the file outside the site (status %d)", method, target, status)
			}
			if status == http.StatusOK {
				t.Errorf("%s %s: status 200, want an error", method, target)
			}
		}
	}
	// The handler on its own, with the path as a server would hand it over
	// (no cleaning by a mux in front of it).
	for _, target := range targets {
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path = target
		rec := httptest.NewRecorder()
		New(public).ServeHTTP(rec, req)
		if strings.Contains(rec.Body.String(), secret) {
			t.Errorf("handler: %q returned the file outside the site", target)
		}
	}
}

// The site itself is served as before: pages with the reload script,
// files as they are, folders redirected to their address with a slash,
// and the site's own 404 page.
func TestServesTheSite(t *testing.T) {
	_, public := site(t)
	srv := httptest.NewServer(New(public))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	for _, c := range []struct {
		target, want string
		status       int
	}{
		{"/", "home", 200},
		{"/countries/", "countries", 200},
		{"/countries/index.html", "countries", 200},
		{"/files/report.pdf", "%PDF-1.4 public", 200},
		{"/documents.json", `{"documents":[]}`, 200},
		{"/files/../documents.json", "", 400},
		{"/no/such/page/", "no such page", 404},
		{"/files/missing.pdf", "no such page", 404},
	} {
		status, body := raw(t, addr, "GET", c.target)
		if status != c.status || !strings.Contains(body, c.want) {
			t.Errorf("GET %s: %d %.80q, want %d with %q", c.target, status, body, c.status, c.want)
		}
		if strings.HasSuffix(c.target, "/") && !strings.Contains(body, ReloadPath) {
			t.Errorf("GET %s: page served without the reload script", c.target)
		}
	}
	if status, _ := raw(t, addr, "GET", "/countries"); status != http.StatusMovedPermanently {
		t.Errorf("GET /countries: %d, want a redirect to /countries/", status)
	}
	if status, body := raw(t, addr, "POST", "/"); status != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d %q, want 405", status, body)
	}
	if b, _ := os.ReadFile(filepath.Join(public, "index.html")); strings.Contains(string(b), ReloadPath) {
		t.Error("the reload script was written into the built file")
	}
}

// The folder is opened for every request, so a rebuild that replaces it
// whole is served at once, and a missing folder is an error, not a crash.
func TestServesTheFolderAsRebuilt(t *testing.T) {
	dir := t.TempDir()
	public := filepath.Join(dir, "public")
	srv := httptest.NewServer(New(public))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	if status, _ := raw(t, addr, "GET", "/"); status != http.StatusServiceUnavailable {
		t.Errorf("no site yet: status %d, want 503", status)
	}
	for i := 1; i <= 2; i++ {
		next := filepath.Join(dir, fmt.Sprintf("next%d", i))
		os.MkdirAll(next, 0o755)
		os.WriteFile(filepath.Join(next, "index.html"), []byte(fmt.Sprintf("<body>build %d</body>", i)), 0o644)
		os.RemoveAll(public)
		if err := os.Rename(next, public); err != nil {
			t.Fatal(err)
		}
		if _, body := raw(t, addr, "GET", "/"); !strings.Contains(body, fmt.Sprintf("build %d", i)) {
			t.Errorf("after build %d: %q", i, body)
		}
	}
}

// NewStatic serves the site as any web server would: pages as built.
func TestStaticServesPagesAsBuilt(t *testing.T) {
	_, public := site(t)
	srv := httptest.NewServer(NewStatic(public))
	defer srv.Close()
	status, body := raw(t, strings.TrimPrefix(srv.URL, "http://"), "GET", "/")
	if status != 200 || body != "<html><body>home</body></html>" {
		t.Errorf("GET /: %d %q, want the page as built", status, body)
	}
	if status, body := raw(t, strings.TrimPrefix(srv.URL, "http://"), "GET", "/../secret.txt"); strings.Contains(body, secret) || status == 200 {
		t.Errorf("GET /../secret.txt: %d %q", status, body)
	}
}
