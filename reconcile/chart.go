package reconcile

import (
	"bytes"
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	xfont "golang.org/x/image/font"

	"github.com/tollproject/toll/tracker"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// MaxChartSeries caps the series one chart file draws. Past two dozen
// small multiples are too small to read, and the way out is a filter
// (category, who, where), which the error says.
const MaxChartSeries = 24

// Chart geometry and style.
const (
	legendRow = 14 // points per legend line
	margin    = 14 // points around the chart and between panels
	pngDPI    = 110
	fontSize  = 10
	day       = 86400 // seconds
)

// chartLayout is the geometry of one chart file: panels one under another
// for a few series, a grid of small multiples for more, so that sixteen
// series make a page and not a strip metres long.
type chartLayout struct {
	cols   int
	width  vg.Length // of the whole chart
	plotH  vg.Length // of each panel's plot, axes included
	labels int       // dates labelled on an axis, at most
}

// layoutFor returns the layout of a chart of n series.
func layoutFor(n int) chartLayout {
	switch {
	case n <= 2:
		return chartLayout{cols: 1, width: 9 * vg.Inch, plotH: 3.4 * vg.Inch, labels: 8}
	case n <= 4:
		return chartLayout{cols: 2, width: 12 * vg.Inch, plotH: 2.8 * vg.Inch, labels: 6}
	}
	return chartLayout{cols: 3, width: 14 * vg.Inch, plotH: 2.5 * vg.Inch, labels: 5}
}

// panelWidth is the width of one panel.
func (l chartLayout) panelWidth() vg.Length {
	return (l.width - 2*margin - vg.Length(l.cols-1)*margin) / vg.Length(l.cols)
}

// chartFont is Liberation Sans, which is metric-compatible with Arial, so
// an SVG viewed without the font keeps its layout when the fallback list
// (see svgFonts) finds Arial or Helvetica.
func chartFont(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

func textStyle(size vg.Length, c color.Color) draw.TextStyle {
	return draw.TextStyle{Color: c, Font: chartFont(size), Handler: plot.DefaultTextHandler}
}

// svgFonts rewrites the SVG font family to a list with fallbacks: the
// SVG does not embed the font (which would add half a megabyte).
func svgFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
}

// sentence writes s in sentence case: its first letter upper case, the
// rest as it is (names keep their own case).
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// wrap breaks s into lines no wider than width in sty, at spaces; a word
// wider than width gets a line of its own.
func wrap(sty draw.TextStyle, s string, width vg.Length) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line == "" {
			line = w
			continue
		}
		if sty.Width(line+" "+w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// paletteColor is the Okabe–Ito palette, readable by people with the
// common colour-vision deficiencies, without its yellow, which is too
// faint on white, then the darker colours of Paul Tol's muted scheme;
// past thirteen sources in one panel colours repeat.
func paletteColor(i int) color.RGBA {
	palette := [...]color.RGBA{
		{0, 114, 178, 255},   // blue
		{213, 94, 0, 255},    // vermillion
		{0, 158, 115, 255},   // bluish green
		{204, 121, 167, 255}, // reddish purple
		{230, 159, 0, 255},   // orange
		{86, 180, 233, 255},  // sky blue
		{0, 0, 0, 255},       // black
		{136, 34, 85, 255},   // wine
		{51, 34, 136, 255},   // indigo
		{17, 119, 51, 255},   // green
		{153, 153, 51, 255},  // olive
		{170, 68, 153, 255},  // purple
		{68, 170, 153, 255},  // teal
	}
	return palette[((i%len(palette))+len(palette))%len(palette)]
}

func withAlpha(c color.RGBA, a uint8) color.NRGBA {
	return color.NRGBA{c.R, c.G, c.B, a}
}

var keyGray = color.RGBA{90, 90, 90, 255}

// pointKind is what a figure's interval is, which decides how it is drawn.
type pointKind uint8

const (
	// kindExact is one number: a dot.
	kindExact pointKind = iota
	// kindStated is a range the source gave ("between 100 and 300", "up
	// to 50"), or in the range view the spread across sources: a solid
	// band and a solid bar from a dot to a square.
	kindStated
	// kindEstimate is toll's own band for a hedged number ("about N" is
	// ±10% of N, "nearly N" up to 10% under it): a lighter band with
	// dotted edges, a dotted bar and a diamond at N.
	kindEstimate
	// kindOpen has no upper bound ("at least", "more than", a vague
	// word): a triangle, a dashed bar and a faint band up to the top.
	kindOpen
)

// kindSet says which kinds of figure (and whether a revision) a chart
// shows, for its key.
type kindSet struct {
	kinds   [4]bool
	revised bool
}

// track is one line of a chart: a source (sources view), the band across
// sources (range view) or the lowest figure (conservative view).
type track struct {
	name   string
	color  color.RGBA
	points []trackPoint
}

// trackPoint is a track's interval on one date (the hull when the track
// has several figures that day).
type trackPoint struct {
	x         float64 // Unix seconds of the date
	low, high float64 // high is 0 for kindOpen
	nominal   float64 // the number a kindEstimate hedges, where its diamond goes
	kind      pointKind
	revised   bool
}

func toFloat(d decimal.Decimal) float64 { return d.InexactFloat64() }

// pointOf folds the entries of one track and date into a point.
func pointOf(x float64, es []Entry) trackPoint {
	ivs := make([]tracker.Interval, len(es))
	pt := trackPoint{x: x}
	for i, e := range es {
		ivs[i] = e.Interval
		pt.revised = pt.revised || e.Revised
	}
	h := hull(ivs...)
	pt.low = toFloat(h.Low)
	switch {
	case h.Unbounded:
		pt.kind = kindOpen
		return pt
	case restsOnEstimate(h, es):
		pt.kind = kindEstimate
	case h.Low.Equal(h.High):
		pt.kind = kindExact
	default:
		pt.kind = kindStated
	}
	pt.high = toFloat(h.High)
	pt.nominal = (pt.low + pt.high) / 2
	if len(es) == 1 && es[0].first != nil && es[0].first.Qualifier == tracker.Nearly {
		pt.nominal = pt.high + 1 // nearly N is [0.9N, N-1]
	}
	return pt
}

// trackNames are the names of the one track of the range and
// conservative views.
const (
	rangeTrack        = "Lowest to highest figure across sources"
	conservativeTrack = "Lowest figure (conservative)"
)

// tracks splits a series' dated entries into the lines of its chart;
// colours gives each source its colour index, the same in every panel.
func tracks(s Series, view View, colours map[string]int) []track {
	name := func(e Entry) string { return e.Source }
	switch view {
	case ViewRange:
		name = func(Entry) string { return rangeTrack }
	case ViewConservative:
		name = func(Entry) string { return conservativeTrack }
	}
	var names []string
	byName := map[string][]Entry{}
	for _, e := range s.Entries {
		if e.Date.IsZero() {
			continue
		}
		n := name(e)
		if _, ok := byName[n]; !ok {
			names = append(names, n)
		}
		byName[n] = append(byName[n], e)
	}
	slices.Sort(names)
	out := make([]track, 0, len(names))
	for _, n := range names {
		t := track{name: n, color: paletteColor(colours[n])}
		es := byName[n]
		for a := 0; a < len(es); {
			b := a
			for b < len(es) && es[b].Date == es[a].Date {
				b++
			}
			t.points = append(t.points, pointOf(float64(es[a].Date.Time().Unix()), es[a:b]))
			a = b
		}
		out = append(out, t)
	}
	return out
}

// chartColours gives each source of the series a colour index that
// stays the same from panel to panel: the sources with the most figures
// first, each the first colour no source it shares a panel with has
// taken (greedy colouring), so that colours repeat only between panels.
func chartColours(ss []Series, view View) map[string]int {
	out := map[string]int{}
	if view != ViewSources {
		return out
	}
	count := map[string]int{}
	panels := make([][]string, len(ss))
	for i, s := range ss {
		for _, e := range s.Entries {
			if e.Date.IsZero() {
				continue
			}
			count[e.Source]++
			if !slices.Contains(panels[i], e.Source) {
				panels[i] = append(panels[i], e.Source)
			}
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	for _, n := range names {
		taken := map[int]bool{}
		for _, p := range panels {
			if !slices.Contains(p, n) {
				continue
			}
			for _, m := range p {
				if c, ok := out[m]; ok {
					taken[c] = true
				}
			}
		}
		c := 0
		for taken[c] {
			c++
		}
		out[n] = c
	}
	return out
}

// bandPlotter draws a track: a band between step lines at the lower and
// upper bounds (a figure holds until the track's next one; after its last
// the track ends: a single figure is a point), a bar and a marker at each
// figure.
//
// In the range view (columns) a day's band is the data: each day is
// drawn as a column of its own, and where the lower bound drops to a day
// whose band still holds the day before's (a low figure from a new
// source beside the old ones), the drop is drawn thin, not as a plunge:
// nothing fell.
type bandPlotter struct {
	t       track
	yTop    float64
	columns bool
}

func (b bandPlotter) top(p trackPoint) float64 {
	if p.kind == kindOpen {
		return b.yTop
	}
	return p.high
}

// holds reports whether q's band holds p's lower bound: q spans p.low.
func (b bandPlotter) holds(q, p trackPoint) bool {
	return q.low <= p.low && p.low <= b.top(q)
}

// boundStyle returns the line style of a bound of kind k: dotted for
// toll's estimate, dashed for no bound, solid otherwise.
func boundStyle(c color.RGBA, k pointKind, w vg.Length) draw.LineStyle {
	sty := draw.LineStyle{Color: c, Width: w}
	switch k {
	case kindEstimate:
		sty.Dashes = []vg.Length{vg.Points(1.5), vg.Points(2)}
	case kindOpen:
		sty.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
	}
	return sty
}

// bandAlpha is how strongly a band of kind k is filled: a range the
// source gave strongest, toll's estimate lighter, an open band faintest.
func bandAlpha(k pointKind) uint8 {
	switch k {
	case kindEstimate:
		return 26
	case kindOpen:
		return 20
	}
	return 60
}

// Plot implements plot.Plotter.
func (b bandPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	pts := b.t.points
	col := b.t.color
	for i, p := range pts {
		x0 := trX(p.x)
		if b.columns {
			half := min(max(vg.Points(3), trX(p.x+0.4*day)-x0), vg.Points(6))
			rect := vg.Rectangle{Min: vg.Point{X: x0 - half, Y: trY(p.low)}, Max: vg.Point{X: x0 + half, Y: trY(b.top(p))}}
			c.SetColor(withAlpha(col, 2*bandAlpha(p.kind)))
			c.Fill(rect.Path())
		}
		if i+1 < len(pts) {
			next := pts[i+1]
			x1 := trX(next.x)
			rect := vg.Rectangle{Min: vg.Point{X: x0, Y: trY(p.low)}, Max: vg.Point{X: x1, Y: trY(b.top(p))}}
			c.SetColor(withAlpha(col, bandAlpha(p.kind)))
			c.Fill(rect.Path())
			edge := boundStyle(col, p.kind, vg.Points(1.6))
			if p.kind == kindOpen {
				edge.Dashes = nil // the lower bound is stated
			}
			lower := []vg.Point{{X: x0, Y: trY(p.low)}, {X: x1, Y: trY(p.low)}}
			if b.columns && next.low < p.low && b.holds(next, p) {
				thin := edge
				thin.Width = vg.Points(0.6)
				c.StrokeLines(thin, c.ClipLinesXY([]vg.Point{{X: x1, Y: trY(p.low)}, {X: x1, Y: trY(next.low)}})...)
			} else {
				lower = append(lower, vg.Point{X: x1, Y: trY(next.low)})
			}
			c.StrokeLines(edge, c.ClipLinesXY(lower)...)
			if p.kind != kindOpen && p.kind != kindExact {
				up := []vg.Point{{X: x0, Y: trY(p.high)}, {X: x1, Y: trY(p.high)}}
				if next.kind != kindOpen {
					up = append(up, vg.Point{X: x1, Y: trY(next.high)})
				}
				c.StrokeLines(edge, c.ClipLinesXY(up)...)
			}
		}
		drawMarker(&c, p, col, x0, trY, b.yTop)
		if p.revised {
			sty := textStyle(fontSize-1, col)
			sty.Font.Style = xfont.StyleItalic
			sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
			c.FillText(sty, vg.Point{X: x0, Y: trY(p.low) - vg.Points(6)}, "revised")
		}
	}
}

// drawMarker draws a figure's bar and marker at x.
func drawMarker(c *draw.Canvas, p trackPoint, col color.RGBA, x vg.Length, trY func(float64) vg.Length, yTop float64) {
	thin := boundStyle(col, p.kind, vg.Points(1))
	switch p.kind {
	case kindOpen:
		c.StrokeLines(thin, c.ClipLinesXY([]vg.Point{{X: x, Y: trY(p.low)}, {X: x, Y: trY(yTop)}})...)
		c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: vg.Points(3.4), Shape: draw.PyramidGlyph{}}, vg.Point{X: x, Y: trY(p.low)})
	case kindStated:
		c.StrokeLines(thin, c.ClipLinesXY([]vg.Point{{X: x, Y: trY(p.low)}, {X: x, Y: trY(p.high)}})...)
		c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: vg.Points(2.6), Shape: draw.BoxGlyph{}}, vg.Point{X: x, Y: trY(p.high)})
		c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: vg.Points(3.2), Shape: draw.CircleGlyph{}}, vg.Point{X: x, Y: trY(p.low)})
	case kindEstimate:
		c.StrokeLines(thin, c.ClipLinesXY([]vg.Point{{X: x, Y: trY(p.low)}, {X: x, Y: trY(p.high)}})...)
		capped := draw.LineStyle{Color: col, Width: vg.Points(1)}
		for _, y := range []float64{p.low, p.high} {
			c.StrokeLines(capped, c.ClipLinesXY([]vg.Point{{X: x - 3, Y: trY(y)}, {X: x + 3, Y: trY(y)}})...)
		}
		c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: vg.Points(3.6), Shape: diamondGlyph{}}, vg.Point{X: x, Y: trY(p.nominal)})
	default:
		c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: vg.Points(3.2), Shape: draw.CircleGlyph{}}, vg.Point{X: x, Y: trY(p.low)})
	}
}

// diamondGlyph is the marker of a hedged number ("about N") at N.
type diamondGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y})
	p.Line(vg.Point{X: pt.X, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X - r, Y: pt.Y})
	p.Close()
	c.SetColor(color.White)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(1.4)})
	c.Stroke(p)
}

// dateTicks labels a time axis (Unix seconds) at whole days: every day,
// every 2, 3, 7 or 14 days, or at month starts, so that at most labels
// dates (8 when zero) are labelled. The first label and the first of
// each new year carry the year ("Oct 9, 2023", "Oct 16"; "Nov 2023",
// "Feb"): a chart read a year later still says when.
type dateTicks struct{ labels int }

// Ticks implements plot.Ticker.
func (dt dateTicks) Ticks(min, max float64) []plot.Tick {
	n := int64(cmp.Or(dt.labels, 8))
	d0, d1 := int64(math.Ceil(min/day)), int64(math.Floor(max/day))
	var ticks []plot.Tick
	year := 0
	label := func(t time.Time, short, long string) string {
		if t.Year() != year {
			year = t.Year()
			return t.Format(long)
		}
		return t.Format(short)
	}
	span := d1 - d0
	for _, step := range []int64{1, 2, 3, 7, 14} {
		if span/step < n {
			for d := d0; d <= d1; d++ {
				t := plot.Tick{Value: float64(d * day)}
				if (d-d0)%step == 0 {
					t.Label = label(time.Unix(d*day, 0).UTC(), "Jan 2", "Jan 2, 2006")
				}
				if span <= 62 || t.Label != "" {
					ticks = append(ticks, t)
				}
			}
			return ticks
		}
	}
	t0, t1 := time.Unix(d0*day, 0).UTC(), time.Unix(d1*day, 0).UTC()
	months := int64(t1.Year()*12+int(t1.Month())) - int64(t0.Year()*12+int(t0.Month()))
	step := int64(1)
	for _, s := range []int64{1, 2, 3, 6, 12, 24, 60} {
		step = s
		if months/s < n {
			break
		}
	}
	start := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC)
	if start.Before(t0) {
		start = start.AddDate(0, 1, 0)
	}
	for m, t := int64(0), start; !t.After(t1); m, t = m+1, start.AddDate(0, int(m+1), 0) {
		tk := plot.Tick{Value: float64(t.Unix())}
		if m%step == 0 {
			tk.Label = label(t, "Jan", "Jan 2006")
		}
		ticks = append(ticks, tk)
	}
	return ticks
}

// countTicks labels a count axis with whole numbers and thousands
// separators ("1,400"); fractional ticks lose their labels.
type countTicks struct{}

// Ticks implements plot.Ticker.
func (countTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ts {
		if ts[i].Label == "" {
			continue
		}
		v := ts[i].Value
		if v != math.Trunc(v) {
			ts[i].Label = ""
			continue
		}
		ts[i].Label = tracker.FormatCount(decimal.NewFromFloat(v))
	}
	return ts
}

// panel is one series' chart: its title, the plot, and the list of its
// tracks drawn below it, so that the list never covers data.
type panel struct {
	title  []string // lines
	plot   *plot.Plot
	tracks []track
	// swatch rows: the x offset and row of each track's entry
	xs   []vg.Length
	rows []int
	nrow int
}

const titleSize = fontSize + 2

// titleStyle is the style of a panel's title.
func titleStyle() draw.TextStyle {
	sty := textStyle(titleSize, color.Black)
	sty.Font.Weight = xfont.WeightBold
	sty.YAlign = draw.YTop
	return sty
}

func (pn *panel) height(l chartLayout) vg.Length {
	return vg.Length(len(pn.title))*titleSize*1.25 + 4 + l.plotH + vg.Length(pn.nrow)*legendRow + 6
}

const swatchW = 22 // points

// newPanel builds the chart of one series, width wide.
func newPanel(s Series, view View, colours map[string]int, l chartLayout, seen *kindSet) *panel {
	width := l.panelWidth()
	p := plot.New()
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font = chartFont(fontSize)
		ax.Tick.Label.Font = chartFont(fontSize - 1)
	}
	pn := &panel{plot: p}
	pn.title = wrap(titleStyle(), sentence(cmp.Or(s.Name, s.Key.title(s.Site))), width) // no id: a chart is for reading
	p.X.Tick.Marker = dateTicks{labels: l.labels}
	p.Y.Tick.Marker = countTicks{}
	p.Y.Label.Text = sentence("people " + categoryWords(s.Key.Category))
	p.Add(gridPlotter{})

	pn.tracks = tracks(s, view, colours)
	minX, maxX := math.Inf(1), math.Inf(-1)
	yMax := 0.0
	for _, t := range pn.tracks {
		for _, pt := range t.points {
			minX, maxX = math.Min(minX, pt.x), math.Max(maxX, pt.x)
			yMax = math.Max(yMax, math.Max(pt.low, pt.high))
			seen.kinds[pt.kind] = true
			seen.revised = seen.revised || pt.revised
		}
	}
	if math.IsInf(minX, 1) {
		minX, maxX = 0, 0
	}
	// room for a "revised" label under the first and last figures
	pad := math.Max(day/2, (maxX-minX)*0.04)
	if maxX == minX {
		pad = day
	}
	p.X.Min, p.X.Max = minX-pad, maxX+pad
	if yMax == 0 {
		yMax = 10
	}
	// room above the highest bound for open bands to show they go on
	yTop := yMax * 1.15
	p.Y.Min, p.Y.Max = 0, yTop
	for _, t := range pn.tracks {
		p.Add(bandPlotter{t: t, yTop: yTop, columns: view == ViewRange})
	}

	// the list of tracks, flowing left to right
	sty := textStyle(fontSize, color.Black)
	var x vg.Length
	row := 0
	for i, t := range pn.tracks {
		w := swatchW + 4 + sty.Width(t.name)
		if i > 0 && x+w > width-50 {
			row, x = row+1, 0
		}
		pn.xs, pn.rows = append(pn.xs, x), append(pn.rows, row)
		x += w + 16
	}
	if len(pn.tracks) > 0 {
		pn.nrow = row + 1
	}
	return pn
}

// draw draws the panel with its top left corner at (x, y).
func (pn *panel) draw(c draw.Canvas, l chartLayout, x, y vg.Length) {
	w := l.panelWidth()
	tsty := titleStyle()
	for _, line := range pn.title {
		c.FillText(tsty, vg.Point{X: x, Y: y}, line)
		y -= titleSize * 1.25
	}
	y -= 4
	// the last date's label is centred on its tick: room for its half
	pc := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{Min: vg.Point{X: x, Y: y - l.plotH}, Max: vg.Point{X: x + w - 18, Y: y}}}
	pn.plot.Draw(pc)
	y -= l.plotH + 4
	sty := textStyle(fontSize, color.Black)
	sty.YAlign = draw.YCenter
	for i, t := range pn.tracks {
		ry := y - vg.Length(pn.rows[i])*legendRow - legendRow/2
		rx := x + 40 + pn.xs[i]
		drawSwatch(&c, vg.Rectangle{Min: vg.Point{X: rx, Y: ry - 5}, Max: vg.Point{X: rx + swatchW, Y: ry + 5}}, t.color)
		c.FillText(sty, vg.Point{X: rx + swatchW + 4, Y: ry}, t.name)
	}
}

// drawSwatch is a track's entry in a panel's list: its colour as a line.
func drawSwatch(c *draw.Canvas, r vg.Rectangle, col color.RGBA) {
	mid := (r.Min.Y + r.Max.Y) / 2
	c.StrokeLine2(draw.LineStyle{Color: col, Width: vg.Points(2.4)}, r.Min.X, mid, r.Max.X, mid)
	c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: mid})
}

// gridPlotter draws light horizontal grid lines at the labelled counts.
type gridPlotter struct{}

// Plot implements plot.Plotter.
func (gridPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	_, trY := plt.Transforms(&c)
	sty := draw.LineStyle{Color: color.Gray{Y: 225}, Width: vg.Points(0.5)}
	for _, t := range plt.Y.Tick.Marker.Ticks(plt.Y.Min, plt.Y.Max) {
		if t.Label == "" {
			continue
		}
		y := trY(t.Value)
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
	}
}

// keyItem is one line of a chart's key: what a marker or a band means.
type keyItem struct {
	kind  pointKind
	label bool // the "revised" label rather than a marker
	text  string
}

// chartKey explains the markers and bands of the kinds a chart shows.
func chartKey(view View, seen kindSet) []keyItem {
	first := "A figure on the date it was given; the line holds it until the same source's next figure and ends at its last."
	switch view {
	case ViewRange:
		first = "Each day's band runs from the lowest to the highest figure any source gave that day; it holds until the next day with figures."
	case ViewConservative:
		first = "The lowest figure any source gave that day; it holds until the next day with figures."
	}
	key := []keyItem{{kind: kindExact, text: first}}
	if seen.kinds[kindStated] {
		text := "A range the source gave (between, up to, fewer than): solid band, dot at the low end, square at the high end."
		if view == ViewRange {
			text = "A band across sources, or a range a source gave: solid band, dot at the low end, square at the high end."
		}
		key = append(key, keyItem{kind: kindStated, text: text})
	}
	if seen.kinds[kindEstimate] {
		key = append(key, keyItem{kind: kindEstimate,
			text: "\u201cAbout N\u201d or \u201cnearly N\u201d: no range was given; toll draws its own band, 10% either side of N (diamond), dotted and lighter."})
	}
	if seen.kinds[kindOpen] {
		key = append(key, keyItem{kind: kindOpen,
			text: "At least, more than, or a vague word (\u201chundreds\u201d): no upper bound; the triangle is the lower bound, the faint band is open to the top."})
	}
	if seen.revised {
		key = append(key, keyItem{label: true, text: "The report says the figure was revised."})
	}
	return key
}

// drawKeyThumb draws item's sample in r.
func drawKeyThumb(c *draw.Canvas, it keyItem, r vg.Rectangle) {
	x, mid := (r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2
	if it.label {
		sty := textStyle(fontSize-1, keyGray)
		sty.Font.Style = xfont.StyleItalic
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		c.FillText(sty, vg.Point{X: x, Y: mid}, "revised")
		return
	}
	p := trackPoint{kind: it.kind}
	// a small plot: y in [0, 1] over the thumbnail's height
	trY := func(v float64) vg.Length { return r.Min.Y + vg.Length(v)*(r.Max.Y-r.Min.Y) }
	switch it.kind {
	case kindExact:
		c.StrokeLine2(draw.LineStyle{Color: keyGray, Width: vg.Points(1.6)}, r.Min.X, mid, r.Max.X, mid)
		p.low = 0.5
	case kindOpen:
		band := vg.Rectangle{Min: vg.Point{X: x, Y: trY(0.15)}, Max: vg.Point{X: r.Max.X, Y: r.Max.Y}}
		c.SetColor(withAlpha(keyGray, 40))
		c.Fill(band.Path())
		p.low = 0.15
	default:
		p.low, p.high, p.nominal = 0.1, 0.9, 0.5
		band := vg.Rectangle{Min: vg.Point{X: x, Y: trY(0.1)}, Max: vg.Point{X: r.Max.X, Y: trY(0.9)}}
		c.SetColor(withAlpha(keyGray, bandAlpha(it.kind)+20))
		c.Fill(band.Path())
		edge := boundStyle(keyGray, it.kind, vg.Points(1.2))
		c.StrokeLine2(edge, x, trY(0.1), r.Max.X, trY(0.1))
		c.StrokeLine2(edge, x, trY(0.9), r.Max.X, trY(0.9))
	}
	drawMarker(c, p, keyGray, x, trY, 1)
}

// chart is a whole chart file: an optional heading, the panels in rows,
// the key and the credit line.
type chart struct {
	layout  chartLayout
	heading string
	panels  []*panel
	key     [][]string // each item's text, wrapped
	items   []keyItem
	credit  []string
	rowH    []vg.Length
	height  vg.Length
}

const (
	headingSize = fontSize + 4
	creditSize  = fontSize - 1
	keyThumbW   = 30
	keyRow      = 18 // points per key line, taller than a legend's for its samples
)

// headings name what a chart of each view shows.
var headings = map[View]string{
	ViewSources:      "Casualty figures as each source gave them",
	ViewRange:        "Casualty figures: the range across sources, day by day",
	ViewConservative: "Casualty figures: the lowest figure each day (conservative)",
}

// creditLine names the sources a chart draws and the date the data
// stands at.
func creditLine(ss []Series, view View, asOf tracker.Date) string {
	var sources []string
	for _, s := range ss {
		for _, e := range s.Entries {
			if e.Date.IsZero() {
				continue
			}
			names := []string{e.Source}
			if view == ViewRange {
				names = e.Sources
			}
			for _, n := range names {
				if !slices.Contains(sources, n) {
					sources = append(sources, n)
				}
			}
		}
	}
	slices.Sort(sources)
	text := "Sources: " + strings.Join(sources, ", ") + ", as quoted in news reports; figures read by toll."
	if !asOf.IsZero() {
		text += " Data as of " + asOf.Time().Format("Jan 2, 2006") + " (the latest report)."
	}
	return text
}

// newChart lays out the chart of series ss.
func newChart(ss []Series, view View, asOf tracker.Date, l chartLayout, heading bool) *chart {
	ch := &chart{layout: l}
	if heading {
		ch.heading = headings[view]
	}
	colours := chartColours(ss, view)
	var seen kindSet
	for _, s := range ss {
		ch.panels = append(ch.panels, newPanel(s, view, colours, l, &seen))
	}
	inner := l.width - 2*margin
	h := vg.Length(margin)
	if ch.heading != "" {
		h += headingSize * 1.6
	}
	for i := 0; i < len(ch.panels); i += l.cols {
		var rh vg.Length
		for _, pn := range ch.panels[i:min(i+l.cols, len(ch.panels))] {
			rh = max(rh, pn.height(l))
		}
		ch.rowH = append(ch.rowH, rh+margin)
		h += rh + margin
	}
	if len(ss) == 0 {
		return ch.finish(h + vg.Inch)
	}
	ch.items = chartKey(view, seen)
	ksty := textStyle(fontSize, color.Black)
	for _, it := range ch.items {
		lines := wrap(ksty, it.text, inner-keyThumbW-10)
		ch.key = append(ch.key, lines)
		h += keyHeight(lines)
	}
	ch.credit = wrap(textStyle(creditSize, color.Black), creditLine(ss, view, asOf), inner)
	h += 8 + vg.Length(len(ch.credit))*creditSize*1.35
	return ch.finish(h + margin)
}

// keyHeight is the height of a key item of these lines.
func keyHeight(lines []string) vg.Length {
	return keyRow + vg.Length(max(len(lines)-1, 0))*legendRow + 2
}

func (ch *chart) finish(h vg.Length) *chart {
	ch.height = vg.Length(math.Ceil(float64(h)))
	return ch
}

// draw draws the chart on c, which is layout.width by height.
func (ch *chart) draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	l := ch.layout
	x0 := c.Min.X + margin
	y := c.Max.Y - margin
	if ch.heading != "" {
		sty := textStyle(headingSize, color.Black)
		sty.Font.Weight = xfont.WeightBold
		sty.YAlign = draw.YTop
		c.FillText(sty, vg.Point{X: x0, Y: y}, ch.heading)
		y -= headingSize * 1.6
	}
	for i, pn := range ch.panels {
		col := i % l.cols
		pn.draw(c, l, x0+vg.Length(col)*(l.panelWidth()+margin), y)
		if col == l.cols-1 || i == len(ch.panels)-1 {
			y -= ch.rowH[i/l.cols]
		}
	}
	if len(ch.panels) == 0 {
		sty := textStyle(titleSize, color.Black)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
		c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2}, "No dated figures to chart.")
		return
	}
	ksty := textStyle(fontSize, color.Black)
	ksty.YAlign = draw.YCenter
	for i, it := range ch.items {
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: y - keyRow + 2}, Max: vg.Point{X: x0 + keyThumbW, Y: y - 2}}
		drawKeyThumb(&c, it, r)
		for j, line := range ch.key[i] {
			c.FillText(ksty, vg.Point{X: x0 + keyThumbW + 10, Y: y - keyRow/2 - vg.Length(j)*legendRow}, line)
		}
		y -= keyHeight(ch.key[i])
	}
	y -= 8
	csty := textStyle(creditSize, color.Gray{Y: 70})
	csty.YAlign = draw.YTop
	for _, line := range ch.credit {
		c.FillText(csty, vg.Point{X: x0, Y: y}, line)
		y -= creditSize * 1.35
	}
}

// render writes the chart as a PNG or an SVG document.
func (ch *chart) render(w io.Writer, f Format) error {
	if f == FormatPNG {
		cv := vgimg.NewWith(vgimg.UseWH(ch.layout.width, ch.height), vgimg.UseDPI(pngDPI))
		ch.draw(draw.New(cv))
		_, err := vgimg.PngCanvas{Canvas: cv}.WriteTo(w)
		return err
	}
	cv := vgsvg.New(ch.layout.width, ch.height)
	ch.draw(draw.New(cv))
	var buf bytes.Buffer
	if _, err := cv.WriteTo(&buf); err != nil {
		return err
	}
	_, err := w.Write(svgFonts(buf.Bytes()))
	return err
}

// chartSeries returns the series that have dated figures, or an error
// when there are more than MaxChartSeries.
func (t *Timeline) chartSeries() ([]Series, error) {
	var out []Series
	for _, s := range t.Series {
		if slices.ContainsFunc(s.Entries, func(e Entry) bool { return !e.Date.IsZero() }) {
			out = append(out, s)
		}
	}
	if len(out) > MaxChartSeries {
		return nil, fmt.Errorf("%w: the timeline has %d series and a chart draws at most %d; narrow it with a category, who or where filter",
			ErrTooManySeries, len(out), MaxChartSeries)
	}
	return out, nil
}

// writeChart draws every series in one SVG or PNG: a column of panels
// for a few, a grid of small multiples for more, with one key and a
// credit line.
func (t *Timeline) writeChart(w io.Writer, f Format) error {
	ss, err := t.chartSeries()
	if err != nil {
		return err
	}
	return newChart(ss, t.View, t.AsOf, layoutFor(len(ss)), true).render(w, f)
}

// panelSVG renders one series' chart, with its key and credit line, as
// an SVG element to inline in HTML.
func panelSVG(s Series, view View, asOf tracker.Date) ([]byte, error) {
	var buf bytes.Buffer
	if err := newChart([]Series{s}, view, asOf, layoutFor(1), false).render(&buf, FormatSVG); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	// inline in HTML: drop the XML prolog and doctype before <svg
	if i := bytes.Index(b, []byte("<svg")); i > 0 {
		b = b[i:]
	}
	return b, nil
}
