package workflows

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rhysd/actionlint"
	"github.com/robfig/cron/v3"
	"gopkg.in/yaml.v3"
)

const dir = "../../../.github/workflows"

func workflowFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows in %s (%v)", dir, err)
	}
	return files
}

func TestWorkflowsLintClean(t *testing.T) {
	var out bytes.Buffer
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFiles(workflowFiles(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}
}

// The deploy workflow's schedule (UTC) has a run between 00:00 and 01:00
// Vienna time on every day of January and of July, in winter and summer time,
// and a second one before 08:00, should GitHub drop the first (its
// scheduled runs may be delayed or dropped).
func TestDeployRunsShortlyAfterViennaMidnightAllYear(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(dir, "deploy.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On struct {
			Schedule []struct {
				Cron string `yaml:"cron"`
			} `yaml:"schedule"`
		} `yaml:"on"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	if len(wf.On.Schedule) == 0 {
		t.Fatal("the deploy workflow has no schedule")
	}
	var schedules []cron.Schedule
	for _, s := range wf.On.Schedule {
		sched, err := cron.ParseStandard(s.Cron)
		if err != nil {
			t.Fatalf("cron %q: %v", s.Cron, err)
		}
		schedules = append(schedules, sched)
	}
	vienna, err := time.LoadLocation("Europe/Vienna")
	if err != nil {
		t.Fatal(err)
	}
	for _, month := range []time.Month{time.January, time.July} {
		for day := 1; day <= 31; day++ {
			midnight := time.Date(2027, month, day, 0, 0, 0, 0, vienna)
			covered, runs := false, map[time.Time]bool{}
			for _, s := range schedules {
				// GitHub evaluates cron in UTC.
				next := s.Next(midnight.Add(-time.Nanosecond).UTC())
				if next.Before(midnight.Add(time.Hour)) {
					covered = true
				}
				for ; next.Before(midnight.Add(8 * time.Hour)); next = s.Next(next) {
					runs[next] = true
				}
			}
			if !covered {
				t.Errorf("no deploy between 00:00 and 01:00 Vienna time on %s", midnight.Format("2 January 2006"))
			}
			if len(runs) < 2 {
				t.Errorf("one deploy only between 00:00 and 08:00 Vienna time on %s: none other if GitHub drops it", midnight.Format("2 January 2006"))
			}
		}
	}
}

// Issue 16: the test workflow builds and tests the generator on macOS and
// Windows as well as Linux.
func TestTestWorkflowCoversMacOSAndWindows(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(dir, "test.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Strategy struct {
				Matrix struct {
					OS []string `yaml:"os"`
				} `yaml:"matrix"`
			} `yaml:"strategy"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, j := range wf.Jobs {
		for _, os := range j.Strategy.Matrix.OS {
			seen[os] = true
		}
	}
	if !seen["macos-latest"] || !seen["windows-latest"] {
		t.Errorf("no job runs on macos-latest and windows-latest: %v", seen)
	}
}

// Issue 16: the deploy workflow attests the checksums it publishes, after
// the build and before the upload, with the permission that needs.
func TestDeployAttestsChecksums(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(dir, "deploy.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Permissions map[string]string `yaml:"permissions"`
		Jobs        struct {
			Build struct {
				Steps []struct {
					Name string            `yaml:"name"`
					Uses string            `yaml:"uses"`
					Run  string            `yaml:"run"`
					With map[string]string `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"build"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	if wf.Permissions["attestations"] != "write" || wf.Permissions["id-token"] != "write" {
		t.Errorf("permissions %v lack attestations: write and id-token: write", wf.Permissions)
	}
	build, attest, upload := -1, -1, -1
	for i, s := range wf.Jobs.Build.Steps {
		switch {
		case bytes.Contains([]byte(s.Run), []byte("generator build")):
			build = i
		case bytes.HasPrefix([]byte(s.Uses), []byte("actions/attest-build-provenance@")) && s.With["subject-path"] == "public/SHA256SUMS":
			attest = i
		case bytes.HasPrefix([]byte(s.Uses), []byte("actions/upload-pages-artifact@")):
			upload = i
		}
	}
	if !(build >= 0 && build < attest && attest < upload) {
		t.Errorf("steps: build %d, attest SHA256SUMS %d, upload %d; want them in that order", build, attest, upload)
	}
}

// Issue 13: on every pull request, the test workflow checks the catalog and
// writes the publication plan against the base branch to the job summary.
func TestPullRequestsGetAPublicationPlan(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(dir, "test.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On   map[string]any `yaml:"on"`
		Jobs map[string]struct {
			If    string `yaml:"if"`
			Steps []struct {
				Uses string            `yaml:"uses"`
				With map[string]any    `yaml:"with"`
				Run  string            `yaml:"run"`
				Env  map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	if _, ok := wf.On["pull_request"]; !ok {
		t.Fatal("the test workflow does not run on pull requests")
	}
	job, ok := wf.Jobs["plan"]
	if !ok || !bytes.Contains([]byte(job.If), []byte("pull_request")) {
		t.Fatalf("no plan job for pull requests: %+v", wf.Jobs)
	}
	var depth, check, summary bool
	for _, s := range job.Steps {
		if bytes.HasPrefix([]byte(s.Uses), []byte("actions/checkout@")) && s.With["fetch-depth"] == 0 {
			depth = true
		}
		check = check || bytes.Contains([]byte(s.Run), []byte("generator check"))
		summary = summary || (bytes.Contains([]byte(s.Run), []byte("generator plan --base \"origin/$BASE_REF\" --format markdown >> \"$GITHUB_STEP_SUMMARY\"")) && s.Env["BASE_REF"] == "${{ github.base_ref }}")
	}
	if !depth || !check || !summary {
		t.Errorf("plan job: full history %v, check %v, plan to the job summary %v", depth, check, summary)
	}
}
