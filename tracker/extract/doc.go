// Package extract finds the casualty claims in English news text: every
// figure of people killed, injured, missing, held hostage, displaced or
// arrested, with the interval its words allow, who and where it is about,
// who gave it, the date it refers to and the byte span it came from.
//
// Extract is the entry point (Report adapts it to tracker.ExtractFunc,
// which is how the store and cmd/toll are handed it). Strange text is not
// an error: it gives fewer claims and positioned diagnostics.
//
// # Passes, and the file each lives in
//
// The text goes through these passes in order; each file holds one.
//
//	lex.go         a synchronous state-function lexer: words, numbers,
//	               alphanumerics and punctuation, each with its byte offsets
//	sentences.go   sentence and headline boundaries (abbreviations, bullets)
//	prefilter.go   skips sentences with no number or no casualty stem
//	sentence.go    the per-sentence state every later pass reads, and its
//	               word helpers
//	vocab.go       the word tables indexed for lookups by token (built once)
//	numbers.go     quantities: numbers in digits and words, scale words,
//	               vague words, qualifiers, ranges, and what is not a count
//	               (years, ages, money, measures, phone numbers, things)
//	dates.go       dates, periods ("in the past 24 hours") and since-clauses,
//	               and which of them dates a figure (timeFor)
//	nounphrase.go  the noun phrase after a quantity: the group it counts, or
//	               a casualty noun, or a unit that makes it something else
//	shapes.go      the clause shapes that make a quantity a claim, tried in
//	               the order of (*sentence).link: noun ("12 deaths"), toll
//	               ("the death toll rose to 2,329"), post ("700 Israelis have
//	               been killed"), pre ("killing 12"), then breakdowns,
//	               another source's figure ("put the number at 11"),
//	               restatements and coordination (shapes_parts.go)
//	vetoes.go      what undoes a shape: speculation, negation, lumping
//	               ("killed or wounded"), released hostages
//	places.go      the place a figure is about
//	sources.go     who gave a figure ("…, the health ministry said")
//	claims.go      claims built from shapes: groups of figures that share a
//	               verb, parts of totals, earlier figures (priors), revisions
//
// # Where a new word goes
//
// Every word list is in tables.go: qualifiers, vague words, scale words,
// casualty verbs and nouns with their categories (triggers, tollNouns),
// group nouns and demonyms, units that make a number something else,
// speculation and negation words, change and revision verbs, breakdown
// words, attribution verbs, place heads and words that are never places.
// Add the word to the table whose comment describes it; a word that needs
// a new kind of table means a new shape, below. Then add a sentence to
// TestExtractRules (and to the corpus under testdata/eval when it is a
// form real outlets write), and bump Version.
//
// # Where a new shape goes
//
// A shape is a way a casualty word governs a quantity. Write it as a
// (*sentence).linkXxx method in shapes.go returning a link, add it to the
// ordered list in (*sentence).link where it must win over the shapes after
// it, and give it a byXxx linkKind. What it must not read (speculation,
// negation) belongs in vetoes.go, not in the shape.
//
// # Limits
//
// English only; rules, not a model. A figure the shapes do not know is
// missed, and "a number near a casualty word that no rule reads as a
// claim" is reported as a diagnostic so it is not dropped silently.
package extract
