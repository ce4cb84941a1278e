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
// Vienna time on every day of January and of July, in winter and summer time.
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
			covered := false
			for _, s := range schedules {
				// GitHub evaluates cron in UTC.
				next := s.Next(midnight.Add(-time.Nanosecond).UTC())
				if next.Before(midnight.Add(time.Hour)) {
					covered = true
				}
			}
			if !covered {
				t.Errorf("no deploy between 00:00 and 01:00 Vienna time on %s", midnight.Format("2 January 2006"))
			}
		}
	}
}
