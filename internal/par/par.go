// Package par runs independent pieces of work on every core and hands the
// results back in input order: toll extracts reports in parallel with it
// while one writer commits what they yield.
//
// The package imports nothing of toll; every layer may use it.
package par

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines Do runs: GOMAXPROCS, one a core unless
// the environment says otherwise.
func Workers() int { return runtime.GOMAXPROCS(0) }

// Do calls fn(i) for every i from 0 to n-1 on up to Workers() goroutines
// and returns once every call has returned. fn writes its result to slot
// i of a slice the caller owns, so results stay in input order whatever
// order the calls finish in. With one worker, or n of one, the calls run
// on the caller's goroutine, in order. A panic in fn stops the handing out
// of items and is raised again on the caller's goroutine once the calls
// under way have returned, naming the first item in input order that
// panicked: the same item a plain loop would have stopped at.
func Do(n int, fn func(i int)) {
	workers := min(Workers(), n)
	if workers <= 1 {
		for i := range n {
			func() {
				defer func() {
					if r := recover(); r != nil {
						panic(fmt.Sprintf("par.Do: item %d: %v", i, r))
					}
				}()
				fn(i)
			}()
		}
		return
	}
	var (
		stop     atomic.Bool
		next     atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		panicked any
		at       = -1
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || stop.Load() {
					return
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							mu.Lock()
							stop.Store(true)
							if at < 0 || i < at {
								panicked, at = r, i
							}
							mu.Unlock()
						}
					}()
					fn(i)
				}()
			}
		}()
	}
	wg.Wait()
	if at >= 0 {
		panic(fmt.Sprintf("par.Do: item %d: %v", at, panicked))
	}
}
