package reconcile

import (
	"io"
	"iter"
	"slices"

	"github.com/tollproject/toll/tracker"
)

// found is one finding as Check holds it until it is read: its message
// and the records it cites (checker.cited[lo:hi]), not its claims' text.
type found struct {
	id     uint64 // findingKey
	msg    string
	series int32
	day    int32 // the latest of its records' days
	lo, hi int32
	kind   uint8 // index in Kinds()
	sev    Severity
}

// CheckedFindings is Check's findings held compactly, in Findings'
// order: each Finding, with the claims it cites, is built when it is read
// (At, All, Write), so that a million findings are not all in memory at
// once as Findings (which Findings builds).
type CheckedFindings struct {
	p     *prep
	out   []found
	cited []int32
	acks  map[string]tracker.Ack
}

// Len returns the number of findings.
func (cf *CheckedFindings) Len() int { return len(cf.out) }

// ID returns finding i's id without building the finding.
func (cf *CheckedFindings) ID(i int) string { return findingID(cf.out[i].id) }

// At builds finding i, with its acknowledgement when Acknowledge was
// given one for it.
func (cf *CheckedFindings) At(i int) Finding { return cf.at(i, nil) }

// at is At, the claims cited built into refs (reused) when it is not nil.
func (cf *CheckedFindings) at(i int, refs *[]ClaimRef) Finding {
	p, fd := cf.p, &cf.out[i]
	recs := cf.cited[fd.lo:fd.hi]
	var own []ClaimRef
	if refs == nil {
		refs = &own
	}
	*refs = slices.Grow((*refs)[:0], len(recs))
	for _, ri := range recs {
		*refs = append(*refs, p.ref(ri))
	}
	si := &p.series[fd.series]
	f := Finding{ID: findingID(fd.id), Kind: Kinds()[fd.kind], Severity: fd.sev, Series: si.key,
		SeriesName: p.label(fd.series).name, Site: si.site, Date: dateOf(fd.day), Message: fd.msg, Claims: *refs}
	if a, ok := cf.acks[f.ID]; ok {
		f.Ack = &a
	}
	return f
}

// All yields every finding in order, built one at a time.
func (cf *CheckedFindings) All() iter.Seq[Finding] {
	return func(yield func(Finding) bool) {
		for i := range cf.out {
			if !yield(cf.At(i)) {
				return
			}
		}
	}
}

// written yields every finding in order for a writer, which keeps none:
// each finding's claims are built into one slice, reused for the next.
func (cf *CheckedFindings) written() iter.Seq[Finding] {
	return func(yield func(Finding) bool) {
		var refs []ClaimRef
		for i := range cf.out {
			if !yield(cf.at(i, &refs)) {
				return
			}
		}
	}
}

// Findings builds every finding.
func (cf *CheckedFindings) Findings() Findings {
	out := make(Findings, 0, len(cf.out))
	for f := range cf.All() {
		out = append(out, f)
	}
	return out
}

// Acknowledge marks, from now on, the findings acks holds (keyed by
// finding id, as the store keeps them), as Findings.Acknowledge does;
// acks for findings that no longer occur are ignored.
func (cf *CheckedFindings) Acknowledge(acks map[string]tracker.Ack) { cf.acks = acks }

// acked reports whether finding i is acknowledged.
func (cf *CheckedFindings) acked(i int) bool {
	if len(cf.acks) == 0 {
		return false
	}
	_, ok := cf.acks[cf.ID(i)]
	return ok
}

// Fails is Findings.Fails: whether any finding not acknowledged has at
// least the threshold severity.
func (cf *CheckedFindings) Fails(threshold Severity) bool {
	for i := range cf.out {
		if cf.out[i].sev.rank() >= threshold.rank() && !cf.acked(i) {
			return true
		}
	}
	return false
}

// Count is Findings.Count: how many findings have each severity,
// acknowledged ones apart.
func (cf *CheckedFindings) Count() (bySeverity map[Severity]int, acknowledged int) {
	bySeverity = map[Severity]int{}
	for i := range cf.out {
		if cf.acked(i) {
			acknowledged++
			continue
		}
		bySeverity[cf.out[i].sev]++
	}
	return bySeverity, acknowledged
}

// Write is Findings.Write, building one finding at a time.
func (cf *CheckedFindings) Write(w io.Writer, f Format) error {
	return writeFindings(w, f, cf.written())
}
