package reconcile

import "errors"

// The sentinel errors of package reconcile. Callers test them with
// errors.Is; the messages wrapping them name the value, the line or the
// claim.
var (
	// ErrBadTaxonomy is a taxonomy file line that cannot be read.
	ErrBadTaxonomy = errors.New("bad taxonomy")
	// ErrUnknownFormat is an output format a renderer does not write.
	ErrUnknownFormat = errors.New("unknown format")
	// ErrUnknownView is a timeline view other than sources, range or
	// conservative.
	ErrUnknownView = errors.New("unknown view")
	// ErrUnknownSeverity is a severity other than info, warning or error.
	ErrUnknownSeverity = errors.New("unknown severity")
	// ErrBadOptions is an option value no entry point accepts (a negative
	// window).
	ErrBadOptions = errors.New("bad options")
	// ErrInvalidClaim is an input claim that fails tracker validation; the
	// message names the claim.
	ErrInvalidClaim = errors.New("invalid claim")
	// ErrTooManySeries is a chart asked for more series than it can draw
	// legibly; the message says how to narrow it.
	ErrTooManySeries = errors.New("too many series for one chart")
)
