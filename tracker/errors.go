package tracker

import "errors"

// The sentinel errors of the domain. Callers test them with errors.Is; the
// messages wrapping them name the value and the place.
var (
	// ErrUnknownCategory is a category name outside Categories.
	ErrUnknownCategory = errors.New("unknown category")
	// ErrUnknownQualifier is a qualifier name outside Qualifiers.
	ErrUnknownQualifier = errors.New("unknown qualifier")
	// ErrUnknownScope is a scope other than cumulative, period or unknown.
	ErrUnknownScope = errors.New("unknown scope")
	// ErrUnknownStatus is a review status outside Statuses.
	ErrUnknownStatus = errors.New("unknown review status")
	// ErrInvalidClaim is a claim whose fields contradict each other.
	ErrInvalidClaim = errors.New("invalid claim")
	// ErrBadDate is a date not written YYYY-MM-DD.
	ErrBadDate = errors.New("bad date")
	// ErrTooLarge is input over MaxTextBytes.
	ErrTooLarge = errors.New("text too large")
	// ErrBinary is input that looks like a binary file (NUL bytes).
	ErrBinary = errors.New("binary input")
	// ErrInvalidUTF8 is input that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrEmptyText is a report with no text.
	ErrEmptyText = errors.New("empty text")
	// ErrNotWholeCount is a count that is not a whole number of people
	// written as digits: a sign, a fraction, an exponent, other characters.
	ErrNotWholeCount = errors.New("not a whole number of people")
	// ErrTooManyDigits is a number written with more than MaxCountDigits
	// digits.
	ErrTooManyDigits = errors.New("too many digits")
	// ErrCountTooLarge is a count above MaxCount.
	ErrCountTooLarge = errors.New("count too large")
	// ErrTooManyClaims is a report that yields or holds more than
	// MaxClaims claims.
	ErrTooManyClaims = errors.New("too many claims")
	// ErrUnknownDecisionOp is a series decision op outside DecisionOps.
	ErrUnknownDecisionOp = errors.New("unknown decision op")
	// ErrInvalidDecision is a series decision whose fields do not fit its
	// op.
	ErrInvalidDecision = errors.New("invalid series decision")
	// ErrInternal is a bug in toll, reported instead of crashing.
	ErrInternal = errors.New("internal error")
)
