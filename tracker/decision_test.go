package tracker

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSeriesDecisionValidate(t *testing.T) {
	at := time.Date(2023, 10, 20, 9, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		d    SeriesDecision
		want error // nil: valid
	}{
		{"merge", SeriesDecision{ID: "d1", Op: Merge, Series: "s1", Other: "s2", At: at}, nil},
		{"move", SeriesDecision{ID: "d1", Op: Move, Series: "s2", Claim: "abc-1", At: at}, nil},
		{"move to new", SeriesDecision{ID: "d1", Op: Move, Series: NewSeries, Claim: "abc-1", At: at}, nil},
		{"name", SeriesDecision{ID: "d1", Op: Name, Series: "s1", Text: "national toll", At: at}, nil},
		{"note", SeriesDecision{ID: "d1", Op: Note, Series: "s1", Text: "ministry counts bodies", At: at}, nil},
		{"undo", SeriesDecision{ID: "d2", Op: Undo, Undoes: "d1", At: at}, nil},
		{"no id", SeriesDecision{Op: Merge, Series: "s1", Other: "s2", At: at}, ErrInvalidDecision},
		{"id with space", SeriesDecision{ID: "d 1", Op: Merge, Series: "s1", Other: "s2", At: at}, ErrInvalidDecision},
		{"unknown op", SeriesDecision{ID: "d1", Op: "split", Series: "s1", At: at}, ErrUnknownDecisionOp},
		{"no time", SeriesDecision{ID: "d1", Op: Merge, Series: "s1", Other: "s2"}, ErrInvalidDecision},
		{"merge into itself", SeriesDecision{ID: "d1", Op: Merge, Series: "s1", Other: "s1", At: at}, ErrInvalidDecision},
		{"merge one series", SeriesDecision{ID: "d1", Op: Merge, Series: "s1", At: at}, ErrInvalidDecision},
		{"merge into new", SeriesDecision{ID: "d1", Op: Merge, Series: "s1", Other: NewSeries, At: at}, ErrInvalidDecision},
		{"merge with a claim", SeriesDecision{ID: "d1", Op: Merge, Series: "s1", Other: "s2", Claim: "abc-1", At: at}, ErrInvalidDecision},
		{"move without claim", SeriesDecision{ID: "d1", Op: Move, Series: "s1", At: at}, ErrInvalidDecision},
		{"move without series", SeriesDecision{ID: "d1", Op: Move, Claim: "abc-1", At: at}, ErrInvalidDecision},
		{"name without text", SeriesDecision{ID: "d1", Op: Name, Series: "s1", At: at}, ErrInvalidDecision},
		{"name new", SeriesDecision{ID: "d1", Op: Name, Series: NewSeries, Text: "x", At: at}, ErrInvalidDecision},
		{"name two lines", SeriesDecision{ID: "d1", Op: Name, Series: "s1", Text: "a\nb", At: at}, ErrInvalidDecision},
		{"name padded", SeriesDecision{ID: "d1", Op: Name, Series: "s1", Text: " a", At: at}, ErrInvalidDecision},
		{"note too long", SeriesDecision{ID: "d1", Op: Note, Series: "s1", Text: strings.Repeat("a", MaxDecisionText+1), At: at}, ErrInvalidDecision},
		{"undo nothing", SeriesDecision{ID: "d1", Op: Undo, At: at}, ErrInvalidDecision},
		{"undo itself", SeriesDecision{ID: "d1", Op: Undo, Undoes: "d1", At: at}, ErrInvalidDecision},
		{"undo with text", SeriesDecision{ID: "d2", Op: Undo, Undoes: "d1", Text: "x", At: at}, ErrInvalidDecision},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.d.Validate()
			if tt.want == nil {
				if got != nil {
					t.Fatalf("Validate() = %v, want nil", got)
				}
				return
			}
			if !errors.Is(got, tt.want) {
				t.Fatalf("Validate() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSeriesDecisionMakeID(t *testing.T) {
	at := time.Date(2023, 10, 20, 9, 30, 0, 0, time.UTC)
	d := SeriesDecision{Op: Merge, Series: "s1", Other: "s2", At: at}
	got := d.MakeID()
	if len(got) != 9 || got[0] != 'd' {
		t.Fatalf("MakeID() = %q, want d and 8 hex digits", got)
	}
	d.ID = "dffffffff"
	if again := d.MakeID(); again != got {
		t.Errorf("MakeID() depends on ID: %q then %q", got, again)
	}
	local := d
	local.At = at.In(time.FixedZone("EEST", 3*3600))
	if l := local.MakeID(); l != got {
		t.Errorf("MakeID() depends on the time zone: %q and %q", got, l)
	}
	later := d
	later.At = at.Add(time.Second)
	if l := later.MakeID(); l == got {
		t.Errorf("MakeID() is %q for two different times", l)
	}
}
