package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
	"github.com/tollproject/toll/tracker/bolt"
	"github.com/tollproject/toll/tracker/fetch"
	"github.com/tollproject/toll/tracker/ingest"
)

// defaultEvery is how often toll watch polls unless told.
const defaultEvery = 30 * time.Minute

// watchOptions are the flags of `toll watch`.
type watchOptions struct {
	URLs []string
	// Every is the time between polls.
	Every time.Duration
	// Count is the number of polls; 0 polls until stopped.
	Count int
	// Add holds the database, --source, --date and --timeout, applied to
	// every item as toll add applies them.
	Add addOptions
	// Series are the options findings are computed with (the taxonomy).
	Series reconcile.Options
}

func watchCommand(e env) *cli.Command {
	return &cli.Command{
		Name:      "watch",
		Usage:     "poll feeds and pages, adding new reports and printing new claims and findings",
		ArgsUsage: "FEED-OR-URL...",
		Description: "watch fetches each address (an RSS/Atom feed or a page, over http or https)\n" +
			"now and then every --every, adds the items it has not seen (an item is new\n" +
			"when its link, or its text, is; a text already stored from another outlet\n" +
			"is recorded as a sighting), and prints each new report with its claims and\n" +
			"the findings of toll check that the new claims brought. The database is\n" +
			"opened only while a poll adds something, so other toll commands can use it\n" +
			"in between. An address that fails is named and polled again next time.\n" +
			"Interrupt (Ctrl-C) stops it cleanly; --count N or --once stops it after N\n" +
			"polls, with status 1 if any address failed.\n\n" +
			"Examples:\n" +
			"   toll watch https://example.org/world/rss.xml --every 15m\n" +
			"   toll watch --once https://example.org/feed.xml https://example.org/live-page",
		Flags: []cli.Flag{
			dbFlag(),
			&cli.DurationFlag{Name: "every", Value: defaultEvery, Usage: "time between polls (e.g. 10m, 1h)"},
			&cli.IntFlag{Name: "count", Usage: "stop after this many polls (default: until interrupted)"},
			&cli.BoolFlag{Name: "once", Usage: "poll once and stop (--count 1)"},
			&cli.StringFlag{Name: "source", Usage: "the outlet of every item added (default: the feed's or page's)"},
			&cli.StringFlag{Name: "date", Usage: "the published date of every item added, YYYY-MM-DD"},
			timeoutFlag(),
			taxonomyFlag(),
		},
		Action: func(c *cli.Context) error {
			opts := watchOptions{URLs: c.Args().Slice(), Every: c.Duration("every"), Count: c.Int("count")}
			if len(opts.URLs) == 0 {
				return usageError{msg: "watch: give one or more feed or page addresses (http:// or https://)"}
			}
			for _, u := range opts.URLs {
				if !fetch.IsURL(u) {
					return usageError{msg: fmt.Sprintf("watch: %s is not an address (watch polls http and https addresses; toll add reads files)", u)}
				}
				if _, err := fetch.CheckURL(u); err != nil {
					return usageError{msg: "watch: " + err.Error()}
				}
			}
			switch {
			case opts.Every <= 0:
				return usageError{msg: fmt.Sprintf("watch: --every %v: want a positive duration such as 30m", opts.Every)}
			case opts.Count < 0:
				return usageError{msg: fmt.Sprintf("watch: --count %d: want 1 or more", opts.Count)}
			case c.Bool("once") && opts.Count > 1:
				return usageError{msg: "watch: --once and --count disagree; give one"}
			case c.Bool("once"):
				opts.Count = 1
			}
			d, err := tracker.ParseDate(c.String("date"))
			if err != nil {
				return usageError{msg: fmt.Sprintf("watch: --date: %v", err)}
			}
			opts.Add = addOptions{Source: c.String("source"), Date: d, Batch: addBatch, Timeout: c.Duration("timeout")}
			if opts.Add.Timeout < 0 {
				return usageError{msg: "watch: --timeout must not be negative"}
			}
			if opts.Series, err = filterOptions(c, ""); err != nil {
				return err
			}
			if opts.Add.DB, err = dbPath(c.String("db"), e); err != nil {
				return err
			}
			return runWatch(c.Context, opts, e, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// ticker is what watch waits on between polls: time.NewTicker, or a
// channel a test sends on.
type ticker func(d time.Duration) (c <-chan time.Time, stop func())

func realTicker(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTicker(d)
	return t.C, t.Stop
}

// watcher is one run of toll watch: what it has seen, per address and
// item, across polls.
type watcher struct {
	opts    watchOptions
	e       env
	w, ew   io.Writer
	fetcher *fetch.Fetcher
	// seen maps an item (itemKey) to the id of the text
	// it had when last seen: the same item with the same text is skipped
	// without touching the database; a changed text is a new report.
	seen map[string]string
	// validators are each address's ETag and Last-Modified, for
	// conditional fetches.
	validators map[string][2]string
	failed     int
}

func runWatch(ctx context.Context, opts watchOptions, e env, w, ew io.Writer) error {
	wt := &watcher{opts: opts, e: e, w: w, ew: ew, fetcher: newFetcher(e, opts.Add.Timeout),
		seen: map[string]string{}, validators: map[string][2]string{}}
	tick := e.ticker
	if tick == nil {
		tick = realTicker
	}
	var ticks <-chan time.Time
	if opts.Count != 1 {
		c, stop := tick(opts.Every)
		defer stop()
		ticks = c
	}
	for round := 1; ; round++ {
		if err := wt.poll(ctx); err != nil {
			if ctx.Err() != nil {
				break
			}
			return err
		}
		if opts.Count > 0 && round >= opts.Count {
			break
		}
		select {
		case <-ctx.Done():
		case <-ticks:
		}
		if ctx.Err() != nil {
			break
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintf(w, "%s  stopped\n", wt.stamp())
		return nil
	}
	if wt.failed > 0 {
		return errFailed
	}
	return nil
}

// stamp is the time a line of watch happened, in UTC to the second.
func (wt *watcher) stamp() string {
	return wt.e.now().UTC().Format("2006-01-02 15:04:05Z")
}

// poll fetches every address once and adds what is new. Only a cancelled
// context is an error: an address that fails, or a store that fails (the
// database locked by another toll), is named and counted, and the poll's
// new items are tried again at the next poll.
func (wt *watcher) poll(ctx context.Context) error {
	var fresh []ingest.Doc
	// undo restores what seen said of the fresh items, so that a poll
	// whose store fails tries them again next time.
	undo := map[string]string{}
	// validators are kept only once the poll's items are stored: a 304
	// next time must not hide items that failed to be.
	validators := map[string][2]string{}
	for _, u := range wt.opts.URLs {
		v := wt.validators[u]
		docs, page, err := fetchDocsIfChanged(ctx, wt.fetcher, u, v[0], v[1])
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			wt.failed++
			fmt.Fprintf(wt.ew, "toll: watch: %v\n", err)
			continue
		}
		validators[u] = [2]string{page.ETag, page.LastModified}
		if page.NotModified {
			if page.ETag == "" && page.LastModified == "" {
				validators[u] = v // a 304 need not repeat them
			}
			fmt.Fprintf(wt.w, "%s  %s: not modified\n", wt.stamp(), u)
			continue
		}
		n := 0
		for _, d := range docs {
			key := itemKey(d)
			id := tracker.ReportID(d.Text)
			if wt.seen[key] == id {
				continue
			}
			if _, ok := undo[key]; !ok {
				undo[key] = wt.seen[key]
			}
			wt.seen[key] = id
			fresh = append(fresh, d)
			n++
		}
		fmt.Fprintf(wt.w, "%s  %s: %s, %d new\n", wt.stamp(), u, plural(len(docs), "item"), n)
	}
	keep := func() {
		for u, v := range validators {
			wt.validators[u] = v
		}
	}
	if len(fresh) == 0 {
		keep()
		return nil
	}
	err := wt.store(ctx, fresh)
	if err == nil {
		keep()
	}
	if err == nil || ctx.Err() != nil {
		return err
	}
	// The database in use by another toll for longer than the lock
	// timeout, a full disk: this poll's items wait for the next one.
	wt.failed++
	fmt.Fprintf(wt.ew, "toll: %v (the new items are tried again at the next poll)\n", err)
	for k, v := range undo {
		if v == "" {
			delete(wt.seen, k)
		} else {
			wt.seen[k] = v
		}
	}
	return nil
}

// store adds the new items in one batch and prints the new reports'
// claims and the findings they brought (reconcile.Check before and after).
func (wt *watcher) store(ctx context.Context, docs []ingest.Doc) error {
	db, err := openWrite(wt.opts.Add.DB, wt.e)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer db.Close()
	before, err := wt.findings(ctx, db)
	if err != nil {
		return err
	}
	a := &adder{opts: wt.opts.Add, e: wt.e, w: wt.w, ew: wt.ew, db: db}
	for _, d := range docs {
		nr, err := a.report(d)
		if err != nil {
			a.fail(err)
			continue
		}
		a.pending = append(a.pending, pendingReport{origin: d.Origin, nr: nr})
	}
	if err := a.flush(); err != nil {
		return err
	}
	if err := a.wait(); err != nil {
		return err
	}
	wt.failed += a.failed
	for _, id := range a.addedIDs {
		claims, err := db.Claims(id)
		if err != nil {
			return fmt.Errorf("watch: %w", err)
		}
		if len(claims) == 0 {
			continue
		}
		l := newLister("table", wt.w, []string{"  ID", "DATE", "CATEGORY", "FIGURE", "INTERVAL", "WHO", "WHERE", "SOURCE", "STATUS"})
		for _, sc := range claims {
			cells := claimCells(sc)
			cells[0] = "  " + cells[0]
			if err := l.write(nil, cells); err != nil {
				return err
			}
		}
		if err := l.close(""); err != nil {
			return err
		}
	}
	if len(a.addedIDs) == 0 {
		return nil
	}
	after, err := wt.check(ctx, db)
	if err != nil {
		return err
	}
	var fresh reconcile.Findings
	for _, f := range after {
		if !before[f.ID] {
			fresh = append(fresh, f)
		}
	}
	if len(fresh) == 0 {
		fmt.Fprintf(wt.w, "%s  no new findings\n", wt.stamp())
		return nil
	}
	fmt.Fprintf(wt.w, "%s  %s:\n", wt.stamp(), plural(len(fresh), "new finding"))
	return fresh.Write(wt.w, reconcile.FormatTable)
}

// itemKey is what names a feed item or page across polls: the feed's
// guid, else the link, else where it was read ("URL: item 3").
func itemKey(d ingest.Doc) string {
	switch {
	case d.GUID != "":
		return "guid " + d.GUID
	case d.URL != "":
		return "url " + d.URL
	}
	return "origin " + d.Origin
}

// findings returns the ids of the findings toll check would list now.
func (wt *watcher) findings(ctx context.Context, db *bolt.DB) (map[string]bool, error) {
	fs, err := wt.check(ctx, db)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]bool, len(fs))
	for _, f := range fs {
		ids[f.ID] = true
	}
	return ids, nil
}

func (wt *watcher) check(ctx context.Context, db *bolt.DB) (reconcile.Findings, error) {
	claims, err := loadClaims(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	opts := wt.opts.Series // with the series decisions as they stand at each poll
	if err := useDecisions(db, &opts); err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	fs, err := reconcile.Check(claims, opts)
	if err != nil {
		return nil, fmt.Errorf("watch: check: %w", err)
	}
	return fs, nil
}

// plural writes a count with its noun: "1 item", "3 items".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
