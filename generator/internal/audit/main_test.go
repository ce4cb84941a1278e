package audit

import (
	"os"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/testscratch"
)

// The tests' temporary files are in memory where the machine allows it
// (testscratch).
func TestMain(m *testing.M) { os.Exit(testscratch.Run(m)) }
