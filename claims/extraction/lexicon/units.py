"""Unit spellings that English news uses, British and American, mapped to pint units.

Each spelling maps to a `UnitSpec`: the pint unit string the quantity is reported in, its
kind, and a multiplier for spellings that pint reads differently from news. "decade" is the
reason for the multiplier: pint's `decade` is logarithmic, so "two decades" is reported as 20
`year`; centuries and millennia follow the same path so that all long durations share a unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.extraction.lexicon import wordset


@dataclass(frozen=True, slots=True)
class UnitSpec:
    unit: str
    kind: str
    multiplier: float = 1.0


def _table(unit: str, kind: str, spellings: str, multiplier: float = 1.0) -> dict[str, UnitSpec]:
    spec = UnitSpec(unit, kind, multiplier)
    return {s.strip(): spec for s in spellings.split("|")}


# Spellings matched without regard to case (stored lower-case).
UNITS: dict[str, UnitSpec] = {
    **_table(
        "kilometer ** 2",
        "area",
        "square kilometres|square kilometre|square kilometers|square kilometer|square km"
        "|square-kilometre|square-kilometer|sq km|sq. km|sqkm|km2|km²|kmsq|sq kilometres"
        "|sq kilometers",
    ),
    **_table(
        "mile ** 2",
        "area",
        "square miles|square mile|square-mile|sq mi|sq. mi|sq miles|sq. miles|sq mile|mi²|mi2",
    ),
    **_table(
        "meter ** 2",
        "area",
        "square metres|square metre|square meters|square meter|square-metre|square-meter"
        "|sq m|sq. m|sqm|m2|m²|sq metres|sq meters|sq metre|sq meter",
    ),
    **_table(
        "foot ** 2",
        "area",
        "square feet|square foot|square-foot|sq ft|sq. ft|ft²|ft2|sq feet|sq foot|sq. foot",
    ),
    **_table("inch ** 2", "area", "square inches|square inch|sq in|sq. in|in²"),
    **_table(
        "centimeter ** 2",
        "area",
        "square centimetres|square centimetre|square centimeters|square centimeter|sq cm|cm2|cm²",
    ),
    **_table(
        "millimeter ** 2",
        "area",
        "square millimetres|square millimetre|square millimeters|square millimeter|sq mm|mm2|mm²",
    ),
    **_table("yard ** 2", "area", "square yards|square yard|sq yd|sq yards|yd²"),
    **_table("hectare", "area", "hectares|hectare|ha"),
    **_table("acre", "area", "acres|acre"),
    **_table(
        "kilometer",
        "length",
        "kilometres|kilometre|kilometers|kilometer|km|kms",
    ),
    **_table("meter", "length", "metres|metre|meters|meter|mtrs"),
    **_table("centimeter", "length", "centimetres|centimetre|centimeters|centimeter|cm"),
    **_table("millimeter", "length", "millimetres|millimetre|millimeters|millimeter|mm"),
    # "µ" (micro sign) and "μ" (Greek mu) are both typed; casefold maps the first to the second.
    **_table(
        "micrometer",
        "length",
        "micrometres|micrometre|micrometers|micrometer|microns|micron|μm|µm",
    ),
    **_table("nanometer", "length", "nanometres|nanometre|nanometers|nanometer"),
    **_table("nautical_mile", "length", "nautical miles|nautical mile|nmi"),
    **_table("mile", "length", "miles|mile|mi"),
    **_table("foot", "length", "feet|foot|ft"),
    **_table("inch", "length", "inches|inch"),
    **_table("yard", "length", "yards|yard|yds|yd"),
    **_table("light_year", "length", "light years|light year|light-years|light-year"),
    **_table(
        "kilometer / hour",
        "speed",
        "kilometres per hour|kilometre per hour|kilometers per hour|kilometer per hour"
        "|kilometres an hour|kilometers an hour|km per hour|km an hour|km/h|km/hr|kmh|kph|kmph",
    ),
    **_table("mile / hour", "speed", "miles per hour|mile per hour|miles an hour|mph|mi/h"),
    **_table(
        "kilometer / second",
        "speed",
        "kilometres per second|kilometers per second|kilometres a second|km per second"
        "|km a second|km/s",
    ),
    **_table("mile / second", "speed", "miles per second|miles a second|mi/s"),
    **_table("foot / second", "speed", "feet per second|feet a second|ft/s"),
    **_table("knot", "speed", "knots|knot"),
    **_table("meter / second", "speed", "metres per second|meters per second|metres a second|m/s"),
    **_table("metric_ton", "mass", "tonnes|tonne|metric tons|metric ton|metric tonnes"),
    # "tons" is pint's `ton`, the US short ton (907.18 kg): American wire copy (AP style) says
    # "tons" for short tons and "metric tons" for tonnes, and British copy says "tonnes".
    # A British "tons" may mean long tons (1,016 kg) or loosely tonnes; only the spelled-out
    # "long tons" is read as such. Spelled-out "short tons" and "long tons" are unambiguous
    # and carry their own pint names, so the conversion check does not re-read them.
    **_table("long_ton", "mass", "long tons|long ton|imperial tons|imperial ton"),
    **_table("short_ton", "mass", "short tons|short ton"),
    **_table("ton", "mass", "tons|ton"),
    **_table("kilogram", "mass", "kilograms|kilogram|kilogrammes|kilogramme|kilos|kilo|kgs|kg"),
    **_table("gram", "mass", "grams|gram|grammes|gramme"),
    **_table("milligram", "mass", "milligrams|milligram|mg"),
    **_table("microgram", "mass", "micrograms|microgram|mcg|μg|µg"),
    **_table("pound", "mass", "pounds|pound|lbs|lb"),
    **_table("ounce", "mass", "ounces|ounce|oz"),
    **_table("stone", "mass", "stone"),
    **_table("liter", "volume", "litres|litre|liters|liter|ltr"),
    **_table("milliliter", "volume", "millilitres|millilitre|milliliters|milliliter|ml"),
    # A bare "gallon" is pint's US gallon; the conversion check also tries the imperial one.
    **_table(
        "imperial_gallon",
        "volume",
        "imperial gallons|imperial gallon|imp gal|imp. gal|imperial gal|imp gallons",
    ),
    **_table(
        "gallon",
        "volume",
        "gallons|gallon|gal",
    ),
    **_table(
        "US_liquid_gallon",
        "volume",
        "us gal|u.s. gal|us gallons|u.s. gallons|us gallon|u.s. gallon",
    ),
    **_table("pint", "volume", "pints|pint"),
    **_table("US_pint", "volume", "us pt|us pints|u.s. pints"),
    **_table("imperial_pint", "volume", "imperial pints|imperial pint|imp pt"),
    **_table("quart", "volume", "quarts|quart|qt"),
    **_table("US_liquid_quart", "volume", "us qt|us quarts|u.s. quarts"),
    **_table("imperial_quart", "volume", "imperial quarts|imperial quart|imp qt"),
    **_table(
        "fluid_ounce",
        "volume",
        "fluid ounces|fluid ounce|fl oz|fl. oz",
    ),
    **_table("US_fluid_ounce", "volume", "us fl oz|us fluid ounces|u.s. fluid ounces"),
    **_table("imperial_fluid_ounce", "volume", "imp fl oz|imperial fluid ounces"),
    **_table("oil_barrel", "volume", "barrels|barrel|bbl"),
    **_table(
        "meter ** 3",
        "volume",
        "cubic metres|cubic metre|cubic meters|cubic meter|cu m|m3|m³",
    ),
    **_table(
        "centimeter ** 3",
        "volume",
        "cubic centimetres|cubic centimetre|cubic centimeters|cubic centimeter|cm3|cm³",
    ),
    **_table(
        "kilometer ** 3",
        "volume",
        "cubic kilometres|cubic kilometre|cubic kilometers|cubic kilometer|km3|km³",
    ),
    **_table("foot ** 3", "volume", "cubic feet|cubic foot|cu ft|ft3|ft³"),
    **_table("mile ** 3", "volume", "cubic miles|cubic mile|cu mi|mi3|mi³"),
    **_table("yard ** 3", "volume", "cubic yards|cubic yard|cu yd"),
    **_table("inch ** 3", "volume", "cubic inches|cubic inch|cu in"),
    # Gas trade figures: "55 bcm" is 55 billion cubic metres.
    **_table("meter ** 3", "volume", "bcm", multiplier=1e9),
    # "deg" is the abbreviation of "degrees" in wire copy and forecasts ("deg F", "degC").
    # "fahrenheight" and "farenheight" are two edits from the name, so they are listed here;
    # misspellings one edit away are read by claims/extraction/misspellings.py.
    **_table(
        "degree_Celsius",
        "temperature",
        "degrees celsius|degree celsius|degrees centigrade|degrees c|°c|° c|ºc|celsius"
        "|° celsius|°celsius|deg c|deg. c|degc|deg celsius|deg centigrade|centigrade",
    ),
    **_table(
        "degree_Fahrenheit",
        "temperature",
        "degrees fahrenheit|degree fahrenheit|degrees f|°f|° f|ºf|fahrenheit"
        "|° fahrenheit|°fahrenheit|deg f|deg. f|degf|deg fahrenheit|fahrenheight|farenheight",
    ),
    **_table("kelvin", "temperature", "kelvins|kelvin"),
    # Bond yields and rates: 15 basis points are 0.15 percentage points.
    **_table("percent", "percentage", "basis points|basis point|bps", multiplier=0.01),
    **_table("second", "duration", "seconds|second|secs|sec"),
    **_table("minute", "duration", "minutes|minute|mins|min"),
    **_table("hour", "duration", "hours|hour|hrs|hr"),
    **_table("day", "duration", "days|day"),
    **_table("week", "duration", "weeks|week|wks"),
    **_table("fortnight", "duration", "fortnights|fortnight"),
    **_table("month", "duration", "months|month"),
    **_table("year", "duration", "years|year|yrs|yr"),
    **_table("year", "duration", "decades|decade", multiplier=10.0),
    **_table("year", "duration", "centuries|century", multiplier=100.0),
    **_table("year", "duration", "millennia|millennium|millenniums", multiplier=1000.0),
}


# SI prefixes as writers spell them out, and their symbols ("µ" and "μ" are both typed).
SI_PREFIXES: dict[str, tuple[str, ...]] = {
    "giga": ("G",), "mega": ("M",), "kilo": ("k",), "hecto": ("h",), "deca": (), "deka": (),
    "deci": ("d",), "centi": ("c",), "milli": ("m",), "micro": ("μ", "µ"), "nano": ("n",),
}  # fmt: skip
_ALL_PREFIXES = " ".join(SI_PREFIXES)


@dataclass(frozen=True, slots=True)
class _Prefixable:
    """A unit that takes SI prefixes: its pint name, kind, spellings and symbols, and the
    prefixes its name and its symbol take in use. Not every pair is a unit to a reader: "pm"
    is a time of day, "dam" a wall of water, "kt" knots, "Mm" and "hm" nothing, and
    "microtonnes" would be one letter from "microtones" (claims/extraction/misspellings.py)."""

    unit: str
    kind: str
    spellings: str
    prefixes: str
    symbols: str
    symbol_prefixes: str


_PREFIXABLE = (
    _Prefixable("meter", "length", "metres|metre|meters|meter", _ALL_PREFIXES, "m",
                "k c m μ µ n d"),
    _Prefixable("gram", "mass", "grams|gram|grammes|gramme", _ALL_PREFIXES, "g", "k m μ µ n"),
    _Prefixable("liter", "volume", "litres|litre|liters|liter", _ALL_PREFIXES, "L l",
                "M G k h d c m μ µ"),
    _Prefixable("second", "duration", "seconds|second", "milli micro nano", "s", "m μ µ n"),
    _Prefixable("tonne", "mass", "tonnes|tonne", "kilo mega giga", "t", "M G"),
)  # fmt: skip


def _prefixed_names() -> dict[str, UnitSpec]:
    """ "micrograms", "centilitres", "kilotonnes": each prefix glued to each spelling."""
    table: dict[str, UnitSpec] = {}
    for base in _PREFIXABLE:
        for prefix in base.prefixes.split():
            spec = UnitSpec(prefix + base.unit, base.kind)
            table.update((prefix + s, spec) for s in base.spellings.split("|"))
    return table


def _prefixed_symbols() -> dict[str, UnitSpec]:
    """ "nm", "µg", "cl", "ms", "Mt": prefix symbols glued to the unit's, exactly as written."""
    table: dict[str, UnitSpec] = {}
    for base in _PREFIXABLE:
        for prefix, symbols in SI_PREFIXES.items():
            spec = UnitSpec(prefix + base.unit, base.kind)
            for symbol in symbols:
                if symbol in base.symbol_prefixes.split():
                    table.update((symbol + s, spec) for s in base.symbols.split())
    return table


# The lexicon's own spellings win where a prefixed name is also listed above ("kilograms").
UNITS.update({s: spec for s, spec in _prefixed_names().items() if s not in UNITS})

# Prefixed symbols matched exactly as written: "5 ms" is milliseconds, "5 MS" is not.
# Those that are also in UNITS ("km", "mg") keep the reading UNITS gives them, in any case.
PREFIXED_SYMBOLS: dict[str, UnitSpec] = {
    s: spec for s, spec in _prefixed_symbols().items() if s.casefold() not in UNITS
}

# Short spellings whose case carries the meaning ("104F" but not "104f"; "5m" metres, "5M" not).
# These are matched only glued to the number or after one space, exactly as written.
CASED_UNITS: dict[str, UnitSpec] = {
    "C": UnitSpec("degree_Celsius", "temperature"),
    "F": UnitSpec("degree_Fahrenheit", "temperature"),
    "m": UnitSpec("meter", "length"),
    "g": UnitSpec("gram", "mass"),
    "L": UnitSpec("liter", "volume"),
    "l": UnitSpec("liter", "volume"),
    "h": UnitSpec("hour", "duration"),
}

# Short symbols that are also English words or letters ("5 in 10", "Group 5 t", "size 10 L",
# "300K" thousands):
# units only where English makes them units, which claims/extraction/short_units.py decides.
# Exactly as written: "kn" is knots, "kN" a force.
SHORT_SYMBOLS: dict[str, UnitSpec] = {
    "in": UnitSpec("inch", "length"),
    "t": UnitSpec("metric_ton", "mass"),
    "g": UnitSpec("gram", "mass"),
    "L": UnitSpec("liter", "volume"),
    "l": UnitSpec("liter", "volume"),
    "st": UnitSpec("stone", "mass"),
    "K": UnitSpec("kelvin", "temperature"),
    # "29 C (84 F)": a scale letter after a space, only where a pair restates it.
    "C": UnitSpec("degree_Celsius", "temperature"),
    "F": UnitSpec("degree_Fahrenheit", "temperature"),
    "kn": UnitSpec("knot", "speed"),
}

# A speed is a length per unit of time written as one unit: "5 cm/s", "3.3 mm/yr", "40 feet
# per minute", "30 meters a second". In words, only per second, minute or hour: "15 metres a
# day" is an amount and the denominator of its rate (claims/extraction/rates.py), and with
# "a"/"an" only the units of travel make a speed: "3 inches an hour" of snow is how much fell
# in each hour.
SPEED_TIMES: dict[str, str] = {
    "second": "second", "sec": "second", "s": "second",
    "minute": "minute", "min": "minute",
    "hour": "hour", "hr": "hour", "h": "hour",
}  # fmt: skip
# The spellings of SPEED_TIMES that follow "per", "a" or "an".
SPEED_TIME_WORDS = frozenset({"second", "sec", "minute", "min", "hour", "hr"})
# After a slash every unit of time the lexicon spells, and "d" for days ("km/d").
SLASH_TIMES: dict[str, str] = {
    **{s: spec.unit for s, spec in UNITS.items() if spec.kind == "duration" and s.isalpha()
       and spec.multiplier == 1.0},
    **SPEED_TIMES, "d": "day",
}  # fmt: skip
TRAVEL_UNITS = frozenset({"kilometer", "meter", "mile", "foot", "yard", "nautical_mile"})

# The kind of each unit's SI base, and the SI unit pint converts it to.
SI_TARGET: dict[str, str] = {
    "area": "meter ** 2",
    "length": "meter",
    "duration": "second",
    "speed": "meter / second",
    "mass": "kilogram",
    "volume": "meter ** 3",
    "temperature": "kelvin",
}

# English words one letter from a long unit name, which claims/extraction/misspellings.py must
# not read as its misspelling ("40 galleons" are ships, not gallons).
NOT_MISSPELLINGS = wordset(
    "barbels barrens barrets galleon galleons galloon galloons gallops gallows grammer grammers"
    " grammas gammers kevins macrometer macrometers macrons micromere micromeres micrometry"
    " micros microgamy microlite microlites megampere megamperes metagram metagrams"
    " hyetometer hyetometers cesium cesiums"
)


def spelled_unit(written: str) -> UnitSpec | None:
    """The unit a spelling names on its own ("kg", "nm", "m", "in"), or None: the lexicon's
    spellings in any case, then the symbols whose case carries the meaning, as written."""
    text = " ".join(written.split())
    return (
        UNITS.get(text.casefold())
        or PREFIXED_SYMBOLS.get(text)
        or CASED_UNITS.get(text)
        or SHORT_SYMBOLS.get(text)
    )
