// Command generator builds the CNS transparency site from the catalog in
// data/. See README.md, or run it with no arguments for its commands.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/cns-transparency/cns-site/generator/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	stop()
	os.Exit(code)
}
