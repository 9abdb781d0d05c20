package bolt

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollproject/toll/tracker"
)

const thirdText = `Convoy reaches the south

Two aid workers were killed when their convoy was hit near the crossing, the agency said.
`

// mustMerge merges src's export (JSON Lines) into dst.
func mustMerge(tb testing.TB, dst, src *DB) ImportResult {
	tb.Helper()
	res, err := dst.Merge(bytes.NewReader(mustExport(tb, src, "jsonl")), "other.jsonl")
	if err != nil {
		tb.Fatalf("Merge: %v", err)
	}
	return res
}

func mustReview(tb testing.TB, db *DB, id string, v tracker.Version) {
	tb.Helper()
	if _, err := db.Review(id, v); err != nil {
		tb.Fatalf("Review %s: %v", id, err)
	}
}

// TestMerge plays two analysts: B starts from A's export, both review and
// acknowledge, B adds a report, then each merges the other's export. Each
// side's work is kept, conflicts are named by id, a second merge adds
// nothing, and afterwards both databases export the same bytes.
func TestMerge(t *testing.T) {
	a, b := mustOpen(t, Options{}), mustOpen(t, Options{})
	r1 := mustAdd(t, a, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})[0].Report.ID
	mustAdd(t, a, NewReport{Source: "Harbor Daily", Published: tracker.MustDate("2023-10-17"), Text: otherText})
	if _, err := b.Import(bytes.NewReader(mustExport(t, a, "jsonl")), "a.jsonl"); err != nil {
		t.Fatal(err)
	}
	at := func(min int) time.Time { return time.Date(2024, 5, 1, 10, min, 0, 0, time.UTC) }

	// A accepts claim 1 at 10:01; B corrects it at 10:02 and rejects claim 2.
	mustReview(t, a, r1+"-1", tracker.Version{Status: tracker.Accepted, By: "ana", At: at(1)})
	orig, _ := b.Claim(r1 + "-1")
	fixed := orig.Claim
	fixed.Interval = tracker.AtLeastInterval(decimal.NewFromInt(315))
	mustReview(t, b, r1+"-1", tracker.Version{Status: tracker.Corrected, Claim: fixed, By: "ben", At: at(2)})
	mustReview(t, b, r1+"-2", tracker.Version{Status: tracker.Rejected, By: "ben", Note: "counted twice", At: at(3)})
	// Both acknowledge one finding, with other notes; each one another.
	for _, x := range []struct {
		db   *DB
		ack  tracker.Ack
		name string
	}{
		{a, tracker.Ack{Finding: "f-both", Note: "ana's reason", At: at(4)}, "a"},
		{b, tracker.Ack{Finding: "f-both", Note: "ben's reason", At: at(5)}, "b"},
		{a, tracker.Ack{Finding: "f-ana", Note: "only ana", At: at(6)}, "a"},
		{b, tracker.Ack{Finding: "f-ben", Note: "only ben", At: at(7)}, "b"},
	} {
		if err := x.db.Ack(x.ack); err != nil {
			t.Fatal(err)
		}
	}
	r3 := mustAdd(t, b, NewReport{Source: "Cedar Times", Published: tracker.MustDate("2023-10-18"), Text: thirdText})[0].Report.ID

	res := mustMerge(t, a, b)
	if res.Reports != 1 || res.Claims == 0 || res.Versions != 2 || res.Acks != 2 {
		t.Errorf("merge B into A = %+v, want 1 report, its claims, 2 versions, 2 acks", res)
	}
	var ids []string
	for _, c := range res.Conflicts {
		ids = append(ids, c.ID)
	}
	if want := []string{r1 + "-1", "f-both"}; !slices.Equal(ids, want) {
		t.Errorf("conflicts = %+v, want ids %v", res.Conflicts, want)
	}
	if len(res.Conflicts) == 2 && !strings.Contains(res.Conflicts[0].Message, "the later (corrected by ben) stands") {
		t.Errorf("claim conflict says %q", res.Conflicts[0].Message)
	}

	c1, _ := a.Claim(r1 + "-1")
	var hist []string
	for _, v := range c1.Versions {
		hist = append(hist, string(v.Status)+" "+v.By)
	}
	if want := []string{"unreviewed extractor " + c1.Versions[0].By[len("extractor "):], "accepted ana", "corrected ben"}; !slices.Equal(hist, want) {
		t.Errorf("claim 1 history = %v, want %v", hist, want)
	}
	if c1.Status != tracker.Corrected || !c1.Claim.Interval.Equal(fixed.Interval) {
		t.Errorf("claim 1 now %s %s, want ben's later correction", c1.Status, c1.Claim.Interval)
	}
	if c2, _ := a.Claim(r1 + "-2"); c2.Status != tracker.Rejected || len(c2.Versions) != 2 {
		t.Errorf("claim 2 = %s with %d versions, want ben's rejection added", c2.Status, len(c2.Versions))
	}
	if _, err := a.Report(r3); err != nil {
		t.Errorf("B's new report is not in A: %v", err)
	}
	acks, _ := a.Acks()
	if len(acks) != 3 || acks["f-both"].Note != "ben's reason" || acks["f-ana"].Note != "only ana" || acks["f-ben"].Note != "only ben" {
		t.Errorf("acks after merge = %+v", acks)
	}

	// Merging again adds nothing and finds no conflict.
	if again := mustMerge(t, a, b); again.Reports+again.Claims+again.Versions+again.Acks != 0 || len(again.Conflicts) != 0 {
		t.Errorf("second merge = %+v, want nothing", again)
	}
	// The other way round, then both hold the same.
	mustMerge(t, b, a)
	if ea, eb := mustExport(t, a, "jsonl"), mustExport(t, b, "jsonl"); !bytes.Equal(ea, eb) {
		t.Errorf("after merging both ways the exports differ: %s", firstDiff(ea, eb))
	}
}

// TestMergeVersions checks the history rules on their own.
func TestMergeVersions(t *testing.T) {
	at := func(min int) time.Time { return time.Date(2024, 5, 1, 10, min, 0, 0, time.UTC) }
	claim := func(low int64) tracker.Claim {
		return tracker.Claim{Category: tracker.Killed, Interval: tracker.RangeInterval(decimal.NewFromInt(low), decimal.NewFromInt(low)), Qualifier: tracker.Exact, Who: "people"}
	}
	ext := tracker.Version{Claim: claim(12), Status: tracker.Unreviewed, By: "extractor 1", At: at(0)}
	extLater := ext
	extLater.At = at(9) // the same text added on the other side later
	acc := func(by string, min int) tracker.Version {
		return tracker.Version{Claim: claim(12), Status: tracker.Accepted, By: by, At: at(min)}
	}
	rej := tracker.Version{Claim: claim(12), Status: tracker.Rejected, By: "ben", At: at(3)}
	other := tracker.Version{Claim: claim(40), Status: tracker.Unreviewed, By: "extractor 2", At: at(0)}
	tests := []struct {
		name         string
		ours, theirs []tracker.Version
		want         []string // By of each merged version
		added        int
		conflict     string // a fragment, "" for none
	}{
		{"same", []tracker.Version{ext, acc("ana", 1)}, []tracker.Version{ext, acc("ana", 1)}, []string{"extractor 1", "ana"}, 0, ""},
		{"theirs ahead", []tracker.Version{ext}, []tracker.Version{ext, acc("ben", 2)}, []string{"extractor 1", "ben"}, 1, ""},
		{"ours ahead", []tracker.Version{ext, acc("ana", 1)}, []tracker.Version{ext}, []string{"extractor 1", "ana"}, 0, ""},
		{"both agree", []tracker.Version{ext, acc("ana", 1)}, []tracker.Version{ext, acc("ben", 2)}, []string{"extractor 1", "ana", "ben"}, 1, ""},
		{"both differ", []tracker.Version{ext, acc("ana", 4)}, []tracker.Version{ext, rej}, []string{"extractor 1", "ben", "ana"}, 1, "the later (accepted by ana) stands"},
		{"extracted on both sides", []tracker.Version{ext}, []tracker.Version{extLater, acc("ben", 10)}, []string{"extractor 1", "ben"}, 1, ""},
		{"another reading", []tracker.Version{ext, acc("ana", 1)}, []tracker.Version{other}, []string{"extractor 1", "ana"}, 0, "another reading under this id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			merged, added, conflict := mergeVersions(tt.ours, tt.theirs)
			var got []string
			for _, v := range merged {
				got = append(got, v.By)
			}
			if !slices.Equal(got, tt.want) || added != tt.added {
				t.Errorf("merged %v (added %d), want %v (added %d)", got, added, tt.want, tt.added)
			}
			if tt.conflict == "" && conflict != "" || !strings.Contains(conflict, tt.conflict) {
				t.Errorf("conflict = %q, want %q", conflict, tt.conflict)
			}
		})
	}
}

// TestMergeMalformed: a merge checks the file as an import does, and a
// bad file changes nothing.
func TestMergeMalformed(t *testing.T) {
	db := mustOpen(t, Options{})
	mustAdd(t, db, NewReport{Source: "Levant Wire", Published: tracker.MustDate("2023-10-16"), Text: seedText})
	exp := mustExport(t, db, "jsonl")
	bad := bytes.Replace(exp, []byte(`"low":312`), []byte(`"low":"x"`), 1)
	if bytes.Equal(bad, exp) {
		t.Fatal("the test did not damage the export")
	}
	before := mustExport(t, db, "jsonl")
	if _, err := db.Merge(bytes.NewReader(bad), "bad.jsonl"); err == nil {
		t.Fatal("a malformed merge succeeded")
	}
	if after := mustExport(t, db, "jsonl"); !bytes.Equal(before, after) {
		t.Errorf("a failed merge changed the database: %s", firstDiff(before, after))
	}
	// Import still refuses what Merge takes.
	if _, err := db.Import(bytes.NewReader(exp), "same.jsonl"); !errors.Is(err, ErrCollision) {
		t.Errorf("Import of shared reports: err = %v, want ErrCollision", err)
	}
}
