package extract

// The extractor's vocabulary, in one place so that it can be read and
// changed. Every table is keyed by lowercase words; multi-word entries are
// written with single spaces. Changing a table changes what is extracted:
// bump Version when you do.

import "github.com/tollproject/toll/tracker"

// vagueWords maps a vague quantity word to the conservative number it
// stands for, after ACLED's coding: the lowest value a careful reader can
// defend. The interval is [n, ∞) and the word is kept on the claim.
var vagueWords = map[string]int64{
	"several":                  3,
	"a few":                    2,
	"a couple":                 2,
	"a couple of":              2,
	"tens":                     10,
	"dozens":                   12,
	"scores":                   20,
	"hundreds":                 100,
	"thousands":                1000,
	"tens of thousands":        10000,
	"hundreds of thousands":    100000,
	"millions":                 1000000,
	"a handful":                2,
	"tens of thousands of":     10000, // written forms with "of" are matched by the parser; kept for lookups
	"hundreds of thousands of": 100000,
}

// preQualifiers are the words that stand before a number and say how to
// read it. Longest match wins ("no more than" beats "more than").
var preQualifiers = map[string]tracker.Qualifier{
	"exactly":        tracker.Exact,
	"precisely":      tracker.Exact,
	"a total of":     tracker.Exact,
	"at least":       tracker.AtLeast,
	"no fewer than":  tracker.AtLeast,
	"no less than":   tracker.AtLeast,
	"not less than":  tracker.AtLeast,
	"not fewer than": tracker.AtLeast,
	"a minimum of":   tracker.AtLeast,
	"at a minimum":   tracker.AtLeast,
	"more than":      tracker.MoreThan,
	"over":           tracker.MoreThan,
	"above":          tracker.MoreThan,
	"exceeding":      tracker.MoreThan,
	"exceeded":       tracker.MoreThan,
	"exceeds":        tracker.MoreThan,
	"exceed":         tracker.MoreThan,
	"in excess of":   tracker.MoreThan,
	"upwards of":     tracker.MoreThan,
	"upward of":      tracker.MoreThan,
	"beyond":         tracker.MoreThan,
	"surpassing":     tracker.MoreThan,
	"surpassed":      tracker.MoreThan,
	"surpasses":      tracker.MoreThan,
	"surpass":        tracker.MoreThan,
	"topping":        tracker.MoreThan,
	"topped":         tracker.MoreThan,
	"tops":           tracker.MoreThan,
	"top":            tracker.MoreThan,
	"passing":        tracker.MoreThan,
	"passed":         tracker.MoreThan,
	"passes":         tracker.MoreThan,
	"just over":      tracker.MoreThan,
	"past":           tracker.MoreThan, // "climbed past 21,000"; "the past 24 hours" is a time, excluded first
	"well over":      tracker.MoreThan,
	"well above":     tracker.MoreThan,
	"just above":     tracker.MoreThan,
	"more then":      tracker.MoreThan, // a common typo in wire copy
	"up to":          tracker.AtMost,
	"as many as":     tracker.AtMost,
	"at most":        tracker.AtMost,
	"no more than":   tracker.AtMost,
	"not more than":  tracker.AtMost,
	"a maximum of":   tracker.AtMost,
	"fewer than":     tracker.LessThan,
	"less than":      tracker.LessThan,
	"under":          tracker.LessThan,
	"below":          tracker.LessThan,
	"about":          tracker.Approx,
	"around":         tracker.Approx,
	"approximately":  tracker.Approx,
	"approx.":        tracker.Approx,
	"roughly":        tracker.Approx,
	"some":           tracker.Approx,
	"an estimated":   tracker.Approx,
	"estimated":      tracker.Approx,
	"circa":          tracker.Approx,
	"ca.":            tracker.Approx,
	"~":              tracker.Approx,
	"almost":         tracker.Nearly,
	"nearly":         tracker.Nearly,
	"close to":       tracker.Nearly,
	"just under":     tracker.Nearly,
	"just below":     tracker.Nearly,
	"just shy of":    tracker.Nearly,
	"nears":          tracker.Nearly,
	"neared":         tracker.Nearly,
	"nearing":        tracker.Nearly,
	"near":           tracker.Nearly,
	"approaching":    tracker.Nearly,
	"approaches":     tracker.Nearly,
}

// postQualifiers follow the number: "300 or more", "300-plus".
var postQualifiers = map[string]tracker.Qualifier{
	"or more":      tracker.AtLeast,
	"or over":      tracker.AtLeast,
	"plus":         tracker.AtLeast,
	"+":            tracker.AtLeast,
	"or fewer":     tracker.AtMost,
	"or less":      tracker.AtMost,
	"and counting": tracker.AtLeast,
}

// incrementWords before a number make it an increment, never a total:
// "another 12 were killed", "a further 30".
var incrementWords = map[string]bool{
	"another":       true,
	"a further":     true,
	"an additional": true,
	"additional":    true,
	"further":       true,
	"a new":         false, // "a new toll of 1,300" is a total; listed to say so
}

// smallNumbers are the number words below a hundred.
var smallNumbers = map[string]int64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// scaleWords multiply the number before them: "1.2 million", "three
// thousand". "dozen" is a scale too: "three dozen" is 36.
var scaleWords = map[string]int64{
	"dozen":    12,
	"hundred":  100,
	"thousand": 1000,
	"million":  1000000,
	"billion":  1000000000,
	"mln":      1000000,
	"bn":       1000000000,
}

// trigger is a casualty word and how it links to its number.
type trigger struct {
	cat tracker.Category
	// post: follows the counted group ("700 Israelis were killed", "12
	// dead"); pre: an active verb before its object ("killing 12");
	// noun: the counted noun itself ("12 deaths", "203 hostages").
	post, pre, noun bool
	// who, for nouns that name the group too ("hostages" are people).
	who string
}

// triggers maps casualty words to their category. Multi-word entries are
// matched before single words.
var triggers = map[string]trigger{
	// killed
	"killed":                {cat: tracker.Killed, post: true, pre: true},
	"killing":               {cat: tracker.Killed, pre: true},
	"kills":                 {cat: tracker.Killed, pre: true},
	"detain":                {cat: tracker.Arrested, pre: true},
	"arrest":                {cat: tracker.Arrested, pre: true},
	"abduct":                {cat: tracker.Hostage, pre: true},
	"kidnap":                {cat: tracker.Hostage, pre: true},
	"displace":              {cat: tracker.Displaced, pre: true},
	"gone missing":          {cat: tracker.Missing, post: true},
	"went missing":          {cat: tracker.Missing, post: true},
	"sustained injuries":    {cat: tracker.Injured, post: true},
	"suffered injuries":     {cat: tracker.Injured, post: true},
	"forced to flee":        {cat: tracker.Displaced, post: true},
	"kill":                  {cat: tracker.Killed, pre: true},
	"dead":                  {cat: tracker.Killed, post: true, noun: true},
	"died":                  {cat: tracker.Killed, post: true},
	"have died":             {cat: tracker.Killed, post: true},
	"deaths":                {cat: tracker.Killed, noun: true},
	"death":                 {cat: tracker.Killed, noun: true},
	"fatalities":            {cat: tracker.Killed, noun: true},
	"fatality":              {cat: tracker.Killed, noun: true},
	"martyred":              {cat: tracker.Killed, post: true},
	"martyrs":               {cat: tracker.Killed, noun: true},
	"martyr":                {cat: tracker.Killed, noun: true},
	"perished":              {cat: tracker.Killed, post: true},
	"lost their lives":      {cat: tracker.Killed, post: true},
	"lost their life":       {cat: tracker.Killed, post: true},
	"lost his life":         {cat: tracker.Killed, post: true},
	"lost her life":         {cat: tracker.Killed, post: true},
	"slain":                 {cat: tracker.Killed, post: true},
	"murdered":              {cat: tracker.Killed, post: true, pre: true},
	"massacred":             {cat: tracker.Killed, post: true, pre: true},
	"shot dead":             {cat: tracker.Killed, post: true, pre: true},
	"shot and killed":       {cat: tracker.Killed, post: true, pre: true},
	"claimed the lives of":  {cat: tracker.Killed, pre: true},
	"claiming the lives of": {cat: tracker.Killed, pre: true},
	"took the lives of":     {cat: tracker.Killed, pre: true},
	"bodies":                {cat: tracker.Killed, noun: true, who: "people"},
	"body":                  {cat: tracker.Killed, noun: true, who: "people"},
	// injured
	"injured":  {cat: tracker.Injured, post: true, pre: true, noun: true},
	"injuring": {cat: tracker.Injured, pre: true},
	"injures":  {cat: tracker.Injured, pre: true},
	"injure":   {cat: tracker.Injured, pre: true},
	"wound":    {cat: tracker.Injured, pre: true},
	"wounded":  {cat: tracker.Injured, post: true, pre: true, noun: true},
	"wounding": {cat: tracker.Injured, pre: true},
	"wounds":   {cat: tracker.Injured, pre: true},
	"hurt":     {cat: tracker.Injured, post: true},
	"hurting":  {cat: tracker.Injured, pre: true},
	"injuries": {cat: tracker.Injured, noun: true},
	"injury":   {cat: tracker.Injured, noun: true},
	// missing
	"missing":         {cat: tracker.Missing, post: true, noun: true},
	"unaccounted for": {cat: tracker.Missing, post: true},
	"unaccounted-for": {cat: tracker.Missing, post: true},
	// hostage
	"hostage":       {cat: tracker.Hostage, post: true},
	"hostages":      {cat: tracker.Hostage, post: true, noun: true, who: "people"},
	"taken hostage": {cat: tracker.Hostage, post: true},
	"held hostage":  {cat: tracker.Hostage, post: true},
	"abducted":      {cat: tracker.Hostage, post: true, pre: true},
	"abducting":     {cat: tracker.Hostage, pre: true},
	"kidnapped":     {cat: tracker.Hostage, post: true, pre: true},
	"kidnapping":    {cat: tracker.Hostage, pre: true},
	"held captive":  {cat: tracker.Hostage, post: true},
	"captive":       {cat: tracker.Hostage, post: true},
	"captives":      {cat: tracker.Hostage, noun: true, who: "people"},
	"in captivity":  {cat: tracker.Hostage, post: true},
	"abductees":     {cat: tracker.Hostage, noun: true, who: "people"},
	// displaced
	"displaced":               {cat: tracker.Displaced, post: true, pre: true, noun: true},
	"displacing":              {cat: tracker.Displaced, pre: true},
	"homeless":                {cat: tracker.Displaced, post: true, noun: true},
	"fled their homes":        {cat: tracker.Displaced, post: true},
	"crossed into":            {cat: tracker.Displaced, post: true},
	"have crossed into":       {cat: tracker.Displaced, post: true},
	"fled to":                 {cat: tracker.Displaced, post: true},
	"fled into":               {cat: tracker.Displaced, post: true},
	"sought refuge":           {cat: tracker.Displaced, post: true},
	"have fled":               {cat: tracker.Displaced, post: true},
	"fled":                    {cat: tracker.Displaced, post: true},
	"refugees":                {cat: tracker.Displaced, noun: true, who: "people"},
	"uprooted":                {cat: tracker.Displaced, post: true, pre: true},
	"forced from their homes": {cat: tracker.Displaced, post: true},
	"driven from their homes": {cat: tracker.Displaced, post: true},
	"internally displaced":    {cat: tracker.Displaced, post: true, noun: true},
	"idps":                    {cat: tracker.Displaced, noun: true, who: "people"},
	// arrested
	"arrested":           {cat: tracker.Arrested, post: true, pre: true},
	"arresting":          {cat: tracker.Arrested, pre: true},
	"detained":           {cat: tracker.Arrested, post: true, pre: true},
	"detaining":          {cat: tracker.Arrested, pre: true},
	"rounded up":         {cat: tracker.Arrested, post: true, pre: true},
	"rounding up":        {cat: tracker.Arrested, pre: true},
	"arrests":            {cat: tracker.Arrested, noun: true},
	"detentions":         {cat: tracker.Arrested, noun: true},
	"detainees":          {cat: tracker.Arrested, noun: true, who: "people"},
	"taken into custody": {cat: tracker.Arrested, post: true},
	"taken prisoner":     {cat: tracker.Arrested, post: true},
}

// tollNouns name a running count ("the death toll", "the number of
// injured"). A number linked to one is that count; the category comes from
// the noun, or from the casualty word after "number of".
var tollNouns = map[string]tracker.Category{
	"death toll":                 tracker.Killed,
	"toll":                       tracker.Killed,
	"fatality toll":              tracker.Killed,
	"fatality count":             tracker.Killed,
	"body count":                 tracker.Killed,
	"death count":                tracker.Killed,
	"casualty toll":              tracker.Killed, // in wire usage "casualty toll" is a death toll
	"hostage count":              tracker.Hostage,
	"hostage tally":              tracker.Hostage,
	"hostage toll":               tracker.Hostage,
	"number of hostages":         tracker.Hostage,
	"number of captives":         tracker.Hostage,
	"number of dead":             tracker.Killed,
	"number of deaths":           tracker.Killed,
	"number of martyrs":          tracker.Killed,
	"number of fatalities":       tracker.Killed,
	"number of killed":           tracker.Killed,
	"number of those killed":     tracker.Killed,
	"number of people killed":    tracker.Killed,
	"number of wounded":          tracker.Injured,
	"number of injured":          tracker.Injured,
	"number of injuries":         tracker.Injured,
	"number of people injured":   tracker.Injured,
	"number of people wounded":   tracker.Injured,
	"number of missing":          tracker.Missing,
	"number of people missing":   tracker.Missing,
	"number of displaced":        tracker.Displaced,
	"number of displaced people": tracker.Displaced,
	"number of people displaced": tracker.Displaced,
	"number of refugees":         tracker.Displaced,
	"number of detainees":        tracker.Arrested,
	"number of arrests":          tracker.Arrested,
	"number of people arrested":  tracker.Arrested,
	"number of people detained":  tracker.Arrested,
	"injury toll":                tracker.Injured,
	"deaths":                     tracker.Killed,
	"fatalities":                 tracker.Killed,
	"injuries":                   tracker.Injured,
	"detentions":                 tracker.Arrested,
	"arrests":                    tracker.Arrested,
	"displacement":               tracker.Displaced,
	"displaced":                  tracker.Displaced,
	"refugees":                   tracker.Displaced,
	"number killed":              tracker.Killed,
	"number dead":                tracker.Killed,
	"number injured":             tracker.Injured,
	"number wounded":             tracker.Injured,
	"number missing":             tracker.Missing,
	"number displaced":           tracker.Displaced,
	"number detained":            tracker.Arrested,
	"number arrested":            tracker.Arrested,
	"number abducted":            tracker.Hostage,
	"number kidnapped":           tracker.Hostage,
	"injured toll":               tracker.Injured,
	"displacement toll":          tracker.Displaced,
}

// groups maps group nouns to the normalised group: a lowercase plural.
var groups = map[string]string{
	"officials": "officials", "local officials": "officials",
	"citizens": "people", "crew members": "crew", "crew": "crew",
	"sailors": "crew", "seafarers": "crew", "climbers": "climbers", "hikers": "climbers",
	"tourists": "tourists", "spectators": "people", "fans": "people", "guests": "people",
	"people": "people", "persons": "people", "person": "people",
	"individuals": "people", "individual": "people", "residents": "people",
	"victims": "people", "others": "people", "other people": "people",
	"worshippers": "people", "worshipers": "people", "festivalgoers": "people",
	"festival-goers": "people", "partygoers": "people", "villagers": "people",
	"family members": "people", "relatives": "people", "patients": "people",
	"passengers": "passengers", "shoppers": "people", "pilgrims": "people",
	"civilians": "civilians", "civilian": "civilians", "noncombatants": "civilians",
	"children": "children", "child": "children", "kids": "children",
	"minors": "children", "boys": "children", "girls": "children",
	"babies": "children", "infants": "children", "toddlers": "children",
	"newborns": "children", "teenagers": "children",
	"women": "women", "woman": "women", "mothers": "women",
	"men": "men", "man": "men",
	"elderly": "elderly", "elderly people": "elderly", "older people": "elderly",
	"soldiers": "soldiers", "soldier": "soldiers", "troops": "soldiers",
	"servicemen": "soldiers", "service members": "soldiers", "reservists": "soldiers",
	"servicemembers": "soldiers", "conscripts": "soldiers",
	"police officers": "police officers", "policemen": "police officers",
	"police": "police officers", "officers": "police officers", "police officer": "police officers",
	"journalists": "journalists", "journalist": "journalists", "reporters": "journalists",
	"media workers": "journalists", "photographers": "journalists",
	"medics": "medics", "paramedics": "medics", "doctors": "medics", "nurses": "medics",
	"health workers": "medics", "healthcare workers": "medics", "medical staff": "medics",
	"medical workers": "medics", "medic": "medics",
	"aid workers": "aid workers", "humanitarian workers": "aid workers",
	"humanitarians": "aid workers", "staff members": "staff", "staff": "staff",
	"employees": "staff", "workers": "workers", "labourers": "workers", "laborers": "workers",
	"farmworkers": "workers", "miners": "workers", "firefighters": "firefighters",
	"rescuers": "rescuers", "rescue workers": "rescuers",
	"students": "students", "pupils": "students", "teachers": "teachers",
	"migrants": "migrants", "asylum seekers": "migrants",
	"foreigners": "foreigners", "foreign nationals": "foreigners", "nationals": "foreigners",
	"fighters": "fighters", "militants": "militants", "gunmen": "militants",
	"attackers": "militants", "combatants": "fighters", "terrorists": "militants",
	"prisoners": "prisoners", "inmates": "prisoners",
	"protesters": "protesters", "demonstrators": "protesters",
	"settlers": "settlers", "farmers": "farmers", "fishermen": "fishermen",
}

// demonyms maps nationality nouns and adjectives to the group. As a noun
// ("700 Israelis") it is the group; as an adjective before another group
// noun ("Israeli soldiers") it is dropped in favour of that noun.
var demonyms = map[string]string{
	"israelis": "israelis", "israeli": "israelis",
	"palestinians": "palestinians", "palestinian": "palestinians",
	"gazans": "gazans", "gazan": "gazans",
	"lebanese": "lebanese", "syrians": "syrians", "syrian": "syrians",
	"ukrainians": "ukrainians", "ukrainian": "ukrainians",
	"russians": "russians", "russian": "russians",
	"americans": "americans", "american": "americans",
	"britons": "britons", "british": "britons",
	"thais": "thais", "thai": "thais", "nepalese": "nepalese", "nepali": "nepalese",
	"french": "french", "germans": "germans", "german": "germans",
	"sudanese": "sudanese", "turks": "turks", "turkish": "turks",
	"iraqis": "iraqis", "iraqi": "iraqis", "iranians": "iranians", "iranian": "iranians",
	"yemenis": "yemenis", "yemeni": "yemenis", "egyptians": "egyptians", "egyptian": "egyptians",
	"jordanians": "jordanians", "jordanian": "jordanians", "afghans": "afghans", "afghan": "afghans",
	"filipinos": "filipinos", "filipino": "filipinos", "chinese": "chinese",
	"indians": "indians", "indian": "indians", "pakistanis": "pakistanis",
	"libyans": "libyans", "libyan": "libyans", "moroccans": "moroccans",
	"haitians": "haitians", "haitian": "haitians", "somalis": "somalis", "somali": "somalis",
	"ethiopians": "ethiopians", "ethiopian": "ethiopians", "kurds": "kurds", "kurdish": "kurds",
	"argentinians": "argentinians", "mexicans": "mexicans", "canadians": "canadians",
	"australians": "australians", "europeans": "europeans", "africans": "africans",
	"bedouin": "bedouin", "bedouins": "bedouin", "druze": "druze",
}

// modifiers may stand between a number and its group noun without
// changing the group: "700 more Israeli civilians", "12 unarmed men".
var modifiers = map[string]bool{
	"more": true, "other": true, "additional": true, "further": true,
	"innocent": true, "unarmed": true, "young": true, "foreign": true,
	"local": true, "armed": true, "civil": true, "defence": true, "defense": true,
	"security": true, "military": true, "un": true, "unrwa": true, "hamas": true,
	"idf": true, "aid": true, "red": true, "crescent": true, "cross": true,
	"newborn": true, "pregnant": true, "displaced": false, "wounded": false,
	"palestinian": true, "israeli": true, "civilian": true, "off-duty": true,
	"active-duty": true, "reserve": true, "army": true, "border": true,
	"medical": true, "health": true, "emergency": true, "fellow": true,
	"elderly": true, "teenage": true, "female": true, "male": true,
	"british": true, "american": true, "thai": true, "french": true,
	"total": true, "mostly": true, "largely": true, "mainly": true,
	"people": false, "municipal": true, "rescue": true, "relief": true,
	"family": true, "of": false, "their": false, "whom": false,
	"earlier": true, "new": true, "previous": true, "confirmed": true, "recorded": true,
	"registered": true, "identified": true, "unidentified": true, "documented": true,
}

// nounModifierGroups turn a casualty noun into a group: "civilian deaths"
// count civilians, "child deaths" children.
var nounModifierGroups = map[string]string{
	"civilian": "civilians", "child": "children", "children's": "children",
	"military": "soldiers", "soldier": "soldiers", "troop": "soldiers",
	"journalist": "journalists", "women's": "women", "female": "women",
	"police": "police officers", "migrant": "migrants", "refugee": "people",
	"student": "students", "aid": "aid workers", "worker": "workers",
}

// units are nouns that make a number something other than a count of
// people: "90 minutes", "15 members", "3,000 rockets". A number whose noun
// is in this table, or is any unknown noun, is never a casualty figure.
// Listed here are the ones the extractor must reject even when a casualty
// word is near.
var units = map[string]bool{
	"minutes": true, "minute": true, "hours": true, "hour": true, "days": true,
	"day": true, "weeks": true, "week": true, "months": true, "month": true,
	"years": true, "year": true, "decades": true, "seconds": true,
	"percent": true, "per": true, "pct": true, "km": true, "kilometres": true,
	"kilometers": true, "miles": true, "mile": true, "metres": true, "meters": true,
	"feet": true, "tons": true, "tonnes": true, "litres": true, "liters": true,
	"dollars": true, "euros": true, "shekels": true, "pounds": true,
	"rockets": true, "missiles": true, "drones": true, "shells": true,
	"buildings": true, "homes": true, "houses": true, "trucks": true,
}

// timeWords after a number make it a time of day: "at 6 a.m.", "10 GMT".
var timeWords = map[string]bool{
	"a.m.": true, "p.m.": true, "am": true, "pm": true, "gmt": true, "utc": true,
	"o'clock": true, "hrs": true, "local": false, "cet": true, "est": true, "edt": true,
}

// nameWords before a number make it part of a name or a reference, never a
// count: "Resolution 2712", "Article 51", "Route 6", "Flight 17".
var nameWords = map[string]bool{
	"resolution": true, "resolutions": true, "article": true, "articles": true,
	"no.": true, "no": false, "number": false, "route": true, "highway": true,
	"flight": true, "room": true, "gate": true, "building": true, "block": true,
	"section": true, "paragraph": true, "chapter": true, "page": true,
	"unit": true, "brigade": true, "division": true, "battalion": true,
	"platform": true, "line": true, "bus": true, "road": true, "street": true,
	"phase": true, "level": true, "category": true, "magnitude": true,
	"covid": true, "covid-": true, "f-": true, "tel": true, "ext": true,
	"vol": true, "vol.": true, "pp": true, "p.": true, "doc": true,
	"aged": true, "age": true, "ages": true, "grade": true, "class": true,
	"sura": true, "verse": true, "hall": true, "terminal": true, "apartment": true,
	"apt": true, "floor": true, "in": false, "since": false, "of": false,
}

// speculation words in a clause make its figures a guess about the
// future or a fear, which toll never files as a claim.
var speculation = map[string]bool{
	"could": true, "may": true, "might": true, "would": true, "feared": true,
	"fear": true, "fears": true, "fearing": true, "expected": true, "expects": true,
	"likely": true, "projected": true, "projects": true, "threatened": true,
	"threatens": true, "threaten": true, "risk": true, "risks": true,
	"if": true, "unless": true, "potentially": true, "possibly": true,
	"forecast": true, "predicted": true, "predicts": true, "warned": true,
	"warns": true, "warning": true, "plans": true, "planned": true, "aims": true,
	"should": true, "whether": true, "suspected": false, "feared dead": true,
	"estimates that as many": false, "hypothetical": true, "scenario": true,
	"worst-case": true, "potential": true,
}

// negations before a number or its verb make the figure false: "none of
// the 12 were hurt", "not 12".
var negations = map[string]bool{
	"no": true, "not": true, "none": true, "never": true, "nobody": true,
	"neither": true, "nor": true, "without": true, "denied": true, "denies": true,
	"deny": true, "n't": true,
}

// changeVerbs make "from A to B" a change, not a range ("rose from 1,900 to
// 2,329"), and mark "to X from Y" rising tolls.
var changeVerbs = map[string]bool{
	"rose": true, "rises": true, "risen": true, "rise": true, "rising": true,
	"climbed": true, "climbs": true, "climb": true, "climbing": true,
	"jumped": true, "jumps": true, "jump": true, "jumping": true,
	"increased": true, "increases": true, "increase": true, "increasing": true,
	"grew": true, "grows": true, "grown": true, "growing": true,
	"surged": true, "surges": true, "soared": true, "soars": true,
	"mounted": true, "mounts": true, "went": true, "gone": true, "up": true,
	"raised": true, "raises": true, "raising": true, "revised": true, "revises": true,
	"lowered": true, "lowers": true, "fell": true, "falls": true, "dropped": true,
	"drops": true, "reduced": true, "reduces": true, "corrected": true, "corrects": true,
	"updated": true, "updates": true, "adjusted": true, "adjusts": true,
	"downgraded": true, "upgraded": true, "spiked": true, "spikes": true,
	"edged": true, "ticked": true, "doubled": true, "tripled": true,
	"decreased": true, "declined": true, "down": true, "increased by": true,
	"bringing": true, "brought": true, "brings": true, "bring": true, "taking": true,
	"took": false, "pushing": true, "pushed": true,
}

// revisionWords say a figure was revised or corrected, which makes a fall
// a revision rather than an inconsistency.
var revisionWords = map[string]bool{
	"revised": true, "revises": true, "revising": true, "revision": true,
	"corrected": true, "corrects": true, "correcting": true, "correction": true,
	"lowered": true, "lowers": true, "downgraded": true, "adjusted": true,
	"amended": true, "recalculated": true, "readjusted": true, "downward": true,
}

// breakdownWords introduce the parts of a total: "killing 12, including
// five children".
var breakdownWords = map[string]bool{
	"including":          true,
	"includes":           true,
	"included":           true,
	"include":            true,
	"among them":         true,
	"among whom":         true,
	"of whom":            true,
	"among the dead":     true,
	"among the victims":  true,
	"among the killed":   true,
	"among those killed": true,
	"among the injured":  true,
	"among the wounded":  true,
	"among the hostages": true,
	"among those":        true,
	"among the":          true,
	"among":              true,
	"of them":            true,
	"of those":           true,
	"among those taken":  true,
}

// attributionVerbs follow (or, inverted, precede) the one who gave a
// figure: "the ministry said", "said the ministry".
var attributionVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "reported": true, "reports": true,
	"announced": true, "announces": true, "confirmed": true, "confirms": true,
	"stated": true, "states": true, "added": true, "adds": true, "estimated": true,
	"estimates": true, "told": true, "tells": true, "claimed": true, "claims": true,
	"counted": true, "counts": true, "recorded": true, "records": true,
	"documented": true, "documents": true, "put": true, "puts": true,
	"noted": true, "notes": true, "updated": true, "wrote": true, "writes": true,
	"tallied": true, "verified": true, "verifies": true, "acknowledged": true,
	"acknowledges": true, "revealed": true, "reveals": true, "declared": true,
	"declares": true, "published": true, "publishes": true,
	"posted": true, "tweeted": true, "explained": true, "explains": true,
	"indicated": true, "indicates": true, "concluded": true, "concludes": true,
	"found": true, "finds": true, "showed": true, "shows": true, "insisted": true,
	"insists": true, "warned": true, "warns": true, "registered": true, "registers": true,
	"believes": true, "believed": false, "stressed": true, "specified": true,
	// the subject of a revision is the one who gave the new figure
	"revised": true, "revises": true, "raised": true, "raises": true,
	"lowered": true, "lowers": true, "upgraded": true, "downgraded": true,
}

// weekdays and months for date expressions.
var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
	"friday": 5, "saturday": 6,
}

var months = map[string]int{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2,
	"march": 3, "mar": 3, "mar.": 3, "april": 4, "apr": 4, "apr.": 4, "may": 5,
	"june": 6, "jun": 6, "jun.": 6, "july": 7, "jul": 7, "jul.": 7,
	"august": 8, "aug": 8, "aug.": 8, "september": 9, "sept": 9, "sept.": 9,
	"sep": 9, "sep.": 9, "october": 10, "oct": 10, "oct.": 10, "november": 11,
	"nov": 11, "nov.": 11, "december": 12, "dec": 12, "dec.": 12,
}

// abbreviations end with a period that does not end a sentence. alwaysAbbr
// never end one (titles); the rest end one only before a capitalised word
// that is not a number.
var alwaysAbbr = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"lt": true, "col": true, "sgt": true, "capt": true, "maj": true, "cpl": true,
	"pvt": true, "adm": true, "rep": true, "sen": true, "gov": true, "st": true,
	"rev": true, "hon": true, "fr": true, "mt": true, "ft": true, "brig": true,
	"cmdr": true, "insp": true, "supt": true, "messrs": true, "no": true,
	"vs": true, "v": true, "approx": true, "ca": true, "cf": true, "nos": true,
	"e.g": true, "i.e": true, "etc": false, "u.s": true, "u.n": true, "u.k": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// placeHeads end a place that is a site rather than an area: figures about
// one event site ("the al-Ahli Arab hospital") are kept apart from
// area-wide tolls by the reconciler.
var placeHeads = map[string]bool{
	"hospital": true, "festival": true, "school": true, "camp": true,
	"mosque": true, "church": true, "market": true, "kibbutz": true,
	"complex": true, "compound": true, "stadium": true, "square": true,
	"crossing": true, "border": false, "strip": true, "bank": true,
	"city": true, "province": true, "region": true, "district": true,
	"governorate": true, "village": true, "town": true, "valley": true,
	"heights": true, "centre": true, "center": true, "clinic": true,
	"university": true, "shelter": true, "concert": true, "party": true,
	"rave": true, "neighbourhood": true, "neighborhood": true, "port": true,
	"airport": true, "mall": true, "building": true, "tower": true,
	"plant": true, "mine": true, "factory": true, "station": true,
	"prison": true, "oblast": true, "state": true, "county": true,
	"restaurant": true, "cafe": true, "hotel": true, "theatre": true, "theater": true,
	"museum": true, "bakery": true, "supermarket": true, "nightclub": true,
	"synagogue": true, "cathedral": true, "temple": true, "base": true,
	"site": true,
}

// notPlaces are capitalised words that follow "in" or "at" without being
// places: organisations, days, months, people's titles.
var notPlaces = map[string]bool{
	"council": true, "ministry": true, "army": true, "forces": true,
	"nations": true, "agency": true, "office": true, "department": true,
	"hamas": true, "idf": true, "un": true, "reuters": true, "afp": true, "ap": true,
	"associated": true, "press": true, "health": true, "government": true,
	"authority": true, "committee": true, "parliament": true, "knesset": true,
	"congress": true, "senate": true, "house": true, "white": true,
	"pentagon": true, "kremlin": true, "hezbollah": true, "jihad": true,
	"ocha": true, "unrwa": true, "who": true, "unicef": true, "icrc": true,
	"statement": true, "report": true, "update": true, "briefing": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true,
	"february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "oct": true, "nov": true, "dec": true,
	"sept": true, "aug": true, "jan": true, "feb": true, "the": true, "a": true, "an": true,
	"israeli": true, "palestinian": true, "russian": true, "ukrainian": true,
	"syrian": true, "american": true, "hamas-run": true, "israeli-occupied": false,
	"english": true, "arabic": true, "hebrew": true, "telegram": true,
	"gmt": true, "i": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"security": true, "general": true, "assembly": true, "court": true,
	"media": true, "defense": true, "defence": true, "force": true, "corps": true,
	"brigades": true, "movement": true, "group": true, "organization": true,
	"organisation": true, "programme": true, "program": true, "fund": true,
	"bank's": false, "interior": true, "foreign": true, "national": true,
	"insurance": true, "institute": true, "service": true, "services": true,
	"intelligence": true, "directorate": true, "red": true, "crescent": true,
	"cross": true, "society": true, "federation": true, "union": true,
	"world": true, "food": true, "emergency": true, "rescue": true,
	"day": true, "eve": true, "year's": true, "christmas": true, "easter": true,
	"ramadan": true, "halloween": true, "eid": true,
}

// placeDirections may open a place: "southern Israel", "northern Gaza".
var placeDirections = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "north": true, "south": true, "east": true, "west": true,
	"northeastern": true, "northwestern": true, "southeastern": true,
	"southwestern": true, "north-east": true, "north-west": true,
	"south-east": true, "south-west": true, "greater": true, "upper": true,
	"lower": true,
}

// placeDrop are words dropped from the front of a place: "the occupied
// West Bank" is "West Bank".
var placeDrop = map[string]bool{
	"the": true, "occupied": true, "besieged": true, "blockaded": true,
	"war-torn": true, "embattled": true, "israeli-occupied": true,
	"devastated": true, "beleaguered": true, "coastal": true, "bombarded": true,
}

// placePreps introduce the place a figure is about.
var placePreps = map[string]bool{
	"in": true, "into": true, "on": true, "at": true, "across": true,
	"throughout": true, "inside": true, "near": true, "around": false,
	"within": true, "from": false, "off": true, "along": true,
}
