package reconcile

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

// MustFixture returns the hand claims of four scenarios together: Israel's
// toll, the hostages, al-Ahli and the women killed in Gaza.
func MustFixture(tb testing.TB) ([]tracker.StoredClaim, map[string][]scenarioReport) {
	tb.Helper()
	var claims []tracker.StoredClaim
	reports := map[string][]scenarioReport{}
	for _, tc := range scenarioCases() {
		switch tc.name {
		case "israel-toll", "hostages", "women-gaza":
		case "al-ahli":
			if tc.window != 0 {
				continue
			}
		default:
			continue
		}
		rs := MustScenario(tb, tc.name)
		reports[tc.name] = rs
		claims = append(claims, MustHandClaims(tb, rs, tc.claims)...)
	}
	return claims, reports
}

// checkGolden compares got with ../testdata/reconcile/<name>, or rewrites
// the file with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "reconcile", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it; review the diff):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func render(t *testing.T, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGoldenTimeline(t *testing.T) {
	claims, _ := MustFixture(t)
	for _, view := range []View{ViewSources, ViewRange, ViewConservative} {
		tl := MustTimelines(t, claims, Options{View: view})
		formats := []Format{FormatTable}
		if view == ViewSources {
			formats = []Format{FormatTable, FormatJSON, FormatCSV}
		}
		for _, f := range formats {
			got := render(t, func(b *bytes.Buffer) error { return tl.Write(b, f) })
			checkGolden(t, "timeline."+string(view)+"."+string(f)+".golden", got)
			if f == FormatJSON && !json.Valid(got) {
				t.Error("timeline JSON is not valid")
			}
		}
	}
}

func TestGoldenCheck(t *testing.T) {
	claims, _ := MustFixture(t)
	fs := MustCheck(t, claims, Options{})
	// acknowledge the hostage decrease, as a user would
	acks := map[string]tracker.Ack{}
	for _, f := range fs {
		if f.Series.Category == tracker.Hostage {
			acks[f.ID] = tracker.Ack{Finding: f.ID, Note: "126 is the confirmed count that replaced the first estimate of about 150",
				At: time.Date(2023, 10, 16, 9, 0, 0, 0, time.UTC)}
		}
	}
	if len(acks) != 1 {
		t.Fatalf("fixture has %d hostage findings, want 1", len(acks))
	}
	fs = fs.Acknowledge(acks)
	for _, f := range []Format{FormatTable, FormatJSON, FormatCSV} {
		got := render(t, func(b *bytes.Buffer) error { return fs.Write(b, f) })
		checkGolden(t, "check."+string(f)+".golden", got)
		if f == FormatJSON && !json.Valid(got) {
			t.Error("findings JSON is not valid")
		}
	}
	none := render(t, func(b *bytes.Buffer) error { return Findings(nil).Write(b, FormatJSON) })
	if string(none) != "[]\n" {
		t.Errorf("no findings as JSON = %q, want []", none)
	}
}

func TestGoldenDiff(t *testing.T) {
	claims, _ := MustFixture(t)
	d, err := Diff(claims, "Gaza health ministry", "Government Media Office", Options{Window: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{FormatTable, FormatJSON, FormatCSV} {
		got := render(t, func(b *bytes.Buffer) error { return d.Write(b, f) })
		checkGolden(t, "diff."+string(f)+".golden", got)
	}
}

func TestGoldenReportDiff(t *testing.T) {
	_, reports := MustFixture(t)
	cases := scenarioCases()
	var women []hand
	for _, c := range cases {
		if c.name == "women-gaza" {
			women = c.claims
		}
	}
	claims := MustHandClaims(t, reports["women-gaza"], women)
	var a, b []tracker.StoredClaim
	for _, c := range claims {
		switch c.ReportID {
		case reports["women-gaza"][1].id:
			a = append(a, c)
		case reports["women-gaza"][2].id:
			b = append(b, c)
		}
	}
	d, err := DiffReports(a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{FormatTable, FormatJSON, FormatCSV} {
		got := render(t, func(buf *bytes.Buffer) error { return d.Write(buf, f) })
		checkGolden(t, "reportdiff."+string(f)+".golden", got)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	tests := []struct {
		name string
		err  error
	}{
		{"findings as png", Findings{}.Write(&b, FormatPNG)},
		{"diff as svg", (&SourceDiff{}).Write(&b, FormatSVG)},
		{"report diff as html", (&ReportDiff{}).Write(&b, FormatHTML)},
		{"timeline as yaml", (&Timeline{}).Write(&b, "yaml")},
	}
	for _, tt := range tests {
		if tt.err == nil || !errors.Is(tt.err, ErrUnknownFormat) {
			t.Errorf("%s: err = %v, want ErrUnknownFormat", tt.name, tt.err)
		}
	}
	if _, err := ParseFormat("xml"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("ParseFormat(xml) = %v", err)
	}
	if f, err := ParseFormat(""); err != nil || f != FormatTable {
		t.Errorf("ParseFormat(\"\") = %q, %v; want table", f, err)
	}
}
