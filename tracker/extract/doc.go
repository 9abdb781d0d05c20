// Package extract finds the casualty claims in English news text: every
// figure of people killed, injured, missing, held hostage, displaced or
// arrested, with the interval its words allow, who and where it is about,
// who gave it, the date it refers to and the byte span it came from.
//
// Extract is the entry point (Report adapts it to tracker.ExtractFunc,
// which is how the store and cmd/toll are handed it). Both read with the
// built-in vocabulary, vocabulary.txt; an Extractor made by New reads
// with another file in its format. Strange text is not
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
//	vocabulary.go  parses vocabulary.txt, the embedded word tables, once
//	vocab.go       indexes the tables for lookups by token
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
//	context.go     the report pass, once per text after the sentences:
//	               headline, dateline and lead give each claim its
//	               tracker.Context (place with its gazetteer id, event,
//	               incident, past time, relay, origin); the sentence's own
//	               fields are never changed there
//	claims.go      claims built from shapes: groups of figures that share a
//	               verb, parts of totals, earlier figures (priors), revisions
//
// # Where a new word goes
//
// Every word is in vocabulary.txt, one directive a line, in sections named
// after the pass that reads them: numbers and qualifiers (number, scale,
// vague, qualifier, postqualifier, increment), casualty words and tolls
// (casualty with its category and roles, toll, subject, nottoll,
// verbqualifier, stem; the count nouns a figure named last refers back
// to: countnoun, countmodifier, earlier, correction, putverb, lumped;
// the verbs that make a figure an earlier one: hadprior, priorafter,
// priorbefore), groups (group, demonym, modifier, noungroup; a name for the same
// people, such as "kids" for children, goes in tracker/groups.txt
// instead, which the reconciler reads too), what makes a number not a
// count of people (measure, duration, unit, time, name, function), what
// undoes a figure (speculation, negation, hedge, release, rescue, clause,
// armed), changes and breakdowns, sources (attribution, saying,
// countedby, sourcedoc, saidskip, causeverb, officialdata, …), dates
// (takenverb, takenskip, heldnow, cumulative, …), sentences, places
// (street, strikeverb, …)
// and, last, the report pass of context.go: words never looked up as
// places (notgazetted), the particles of a run of capitalised names
// (particle), event nouns and their events (eventnoun, diseaseevent),
// what makes "fire" or "strike" no event (gunfire, fireservice,
// strikeaux), comparisons with a past event (comparison), compass words,
// continents, event sites and anaphors (compass, continent, site,
// anaphor). Add the
// word under the directive whose comment describes it; a casualty word
// needs a stem line unless an existing stem is part of it (the parser says
// so). A word that looks as if it belonged but must not be read that way
// gets a "no" line ("no modifier displaced"), so the decision is written
// down. The file's hash is part of Version, so no bump is needed;
// Extractor and New try an edited file without rebuilding. Then add a
// sentence to TestExtractRules or TestCasualtyWordForms (and to the corpus
// under testdata/eval when it is a form real outlets write). A word that
// needs a new kind of table means a new directive (directives in
// vocabulary.go) read by a shape, below. The tables are maps built once
// at load (a lookup is a map index, no scan); the few a check reads as
// suffixes or prefixes of a text, in file order (gunfire, strikeaux,
// comparison, particle, anaphor), are lists.
//
// # What stays in Go
//
// The grammar, not the vocabulary: punctuation and token kinds; the
// closed classes a clause shape is built of (determiners and possessives,
// pronouns, copulas and auxiliaries, the conjunctions and prepositions
// that end a clause or open a period, as in vetoes.go, nounphrase.go,
// shapes.go and sources.go); the time units date arithmetic switches on
// ("hours", "days", "weeks" in dates.go); a word a rule names itself
// with its forms ("claim", "claims" in claimsDeed; "had" before a prior;
// "-force" and "zone" after an event noun in metaphor) and string trims
// (cleanSource's suffixes, correctionAt's phrases, whose prefilter is
// written against them). The word alternations inside the report pass's
// regular expressions (incidentRE, pastRE, spreadRE, venueRE, heldRE,
// subjectRE, …) stay with them too: each has a prefilter in prefilter.go
// written against its words (TestContextPrefilters holds the two
// together, and its word lists, such as venueWords and incidentNouns,
// mirror the regexps), so a word there is a change to a rule, with
// rulesVersion.
//
// # Where a new shape goes
//
// A shape is a way a casualty word governs a quantity. Write it as a
// (*sentence).linkXxx method in shapes.go returning a link, add it to the
// ordered list in (*sentence).link where it must win over the shapes after
// it, and give it a byXxx linkKind. What it must not read (speculation,
// negation) belongs in vetoes.go, not in the shape. A change to a shape
// can change what is extracted: bump rulesVersion (extract.go).
//
// # Limits
//
// English only; rules, not a model. A figure the shapes do not know is
// missed, and "a number near a casualty word that no rule reads as a
// claim" is reported as a diagnostic so it is not dropped silently.
package extract
