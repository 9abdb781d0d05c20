package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress is a progress bar for a long command (reextract --all,
// import), drawn on standard error only when that is a terminal, so that
// logs and pipes never get its carriage returns. A nil *progress does
// nothing, so callers need no checks. It uses schollz/progressbar, which
// toll add already draws with: throttled redraws, counts and bytes, and a
// Clear for printing a line under it.
type progress struct{ bar *progressbar.ProgressBar }

// newProgress returns a bar of total steps (bytes when inBytes; -1 for an
// unknown total, a spinner) described as what, or nil when stderr is not
// a terminal or there is nothing to count.
func newProgress(stderr io.Writer, total int64, what string, inBytes bool) *progress {
	w := rawOut(stderr)
	if total == 0 || !isTerminal(w) {
		return nil
	}
	opts := []progressbar.Option{progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(what),
		progressbar.OptionThrottle(100 * time.Millisecond), progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30), progressbar.OptionSetRenderBlankState(true)}
	if inBytes {
		opts = append(opts, progressbar.OptionShowBytes(true))
	} else {
		opts = append(opts, progressbar.OptionShowCount())
	}
	return &progress{bar: progressbar.NewOptions64(total, opts...)}
}

// Add moves the bar n steps.
func (p *progress) Add(n int) {
	if p != nil {
		p.bar.Add(n)
	}
}

// Clear takes the bar off the line, before a line is printed; the next
// Add draws it again.
func (p *progress) Clear() {
	if p != nil {
		p.bar.Clear()
	}
}

// Finish ends the bar and clears it.
func (p *progress) Finish() {
	if p != nil {
		p.bar.Finish()
	}
}

// countingReader moves a progress bar by the bytes read through it.
type countingReader struct {
	r io.Reader
	p *progress
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.Add(n)
	return n, err
}
