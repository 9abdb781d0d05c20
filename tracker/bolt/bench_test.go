package bolt

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/internal/cputime"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

// BenchmarkAdd adds 10,000 generated news-like reports of about 3 KB to a
// new database, extraction included, committing batch reports per
// transaction with fsync on, and reports reports/s. The floor is 500/s on
// the project's 2-core machine.
//
//	go test ./tracker/bolt -run '^$' -bench Add -benchtime 1x
func BenchmarkAdd(b *testing.B) {
	const total = 10000
	rng := rand.New(rand.NewPCG(11, 12))
	reports := make([]NewReport, total)
	size := 0
	for i := range reports {
		reports[i] = genReport(rng, i, 3000)
		size += len(reports[i].Text)
	}
	b.Logf("%d reports, %.1f KB on average", total, float64(size)/total/1024)
	for _, batch := range []int{50, 200, 500} {
		b.Run("batch="+strconv.Itoa(batch), func(b *testing.B) {
			claims := 0
			for range b.N {
				db, err := testOpen(filepath.Join(b.TempDir(), "toll.db"), Options{})
				if err != nil {
					b.Fatal(err)
				}
				for i := 0; i < total; i += batch {
					res, err := db.Add(reports[i:min(i+batch, total)])
					if err != nil {
						b.Fatal(err)
					}
					for _, r := range res {
						claims += r.Claims
					}
				}
				db.Close()
			}
			b.ReportMetric(float64(total*b.N)/b.Elapsed().Seconds(), "reports/s")
			b.ReportMetric(float64(claims)/float64(total*b.N), "claims/report")
		})
	}
}

// BenchmarkExtractOnly is the extraction part of BenchmarkAdd alone, to
// tell the extractor's cost from the store's.
func BenchmarkExtractOnly(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	reports := make([]NewReport, 1000)
	for i := range reports {
		reports[i] = genReport(rng, i, 3000)
	}
	b.ResetTimer()
	for i := range b.N {
		r := reports[i%len(reports)]
		if _, err := extract.Extract(r.Text, extract.Options{Date: r.Published}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

// manyClaims is an extractor for building big databases fast: perReport
// made-up claims per text, no reading.
func manyClaims(perReport int) tracker.ExtractFunc {
	return func(r tracker.Report) (tracker.Extraction, error) {
		cs := make([]tracker.Claim, perReport)
		for i := range cs {
			cs[i] = tracker.Claim{Category: tracker.Categories()[i%len(tracker.Categories())],
				Interval:  tracker.AtLeastInterval(decimal.NewFromInt(int64(100 + i))),
				Qualifier: tracker.AtLeast, Who: "people", Where: "Gaza", Attribution: "the health ministry",
				AsOf: r.Published, Scope: tracker.Cumulative, Start: 0, End: 10, Span: r.Text[:10],
				Sentence: "At least 100 people have been killed in Gaza, the health ministry said."}
		}
		return tracker.Extraction{Claims: cs}, nil
	}
}

// BenchmarkEachClaim lists every claim of databases of 10,000, 100,000
// and 1,000,000 claims, decoding each one, and reports the time and
// allocations per claim and the most memory the walk kept live (heap
// after a collection, sampled ten times a walk, minus the heap before
// it). That it does not grow with the number of claims shows the listing
// streams. Building the 1,000,000-claim database takes a while.
//
//	go test ./tracker/bolt -run '^$' -bench EachClaim -benchtime 1x
func BenchmarkEachClaim(b *testing.B) {
	const perReport = 100
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "toll.db")
			db, err := testOpen(path, Options{NoSync: true, Extract: manyClaims(perReport)})
			if err != nil {
				b.Fatal(err)
			}
			batch := make([]NewReport, 0, 500)
			for i := range n / perReport {
				batch = append(batch, NewReport{Source: "Wire", Published: tracker.NewDate(2023, 10, 1+i%60),
					Text: fmt.Sprintf("Report number %d about the fighting.", i)})
				if len(batch) == cap(batch) || i == n/perReport-1 {
					if _, err := db.Add(batch); err != nil {
						b.Fatal(err)
					}
					batch = batch[:0]
				}
			}
			db.Close()
			db, err = testOpen(path, Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			var ms runtime.MemStats
			b.ReportAllocs()
			b.ResetTimer()
			live := uint64(0)
			for range b.N {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				base := ms.HeapAlloc
				count := 0
				start := time.Now()
				err := db.EachClaim(ClaimFilter{}, func(sc tracker.StoredClaim) error {
					count++
					// Ten times a walk, collect and see what is still live:
					// the listing's own memory, whatever the size.
					if count%(n/10) == 0 {
						b.StopTimer()
						runtime.GC()
						runtime.ReadMemStats(&ms)
						if ms.HeapAlloc > base {
							live = max(live, ms.HeapAlloc-base)
						}
						b.StartTimer()
					}
					return nil
				})
				if err != nil || count != n {
					b.Fatalf("listed %d claims, want %d: %v", count, n, err)
				}
				b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(n), "ns/claim")
			}
			b.ReportMetric(float64(live)/1024, "live-KB")
		})
	}
}

// BenchmarkCurrentClaims reads every claim of the database named by
// $TOLL_BENCH_DB (schema 5; scripts/bench builds one) as reconciling
// does: from the claim index and by decoding every claim, walking each
// bucket once (currentInOrder) and report by report:
//
//	TOLL_BENCH_DB=/tmp/toll-bench/…/toll-….db go test ./tracker/bolt -run '^$' -bench CurrentClaims -benchtime 3x
func BenchmarkCurrentClaims(b *testing.B) {
	path := os.Getenv("TOLL_BENCH_DB")
	if path == "" {
		b.Skip("TOLL_BENCH_DB names no database")
	}
	db, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, way := range []struct {
		name            string
		noIndex, bySeek bool
	}{{"index", false, false}, {"decoded", true, false}, {"index-by-seeks", false, true}, {"decoded-by-seeks", true, true}} {
		b.Run(way.name, func(b *testing.B) {
			db.noIndex, db.bySeek = way.noIndex, way.bySeek
			var cpu time.Duration
			for range b.N {
				start, _ := cputime.Used()
				claims, err := db.CurrentClaims(b.Context())
				end, _ := cputime.Used()
				cpu += end - start
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(claims)), "claims")
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
