package cli

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a git repository holding a copy of the fixture catalog in
// data/, committed, and returns the catalog folder.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: plan --base reads the base catalog with git")
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyTree(t, fixture, data)
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"-c", "user.name=t", "-c", "user.email=t@t", "add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "catalog"},
	} {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return data
}

// Issue 13: plan against HEAD with the tree unchanged says there is no
// change, in one line.
func TestPlanOfUnchangedTreeSaysNoChange(t *testing.T) {
	data := gitRepo(t)
	for _, base := range [][]string{{"--base", "HEAD"}, {}} { // {} : the merge base with main
		r := run(t, nil, append([]string{"plan", "--data", data, "--as-of", "2017-05-01"}, base...)...)
		if r.code != 0 || !strings.Contains(r.stdout, "No change to any document") {
			t.Errorf("plan %v: exit %d\n%s%s", base, r.code, r.stdout, r.stderr)
		}
	}
}

// A new title of a public document changes no state, but what its page,
// the lists and the feeds show: the plan lists it, with both titles, and
// never says that nothing the public sees changes.
func TestPlanShowsATitleChangeOfAPublicDocument(t *testing.T) {
	data := gitRepo(t)
	edit(t, filepath.Join(data, "documents", "rm07.yaml"), "    party: albania\n", "    party: albania\n    title: Albania's Seventh National Report\n")
	r := run(t, nil, "plan", "--data", data, "--base", "HEAD", "--as-of", "2017-08-01")
	if r.code != 0 || strings.Contains(r.stdout, "No change") || !strings.Contains(r.stdout, `title: "" → "Albania's Seventh National Report"`) ||
		!strings.Contains(r.stdout, "1 document(s) change; 0 at the next deploy; no document's state changes") {
		t.Errorf("plan: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, nil, "plan", "--data", data, "--base", "HEAD", "--as-of", "2017-08-01", "--format", "json")
	if r.code != 0 || !strings.Contains(r.stdout, `"no_change": false`) {
		t.Errorf("plan --format json: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// An edit in the working tree: the plan against HEAD shows it, marked when
// it shows at the next deploy; --fail-on-immediate then exits 8; JSON and
// Markdown carry the same.
func TestPlanShowsWorkingTreeChange(t *testing.T) {
	data := gitRepo(t)
	edit(t, filepath.Join(data, "documents", "rm06.yaml"), "    party: japan\n", "    party: japan\n    published: 2013-09-01\n")
	r := run(t, nil, "plan", "--data", data, "--base", "HEAD", "--as-of", "2017-05-01")
	if r.code != 0 || !strings.Contains(r.stdout, "[NEXT DEPLOY, EARLIER] rm06-nr-japan: Japan: National Report, 6th Review Meeting") ||
		!strings.Contains(r.stdout, "now: restricted → public since 1 September 2013 (published by the Contracting Party)") {
		t.Errorf("plan: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, nil, "plan", "--data", data, "--base", "HEAD", "--as-of", "2017-05-01", "--fail-on-immediate"); r.code != ExitApproval {
		t.Errorf("--fail-on-immediate: exit %d, want %d\n%s", r.code, ExitApproval, r.stderr)
	}
	r = run(t, nil, "plan", "--data", data, "--base", "HEAD", "--as-of", "2017-05-01", "--format", "json")
	var p struct {
		Immediate int `json:"immediate"`
		Changes   []struct {
			ID        string `json:"id"`
			Immediate bool   `json:"immediate"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil || p.Immediate != 1 || len(p.Changes) != 1 || p.Changes[0].ID != "rm06-nr-japan" {
		t.Errorf("json plan: %v %+v\n%s", err, p, r.stdout)
	}
	r = run(t, nil, "plan", "--data", data, "--base", "HEAD", "--as-of", "2017-05-01", "--format", "markdown")
	if !strings.Contains(r.stdout, "| **next deploy** **earlier** | `rm06-nr-japan` Japan: National Report, 6th Review Meeting | changed |") {
		t.Errorf("markdown plan:\n%s", r.stdout)
	}
	// --base-data compares with a folder instead.
	if r := run(t, nil, "plan", "--data", data, "--base-data", fixture, "--as-of", "2017-05-01"); r.code != 0 || !strings.Contains(r.stdout, "rm06-nr-japan") {
		t.Errorf("--base-data: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestPlanUsageAndBadCatalogs(t *testing.T) {
	data := gitRepo(t)
	for _, args := range [][]string{
		{"--base", "HEAD", "--base-data", fixture},
		{"--base", "no-such-revision"},
		{"--format", "yaml"},
		{"--days", "-1"},
	} {
		if r := run(t, nil, append([]string{"plan", "--data", data}, args...)...); r.code != ExitUsage {
			t.Errorf("plan %v: exit %d, want %d: %s", args, r.code, ExitUsage, r.stderr)
		}
	}
	edit(t, filepath.Join(data, "parties.yaml"), "name: Albania", "nme: Albania")
	if r := run(t, nil, "plan", "--data", data, "--base", "HEAD"); r.code != ExitData || !strings.Contains(r.stderr, `unknown field "nme"`) {
		t.Errorf("a head with problems: exit %d, want %d: %s", r.code, ExitData, r.stderr)
	}
	if r := run(t, nil, "plan", "--data", fixture, "--base-data", data); r.code != ExitData || !strings.Contains(r.stderr, "the base catalog") {
		t.Errorf("a base with problems: exit %d, want %d: %s", r.code, ExitData, r.stderr)
	}
}
