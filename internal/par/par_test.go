package par

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
)

func TestDo(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		got := make([]int, n)
		var calls atomic.Int64
		Do(n, func(i int) {
			calls.Add(1)
			got[i] = i * i
		})
		if int(calls.Load()) != n {
			t.Errorf("n=%d: %d calls", n, calls.Load())
		}
		for i, v := range got {
			if v != i*i {
				t.Fatalf("n=%d: slot %d holds %d, want %d", n, i, v, i*i)
			}
		}
	}
}

// TestDoPanic checks that a panic in a worker comes back on the caller's
// goroutine naming the first item in input order that panicked, whichever
// worker got there first, on one core and on several.
func TestDoPanic(t *testing.T) {
	for _, procs := range []int{1, 4} {
		t.Run(fmt.Sprintf("procs=%d", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			defer func() {
				r := recover()
				s, _ := r.(string)
				if !strings.Contains(s, "item 40: boom") {
					t.Errorf("recovered %v, want the panic of item 40", r)
				}
			}()
			Do(100, func(i int) {
				if i == 40 || i == 41 || i == 90 {
					panic("boom")
				}
			})
			t.Error("Do returned after a panic")
		})
	}
}
