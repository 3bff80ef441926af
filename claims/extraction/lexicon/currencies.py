"""Money as news writes it: symbols before the figure, ISO codes and currency words after it."""

from __future__ import annotations

from claims.extraction.lexicon import wordlist

# Prefix symbols, longest first where one is the start of another ("US$" before "$").
SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₴": "UAH",
    "₩": "KRW",
    "₺": "TRY",
    "₪": "ILS",
    "Rs.": "INR",
    "Rs": "INR",
}

CODES = wordlist(
    "USD EUR GBP JPY CNY RMB INR RUB UAH CHF CAD AUD NZD HKD SGD SEK NOK DKK PLN CZK HUF"
    " TRY ZAR BRL MXN KRW ILS AED SAR NGN KES EGP PKR BDT IDR THB VND PHP MYR ARS CLP COP"
)
CODE_ALIASES = {"RMB": "CNY"}

# Currency words after the figure. "pounds" is decided from context (see extractor).
WORDS: dict[str, str] = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "hong kong dollars": "HKD",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pound sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "roubles": "RUB",
    "rouble": "RUB",
    "rubles": "RUB",
    "ruble": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "hryvnyas": "UAH",
    "swiss francs": "CHF",
    "francs": "CHF",
    "lira": "TRY",
    "liras": "TRY",
    "zlotys": "PLN",
    "zloty": "PLN",
    "kronor": "SEK",
    "krona": "SEK",
    "rand": "ZAR",
    "naira": "NGN",
    "shekels": "ILS",
    "shekel": "ILS",
    "dirhams": "AED",
    "riyals": "SAR",
    "pesos": "MXN",
    "danish kroner": "DKK",
    "norwegian kroner": "NOK",
    "kroner": "DKK",  # bare "kroner" is Danish as often as Norwegian; the amount is the same
    "krone": "DKK",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "reais": "BRL",
    "dinars": "IQD",
    "dirham": "AED",
    "riyal": "SAR",
}

# Sub-units: the amount is reported in the main unit ("50 cents" is 0.5 USD).
SUBUNITS: dict[str, tuple[str, float]] = {
    "cents": ("USD", 0.01),
    "cent": ("USD", 0.01),
    "pence": ("GBP", 0.01),
    "p": ("GBP", 0.01),
}

# Words near "pounds" that make it money rather than mass.
MONEY_CUES = wordlist(
    "£ cost costs costing paid pay pays paying price priced prices worth fine fined fines"
    " spend spent spending raise raised bill budget salary salaries wage wages deal fund"
    " funds funding sterling bank banks loan loans debt tax taxes earn earned earns sold"
    " sell buy bought grant grants invest invested investment profit profits revenue"
    " compensation donated donation bonus bonuses fee fees charge charged award awarded"
    " million billion bn"
)
# Words near "pounds" that make it mass.
MASS_CUES = wordlist(
    "weigh weighs weighed weighing weight heavy heavier lighter lost gained kg kilograms"
    " tonnes fish meat cocaine heroin drugs cannabis pumpkin baby babies"
)
