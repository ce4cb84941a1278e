package cli

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/plan"
)

// errImmediate is returned by plan --fail-on-immediate when a change takes
// effect at the next deploy.
var errImmediate = errors.New("the change takes effect at the next deploy")

func runPlan(args []string, env Env) error {
	fs, c := newFlags("plan", "plan [flags]", env)
	base := fs.String("base", "", "a git revision whose data/ is the base (default: the merge base of HEAD with the default branch:\norigin/HEAD, origin/main or main)")
	baseData := fs.String("base-data", "", "a catalog folder to compare with instead of a git revision")
	days := fs.Int("days", 400, "how many days after the as-of moment to compare")
	format := fs.String("format", "text", "text, markdown (for a CI job summary) or json (for tools)")
	failImmediate := fs.Bool("fail-on-immediate", false, "exit with status 8 when a document becomes or stops being public at the next deploy,\nso that such a change needs an approval")
	if err := c.parse(args, 0, ""); err != nil {
		return err
	}
	if *base != "" && *baseData != "" {
		return fmt.Errorf("%w: give --base or --base-data, not both", errUsage)
	}
	if *days < 0 {
		return fmt.Errorf("%w: --days must not be negative", errUsage)
	}
	if *format != "text" && *format != "markdown" && *format != "json" {
		return fmt.Errorf("%w: --format %q: want text, markdown or json", errUsage, *format)
	}
	head, at, _, err := c.load(env)
	if err != nil {
		if errors.Is(err, catalog.ErrInvalid) {
			fmt.Fprintf(env.Stderr, "the catalog %s has problems:\n", c.data)
		}
		return err
	}

	label, dir := *baseData, *baseData
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return fmt.Errorf("%w: --base-data %s is not a folder: give the folder of the catalog to compare with", errUsage, dir)
		}
	}
	if dir == "" {
		var cleanup func()
		dir, label, cleanup, err = gitCatalog(c.data, *base)
		if err != nil {
			return err
		}
		defer cleanup()
	}
	baseCat, err := catalog.Load(os.DirFS(dir), label)
	if err != nil {
		fmt.Fprintf(env.Stderr, "the base catalog (%s) has problems:\n", label)
		return err
	}

	p := plan.Compare(baseCat, head, at, *days)
	switch *format {
	case "markdown":
		p.Markdown(env.Stdout, label)
	case "json":
		if err := p.JSON(env.Stdout, label); err != nil {
			return err
		}
	default:
		p.Text(env.Stdout, label)
	}
	if *failImmediate && p.Immediate() > 0 {
		return fmt.Errorf("%w: %d document(s) become or stop being public at the next deploy (--fail-on-immediate)", errImmediate, p.Immediate())
	}
	return nil
}

// gitCatalog writes the catalog folder as it is at a git revision into a
// temporary folder. The revision defaults to the merge base of HEAD with
// the repository's default branch.
func gitCatalog(dataDir, rev string) (dir, label string, cleanup func(), err error) {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return "", "", nil, err
	}
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", append([]string{"-C", abs}, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
		}
		return strings.TrimSpace(out.String()), nil
	}
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return "", "", nil, fmt.Errorf("%w: %s is not in a git repository; give --base-data DIR to compare with a folder (%v)", errUsage, dataDir, err)
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", "", nil, fmt.Errorf("%s is not inside the repository %s", dataDir, top)
	}
	rel = filepath.ToSlash(rel)
	label = rev
	if rev == "" {
		for _, branch := range []string{"origin/HEAD", "origin/main", "origin/master", "main", "master"} {
			if _, err := git("rev-parse", "--verify", "--quiet", branch+"^{commit}"); err != nil {
				continue
			}
			if rev, err = git("merge-base", "HEAD", branch); err == nil {
				label = "merge base with " + branch
				break
			}
		}
		if rev == "" {
			return "", "", nil, fmt.Errorf("%w: found no default branch to compare with; give --base REVISION or --base-data DIR", errUsage)
		}
	}
	commit, err := git("rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return "", "", nil, fmt.Errorf("%w: --base %q is not a revision of %s", errUsage, rev, top)
	}
	label = fmt.Sprintf("%s (%.12s)", label, commit)

	tmp, err := os.MkdirTemp("", "cns-plan-base-")
	if err != nil {
		return "", "", nil, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	cmd := exec.Command("git", "-C", top, "archive", "--format=tar", commit, "--", rel)
	var archive, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &archive, &errb
	if err := cmd.Run(); err != nil {
		cleanup()
		return "", "", nil, fmt.Errorf("%w: %s has no %s: %s", errUsage, label, rel, strings.TrimSpace(errb.String()))
	}
	if err := untar(&archive, tmp); err != nil {
		cleanup()
		return "", "", nil, err
	}
	return filepath.Join(tmp, filepath.FromSlash(rel)), label, cleanup, nil
}

// untar writes the regular files and folders of a git archive below dir.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := path.Clean(h.Name)
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			return fmt.Errorf("git archive: unexpected path %q", h.Name)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return err
			}
			if _, err := io.Copy(f, tr); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
		}
	}
}
