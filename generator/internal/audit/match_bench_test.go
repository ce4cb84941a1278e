package audit

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cns-transparency/cns-site/generator/internal/catalog"
	"github.com/cns-transparency/cns-site/generator/internal/corpus"
	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// The matcher is measured on what a build of a generated catalog hands it:
// the secrets of the corpus of cmd/bench (seed 1) as of 2020-01-01, and the
// files of the site built from it, as the build audits them (not the
// public documents' own files, whose text is not searched).
//
//	CNS_AUDIT_BENCH_DOCS  documents in the corpus (default 50000)
//	CNS_AUDIT_BENCH_DIR   keeps the corpus (data/) and its site (public/)
//	                      between runs; by default both are made anew in a
//	                      temporary folder (at 50,000 documents the build
//	                      takes a minute or two and 2 GiB)
//	CNS_AUDIT_BENCH_MIB   the sample of the site searched in each
//	                      iteration, in MiB (default 64; 0: the whole site)
//
// The sample is every n-th file in path order, so that each kind of page
// (one folder each) counts in it as in the whole site.
var benchAsOf = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

type benchFile struct {
	rel string
	b   []byte
}

type benchInput struct {
	secrets []Secret
	files   []benchFile
	bytes   int64 // of files
	site    int64 // bytes of the whole site that the audit searches
}

func loadBenchInput(b *testing.B) benchInput {
	b.Helper()
	docs := 50000
	if v := os.Getenv("CNS_AUDIT_BENCH_DOCS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("CNS_AUDIT_BENCH_DOCS=%q", v)
		}
		docs = n
	}
	sampleMiB := int64(64)
	if v := os.Getenv("CNS_AUDIT_BENCH_MIB"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			b.Fatalf("CNS_AUDIT_BENCH_MIB=%q", v)
		}
		sampleMiB = n
	}
	dir := os.Getenv("CNS_AUDIT_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	} else {
		dir = filepath.Join(dir, strconv.Itoa(docs))
	}
	dir, _ = filepath.Abs(dir)
	data, site := filepath.Join(dir, "data"), filepath.Join(dir, "public")
	if _, err := os.Stat(filepath.Join(data, "rules.yaml")); err != nil {
		os.RemoveAll(dir)
		if _, err := corpus.Write(data, corpus.Options{Seed: 1, Documents: docs}); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := os.Stat(site); err != nil {
		b.Logf("building the site of %d documents into %s", docs, site)
		cmd := exec.Command("go", "run", "./generator", "build", "--quiet",
			"--data", data, "--out", site, "--work", filepath.Join(dir, ".build"),
			"--as-of", benchAsOf.Format(time.RFC3339))
		cmd.Dir = filepath.Join("..", "..", "..")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("building the site: %v\n%s", err, out)
		}
	}
	c, err := catalog.Load(os.DirFS(data), "data")
	if err != nil {
		b.Fatal(err)
	}
	in := benchInput{secrets: Collect(c, publication.DecideAll(c, benchAsOf)).Strings}

	type entry struct {
		rel  string
		size int64
	}
	var all []entry
	err = filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		// The corpus's document files are its only PDFs; the build does
		// not search the text of public documents' files.
		if strings.HasSuffix(p, ".pdf") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		all = append(all, entry{filepath.ToSlash(rel), info.Size()})
		in.site += info.Size()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	slices.SortFunc(all, func(a, b entry) int { return cmp.Compare(a.rel, b.rel) })
	every := int64(1)
	if sampleMiB > 0 {
		every = max(1, (in.site+sampleMiB<<19)/(sampleMiB<<20))
	}
	for i, e := range all {
		if int64(i)%every != every/2 {
			continue
		}
		buf, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(e.rel)))
		if err != nil {
			b.Fatal(err)
		}
		in.files = append(in.files, benchFile{e.rel, buf})
		in.bytes += int64(len(buf))
	}
	var secretBytes int
	for _, s := range in.secrets {
		secretBytes += len(s.Value)
	}
	b.Logf("%d documents: %d secrets, %.1f MiB; site %d files, %.0f MiB searched; sample %d files, %.0f MiB",
		docs, len(in.secrets), float64(secretBytes)/(1<<20), len(all), float64(in.site)/(1<<20), len(in.files), float64(in.bytes)/(1<<20))
	return in
}

// finder is what the build asks of a matcher.
type finder interface {
	findings(name string, b, buf []byte) ([]Finding, []byte)
}

// heapAfter is the live heap after make, less what was live before it,
// with the made value kept alive until measured.
func heapAfter[T any](make func() T) (T, uint64, time.Duration) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	v := make()
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return v, after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc), took
}

// BenchmarkMatcher measures the matcher (and, built with -tags acbench,
// Aho–Corasick automata: ahocorasick_bench_test.go) over the same secrets
// on the same files. Each is built once (build-s, heap-MiB: the time and
// the live heap it takes), must find what the first finds in the sample
// and in a text planted with secrets, and then each iteration searches
// every file with each matcher in turn, file by file and in a rotating
// order, so that all meet the same moments of a shared, noisy machine:
// NAME-MB/s is each one's speed, NAME-x its time over the first one's.
//
//	CNS_AUDIT_BENCH_DIR=/tmp/auditbench CNS_AUDIT_BENCH_MIB=0 go test -run '^$' -bench Matcher -count 3 ./generator/internal/audit/
func BenchmarkMatcher(b *testing.B) {
	in := loadBenchInput(b)
	var secretBytes int64
	for _, s := range in.secrets {
		secretBytes += int64(len(s.Value))
	}
	planted := plantSecrets(in.secrets)
	var ms []benchMatcher
	var fs []finder
	var builds [][2]float64 // seconds, MiB
	var want []Finding
	for _, m := range benchMatchers {
		// A trie of a node per byte of the secrets at most.
		if need := m.nodeBytes * secretBytes; need > 4<<30 {
			b.Logf("%s skipped: it would need up to %d MiB (%d bytes a node)", m.name, need>>20, m.nodeBytes)
			continue
		}
		f, heap, took := heapAfter(func() finder { return m.make(in.secrets) })
		got, _ := f.findings("planted", planted, nil)
		var buf []byte
		for _, file := range in.files {
			var found []Finding
			found, buf = f.findings(file.rel, file.b, buf)
			got = append(got, found...)
		}
		slices.SortFunc(got, func(a, b Finding) int {
			return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Secret.Value, b.Secret.Value),
				strings.Compare(a.Secret.Doc, b.Secret.Doc), strings.Compare(a.Secret.What, b.Secret.What))
		})
		if want == nil {
			if len(got) == 0 {
				b.Fatal("nothing found in the text planted with secrets")
			}
			want = got
		} else if !slices.Equal(got, want) {
			b.Fatalf("%s finds %d, %s %d", m.name, len(got), ms[0].name, len(want))
		}
		ms, fs = append(ms, m), append(fs, f)
		builds = append(builds, [2]float64{took.Seconds(), float64(heap) / (1 << 20)})
	}
	spent := make([]time.Duration, len(fs))
	bufs := make([][]byte, len(fs))
	b.ResetTimer()
	for b.Loop() {
		for i, file := range in.files {
			for k := range fs {
				j := (i + k) % len(fs)
				start := time.Now()
				_, bufs[j] = fs[j].findings(file.rel, file.b, bufs[j])
				spent[j] += time.Since(start)
			}
		}
	}
	// After the loop: ResetTimer forgets metrics reported before it.
	for j, m := range ms {
		b.ReportMetric(builds[j][0], m.name+"-build-s")
		b.ReportMetric(builds[j][1], m.name+"-heap-MiB")
		b.ReportMetric(float64(in.bytes)*float64(b.N)/spent[j].Seconds()/1e6, m.name+"-MB/s")
		if j > 0 {
			b.ReportMetric(spent[j].Seconds()/spent[0].Seconds(), m.name+"-x")
		}
	}
}

// plantSecrets is a text that holds one secret in 97 as written, in upper
// case, and HTML-escaped, among other words.
func plantSecrets(secrets []Secret) []byte {
	var t bytes.Buffer
	for i := 0; i < len(secrets); i += 97 {
		v := secrets[i].Value
		switch i % 3 {
		case 1:
			v = strings.ToUpper(v)
		case 2:
			v = html.EscapeString(v)
		}
		fmt.Fprintf(&t, "<p>word %d %s and more</p>\n", i, v)
	}
	return t.Bytes()
}

// benchMatchers are measured against each other; the first is the one the
// others are compared with.
var benchMatchers = []benchMatcher{
	{"current", func(s []Secret) finder { return newMatcher(s) }, 0},
}

type benchMatcher struct {
	name string
	make func([]Secret) finder
	// nodeBytes, for automata with a table of 256 transitions a node,
	// is how much each node takes: the benchmark leaves out those that
	// would take more than 4 GiB.
	nodeBytes int64
}
