package cputime

import "time"

// Used returns the CPU time (user and system) the process has used so
// far, and whether it could be read (false where the platform gives no
// such figure).
func Used() (time.Duration, bool) { return used() }
