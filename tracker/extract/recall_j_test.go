package extract

import "testing"

// TestCorpusJForms: forms that corpus J (testdata/eval/corpus-j.jsonl,
// written before the rules were read: headlines, live blogs, agency
// relays, English translated from Spanish, French, Portuguese and Arabic)
// found unread or misread. Each is a general form, with a sentence of our
// own.
func TestCorpusJForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"points group thousands", "The civil defence said 1.240 people were displaced and 3.150.000 affected, and that 2.318 had died.",
			[]want{{desc: "displaced [1240, 1240] exact people"}, {desc: "killed [2318, 2318] exact people"}}},
		{"points group thousands after a qualifier", "The ombudsman counts more than 27.500 displaced in the region.",
			[]want{{desc: "displaced [27501, ∞) more_than people"}}},
		{"a point grouping before a scale word is a fraction", "Floods displaced 1.250 million people.",
			[]want{{desc: "displaced [1250000, 1250000] exact people"}}},
		{"a fraction of fewer than three decimals is no count", "A magnitude 6.85 quake struck; 12 people died.",
			[]want{{desc: "killed [12, 12] exact people"}}},
		{"a leading zero is a fraction", "The rate was 0.125 deaths per case.", nil},
		{"fatal victims", "The collision left 14 fatal victims and 32 injured, the fire brigade said.",
			[]want{{desc: "killed [14, 14] exact people", span: "14 fatal victims"}, {desc: "injured [32, 32] exact people"}}},
		{"lost the life", "Two persons lost the life when the wall fell.",
			[]want{{desc: "killed [2, 2] exact people"}}},
		{"the martyrdom and the wounding of", "The shelling led to the martyrdom of 31 citizens and the wounding of 70 others.",
			[]want{{desc: "killed [31, 31] exact people"}, {desc: "injured [70, 70] exact people"}}},
		{"assassinated", "The league says at least 40 were assassinated in the commune last month.",
			[]want{{desc: "killed [40, ∞) at_least people"}}},
		{"neutralised fighters, not drones", "Troops neutralised 23 insurgents and neutralised 6 drones.",
			[]want{{desc: "killed [23, 23] exact insurgents"}}},
		{"a headline's present tense", "Nine Fishermen Drown As Storm Hits Coast",
			[]want{{desc: "killed [9, 9] exact fishermen"}}},
		{"with gunshot wounds and with burns", "Three men with gunshot wounds and 15 workers with burns were taken in.",
			[]want{{desc: "injured [3, 3] exact men"}, {desc: "injured [15, 15] exact workers"}}},
		{"disappeared", "Activists said 38 people were reported disappeared after the raids.",
			[]want{{desc: "missing [38, 38] exact people"}}},
		{"out of contact and uncontacted", "Some 40 climbers are out of contact, and 12 residents remain uncontacted.",
			[]want{{desc: "missing [36, 44] approx climbers"}, {desc: "missing [12, 12] exact people"}}},
		{"took hostage before the figure", "The gunmen took hostage 17 passengers on the bus.",
			[]want{{desc: "hostage [17, 17] exact passengers"}}},
		{"taken captive", "Eleven traders were taken captive on the road.",
			[]want{{desc: "hostage [11, 11] exact traders"}}},
		{"remanded", "The magistrate remanded 48 protesters in custody, and nine were remanded on Friday.",
			[]want{{desc: "arrested [48, 48] exact protesters"}, {desc: "arrested [9, 9] exact protesters"}}},
		{"devotees and personnel", "Six devotees died in the crush and four security personnel were hurt.",
			[]want{{desc: "killed [6, 6] exact people"}, {desc: "injured [4, 4] exact personnel"}}},
		{"suspected gunmen", "Police detained five suspected gunmen at a checkpoint.",
			[]want{{desc: "arrested [5, 5] exact militants"}}},
		{"survivors are no part of the toll", "Ferry sinking: 41 dead, three crew survive",
			[]want{{desc: "killed [41, 41] exact people"}}},
		{"pardoned detainees", "The president pardoned 120 detainees on Sunday.", nil},
		{"boats seized are things", "The navy seized four pirogues and two canoes.", nil},
		{"a subject with a cause phrase before included", "The dead from the heatwave included 31 Pakistanis, 12 Afghans and at least four Indians.",
			[]want{{desc: "killed [31, 31] exact pakistanis"}, {desc: "killed [12, 12] exact afghans"}, {desc: "killed [4, ∞) at_least indians"}}},
		{"a subject with a place phrase before included", "The victims of the bus crash in Tarma included 14 students.",
			[]want{{desc: "killed [14, 14] exact students"}}},
		{"a subject too far back is no subject", "The dead were buried on Friday as the council, which met in the town, included 12 new members.", nil},
		{"the total inside among and its parts after the copula", "Among the 62 people who died in the blaze were 40 Nepalis and 22 others.",
			[]want{{desc: "killed [62, 62] exact people"}, {desc: "killed [40, 40] exact nepalis"}, {desc: "killed [22, 22] exact people"}}},
		{"among a total of things is no breakdown", "Among the 300 houses destroyed were 40 schools.", nil},
		{"a partitive of those aboard a craft named after it", "Fifty-one of the 54 people aboard the Cessna Caravan died, and 12 of the 19 passengers on board flight XY402 were hurt.",
			[]want{{desc: "killed [51, 51] exact people"}, {desc: "injured [12, 12] exact people"}}},
		{"rescued aboard a craft is no toll", "Forty of the 44 people aboard the ferry Sea Star were rescued.", nil},
		{"the figure of the dead", "The figure of the dead from the landslide rose to 64, the governor informed.",
			[]want{{desc: "killed [64, 64] exact people"}}},
		{"the balance of fatal victims amounts to", "The balance of fatal victims of the storm amounts to 38, and the figure of displaced reaches 12.400.",
			[]want{{desc: "killed [38, 38] exact people"}, {desc: "displaced [12400, 12400] exact people"}}},
		{"a figure of the dead as a guess", "The figure of the dead could reach 500, a deputy said.", nil},
		{"the deceased as a subject", "In the north the deceased number nine, and the deceased included four women.",
			[]want{{desc: "killed [9, 9] exact people"}, {desc: "killed [4, 4] exact women"}}},
		{"of which after a toll", "The floods left 57 dead, of which 21 were children.",
			[]want{{desc: "killed [57, 57] exact people"}, {desc: "killed [21, 21] exact children"}}},
		{"of which after things", "Shelling hit 90 buildings, of which 14 were schools.", nil},
		{"found alive after a relative clause and its date", "Seven miners who had been missing since Monday were found alive, and four hikers who went missing on Friday were found alive too.", nil},
		{"missing since a day is still missing", "Seven miners have been missing since Monday.",
			[]want{{desc: "missing [7, 7] exact workers"}}},
		{"a date at the end of the sentence", "Seven miners went missing on Monday",
			[]want{{desc: "missing [7, 7] exact workers"}}},
		{"with a part in one place after the total", "The storm killed 61 people, with 30 in Sindh and 18 in Punjab.",
			[]want{{desc: "killed [61, 61] exact people"}, {desc: "killed [30, 30] exact people", where: "Sindh"}, {desc: "killed [18, 18] exact people", where: "Punjab"}}},
		{"with things after the total", "The storm killed 61 people, with 300 homes flattened.",
			[]want{{desc: "killed [61, 61] exact people"}}},
		{"a second toll with its verb left out", "The number of dead rose to 73, including nine children, and the injured to 210.",
			[]want{{desc: "killed [73, 73] exact people"}, {desc: "killed [9, 9] exact children"}, {desc: "injured [210, 210] exact people"}}},
		{"an elided figure that is no toll", "The toll rose to 40, and the price to 300 dollars.",
			[]want{{desc: "killed [40, 40] exact people"}}},
		{"an elided count of the same category is no second toll", "The death toll rose to 50, and the dead to 60.",
			[]want{{desc: "killed [50, 50] exact people"}}},
		{"crossed from", "Some 3,000 refugees crossed from Myanmar on Sunday, and 500 people have crossed from Sudan since.",
			[]want{{desc: "displaced [2700, 3300] approx people"}, {desc: "displaced [500, 500] exact people"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkWants(t, tt.want, tt.text) })
	}
}
