package cli

import (
	"flag"
	"fmt"

	"github.com/cns-transparency/cns-site/generator/internal/memlimit"
)

// memoryLimitFlag adds --memory-limit to a command that builds.
func memoryLimitFlag(fs *flag.FlagSet) *string { return memlimit.Flag(fs) }

// applyMemoryLimit sets the runtime's soft memory limit; a bad size is a
// usage error.
func applyMemoryLimit(v string, env Env) error {
	if err := memlimit.Apply(v, env.Getenv); err != nil {
		return fmt.Errorf("%w: %s", errUsage, err)
	}
	return nil
}
