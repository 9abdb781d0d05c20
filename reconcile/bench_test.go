package reconcile

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/internal/cputime"
	"github.com/tollproject/toll/tracker"
)

// benchWorld is the shape of generated coverage: 40 sources, 400 days,
// 6 categories for 8 groups in 30 places (5 of them event sites), about
// five claims per report. Decimals are shared between claims (they are
// immutable), so the input's size is the claims', not the numbers'.
type benchWorld struct {
	cats    []tracker.Category
	groups  []string
	share   []int64 // a group's share of people, in percent
	places  []string
	sources []string
	outlets []string
	dates   []tracker.Date
	nums    map[int64]decimal.Decimal
}

func newBenchWorld() *benchWorld {
	w := &benchWorld{
		cats:    []tracker.Category{tracker.Killed, tracker.Killed, tracker.Injured, tracker.Hostage, tracker.Missing, tracker.Displaced},
		groups:  []string{"people", "palestinians", "children", "women", "israelis", "soldiers", "civilians", "elderly"},
		share:   []int64{100, 70, 30, 20, 25, 5, 80, 10},
		places:  []string{"Gaza", "Israel", "West Bank", "Lebanon", "al-Ahli Arab hospital", "Nova festival", "Kibbutz Be'eri", "Jabalia school", "Rafah market"},
		outlets: []string{"Harbor Daily", "Levant Wire", "Meridian Post", "Global News Agency", "Cedar Times"},
		nums:    map[int64]decimal.Decimal{},
	}
	for i := len(w.places); i < 30; i++ {
		w.places = append(w.places, fmt.Sprintf("Town %d", i))
	}
	w.sources = make([]string, 40)
	for i := range w.sources {
		w.sources[i] = fmt.Sprintf("Source %d", i)
	}
	start := tracker.MustDate("2023-10-07")
	w.dates = make([]tracker.Date, 400)
	for i := range w.dates {
		w.dates[i] = start.AddDays(i)
	}
	return w
}

func (w *benchWorld) num(v int64) decimal.Decimal {
	d, ok := w.nums[v]
	if !ok {
		d = decimal.NewFromInt(v)
		w.nums[v] = d
	}
	return d
}

func (w *benchWorld) interval(q tracker.Qualifier, v int64) tracker.Interval {
	switch q {
	case tracker.AtLeast:
		return tracker.Interval{Low: w.num(v), Unbounded: true}
	case tracker.MoreThan:
		return tracker.Interval{Low: w.num(v + 1), Unbounded: true}
	case tracker.Approx:
		return tracker.Interval{Low: w.num(v * 9 / 10), High: w.num(v * 11 / 10)}
	}
	return tracker.Interval{Low: w.num(v), High: w.num(v)}
}

// benchClaims generates n claims. With noisy false, sources mostly agree
// on a rising truth per series (its slope is the place's rate times the
// group's share), with rare errors: falls, disagreements, wrong priors
// and period figures, a few revisions, as in real coverage. With noisy
// set, every figure is drawn at random around the day's level, so that
// about a quarter of the claims end up in a finding: the worst case.
func benchClaims(n int, noisy bool) []tracker.StoredClaim {
	r := rand.New(rand.NewPCG(1, 2))
	w := newBenchWorld()
	quals := []tracker.Qualifier{tracker.Exact, tracker.Exact, tracker.Exact, tracker.Exact, tracker.Exact,
		tracker.Exact, tracker.Exact, tracker.AtLeast, tracker.MoreThan, tracker.Approx}
	out := make([]tracker.StoredClaim, n)
	report := ""
	for i := range out {
		if i%5 == 0 {
			report = fmt.Sprintf("%012x", i/5)
		}
		day := r.IntN(len(w.dates))
		g, pl := r.IntN(len(w.groups)), r.IntN(len(w.places))
		rate := int64(5 + pl%7*3)
		truth := rate * w.share[g] * int64(day+1) / 10
		q := quals[r.IntN(len(quals))]
		c := tracker.Claim{Category: w.cats[r.IntN(len(w.cats))], Qualifier: q, Who: w.groups[g], Where: w.places[pl],
			Attribution: w.sources[r.IntN(len(w.sources))], AsOf: w.dates[day], Scope: tracker.Cumulative,
			Span: "span", Sentence: "A sentence holding the figure."}
		v := truth
		switch x := r.IntN(1000); {
		case noisy:
			v = int64(day+1) * int64(10+r.IntN(3))
			if x < 20 {
				v /= 2
			}
			c.Revised = x%100 == 0
			c.Prior = x%50 == 1
		case x < 5: // an error: a figure well below the truth
			v = truth * 8 / 10
		case x < 7:
			v = truth * 8 / 10
			c.Revised = true
		case x < 17: // "up from" the figure of a few days before
			c.Prior = true
			v = rate * w.share[g] * int64(max(day-r.IntN(3), 0)+1) / 10
		}
		if q == tracker.AtLeast || q == tracker.MoreThan {
			v -= v/20 + 1 // "at least" and "more than" a little under the truth
		}
		switch x := r.IntN(10); x {
		case 0:
			c.Scope = tracker.Period
			from := max(day-1, 0)
			c.From, c.To = w.dates[from].String(), w.dates[day].String()
			v = rate * w.share[g] * int64(day-from) / 10
			if !noisy && r.IntN(100) == 0 {
				v += 7 // a period figure that does not add up
			}
		case 1:
			c.Scope = tracker.UnknownScope
			v = int64(100 + pl*10)
		}
		c.Interval = w.interval(q, v)
		out[i] = tracker.StoredClaim{ID: tracker.ClaimID(report, i%5+1), ReportID: report,
			Outlet: w.outlets[r.IntN(len(w.outlets))], Published: w.dates[day], Claim: c, Status: tracker.Unreviewed}
	}
	return out
}

// benchInput generates a million claims.
func benchInput(noisy bool) []tracker.StoredClaim {
	return benchClaims(1_000_000, noisy)
}

// peakHeap samples the live heap while f runs and returns its peak.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return peak
}

func inputHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func benchmark(b *testing.B, noisy bool, run func(claims []tracker.StoredClaim) error) {
	benchmarkOn(b, benchInput(noisy), run)
}

// benchmarkOn times run on claims, with the CPU time, the input's heap
// and the peak heap while run runs.
func benchmarkOn(b *testing.B, claims []tracker.StoredClaim, run func(claims []tracker.StoredClaim) error) {
	in := inputHeap()
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	var cpu time.Duration
	for range b.N {
		peak = max(peak, peakHeap(func() {
			start, _ := cputime.Used()
			if err := run(claims); err != nil {
				b.Fatal(err)
			}
			end, _ := cputime.Used()
			cpu += end - start
		}))
	}
	// CPU seconds of the whole process (the collector's too): on a shared
	// machine wall time stretches with others' work, CPU time much less
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(in)/1e6, "input-heap-MB")
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
}

func BenchmarkTimelines1M(b *testing.B) {
	benchmark(b, false, func(claims []tracker.StoredClaim) error {
		_, err := Timelines(claims, Options{})
		return err
	})
}

func BenchmarkTimelinesRange1M(b *testing.B) {
	benchmark(b, false, func(claims []tracker.StoredClaim) error {
		_, err := Timelines(claims, Options{View: ViewRange})
		return err
	})
}

func BenchmarkCheck1M(b *testing.B) {
	benchmark(b, false, func(claims []tracker.StoredClaim) error {
		fs, err := Check(claims, Options{})
		if len(fs) == 0 {
			return fmt.Errorf("no findings in a million claims: the generator is off")
		}
		b.ReportMetric(float64(len(fs)), "findings")
		return err
	})
}

func BenchmarkCheckNoisy1M(b *testing.B) {
	benchmark(b, true, func(claims []tracker.StoredClaim) error {
		_, err := Check(claims, Options{})
		return err
	})
}

func BenchmarkCheckWindow1M(b *testing.B) {
	benchmark(b, false, func(claims []tracker.StoredClaim) error {
		_, err := Check(claims, Options{Window: 2})
		return err
	})
}

func BenchmarkCheckTable1M(b *testing.B) {
	benchmark(b, false, func(claims []tracker.StoredClaim) error {
		fs, err := Check(claims, Options{})
		if err != nil {
			return err
		}
		return fs.Write(io.Discard, FormatTable)
	})
}

// benchDecisions makes 50 decisions about a million claims' series, as a
// user might after a long case: 20 merges, 20 moves (half to a series of
// their own), 10 names.
func benchDecisions(b *testing.B, claims []tracker.StoredClaim) []tracker.SeriesDecision {
	b.Helper()
	l, err := ListSeries(claims[:20_000], Options{})
	if err != nil || len(l.Series) < 41 {
		b.Fatalf("series of the sample: %v, %d", err, len(l.Series))
	}
	at := time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)
	var ds []tracker.SeriesDecision
	for i := range 20 {
		a, c := l.Series[2*i], l.Series[2*i+1]
		ds = append(ds, tracker.SeriesDecision{ID: fmt.Sprintf("dm%d", i), Op: tracker.Merge, Series: a.Key.ID(), Other: c.Key.ID(), At: at})
		to := l.Series[40-i].Key.ID()
		if i%2 == 0 {
			to = tracker.NewSeries
		}
		ds = append(ds, tracker.SeriesDecision{ID: fmt.Sprintf("dv%d", i), Op: tracker.Move, Claim: claims[i*997].ID, Series: to, At: at})
	}
	for i := range 10 {
		ds = append(ds, tracker.SeriesDecision{ID: fmt.Sprintf("dn%d", i), Op: tracker.Name, Series: l.Series[i].Key.ID(), Text: "a name", At: at})
	}
	return ds
}

// BenchmarkTimelinesDecisions1M is BenchmarkTimelines1M with 50 series
// decisions applied.
func BenchmarkTimelinesDecisions1M(b *testing.B) {
	var ds []tracker.SeriesDecision
	benchmark(b, false, func(claims []tracker.StoredClaim) error {
		if ds == nil {
			b.StopTimer()
			ds = benchDecisions(b, claims)
			b.StartTimer()
		}
		_, err := Timelines(claims, Options{Decisions: ds})
		return err
	})
}

// BenchmarkCheckDecisions1M is BenchmarkCheck1M with 50 series decisions
// applied.
func BenchmarkCheckDecisions1M(b *testing.B) {
	var ds []tracker.SeriesDecision
	benchmark(b, false, func(claims []tracker.StoredClaim) error {
		if ds == nil {
			b.StopTimer()
			ds = benchDecisions(b, claims)
			b.StartTimer()
		}
		_, err := Check(claims, Options{Decisions: ds})
		return err
	})
}

// withReportContext gives every generated claim the context the report
// pass gives real ones (its place as a gazetteer id, else a part of the
// country; an event), on a copy, so that the Context benchmarks measure
// what series resolution from report context costs over the benchmarks
// above on the same figures.
func withReportContext(claims []tracker.StoredClaim) []tracker.StoredClaim {
	out := make([]tracker.StoredClaim, len(claims))
	ids := map[string]string{}
	for i, sc := range claims {
		c := sc.Claim
		where := c.Where
		id, ok := ids[where]
		if !ok {
			if p, found := gaz().Resolve(where); found {
				id = p.ID
			} else {
				id = "PS/" + where
			}
			ids[where] = id
		}
		from := "sentence"
		if i%3 == 0 {
			from = "headline" // a third take their report's place
		}
		c.Context = tracker.Context{Place: where, PlaceID: id, PlaceFrom: from, Event: "war"}
		sc.Claim = c
		out[i] = sc
	}
	return out
}

// benchmarkContext is benchmark on the generated claims given report
// context (withReportContext, before the timer starts).
func benchmarkContext(b *testing.B, run func(claims []tracker.StoredClaim) error) {
	benchmarkOn(b, withReportContext(benchInput(false)), run)
}

func BenchmarkTimelinesContext1M(b *testing.B) {
	benchmarkContext(b, func(claims []tracker.StoredClaim) error {
		_, err := Timelines(claims, Options{})
		return err
	})
}

func BenchmarkCheckContext1M(b *testing.B) {
	benchmarkContext(b, func(claims []tracker.StoredClaim) error {
		_, err := Check(claims, Options{})
		return err
	})
}
