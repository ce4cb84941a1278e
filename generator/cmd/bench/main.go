// Command bench measures builds of generated catalogs of 1,000 to 50,000
// documents against Hugo alone on the same content: see README
// "Performance". It is apart from the generator so that the generator does
// not carry the corpus generator.
package main

import (
	"os"

	"github.com/cns-transparency/cns-site/generator/internal/bench"
)

func main() {
	os.Exit(bench.Main(os.Args[1:], bench.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}))
}
