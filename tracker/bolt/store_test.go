package bolt

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

func TestAdd(t *testing.T) {
	db := mustOpen(t, Options{})
	d := tracker.MustDate("2023-10-16")
	res := mustAdd(t, db, NewReport{Source: "Levant Wire", Published: d, Text: seedText})
	if got, want := res[0].Report.ID, tracker.ReportID(seedText); got != want {
		t.Errorf("id = %s, want %s", got, want)
	}
	if got, want := res[0].Claims, 5; got != want {
		t.Fatalf("claims = %d, want %d", got, want)
	}
	if res[0].Existing {
		t.Errorf("first add says existing")
	}

	// The same text with other line breaks is the same report: nothing
	// changes, not even the source.
	again := mustAdd(t, db, NewReport{Source: "Other", Published: d.AddDays(1), Text: strings.ReplaceAll(seedText, "\n\n", "\n")})
	if !again[0].Existing || again[0].Report.Source != "Levant Wire" || again[0].Claims != 5 {
		t.Errorf("re-add = %+v, want existing Levant Wire report with 5 claims", again[0])
	}

	claims, err := db.Claims(res[0].Report.ID[:6])
	if err != nil {
		t.Fatal(err)
	}
	for i, sc := range claims {
		id := tracker.ClaimID(res[0].Report.ID, i+1)
		if sc.ID != id || sc.Status != tracker.Unreviewed || len(sc.Versions) != 1 ||
			sc.Versions[0].By != "extractor "+extract.Version() || sc.Outlet != "Levant Wire" {
			t.Errorf("claim %d = %+v", i+1, sc)
		}
		if got := seedText[sc.Claim.Start:sc.Claim.End]; got != sc.Claim.Span {
			t.Errorf("claim %s: text[start:end] = %q, span %q", sc.ID, got, sc.Claim.Span)
		}
	}
	if got, want := claims[0].Claim.Interval.String(), "[312, ∞)"; got != want {
		t.Errorf("first claim interval = %s, want %s", got, want)
	}
}

func TestAddBadReports(t *testing.T) {
	db := mustOpen(t, Options{})
	d := tracker.MustDate("2023-10-16")
	tests := []struct {
		name string
		nr   NewReport
		want error
	}{
		{"no date", NewReport{Text: seedText}, ErrNoDate},
		{"binary", NewReport{Published: d, Text: "abc\x00def"}, tracker.ErrBinary},
		{"blank", NewReport{Published: d, Text: " \n\t"}, tracker.ErrEmptyText},
		{"invalid utf-8", NewReport{Published: d, Text: "caf\xe9 au lait"}, tracker.ErrInvalidUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := db.Add([]NewReport{tt.nr, {Published: d, Text: otherText}})
			if err != nil {
				t.Fatal(err)
			}
			if !errors.Is(res[0].Err, tt.want) {
				t.Errorf("err = %v, want %v", res[0].Err, tt.want)
			}
			if res[1].Err != nil {
				t.Errorf("the good report of the batch failed: %v", res[1].Err)
			}
			if ok, _ := db.Has(tracker.ReportID(tt.nr.Text)); ok {
				t.Errorf("bad report was stored")
			}
		})
	}
}

func TestResolveReport(t *testing.T) {
	db := mustOpen(t, Options{})
	rng := rand.New(rand.NewPCG(1, 2))
	var ids []string
	for i := range 40 {
		ids = append(ids, mustAdd(t, db, genReport(rng, i, 300))[0].Report.ID)
	}
	slices.Sort(ids)
	// With 40 ids over 16 first digits some share a first digit.
	var shared string
	for i := 1; i < len(ids); i++ {
		if ids[i][0] == ids[i-1][0] {
			shared = ids[i][:1]
		}
	}
	tests := []struct {
		name, in, want string
		err            error
	}{
		{"full", ids[3], ids[3], nil},
		{"prefix", ids[3][:8], ids[3], nil},
		{"upper case", strings.ToUpper(ids[3][:8]), ids[3], nil},
		{"ambiguous", shared, "", ErrAmbiguous},
		{"unknown", "zzzz", "", ErrNotFound},
		{"empty", "", "", ErrNotFound},
		{"absent hex", "ffffffffffff0", "", ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.ResolveReport(tt.in)
			if !errors.Is(err, tt.err) || got != tt.want {
				t.Errorf("ResolveReport(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestEachReportOrder(t *testing.T) {
	db := mustOpen(t, Options{})
	mustAdd(t, db,
		NewReport{Source: "B", Published: tracker.MustDate("2023-10-20"), Text: otherText},
		NewReport{Source: "A", Published: tracker.MustDate("2023-10-09"), Text: seedText},
	)
	var got []string
	err := db.EachReport(func(s ReportSummary) error {
		got = append(got, fmt.Sprintf("%s %s %d", s.Report.Published, s.Report.Source, s.Claims))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2023-10-09 A 5", "2023-10-20 B 2"}
	if !slices.Equal(got, want) {
		t.Errorf("reports = %q, want %q", got, want)
	}
}

func TestEachClaimFilter(t *testing.T) {
	db := mustOpen(t, Options{})
	r1 := mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	r2 := mustAdd(t, db, NewReport{Source: "Harbor Daily", Published: tracker.MustDate("2023-10-20"), Text: otherText})[0].Report.ID
	if _, err := db.Review(r1+"-2", tracker.Version{Status: tracker.Rejected, By: "ed"}); err != nil {
		t.Fatal(err)
	}
	c := func(r string, n int) string { return tracker.ClaimID(r, n) }
	tests := []struct {
		name string
		f    ClaimFilter
		want []string
	}{
		{"all, by date", ClaimFilter{}, []string{c(r1, 1), c(r1, 2), c(r1, 3), c(r1, 4), c(r1, 5), c(r2, 1), c(r2, 2)}},
		{"report prefix", ClaimFilter{Report: r2[:5]}, []string{c(r2, 1), c(r2, 2)}},
		{"category", ClaimFilter{Category: tracker.Killed}, []string{c(r1, 1), c(r2, 1)}},
		{"who substring", ClaimFilter{Who: "SOLDIER"}, []string{c(r1, 4)}},
		{"source is attribution", ClaimFilter{Source: "civil defence"}, []string{c(r1, 3)}},
		{"source is outlet", ClaimFilter{Source: "harbor"}, []string{c(r2, 1), c(r2, 2)}},
		{"status", ClaimFilter{Status: tracker.Rejected}, []string{c(r1, 2)}},
		{"since", ClaimFilter{Since: tracker.MustDate("2023-10-17")}, []string{c(r2, 1), c(r2, 2)}},
		{"until", ClaimFilter{Until: tracker.MustDate("2023-10-16"), Category: tracker.Injured}, []string{c(r1, 2), c(r1, 4)}},
		{"none", ClaimFilter{Category: tracker.Displaced}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := db.EachClaim(tt.f, func(sc tracker.StoredClaim) error {
				got = append(got, sc.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("claims = %q, want %q", got, tt.want)
			}
		})
	}
	stop := errors.New("stop")
	n := 0
	err := db.EachClaim(ClaimFilter{}, func(tracker.StoredClaim) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("EachClaim did not stop on the callback's error: %v after %d", err, n)
	}
	if err := db.EachClaim(ClaimFilter{Report: "abcdef"}, func(tracker.StoredClaim) error { return nil }); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown report: err = %v, want ErrNotFound", err)
	}
}

func TestReviewAndHistory(t *testing.T) {
	db := mustOpen(t, Options{})
	rid := mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	id := rid + "-1"
	orig, err := db.Claim(id)
	if err != nil {
		t.Fatal(err)
	}

	corrected := orig.Claim
	corrected.Interval = tracker.AtLeastInterval(decimal.NewFromInt(315))
	sc, err := db.Review(rid[:5]+"-1", tracker.Version{Claim: corrected, Status: tracker.Corrected, By: "ed", Note: "the ministry's later bulletin"})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Status != tracker.Corrected || !sc.Claim.Interval.Equal(corrected.Interval) || len(sc.Versions) != 2 {
		t.Fatalf("after correction: %+v", sc)
	}
	if _, err := db.Review(id, tracker.Version{Status: tracker.Accepted, By: "sub"}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Claim(id)
	if err != nil {
		t.Fatal(err)
	}
	var hist []string
	for _, v := range got.Versions {
		hist = append(hist, fmt.Sprintf("%s %s %s %q", v.Status, v.By, v.Claim.Interval, v.Note))
	}
	want := []string{
		`unreviewed extractor ` + extract.Version() + ` [312, ∞) ""`,
		`corrected ed [315, ∞) "the ministry's later bulletin"`,
		`accepted sub [315, ∞) ""`,
	}
	if !slices.Equal(hist, want) {
		t.Errorf("history =\n%s\nwant\n%s", strings.Join(hist, "\n"), strings.Join(want, "\n"))
	}
	if !SameClaim(got.Versions[0].Claim, orig.Claim) {
		t.Errorf("the extracted original changed")
	}

	bad := orig.Claim
	bad.Interval = tracker.Interval{Low: decimal.NewFromInt(5), High: decimal.NewFromInt(2)}
	tests := []struct {
		name string
		id   string
		v    tracker.Version
		want error
	}{
		{"invalid correction", id, tracker.Version{Claim: bad, Status: tracker.Corrected, By: "ed"}, tracker.ErrInvalidClaim},
		{"no change", id, tracker.Version{Claim: got.Claim, Status: tracker.Corrected, By: "ed"}, ErrBadReview},
		{"reset of a claim not reviewed", rid + "-2", tracker.Version{Status: tracker.Unreviewed, By: "ed"}, ErrBadReview},
		{"unknown status", id, tracker.Version{Status: "pending", By: "ed"}, ErrBadReview},
		{"no reviewer", id, tracker.Version{Status: tracker.Accepted}, ErrBadReview},
		{"no such claim", rid + "-99", tracker.Version{Status: tracker.Accepted, By: "ed"}, ErrNotFound},
		{"not a claim id", rid, tracker.Version{Status: tracker.Accepted, By: "ed"}, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.Review(tt.id, tt.v); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			after, _ := db.Claim(id)
			if len(after.Versions) != 3 {
				t.Errorf("a failed review wrote a version")
			}
		})
	}
}

// TestReviewReset: a reset is a new version that puts the claim back as
// the extractor read it, unreviewed, and keeps every earlier version.
func TestReviewReset(t *testing.T) {
	db := mustOpen(t, Options{})
	rid := mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	id := rid + "-1"
	orig, err := db.Claim(id)
	if err != nil {
		t.Fatal(err)
	}
	corrected := orig.Claim
	corrected.Interval = tracker.AtLeastInterval(decimal.NewFromInt(315))
	if _, err := db.Review(id, tracker.Version{Claim: corrected, Status: tracker.Corrected, By: "ed"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(id, tracker.Version{Status: tracker.Rejected, By: "sub"}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Review(id, tracker.Version{Status: tracker.Unreviewed, By: "ana", Note: "rejected by mistake", Claim: corrected})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != tracker.Unreviewed || !SameClaim(got.Claim, orig.Claim) {
		t.Errorf("after reset: %s %s, want unreviewed %s (the extracted claim, whatever Claim the reset carried)",
			got.Status, got.Claim.Interval, orig.Claim.Interval)
	}
	var hist []string
	for _, v := range got.Versions {
		hist = append(hist, fmt.Sprintf("%s %s %s", v.Status, v.By, v.Claim.Interval))
	}
	want := []string{
		"unreviewed extractor " + extract.Version() + " [312, ∞)",
		"corrected ed [315, ∞)",
		"rejected sub [315, ∞)",
		"unreviewed ana [312, ∞)",
	}
	if !slices.Equal(hist, want) {
		t.Errorf("history =\n%s\nwant\n%s", strings.Join(hist, "\n"), strings.Join(want, "\n"))
	}
	if stored, _ := db.Claim(id); len(stored.Versions) != 4 || !stored.Counts() {
		t.Errorf("stored after reset: %d versions, counts %v; want 4 and counting again", len(stored.Versions), stored.Counts())
	}
	if _, err := db.Review(id, tracker.Version{Status: tracker.Unreviewed, By: "ana"}); !errors.Is(err, ErrBadReview) {
		t.Errorf("second reset: err = %v, want ErrBadReview", err)
	}
}

func TestRemove(t *testing.T) {
	db := mustOpen(t, Options{})
	r1 := mustAdd(t, db, NewReport{Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	r2 := mustAdd(t, db, NewReport{Published: tracker.MustDate("2023-10-16"), Text: otherText})[0].Report.ID
	if _, err := db.Review(r1+"-3", tracker.Version{Status: tracker.Accepted, By: "ed"}); err != nil {
		t.Fatal(err)
	}
	rm, err := db.Remove(r1[:6])
	if err != nil {
		t.Fatal(err)
	}
	if rm.Report.ID != r1 || rm.Claims != 5 || rm.Reviewed != 1 {
		t.Errorf("Remove = %+v, want %s with 5 claims, 1 reviewed", rm, r1)
	}
	if _, err := db.Report(r1); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed report still there: %v", err)
	}
	var left []string
	_ = db.EachClaim(ClaimFilter{}, func(sc tracker.StoredClaim) error { left = append(left, sc.ID); return nil })
	if want := []string{r2 + "-1", r2 + "-2"}; !slices.Equal(left, want) {
		t.Errorf("claims left = %q, want %q", left, want)
	}
	if _, err := db.Remove(r1); !errors.Is(err, ErrNotFound) {
		t.Errorf("second remove: %v, want ErrNotFound", err)
	}
	// Adding the text again starts afresh.
	if res := mustAdd(t, db, NewReport{Published: tracker.MustDate("2023-10-16"), Text: seedText}); res[0].Existing {
		t.Errorf("re-added removed report counts as existing")
	}
}

func TestAcks(t *testing.T) {
	db := mustOpen(t, Options{})
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, a := range []tracker.Ack{
		{Finding: "drop:killed:israel:2023-11-10", Note: "official revision", At: at},
		{Finding: "conflict:hospital", Note: "sources far apart"},
		{Finding: "drop:killed:israel:2023-11-10", Note: "foreign ministry revision", At: at},
	} {
		if err := db.Ack(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Ack(tracker.Ack{Finding: " "}); err == nil {
		t.Errorf("ack with no finding accepted")
	}
	got, err := db.Acks()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["drop:killed:israel:2023-11-10"].Note != "foreign ministry revision" ||
		!got["drop:killed:israel:2023-11-10"].At.Equal(at) || got["conflict:hospital"].At.IsZero() {
		t.Errorf("Acks = %+v", got)
	}

	// Unack removes one ack and returns it; a finding without one is not found.
	a, err := db.Unack("conflict:hospital")
	if err != nil || a.Note != "sources far apart" {
		t.Errorf("Unack = %+v, %v; want the ack with its note", a, err)
	}
	if got, _ := db.Acks(); len(got) != 1 || got["conflict:hospital"].Finding != "" {
		t.Errorf("after Unack, Acks = %+v", got)
	}
	if _, err := db.Unack("conflict:hospital"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Unack: err = %v, want ErrNotFound", err)
	}
}
