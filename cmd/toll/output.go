package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/tollproject/toll/internal/hygiene"
	"github.com/tollproject/toll/tracker"
)

// tableBlock is how many rows a table aligns at a time. Listings stream,
// so a table cannot wait for its last row to size its columns: it flushes
// every tableBlock rows, and columns of a longer listing may shift a
// little between blocks. Memory stays bounded whatever the row count.
const tableBlock = 1000

// formatFlag is the --format flag with its allowed values.
func formatFlag(def string, allowed ...string) cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: def,
		Usage: "output format: " + strings.Join(allowed, ", ")}
}

// lister writes rows in one of the formats: a table or CSV from the
// cells, JSON (one streaming array) or JSON Lines from the value.
type lister struct {
	format string
	bw     *bufio.Writer
	tw     *tabwriter.Writer
	cw     *csv.Writer
	rows   int
	header []string
	buf    []byte // a row being made, kept for the next
}

// newLister starts a listing; header is the table's and the CSV's first
// row. Call close at the end, also when there were no rows.
func newLister(format string, w io.Writer, header []string) *lister {
	l := &lister{format: format, bw: bufio.NewWriter(w), header: header}
	switch format {
	case "csv":
		l.bw = bufio.NewWriter(dataOut(w))
		l.cw = csv.NewWriter(l.bw)
	case "table":
		l.tw = tabwriter.NewWriter(l.bw, 0, 0, 2, ' ', 0)
	}
	return l
}

// write adds one row: v for json and jsonl, cells for table and csv.
func (l *lister) write(v any, cells []string) error {
	if l.rows == 0 {
		if err := l.begin(); err != nil {
			return err
		}
	}
	l.rows++
	switch l.format {
	case "json", "jsonl":
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		l.jsonRow(b)
	case "csv":
		if err := l.cw.Write(hygiene.CSVRecord(cells)); err != nil {
			return err
		}
	default:
		for i, c := range cells {
			if i > 0 {
				l.tw.Write([]byte{'\t'})
			}
			l.tw.Write([]byte(cell(c)))
		}
		l.tw.Write([]byte{'\n'})
		if l.rows%tableBlock == 0 {
			if err := l.tw.Flush(); err != nil {
				return err
			}
		}
	}
	// Flushing now and then ends the listing soon after its reader goes
	// away (toll claims | head).
	if l.rows%64 == 0 {
		return l.bw.Flush()
	}
	return nil
}

// jsonRow writes one row of JSON or JSON Lines.
func (l *lister) jsonRow(b []byte) {
	if l.format == "json" {
		sep := ",\n  "
		if l.rows == 1 {
			sep = "\n  "
		}
		l.bw.WriteString(sep)
	}
	l.bw.Write(b)
	if l.format == "jsonl" {
		l.bw.WriteByte('\n')
	}
}

// writeClaim adds a claim to a json or jsonl listing as write(sc, …)
// would, without reflection (tracker.StoredClaim.AppendPrintableJSON):
// the bytes json.Marshal writes with what hygiene.Writer escapes escaped
// already, so that the listing may go to the writer under one.
func (l *lister) writeClaim(sc tracker.StoredClaim) error {
	if l.rows == 0 {
		if err := l.begin(); err != nil {
			return err
		}
	}
	l.rows++
	var err error
	if l.buf, err = sc.AppendPrintableJSON(l.buf[:0]); err != nil {
		return err
	}
	l.jsonRow(l.buf)
	if l.rows%64 == 0 {
		return l.bw.Flush()
	}
	return nil
}

func (l *lister) begin() error {
	switch l.format {
	case "json":
		l.bw.WriteString("[")
	case "csv":
		return l.cw.Write(l.header)
	case "table":
		return l.write0(l.header)
	}
	return nil
}

func (l *lister) write0(cells []string) error {
	_, err := fmt.Fprintln(l.tw, strings.Join(cells, "\t"))
	return err
}

// close ends the listing; empty says what to print for a table with no
// rows (JSON gets [], CSV its header, JSON Lines nothing).
func (l *lister) close(empty string) error {
	if l.rows == 0 {
		switch l.format {
		case "json":
			l.bw.WriteString("[]\n")
		case "csv":
			if err := l.cw.Write(l.header); err != nil {
				return err
			}
		case "table":
			fmt.Fprintln(l.bw, empty)
		}
	} else {
		switch l.format {
		case "json":
			l.bw.WriteString("\n]\n")
		case "table":
			if err := l.tw.Flush(); err != nil {
				return err
			}
		}
	}
	if l.cw != nil {
		l.cw.Flush()
		if err := l.cw.Error(); err != nil {
			return err
		}
	}
	return l.bw.Flush()
}

// cell folds a value onto one line for a table, shows its control
// characters escaped (before the table is aligned, so that the columns
// stay straight) and writes "-" for nothing.
func cell(s string) string {
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.Join(strings.Fields(s), " ")
	}
	s = hygiene.Printable(s)
	if s == "" {
		return "-"
	}
	return s
}

// isTerminal reports whether x (a reader or writer) is an interactive
// terminal: an *os.File on a tty, or a value that says so itself (tests
// use that to play a terminal).
func isTerminal(x any) bool {
	if t, ok := x.(interface{ IsTerminal() bool }); ok {
		return t.IsTerminal()
	}
	if f, ok := x.(*os.File); ok {
		return term.IsTerminal(int(f.Fd()))
	}
	return false
}
