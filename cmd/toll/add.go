package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/internal/par"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
	"github.com/tollproject/toll/tracker/fetch"
	"github.com/tollproject/toll/tracker/ingest"
)

// addBatch is how many reports `toll add` commits per transaction. Each
// commit is an fsync; 200 reports of ~3 KB make a transaction of well
// under 2 MB. BenchmarkAdd measures the choice.
const addBatch = 200

// addBatchBytes caps the text of one batch, so that a batch of long
// reports does not hold hundreds of megabytes in one transaction: with
// tracker.MaxTextBytes a report and tracker.MaxClaims claims a report, the
// memory of `toll add` is bounded by one batch, never by the input.
const addBatchBytes = 16 << 20

// readAheadBytes is about how much input readAhead parses in one group:
// a batch of small files, or one JSONL file or feed alone, so that the
// first extraction starts after one file, not several, and the groups
// keep the cores busy in turn.
const readAheadBytes = 1 << 20

// progressMinFiles is the number of files above which `toll add` shows a
// progress bar (on a terminal only).
const progressMinFiles = 5

// addOptions are the flags of `toll add`.
type addOptions struct {
	DB     string
	Paths  []string
	Source string
	URL    string
	Title  string
	Date   tracker.Date
	// DefaultDate dates the reports whose input gives no date (a
	// dateline's month and day take their year from it).
	DefaultDate tracker.Date
	// Batch is how many reports are committed a transaction (less than 1
	// means addBatch).
	Batch int
	// Timeout bounds the fetch of each address given (zero means
	// fetch.DefaultTimeout).
	Timeout time.Duration
}

func addCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "add",
		Usage:     "store reports and the casualty claims in them",
		ArgsUsage: "PATH...|URL...|-",
		Description: "add reads reports from files (.txt, .md, .html), directories (recursively),\n" +
			"JSON Lines files ({\"source\",\"url\",\"published\",\"title\",\"text\"} a line),\n" +
			"RSS/Atom feeds, web addresses (http:// and https://: a page or a feed, told\n" +
			"apart by its content type; at most 10 MiB, 5 redirects, --timeout each), or\n" +
			"standard input (-), extracts their casualty claims and stores both.\n" +
			"A report's id is a hash of its text: the same text added again is \"already\n" +
			"stored\" and gets no new claims; from another outlet, date or address it is\n" +
			"recorded as a sighting of the report (toll reports and toll show list them),\n" +
			"so a syndicated story counts once. Each report needs a date: the\n" +
			"one in the page, feed item or JSON line (its metadata, else a date written\n" +
			"near the headline or opening the text), else --default-date (a dateline such\n" +
			"as \"PARIS, Oct 9 (Reuters) -\" takes the latest year that puts it on or before\n" +
			"it, so give a day on or just after the reports); --date sets every\n" +
			"report's date whatever the input says. --source, --url and --title\n" +
			"override what the input says. A fetched page records the address it came from,\n" +
			"and its host as the outlet when the page names none. A bad file or address\n" +
			"is reported and skipped; the others are added and the exit status is 1.\n\n" +
			"Examples:\n" +
			"   toll add --source \"Levant Wire\" --date 2023-10-09 article.txt\n" +
			"   toll add reports/                  # every report under reports/\n" +
			"   toll add feed.xml wire.jsonl\n" +
			"   toll add https://example.org/story https://example.org/feed.xml\n" +
			"   curl -s https://example.org/story | toll add --date 2023-10-15 -",
		Flags: []cli.Flag{
			dbFlag(),
			&cli.StringFlag{Name: "source", Usage: "the outlet or publisher of every report added"},
			&cli.StringFlag{Name: "date", Usage: "the published date of every report added, YYYY-MM-DD, whatever the input says"},
			&cli.StringFlag{Name: "default-date", Usage: "the published date of the reports whose input gives none, YYYY-MM-DD"},
			&cli.StringFlag{Name: "url", Usage: "the address of the report"},
			&cli.StringFlag{Name: "title", Usage: "the title of the report (it replaces the headline the input gives)"},
			timeoutFlag(),
		},
		Action: func(c *cli.Context) error {
			opts := addOptions{Paths: c.Args().Slice(), Source: c.String("source"), URL: c.String("url"),
				Title: c.String("title"), Batch: e.batch, Timeout: c.Duration("timeout")}
			if len(opts.Paths) == 0 {
				return usageError{msg: "add: give files, directories, addresses, or - for standard input"}
			}
			if opts.Timeout < 0 {
				return usageError{msg: "add: --timeout must not be negative"}
			}
			d, err := tracker.ParseDate(c.String("date"))
			if err != nil {
				return usageError{msg: fmt.Sprintf("add: --date: %v", err)}
			}
			opts.Date = d
			if opts.DefaultDate, err = tracker.ParseDate(c.String("default-date")); err != nil {
				return usageError{msg: fmt.Sprintf("add: --default-date: %v", err)}
			}
			if !opts.Date.IsZero() && !opts.DefaultDate.IsZero() {
				return usageError{msg: "add: --date sets every report's date; give it or --default-date, not both"}
			}
			if opts.DB, err = dbPath(c.String("db"), e); err != nil {
				return err
			}
			return runAdd(c.Context, opts, e, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// addInput is one thing to read: a file (or "-") or an address to fetch.
type addInput struct {
	path string
	url  bool
}

// pendingReport is a report read and waiting for its batch.
type pendingReport struct {
	origin   string
	dateline ingest.Dateline
	language string // see ingest.Doc.Language
	nr       bolt.NewReport
}

// adder adds reports in batches and counts what happened.
type adder struct {
	opts                    addOptions
	e                       env
	w, ew                   io.Writer
	db                      *bolt.DB
	pending                 []pendingReport
	pendingBytes            int
	added, existing, failed int
	sightings               int
	// addedIDs are the ids of the reports added, in order.
	addedIDs []string
	bar      *progressbar.ProgressBar
	// committing is the batch being committed while the next one is
	// read and extracted, or nil.
	committing *commitJob
}

// commitJob is a batch being committed on a goroutine of its own.
type commitJob struct {
	pending []pendingReport
	done    chan struct{}
	res     []bolt.AddResult
	err     error
}

func runAdd(ctx context.Context, opts addOptions, e env, w, ew io.Writer) error {
	a := &adder{opts: opts, e: e, w: w, ew: ew}
	defer func() {
		if a.db != nil {
			_ = a.wait() // a batch still committing is finished, never cut off
			a.db.Close()
		}
	}()
	if a.opts.Batch < 1 {
		a.opts.Batch = addBatch
	}
	// Each path is expanded on its own, so that one missing path does not
	// stop the others; an address is fetched in its turn.
	var inputs []addInput
	seen := map[string]bool{}
	for _, p := range opts.Paths {
		if fetch.IsURL(p) {
			if !seen[p] {
				seen[p] = true
				inputs = append(inputs, addInput{path: p, url: true})
			}
			continue
		}
		fs, skipped, err := ingest.Files([]string{p})
		for _, s := range skipped {
			// a link that names nothing may have been meant as a report:
			// the run fails; a pipe or a device never holds one
			if s.Broken {
				a.fail(fmt.Errorf("%s: skipped: %s", s.Path, s.Why))
			} else {
				fmt.Fprintf(a.ew, "toll: add: note: skipped %s: %s\n", s.Path, s.Why)
			}
		}
		if err != nil {
			a.fail(err)
			continue
		}
		for _, f := range fs {
			if !seen[f] {
				seen[f] = true
				inputs = append(inputs, addInput{path: f})
			}
		}
	}
	if len(inputs) > progressMinFiles && isTerminal(rawOut(ew)) {
		a.bar = progressbar.NewOptions(len(inputs), progressbar.OptionSetWriter(rawOut(ew)),
			progressbar.OptionSetDescription("adding"), progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	var fetcher *fetch.Fetcher
	stop := make(chan struct{})
	defer close(stop)
	ahead := readAhead(inputs, a.opts.Batch, e.stdin, stop)
	var group readGroup
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			if werr := a.wait(); werr != nil {
				return werr
			}
			a.summary()
			return fmt.Errorf("add: stopped before %s: %w", in.path, err)
		}
		var docs []ingest.Doc
		var err error
		if in.url {
			if fetcher == nil {
				fetcher = newFetcher(e, opts.Timeout)
			}
			docs, err = fetchDocs(ctx, fetcher, in.path)
		} else {
			if i >= group.start+len(group.read) {
				group = <-ahead
			}
			r := &group.read[i-group.start]
			docs, err = r.docs, r.err
			*r = fileRead{} // the batch holds the documents now
		}
		if err != nil {
			if ctx.Err() != nil {
				a.summary()
				return fmt.Errorf("add: stopped at %s: %w", in.path, ctx.Err())
			}
			a.fail(err)
		}
		for _, d := range docs {
			nr, err := a.report(d)
			if err != nil {
				a.fail(err)
				continue
			}
			a.pending = append(a.pending, pendingReport{origin: d.Origin, dateline: d.Dateline, language: d.Language, nr: nr})
			a.pendingBytes += len(nr.Text)
			if len(a.pending) >= a.opts.Batch || a.pendingBytes >= addBatchBytes {
				if err := a.flush(); err != nil {
					return err
				}
			}
		}
		if a.bar != nil {
			a.bar.Add(1)
		}
	}
	if err := a.flush(); err != nil {
		return err
	}
	if err := a.wait(); err != nil {
		return err
	}
	if a.bar != nil {
		a.bar.Finish()
	}
	a.summary()
	if a.failed > 0 {
		return errFailed
	}
	return nil
}

// fileRead is one file input read and parsed ahead of its turn.
type fileRead struct {
	docs []ingest.Doc
	err  error
}

// readGroup is a run of consecutive file inputs, from inputs[start],
// read and parsed together.
type readGroup struct {
	start int
	read  []fileRead
}

// readAhead reads and parses the file inputs (ingest.ReadFile: the
// format, each document's date and language) on every core, a group at a
// time in input order, while the loop of runAdd stores the group before:
// parsing, extraction (PrepareAdd) and the commit of the batch before
// that all proceed at once. A group is a run of consecutive files of at
// most batch files and about readAheadBytes of input (a larger file is a
// group alone), so that memory is bounded by a batch or so, never by the
// input; standard input is a group alone, and an address, fetched by the
// loop in its turn, ends a group. Each file's documents and error are
// what ReadFile returns for it alone, whatever the files beside it, so
// the loop reports a bad file in its place as before. The groups come on
// the channel returned, one ahead of the loop at most, until the inputs
// end or stop is closed.
func readAhead(inputs []addInput, batch int, stdin io.Reader, stop <-chan struct{}) <-chan readGroup {
	ch := make(chan readGroup)
	go func() {
		defer close(ch)
		for i := 0; i < len(inputs); {
			select {
			case <-stop:
				return
			default:
			}
			if inputs[i].url {
				i++
				continue
			}
			j, bytes := i, int64(0)
			for j < len(inputs) && !inputs[j].url && j-i < batch && bytes < readAheadBytes {
				if inputs[j].path == ingest.Stdin {
					if j == i {
						j++
					}
					break
				}
				if fi, err := os.Stat(inputs[j].path); err == nil {
					bytes += fi.Size()
				}
				j++
			}
			g := readGroup{start: i, read: make([]fileRead, j-i)}
			par.Do(j-i, func(k int) {
				g.read[k].docs, g.read[k].err = ingest.ReadFile(inputs[i+k].path, stdin)
			})
			select {
			case ch <- g:
			case <-stop:
				return
			}
			i = j
		}
	}()
	return ch
}

// report builds the report to store from a document and the flags.
func (a *adder) report(d ingest.Doc) (bolt.NewReport, error) {
	nr := bolt.NewReport{Source: d.Source, URL: d.URL, Title: d.Title, Published: d.Published, Text: d.Text}
	if a.opts.Source != "" {
		nr.Source = a.opts.Source
	}
	if a.opts.URL != "" {
		nr.URL = a.opts.URL
	}
	if a.opts.Title != "" {
		// The given title replaces the input's headline in the text
		// too, so that the stored title is the text's marked headline.
		if end := tracker.HeadlineEnd(d.Title, d.Text); end > 0 {
			nr.Text = tracker.WithHeadline(a.opts.Title, strings.TrimLeft(d.Text[end:], "\n"))
		} else if d.Title == "" {
			// a text file has no headline of its own: the given one
			// is read with the body, as a page's or a feed item's is
			// (its figures were stored as the title and never read)
			nr.Text = tracker.WithHeadline(a.opts.Title, d.Text)
		}
		nr.Title = a.opts.Title
	}
	if nr.Title == "" {
		nr.Title = headline(d.Text)
	}
	switch {
	case !a.opts.Date.IsZero():
		nr.Published = a.opts.Date
	case nr.Published.IsZero() && !a.opts.DefaultDate.IsZero():
		if nr.Published = d.Dateline.Resolve(a.opts.DefaultDate); nr.Published.IsZero() {
			nr.Published = a.opts.DefaultDate
		}
	}
	// A report without a date can still be one already stored, which is
	// not an error; the store checks that first. Without a database there
	// is nothing stored, and no reason to create one.
	if nr.Published.IsZero() && a.db == nil {
		if _, err := os.Stat(a.opts.DB); err != nil {
			return nr, noDateError(d.Origin, d.Dateline)
		}
	}
	return nr, nil
}

// headline takes a plain text report's first line as its title when it
// reads as one (a short line with no closing period), as wire copy and
// saved articles start with the headline.
func headline(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	line = strings.TrimSpace(line)
	if line == "" || len([]rune(line)) > 120 || strings.HasSuffix(line, ".") {
		return ""
	}
	return line
}

// languageNote tells a user that a report is not in English, the one
// language toll reads: its claims are few or wrong, and none means
// nothing about casualties.
func languageNote(lang string, claims int) string {
	if claims == 0 {
		return fmt.Sprintf("the report reads as %s; toll reads English only, so 0 claims here means nothing, not no casualties", lang)
	}
	return fmt.Sprintf("the report reads as %s; toll reads English only, so its %d claims may be wrong and others missed", lang, claims)
}

func noDateError(origin string, dl ingest.Dateline) error {
	if !dl.IsZero() {
		return fmt.Errorf("%s: no published date in the input, and its dateline (%s) gives no year: pass --default-date YYYY-MM-DD, a day on or just after it", displayName(origin), dl)
	}
	return fmt.Errorf("%s: no published date in the input: pass --default-date YYYY-MM-DD", displayName(origin))
}

// flush hands the pending reports to the store: the extractor reads them
// on every core (PrepareAdd) while the previous batch is still being
// committed, then they are committed (CommitAdd) on a goroutine of their
// own while the next batch is read. One batch commits at a time, in input
// order, and a report's line is printed only once its batch is committed.
// Memory is bounded by three batches: one read, one extracted, one
// committing. The database is opened on the first flush, so that a run in
// which every input is bad creates nothing.
func (a *adder) flush() error {
	if len(a.pending) == 0 {
		return nil
	}
	if a.db == nil {
		db, err := openWrite(a.opts.DB, a.e)
		if err != nil {
			return fmt.Errorf("add: %w", err)
		}
		a.db = db
	}
	nrs := make([]bolt.NewReport, len(a.pending))
	for i, p := range a.pending {
		nrs[i] = p.nr
	}
	prep, err := a.db.PrepareAdd(nrs)
	if err != nil {
		return err
	}
	if err := a.wait(); err != nil {
		return err
	}
	job := &commitJob{pending: a.pending, done: make(chan struct{})}
	go func() {
		defer close(job.done)
		job.res, job.err = a.db.CommitAdd(prep)
	}()
	a.committing = job
	a.pending, a.pendingBytes = nil, 0
	return nil
}

// wait waits for the batch being committed, if any, and prints a line for
// each of its reports.
func (a *adder) wait() error {
	job := a.committing
	if job == nil {
		return nil
	}
	<-job.done
	a.committing = nil
	if job.err != nil {
		return job.err
	}
	a.clearBar()
	for i, r := range job.res {
		origin := displayName(job.pending[i].origin)
		switch {
		case errors.Is(r.Err, bolt.ErrNoDate):
			a.fail(noDateError(job.pending[i].origin, job.pending[i].dateline))
		case r.Err != nil:
			a.fail(fmt.Errorf("%s: %w", origin, r.Err))
		case r.Existing && r.Sighting != nil:
			a.existing++
			a.sightings++
			fmt.Fprintf(a.w, "%s  %s  %s  already stored; recorded a new sighting %s  (%s)\n", r.Report.ID, r.Report.Published, dash(r.Report.Source), sightingPhrase(*r.Sighting), origin)
		case r.Existing:
			a.existing++
			fmt.Fprintf(a.w, "%s  %s  %s  already stored  (%s)\n", r.Report.ID, r.Report.Published, dash(r.Report.Source), origin)
		default:
			a.added++
			a.addedIDs = append(a.addedIDs, r.Report.ID)
			fmt.Fprintf(a.w, "%s  %s  %s  %d claims  (%s)\n", r.Report.ID, r.Report.Published, dash(r.Report.Source), r.Claims, origin)
			if lang := job.pending[i].language; lang != "" {
				fmt.Fprintf(a.ew, "toll: add: %s: note: %s\n", origin, languageNote(lang, r.Claims))
			}
			for _, d := range r.Refused {
				fmt.Fprintf(a.ew, "toll: add: %s: figure not read at offset %d, %s: %s\n", origin, d.Start,
					strconv.QuoteToASCII(r.Report.Text[d.Start:d.End]), d.Message)
			}
		}
	}
	return nil
}

func (a *adder) fail(err error) {
	a.failed++
	a.clearBar()
	fmt.Fprintf(a.ew, "toll: add: %v\n", err)
}

func (a *adder) clearBar() {
	if a.bar != nil {
		a.bar.Clear()
	}
}

func (a *adder) summary() {
	sightings := ""
	switch {
	case a.sightings == 1:
		sightings = " (1 new sighting)"
	case a.sightings > 1:
		sightings = fmt.Sprintf(" (%d new sightings)", a.sightings)
	}
	fmt.Fprintf(a.w, "added %d, already stored %d%s, failed %d\n", a.added, a.existing, sightings, a.failed)
}

// sightingPhrase says who carried a copy: "by Cedar Times on 2023-10-18",
// "at https://…" when the copy named no outlet.
func sightingPhrase(s tracker.Sighting) string {
	var parts []string
	if s.Source != "" {
		parts = append(parts, "by "+cell(s.Source))
	}
	if !s.Published.IsZero() {
		parts = append(parts, "on "+s.Published.String())
	}
	if s.URL != "" && s.Source == "" {
		parts = append(parts, "at "+cell(s.URL))
	}
	return strings.Join(parts, " ")
}
