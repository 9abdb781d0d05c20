package reconcile

import (
	"bufio"
	"html/template"
	"io"
)

// htmlPage is the self-contained page of `toll timeline --format html`:
// inline CSS, one inline SVG chart and one table per series, no scripts,
// no fonts or images fetched from anywhere.
var htmlPage = template.Must(template.New("timeline").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>toll timeline</title>
<style>
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 { font-size: 1.4em; }
h2 { font-size: 1.1em; margin-top: 2.5em; border-bottom: 1px solid #ccc; }
.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.9em; margin-top: 0.5em; }
th, td { text-align: left; padding: 0.2em 0.8em 0.2em 0; border-bottom: 1px solid #eee; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.ids { color: #666; font-size: 0.85em; }
.note { color: #555; font-size: 0.9em; }
</style>
</head>
<body>
<h1>Timeline ({{.View}} view)</h1>
<p class="note">Bands are intervals. A range a source gave ("between 100 and 300") is a solid band; "about N" and "nearly N" gave no range, so toll draws its own band, 10% either side of N, dotted and lighter, with a diamond at N; "at least N" has no upper bound and is drawn as a faint band open to the top, with a triangle. Each figure holds until its source's next one; a source's line ends at its last figure.</p>
{{if .Credit}}<p class="note">{{.Credit}}</p>{{end}}
{{if not .Series}}<p>No figures.</p>{{end}}
{{range .Series}}
<h2>{{.Title}}</h2>
{{if .SVG}}<div class="chart">{{.SVG}}</div>{{end}}
<table>
<thead><tr><th>Date</th><th>Source</th><th>Figure</th><th>Interval</th><th>Change</th><th>Claims</th></tr></thead>
<tbody>
{{range .Rows}}<tr><td>{{.Date}}</td><td>{{.Source}}</td><td>{{.Figure}}</td><td class="n">{{.Interval}}</td><td class="n">{{.Change}}</td><td class="ids">{{.Claims}}</td></tr>
{{end}}</tbody>
</table>
{{end}}
</body>
</html>
`))

type htmlSeries struct {
	Title string
	SVG   template.HTML
	Rows  []htmlRow
}

type htmlRow struct {
	Date, Source, Figure, Interval, Change, Claims string
}

// writeHTML writes one self-contained page: every series' chart as inline
// SVG (generated here, its text escaped by the SVG writer) and its table.
func (t *Timeline) writeHTML(w io.Writer) error {
	if _, err := t.chartSeries(); err != nil {
		return err
	}
	ss, _ := t.chartSeries()
	page := struct {
		View   View
		Credit string
		Series []htmlSeries
	}{View: t.View}
	if len(ss) > 0 {
		page.Credit = creditLine(ss, t.View, t.AsOf)
	}
	for _, s := range t.Series {
		hs := htmlSeries{Title: sentence(seriesTitle(s.Key, s.Site, s.Name))}
		hasDated := false
		for _, e := range s.Entries {
			date := e.Date.String()
			if date == "" {
				date = "undated"
			} else {
				hasDated = true
			}
			hs.Rows = append(hs.Rows, htmlRow{Date: date, Source: e.Source, Figure: figureCell(&e),
				Interval: e.Interval.Range(), Change: changeCell(e.Change()), Claims: claimList(e.Claims)})
		}
		if hasDated {
			svg, err := panelSVG(s, t.View, t.AsOf)
			if err != nil {
				return err
			}
			// trusted: drawn by vgsvg, which escapes every text it writes
			hs.SVG = template.HTML(svg)
		}
		page.Series = append(page.Series, hs)
	}
	bw := bufio.NewWriter(w)
	if err := htmlPage.Execute(bw, page); err != nil {
		return err
	}
	return bw.Flush()
}
