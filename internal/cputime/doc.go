// Package cputime reads the CPU time the process has used, so that
// benchmarks on a shared machine can report what they cost beside the
// wall time other work stretches. It is for tests and benchmarks (three
// packages' benchmarks had each a copy of it); a new measure of the
// process goes here.
package cputime
