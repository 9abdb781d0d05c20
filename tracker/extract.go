package tracker

import "fmt"

// ExtractorVersion names the extractor's rules. It changes whenever a
// change to the rules can change what is extracted, so that stored reports
// read by an older extractor can be found and re-read (toll reextract).
const ExtractorVersion = "1"

// Options are the extractor's inputs besides the text.
type Options struct {
	// Date is the report's date. It dates every claim (Claim.AsOf) and
	// resolves relative dates ("since Saturday"); when zero, relative
	// dates are kept as written.
	Date Date
}

// Diagnostic is a place in the text the extractor could not read with
// confidence, kept so a user can look; it never stops extraction.
type Diagnostic struct {
	Start, End int
	Message    string
}

// Result is what Extract found.
type Result struct {
	Claims      []Claim
	Diagnostics []Diagnostic
}

// Extract returns every casualty claim in text, in text order. It fails
// only for text that cannot be a report (see CheckText); strange text gives
// fewer claims and some diagnostics, never an error.
func Extract(text string, opts Options) (res Result, err error) {
	if err := checkText(text); err != nil {
		return Result{}, err
	}
	// A bug in a clause rule must cost the user one report, not the
	// whole batch: it comes back as ErrInternal (the fuzz test fails on it).
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("%w: extractor failed: %v", ErrInternal, r)
		}
	}()
	return extract(text, opts), nil
}
