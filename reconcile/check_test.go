package reconcile

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/tracker"
)

// syn is a synthetic claim for unit tests: only what the rules read.
type syn struct {
	id, report, outlet, date string
	cat                      tracker.Category
	who, where, attr         string
	scope                    tracker.Scope
	q                        tracker.Qualifier
	n                        []int64
	prior, revised           bool
	from, to                 string
	sentence                 string
	status                   tracker.Status
	pub                      string // the report's date when not date
}

func (s syn) stored() tracker.StoredClaim {
	var iv tracker.Interval
	if s.q == tracker.Range {
		iv = tracker.RangeInterval(decimal.NewFromInt(s.n[0]), decimal.NewFromInt(s.n[1]))
	} else {
		iv = tracker.Bounds(s.q, decimal.NewFromInt(s.n[0]))
	}
	status := s.status
	if status == "" {
		status = tracker.Unreviewed
	}
	sentence := s.sentence
	if sentence == "" {
		sentence = "sentence of " + s.id
	}
	published := tracker.MustDate(s.date)
	if s.pub != "" {
		published = tracker.MustDate(s.pub)
	}
	return tracker.StoredClaim{
		ID: s.id, ReportID: s.report, Outlet: s.outlet, Published: published, Status: status,
		Claim: tracker.Claim{Category: s.cat, Interval: iv, Qualifier: s.q, Who: s.who, Where: s.where,
			Attribution: s.attr, AsOf: tracker.MustDate(s.date), Scope: s.scope, From: s.from, To: s.to,
			Prior: s.prior, Revised: s.revised, Sentence: sentence, Span: "span of " + s.id},
	}
}

func stored(ss ...syn) []tracker.StoredClaim {
	out := make([]tracker.StoredClaim, len(ss))
	for i, s := range ss {
		out[i] = s.stored()
	}
	return out
}

// k is a cumulative killed claim of people in Gaza by the ministry,
// changed by the options.
func k(id, report, date string, q tracker.Qualifier, n ...int64) syn {
	return syn{id: id, report: report, outlet: "Wire", date: date, cat: tracker.Killed, who: "palestinians",
		where: "Gaza", attr: "Gaza health ministry", scope: tracker.Cumulative, q: q, n: n}
}

func (s syn) by(attr string) syn          { s.attr = attr; return s }
func (s syn) of(who string) syn           { s.who = who; return s }
func (s syn) in(where string) syn         { s.where = where; return s }
func (s syn) cat_(c tracker.Category) syn { s.cat = c; return s }
func (s syn) sc(sc tracker.Scope) syn     { s.scope = sc; return s }
func (s syn) isPrior() syn                { s.prior = true; return s }
func (s syn) isRevised() syn              { s.revised = true; return s }
func (s syn) period(from, to string) syn {
	s.scope, s.from, s.to = tracker.Period, from, to
	return s
}
func (s syn) says(sentence string) syn      { s.sentence = sentence; return s }
func (s syn) publishedOn(date string) syn   { s.pub = date; return s }
func (s syn) status_(st tracker.Status) syn { s.status = st; return s }

// idSig writes a finding as kind/severity and its claim ids in order.
func idSig(f Finding) string {
	ids := make([]string, len(f.Claims))
	for i, c := range f.Claims {
		ids[i] = c.ID
	}
	return string(f.Kind) + "/" + string(f.Severity) + " " + strings.Join(ids, " ")
}

func idSigs(fs Findings) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = idSig(f)
	}
	slices.Sort(out)
	return out
}

const (
	d1 = "2023-10-19"
	d2 = "2023-10-20"
	d3 = "2023-10-21"
	d4 = "2023-10-22"
)

func TestCheckRules(t *testing.T) {
	ex, al, mt, ap, rg := tracker.Exact, tracker.AtLeast, tracker.MoreThan, tracker.Approx, tracker.Range
	tests := []struct {
		name   string
		claims []syn
		opts   Options
		want   []string
	}{
		// decrease and revision
		{"rising toll is quiet", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 120), k("c", "r3", d3, al, 130)}, Options{}, nil},
		{"own death toll falls: error", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 90)}, Options{}, []string{"decrease/error a b"}},
		{"own injured toll falls: error", []syn{k("a", "r1", d1, ex, 100).cat_(tracker.Injured), k("b", "r2", d2, ex, 90).cat_(tracker.Injured)}, Options{}, []string{"decrease/error a b"}},
		{"hostage stock falls: warning", []syn{k("a", "r1", d1, ex, 100).cat_(tracker.Hostage), k("b", "r2", d2, ex, 90).cat_(tracker.Hostage)}, Options{}, []string{"decrease/warning a b"}},
		{"revised fall: info", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 90).isRevised()}, Options{}, []string{"revision/info a b"}},
		{"overlapping approx is not a fall", []syn{k("a", "r1", d1, ap, 100), k("b", "r2", d2, ex, 95)}, Options{}, nil},
		{"unbounded later figure never falls", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d2, mt, 50)}, Options{}, nil},
		{"earlier at-least then lower exact falls", []syn{k("a", "r1", d1, al, 100), k("b", "r2", d2, ex, 99)}, Options{}, []string{"decrease/error a b"}},
		{"only the previous figure of a source counts", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 150), k("c", "r3", d3, ex, 120)}, Options{}, []string{"decrease/error b c"}},
		{"same figure from two outlets is one finding", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d1, ex, 100), k("c", "r3", d2, ex, 90)}, Options{}, []string{"decrease/error a b c"}},
		{"change of source: warning", []syn{k("a", "r1", d1, ex, 100).by("Media Office"), k("b", "r2", d2, ex, 90)}, Options{}, []string{"decrease/warning a b"}},
		{"change of source with revision: info", []syn{k("a", "r1", d1, ex, 100).by("Media Office"), k("b", "r2", d2, ex, 90).isRevised()}, Options{}, []string{"revision/info a b"}},
		{"both sources speak on both days: disagreement, not a switch", []syn{
			k("a", "r1", d1, ex, 100).by("Media Office"), k("b", "r1", d1, ex, 80),
			k("c", "r2", d2, ex, 110).by("Media Office"), k("d", "r2", d2, ex, 90),
		}, Options{}, []string{"sources_disagree/error a b", "sources_disagree/error c d"}},
		{"period and single-event figures never decrease", []syn{
			k("a", "r1", d1, ex, 100).period(d1, d1), k("b", "r2", d2, ex, 10).period(d2, d2),
			k("c", "r3", d1, ex, 100).sc(tracker.UnknownScope), k("d", "r4", d2, ex, 10).sc(tracker.UnknownScope),
		}, Options{}, nil},
		{"aliases make one source", []syn{k("a", "r1", d1, ex, 100).by("Ministry of Health in Gaza"), k("b", "r2", d2, ex, 90).by("the Gaza Health Ministry")}, Options{}, []string{"decrease/error a b"}},
		{"rejected claims count nowhere", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 90).status_(tracker.Rejected)}, Options{}, nil},
		{"reviewed only", []syn{k("a", "r1", d1, ex, 100).status_(tracker.Accepted), k("b", "r2", d2, ex, 90)}, Options{ReviewedOnly: true}, nil},
		{"corrected counts when reviewed only", []syn{k("a", "r1", d1, ex, 100).status_(tracker.Accepted), k("b", "r2", d2, ex, 90).status_(tracker.Corrected)}, Options{ReviewedOnly: true}, []string{"decrease/error a b"}},

		// sources_disagree
		{"two sources same day apart: error", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d1, ex, 200).by("UN OCHA")}, Options{}, []string{"sources_disagree/error b a"}},
		{"overlapping sources agree", []syn{k("a", "r1", d1, al, 100), k("b", "r2", d1, ex, 200).by("UN OCHA")}, Options{}, nil},
		{"different days are not compared at window 0", []syn{k("a", "r1", d1, ex, 300), k("b", "r2", d3, ex, 200).by("UN OCHA")}, Options{}, []string{"decrease/warning a b"}},
		{"window: a rising toll a day apart is not a disagreement", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 120).by("UN OCHA"), k("c", "r3", d3, ex, 140)}, Options{Window: 1}, nil},
		{"window: an earlier higher figure is", []syn{
			k("a", "r1", d1, ex, 300), k("b", "r1", d1, ex, 300).by("UN OCHA"), k("c", "r2", d2, ex, 200).by("Red Crescent"),
		}, Options{Window: 1}, []string{"decrease/warning a c", "decrease/warning b c"}},
		{"window: beyond consecutive days it is a disagreement", []syn{
			k("a", "r1", d1, ex, 300), k("x", "r2", d2, ex, 310), k("c", "r3", d3, ex, 200).by("Red Crescent"),
		}, Options{Window: 2}, []string{"decrease/warning x c", "sources_disagree/warning a c"}},
		{"window: stocks are not compared across days", []syn{
			k("a", "r1", d1, ex, 300).cat_(tracker.Hostage), k("b", "r1", d1, ex, 300).cat_(tracker.Hostage).by("UN OCHA"), k("c", "r2", d2, ex, 200).cat_(tracker.Hostage).by("Red Crescent"),
		}, Options{Window: 1}, []string{"decrease/warning a c", "decrease/warning b c"}},
		{"single events in an area are never compared", []syn{
			k("a", "r1", d1, ex, 12).sc(tracker.UnknownScope).in("Rafah"), k("b", "r2", d1, ex, 30).sc(tracker.UnknownScope).in("Rafah").by("UN OCHA"),
		}, Options{}, nil},
		{"single event at a site: warning", []syn{
			k("a", "r1", d1, ex, 12).sc(tracker.UnknownScope).in("Kamal Adwan hospital"), k("b", "r2", d1, ex, 30).sc(tracker.UnknownScope).in("the Kamal Adwan Hospital").by("UN OCHA"),
		}, Options{}, []string{"sources_disagree/warning b a"}},
		{"period figures for one period disagree", []syn{
			k("a", "r1", d2, ex, 100).period(d1, d2), k("b", "r2", d2, ex, 200).period(d1, d2).by("UN OCHA"),
		}, Options{}, []string{"sources_disagree/error b a"}},
		{"period figures for different periods do not", []syn{
			k("a", "r1", d2, ex, 100).period(d1, d2), k("b", "r2", d2, ex, 200).period(d2, d2).by("UN OCHA"),
		}, Options{}, nil},
		{"site figures are not compared with the area", []syn{
			k("a", "r1", d1, ex, 500).in("al-Ahli hospital"), k("b", "r2", d1, ex, 3000).by("UN OCHA"),
		}, Options{}, nil},

		// subgroup_exceeds_total
		{"children above the toll, one source, two reports: error", []syn{
			k("a", "r1", d1, ex, 1600).of("children"), k("b", "r2", d1, ex, 1500),
		}, Options{}, []string{"subgroup_exceeds_total/error a b"}},
		{"children above people: every group is part of people", []syn{
			k("a", "r1", d1, ex, 1600).of("kids"), k("b", "r2", d1, ex, 1500).of("persons"),
		}, Options{}, []string{"subgroup_exceeds_total/error a b"}},
		{"part within the whole is quiet", []syn{k("a", "r1", d1, ex, 600).of("children"), k("b", "r1", d1, ex, 1500)}, Options{}, nil},
		{"unbounded whole is quiet", []syn{k("a", "r1", d1, ex, 1600).of("children"), k("b", "r1", d1, al, 1500)}, Options{}, nil},
		{"different sources in different reports are quiet", []syn{k("a", "r1", d1, ex, 1600).of("children"), k("b", "r2", d1, ex, 1500).by("UN OCHA")}, Options{}, nil},
		{"different sources in one report: error", []syn{k("a", "r1", d1, ex, 1600).of("children"), k("b", "r1", d1, ex, 1500).by("UN OCHA")}, Options{}, []string{"subgroup_exceeds_total/error a b"}},
		{"different places are quiet", []syn{k("a", "r1", d1, ex, 1600).of("children").in("Rafah"), k("b", "r1", d1, ex, 1500)}, Options{}, nil},
		{"soldiers are not part of palestinians", []syn{k("a", "r1", d1, ex, 1600).of("soldiers"), k("b", "r1", d1, ex, 1500)}, Options{}, nil},
		{"single events: same sentence only", []syn{
			k("a", "r1", d1, ex, 30).of("children").sc(tracker.UnknownScope).in("Rafah").says("one"),
			k("b", "r1", d1, ex, 12).of("people").sc(tracker.UnknownScope).in("Rafah").says("two"),
			k("c", "r2", d1, ex, 30).of("children").sc(tracker.UnknownScope).in("Rafah").says("three"),
			k("d", "r2", d1, ex, 12).of("people").sc(tracker.UnknownScope).in("Rafah").says("three"),
		}, Options{}, []string{"subgroup_exceeds_total/error c d"}},

		// parts_exceed_total
		{"disjoint parts above an exact total", []syn{
			k("a", "r1", d1, ex, 1000), k("b", "r1", d1, ex, 600).of("children"), k("c", "r1", d1, ex, 500).of("women"),
		}, Options{}, []string{"parts_exceed_total/error b c a"}},
		{"elderly and women may overlap", []syn{
			k("a", "r1", d1, ex, 1000), k("b", "r1", d1, ex, 600).of("elderly"), k("c", "r1", d1, ex, 500).of("women"),
		}, Options{}, nil},
		{"parts from another report are not summed", []syn{
			k("a", "r1", d1, ex, 1000), k("b", "r1", d1, ex, 600).of("children"), k("c", "r2", d1, ex, 500).of("women"),
		}, Options{}, nil},
		{"a site is never summed into an unplaced total", []syn{
			k("a", "r1", d1, ex, 1000).of("people").in(""), k("b", "r1", d1, ex, 600).of("israelis").in("Nova festival"), k("c", "r1", d1, ex, 500).in("Gaza"),
		}, Options{}, nil},
		{"a placed total takes parts in its place only", []syn{
			k("a", "r1", d1, ex, 1000).of("people"), k("b", "r1", d1, ex, 600).of("israelis").in("Israel"), k("c", "r1", d1, ex, 500),
		}, Options{}, nil},
		{"civilians and soldiers add up", []syn{
			k("a", "r1", d1, ex, 1000).of("people").in("Israel").by("AFP"), k("b", "r1", d1, ex, 796).of("civilians").in("Israel").by("AFP"), k("c", "r1", d1, ex, 313).of("IDF soldiers").in("Israel").by("AFP"),
		}, Options{}, []string{"parts_exceed_total/error b c a"}},

		// prior_mismatch
		{"rose from the last figure", []syn{k("a", "r1", d1, ex, 1900), k("b", "r2", d3, ex, 2329), k("c", "r2", d3, ex, 1900).isPrior()}, Options{}, nil},
		{"rose from an older figure", []syn{k("a", "r1", d1, ex, 1900), k("x", "r3", d2, ex, 2215), k("b", "r2", d3, ex, 2329), k("c", "r2", d3, ex, 1900).isPrior()}, Options{}, nil},
		{"rose from a figure never given", []syn{k("a", "r1", d1, ex, 1900), k("x", "r3", d2, ex, 2215), k("b", "r2", d3, ex, 2329), k("c", "r2", d3, ex, 2000).isPrior()}, Options{}, []string{"prior_mismatch/warning c b x"}},
		{"rose from a figure above the last: a missed update", []syn{k("a", "r1", d1, ex, 1900), k("b", "r2", d3, ex, 2329), k("c", "r2", d3, ex, 2100).isPrior()}, Options{}, nil},
		{"rose to less than before", []syn{k("b", "r2", d3, ex, 2329), k("c", "r2", d3, ex, 2400).isPrior()}, Options{}, []string{"prior_mismatch/warning c b"}},
		{"prior of a stock is not checked", []syn{k("b", "r2", d3, ex, 126).cat_(tracker.Hostage), k("c", "r2", d3, ex, 150).cat_(tracker.Hostage).isPrior()}, Options{}, nil},
		{"prior figures stay out of the other checks", []syn{k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 120), k("c", "r2", d2, ex, 110).isPrior(), k("d", "r3", d2, ex, 150).by("UN OCHA")}, Options{}, []string{"sources_disagree/error d b"}},

		// period_mismatch
		{"period equals the change", []syn{
			k("a", "r1", d1, ex, 5087), k("b", "r2", d2, ex, 5791), k("c", "r2", d2, ex, 704).period(d1, d2),
		}, Options{}, nil},
		{"period does not equal the change", []syn{
			k("a", "r1", d1, ex, 5087), k("b", "r2", d2, ex, 5791), k("c", "r2", d2, ex, 800).period(d1, d2),
		}, Options{}, []string{"period_mismatch/warning c a b"}},
		{"one-day period compares with the day before", []syn{
			k("a", "r1", d1, ex, 5087), k("b", "r2", d2, ex, 5791), k("c", "r2", d2, ex, 800).period(d2, d2),
		}, Options{}, []string{"period_mismatch/warning c a b"}},
		{"unbounded ends make no mismatch certain", []syn{
			k("a", "r1", d1, al, 5087), k("b", "r2", d2, ex, 5791), k("c", "r2", d2, ex, 600).period(d1, d2),
		}, Options{}, nil},
		{"an approximate period figure within the change", []syn{
			k("a", "r1", d1, ex, 5087), k("b", "r2", d2, ex, 5791), k("c", "r2", d2, ap, 700).period(d1, d2),
		}, Options{}, nil},
		{"a missing end is not compared", []syn{
			k("b", "r2", d2, ex, 5791), k("c", "r2", d2, ex, 800).period(d1, d2),
		}, Options{}, nil},
		{"another source's cumulative is not compared", []syn{
			k("a", "r1", d1, ex, 5087).by("UN OCHA"), k("b", "r2", d2, ex, 5791).by("UN OCHA"), k("c", "r2", d2, ex, 800).period(d1, d2),
		}, Options{}, nil},

		// filters select findings, not evidence
		{"source filter keeps findings that touch it", []syn{
			k("a", "r1", d1, ex, 100), k("b", "r2", d1, ex, 200).by("UN OCHA"), k("c", "r3", d2, ex, 50).cat_(tracker.Injured), k("d", "r4", d3, ex, 40).cat_(tracker.Injured),
		}, Options{Source: "ocha"}, []string{"sources_disagree/error b a"}},
		{"place filter by alias", []syn{
			k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 90), k("c", "r3", d1, ex, 100).in("Israel"), k("d", "r4", d2, ex, 90).in("Israel"),
		}, Options{Where: "the Gaza Strip"}, []string{"decrease/error a b"}},
		{"who filter by alias", []syn{
			k("a", "r1", d1, ex, 100).of("children"), k("b", "r2", d2, ex, 90).of("children"), k("c", "r3", d1, ex, 100), k("d", "r4", d2, ex, 90),
		}, Options{Who: "kids"}, []string{"decrease/error a b"}},
		{"range figures", []syn{k("a", "r1", d1, rg, 100, 300).sc(tracker.UnknownScope).in("al-Ahli Arab hospital"), k("b", "r1", d1, rg, 10, 50).sc(tracker.UnknownScope).in("al-Ahli Arab hospital").by("an official")}, Options{}, []string{"sources_disagree/warning a b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := MustCheck(t, stored(tt.claims...), tt.opts)
			got := idSigs(fs)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got  %q\nwant %q\n%s", got, want, messages(fs))
			}
		})
	}
}

func TestCheckMessages(t *testing.T) {
	ex := tracker.Exact
	tests := []struct {
		name   string
		claims []syn
		want   string
	}{
		{"possessive of a plural source", []syn{k("a", "r1", d1, ex, 100).by("Israeli officials"), k("b", "r2", d2, ex, 90).by("Israeli officials")},
			"Israeli officials' count of palestinians killed in Gaza fell from 100 on 2023-10-19 to 90 on 2023-10-20: a count that cannot fall, and no revision is stated."},
		{"subgroup", []syn{k("a", "r1", d1, ex, 1600).of("children"), k("b", "r2", d1, ex, 1500)},
			"Gaza health ministry gives 1,600 children killed in Gaza on 2023-10-19, more than the 1,500 palestinians killed in Gaza it gives for the same day; a part cannot exceed its whole."},
		{"prior", []syn{k("a", "r1", d1, ex, 1900), k("x", "r3", d2, ex, 2215), k("b", "r2", d3, ex, 2329), k("c", "r2", d3, ex, 2000).isPrior()},
			"Report r2 says Gaza health ministry's count of palestinians killed in Gaza rose to 2,329 from 2,000, but Gaza health ministry last gave 2,215 on 2023-10-20 and never 2,000 before."},
		{"period", []syn{k("a", "r1", d1, ex, 5087), k("b", "r2", d2, ex, 5791), k("c", "r2", d2, ex, 800).period(d1, d2)},
			"Gaza health ministry gives 800 palestinians killed in Gaza for 2023-10-19 to 2023-10-20, but its cumulative figure went from 5,087 (2023-10-19) to 5,791 (2023-10-20), a change of +704."},
		{"disagree a day apart", []syn{k("a", "r1", d1, ex, 300), k("x", "r2", d2, ex, 310), k("c", "r3", d3, ex, 200).by("Red Crescent")},
			"Sources disagree on palestinians killed in Gaza 2 days apart: Gaza health ministry: 300 (2023-10-19); Red Crescent: 200 (2023-10-21); the lower bound of one is 1.5× the upper bound of the other."},
		{"close figures say the gap, not 1×", []syn{k("a", "r1", d1, tracker.MoreThan, 60), k("b", "r2", d1, ex, 60).by("army")},
			"Sources disagree on palestinians killed in Gaza on 2023-10-19: Gaza health ministry: more than 60; army: 60; the lower bound of one is 1 above the upper bound of the other."},
		{"zero upper bound", []syn{k("a", "r1", d1, ex, 3), k("b", "r2", d1, ex, 0).by("army")},
			"Sources disagree on palestinians killed in Gaza on 2023-10-19: Gaza health ministry: 3; army: 0; one gives at least 3, the other none."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{}
			if strings.Contains(tt.name, "apart") {
				opts.Window = 2
			}
			fs := MustCheck(t, stored(tt.claims...), opts)
			if !slices.ContainsFunc(fs, func(f Finding) bool { return f.Message == tt.want }) {
				t.Errorf("want message %q; got:\n%s", tt.want, messages(fs))
			}
		})
	}
}

func TestFindingsAckAndFail(t *testing.T) {
	ex := tracker.Exact
	fs := MustCheck(t, stored(
		k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 90), // error
		k("c", "r3", d1, ex, 100).cat_(tracker.Hostage), k("d", "r4", d2, ex, 90).cat_(tracker.Hostage), // warning
	), Options{})
	if len(fs) != 2 {
		t.Fatalf("got %d findings, want 2:\n%s", len(fs), messages(fs))
	}
	var errID, warnID string
	for _, f := range fs {
		if f.Severity == Error {
			errID = f.ID
		} else {
			warnID = f.ID
		}
	}
	at := time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		acks      map[string]tracker.Ack
		threshold Severity
		want      bool
	}{
		{"error fails at error", nil, Error, true},
		{"error fails at warning", nil, Warning, true},
		{"acknowledged error passes at error", map[string]tracker.Ack{errID: {Finding: errID, Note: "ministry reclassified", At: at}}, Error, false},
		{"acknowledged error, warning left, fails at warning", map[string]tracker.Ack{errID: {Finding: errID, At: at}}, Warning, true},
		{"all acknowledged passes at info", map[string]tracker.Ack{errID: {Finding: errID, At: at}, warnID: {Finding: warnID, At: at}}, Info, false},
		{"acks for other findings change nothing", map[string]tracker.Ack{"000000000000": {At: at}}, Error, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acked := fs.Acknowledge(tt.acks)
			if got := acked.Fails(tt.threshold); got != tt.want {
				t.Errorf("Fails(%s) = %v, want %v", tt.threshold, got, tt.want)
			}
			for _, f := range acked {
				_, want := tt.acks[f.ID]
				if f.Acknowledged() != want {
					t.Errorf("finding %s acknowledged = %v, want %v", f.ID, f.Acknowledged(), want)
				}
			}
		})
	}
	if fs[0].Ack != nil || fs[1].Ack != nil {
		t.Error("Acknowledge changed its receiver")
	}
}

func TestFindingIDs(t *testing.T) {
	ex := tracker.Exact
	claims := stored(k("a", "r1", d1, ex, 100), k("b", "r2", d2, ex, 90))
	f1 := MustCheck(t, claims, Options{})
	f2 := MustCheck(t, []tracker.StoredClaim{claims[1], claims[0]}, Options{})
	if f1[0].ID != f2[0].ID {
		t.Errorf("id depends on input order: %s and %s", f1[0].ID, f2[0].ID)
	}
	if got := len(f1[0].ID); got != 12 {
		t.Errorf("id %q has %d characters, want 12", f1[0].ID, got)
	}
	// a third outlet repeating the later figure is new evidence: a new id
	f3 := MustCheck(t, append(claims, k("c", "r3", d2, ex, 90).stored()), Options{})
	if f3[0].ID == f1[0].ID {
		t.Errorf("id %s did not change when a claim joined the finding", f3[0].ID)
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []string{"info", "warning", "error"} {
		if got, err := ParseSeverity(s); err != nil || string(got) != s {
			t.Errorf("ParseSeverity(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseSeverity("fatal"); !errors.Is(err, ErrUnknownSeverity) {
		t.Errorf("ParseSeverity(fatal) error = %v, want ErrUnknownSeverity", err)
	}
}

func TestCheckBadInput(t *testing.T) {
	bad := k("a", "r1", d1, tracker.Exact, 100).stored()
	bad.Claim.Interval.Low = decimal.NewFromInt(200) // above high
	tests := []struct {
		name   string
		claims []tracker.StoredClaim
		opts   Options
		want   error
		text   string
	}{
		{"invalid claim names itself", []tracker.StoredClaim{bad}, Options{}, ErrInvalidClaim, "claim a (report r1)"},
		{"negative window", nil, Options{Window: -1}, ErrBadOptions, "window -1"},
		{"unknown category", nil, Options{Category: "dead"}, ErrBadOptions, `"dead"`},
		{"unknown view", nil, Options{View: "pie"}, ErrUnknownView, `"pie"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Check(tt.claims, tt.opts)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("err = %v, want %v naming %s", err, tt.want, tt.text)
			}
		})
	}
}

func TestCheckEmpty(t *testing.T) {
	fs := MustCheck(t, nil, Options{})
	if fs == nil || len(fs) != 0 {
		t.Errorf("Check(nil) = %#v, want an empty, non-nil list", fs)
	}
	if fmt.Sprint(fs.Fails(Info)) != "false" {
		t.Error("no findings fail")
	}
}

// TestClockOpensLiveEntry: the times live blogs open their entries with.
func TestClockOpensLiveEntry(t *testing.T) {
	tests := []struct {
		sent string
		want bool
	}{
		{"18:10 - The ministry says 73 have died.", true},
		{"09.45 — Police say 12 were hurt.", true},
		{"8:40 a.m. — The city says 10 are dead.", true},
		{"11:05 pm ET: Officials confirm 14 dead.", true},
		{"4:50 p.m. — The coroner now says 15.", true},
		{"10 people died on Friday.", false},
		{"12.5 percent of the dead were children.", false},
	}
	for _, tt := range tests {
		t.Run(tt.sent, func(t *testing.T) {
			if got := clockRE.MatchString(tt.sent); got != tt.want {
				t.Errorf("clockRE.MatchString(%q) = %v, want %v", tt.sent, got, tt.want)
			}
		})
	}
}

// TestIDSet holds idSet to a map under random keys, small ones (which
// collide in its slots) and zero among them.
func TestIDSet(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	var s idSet
	want := map[uint64]bool{}
	for i := range 20000 {
		k := rng.Uint64() >> 16
		if i%3 == 0 {
			k = rng.Uint64N(3000) // (repeats, and zero)
		}
		if got := s.add(k); got != !want[k] {
			t.Fatalf("add(%d) = %v, want %v", k, got, !want[k])
		}
		want[k] = true
	}
	held := s.n
	if s.zero {
		held++
	}
	if held != len(want) {
		t.Errorf("%d keys held, want %d", held, len(want))
	}
}
