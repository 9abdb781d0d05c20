// Package tracker is toll's domain: reports, the casualty claims read from
// them, the intervals those claims stand for, stored claims with their
// review history, and the errors of the domain.
//
// The package knows nothing of files, databases, flags or how claims are
// read from text. The extractor (tracker/extract) produces its claims; the
// store (tracker/bolt) persists its types and is handed an ExtractFunc;
// tracker/ingest turns files into reports; package reconcile reasons over
// stored claims; cmd/toll wires them to the command line.
//
// A Claim is one figure as a report states it: a Category (killed,
// injured, ...), an Interval that honestly says what the words allow ("at
// least 1,100" is [1100, ∞), "more than 700" is [701, ∞), "hundreds" is
// [100, ∞) with the vague word kept), who and where it is about, who gave
// it, the date it refers to, and the byte span of the phrase it came from,
// so every number toll prints can be traced to its sentence.
//
// A SeriesDecision is a user's word on which figures measure one quantity
// (merge two series, move a claim, name or annotate a series, undo an
// earlier decision): the store keeps them in order, reconcile applies
// them, cmd/toll's series command makes them.
//
// GroupNames are the names that stand for a group wherever toll meets
// them ("kids" for children), kept in groups.txt so that the extractor
// and the reconciler's taxonomy read one list.
//
// New domain types go here only when every layer needs them; what one
// layer needs stays in that layer.
package tracker
