package reconcile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
)

func TestChartPNG(t *testing.T) {
	claims, _ := MustFixture(t)
	tl := MustTimelines(t, claims, Options{Category: tracker.Killed})
	var b bytes.Buffer
	if err := tl.Write(&b, FormatPNG); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if got, want := img.Bounds().Dx(), int(9*pngDPI); got != want {
		t.Errorf("width %d px, want %d", got, want)
	}
	// one panel per series, each at least the plot's height
	if got, min := img.Bounds().Dy(), len(tl.Series)*int(3.6*pngDPI); got < min {
		t.Errorf("height %d px for %d series, want at least %d", got, len(tl.Series), min)
	}
}

func TestChartSVG(t *testing.T) {
	claims, _ := MustFixture(t)
	tl := MustTimelines(t, claims, Options{Where: "Israel"})
	var b bytes.Buffer
	if err := tl.Write(&b, FormatSVG); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			inText = tk.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tk))
			}
		case xml.EndElement:
			inText = false
		}
	}
	for _, want := range []string{
		"people killed in Israel (cumulative)",           // title
		"Oct 14",                                         // a dated tick
		"1,000",                                          // a count tick with a separator
		"Israeli officials", "Israel's foreign ministry", // legend
		"revised", // the revised figure is marked
	} {
		if !slices.Contains(texts, want) {
			t.Errorf("no text %q in the SVG; texts: %q", want, texts)
		}
	}
	if !strings.Contains(svg, "Arial") {
		t.Error("the SVG font has no fallback")
	}
}

func TestChartHTML(t *testing.T) {
	claims, _ := MustFixture(t)
	evil := k("x", "r9", d1, tracker.Exact, 3).by(`<script>alert("x")</script>`).stored()
	tl := MustTimelines(t, append(claims, evil), Options{Category: tracker.Killed})
	var b bytes.Buffer
	if err := tl.Write(&b, FormatHTML); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if got, want := strings.Count(page, "<svg"), len(tl.Series); got != want {
		t.Errorf("%d inline charts, want one per series (%d)", got, want)
	}
	for _, bad := range []string{"<script", "src=", "url(", "@import", "<link", "<?xml"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q: not self-contained or not escaped", bad)
		}
	}
	for _, want := range []string{"<table>", "at least 471", "about 1,200 (revised)", "&lt;script&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}
}

func TestChartTooManySeries(t *testing.T) {
	var claims []tracker.StoredClaim
	for i := range MaxChartSeries + 1 {
		claims = append(claims, k(fmt.Sprint(i), "r1", d1, tracker.Exact, 5).in(fmt.Sprintf("town %d", i)).stored())
	}
	tl := MustTimelines(t, claims, Options{})
	for _, f := range []Format{FormatSVG, FormatPNG, FormatHTML} {
		err := tl.Write(io.Discard, f)
		if !errors.Is(err, ErrTooManySeries) || !strings.Contains(err.Error(), "25 series") {
			t.Errorf("%s: err = %v, want ErrTooManySeries naming 25 series", f, err)
		}
	}
	if err := tl.Write(io.Discard, FormatTable); err != nil {
		t.Errorf("a table has no series limit: %v", err)
	}
}

func TestChartEmpty(t *testing.T) {
	tl := MustTimelines(t, nil, Options{})
	for _, f := range []Format{FormatSVG, FormatPNG, FormatHTML} {
		if err := tl.Write(io.Discard, f); err != nil {
			t.Errorf("%s of an empty timeline: %v", f, err)
		}
	}
}

func TestDateTicks(t *testing.T) {
	day := func(s string) float64 { return float64(tracker.MustDate(s).Time().Unix()) }
	tests := []struct {
		name     string
		min, max float64
		want     []string
	}{
		{"three days", day("2023-10-08") - 43200, day("2023-10-10") + 43200, []string{"Oct 8", "Oct 9", "Oct 10"}},
		{"a month", day("2023-10-08"), day("2023-11-10"), []string{"Oct 8", "Oct 15", "Oct 22", "Oct 29", "Nov 5"}},
		{"across a year", day("2023-12-20"), day("2024-01-05"), []string{"Dec 20 2023", "Dec 22 2023", "Dec 24 2023", "Dec 26 2023", "Dec 28 2023", "Dec 30 2023", "Jan 1 2024", "Jan 3 2024", "Jan 5 2024"}},
		{"two years", day("2023-10-07"), day("2025-04-03"), []string{"Nov 2023", "Feb 2024", "May 2024", "Aug 2024", "Nov 2024", "Feb 2025"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range (dateTicks{}).Ticks(tt.min, tt.max) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
			if tk.Value < tt.min || tk.Value > tt.max {
				t.Errorf("%s: tick %s outside the axis", tt.name, time.Unix(int64(tk.Value), 0).UTC())
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: labels %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCountTicks(t *testing.T) {
	var got []string
	for _, tk := range (countTicks{}).Ticks(0, 16000) {
		if tk.Label != "" {
			got = append(got, tk.Label)
		}
	}
	if !slices.Contains(got, "8,000") && !slices.Contains(got, "10,000") {
		t.Errorf("labels %q have no thousands separator", got)
	}
	for _, tk := range (countTicks{}).Ticks(0, 2) {
		if tk.Label != "" && strings.Contains(tk.Label, ".") {
			t.Errorf("fractional count label %q", tk.Label)
		}
	}
}
