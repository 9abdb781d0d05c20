package main

import (
	"os"
	"syscall"
	"testing"
)

// shrinkPipe makes the pipe of r hold one page (4 KiB), the least Linux
// allows, and returns its size: TestAddCrash's child can run no further
// ahead of what the test has read.
func shrinkPipe(tb testing.TB, r *os.File) int {
	tb.Helper()
	n, _, errno := syscall.Syscall(syscall.SYS_FCNTL, r.Fd(), syscall.F_SETPIPE_SZ, 4096)
	if errno != 0 {
		tb.Fatalf("F_SETPIPE_SZ: %v", errno)
	}
	return int(n)
}
