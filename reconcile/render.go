package reconcile

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/tollproject/toll/internal/hygiene"
	"github.com/tollproject/toll/tracker"
)

// Format is an output format of the Write methods.
type Format string

// The output formats. Charts (svg, png, html) are for timelines only.
const (
	FormatTable Format = "table"
	FormatJSON  Format = "json"
	FormatCSV   Format = "csv"
	FormatSVG   Format = "svg"
	FormatPNG   Format = "png"
	FormatHTML  Format = "html"
)

// ParseFormat returns the Format named s; "" is FormatTable.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case "":
		return FormatTable, nil
	case FormatTable, FormatJSON, FormatCSV, FormatSVG, FormatPNG, FormatHTML:
		return f, nil
	}
	return "", fmt.Errorf("%w %q (want table, json, csv, svg, png or html)", ErrUnknownFormat, s)
}

func unsupported(what string, f Format, want string) error {
	return fmt.Errorf("%w %q for %s (want %s)", ErrUnknownFormat, f, what, want)
}

// writeJSON writes v indented, with a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// flusher is a buffered writer that remembers its first error.
type flusher struct {
	bw  *bufio.Writer
	err error
}

func (f *flusher) printf(format string, args ...any) {
	if f.err == nil {
		_, f.err = fmt.Fprintf(f.bw, format, args...)
	}
}

func (f *flusher) write(b []byte) {
	if f.err == nil {
		_, f.err = f.bw.Write(b)
	}
}

func (f *flusher) done() error {
	if f.err != nil {
		return f.err
	}
	return f.bw.Flush()
}

// Write writes the timeline as a table, JSON, CSV, or a chart (svg, png,
// or html: one self-contained page with the charts and the table).
func (t *Timeline) Write(w io.Writer, f Format) error {
	switch f {
	case FormatTable, "":
		return t.writeTable(w)
	case FormatJSON:
		return writeJSON(w, t)
	case FormatCSV:
		return t.writeCSV(w)
	case FormatSVG, FormatPNG:
		return t.writeChart(w, f)
	case FormatHTML:
		return t.writeHTML(w)
	}
	return unsupported("a timeline", f, "table, json, csv, svg, png or html")
}

// seriesTitle is a series' heading with its id: "palestinians killed in
// Gaza (cumulative) [s1a2b3c4d]", "people killed at al-Ahli Arab hospital
// (event site, scope unknown) [s…]"; a name the user gave replaces the
// generated words.
func seriesTitle(s SeriesKey, site bool, name string) string {
	return cmp.Or(name, s.title(site)) + " [" + s.ID() + "]"
}

// claimList writes up to three claim ids and how many more.
func claimList(ps []Provenance) string {
	ids := make([]string, 0, 3)
	for i, p := range ps {
		if i == 3 {
			return strings.Join(ids, " ") + " +" + strconv.Itoa(len(ps)-3) + " more"
		}
		ids = append(ids, p.Claim)
	}
	return strings.Join(ids, " ")
}

func figureCell(e *Entry) string {
	if e.Revised {
		return e.Figure() + " (revised)"
	}
	return e.Figure()
}

func changeCell(c *Change) string {
	if c == nil {
		return ""
	}
	return c.String()
}

func (t *Timeline) writeTable(w io.Writer) error {
	out := &flusher{bw: bufio.NewWriterSize(w, 256<<10)}
	var tab table
	if len(t.Series) == 0 {
		out.printf("No figures.\n")
		return out.done()
	}
	for i, s := range t.Series {
		if i > 0 {
			out.printf("\n")
		}
		out.printf("%s\n", seriesTitle(s.Key, s.Site, s.Name))
		if s.Note != "" {
			out.printf("  note: %s\n", s.Note)
		}
		tab.reset()
		if t.View == ViewRange {
			tab.row("  DATE", "BAND", "SOURCES", "CLAIMS")
			for _, e := range s.Entries {
				tab.row("  "+e.Date.String(), figureCell(&e), e.Source, claimList(e.Claims))
			}
		} else {
			tab.row("  DATE", "SOURCE", "FIGURE", "INTERVAL", "CHANGE", "CLAIMS")
			for _, e := range s.Entries {
				date := e.Date.String()
				if date == "" {
					date = "undated"
				}
				tab.row("  "+date, e.Source, figureCell(&e), e.Interval.Range(), changeCell(e.Change()), claimList(e.Claims))
			}
		}
		tab.write(out)
	}
	return out.done()
}

// table lays out rows of cells in columns as text/tabwriter does with
// minimum width 0, padding 2 and spaces (each column as wide as its
// widest cell in runes, plus two; the last cell of a row as it is),
// without tabwriter's cell-by-cell buffering: a timeline of a million
// figures is one such table a series. A cell holding a tab, a line
// break or tabwriter's escape byte goes through tabwriter itself.
type table struct {
	cells  []string
	runes  []int // each cell's width (cellWidth), counted once
	ncols  int
	widths []int
	odd    bool // a cell tabwriter reads other than as text
}

func (t *table) reset() {
	t.cells, t.runes, t.ncols, t.widths, t.odd = t.cells[:0], t.runes[:0], 0, t.widths[:0], false
}

// row adds a row; every row of a table has as many cells.
func (t *table) row(cells ...string) {
	if t.ncols == 0 {
		t.ncols = len(cells)
		for range cells[:len(cells)-1] {
			t.widths = append(t.widths, 0)
		}
	}
	for i, c := range cells {
		n, odd := cellWidth(c)
		t.odd = t.odd || odd
		if i < len(t.widths) {
			t.widths[i] = max(t.widths[i], n+2)
		}
		t.runes = append(t.runes, n)
	}
	t.cells = append(t.cells, cells...)
}

// cellWidth returns a cell's width in runes, as tabwriter counts it, and
// whether it holds a byte tabwriter reads other than as text (a tab, a
// line break, a form feed, its escape byte).
func cellWidth(c string) (int, bool) {
	odd := false
	for i := 0; i < len(c); i++ {
		switch b := c[i]; {
		case b == '\t' || b == '\n' || b == '\v' || b == '\f':
			odd = true
		case b >= utf8.RuneSelf:
			return utf8.RuneCountInString(c), odd || strings.IndexByte(c[i:], 0xff) >= 0
		}
	}
	return len(c), odd
}

func (t *table) write(out *flusher) {
	if t.odd {
		tw := tabwriter.NewWriter(out.bw, 0, 0, 2, ' ', 0)
		for i, c := range t.cells {
			tw.Write([]byte(c))
			if (i+1)%t.ncols == 0 {
				tw.Write([]byte{'\n'})
			} else {
				tw.Write([]byte{'\t'})
			}
		}
		if err := tw.Flush(); err != nil && out.err == nil {
			out.err = err
		}
		return
	}
	var line []byte
	for r := 0; r < len(t.cells); r += t.ncols {
		b := line[:0]
		for i, c := range t.cells[r : r+t.ncols] {
			b = append(b, c...)
			if i < len(t.widths) {
				for n := t.runes[r+i]; n < t.widths[i]; n++ {
					b = append(b, ' ')
				}
			}
		}
		line = append(b, '\n')
		out.write(line)
	}
}

// csvWriter writes records and remembers the first error.
type csvWriter struct {
	cw  *csv.Writer
	err error
}

func (c *csvWriter) write(rec ...string) {
	if c.err == nil {
		c.err = c.cw.Write(hygiene.CSVRecord(rec))
	}
}

func (c *csvWriter) done() error {
	c.cw.Flush()
	if c.err != nil {
		return c.err
	}
	return c.cw.Error()
}

func bounds(iv tracker.Interval) (low, high string) {
	if iv.Unbounded {
		return iv.Low.String(), ""
	}
	return iv.Low.String(), iv.High.String()
}

func changeBounds(c *Change) (low, high string) {
	if c == nil {
		return "", ""
	}
	if !c.LowOpen {
		low = c.Low.String()
	}
	if !c.HighOpen {
		high = c.High.String()
	}
	return low, high
}

func provenanceCells(ps []Provenance) (claims, reports, outlets string) {
	var c, r, o []string
	for _, p := range ps {
		c = append(c, p.Claim)
		if len(r) == 0 || r[len(r)-1] != p.Report {
			r = append(r, p.Report)
		}
		if !slices.Contains(o, p.Outlet) {
			o = append(o, p.Outlet)
		}
	}
	return strings.Join(c, " "), strings.Join(r, " "), strings.Join(o, "; ")
}

// writeCSV writes one row per entry. An empty high is unbounded; an empty
// change bound is open.
func (t *Timeline) writeCSV(w io.Writer) error {
	c := &csvWriter{cw: csv.NewWriter(w)}
	c.write("view", "category", "who", "where", "scope", "site", "date", "source", "figure", "low", "high",
		"change_low", "change_high", "revised", "claims", "reports", "outlets")
	for _, s := range t.Series {
		for _, e := range s.Entries {
			lo, hi := bounds(e.Interval)
			clo, chi := changeBounds(e.Change())
			claims, reports, outlets := provenanceCells(e.Claims)
			c.write(string(t.View), string(s.Key.Category), s.Key.Who, s.Key.Where, string(s.Key.Scope),
				strconv.FormatBool(s.Site), e.Date.String(), e.Source, e.Figure(), lo, hi, clo, chi,
				strconv.FormatBool(e.Revised), claims, reports, outlets)
		}
	}
	return c.done()
}

// claimRefJSON is ClaimRef on the wire, with the interval as numbers.
type claimRefJSON struct {
	ID     string       `json:"claim"`
	Report string       `json:"report"`
	Date   tracker.Date `json:"date"`
	Source string       `json:"source"`
	Outlet string       `json:"outlet"`
	Figure string       `json:"figure"`
	intervalJSON
	Series   SeriesKey `json:"series"`
	Sentence string    `json:"sentence"`
	Span     string    `json:"span"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
}

// MarshalJSON writes the reference with its interval as whole numbers.
func (r ClaimRef) MarshalJSON() ([]byte, error) {
	return json.Marshal(claimRefJSON{ID: r.ID, Report: r.Report, Date: r.Date, Source: r.Source, Outlet: r.Outlet,
		Figure: r.Figure, intervalJSON: wireInterval(r.Interval), Series: r.Series, Sentence: r.Sentence,
		Span: r.Span, Start: r.Start, End: r.End})
}

// Write writes the findings as a table (one block per finding with its
// claims, then a count), JSON (an array) or CSV (one row per finding).
func (fs Findings) Write(w io.Writer, f Format) error {
	return writeFindings(w, f, slices.Values(fs))
}

// writeFindings is Findings.Write over findings as all yields them, one
// at a time.
func writeFindings(w io.Writer, f Format, all iter.Seq[Finding]) error {
	switch f {
	case FormatTable, "":
		return writeFindingsTable(w, all)
	case FormatJSON:
		return writeFindingsJSON(w, all)
	case FormatCSV:
		return writeFindingsCSV(w, all)
	}
	return unsupported("findings", f, "table, json or csv")
}

// writeFindingsJSON writes the findings as writeJSON writes a slice of
// them, one element at a time: "[", each element indented one level and
// followed by a comma but the last, "]".
func writeFindingsJSON(w io.Writer, all iter.Seq[Finding]) error {
	out := &flusher{bw: bufio.NewWriterSize(w, 256<<10)}
	var compact, indented bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	n := 0
	for f := range all {
		compact.Reset()
		if err := enc.Encode(f); err != nil {
			return err
		}
		indented.Reset()
		if n == 0 {
			indented.WriteString("[\n  ")
		} else {
			indented.WriteString(",\n  ")
		}
		if err := json.Indent(&indented, bytes.TrimSuffix(compact.Bytes(), []byte("\n")), "  ", "  "); err != nil {
			return err
		}
		out.write(indented.Bytes())
		n++
	}
	if n == 0 {
		out.write([]byte("[]\n"))
	} else {
		out.write([]byte("\n]\n"))
	}
	return out.done()
}

// appendMarkedSpan appends markSpan(sentence, span) quoted as
// strconv.AppendQuote quotes it, without building the marked string.
func appendMarkedSpan(b []byte, sentence, span string) []byte {
	b = append(b, '"')
	if span == "" {
		b = appendQuotedInner(b, sentence)
	} else if i := strings.Index(sentence, span); i >= 0 {
		b = appendQuotedInner(b, sentence[:i])
		b = appendQuotedInner(append(b, "«"...), span)
		b = appendQuotedInner(append(b, "»"...), sentence[i+len(span):])
	} else {
		b = appendQuotedInner(append(appendQuotedInner(b, sentence), " «"...), span)
		b = append(b, "»"...)
	}
	return append(b, '"')
}

// appendQuotedInner appends s as strconv.AppendQuote does, without the
// quotes: printable ASCII but quote and backslash as it is, each other
// rune as AppendQuote escapes it (rune by rune, so that pieces quoted
// apart join into the whole quoted).
func appendQuotedInner(b []byte, s string) []byte {
	var buf [16]byte
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < utf8.RuneSelf && c != 0x7f && c != '"' && c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		q := strconv.AppendQuote(buf[:0], s[i:i+w])
		b = append(b, q[1:len(q)-1]...)
		i += w
	}
	return b
}

// markSpan writes the sentence with the figure's span in «».
func markSpan(sentence, span string) string {
	if span == "" {
		return sentence
	}
	if i := strings.Index(sentence, span); i >= 0 {
		return sentence[:i] + "«" + span + "»" + sentence[i+len(span):]
	}
	return sentence + " «" + span + "»"
}

func writeFindingsTable(w io.Writer, all iter.Seq[Finding]) error {
	// a million findings make about a gigabyte: each line is appended to
	// one reused buffer (the same bytes as printf's %-7s, %s and %q), and
	// written out in large blocks
	out := &flusher{bw: bufio.NewWriterSize(w, 256<<10)}
	var line []byte
	i, acked := 0, 0
	by := map[Severity]int{}
	// a series' title hashes its key (SeriesKey.ID), and a date formats a
	// time: each is written once a series or day, not once a finding
	type titleKey struct {
		key  SeriesKey
		site bool
		name string
	}
	titles := map[titleKey]string{}
	dates := map[tracker.Date]string{}
	date := func(d tracker.Date) string {
		s, ok := dates[d]
		if !ok {
			s = d.String()
			dates[d] = s
		}
		return s
	}
	for f := range all {
		if f.Acknowledged() {
			acked++
		} else {
			by[f.Severity]++
		}
		b := line[:0]
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, f.Severity...)
		for n := utf8.RuneCountInString(string(f.Severity)); n < 7; n++ {
			b = append(b, ' ')
		}
		b = append(append(append(append(append(b, "  "...), f.Kind...), "  "...), f.ID...), "  "...)
		tk := titleKey{f.Series, f.Site, f.SeriesName}
		title, ok := titles[tk]
		if !ok {
			title = seriesTitle(f.Series, f.Site, f.SeriesName)
			titles[tk] = title
		}
		b = append(append(append(b, date(f.Date)...), "  "...), title...)
		b = append(append(append(b, "\n  "...), f.Message...), '\n')
		for _, c := range f.Claims {
			b = append(append(append(b, "  - "...), date(c.Date)...), "  "...)
			b = append(b, c.Source...)
			if c.Outlet != "" && c.Outlet != c.Source {
				b = append(append(b, " via "...), c.Outlet...)
			}
			b = append(append(append(append(b, "  "...), c.Figure...), "  claim "...), c.ID...)
			b = append(append(append(b, ", report "...), c.Report...), '\n')
			if c.Sentence != "" || c.Span != "" {
				b = append(appendMarkedSpan(append(b, "    "...), c.Sentence, c.Span), '\n')
			}
		}
		line = b
		out.write(b)
		if f.Ack != nil {
			out.printf("  acknowledged %s: %s\n", f.Ack.At.UTC().Format("2006-01-02"), f.Ack.Note)
		}
		i++
	}
	if i == 0 {
		out.printf("No findings.\n")
		return out.done()
	}
	out.printf("\n%s: %d error, %d warning, %d info; %d acknowledged\n",
		plural(i, "finding"), by[Error], by[Warning], by[Info], acked)
	return out.done()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func writeFindingsCSV(w io.Writer, all iter.Seq[Finding]) error {
	c := &csvWriter{cw: csv.NewWriter(w)}
	c.write("id", "severity", "kind", "date", "category", "who", "where", "scope", "message",
		"acknowledged", "note", "claims", "reports")
	for f := range all {
		var claims, reports []string
		for _, r := range f.Claims {
			claims = append(claims, r.ID)
			if !slices.Contains(reports, r.Report) {
				reports = append(reports, r.Report)
			}
		}
		note := ""
		if f.Ack != nil {
			note = f.Ack.Note
		}
		c.write(f.ID, string(f.Severity), string(f.Kind), f.Date.String(), string(f.Series.Category),
			f.Series.Who, f.Series.Where, string(f.Series.Scope), f.Message,
			strconv.FormatBool(f.Acknowledged()), note, strings.Join(claims, " "), strings.Join(reports, " "))
	}
	return c.done()
}

// Write writes the source diff as a table, JSON or CSV.
func (d *SourceDiff) Write(w io.Writer, f Format) error {
	switch f {
	case FormatTable, "":
		return d.writeTable(w)
	case FormatJSON:
		return writeJSON(w, d)
	case FormatCSV:
		return d.writeCSV(w)
	}
	return unsupported("a diff", f, "table, json or csv")
}

func entryCells(e *Entry) (date, fig string) {
	if e == nil {
		return "", "—"
	}
	return e.Date.String(), figureCell(e)
}

func (d *SourceDiff) writeTable(w io.Writer) error {
	out := &flusher{bw: bufio.NewWriter(w)}
	out.printf("A: %s\nB: %s\n", d.A, d.B)
	if len(d.Series) == 0 {
		out.printf("\nNo series that both report.\n")
		return out.done()
	}
	for _, s := range d.Series {
		out.printf("\n%s\n", seriesTitle(s.Key, s.Site, s.Name))
		if s.Note != "" {
			out.printf("  note: %s\n", s.Note)
		}
		tw := tabwriter.NewWriter(out.bw, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  DATE A\tA\tDATE B\tB\tGAP B−A\tOVERLAP\n")
		for _, r := range s.Rows {
			da, fa := entryCells(r.A)
			db, fb := entryCells(r.B)
			overlap := ""
			if r.A != nil && r.B != nil {
				overlap = "no"
				if r.Overlap {
					overlap = "yes"
				}
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", da, fa, db, fb, changeCell(r.Gap), overlap)
		}
		if err := tw.Flush(); err != nil && out.err == nil {
			out.err = err
		}
	}
	return out.done()
}

func (d *SourceDiff) writeCSV(w io.Writer) error {
	c := &csvWriter{cw: csv.NewWriter(w)}
	c.write("category", "who", "where", "scope", "site", "date_a", "source_a", "figure_a", "low_a", "high_a",
		"date_b", "source_b", "figure_b", "low_b", "high_b", "days", "gap_low", "gap_high", "overlap")
	side := func(e *Entry) []string {
		if e == nil {
			return []string{"", "", "", "", ""}
		}
		lo, hi := bounds(e.Interval)
		return []string{e.Date.String(), e.Source, e.Figure(), lo, hi}
	}
	for _, s := range d.Series {
		for _, r := range s.Rows {
			glo, ghi := changeBounds(r.Gap)
			rec := []string{string(s.Key.Category), s.Key.Who, s.Key.Where, string(s.Key.Scope), strconv.FormatBool(s.Site)}
			rec = append(rec, side(r.A)...)
			rec = append(rec, side(r.B)...)
			overlap := ""
			if r.A != nil && r.B != nil {
				overlap = strconv.FormatBool(r.Overlap)
			}
			rec = append(rec, strconv.Itoa(r.Days), glo, ghi, overlap)
			c.write(rec...)
		}
	}
	return c.done()
}

// Write writes the report diff as a table, JSON or CSV.
func (d *ReportDiff) Write(w io.Writer, f Format) error {
	switch f {
	case FormatTable, "":
		return d.writeTable(w)
	case FormatJSON:
		return writeJSON(w, d)
	case FormatCSV:
		return d.writeCSV(w)
	}
	return unsupported("a report diff", f, "table, json or csv")
}

func (d *ReportDiff) writeTable(w io.Writer) error {
	out := &flusher{bw: bufio.NewWriter(w)}
	out.printf("A: %s\nB: %s\n", cmp.Or(d.A, "(several reports)"), cmp.Or(d.B, "(several reports)"))
	if len(d.Changes) == 0 {
		out.printf("\nNo figures changed; %s the same.\n", plural(d.Unchanged, "figure"))
		return out.done()
	}
	out.printf("\n")
	tw := tabwriter.NewWriter(out.bw, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "CHANGE\tSERIES\tSOURCE\tA\tB\tDELTA\n")
	for _, c := range d.Changes {
		_, fa := entryCells(c.Old)
		_, fb := entryCells(c.New)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.Change, seriesTitle(c.Series, c.Site, c.SeriesName), c.Source, fa, fb, changeCell(c.Delta))
	}
	if err := tw.Flush(); err != nil && out.err == nil {
		out.err = err
	}
	out.printf("\n%s changed, %s the same\n", plural(len(d.Changes), "figure"), plural(d.Unchanged, "figure"))
	return out.done()
}

func (d *ReportDiff) writeCSV(w io.Writer) error {
	c := &csvWriter{cw: csv.NewWriter(w)}
	c.write("change", "category", "who", "where", "scope", "site", "source", "figure_a", "low_a", "high_a",
		"figure_b", "low_b", "high_b", "delta_low", "delta_high")
	side := func(e *Entry) []string {
		if e == nil {
			return []string{"", "", ""}
		}
		lo, hi := bounds(e.Interval)
		return []string{e.Figure(), lo, hi}
	}
	for _, ch := range d.Changes {
		rec := []string{string(ch.Change), string(ch.Series.Category), ch.Series.Who, ch.Series.Where,
			string(ch.Series.Scope), strconv.FormatBool(ch.Site), ch.Source}
		rec = append(rec, side(ch.Old)...)
		rec = append(rec, side(ch.New)...)
		lo, hi := changeBounds(ch.Delta)
		rec = append(rec, lo, hi)
		c.write(rec...)
	}
	return c.done()
}
