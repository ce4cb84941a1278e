// Package parallel runs independent pieces of work several at a time.
package parallel

import "golang.org/x/sync/errgroup"

// Each calls f(0) … f(n-1) from up to workers goroutines and returns when
// all have returned. f must be safe to call concurrently; results go into
// slots indexed by i, so their order does not depend on scheduling.
func Each(n, workers int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(max(workers, 1))
	for i := range n {
		g.Go(func() error { f(i); return nil })
	}
	g.Wait()
}
