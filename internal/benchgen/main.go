// Command benchgen writes generated news reports as JSON Lines files for
// toll's benchmark (scripts/bench): realistic casualty copy in its own
// words about seven made-up running stories (wars, an earthquake, floods,
// raids, protests) with figures that grow day by day, twelve outlets and
// five sources a story, spread over most of a year, so that timelines,
// diffs and checks over the database have real work to do.
//
//	go run ./internal/benchgen -claims 1000000 -out /tmp/bench/reports
//	go run ./internal/benchgen -reports 10000 -seed 2 -out /tmp/bench/add
//
// With -claims it runs toll's extractor over each report as it writes it
// and stops once the reports hold that many claims (the number toll add
// will store); with -reports it writes exactly that many. Reports go
// -per-file to a file (reports-00000.jsonl, ...), each well under toll
// add's file cap. The same seed gives the same files.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/extract"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
}

type options struct {
	claims, reports, size, perFile int
	seed                           uint64
	out                            string
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("benchgen", flag.ContinueOnError)
	var o options
	fs.IntVar(&o.claims, "claims", 0, "write reports until they hold this many claims")
	fs.IntVar(&o.reports, "reports", 0, "write exactly this many reports")
	fs.IntVar(&o.size, "size", 3000, "bytes of text a report")
	fs.IntVar(&o.perFile, "per-file", 2000, "reports a file")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed")
	fs.StringVar(&o.out, "out", "", "directory to write into (created; must be empty)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case (o.claims > 0) == (o.reports > 0):
		return errors.New("give one of -claims N or -reports N")
	case o.out == "":
		return errors.New("give -out DIR")
	case o.size < 200 || o.size > tracker.MaxTextBytes/2:
		return fmt.Errorf("-size %d: want 200 to %d bytes", o.size, tracker.MaxTextBytes/2)
	case o.perFile < 1:
		return fmt.Errorf("-per-file %d: want at least 1", o.perFile)
	}
	st, err := generate(o)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d reports, %d claims, %d bytes of text in %d files under %s\n",
		st.reports, st.claims, st.bytes, st.files, o.out)
	return nil
}

type stats struct{ reports, claims, bytes, files int }

func generate(o options) (stats, error) {
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return stats{}, err
	}
	if ents, err := os.ReadDir(o.out); err != nil {
		return stats{}, err
	} else if len(ents) > 0 {
		return stats{}, fmt.Errorf("%s is not empty", o.out)
	}
	g := newGen(o.seed, o.size)
	var st stats
	var f *os.File
	var bw *bufio.Writer
	closeFile := func() error {
		if f == nil {
			return nil
		}
		err := bw.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		f = nil
		return err
	}
	for i := 0; ; i++ {
		if o.reports > 0 && st.reports >= o.reports || o.claims > 0 && st.claims >= o.claims {
			break
		}
		d := g.report(i)
		if o.claims > 0 {
			published, err := tracker.ParseDate(d.Published)
			if err != nil {
				return st, err
			}
			res, err := extract.Report(tracker.Report{Source: d.Source, Title: d.Title, Published: published, Text: d.Text})
			if err != nil {
				return st, fmt.Errorf("report %d: %w", i, err)
			}
			st.claims += len(res.Claims)
		}
		if f == nil {
			var err error
			f, err = os.Create(filepath.Join(o.out, fmt.Sprintf("reports-%05d.jsonl", st.files)))
			if err != nil {
				return st, err
			}
			bw = bufio.NewWriterSize(f, 1<<20)
			st.files++
		}
		line, err := json.Marshal(d)
		if err != nil {
			return st, err
		}
		bw.Write(line)
		bw.WriteByte('\n')
		st.reports++
		st.bytes += len(d.Text)
		if st.reports%o.perFile == 0 {
			if err := closeFile(); err != nil {
				return st, err
			}
		}
	}
	return st, closeFile()
}
