// Package tracker is toll's domain: reports, the casualty claims read from
// them, the intervals those claims stand for, and the extractor that finds
// them in English news text.
//
// The package knows nothing of files, databases or flags. The store
// (tracker/bolt) persists its types; package reconcile reasons over them;
// cmd/toll wires both to the command line.
//
// A Claim is one figure as a report states it: a Category (killed,
// injured, ...), an Interval that honestly says what the words allow ("at
// least 1,100" is [1100, ∞), "more than 700" is [701, ∞), "hundreds" is
// [100, ∞) with the vague word kept), who and where it is about, who gave
// it, the date it refers to, and the byte span of the phrase it came from,
// so every number toll prints can be traced to its sentence.
//
// Extract is the single entry point of the extractor. It anchors on
// casualty words ("killed", "wounded", "hostage") rather than on bare
// numbers, reads the number, qualifier, group and place around them, and
// returns positioned diagnostics for text it could not read instead of
// failing. Its word tables (qualifiers, vague words, scale words, category
// vocabulary, group nouns) live in tables.go so they can be read and
// changed in one place.
package tracker
