// Package parallel runs independent pieces of work several at a time.
package parallel

import "sync"

// Each calls f(0) … f(n-1) from up to workers goroutines and returns when
// all have returned. f must be safe to call concurrently; results go into
// slots indexed by i, so their order does not depend on scheduling.
func Each(n, workers int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
