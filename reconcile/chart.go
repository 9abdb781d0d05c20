package reconcile

import (
	"bytes"
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// MaxChartSeries caps the series one chart file draws. Each series is a
// panel 4 inches high; past two dozen a page is unreadable, and the way
// out is a filter (category, who, where), which the error says.
const MaxChartSeries = 24

// Chart geometry and style.
const (
	chartWidth   = 9 * vg.Inch
	panelHeight  = 3.6 * vg.Inch
	legendRow    = 14 // points per legend entry
	legendMargin = 10
	pngDPI       = 110
	fontSize     = 10
)

// chartFont is Liberation Sans, which is metric-compatible with Arial, so
// an SVG viewed without the font keeps its layout when the fallback list
// (see svgFonts) finds Arial or Helvetica.
func chartFont(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

// svgFonts rewrites the SVG font family to a list with fallbacks: the
// SVG does not embed the font (which would add half a megabyte).
func svgFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
}

// paletteColor is the Okabe–Ito palette, readable by people with the
// common colour-vision deficiencies; past eight sources colours repeat.
func paletteColor(i int) color.RGBA {
	switch i % 8 {
	case 0:
		return color.RGBA{0, 114, 178, 255} // blue
	case 1:
		return color.RGBA{213, 94, 0, 255} // vermillion
	case 2:
		return color.RGBA{0, 158, 115, 255} // bluish green
	case 3:
		return color.RGBA{204, 121, 167, 255} // reddish purple
	case 4:
		return color.RGBA{230, 159, 0, 255} // orange
	case 5:
		return color.RGBA{86, 180, 233, 255} // sky blue
	case 6:
		return color.RGBA{0, 0, 0, 255} // black
	}
	return color.RGBA{240, 228, 66, 255} // yellow
}

func withAlpha(c color.RGBA, a uint8) color.NRGBA {
	return color.NRGBA{c.R, c.G, c.B, a}
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
	low, high float64
	open      bool // no upper bound
	revised   bool
}

func toFloat(d decimal.Decimal) float64 { return d.InexactFloat64() }

// tracks splits a series' dated entries into the lines of its chart.
func tracks(s Series, view View) []track {
	name := func(e Entry) string { return e.Source }
	switch view {
	case ViewRange:
		name = func(Entry) string { return "range across sources" }
	case ViewConservative:
		name = func(Entry) string { return "lowest figure (conservative)" }
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
	for i, n := range names {
		t := track{name: n, color: paletteColor(i)}
		es := byName[n]
		for a := 0; a < len(es); {
			b := a
			ivs := []tracker.Interval{}
			revised := false
			for b < len(es) && es[b].Date == es[a].Date {
				ivs = append(ivs, es[b].Interval)
				revised = revised || es[b].Revised
				b++
			}
			h := hull(ivs...)
			pt := trackPoint{x: float64(es[a].Date.Time().Unix()), low: toFloat(h.Low), open: h.Unbounded, revised: revised}
			if !h.Unbounded {
				pt.high = toFloat(h.High)
			}
			t.points = append(t.points, pt)
			a = b
		}
		out = append(out, t)
	}
	return out
}

// bandPlotter draws a track: a shaded band between step lines at the
// lower and upper bounds (a figure holds until the source's next one),
// a whisker and a marker at each figure. Where a figure has no upper
// bound the band fades to the top of the panel with no upper line, and
// its marker is an upward triangle: "at least".
type bandPlotter struct {
	t    track
	yTop float64
}

// Plot implements plot.Plotter.
func (b bandPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	pts := b.t.points
	solid := draw.LineStyle{Color: b.t.color, Width: vg.Points(1.6)}
	thin := draw.LineStyle{Color: b.t.color, Width: vg.Points(1)}
	top := func(p trackPoint) float64 {
		if p.open {
			return b.yTop
		}
		return p.high
	}
	for i, p := range pts {
		if i+1 < len(pts) {
			next := pts[i+1]
			alpha := uint8(56)
			if p.open {
				alpha = 22
			}
			x0, x1 := trX(p.x), trX(next.x)
			rect := vg.Rectangle{Min: vg.Point{X: x0, Y: trY(p.low)}, Max: vg.Point{X: x1, Y: trY(top(p))}}
			c.SetColor(withAlpha(b.t.color, alpha))
			c.Fill(rect.Path())
			// lower step
			c.StrokeLines(solid, c.ClipLinesXY([]vg.Point{{X: x0, Y: trY(p.low)}, {X: x1, Y: trY(p.low)}, {X: x1, Y: trY(next.low)}})...)
			// upper step, only where both ends are bounded
			if !p.open {
				up := []vg.Point{{X: x0, Y: trY(p.high)}, {X: x1, Y: trY(p.high)}}
				if !next.open {
					up = append(up, vg.Point{X: x1, Y: trY(next.high)})
				}
				c.StrokeLines(solid, c.ClipLinesXY(up)...)
			}
		}
		// whisker over the figure's own interval
		x := trX(p.x)
		if p.open {
			dashed := thin
			dashed.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
			c.StrokeLines(dashed, c.ClipLinesXY([]vg.Point{{X: x, Y: trY(p.low)}, {X: x, Y: trY(b.yTop)}})...)
		} else if p.high > p.low {
			c.StrokeLines(thin, c.ClipLinesXY([]vg.Point{{X: x, Y: trY(p.low)}, {X: x, Y: trY(p.high)}})...)
			c.DrawGlyph(draw.GlyphStyle{Color: b.t.color, Radius: vg.Points(2.5), Shape: draw.BoxGlyph{}}, vg.Point{X: x, Y: trY(p.high)})
		}
		var shape draw.GlyphDrawer = draw.CircleGlyph{}
		if p.open {
			shape = draw.PyramidGlyph{}
		}
		c.DrawGlyph(draw.GlyphStyle{Color: b.t.color, Radius: vg.Points(3.2), Shape: shape}, vg.Point{X: x, Y: trY(p.low)})
		if p.revised {
			sty := plt.Title.TextStyle
			sty.Font = chartFont(fontSize - 1)
			sty.Font.Style = 1 // italic
			sty.Color = b.t.color
			sty.XAlign = draw.XCenter
			sty.YAlign = draw.YTop
			c.FillText(sty, vg.Point{X: x, Y: trY(p.low) - vg.Points(6)}, "revised")
		}
	}
}

// Thumbnail implements plot.Thumbnailer for the legend.
func (b bandPlotter) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	mid := (r.Min.Y + r.Max.Y) / 2
	band := vg.Rectangle{Min: vg.Point{X: r.Min.X, Y: mid - 4}, Max: vg.Point{X: r.Max.X, Y: mid + 4}}
	c.SetColor(withAlpha(b.t.color, 56))
	c.Fill(band.Path())
	c.StrokeLine2(draw.LineStyle{Color: b.t.color, Width: vg.Points(1.6)}, r.Min.X, mid-4, r.Max.X, mid-4)
	c.DrawGlyph(draw.GlyphStyle{Color: b.t.color, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: mid - 4})
}

// openThumb is the legend's key to the upward triangle.
type openThumb struct{}

func (openThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	x := (r.Min.X + r.Max.X) / 2
	gray := color.RGBA{90, 90, 90, 255}
	c.StrokeLine2(draw.LineStyle{Color: gray, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}, x, r.Min.Y, x, r.Max.Y)
	c.DrawGlyph(draw.GlyphStyle{Color: gray, Radius: vg.Points(3.2), Shape: draw.PyramidGlyph{}}, vg.Point{X: x, Y: r.Min.Y + 3})
}

// dateTicks labels a time axis (Unix seconds) at whole days: every day,
// every 2, 3, 7 or 14 days, or at month starts, so that at most about
// eight dates are labelled ("Oct 9"; with the year when the axis spans
// two).
type dateTicks struct{}

// Ticks implements plot.Ticker.
func (dateTicks) Ticks(min, max float64) []plot.Tick {
	const day = 86400
	d0, d1 := int64(math.Ceil(min/day)), int64(math.Floor(max/day))
	t0, t1 := time.Unix(d0*day, 0).UTC(), time.Unix(d1*day, 0).UTC()
	layout := "Jan 2"
	if t0.Year() != t1.Year() {
		layout = "Jan 2 2006"
	}
	span := d1 - d0
	var ticks []plot.Tick
	for _, step := range []int64{1, 2, 3, 7, 14} {
		if span/step <= 8 {
			for d := d0; d <= d1; d++ {
				t := plot.Tick{Value: float64(d * day)}
				if (d-d0)%step == 0 {
					t.Label = time.Unix(d*day, 0).UTC().Format(layout)
				}
				if span <= 62 || t.Label != "" {
					ticks = append(ticks, t)
				}
			}
			return ticks
		}
	}
	months := int64(t1.Year()*12+int(t1.Month())) - int64(t0.Year()*12+int(t0.Month()))
	step := int64(1)
	for _, s := range []int64{1, 2, 3, 6, 12, 24, 60} {
		step = s
		if months/s <= 8 {
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
			tk.Label = t.Format("Jan 2006")
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

// panel is one series' chart: the plot and its legend, drawn below it so
// that it never covers data.
type panel struct {
	plot   *plot.Plot
	legend plot.Legend
	rows   int
}

func (pn panel) height() vg.Length {
	return panelHeight + vg.Length(pn.rows*legendRow+2*legendMargin)
}

func (pn panel) draw(c draw.Canvas) {
	legendH := vg.Length(pn.rows*legendRow + 2*legendMargin)
	pn.plot.Draw(draw.Crop(c, 0, 0, legendH, 0))
	lc := draw.Crop(c, 60, 0, 0, -(c.Max.Y - c.Min.Y - legendH))
	lc = draw.Crop(lc, 0, 0, legendMargin, -legendMargin)
	pn.legend.Draw(lc)
}

// newPanel builds the chart of one series.
func newPanel(s Series, view View) panel {
	p := plot.New()
	for _, sty := range []*plot.Axis{&p.X, &p.Y} {
		sty.Label.TextStyle.Font = chartFont(fontSize)
		sty.Tick.Label.Font = chartFont(fontSize - 1)
	}
	p.Title.TextStyle.Font = chartFont(fontSize + 2)
	p.Title.Text = cmp.Or(s.Name, s.Key.title(s.Site)) // no id: a chart is for reading
	p.X.Tick.Marker = dateTicks{}
	p.Y.Tick.Marker = countTicks{}
	p.Y.Label.Text = "people " + categoryWords(s.Key.Category)
	p.Add(plotGrid())

	ts := tracks(s, view)
	minX, maxX := math.Inf(1), math.Inf(-1)
	yMax := 0.0
	anyOpen := false
	for _, t := range ts {
		for _, pt := range t.points {
			minX, maxX = math.Min(minX, pt.x), math.Max(maxX, pt.x)
			yMax = math.Max(yMax, math.Max(pt.low, pt.high))
			anyOpen = anyOpen || pt.open
		}
	}
	if math.IsInf(minX, 1) {
		minX, maxX = 0, 0
	}
	const day = 86400
	// room for a "revised" label under the first and last figures
	pad := math.Max(day/2, (maxX-minX)*0.05)
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

	lg := plot.NewLegend()
	lg.TextStyle.Font = chartFont(fontSize)
	lg.Top, lg.Left = true, true
	lg.Padding = vg.Points(legendRow) - vg.Points(fontSize)
	lg.ThumbnailWidth = vg.Points(28)
	for _, t := range ts {
		bp := bandPlotter{t: t, yTop: yTop}
		p.Add(bp)
		lg.Add(t.name, bp)
	}
	rows := len(ts)
	if anyOpen {
		lg.Add("no upper bound (at least, more than, vague words): open band up to the top", openThumb{})
		rows++
	}
	return panel{plot: p, legend: lg, rows: rows}
}

// plotGrid draws light horizontal grid lines at the labelled counts.
func plotGrid() plot.Plotter {
	return gridPlotter{}
}

type gridPlotter struct{}

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

// writeChart draws every series as a panel, one under another, in one
// SVG or PNG.
func (t *Timeline) writeChart(w io.Writer, f Format) error {
	ss, err := t.chartSeries()
	if err != nil {
		return err
	}
	panels := make([]panel, len(ss))
	var height vg.Length
	for i, s := range ss {
		panels[i] = newPanel(s, t.View)
		height += panels[i].height()
	}
	if len(panels) == 0 {
		height = vg.Inch
	}
	draws := func(c draw.Canvas) {
		c.SetColor(color.White)
		c.Fill(c.Rectangle.Path())
		y := c.Max.Y
		for _, pn := range panels {
			h := pn.height()
			pc := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: y - h}, Max: vg.Point{X: c.Max.X, Y: y}}}
			pn.draw(draw.Crop(pc, 8, -28, 4, -8))
			y -= h
		}
		if len(panels) == 0 {
			sty := plot.New().Title.TextStyle
			sty.Font = chartFont(fontSize + 2)
			sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
			c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2}, "No dated figures to chart.")
		}
	}
	if f == FormatPNG {
		cv := vgimg.NewWith(vgimg.UseWH(chartWidth, height), vgimg.UseDPI(pngDPI))
		draws(draw.New(cv))
		_, err := vgimg.PngCanvas{Canvas: cv}.WriteTo(w)
		return err
	}
	cv := vgsvg.New(chartWidth, height)
	draws(draw.New(cv))
	var buf bytes.Buffer
	if _, err := cv.WriteTo(&buf); err != nil {
		return err
	}
	_, err = w.Write(svgFonts(buf.Bytes()))
	return err
}

// panelSVG renders one series' panel as an SVG document.
func panelSVG(s Series, view View) ([]byte, error) {
	pn := newPanel(s, view)
	cv := vgsvg.New(chartWidth, pn.height())
	c := draw.New(cv)
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	pn.draw(draw.Crop(c, 8, -28, 4, -8))
	var buf bytes.Buffer
	if _, err := cv.WriteTo(&buf); err != nil {
		return nil, err
	}
	b := svgFonts(buf.Bytes())
	// inline in HTML: drop the XML prolog and doctype before <svg
	if i := bytes.Index(b, []byte("<svg")); i > 0 {
		b = b[i:]
	}
	return b, nil
}
