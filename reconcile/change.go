package reconcile

import (
	"encoding/json"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

// Change is the difference between two figures as an interval: every
// value later − earlier can take when each figure is anywhere in its own
// interval. An end is open (unbounded) when a figure it depends on has no
// upper bound: from "at least 250" to "at least 1,300" the change is
// unknown in both directions, and Change says so rather than inventing
// +1,050.
type Change struct {
	Low, High         decimal.Decimal
	LowOpen, HighOpen bool
}

// difference returns b − a.
func difference(b, a tracker.Interval) Change {
	var c Change
	if a.Unbounded {
		c.LowOpen = true
	} else {
		c.Low = b.Low.Sub(a.High)
	}
	if b.Unbounded {
		c.HighOpen = true
	} else {
		c.High = b.High.Sub(a.Low)
	}
	return c
}

// Known reports whether the change is bounded on at least one side.
func (c Change) Known() bool { return !c.LowOpen || !c.HighOpen }

// Overlaps reports whether some value of the change lies in iv.
func (c Change) Overlaps(iv tracker.Interval) bool {
	if !c.HighOpen && c.High.Cmp(iv.Low) < 0 {
		return false
	}
	if !c.LowOpen && !iv.Unbounded && c.Low.Cmp(iv.High) > 0 {
		return false
	}
	return true
}

// String writes the change: "+429", "+400 to +450", "≥ +1,050" (only a
// lower bound is known), "≤ +1,002" (only an upper bound), "?" (neither).
func (c Change) String() string {
	switch {
	case c.LowOpen && c.HighOpen:
		return "?"
	case c.LowOpen:
		return "≤ " + signed(c.High)
	case c.HighOpen:
		return "≥ " + signed(c.Low)
	case c.Low.Equal(c.High):
		return signed(c.Low)
	}
	return signed(c.Low) + " to " + signed(c.High)
}

// signed writes n with its sign and thousands separators: "+429", "-33",
// "0".
func signed(n decimal.Decimal) string {
	if n.Sign() > 0 {
		return "+" + tracker.FormatCount(n)
	}
	return tracker.FormatCount(n)
}

// changeJSON is Change on the wire: whole numbers, null for an open end.
type changeJSON struct {
	Low  *json.Number `json:"low"`
	High *json.Number `json:"high"`
}

// MarshalJSON writes {"low": n, "high": n}, null for an open end.
func (c Change) MarshalJSON() ([]byte, error) {
	var w changeJSON
	if !c.LowOpen {
		n := json.Number(c.Low.String())
		w.Low = &n
	}
	if !c.HighOpen {
		n := json.Number(c.High.String())
		w.High = &n
	}
	return json.Marshal(w)
}

// intervalJSON is an interval on the wire: whole numbers, high null when
// unbounded (the form tracker uses for claims).
type intervalJSON struct {
	Low  json.Number  `json:"low"`
	High *json.Number `json:"high"`
}

func wireInterval(iv tracker.Interval) intervalJSON {
	w := intervalJSON{Low: json.Number(iv.Low.String())}
	if !iv.Unbounded {
		h := json.Number(iv.High.String())
		w.High = &h
	}
	return w
}

// hull returns the smallest interval holding all of ivs (which must not
// be empty).
func hull(ivs ...tracker.Interval) tracker.Interval {
	h := ivs[0]
	for _, iv := range ivs[1:] {
		if iv.Low.Cmp(h.Low) < 0 {
			h.Low = iv.Low
		}
		if iv.Unbounded {
			h.Unbounded = true
		} else if !h.Unbounded && iv.High.Cmp(h.High) > 0 {
			h.High = iv.High
		}
	}
	if h.Unbounded {
		h.High = decimal.Decimal{}
	}
	return h
}

// below reports whether every value of b is below every value of a: b's
// upper bound under a's lower bound. An unbounded b is never below.
func below(b, a tracker.Interval) bool {
	return !b.Unbounded && b.High.Cmp(a.Low) < 0
}
