"""Money as writers name it: signs and codes before the figure, names after it, minor units.

The names of currencies are one table (`_NAMES`): each name's forms, the currency a bare name
means, and the adjectives that name another currency with the same word ("Irish punts",
"Swiss francs", "Egyptian pounds"). Currencies replaced by the euro and other retired ones keep
their ISO 4217 codes (IEP, ITL, DEM, FRF, ESP ...), so "forty million Irish punts" is reported
in IEP, as written.
"""

from __future__ import annotations

from claims.extraction.lexicon import wordlist, wordset

# Signs before the figure, longest first where one is the start of another ("US$" before "$").
# A one-character sign is also read after the figure ("5 €", "100₽"), as much of Europe and
# Asia writes it.
SYMBOLS: dict[str, str] = {
    "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "R$": "BRL", "NT$": "TWD", "MX$": "MXN",
    "Mex$": "MXN", "RD$": "DOP", "J$": "JMD", "TT$": "TTD", "EC$": "XCD", "N$": "NAD",
    "Z$": "ZWL",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH",
    "₩": "KRW", "₺": "TRY", "₪": "ILS", "₫": "VND", "₱": "PHP", "₦": "NGN", "₡": "CRC",
    "₲": "PYG", "₵": "GHS", "₸": "KZT", "₼": "AZN", "₾": "GEL", "฿": "THB", "₭": "LAK",
    "₮": "MNT", "৳": "BDT", "₨": "PKR", "៛": "KHR", "₣": "FRF", "₤": "ITL", "₧": "ESP",
    "₯": "GRD", "₠": "XEU",
}  # fmt: skip

# Letters written before the figure like a sign: "Rs 500", "Rp 5,000", "KSh 3.9 trillion",
# "DM 5 million". Read only right before a figure (glued or one space apart).
LETTER_PREFIXES: dict[str, str] = {
    "Rs": "INR", "Rs.": "INR", "Rp": "IDR", "RM": "MYR", "KSh": "KES", "Ksh": "KES",
    "Kshs": "KES", "Sh": "KES", "USh": "UGX", "TSh": "TZS", "DM": "DEM", "SFr": "CHF",
    "SFr.": "CHF", "Tk": "BDT", "Tk.": "BDT", "kr": "SEK", "kr.": "DKK",
}  # fmt: skip

# Letters written after the figure like a sign: "100 zł", "500 Kč", "20 kr" (exactly as
# written: "Ft" for the forint is left out, being "feet" in a headline).
LETTER_SUFFIXES: dict[str, str] = {"zł": "PLN", "Kč": "CZK", "kr": "SEK"}

# "50¢": a sign after the figure for hundredths.
CENT_SIGN = "¢"

# ISO 4217 codes, the common ones first (the editor's UI shows the first few as examples),
# then the rest, then retired ones. Left out: codes that spell an English word or a common
# acronym and would turn a headline into money ("ALL", "TOP", "CUP", "MAD", "BOB", "PEN",
# "MOP", "SOS", "AMD", "CVE", "CRC", "BSD", "STD", "LVL", "EEK", "ESP", "ECU", "KGS", "SDG"
# for the goals, "PTE" for the test); their currencies are still read from their names.
CODES = wordlist(
    "USD EUR GBP JPY CNY RMB INR RUB UAH CHF CAD AUD NZD HKD SGD SEK NOK DKK PLN CZK HUF"
    " TRY ZAR BRL MXN KRW ILS AED SAR NGN KES EGP PKR BDT IDR THB VND PHP MYR ARS CLP COP"
    " ISK RON BGN RSD HRK MKD MDL BYN GEL AZN KZT UZS TJS TMT AFN IRR IQD KWD BHD QAR OMR"
    " JOD LBP SYP YER LKR NPR BTN MVR MMK KHR LAK MNT TWD KPW BND FJD PGK SBD VUV WST XPF"
    " DZD TND LYD SSP ETB ERN DJF UGX TZS RWF BIF CDF AOA ZMW MWK MZN ZWL BWP NAD LSL SZL"
    " MGA MUR SCR GHS GMD GNF SLE SLL LRD XOF XAF KMF MRU STN UYU PYG GTQ HNL NIO PAB DOP"
    " JMD TTD BBD BZD XCD HTG CUC GYD SRD AWG ANG KYD BMD VES SDR XDR CNH"
    " DEM FRF ITL NLG BEF LUF ATS FIM IEP GRD SIT SKK CYP MTL LTL XEU"
)
CODE_ALIASES = {"RMB": "CNY", "CNH": "CNY", "SDR": "XDR"}

# Magnitudes glued to a code after the figure: "12 MEUR", "500 kEUR", "3 MUSD", "40 TEUR"
# (T is German "Tausend"), "2 MMUSD".
CODE_MAGNITUDES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "T": 1e3, "M": 1e6, "MM": 1e6, "m": 1e6, "mn": 1e6, "Mn": 1e6,
    "bn": 1e9, "Bn": 1e9,
}  # fmt: skip

# Scale words used only of money, after a figure with a sign or code: "$5MM", "EUR 12 Mio",
# "EUR 1.2 Mrd", "Rs 5 lacs", "Rs 500 cr". (The scale words of every figure, "million",
# "bn", "crore", are the numbers lexicon's.) Matched without case but "MM", which lower-case
# is millimetres.
MONEY_SCALES: dict[str, float] = {
    "MM": 1e6, "mio": 1e6, "mil": 1e6, "mill": 1e6, "mrd": 1e9, "lac": 1e5, "lacs": 1e5,
    "cr": 1e7,
}  # fmt: skip

# The names of currencies: (the name's forms, what the bare name means, adjectives that name
# another currency with it). A bare name of None is read only with an adjective: it is an
# English word after a number ("2 real reasons", "3 soles") or names people ("guaranis").
_NAMES: tuple[tuple[str, str | None, dict[str, str]], ...] = (
    ("dollars|dollar", "USD", {
        "us|u.s.|american|united states": "USD", "australian|aussie": "AUD", "canadian": "CAD",
        "new zealand|nz": "NZD", "hong kong|hk": "HKD", "singapore|singaporean": "SGD",
        "taiwan|taiwanese|new taiwan|nt": "TWD", "jamaican": "JMD", "namibian": "NAD",
        "zimbabwe|zimbabwean": "ZWL", "liberian": "LRD", "bahamian": "BSD",
        "barbadian|barbados": "BBD", "belize": "BZD", "bermudian|bermuda": "BMD", "brunei": "BND",
        "fijian|fiji": "FJD", "guyanese": "GYD", "trinidad and tobago|trinidadian": "TTD",
        "east caribbean": "XCD", "solomon islands": "SBD", "cayman islands|cayman": "KYD",
        "surinamese": "SRD",
    }),
    ("euros|euro", "EUR", {}),
    ("pounds sterling|pound sterling|sterling", "GBP", {}),
    ("pounds|pound", None, {
        "british|uk|english|scottish": "GBP", "irish": "IEP", "egyptian": "EGP", "lebanese": "LBP",
        "syrian": "SYP", "sudanese": "SDG", "south sudanese": "SSP", "cypriot|cyprus": "CYP",
        "maltese": "MTL", "falkland|falkland islands": "FKP", "gibraltar": "GIP",
    }),
    ("quid", "GBP", {}),
    ("punts|punt", None, {"irish": "IEP"}),
    ("yen", "JPY", {"japanese": "JPY"}),
    ("yuan|renminbi", "CNY", {"chinese": "CNY"}),
    ("rupees|rupee", "INR", {
        "indian": "INR", "pakistani": "PKR", "sri lankan": "LKR", "nepalese|nepali": "NPR",
        "mauritian": "MUR", "seychellois": "SCR",
    }),
    ("roubles|rouble|rubles|ruble", "RUB", {
        "russian": "RUB", "belarusian|belarusian new": "BYN", "soviet": "SUR",
    }),
    ("hryvnias|hryvnia|hryvnyas|hryvnya|hryvni", "UAH", {"ukrainian": "UAH"}),
    ("francs|franc", "CHF", {
        "swiss": "CHF", "french": "FRF", "belgian": "BEF", "luxembourg": "LUF",
        "cfa|west african cfa|west african": "XOF", "central african cfa": "XAF", "cfp": "XPF",
        "congolese": "CDF", "rwandan": "RWF", "burundian|burundi": "BIF", "guinean": "GNF",
        "djiboutian|djibouti": "DJF", "comorian": "KMF", "malagasy": "MGF",
    }),
    ("lira|liras", "TRY", {
        "turkish": "TRY", "italian": "ITL", "maltese": "MTL", "lebanese": "LBP", "syrian": "SYP",
    }),
    ("lire", "ITL", {"italian": "ITL"}),
    ("marks|mark", None, {
        "german|west german|deutsche|deutsch": "DEM", "east german": "DDM", "finnish": "FIM",
        "convertible": "BAM", "bosnian convertible|bosnian": "BAM",
    }),
    ("deutschmarks|deutschmark|deutschemarks|deutschemark|d-marks|d-mark", "DEM", {}),
    ("markkaa|markka|markkas", "FIM", {"finnish": "FIM"}),
    ("pesetas|peseta", "ESP", {"spanish": "ESP", "andorran": "ADP"}),
    ("escudos|escudo", "PTE", {"portuguese": "PTE", "cape verdean": "CVE"}),
    ("drachmas|drachma|drachmae|drachmai", "GRD", {"greek": "GRD"}),
    ("guilders|guilder|gulden", "NLG", {
        "dutch": "NLG", "antillean|netherlands antillean": "ANG", "surinamese": "SRG",
    }),
    ("florins|florin", "NLG", {"dutch": "NLG", "aruban": "AWG"}),
    ("schillings|schilling", "ATS", {"austrian": "ATS"}),
    ("shillings|shilling", "KES", {
        "kenyan": "KES", "ugandan": "UGX", "tanzanian": "TZS", "somali": "SOS",
    }),
    ("kroons|kroon|krooni", "EEK", {"estonian": "EEK"}),
    ("korunas|koruna|koruny|korun", "CZK", {"czech": "CZK", "slovak": "SKK"}),
    ("crowns", None, {
        "czech": "CZK", "slovak": "SKK", "danish": "DKK", "swedish": "SEK", "norwegian": "NOK",
        "icelandic": "ISK", "estonian": "EEK",
    }),
    ("tolars|tolar|tolarjev", "SIT", {"slovenian|slovene": "SIT"}),
    ("lats|lati|latu", None, {"latvian": "LVL"}),
    ("litas|litai|litu", "LTL", {"lithuanian": "LTL"}),
    ("kunas|kuna|kune", "HRK", {"croatian": "HRK"}),
    ("ecus", "XEU", {"european": "XEU"}),
    ("zlotys|zloty|zlotych|złoty|złotych", "PLN", {"polish": "PLN"}),
    ("forints|forint", "HUF", {"hungarian": "HUF"}),
    ("lei|leu", "RON", {"romanian": "RON", "moldovan": "MDL"}),
    ("leva|lev", None, {"bulgarian": "BGN"}),
    ("dinars|dinar", "IQD", {
        "iraqi": "IQD", "kuwaiti": "KWD", "jordanian": "JOD", "bahraini": "BHD", "libyan": "LYD",
        "tunisian": "TND", "algerian": "DZD", "serbian": "RSD", "yugoslav": "YUM",
    }),
    ("denars|denar|denari", "MKD", {"macedonian|north macedonian": "MKD"}),
    ("kronor|krona", "SEK", {"swedish": "SEK", "icelandic": "ISK"}),
    ("kronur", "ISK", {"icelandic": "ISK"}),
    ("kroner|krone", "DKK", {"danish": "DKK", "norwegian": "NOK"}),
    ("lari", "GEL", {"georgian": "GEL"}),
    ("drams", None, {"armenian": "AMD"}),
    ("manats|manat", "AZN", {"azerbaijani": "AZN", "turkmen": "TMT"}),
    ("tenge", "KZT", {"kazakh|kazakhstani": "KZT"}),
    ("som|soms|sum", None, {"kyrgyz": "KGS", "uzbek": "UZS"}),
    ("somoni", "TJS", {"tajik": "TJS"}),
    ("shekels|shekel|sheqels|shekalim", "ILS", {"israeli|new israeli|new": "ILS"}),
    ("riyals|riyal", "SAR", {"saudi": "SAR", "qatari": "QAR"}),
    ("rials|rial", "IRR", {"iranian": "IRR", "omani": "OMR", "yemeni": "YER"}),
    ("dirhams|dirham", "AED", {"uae|emirati": "AED", "moroccan": "MAD"}),
    ("afghanis", None, {"afghan": "AFN"}),
    ("taka", "BDT", {"bangladeshi": "BDT"}),
    ("ngultrum", "BTN", {"bhutanese": "BTN"}),
    ("rupiah", "IDR", {"indonesian": "IDR"}),
    ("ringgit", "MYR", {"malaysian": "MYR"}),
    ("baht", "THB", {"thai": "THB"}),
    ("dong", None, {"vietnamese": "VND"}),
    ("riels|riel", "KHR", {"cambodian": "KHR"}),
    ("kip", None, {"lao|laotian": "LAK"}),
    ("kyats|kyat", "MMK", {"burmese|myanmar": "MMK"}),
    ("won", None, {"south korean|korean": "KRW", "north korean": "KPW"}),
    ("patacas|pataca", "MOP", {"macanese|macau": "MOP"}),
    ("tugriks|tugrik|togrog", "MNT", {"mongolian": "MNT"}),
    ("rand", "ZAR", {"south african": "ZAR"}),
    ("naira", "NGN", {"nigerian": "NGN"}),
    ("cedis|cedi", "GHS", {"ghanaian": "GHS"}),
    ("birr", "ETB", {"ethiopian": "ETB"}),
    ("nakfa", "ERN", {"eritrean": "ERN"}),
    ("kwacha", "ZMW", {"zambian": "ZMW", "malawian": "MWK"}),
    ("kwanzas|kwanza", "AOA", {"angolan": "AOA"}),
    ("pula", "BWP", {"botswana": "BWP"}),
    ("maloti|loti", "LSL", {"lesotho": "LSL"}),
    ("emalangeni|lilangeni", "SZL", {"swazi": "SZL"}),
    ("meticais|metical|meticals", "MZN", {"mozambican": "MZN"}),
    ("ariary", "MGA", {"malagasy": "MGA"}),
    ("ouguiyas|ouguiya", "MRU", {"mauritanian": "MRU"}),
    ("dalasis|dalasi", "GMD", {"gambian": "GMD"}),
    ("leones", None, {"sierra leonean|sierra leone": "SLE"}),
    ("reais", "BRL", {"brazilian": "BRL"}),
    ("real", None, {"brazilian": "BRL"}),
    ("pesos|peso", "MXN", {
        "mexican": "MXN", "argentine|argentinian|argentinean": "ARS", "chilean": "CLP",
        "colombian": "COP", "cuban": "CUP", "dominican": "DOP", "uruguayan": "UYU",
        "philippine|filipino": "PHP",
    }),
    ("bolivares|bolívares|bolivars|bolivar|bolívar", "VES", {"venezuelan": "VES"}),
    ("bolivianos|boliviano", "BOB", {"bolivian": "BOB"}),
    ("soles|sol|nuevos soles", None, {"peruvian": "PEN"}),
    ("guaranis|guaraníes|guaranies|guarani", None, {"paraguayan": "PYG"}),
    ("colones|colón|colon", None, {"costa rican": "CRC", "salvadoran": "SVC"}),
    ("quetzales|quetzals|quetzal", None, {"guatemalan": "GTQ"}),
    ("lempiras|lempira", "HNL", {"honduran": "HNL"}),
    ("cordobas|córdobas|cordoba|córdoba", None, {"nicaraguan": "NIO"}),
    ("balboas|balboa", None, {"panamanian": "PAB"}),
    ("gourdes|gourde", "HTG", {"haitian": "HTG"}),
)  # fmt: skip


def _words() -> dict[str, str]:
    words: dict[str, str] = {}
    for forms, bare, by_adjective in _NAMES:
        for form in forms.split("|"):
            if bare is not None:
                words.setdefault(form, bare)
            for adjectives, code in by_adjective.items():
                for adjective in adjectives.split("|"):
                    words.setdefault(f"{adjective} {form}", code)
    return words


# Currency names after the figure, lower-case: "euros", "Irish punts", "Italian lire".
WORDS: dict[str, str] = _words()

# Words near "pounds" that make it mass.
MASS_CUES = wordset(
    "weigh weighs weighed weighing weight heavy heavier lighter lost gained kg kilograms"
    " tonnes fish meat cocaine heroin drugs cannabis pumpkin baby babies"
)
_PUNTING = wordset(
    "kick kicks kicked kicking kicker punter punting yards yard return returns boat boats"
    " river football rugby touchdown bet bets"
)
# Bare names that are also ordinary words after a number: (the currency, words of the other
# sense). They are money where the nearest cue is a word of money (MONEY_CUES: "5,000 won for
# the fine"), or, with no cue of either sense around, where a scale word makes them a sum ("40
# million punts"); "pounds" that are not money are a mass.
AMBIGUOUS_NAMES: dict[str, tuple[str, frozenset[str]]] = {
    "pounds": ("GBP", MASS_CUES), "pound": ("GBP", MASS_CUES),
    "marks": ("DEM", wordset(
        "exam exams test tests score scores scored scoring out points grade grades question"
        " questions answer answers quiz paper papers pass passed mark"
    )),
    "punts": ("IEP", _PUNTING), "punt": ("IEP", _PUNTING),
    "won": ("KRW", wordset(
        "games game matches match lost drew drawn seats seat medals medal races race titles"
        " title election elections votes vote points goals tournaments awards prizes cases"
        " trophies"
    )),
    "crowns": ("CZK", wordset(
        "teeth tooth dental dentist dentists king kings queen queens royal jewels titles title"
        " champion championship"
    )),
    "dong": ("VND", frozenset()),
    "bucks": ("USD", wordset("deer hunting hunter hunters antlers does elk game shot")),
}  # fmt: skip
# A verb's object follows "won" ("2 million won by the Democrats", "3 won the race"); a sum
# of won is followed by none of these.
NOT_AFTER_WON = wordset("by the a an in at his her their its this that over against last")

# Minor units: their names, the currencies they divide (the first is what a bare "50 cents"
# is in) and their share of the main unit. After a main unit of one of those currencies they
# add to it: "seven dollars and twenty cents", "ten roubles and 50 kopecks"; after another
# ("3 shillings and 6 pence") they are a sum of their own.
_MINOR_UNITS: tuple[tuple[str, str, float], ...] = (
    ("cents|cent", "USD EUR AUD CAD NZD HKD SGD TWD ZAR NAD KES UGX TZS SOS ETB ERN LKR MUR SCR"
     " JMD TTD BBD BZD XCD BSD BMD KYD LRD SLE FJD SBD BND SRD GYD ZWL NLG ANG AWG MTL CYP", 0.01),
    ("pence|p", "GBP IEP GIP FKP", 0.01),
    ("paise", "INR", 0.01),
    ("kopecks|kopeks|kopeck|kopek", "RUB BYN", 0.01),
    ("kopiykas|kopiyok", "UAH", 0.01),
    ("pfennigs|pfennig|pfennige", "DEM DDM", 0.01),
    ("centimes|centime", "CHF FRF BEF LUF XOF XAF XPF HTG MAD DZD", 0.01),
    ("rappen", "CHF", 0.01),
    ("centesimi", "ITL", 0.01),
    ("céntimos|centimos", "EUR ESP VES PEN PYG CRC", 0.01),
    ("centavos|centavo", "MXN BRL ARS CLP COP CUP DOP UYU PHP PTE CVE MZN AOA GTQ HNL NIO"
     " BOB", 0.01),
    ("lepta", "GRD EUR", 0.01),
    ("groszy|grosze", "PLN", 0.01),
    ("öre", "SEK", 0.01),
    ("øre", "NOK DKK", 0.01),
    ("haleru|halers", "CZK SKK", 0.01),
    ("agorot", "ILS", 0.01),
    ("satang", "THB", 0.01),
    ("piastres|piasters", "EGP LBP SYP SDG", 0.01),
    ("kurus|kuruş", "TRY", 0.01),
    ("pennia", "FIM", 0.01),
    ("groschen", "ATS", 0.01),
    ("stotinki", "BGN", 0.01),
    ("bani", "RON MDL", 0.01),
)  # fmt: skip
SUBUNITS: dict[str, tuple[str, float]] = {
    form: (codes.split()[0], share)
    for forms, codes, share in _MINOR_UNITS
    for form in forms.split("|")
}
# The currencies each minor unit divides.
DIVIDES: dict[str, frozenset[str]] = {
    form: frozenset(codes.split()) for forms, codes, _ in _MINOR_UNITS for form in forms.split("|")
}
# Minor units spelt with a main currency's name: "euro cents", "US cents".
SUBUNIT_WORDS: dict[str, tuple[str, float]] = {
    "euro cents": ("EUR", 0.01), "euro cent": ("EUR", 0.01), "us cents": ("USD", 0.01),
    "u.s. cents": ("USD", 0.01), "australian cents": ("AUD", 0.01),
    "canadian cents": ("CAD", 0.01),
}  # fmt: skip

# Words near "pounds" and the other ambiguous names that make them money (AMBIGUOUS_NAMES).
MONEY_CUES = wordlist(
    "£ cost costs costing paid pay pays paying price priced prices worth fine fined fines"
    " spend spent spending raise raised bill budget salary salaries wage wages deal fund"
    " funds funding sterling bank banks loan loans debt tax taxes earn earned earns sold"
    " sell buy bought grant grants invest invested investment profit profits revenue"
    " compensation donated donation bonus bonuses fee fees charge charged award awarded"
    " million billion bn"
)
