// Package htmlcheck runs the W3C Nu Html Checker (vnu) over built sites, for
// the test that every page of the site is valid HTML (issue 24), which is
// in package cli's tests: it reads the sites the command builds there, so
// that no site is built twice and no second test binary links Hugo.
//
// # What it needs
//
// vnu is a Java program: Java 17 or later (java on PATH, or $JAVA) and the
// vnu.jar of the npm package vnu-jar, release VnuVersion, which .ci/run
// installs into the git-ignored build area (.build/npm); $VNU_JAR names
// another copy. The test skips with a message saying so when either is
// missing, and fails under CI (CI=true).
//
// # One run
//
// Check starts one JVM for any number of files and folders (vnu walks a
// folder itself and, with --skip-non-html, reads only its HTML files): a JVM
// per page would cost more than the checking.
package htmlcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// VnuVersion is the vnu-jar release .ci/run installs.
const VnuVersion = "26.9.27"

// JarPath is where vnu.jar is read from: $VNU_JAR, else the copy .ci/run
// installs under repo with
// npm install --no-save --ignore-scripts --prefix .build/npm vnu-jar@VnuVersion.
func JarPath(repo string) string {
	if p := os.Getenv("VNU_JAR"); p != "" {
		return p
	}
	return filepath.Join(repo, ".build", "npm", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
}

// JavaPath finds Java: $JAVA, else java on PATH; "" when there is none.
func JavaPath() string {
	if p := os.Getenv("JAVA"); p != "" {
		return p
	}
	p, _ := exec.LookPath("java")
	return p
}

// Message is one of vnu's messages (its JSON format).
type Message struct {
	// Type is "error", "info" or "non-document-error"; an "info" with
	// SubType "warning" is a warning.
	Type    string `json:"type"`
	SubType string `json:"subType"`
	Message string `json:"message"`
	// URL is the file, as a file: URL.
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Column  int    `json:"firstColumn"`
	Extract string `json:"extract"`
}

// IsError says whether the message is an error: the document is invalid or
// could not be checked.
func (m Message) IsError() bool { return m.Type == "error" || m.Type == "non-document-error" }

// IsWarning says whether the message is a warning.
func (m Message) IsWarning() bool { return m.Type == "info" && m.SubType == "warning" }

// Path is the message's file as a path on this system ("" when it has none).
func (m Message) Path() string {
	u, err := url.Parse(m.URL)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path)
}

func (m Message) String() string {
	kind := m.Type
	if m.IsWarning() {
		kind = "warning"
	}
	s := fmt.Sprintf("%s:%d:%d: %s: %s", m.Path(), m.Line, m.Column, kind, m.Message)
	if e := strings.TrimSpace(m.Extract); e != "" {
		s += fmt.Sprintf(" (in %q)", e)
	}
	return s
}

// Check runs vnu once over the given HTML files and folders and returns
// every message. An error means vnu did not run or its report could not be
// read, not that a page is invalid.
func Check(ctx context.Context, java, jar string, paths ...string) ([]Message, error) {
	// The JVM's quick compiler alone (C1), one GC thread and the deeper
	// stack its frames need: vnu's run of a few hundred pages is too short
	// for the optimizing compiler to repay itself, and with it vnu took
	// twice the CPU time for the same pages (9.4 s against 4.3 s of user
	// time on 150 pages here).
	args := append([]string{"-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "--skip-non-html", "--format", "json", "--exit-zero-always", "--stdout"}, paths...)
	cmd := exec.CommandContext(ctx, java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("vnu: %w\n%s", err, stderr.String())
	}
	var report struct {
		Messages []Message `json:"messages"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		return nil, fmt.Errorf("vnu's report: %w\n%s%s", err, stdout.String(), stderr.String())
	}
	return report.Messages, nil
}
