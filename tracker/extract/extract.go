package extract

import (
	"fmt"
	"slices"

	"github.com/tollproject/toll/tracker"
)

// Version names the extractor's rules. It changes whenever a change to the
// rules can change what is extracted, so that stored reports read by an
// older extractor can be found and re-read (toll reextract).
const Version = "1"

// Options are the extractor's inputs besides the text.
type Options struct {
	// Date is the report's date. It dates every claim (Claim.AsOf) and
	// resolves relative dates ("since Saturday"); when zero, relative
	// dates are kept as written.
	Date tracker.Date
}

// Extract returns every casualty claim in text, in text order. It fails
// only for text that cannot be a report (see tracker.CheckText); strange
// text gives fewer claims and some diagnostics, never an error.
func Extract(text string, opts Options) (res tracker.Extraction, err error) {
	if err := tracker.CheckText(text); err != nil {
		return tracker.Extraction{}, err
	}
	// A bug in a clause rule must cost the user one report, not the
	// whole batch: it comes back as ErrInternal (the fuzz test fails on it).
	defer func() {
		if r := recover(); r != nil {
			res, err = tracker.Extraction{}, fmt.Errorf("%w: extractor failed: %v", tracker.ErrInternal, r)
		}
	}()
	return extract(text, opts), nil
}

// Report reads a stored or incoming report: its text, dated by its
// publication date. It is a tracker.ExtractFunc.
func Report(r tracker.Report) (tracker.Extraction, error) {
	return Extract(r.Text, Options{Date: r.Published})
}

// extract runs the extractor over a whole text.
func extract(text string, opts Options) tracker.Extraction {
	var res tracker.Extraction
	sents := splitSentences(text, nil)
	toks := make([]token, 0, 64)
	var lowb []byte // lowercasing scratch
	s := &sentence{text: text, date: opts.Date}
	for _, sp := range sents {
		if !mayHoldClaim(text[sp.start:sp.end]) {
			continue
		}
		toks, lowb = lexText(text, sp.start, sp.end, toks[:0], lowb)
		// A "sentence" longer than any real one (a table or a list with
		// no periods) is read in windows, which keeps the clause rules'
		// cost bounded whatever the input.
		for a := 0; a < len(toks); a += maxSentenceTokens {
			b := min(a+maxSentenceTokens, len(toks))
			w := toks[a:b]
			s.reset(span{w[0].start, w[len(w)-1].end}, w)
			res.Claims = s.claims(res.Claims)
			slices.SortStableFunc(s.diags, func(a, b tracker.Diagnostic) int { return a.Start - b.Start })
			res.Diagnostics = append(res.Diagnostics, s.diags...)
		}
	}
	return res
}

// maxSentenceTokens bounds the tokens read as one sentence. News
// sentences run to 60 tokens, rarely 120.
const maxSentenceTokens = 160
