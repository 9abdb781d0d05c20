package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkAddCommand runs `toll add` on a directory of 10,000 generated
// ~3 KB reports, as a user would: file walking, reading, extraction,
// batched commits with fsync, per-report output. It reports reports/s;
// the floor is 500/s on the project's 2-core machine.
//
//	go test ./cmd/toll -run '^$' -bench AddCommand -benchtime 1x
func BenchmarkAddCommand(b *testing.B) {
	const total = 10000
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(21, 22))
	for i := range total {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%05d.txt", i)), []byte(crashReport(rng, i)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		db := filepath.Join(b.TempDir(), "toll.db")
		out := mustToll(b, storeEnv(db, ""), "add", "--source", "Bulletin", "--date", "2023-10-20", dir)
		if !strings.Contains(out, fmt.Sprintf("added %d, already stored 0, failed 0", total)) {
			b.Fatalf("add did not add everything: %s", out[max(0, len(out)-200):])
		}
	}
	b.ReportMetric(float64(total*b.N)/b.Elapsed().Seconds(), "reports/s")
}
