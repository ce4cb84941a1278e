package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// AxeVersion is the axe-core release .ci/run installs into the build area.
const AxeVersion = "4.14.1"

// AxePath is where axe-core's script is read from: $AXE_CORE_JS, else the
// copy .ci/run installs with
// npm install --no-save --prefix .build/npm axe-core@AxeVersion.
func AxePath() string {
	if p := os.Getenv("AXE_CORE_JS"); p != "" {
		return p
	}
	return filepath.Join(Repo, ".build", "npm", "node_modules", "axe-core", "axe.min.js")
}

var (
	axeOnce sync.Once
	axeSrc  string
)

// AxeSource returns axe-core's script. It skips the test when the script is
// missing, and fails it under CI (see Need).
func AxeSource(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		if b, err := os.ReadFile(AxePath()); err == nil {
			axeSrc = string(b)
		}
	})
	Need(t, axeSrc != "", "axe-core ("+AxePath()+"; npm install --no-save --prefix .build/npm axe-core@"+AxeVersion+")")
	return axeSrc
}

// AxeNode is one element a rule failed on.
type AxeNode struct {
	Target         []any  `json:"target"` // CSS selectors (nested for frames and shadow roots)
	HTML           string `json:"html"`
	FailureSummary string `json:"failureSummary"`
}

// AxeViolation is one failed axe rule.
type AxeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"` // minor, moderate, serious, critical
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []AxeNode `json:"nodes"`
}

// Severe reports whether the violation is serious or critical.
func (v AxeViolation) Severe() bool { return v.Impact == "serious" || v.Impact == "critical" }

// String gives the rule, its impact, its help and the targets it failed on.
func (v AxeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 5 {
			fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-5)
			break
		}
		t, _ := json.Marshal(n.Target)
		fmt.Fprintf(&b, "\n    %s %s", t, strings.ReplaceAll(n.FailureSummary, "\n", " "))
	}
	return b.String()
}

// AxeRun returns an action that injects axe-core (src) into the current page,
// runs it with the given options (a JavaScript object literal, "" for axe's
// defaults) and stores the violations in res.
func AxeRun(src, options string, res *[]AxeViolation) chromedp.Action {
	if options == "" {
		options = "{}"
	}
	run := `(async () => {
  const r = await axe.run(document, Object.assign({resultTypes: ["violations"]}, ` + options + `));
  return r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary || ""}))}));
})()`
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := loadAxe(ctx, src); err != nil {
			return err
		}
		return chromedp.Evaluate(run, res, awaitPromise).Do(ctx)
	})
}

// loadAxe injects axe-core (src) into the current page unless it is there.
func loadAxe(ctx context.Context, src string) error {
	var loaded bool
	if err := chromedp.Evaluate("typeof window.axe === 'object'", &loaded).Do(ctx); err != nil {
		return err
	}
	if !loaded {
		if err := chromedp.Evaluate(src+"\n;true", nil).Do(ctx); err != nil {
			return fmt.Errorf("loading axe-core: %w", err)
		}
	}
	return nil
}

// awaitPromise makes chromedp.Evaluate wait for the promise the script returns.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }
