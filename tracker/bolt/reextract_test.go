package bolt

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

// extractorV2 plays a newer extractor on seedText: it reads claim 1 and 2
// with other figures, no longer finds 3 and 5, and finds a new one.
func extractorV2(r tracker.Report) (tracker.Extraction, error) {
	text := r.Text
	res, err := extract.Report(r)
	if err != nil || len(res.Claims) != 5 {
		return res, err
	}
	cs := res.Claims
	cs[0].Interval = tracker.AtLeastInterval(decimal.NewFromInt(300))
	cs[1].Interval = tracker.Point(decimal.NewFromInt(1205))
	i := strings.Index(text, "Roads")
	if i < 0 {
		i = len(text) - 1
	}
	extra := cs[3]
	extra.Category, extra.Start, extra.End, extra.Span = tracker.Displaced, i, i+1, text[i:i+1]
	res.Claims = []tracker.Claim{cs[0], cs[1], cs[3], extra}
	return res, nil
}

func TestReextract(t *testing.T) {
	path := filepath.Join(t.TempDir(), "toll.db")
	clock := fixedClock()
	db, err := testOpen(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	rid := mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	c := func(n int) string { return tracker.ClaimID(rid, n) }
	four, _ := db.Claim(c(4))
	troops := four.Claim
	troops.Who = "troops"
	for id, v := range map[string]tracker.Version{
		c(1): {Status: tracker.Accepted, By: "ed"},
		c(4): {Status: tracker.Corrected, By: "ed", Claim: troops},
		c(5): {Status: tracker.Rejected, By: "ed"},
	} {
		if _, err := db.Review(id, v); err != nil {
			t.Fatal(err)
		}
	}
	same, err := db.Reextract(rid)
	if err != nil {
		t.Fatal(err)
	}
	if same.Changes() || len(same.Kept) != 5 {
		t.Errorf("re-reading with the same extractor: %+v, want 5 kept and nothing else", same)
	}
	db.Close()

	db, err = testOpen(path, Options{Now: clock, Extract: extractorV2, ExtractorVersion: "2"})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.ReextractCount(false); err != nil || n != 1 {
		t.Errorf("ReextractCount(false) = %d, %v; want the 1 report read by version 1", n, err)
	}
	if n, err := db.ReextractCount(true); err != nil || n != 1 {
		t.Errorf("ReextractCount(true) = %d, %v; want every report, 1", n, err)
	}
	var results []ReextractResult
	if err := db.ReextractAll(false, 0, func(r ReextractResult) error { results = append(results, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if n, err := db.ReextractCount(false); err != nil || n != 0 {
		t.Errorf("after ReextractAll, ReextractCount(false) = %d, %v; want 0", n, err)
	}
	if n, err := db.ReextractCount(true); err != nil || n != 1 {
		t.Errorf("after ReextractAll, ReextractCount(true) = %d, %v; want 1 (force counts every report)", n, err)
	}
	if len(results) != 1 {
		t.Fatalf("ReextractAll re-read %d reports, want 1", len(results))
	}
	got := results[0]
	check := func(name string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("kept", got.Kept, []string{c(4)})
	check("changed", got.Changed, []string{c(2)})
	check("added", got.Added, []string{c(6)})
	check("removed", got.Removed, []string{c(3)})
	check("missing", got.Missing, []string{c(5)})
	if len(got.Differs) != 1 || got.Differs[0].ID != c(1) || got.Differs[0].Status != tracker.Accepted ||
		got.Differs[0].Extracted.Interval.String() != "[300, ∞)" || got.Differs[0].Current.Interval.String() != "[312, ∞)" {
		t.Errorf("differs = %+v", got.Differs)
	}
	if got.From != extract.Version() || got.To != "2" {
		t.Errorf("versions %s → %s", got.From, got.To)
	}

	one, _ := db.Claim(c(1))
	if one.Status != tracker.Accepted || one.Claim.Interval.String() != "[312, ∞)" || len(one.Versions) != 2 {
		t.Errorf("accepted claim was changed: %+v", one)
	}
	two, _ := db.Claim(c(2))
	if len(two.Versions) != 2 || two.Versions[0].Claim.Interval.String() != "[1204, 1204]" ||
		two.Claim.Interval.String() != "[1205, 1205]" || two.Versions[1].By != "extractor 2" {
		t.Errorf("changed claim history = %+v", two.Versions)
	}
	fourNow, _ := db.Claim(c(4))
	if fourNow.Claim.Who != "troops" || fourNow.Status != tracker.Corrected {
		t.Errorf("correction lost: %+v", fourNow.Claim)
	}
	if _, err := db.Claim(c(3)); err == nil {
		t.Errorf("removed claim still there")
	}
	if r, _ := db.Report(rid); r.Extractor != "2" {
		t.Errorf("report extractor = %q, want 2", r.Extractor)
	}

	// Nothing is left to re-read; forcing it changes nothing.
	n := 0
	_ = db.ReextractAll(false, 0, func(ReextractResult) error { n++; return nil })
	if n != 0 {
		t.Errorf("ReextractAll re-read %d up-to-date reports", n)
	}
	again, err := db.Reextract(rid[:4])
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Changed)+len(again.Added)+len(again.Removed) != 0 {
		t.Errorf("second re-read changed things: %+v", again)
	}
	db.Close()

	// Back to the first extractor: the new claim 6 goes, claim 3 comes
	// back as 7, never as 3 or 6 again.
	db, err = testOpen(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	back, err := db.Reextract(rid)
	if err != nil {
		t.Fatal(err)
	}
	check("removed on the way back", back.Removed, []string{c(6)})
	check("added on the way back", back.Added, []string{c(7)})
}

func TestMatchClaims(t *testing.T) {
	cl := func(cat tracker.Category, n int64, start, end int) tracker.Claim {
		return tracker.Claim{Category: cat, Interval: tracker.Point(decimal.NewFromInt(n)), Start: start, End: end}
	}
	k, i := tracker.Killed, tracker.Injured
	tests := []struct {
		name          string
		stored, found []tracker.Claim
		want          []int
	}{
		{"identical", []tracker.Claim{cl(k, 5, 0, 10), cl(i, 7, 20, 30)}, []tracker.Claim{cl(k, 5, 0, 10), cl(i, 7, 20, 30)}, []int{0, 1}},
		{"span moved a little, figure changed", []tracker.Claim{cl(k, 5, 0, 10)}, []tracker.Claim{cl(k, 6, 2, 12)}, []int{0}},
		{"same span, other category", []tracker.Claim{cl(k, 5, 0, 10)}, []tracker.Claim{cl(i, 5, 0, 10)}, []int{-1}},
		{"no overlap, same interval", []tracker.Claim{cl(k, 5, 0, 10)}, []tracker.Claim{cl(k, 5, 40, 50)}, []int{0}},
		{"no overlap, other interval", []tracker.Claim{cl(k, 5, 0, 10)}, []tracker.Claim{cl(k, 6, 40, 50)}, []int{-1}},
		{"largest overlap wins", []tracker.Claim{cl(k, 5, 0, 10), cl(k, 6, 8, 30)}, []tracker.Claim{cl(k, 6, 5, 25)}, []int{1}},
		{"each stored claim once", []tracker.Claim{cl(k, 5, 0, 10)}, []tracker.Claim{cl(k, 5, 0, 10), cl(k, 5, 0, 10)}, []int{0, -1}},
		{"split phrase", []tracker.Claim{cl(k, 5, 0, 30)}, []tracker.Claim{cl(k, 2, 0, 12), cl(k, 3, 14, 30)}, []int{0, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchClaims(tt.stored, tt.found); !slices.Equal(got, tt.want) {
				t.Errorf("MatchClaims = %v, want %v", got, tt.want)
			}
		})
	}
}
