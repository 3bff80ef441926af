"""Words that decide what a bare number is: dates, labels, function words, nouns it counts."""

from __future__ import annotations

from claims.extraction.lexicon import wordset
from claims.extraction.lexicon.calendar import MONTH_WORDS, WEEKDAY_WORDS

MONTHS = MONTH_WORDS
WEEKDAYS = WEEKDAY_WORDS

# Capitalised words that may stand before a count without making it a name ("About 30
# people", "The 12 jurors"); any other capitalised word right before digits names something
# ("Boeing 737", "Apollo 11", "Route 66", "Article 5").
FUNCTION_WORDS = wordset(
    "the a an about around some over more nearly almost only just all another at in by of"
    " for with and but to from between up roughly approximately those these its their our"
    " his her each every less fewer under below above than exactly precisely estimated at"
    " least most further other another as when while after before since until during"
    " including if then there here that which who what where why how it they we he she you i"
    " police officials another among across against into onto upon per plus minus total some"
    " nearly just ago yesterday today last next this no not nor yet so or both either"
    " neither"
)

# Lower-case words that label what follows them: "page 5", "chapter 11", "flight 370".
LABEL_WORDS = wordset(
    "no no. nos number page pages chapter section article paragraph clause line lines room"
    " flight flights route gate platform terminal exit junction level grade stage phase"
    " category size channel seat row box ward district zone sector version season episode"
    " series round item figure fig table vol issue part act scene track lot unit block"
    " highway interstate road street avenue verse resolution rule amendment model type class"
    " tier step point bus tram apartment flat suite window windows ch ep pt sec art code"
    " bill motion proposition prop question q squad shirt jersey"
    " junctions chapters sections articles paragraphs rooms routes gates platforms exits"
    " stages phases levels categories seasons episodes rounds"
    " aged age"
    " week day game lap hole race top"
)

# Words that label a figure or table panel in technical writing: "Fig. 3C", "Figures 1A–1F",
# "Table 2F". A letter glued to the figure there names a panel, not a scale of temperature.
FIGURE_LABELS = wordset("fig figs figure figures table tables panel panels")

# Label words that may stand right before a temperature in another sense ("will top 30C", "No
# 30C days this summer", "at one point 40C"): a glued "C" after them stays a temperature.
NOT_LABELS_BEFORE_SCALE = wordset("no top point age aged level day week")

# After a number these are not the noun it counts.
NOT_NOUNS = wordset(
    "of to and or in on at by for from with was were is are be been being has have had will"
    " would could should may might can must shall did do does per times more fewer less than"
    " out as the a an that which who this these those it its their his her our my your also"
    " still only just even about around percent cent against versus vs into over under after"
    " before since until when while where if but so then there here up down off plus minus"
    " each apiece times-as ago later earlier"
    " fold last next ago yesterday today tomorrow overall apiece respectively alone total"
    " combined altogether"
)

# Nouns a bare "one" or a year-like number ("1500 people") must count to be read as a count.
COUNT_NOUNS = wordset(
    "person people man men woman women child children soldier soldiers civilian civilians"
    " troops boy boys girl girls baby babies officer officers policeman policemen journalist"
    " journalists victim victims patient patients worker workers member members student"
    " students teacher teachers doctor doctors nurse nurses resident residents inhabitants"
    " refugees migrants prisoners hostages casualties deaths death passengers passenger"
    " fighters fighter households household families family homes home houses house"
    " buildings building cases case jobs job votes vote seats seat countries country cities"
    " city villages village towns town tanks tank drones drone missiles missile aircraft"
    " vehicles vehicle ships ship employees employee voters voter units dead injured wounded"
    " killed staff adults adult protesters protester supporters"
)

# Irregular plurals a count noun may take (besides words ending in -s).
PLURALS = wordset(
    "people children men women police personnel staff cattle sheep fish aircraft deer"
    " troops livestock militia infantry offspring dead injured wounded crew clergy"
)

# A verb or noun of change before "over N years" makes "over" mean "during", not "more than".
CHANGE_WORDS = wordset(
    "rose risen rise rises rising fell fallen fall falls falling grew grown grow grows"
    " growing increased increase increases increasing decreased decrease declined decline"
    " declines dropped drop drops doubled tripled halved shrunk shrank shrink shrinks"
    " changed change spread spent paid repaid payable phased staggered invested invest built"
    " cut cuts lost gained gain gains warmed cooled expanded expand contracted jumped"
    " climbed slumped soared plunged"
)

# Nouns that name a change, not a level: "a rise of 2 °C", "limit warming to 1.5 °C".
CHANGE_NOUNS = wordset(
    "rise rises increase increases drop drops fall falls warming cooling change changes"
    " difference differences anomaly swing swings variation variations range gain decline"
    " jump"
)

# Verbs that change a temperature: the words of change, and heating and cooling.
TEMPERATURE_CHANGE_VERBS = CHANGE_WORDS | wordset(
    "raise raises raised raising lowers lowered lowering warms warmed cools cooled heats"
    " heated chills chilled"
)

# Words before "over" that make it "more than" for a duration ("for over five months", "took
# over a year"); elsewhere "over five years" is a period ("£5bn over five years").
OVER_MORE_BEFORE = wordset(
    "for in of after lasted lasting lasts last took taking takes spanning spanned span with"
    " than been is was were are be served serving spent nearly waited waiting lived living"
    " worked working stayed remained ran run running operated existed held detained jailed"
    " imprisoned missing closed aged age old since within"
)

# Words that make a bare "degrees" a temperature.
TEMPERATURE_CUES = wordset(
    "temperature temperatures heat hot cold warm warmer cooler heatwave thermometer degrees"
    " celsius fahrenheit frost freezing weather"
)

# Words that make a spaced "K" after a figure kelvin ("a mean temperature of 7200 K"): fewer
# than TEMPERATURE_CUES, because news writes "K" for thousands ("a 50 K salary") and "hot" or
# "weather" may stand near a race or a price.
KELVIN_CUES = wordset(
    "temperature temperatures kelvin kelvins thermal heated heating cooled cooling cooler"
    " warmer hotter colder"
)

# Words that make a figure the size of a change, which a source may give with a sign ("fell
# by 3 %" against a source's "-3 %"): the words of change and of heating, and losses; an amount
# spent, paid or built is not a change however long it took.
SIGNED_CHANGE_WORDS = (TEMPERATURE_CHANGE_VERBS | CHANGE_NOUNS | wordset("loss losses")) - wordset(
    "spent paid repaid payable phased staggered invested invest built spread range"
)
# Right before a figure, a direction makes it a change: "shares were down 3 %", "up 12 %"
# ("up to 12 %" is a bound: the hedge is read first).
DIRECTION_WORDS = wordset("up down")
# Right after a figure, a comparison makes it a change: "3 % lower", "2 °C warmer", "£5 more".
COMPARATIVES = wordset(
    "higher lower more less fewer warmer colder cooler hotter bigger smaller larger cheaper"
)


# Words that open the denominator of a rate: "$3.2 million a day", "£25 per year", "10 hours
# each week", "60 km an hour" (claims.extraction.rates).
RATE_WORDS = wordset("a an per each every")

# Words of how often, before a rate's denominator with no figure: "twice a year", "three
# times a day", "once a week". The denominator is then no claim of its own.
FREQUENCY_WORDS = wordset("once twice thrice times")

# After "a day" these make it a point in time or a length, not a rate: "$40 a year ago", "a
# week later", "a day-long strike" (the hyphen is read on its own).
NOT_RATE_AFTER = wordset("ago later earlier previously beforehand hence long old")

# These do the same only where the clause ends after them: "it was $5 a year before." is a
# date, "£25,000 a year before tax" a rate.
NOT_RATE_AFTER_AT_CLAUSE_END = wordset("before after on since")
