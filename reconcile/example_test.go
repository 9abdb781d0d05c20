package reconcile_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/tollproject/toll/reconcile"
	"github.com/tollproject/toll/tracker"
)

// figure is a stored claim as the store would hand it to reconcile.
func figure(id, date, outlet, attribution string, cat tracker.Category, who, where string,
	scope tracker.Scope, q tracker.Qualifier, n ...int64) tracker.StoredClaim {
	iv := tracker.Bounds(q, decimal.NewFromInt(n[0]))
	if q == tracker.Range {
		iv = tracker.RangeInterval(decimal.NewFromInt(n[0]), decimal.NewFromInt(n[1]))
	}
	d := tracker.MustDate(date)
	return tracker.StoredClaim{
		ID: id + "-1", ReportID: id, Outlet: outlet, Published: d, Status: tracker.Unreviewed,
		Claim: tracker.Claim{Category: cat, Interval: iv, Qualifier: q, Who: who, Where: where,
			Attribution: attribution, AsOf: d, Scope: scope},
	}
}

func ExampleTimelines() {
	claims := []tracker.StoredClaim{
		figure("r1", "2023-10-08", "Harbor Daily", "Israeli officials", tracker.Killed, "people", "Israel", tracker.Cumulative, tracker.AtLeast, 250),
		figure("r2", "2023-10-15", "Global News Agency", "Israeli officials", tracker.Killed, "people", "Israel", tracker.Cumulative, tracker.AtLeast, 1300),
		figure("r3", "2023-10-19", "Cedar Times", "Israeli officials", tracker.Killed, "people", "Israel", tracker.Cumulative, tracker.MoreThan, 1400),
		figure("r4", "2023-11-10", "Global News Agency", "Israel's foreign ministry", tracker.Killed, "people", "Israel", tracker.Cumulative, tracker.Approx, 1200),
	}
	tl, err := reconcile.Timelines(claims, reconcile.Options{Where: "Israel"})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := tl.Write(os.Stdout, reconcile.FormatTable); err != nil {
		fmt.Println(err)
	}
	// Output:
	// people killed in Israel (cumulative) [sdcc8620c]
	//   DATE        SOURCE                     FIGURE           INTERVAL     CHANGE  CLAIMS
	//   2023-10-08  Israeli officials          at least 250     250+                 r1-1
	//   2023-10-15  Israeli officials          at least 1,300   1,300+       ?       r2-1
	//   2023-10-19  Israeli officials          more than 1,400  1,401+       ?       r3-1
	//   2023-11-10  Israel's foreign ministry  about 1,200      1,080–1,320          r4-1
}

func ExampleCheck() {
	women := func(id, date, outlet, attribution string, n int64) tracker.StoredClaim {
		return figure(id, date, outlet, attribution, tracker.Killed, "women", "Gaza", tracker.Cumulative, tracker.Exact, n)
	}
	claims := []tracker.StoredClaim{
		women("r1", "2023-10-17", "Gaza Government Media Office statement", "Government Media Office in Gaza", 1032),
		women("r2", "2023-10-19", "Cedar Times", "Gaza health ministry", 1000),
		women("r3", "2023-10-21", "Meridian Post", "Gaza health ministry", 967),
	}
	findings, err := reconcile.Check(claims, reconcile.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Kind, f.Message)
	}
	fmt.Println("fails at error:", findings.Fails(reconcile.Error))
	// Output:
	// warning decrease: The count of women killed in Gaza fell from 1,032 (Government Media Office in Gaza, 2023-10-17) to 1,000 (Gaza health ministry, 2023-10-19) across a change of source; the two may count differently.
	// error decrease: Gaza health ministry's count of women killed in Gaza fell from 1,000 on 2023-10-19 to 967 on 2023-10-21: a count that cannot fall, and no revision is stated.
	// fails at error: true
}

func ExampleDiff() {
	hospital := func(id, date, attribution string, q tracker.Qualifier, n ...int64) tracker.StoredClaim {
		return figure(id, date, "Global News Agency", attribution, tracker.Killed, "people", "al-Ahli Arab hospital", tracker.UnknownScope, q, n...)
	}
	claims := []tracker.StoredClaim{
		hospital("r1", "2023-10-18", "Gaza health ministry", tracker.AtLeast, 471),
		hospital("r2", "2023-10-19", "US intelligence", tracker.Range, 100, 300),
	}
	d, err := reconcile.Diff(claims, "ministry", "US intelligence", reconcile.Options{Window: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := d.Write(os.Stdout, reconcile.FormatTable); err != nil {
		fmt.Println(err)
	}
	// Output:
	// A: ministry
	// B: US intelligence
	//
	// people killed at al-Ahli Arab hospital (event site, scope unknown) [s228965de]
	//   DATE A      A             DATE B      B        GAP B−A  OVERLAP
	//   2023-10-18  at least 471  2023-10-19  100–300  ≤ -171   no
}

func ExampleLoadTaxonomy() {
	file := `# our desk's names
place Khan Yunis = Khan Younis
source Hamas-run health ministry = Gaza health ministry
site refugee camp
`
	tax, err := reconcile.LoadTaxonomy(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tax.Place("Khan Yunis"), "|", tax.Source("Hamas-run health ministry"), "|", tax.IsSite("Jabalia refugee camp"))
	_, err = reconcile.LoadTaxonomy(strings.NewReader("place Gaza Strip\n"))
	fmt.Println(err)
	// Output:
	// Khan Younis | Gaza health ministry | true
	// bad taxonomy: line 1: want place ALIAS = NAME, got "place Gaza Strip"
}
