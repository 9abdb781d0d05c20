// Package hygiene makes text from reports safe to show and to hand on.
//
// Everything toll prints comes from reports it was given: a title from a
// feed, a source from a JSON line, a sentence from an HTML page. Such text
// can hold terminal control sequences (clear the screen, set the window
// title, hide a link) and cells a spreadsheet would evaluate as a formula.
// This package is the one place that deals with both:
//
//   - Printable and Writer show control characters escaped: a C0 or C1
//     control, DEL, a bidirectional override or isolate and a line or
//     paragraph separator become \uXXXX, an invalid UTF-8 byte \xNN. Tab
//     and newline stay, and so does a carriage return before a newline.
//     The \uXXXX form is a JSON escape of the same character, so JSON
//     written through a Writer still decodes to the same values.
//   - CSVCell prefixes a cell a spreadsheet would evaluate (one starting
//     with = + - @, a tab or a carriage return, unless it is a plain
//     number) with an apostrophe, as OWASP recommends, and also a cell
//     that starts with an apostrophe, so that CSVValue can undo it: CSVValue(CSVCell(s)) is s for every s.
//
// The package imports nothing of toll; every layer may use it.
package hygiene
