//go:build !linux

package main

import (
	"os"
	"testing"
)

// shrinkPipe cannot size a pipe here; it returns the most a pipe holds on
// the usual systems (64 KiB), for TestAddCrash to count on.
func shrinkPipe(tb testing.TB, r *os.File) int { return 64 << 10 }
