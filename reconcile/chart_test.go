package reconcile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tollproject/toll/tracker"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
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
	l := layoutFor(len(tl.Series))
	if got, want := img.Bounds().Dx(), int(math.Round(float64(l.width/vg.Inch)*pngDPI)); got != want {
		t.Errorf("width %d px, want %d", got, want)
	}
	// a grid: one row of panels per cols series, each at least its plot's height
	rows := (len(tl.Series) + l.cols - 1) / l.cols
	if got, min := img.Bounds().Dy(), rows*int(float64(l.plotH/vg.Inch)*pngDPI); got < min {
		t.Errorf("height %d px for %d series in %d rows, want at least %d", got, len(tl.Series), rows, min)
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
	texts := svgTexts(t, svg)
	for _, want := range []string{
		"People killed in Israel (cumulative)",           // title, in sentence case
		"Oct 7, 2023",                                    // the first date carries the year
		"Oct 14",                                         // a dated tick
		"1,000",                                          // a count tick with a separator
		"Israeli officials", "Israel's foreign ministry", // legend
		"revised", // the revised figure is marked
		"The report says the figure was revised.", // and the key says what that means
		"Sources: Israel's foreign ministry, Israeli officials, as quoted in news reports; figures read by toll. Data as of Nov 10, 2023 (the latest report).",
	} {
		if !slices.Contains(texts, want) {
			t.Errorf("no text %q in the SVG; texts: %q", want, texts)
		}
	}
	if !strings.Contains(svg, "Arial") {
		t.Error("the SVG font has no fallback")
	}
}

// svgTexts returns the texts of an SVG document, in order.
func svgTexts(t *testing.T, svg string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts
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
}

// TestGoldenChartText keeps the words of each view's chart (headings,
// titles, dates, counts, sources, key, credit) as golden files: the
// drawing itself is looked at, its words are reviewed in the diff.
func TestGoldenChartText(t *testing.T) {
	claims, _ := MustFixture(t)
	for _, view := range []View{ViewSources, ViewRange, ViewConservative} {
		tl := MustTimelines(t, claims, Options{View: view})
		var b bytes.Buffer
		if err := tl.Write(&b, FormatSVG); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "timeline."+string(view)+".svg-text.golden", []byte(strings.Join(svgTexts(t, b.String()), "\n")+"\n"))
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

		labels int
		want   []string
	}{
		{"three days", day("2023-10-08") - 43200, day("2023-10-10") + 43200, 0, []string{"Oct 8, 2023", "Oct 9", "Oct 10"}},
		{"a month", day("2023-10-08"), day("2023-11-10"), 0, []string{"Oct 8, 2023", "Oct 15", "Oct 22", "Oct 29", "Nov 5"}},
		{"a month, few labels", day("2023-10-08"), day("2023-11-10"), 3, []string{"Oct 8, 2023", "Oct 22", "Nov 5"}},
		{"across a year", day("2023-12-20"), day("2024-01-05"), 0, []string{"Dec 20, 2023", "Dec 23", "Dec 26", "Dec 29", "Jan 1, 2024", "Jan 4"}},
		{"two years", day("2023-10-07"), day("2025-04-03"), 0, []string{"Nov 2023", "Feb 2024", "May", "Aug", "Nov", "Feb 2025"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range (dateTicks{labels: tt.labels}).Ticks(tt.min, tt.max) {
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

// mark is one fill or stroke a chart drew, in one colour.
type mark struct {
	stroke bool
	width  vg.Length // of a stroke
	alpha  uint8
	pts    []vg.Point // the path's points; an arc as the corners of its box
}

func (m mark) xRange() (lo, hi vg.Length) {
	lo, hi = vg.Length(math.Inf(1)), vg.Length(math.Inf(-1))
	for _, p := range m.pts {
		lo, hi = min(lo, p.X), max(hi, p.X)
	}
	return lo, hi
}

// rgb is a colour without its alpha: a track's line and band share it.
type rgb [3]uint8

func rgbOf(c color.Color) (rgb, uint8) {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return rgb{n.R, n.G, n.B}, n.A
}

// recordPlot draws a panel's plot (not its title or list of sources) and
// returns what it drew, by colour.
func recordPlot(t *testing.T, pn *panel, l chartLayout) map[rgb][]mark {
	t.Helper()
	var rec recorder.Canvas
	pn.plot.Draw(draw.NewCanvas(&rec, l.panelWidth(), l.plotH))
	out := map[rgb][]mark{}
	var cur rgb
	var alpha uint8
	var width vg.Length
	for _, a := range rec.Actions {
		var m mark
		var path vg.Path
		switch a := a.(type) {
		case *recorder.SetColor:
			cur, alpha = rgbOf(a.Color)
			continue
		case *recorder.SetLineWidth:
			width = a.Width
			continue
		case *recorder.Stroke:
			m, path = mark{stroke: true, width: width, alpha: alpha}, a.Path
		case *recorder.Fill:
			m, path = mark{alpha: alpha}, a.Path
		default:
			continue
		}
		for _, c := range path {
			switch c.Type {
			case vg.ArcComp:
				m.pts = append(m.pts, vg.Point{X: c.Pos.X - c.Radius, Y: c.Pos.Y - c.Radius}, vg.Point{X: c.Pos.X + c.Radius, Y: c.Pos.Y + c.Radius})
			case vg.MoveComp, vg.LineComp:
				m.pts = append(m.pts, c.Pos)
			}
		}
		out[cur] = append(out[cur], m)
	}
	return out
}

func mustPanel(t *testing.T, claims []syn, view View) (*panel, chartLayout, map[string]int) {
	t.Helper()
	tl := MustTimelines(t, stored(claims...), Options{View: view})
	if len(tl.Series) != 1 {
		t.Fatalf("%d series, want 1", len(tl.Series))
	}
	l := layoutFor(1)
	colours := chartColours(tl.Series, view)
	var seen kindSet
	return newPanel(tl.Series[0], view, colours, l, &seen), l, colours
}

// TestChartTrackEnds: a source's line ends at its last figure, and a
// source's single figure is a point, though the axis runs on to later
// figures of other sources.
func TestChartTrackEnds(t *testing.T) {
	ex := tracker.Exact
	pn, l, colours := mustPanel(t, []syn{
		k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 120),
		k("c", "r1", d1, ex, 90).by("UN OCHA"),
		k("d", "r3", "2023-10-30", ex, 150).by("Media Office"),
	}, ViewSources)
	marks := recordPlot(t, pn, l)
	extent := func(source string) (lo, hi vg.Length) {
		c, _ := rgbOf(paletteColor(colours[source]))
		lo, hi = vg.Length(math.Inf(1)), vg.Length(math.Inf(-1))
		for _, m := range marks[c] {
			a, b := m.xRange()
			lo, hi = min(lo, a), max(hi, b)
		}
		if math.IsInf(float64(lo), 1) {
			t.Fatalf("nothing drawn for %s", source)
		}
		return lo, hi
	}
	if lo, hi := extent("UN OCHA"); hi-lo > vg.Points(8) {
		t.Errorf("a single figure is drawn %.1f points wide: a line, not a point", hi-lo)
	}
	_, ministryEnd := extent("Gaza health ministry")
	officeStart, _ := extent("Media Office")
	if officeStart-ministryEnd < vg.Points(50) {
		t.Errorf("the ministry's line runs to %.1f, the office's figure 9 days later is at %.1f: the line goes past its last figure",
			ministryEnd, officeStart)
	}
}

// TestChartRangeNoPlunge: in the range view a day whose band still holds
// the day before's figure (a low figure from a new source) is no plunge:
// its drop is thin, and the day's band has a width of its own. A real
// fall keeps its thick drop.
func TestChartRangeNoPlunge(t *testing.T) {
	al, rg := tracker.AtLeast, tracker.Range
	longestThickDrop := func(marks []mark) (longest vg.Length) {
		for _, m := range marks {
			if !m.stroke || m.width < vg.Points(1.5) {
				continue
			}
			for i := 1; i < len(m.pts); i++ {
				if a, b := m.pts[i-1], m.pts[i]; a.X == b.X {
					longest = max(longest, vg.Length(math.Abs(float64(a.Y-b.Y))))
				}
			}
		}
		return longest
	}
	track, _ := rgbOf(paletteColor(0))
	held, l, _ := mustPanel(t, []syn{
		k("a", "r1", d1, al, 471), k("b", "r2", d2, al, 471), k("c", "r2", d2, rg, 10, 50).by("an intelligence agency"),
	}, ViewRange)
	fell, _, _ := mustPanel(t, []syn{
		k("a", "r1", d1, al, 471), k("c", "r2", d2, rg, 10, 50).by("an intelligence agency"),
	}, ViewRange)
	heldMarks, fellMarks := recordPlot(t, held, l)[track], recordPlot(t, fell, l)[track]
	h, f := longestThickDrop(heldMarks), longestThickDrop(fellMarks)
	if f < vg.Points(50) {
		t.Fatalf("a real fall from 471 to 10–50 is drawn with a thick drop of %.1f points, want a long one", f)
	}
	if h > f/4 {
		t.Errorf("a day whose band (10+) holds the day before's 471 is drawn with a thick drop of %.1f points (a real fall: %.1f)", h, f)
	}
	// the last day's band is wider than the lines that end at its date
	var lineEnd, fillEnd vg.Length
	for _, m := range heldMarks {
		_, hi := m.xRange()
		if m.stroke && m.width >= vg.Points(1.5) {
			lineEnd = max(lineEnd, hi)
		} else if !m.stroke && m.alpha < 255 {
			fillEnd = max(fillEnd, hi)
		}
	}
	if fillEnd <= lineEnd {
		t.Errorf("the last day's band ends at %.1f, no wider than the lines ending at %.1f: a band of no width", fillEnd, lineEnd)
	}
}

// TestPointKinds: ranges a source gave and toll's own band for a hedged
// number are told apart, in the sources and the range views.
func TestPointKinds(t *testing.T) {
	ex, ap, nr, rg, al := tracker.Exact, tracker.Approx, tracker.Nearly, tracker.Range, tracker.AtLeast
	tests := []struct {
		name      string
		view      View
		claims    []syn
		kind      pointKind
		low, high float64
		nominal   float64
	}{
		{"exact", ViewSources, []syn{k("a", "r1", d1, ex, 100)}, kindExact, 100, 100, 100},
		{"about", ViewSources, []syn{k("a", "r1", d1, ap, 500)}, kindEstimate, 450, 550, 500},
		{"nearly", ViewSources, []syn{k("a", "r1", d1, nr, 500)}, kindEstimate, 450, 499, 500},
		{"a stated range", ViewSources, []syn{k("a", "r1", d1, rg, 100, 300)}, kindStated, 100, 300, 200},
		{"at least", ViewSources, []syn{k("a", "r1", d1, al, 471)}, kindOpen, 471, 0, 0},
		{"range view: about alone", ViewRange, []syn{k("a", "r1", d1, ap, 500)}, kindEstimate, 450, 550, 500},
		{"range view: both bounds from about", ViewRange, []syn{k("a", "r1", d1, ap, 500), k("b", "r2", d1, ex, 480).by("UN OCHA")}, kindEstimate, 450, 550, 500},
		{"range view: a stated range spans about", ViewRange, []syn{k("a", "r1", d1, ap, 500), k("b", "r2", d1, rg, 400, 600).by("UN OCHA")}, kindStated, 400, 600, 500},
		{"range view: two sources' figures", ViewRange, []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d1, ex, 120).by("UN OCHA")}, kindStated, 100, 120, 110},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := MustTimelines(t, stored(tt.claims...), Options{View: tt.view})
			ts := tracks(tl.Series[0], tt.view, chartColours(tl.Series, tt.view))
			if len(ts) != 1 || len(ts[0].points) != 1 {
				t.Fatalf("tracks %+v, want one track with one point", ts)
			}
			p := ts[0].points[0]
			if p.kind != tt.kind || p.low != tt.low || p.high != tt.high || p.nominal != tt.nominal {
				t.Errorf("point %+v, want kind %d, %v–%v at %v", p, tt.kind, tt.low, tt.high, tt.nominal)
			}
		})
	}
}

// TestChartKey: the key explains the markers and bands the chart shows,
// and only those.
func TestChartKey(t *testing.T) {
	all := kindSet{kinds: [4]bool{true, true, true, true}, revised: true}
	tests := []struct {
		name       string
		view       View
		seen       kindSet
		want, none []string
	}{
		{"exact figures only", ViewSources, kindSet{kinds: [4]bool{kindExact: true}},
			[]string{"ends at its last"}, []string{"10% either side", "range the source gave", "no upper bound", "revised"}},
		{"every kind", ViewSources, all,
			[]string{"ends at its last", "A range the source gave", "toll draws its own band, 10% either side of N", "no upper bound", "revised"}, nil},
		{"range view", ViewRange, all,
			[]string{"lowest to the highest figure any source gave that day", "A band across sources, or a range a source gave"}, nil},
		{"conservative view", ViewConservative, kindSet{kinds: [4]bool{kindExact: true}},
			[]string{"The lowest figure any source gave that day"}, nil},
	}
	for _, tt := range tests {
		var text []string
		for _, it := range chartKey(tt.view, tt.seen) {
			text = append(text, it.text)
		}
		got := strings.Join(text, "\n")
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: the key has no %q:\n%s", tt.name, w, got)
			}
		}
		for _, w := range tt.none {
			if strings.Contains(got, w) {
				t.Errorf("%s: the key explains %q, which the chart does not show:\n%s", tt.name, w, got)
			}
		}
	}
}

func TestSentence(t *testing.T) {
	for in, want := range map[string]string{
		"people killed in Gaza (cumulative)": "People killed in Gaza (cumulative)",
		"National death toll":                "National death toll",
		"émigrés held":                       "Émigrés held",
		"":                                   "",
		"12 named victims":                   "12 named victims",
	} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestChartGrid: many series make a grid of small multiples, not a strip
// one panel wide.
func TestChartGrid(t *testing.T) {
	var claims []tracker.StoredClaim
	const n = 16
	for i := range n {
		claims = append(claims, k(fmt.Sprint(i), "r1", d1, tracker.Exact, 5).in(fmt.Sprintf("town %d", i)).stored())
	}
	tl := MustTimelines(t, claims, Options{})
	ss, err := tl.chartSeries()
	if err != nil {
		t.Fatal(err)
	}
	// the size the PNG and the SVG get (TestChartPNG checks the PNG's)
	ch := newChart(ss, tl.View, tl.AsOf, layoutFor(len(ss)), true)
	if w, h := ch.layout.width, ch.height; h > 2*w {
		t.Errorf("%d series make a %.0f×%.0f-point chart: a strip, not a grid", n, w, h)
	}
	l := layoutFor(n)
	if l.cols < 3 {
		t.Errorf("%d series in %d columns", n, l.cols)
	}
	if used := vg.Length(l.cols)*l.panelWidth() + vg.Length(l.cols+1)*margin; used > l.width+0.01 {
		t.Errorf("the panels take %.1f points of a %.1f-point chart", used, l.width)
	}
}

// TestChartCredit: the credit line names the sources and the date the
// data stands at, which the caller may set; the chart never reads the
// clock.
func TestChartCredit(t *testing.T) {
	claims, _ := MustFixture(t)
	tl := MustTimelines(t, claims, Options{Where: "Israel"})
	tl.AsOf = tracker.MustDate("2024-01-31")
	var b bytes.Buffer
	if err := tl.Write(&b, FormatSVG); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sources: Israel&#39;s foreign ministry, Israeli officials", "Data as of Jan 31, 2024 (the latest report)."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the SVG has no %q", want)
		}
	}
	b.Reset()
	if err := tl.Write(&b, FormatHTML); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Data as of Jan 31, 2024") {
		t.Error("the HTML page has no data-as-of date")
	}
	if strings.Contains(b.String(), "<h2>people") {
		t.Error("the HTML page's headings are not in sentence case")
	}
}

// TestChartColours: a source keeps its colour from panel to panel, and
// the sources of one panel have colours of their own.
func TestChartColours(t *testing.T) {
	ex := tracker.Exact
	tl := MustTimelines(t, stored(
		k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 120), k("c", "r1", d1, ex, 90).by("UN OCHA"),
		k("d", "r1", d1, ex, 9).in("Rafah").by("UN OCHA"), k("e", "r1", d1, ex, 8).in("Rafah").by("Media Office"),
	), Options{})
	c := chartColours(tl.Series, ViewSources)
	if c["Gaza health ministry"] == c["UN OCHA"] || c["UN OCHA"] == c["Media Office"] {
		t.Errorf("sources of one panel share a colour: %v", c)
	}
	for _, s := range tl.Series {
		for _, tr := range tracks(s, ViewSources, c) {
			if tr.color != paletteColor(c[tr.name]) {
				t.Errorf("%s has colour %v in one panel, not its own", tr.name, tr.color)
			}
		}
	}
}
