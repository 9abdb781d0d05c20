package cputime

import (
	"runtime"
	"testing"
)

func TestUsedGrows(t *testing.T) {
	a, ok := Used()
	if !ok {
		if runtime.GOOS == "linux" || runtime.GOOS == "darwin" {
			t.Fatal("no CPU time on a unix system")
		}
		t.Skip("no CPU time on this platform")
	}
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x += i % 7
	}
	b, _ := Used()
	if b < a || x == 0 {
		t.Errorf("CPU time went from %v to %v over a busy loop", a, b)
	}
}
