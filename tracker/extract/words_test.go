package extract

import "testing"

// TestCasualtyWordForms: the casualty words of issue 9 items 1, 4, 5, 6
// and 7 that are vocabulary (vocabulary.txt), and the negatives beside
// them. The sentences are ours, in the styles of wire and agency copy.
func TestCasualtyWordForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		// lives and killings
		{"claimed lives", "The landslide claimed 46 lives in three hill villages.", []want{{desc: "killed [46, 46] exact people", span: "46 lives"}}},
		{"cost lives, vague", "Decades of insurgency have cost tens of thousands of lives.", []want{{desc: "killed [10000, ∞) vague people"}}},
		{"cost lives, qualified", "The 1999 cyclone cost more than 9,800 lives.", []want{{desc: "killed [9801, ∞) more_than people"}}},
		{"lives saved are no deaths", "Early warnings saved 3,000 lives, the agency said.", nil},
		{"lives spared are no deaths", "The evacuation spared hundreds of lives.", nil},
		{"lives at stake are a guess", "A collapse of the dam could cost 5,000 lives.", nil},
		{"killings counted", "Monitors recorded 233 killings in the province last year.", []want{{desc: "killed [233, 233] exact people"}}},
		{"the killing of", "The agency condemned the killing of four paramedics.", []want{{desc: "killed [4, 4] exact medics"}}},
		{"the killings of", "Prosecutors linked him to the killings of 11 farmers.", []want{{desc: "killed [11, 11] exact farmers"}}},
		{"the deaths of", "An inquiry into the deaths of 27 patients opened on Monday.", []want{{desc: "killed [27, 27] exact people"}}},
		{"deaths of a group stays a noun", "The ministry recorded 310 deaths of children.", []want{{desc: "killed [310, 310] exact people", span: "310 deaths"}}},
		{"drowned", "At least 31 migrants drowned when their boat capsized.", []want{{desc: "killed [31, ∞) at_least migrants"}}},
		{"die in a headline", "Nine Die In Bus Plunge", []want{{desc: "killed [9, 9] exact people"}}},
		{"die as a guess", "Thousands could die without clean water.", nil},
		{"the bodies of", "Divers recovered the bodies of 14 fishermen.", []want{{desc: "killed [14, 14] exact fishermen"}}},
		// "lost" stays out: "lost 2 billion", "lost 3,000 jobs", "lost 3-1"
		{"lost is no casualty word", "The carrier lost 2 billion in value.", nil},
		// injured
		{"hospitalised", "Thirty-one pilgrims were hospitalised after the crush.", []want{{desc: "injured [31, 31] exact people"}}},
		{"taken to hospital", "Another 17 were taken to hospital with burns.", []want{{desc: "injured [17, 17] exact people"}}},
		{"critical condition", "Eight people remain in critical condition, doctors said.", []want{{desc: "injured [8, 8] exact people"}}},
		{"sought medical help", "About 600 residents sought medical help after the gas leak.", []want{{desc: "injured [540, 660] approx people"}}},
		{"needed treatment", "Officials said 48 spectators needed treatment.", []want{{desc: "injured [48, 48] exact people"}}},
		{"treated and released", "Twelve workers were treated and released.", []want{{desc: "injured [12, 12] exact workers"}}},
		{"treated for injuries", "Some 90 people were treated for injuries at the scene.", []want{{desc: "injured [81, 99] approx people"}}},
		{"discharged from hospital", "Nineteen miners were discharged from hospital on Monday.", []want{{desc: "injured [19, 19] exact workers"}}},
		{"treated for shock is no injury", "Several passengers were treated for shock.", nil},
		{"sustained serious injuries", "Four climbers sustained serious injuries.", []want{{desc: "injured [4, 4] exact climbers"}}},
		{"caused injuries to", "The blast caused injuries to 315 people.", []want{{desc: "injured [315, 315] exact people"}}},
		{"with lesser injuries", "Another 140 people were left with lesser injuries.", []want{{desc: "injured [140, 140] exact people"}}},
		{"shot and wounded", "Police said 27 protesters were shot and wounded.", []want{{desc: "injured [27, 27] exact protesters"}}},
		// missing
		{"yet to be traced", "Some 60 passengers have yet to be traced.", []want{{desc: "missing [54, 66] approx passengers"}}},
		// displaced
		{"forced to flee", "The offensive forced 180,000 people to flee.", []want{{desc: "displaced [180000, 180000] exact people"}}},
		{"flee", "Thousands flee as the river bursts its banks.", []want{{desc: "displaced [1000, ∞) vague people"}}},
		{"drove from their homes", "The drought drove 1.2 million people from their homes.", []want{{desc: "displaced [1200000, 1200000] exact people"}}},
		{"uprooting", "Fighting raged for weeks, uprooting 45,000 villagers.", []want{{desc: "displaced [45000, 45000] exact people"}}},
		{"without homes", "The cyclone left 8,000 islanders without homes.", []want{{desc: "displaced [8000, 8000] exact islanders"}}},
		// shelter is not a home lost: corpus A keeps "left without shelter" out
		{"without shelter is no displacement", "Aid groups said 2,500 people were without shelter.", nil},
		{"a plan to flee is a guess", "Up to 300 families could flee the valley.", nil},
		// hostages and abductions
		{"seized", "Gunmen seized 39 schoolchildren and two teachers on Friday.", []want{{desc: "hostage [39, 39] exact children"}, {desc: "hostage [2, 2] exact teachers"}}},
		{"seized things are no hostages", "Customs officers seized 400 kilograms of heroin.", nil},
		{"the kidnapping of", "Police blamed bandits for the kidnapping of 61 worshippers.", []want{{desc: "hostage [61, 61] exact people"}}},
		{"the abduction of", "Witnesses described the abduction of nine aid workers.", []want{{desc: "hostage [9, 9] exact aid workers"}}},
		{"remaining captives", "The 41 remaining captives are thought to be alive.", []want{{desc: "hostage [41, 41] exact people"}}},
		{"still held", "Fewer than 15 foreign nationals are still held.", []want{{desc: "hostage [0, 14] less_than foreigners"}}},
		{"released are not held", "The 14 remaining captives were released at dawn.", nil},
		// arrests
		{"the arrest of", "Reporters protested the arrest of three photographers.", []want{{desc: "arrested [3, 3] exact journalists"}}},
		{"the detention of", "The detention of 22 students drew criticism.", []want{{desc: "arrested [22, 22] exact students"}}},
		{"arrests of", "Police reported 140 arrests of looters.", []want{{desc: "arrested [140, 140] exact people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, tt.want, tt.text)
		})
	}
}

// TestPartAfterBreakdownWord: a figure with its own casualty word right
// after a breakdown word is a part of the total before it when both count
// the same category, and a figure of its own otherwise.
func TestPartAfterBreakdownWord(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		wantPart []bool
	}{
		{"same category", "The bulletin listed 980 injured, of whom 312 are in a serious condition.", []bool{false, true}},
		{"another category", "The bulletin listed 980 injured, of whom 12 later died.", []bool{false, false}},
		// a degree of injury makes a part without a breakdown word
		// (injuryseverity): the 312 are some of the 980
		{"no breakdown word but a degree of injury", "The bulletin listed 980 injured; 312 are in a serious condition.", []bool{false, true}},
		{"no breakdown word", "The bulletin listed 980 injured; 312 were hurt in Homs.", []bool{false, false}},
		{"a noun's own count after including", "The toll rose to 202, the prefecture said, including eight disaster-related deaths.", []bool{false, true}},
		// a partitive counts some of a total given elsewhere
		{"some of the dead", "Thirty-four of the dead have been identified, the district collector said.", []bool{true}},
		{"some of the bodies", "Rescuers say 16 of the bodies were found in the river downstream.", []bool{true}},
		{"some of those injured", "Doctors said 40 of those injured were still in intensive care.", []bool{true}},
		{"all of the dead is the whole", "Relatives have now identified all 222 of the dead.", []bool{false}},
		{"a group's own deaths", "Officials said 12 soldiers were among the dead.", []bool{false}},
		{"some of whom, of the same count", "He said 284 people were wounded, 220 of whom were taken to hospital.", []bool{false, true}},
		{"some of them, of another count", "The hospital had received more than 600 injured people, and at least 40 of them had died.", []bool{false, true}},
		{"some of them, of a group, is the whole toll", "A bus carried 42 people; at least nine of them were killed.", []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := mustExtract(t, tt.text, "2024-03-12")
			if len(claims) != len(tt.wantPart) {
				t.Fatalf("got %d claims, want %d", len(claims), len(tt.wantPart))
			}
			for i, c := range claims {
				if c.Context.Part != tt.wantPart[i] {
					t.Errorf("claim %d (%s): part %v, want %v", i, describeClaim(c), c.Context.Part, tt.wantPart[i])
				}
			}
		})
	}
}
