package bolt

import (
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	bbolt "go.etcd.io/bbolt"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

var (
	seedFlag  = flag.Uint64("seed", 0, "seed of TestModel (0: from the clock; the test logs it)")
	stepsFlag = flag.Int("steps", 400, "operations TestModel runs")
)

// perturbed plays a newer extractor: the real one, then, depending on a
// hash of the text and the version, some claims dropped, some read with
// another figure, and a new claim at the start of the text.
func perturbed(version string) tracker.ExtractFunc {
	return func(r tracker.Report) (tracker.Extraction, error) {
		text := r.Text
		res, err := extract.Report(r)
		if err != nil {
			return res, err
		}
		h := fnv.New32a()
		h.Write([]byte(version + text))
		k := int(h.Sum32() % 7)
		var out []tracker.Claim
		for i, c := range res.Claims {
			switch (i + k) % 4 {
			case 0:
				continue
			case 1:
				c.Interval.Low = c.Interval.Low.Add(decimal.NewFromInt(1))
				if !c.Interval.Unbounded && c.Interval.High.Cmp(c.Interval.Low) < 0 {
					c.Interval.High = c.Interval.Low
				}
			}
			out = append(out, c)
		}
		if k%2 == 0 {
			out = append(out, tracker.Claim{Category: tracker.Displaced, Interval: tracker.AtLeastInterval(decimal.NewFromInt(int64(k))),
				Qualifier: tracker.AtLeast, Who: "people", Scope: tracker.UnknownScope, Start: 0, End: 6, Span: text[:6]})
		}
		res.Claims = out
		return res, nil
	}
}

// The model: a map of reports, each with its claims' versions and the
// next claim number, and the rules of the issue written as plainly as
// possible.
type modelReport struct {
	r      tracker.Report
	claims map[int][]tracker.Version
	next   int
}

type model struct {
	reports map[string]*modelReport
}

func (m *model) add(nr NewReport, ext tracker.ExtractFunc, version string, now time.Time) (existing bool, err error) {
	id := tracker.ReportID(nr.Text)
	if m.reports[id] != nil {
		return true, nil
	}
	res, err := ext(tracker.Report{Text: nr.Text, Published: nr.Published})
	if err != nil {
		return false, err
	}
	mr := &modelReport{r: tracker.Report{ID: id, Source: nr.Source, URL: nr.URL, Title: nr.Title, Published: nr.Published,
		Added: now, Text: nr.Text, Extractor: version}, claims: map[int][]tracker.Version{}}
	for i, c := range res.Claims {
		mr.claims[i+1] = []tracker.Version{{Claim: c, Status: tracker.Unreviewed, By: "extractor " + version, At: now}}
	}
	mr.next = len(res.Claims) + 1
	m.reports[id] = mr
	return false, nil
}

func (m *model) review(rid string, n int, v tracker.Version, now time.Time) error {
	mr := m.reports[rid]
	if mr == nil || mr.claims[n] == nil {
		return ErrNotFound
	}
	vs := mr.claims[n]
	cur := vs[len(vs)-1].Claim
	if v.Status == tracker.Corrected {
		if SameClaim(cur, v.Claim) {
			return ErrBadReview
		}
	} else {
		v.Claim = cur
	}
	v.At = now
	mr.claims[n] = append(vs, v)
	return nil
}

func (m *model) reextract(rid string, ext tracker.ExtractFunc, version string, now time.Time) (kept, changed, added, removed int) {
	mr := m.reports[rid]
	res, _ := ext(mr.r)
	var ns []int
	for n := range mr.claims {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	extracted := func(n int) tracker.Claim {
		vs := mr.claims[n]
		for i := len(vs) - 1; i >= 0; i-- {
			if strings.HasPrefix(vs[i].By, "extractor ") {
				return vs[i].Claim
			}
		}
		return vs[0].Claim
	}
	overlap := func(a, b tracker.Claim) int {
		if a.Start == a.End || b.Start == b.End {
			if a.Start == b.Start {
				return 1
			}
			return 0
		}
		return max(0, min(a.End, b.End)-max(a.Start, b.Start))
	}
	match := map[int]int{} // found index → n
	taken := map[int]bool{}
	for i, f := range res.Claims {
		best, bestOv := 0, 0
		for _, n := range ns {
			if ov := overlap(extracted(n), f); !taken[n] && extracted(n).Category == f.Category && ov > bestOv {
				best, bestOv = n, ov
			}
		}
		if best > 0 {
			match[i], taken[best] = best, true
		}
	}
	for i, f := range res.Claims {
		if _, ok := match[i]; ok {
			continue
		}
		for _, n := range ns {
			if !taken[n] && extracted(n).Category == f.Category && extracted(n).Interval.Equal(f.Interval) {
				match[i], taken[n] = n, true
				break
			}
		}
	}
	by := "extractor " + version
	for i, f := range res.Claims {
		n, ok := match[i]
		if !ok {
			mr.claims[mr.next] = []tracker.Version{{Claim: f, Status: tracker.Unreviewed, By: by, At: now}}
			mr.next++
			added++
			continue
		}
		vs := mr.claims[n]
		reviewed := vs[len(vs)-1].Status != tracker.Unreviewed
		switch {
		case SameClaim(extracted(n), f):
			kept++
		case reviewed:
		default:
			mr.claims[n] = append(vs, tracker.Version{Claim: f, Status: tracker.Unreviewed, By: by, At: now,
				Note: "re-extracted (was extractor " + mr.r.Extractor + ")"})
			changed++
		}
	}
	for _, n := range ns {
		vs := mr.claims[n]
		if !taken[n] && vs[len(vs)-1].Status == tracker.Unreviewed {
			delete(mr.claims, n)
			removed++
		}
	}
	mr.r.Extractor = version
	return
}

// compare checks that the store holds exactly what the model does.
func (m *model) compare(t *testing.T, db *DB, step int, op string) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("step %d (%s): "+format, append([]any{step, op}, args...)...)
	}
	seen := map[string]bool{}
	err := db.EachReport(func(s ReportSummary) error {
		mr := m.reports[s.Report.ID]
		if mr == nil {
			fail("store has report %s, model does not", s.Report.ID)
		}
		seen[s.Report.ID] = true
		r, w := s.Report, mr.r
		if r.Source != w.Source || r.Published != w.Published || r.Text != w.Text || r.Extractor != w.Extractor || !r.Added.Equal(w.Added) {
			fail("report %s = %+v, model %+v", r.ID, r, w)
		}
		if s.Claims != len(mr.claims) {
			fail("report %s has %d claims, model %d", r.ID, s.Claims, len(mr.claims))
		}
		return nil
	})
	if err != nil {
		fail("EachReport: %v", err)
	}
	if len(seen) != len(m.reports) {
		fail("store has %d reports, model %d", len(seen), len(m.reports))
	}
	count := 0
	err = db.EachClaim(ClaimFilter{}, func(sc tracker.StoredClaim) error {
		count++
		rid, n, _ := ParseClaimID(sc.ID)
		vs := m.reports[rid].claims[n]
		if len(vs) != len(sc.Versions) {
			fail("claim %s has %d versions, model %d", sc.ID, len(sc.Versions), len(vs))
		}
		for i, v := range vs {
			g := sc.Versions[i]
			if g.Status != v.Status || g.By != v.By || !g.At.Equal(v.At) || g.Note != v.Note || !SameClaim(g.Claim, v.Claim) {
				fail("claim %s version %d = %+v, model %+v", sc.ID, i+1, g, v)
			}
		}
		if sc.Status != vs[len(vs)-1].Status || sc.Outlet != m.reports[rid].r.Source {
			fail("claim %s current status %s / outlet %q", sc.ID, sc.Status, sc.Outlet)
		}
		return nil
	})
	if err != nil {
		fail("EachClaim: %v", err)
	}
	want := 0
	for id, mr := range m.reports {
		want += len(mr.claims)
		var next int
		_ = db.view(func(tx *bbolt.Tx) error { next = nextClaimNumber(tx, id); return nil })
		if next != mr.next {
			fail("report %s next claim %d, model %d", id, next, mr.next)
		}
	}
	if count != want {
		fail("store has %d claims, model %d", count, want)
	}
	checkIndex(t, db) // the claim index agrees with the claims
}

// TestModel runs random add, review, rm and reextract operations against
// the store and the model and compares them, and the claim index with the
// claims, after every step. Re-run a
// failure with -seed.
func TestModel(t *testing.T) {
	seed := *seedFlag
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (go test ./tracker/bolt -run TestModel -seed %d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	var pool []NewReport
	for i := range 25 {
		pool = append(pool, genReport(rng, i, 200+rng.IntN(1200)))
	}
	extractors := []struct {
		version string
		fn      tracker.ExtractFunc
	}{{extract.Version(), extract.Report}, {"2", perturbed("2")}, {"3", perturbed("3")}}

	path := filepath.Join(t.TempDir(), "toll.db")
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	ext := 0
	open := func() *DB {
		db, err := testOpen(path, Options{NoSync: true, Now: func() time.Time { return now },
			Extract: extractors[ext].fn, ExtractorVersion: extractors[ext].version})
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	db := open()
	defer func() { db.Close() }()
	m := &model{reports: map[string]*modelReport{}}

	someReport := func() string {
		ids := make([]string, 0, len(m.reports))
		for id := range m.reports {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		if len(ids) == 0 || rng.IntN(10) == 0 {
			return "0123456789ab" // absent
		}
		return ids[rng.IntN(len(ids))]
	}

	for step := range *stepsFlag {
		now = now.Add(time.Minute)
		var op string
		switch x := rng.IntN(10); {
		case x < 4:
			nr := pool[rng.IntN(len(pool))]
			op = "add " + tracker.ReportID(nr.Text)
			res, err := db.Add([]NewReport{nr})
			wantExisting, wantErr := m.add(nr, extractors[ext].fn, extractors[ext].version, now)
			if err != nil || (res[0].Err != nil) != (wantErr != nil) || res[0].Existing != wantExisting {
				t.Fatalf("step %d (%s): got %+v, %v; model existing %v, %v", step, op, res, err, wantExisting, wantErr)
			}
		case x < 7:
			rid := someReport()
			n := 1 + rng.IntN(6)
			op = fmt.Sprintf("review %s-%d", rid, n)
			v := tracker.Version{By: "reviewer"}
			switch rng.IntN(3) {
			case 0:
				v.Status = tracker.Accepted
			case 1:
				v.Status = tracker.Rejected
			default:
				v.Status = tracker.Corrected
				if mr := m.reports[rid]; mr != nil && mr.claims[n] != nil {
					v.Claim = mr.claims[n][len(mr.claims[n])-1].Claim
				}
				v.Claim.Where = []string{"Gaza", "Rafah", "the West Bank"}[rng.IntN(3)]
			}
			_, err := db.Review(tracker.ClaimID(rid, n), v)
			wantErr := m.review(rid, n, v, now)
			if (err == nil) != (wantErr == nil) || (wantErr != nil && !errors.Is(err, wantErr)) {
				t.Fatalf("step %d (%s): err %v, model %v", step, op, err, wantErr)
			}
		case x < 8:
			rid := someReport()
			op = "rm " + rid
			rm, err := db.Remove(rid)
			mr := m.reports[rid]
			if (err == nil) != (mr != nil) || (mr != nil && rm.Claims != len(mr.claims)) {
				t.Fatalf("step %d (%s): %+v, %v; model has %v", step, op, rm, err, mr != nil)
			}
			delete(m.reports, rid)
		default:
			if rng.IntN(2) == 0 {
				db.Close()
				ext = rng.IntN(len(extractors))
				db = open()
			}
			rid := someReport()
			op = "reextract " + rid + " with " + extractors[ext].version
			res, err := db.Reextract(rid)
			if m.reports[rid] == nil {
				if !errors.Is(err, ErrNotFound) {
					t.Fatalf("step %d (%s): err %v, want ErrNotFound", step, op, err)
				}
				break
			}
			if err != nil {
				t.Fatalf("step %d (%s): %v", step, op, err)
			}
			k, c, a, r := m.reextract(rid, extractors[ext].fn, extractors[ext].version, now)
			if len(res.Kept) != k || len(res.Changed) != c || len(res.Added) != a || len(res.Removed) != r {
				t.Fatalf("step %d (%s): kept/changed/added/removed %d/%d/%d/%d, model %d/%d/%d/%d", step, op,
					len(res.Kept), len(res.Changed), len(res.Added), len(res.Removed), k, c, a, r)
			}
		}
		m.compare(t, db, step, op)
	}
}
