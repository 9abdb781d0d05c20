package tracker

// Diagnostic is a place in a report's text that an extractor could not
// read with confidence ("casualties" lumps the dead and the injured, a
// guess is not a figure), kept so a user can look. It never stops
// extraction.
type Diagnostic struct {
	Start, End int
	Message    string
	// Refused marks a figure the text gives that the extractor would not
	// read because it cannot be sure of its digits (another script's
	// digits, a control character inside): reading it anyway could give a
	// smaller figure. toll add reports these.
	Refused bool `json:",omitempty"`
}

// Extraction is what an extractor found in one report: its claims in text
// order and its diagnostics.
type Extraction struct {
	Claims      []Claim
	Diagnostics []Diagnostic
}

// ExtractFunc reads the claims of one report. It is how the store and the
// other packages that need an extractor are handed one (cmd/toll passes
// extract's), so that they depend on the domain, not on the extractor. It
// fails only for text that cannot be a report (see CheckText). The store
// calls it on several goroutines at once and before the report is stored
// (r.Added is still zero): it must be safe for concurrent use.
type ExtractFunc func(r Report) (Extraction, error)
