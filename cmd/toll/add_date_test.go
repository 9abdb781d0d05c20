package main

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/ingest"
)

// TestAddDates checks which date a report is stored with: the input's,
// else --default-date (a yearless dateline taking its year from it),
// and --date over everything.
func TestAddDates(t *testing.T) {
	d := tracker.MustDate
	own := ingest.Doc{Origin: "a.html", Published: d("2024-03-14"), Text: "At least 27 people were killed."}
	none := ingest.Doc{Origin: "b.txt", Text: "At least 27 people were killed."}
	wire := ingest.Doc{Origin: "c.txt", Dateline: ingest.Dateline{Month: time.October, Day: 9}, Text: "PARIS, Oct 9 (W) - At least 27 people were killed."}
	tests := []struct {
		name          string
		doc           ingest.Doc
		date, deflt   string
		want          string
		wantNoDateErr bool
	}{
		{"the input's own", own, "", "", "2024-03-14", false},
		{"default does not replace it", own, "", "2024-09-01", "2024-03-14", false},
		{"--date does", own, "2024-09-01", "", "2024-09-01", false},
		{"default fills a missing one", none, "", "2024-09-01", "2024-09-01", false},
		{"a dateline takes the default's year", wire, "", "2023-10-10", "2023-10-09", false},
		{"a dateline after the default is last year's", wire, "", "2023-10-01", "2022-10-09", false},
		{"--date over a dateline", wire, "2023-10-20", "", "2023-10-20", false},
		{"nothing: an error", none, "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &adder{opts: addOptions{DB: filepath.Join(t.TempDir(), "none.db")}}
			if tt.date != "" {
				a.opts.Date = d(tt.date)
			}
			if tt.deflt != "" {
				a.opts.DefaultDate = d(tt.deflt)
			}
			nr, err := a.report(tt.doc)
			if (err != nil) != tt.wantNoDateErr {
				t.Fatalf("report: err = %v, want an error: %v", err, tt.wantNoDateErr)
			}
			if err == nil && nr.Published.String() != tt.want {
				t.Errorf("published = %s, want %s", nr.Published, tt.want)
			}
		})
	}
}
