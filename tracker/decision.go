package tracker

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// DecisionOp is what a SeriesDecision does.
type DecisionOp string

// The decision ops. Series are named by their short ids ("s1a2b3c4d",
// reconcile.SeriesKey.ID), claims by claim id, decisions by decision id.
const (
	// Merge puts every claim of Series into Other; Other keeps its key
	// and id.
	Merge DecisionOp = "merge"
	// Move puts Claim into Series, or into a series of its own when
	// Series is NewSeries.
	Move DecisionOp = "move"
	// Name gives Series a display name (Text) shown instead of the
	// generated title.
	Name DecisionOp = "name"
	// Note attaches Text to Series, shown with it.
	Note DecisionOp = "note"
	// Undo cancels the earlier decision Undoes.
	Undo DecisionOp = "undo"
)

// DecisionOps lists every DecisionOp, in a new slice each call (see Categories).
func DecisionOps() []DecisionOp { return []DecisionOp{Merge, Move, Name, Note, Undo} }

// ParseDecisionOp returns the DecisionOp named s, or ErrUnknownDecisionOp.
func ParseDecisionOp(s string) (DecisionOp, error) {
	for _, op := range DecisionOps() {
		if string(op) == s {
			return op, nil
		}
	}
	return "", fmt.Errorf("%w %q (want one of %s)", ErrUnknownDecisionOp, s, joinNames(DecisionOps()))
}

// NewSeries is the Series of a Move that sets a claim apart in a series
// of its own.
const NewSeries = "new"

// MaxDecisionText caps a name or a note, in bytes.
const MaxDecisionText = 2000

// SeriesDecision is a user's decision about which figures measure one
// quantity, overriding how reconcile forms series: merge two series, move
// a claim, name or annotate a series, or undo an earlier decision.
// Decisions are kept in order and applied in that order to the claims at
// hand; one that names a series or claim no longer there is skipped and
// reported, never an error, since re-extraction may have changed the
// claims since it was made.
type SeriesDecision struct {
	// ID is the decision's short stable id (see MakeID).
	ID string     `json:"id"`
	Op DecisionOp `json:"op"`
	// Series is the series a decision is about: the one merged away
	// (merge), the target (move; NewSeries for a series of its own), the
	// one named or annotated (name, note).
	Series string `json:"series,omitempty"`
	// Other is the series a merge keeps.
	Other string `json:"other,omitempty"`
	// Claim is the claim a move moves.
	Claim string `json:"claim,omitempty"`
	// Text is a name's or a note's words.
	Text string `json:"text,omitempty"`
	// Undoes is the decision an undo cancels.
	Undoes string `json:"undoes,omitempty"`
	// At is when the decision was made.
	At time.Time `json:"at"`
}

// MakeID returns the id a decision gets from its contents and time: "d"
// and the first 8 hex digits of a SHA-256 over its fields. The id does not
// depend on ID itself.
func (d SeriesDecision) MakeID() string {
	fields := []string{string(d.Op), d.Series, d.Other, d.Claim, d.Text, d.Undoes, d.At.UTC().Format(time.RFC3339Nano)}
	h := sha256.Sum256([]byte(strings.Join(fields, "\x1f")))
	return "d" + hex.EncodeToString(h[:4])
}

// Validate reports the first problem that makes d unusable: a missing id
// or time, an unknown op, or fields that do not fit the op (a merge names
// two different series and nothing else, a move a claim and a series, a
// name or note a series and one line of text, an undo another decision).
func (d SeriesDecision) Validate() error {
	if d.ID == "" || strings.ContainsFunc(d.ID, isSpaceOrControl) {
		return fmt.Errorf("%w: id %q", ErrInvalidDecision, d.ID)
	}
	if _, err := ParseDecisionOp(string(d.Op)); err != nil {
		return fmt.Errorf("decision %s: %w", d.ID, err)
	}
	if d.At.IsZero() {
		return fmt.Errorf("%w %s: no time", ErrInvalidDecision, d.ID)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w %s (%s): %s", ErrInvalidDecision, d.ID, d.Op, fmt.Sprintf(format, args...))
	}
	for _, f := range []struct{ name, v string }{{"series", d.Series}, {"other", d.Other}, {"claim", d.Claim}, {"undoes", d.Undoes}} {
		if strings.ContainsFunc(f.v, isSpaceOrControl) {
			return bad("%s %q holds white space", f.name, f.v)
		}
	}
	want := map[string]bool{}
	switch d.Op {
	case Merge:
		want = map[string]bool{"series": true, "other": true}
		if d.Series != "" && d.Series == d.Other {
			return bad("merges series %s into itself", d.Series)
		}
		if d.Series == NewSeries || d.Other == NewSeries {
			return bad("%q is not a series to merge", NewSeries)
		}
	case Move:
		want = map[string]bool{"series": true, "claim": true}
	case Name, Note:
		want = map[string]bool{"series": true, "text": true}
		if d.Series == NewSeries {
			return bad("%q is not a series to %s", NewSeries, d.Op)
		}
		if !utf8.ValidString(d.Text) || strings.TrimSpace(d.Text) != d.Text || strings.ContainsFunc(d.Text, isControl) {
			return bad("text %q must be one line without surrounding spaces", d.Text)
		}
		if len(d.Text) > MaxDecisionText {
			return bad("text is %d bytes, the most is %d", len(d.Text), MaxDecisionText)
		}
	case Undo:
		want = map[string]bool{"undoes": true}
		if d.Undoes == d.ID {
			return bad("undoes itself")
		}
	}
	for _, f := range []struct{ name, v string }{
		{"series", d.Series}, {"other", d.Other}, {"claim", d.Claim}, {"text", d.Text}, {"undoes", d.Undoes},
	} {
		switch {
		case want[f.name] && f.v == "":
			return bad("%s is empty", f.name)
		case !want[f.name] && f.v != "":
			return bad("%s %q does not belong to a %s", f.name, f.v, d.Op)
		}
	}
	return nil
}

// String describes the decision in a few words: "merge s1a2b3c4d into
// s5e6f7a8b", "move claim 385da025b392-3 to new".
func (d SeriesDecision) String() string {
	switch d.Op {
	case Merge:
		return fmt.Sprintf("merge %s into %s", d.Series, d.Other)
	case Move:
		return fmt.Sprintf("move claim %s to %s", d.Claim, d.Series)
	case Name:
		return fmt.Sprintf("name %s %q", d.Series, d.Text)
	case Note:
		return fmt.Sprintf("note on %s %q", d.Series, d.Text)
	case Undo:
		return "undo " + d.Undoes
	}
	return string(d.Op)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' }

func isSpaceOrControl(r rune) bool { return r == ' ' || r == '\u00a0' || isControl(r) }
