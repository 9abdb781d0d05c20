// Package reconcile turns stored claims into what users come for: how a
// toll moved from report to report (Timelines), what two sources say side
// by side (Diff, DiffReports), and which figures cannot all be true
// (Check). It is pure: claims in, values out, plus Write methods that
// render them as a table, JSON or CSV, and timelines also as charts (svg,
// png, or one self-contained html page). It opens no files and parses no
// flags; the only reader is LoadTaxonomy, which takes an io.Reader.
//
// # Claims and sources
//
// Every entry point takes []tracker.StoredClaim. Claims that Count (not
// rejected) are used; Options.ReviewedOnly keeps only accepted and
// corrected ones. A claim is dated by Claim.AsOf, or its report's date
// when that is zero. Its source is StoredClaim.Source(): the attribution
// when the text names one, else the outlet. Source names are compared
// case-insensitively without a leading "the", and the taxonomy merges
// true synonyms ("IDF" and "the Israeli military"); messages show the
// canonical name, cited claims their own words. An input claim that fails
// tracker validation is an error naming it (ErrInvalidClaim), never
// silently dropped.
//
// # Series
//
// A series is one quantity over time, SeriesKey: category, group (who),
// place (where) and scope. Groups and places go through the Taxonomy's
// aliases ("Gazans" are palestinians in Gaza, "the Gaza Strip" is Gaza).
// A place whose name holds an event-site word (hospital, festival, school,
// kibbutz; see DefaultTaxonomy) is an event site: its figures are one
// event's toll, a series of their own, never compared with or summed into
// area-wide tolls. Scope unknown (a single event: "an airstrike killed 12")
// is its own series too.
//
// # Decisions
//
// Every series has a short stable id, SeriesKey.ID ("s" and 8 hex digits
// of a hash of its key), shown with its title and in JSON. A user who
// knows better than the rules overrides them with Options.Decisions
// (tracker.SeriesDecision), applied in order once the claims have formed
// their series: merge moves every claim of one series into another,
// which keeps its key and id; move puts one claim into a series, or into
// one of its own (tracker.NewSeries: the claim's key marked Split, with
// an id from the decision, NewSeriesID); name gives a series a title;
// note attaches a line to it; undo cancels an earlier decision (undoing
// an undo restores it). An id merged away stands for the series it went
// into. A claim that moves into a series of another scope is read as one
// of that scope. Merges and moves across categories are refused. A
// decision naming a series or claim that is not among the claims (a
// re-extraction may have changed them) is skipped and passed to
// Options.OnSkip, never an error. Filters apply to the series a claim
// ends up in. ListSeries lists every series with its claims and why each
// is there.
//
// # Timelines
//
// Timelines returns each series' entries in date order. ViewSources shows
// every figure (claims of one source, day and interval are one entry,
// listing every claim) with the change from that source's previous figure
// as an interval (Change: "≥ +1,050", "?" when both figures are open).
// ViewRange shows per date the band from the lowest lower bound to the
// highest upper bound across sources; ViewConservative the figure with the
// smallest lower bound (ACLED's rule). Prior figures ("up from 1,900") are
// left out of timelines: the report does not say when they were given.
// Filters (category, who, where, source) select what a timeline shows.
//
// # Checks
//
// Check reasons over every counted claim and keeps the findings that
// involve a claim matching the filters. A false alarm costs more than a
// missed finding, so each rule fires only when the intervals make the
// conflict certain. Claims of one source, series, day and interval form
// one figure, so five outlets quoting one ministry figure make one finding.
//
//   - decrease: in a cumulative series, a source's figure on one day lies
//     wholly below its figure on its previous day (later upper bound under
//     earlier lower bound; an open upper bound never falls). Severity
//     error for killed and injured, which cannot fall; warning for
//     hostages, missing, displaced and arrested, which are stocks. Across a
//     change of source (the series passes from a source silent on the
//     later day to one silent on the earlier day) it is a warning with a
//     note on the switch; in series read from report context a later
//     figure no one in its text gives (the outlet's own) within twice a
//     named origin's earlier one is no finding, as on one day. Where
//     both sources speak on one day, sources_disagree compares them
//     instead, so no pair is reported twice.
//   - revision: the same fall where the later claim says the figure was
//     revised or corrected; severity info, across a change of source too.
//   - sources_disagree: two sources' intervals for one series and day do
//     not overlap. Error for cumulative series and for period figures of
//     the very same period; warning for single events at an event site.
//     Single events in an area are never compared: two strikes in one town
//     are not two estimates of one toll. With Options.Window > 0, killed
//     and injured figures up to Window days apart are compared only in the
//     direction growth cannot explain (the earlier lower bound above the
//     later upper bound), as a warning; stocks are not compared across
//     days. In series read from report context, two origins' figures of
//     the dead or the injured published on one day (a digest's "2,601 as
//     of 30 March" beside "2,056 on 31 March") are compared so whatever
//     the window, as a warning, and are no decrease across a change of
//     source.
//   - subgroup_exceeds_total: a part's lower bound above its whole's upper
//     bound (children killed above people killed) in one place, scope and
//     day, from one source (cumulative and period series), or within one
//     report whatever the sources; for single events only within one
//     sentence, since a report often tells of several strikes in one
//     place. In a live blog, within one entry (one clock time): its
//     entries are bulletins of several moments. Error.
//   - parts_exceed_total: within one report, groups that share no one (by
//     the taxonomy) whose lower bounds add up above a total's upper bound:
//     more than 700 Israelis and at least 415 Palestinians against an
//     exact 1,100 people. The parts must come from the same report as the
//     total, because a breakdown is read with its total; across reports
//     the parts may describe other moments or definitions (in a live blog,
//     from the same entry: one clock time). A total with no place is read
//     as the report's overall figure and takes parts in any place but
//     event sites; a total with a place takes parts in that place. Error.
//   - prior_mismatch: "rose to X from Y" where X is below Y, or where Y is
//     below everything the source gave on its last earlier day and matches
//     none of its earlier figures (Y above the last figure is explained by
//     an update toll does not hold; Y equal to an older figure is a stale
//     but real baseline). Killed and injured only. Warning.
//   - period_mismatch: a source's period figure that no pair of its own
//     cumulative figures allows: from the period's start to its end ("in
//     the past 24 hours" on the 24th runs from the 23rd), or from the day
//     before for a one-day period. Only when the source gave cumulative
//     figures on both days. Warning: retroactive additions are real.
//
// Every finding has a stable ID (a hash of its kind and sorted claim ids;
// a new claim joining a finding changes it, so new evidence is shown
// again), one plain Message with the numbers, and the claims involved
// with their sentence and span. Findings.Acknowledge marks the findings a
// user acknowledged (the store keeps the acks), and Findings.Fails says
// whether unacknowledged findings reach a --fail-on severity.
// CheckCompact returns the same findings held compactly (CheckedFindings),
// each built with its claims only when it is read or written: a million
// findings as Findings take gigabytes.
//
// # Taxonomy
//
// DefaultTaxonomy holds the built-in aliases, hierarchy and site words;
// LoadTaxonomy applies a user's file on top (its doc comment gives the
// format, and defaultTaxonomy in taxonomy.go is a full example). Every
// group is part of people in the same place; demographic groups
// (children, women, men, elderly) are parts of every population (people,
// civilians, each nationality); nationalities exclude each other (dual
// nationals are a known limit); civilians and soldiers exclude each other.
//
// # Limits
//
// Timeline entries refer to the claims passed in (for their wording and
// previous figure): do not change the claims while using a timeline.
// Charts draw at most MaxChartSeries series. Period figures are compared
// only when their From and To are dates. Figures without any date are
// shown last in the sources view and take part in no check.
package reconcile
