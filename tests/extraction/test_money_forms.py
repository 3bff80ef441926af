"""Money in every form a writer uses: currencies named in words (retired ones, and a country's
adjective before a shared name), minor units after a sum, a magnitude after a code, and
currency signs beyond the dollar, euro, pound and yen; and the ordinary words that are not
money ("a mark of respect", "40 pounds of fuel", "Korea won 3 games")."""

import pytest

from claims.extraction import extract_quantities

from .helpers import approx, only


def _money(text: str):
    """The one quantity of money in `text`: (surface, currency, value)."""
    q = only(text)
    assert q.kind == "currency", (q.text, q.kind, q.unit)
    assert text[q.start : q.end] == q.text
    assert q.si_value == q.value  # money is reported in its own currency
    return q.text, q.unit, q.value


def _assert_money(text: str, surface: str, currency: str, value: float) -> None:
    found, unit, amount = _money(text)
    assert (found, unit) == (surface, currency)
    assert approx(amount, value), (amount, value)


@pytest.mark.parametrize(
    ("text", "surface", "currency", "value"),
    [
        ("It cost forty million Irish punts.", "forty million Irish punts", "IEP", 40e6),
        ("The bill was a billion Italian lire.", "a billion Italian lire", "ITL", 1e9),
        ("They paid 300 million pesetas.", "300 million pesetas", "ESP", 300e6),
        ("Debts reached 2 billion drachmas.", "2 billion drachmas", "GRD", 2e9),
        ("It fetched 50 million Dutch guilders.", "50 million Dutch guilders", "NLG", 50e6),
        (
            "He sold it for 12 million Austrian schillings.",
            "12 million Austrian schillings",
            "ATS",
            12e6,
        ),
        ("It cost 5 million Finnish markka.", "5 million Finnish markka", "FIM", 5e6),
        ("It cost 7 million Portuguese escudos.", "7 million Portuguese escudos", "PTE", 7e6),
        ("It cost 40 million German marks.", "40 million German marks", "DEM", 40e6),
        ("It cost 5 million Deutschmarks.", "5 million Deutschmarks", "DEM", 5e6),
        ("They paid 10,000 French francs.", "10,000 French francs", "FRF", 10_000),
        ("They paid 20,000 Belgian francs.", "20,000 Belgian francs", "BEF", 20_000),
    ],
)
def test_retired_currencies_are_read_in_their_own_codes(text, surface, currency, value):
    _assert_money(text, surface, currency, value)


@pytest.mark.parametrize(
    ("text", "surface", "currency", "value"),
    [
        ("A coffee costs 1 Swiss franc.", "1 Swiss franc", "CHF", 1),
        ("A taxi costs 200 Egyptian pounds.", "200 Egyptian pounds", "EGP", 200),
        ("The deal is worth 3 billion Czech crowns.", "3 billion Czech crowns", "CZK", 3e9),
        ("Tickets cost 500 Swedish kronor.", "500 Swedish kronor", "SEK", 500),
        ("Tickets cost 900 Norwegian kroner.", "900 Norwegian kroner", "NOK", 900),
        ("It costs 1,000 South Korean won.", "1,000 South Korean won", "KRW", 1000),
        ("The fee is 15,000 Kenyan shillings.", "15,000 Kenyan shillings", "KES", 15_000),
        ("They raised 2 million Brazilian reais.", "2 million Brazilian reais", "BRL", 2e6),
        ("A loaf costs 50,000 Lebanese lira.", "50,000 Lebanese lira", "LBP", 50_000),
        ("The fine was 200 Turkish liras.", "200 Turkish liras", "TRY", 200),
        ("He owes 3 million Argentine pesos.", "3 million Argentine pesos", "ARS", 3e6),
    ],
)
def test_a_country_adjective_picks_the_currency_of_a_shared_name(text, surface, currency, value):
    _assert_money(text, surface, currency, value)


def test_a_scale_word_makes_a_bare_ambiguous_name_money():
    _assert_money("It cost 40 million punts.", "40 million punts", "IEP", 40e6)


def test_minor_units_after_a_bare_ambiguous_name_make_it_money():
    _assert_money("It cost 5 marks and 20 pfennigs.", "5 marks and 20 pfennigs", "DEM", 5.20)


def test_words_of_money_make_a_bare_won_money():
    _assert_money("The fine was 5,000 won.", "5,000 won", "KRW", 5000)


# ---- minor units after a sum ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "currency", "value"),
    [
        (
            "He paid seven dollars and twenty cents.",
            "seven dollars and twenty cents",
            "USD",
            7.20,
        ),
        ("He paid fifty dollars and five cents.", "fifty dollars and five cents", "USD", 50.05),
        ("It cost three pounds and forty pence.", "three pounds and forty pence", "GBP", 3.40),
        ("Bread was ten roubles and 50 kopecks.", "ten roubles and 50 kopecks", "RUB", 10.50),
        ("It cost 5 euros 50 cents.", "5 euros 50 cents", "EUR", 5.50),
        ("A coffee costs 2 Swiss francs 40.", "2 Swiss francs 40", "CHF", 2.40),
        ("A fare of 2 francs 40 for a short ride.", "2 francs 40", "CHF", 2.40),
        ("It costs five pounds fifty.", "five pounds fifty", "GBP", 5.50),
        ("It cost twelve dollars twenty.", "twelve dollars twenty", "USD", 12.20),
    ],
)
def test_minor_units_after_a_sum_make_one_amount(text, surface, currency, value):
    _assert_money(text, surface, currency, value)


def test_minor_units_with_a_currency_name_are_a_share_of_it():
    _assert_money("It cost 20 euro cents.", "20 euro cents", "EUR", 0.20)


def test_a_sum_with_minor_units_shows_their_step():
    assert only("It cost 10 roubles 50 kopecks.").step == pytest.approx(0.01)


def test_a_number_after_a_sum_that_counts_something_else_is_its_own_quantity():
    found = extract_quantities("He paid 5 euros 50 years ago.")
    assert [(q.text, q.kind, q.unit) for q in found] == [
        ("5 euros", "currency", "EUR"),
        ("50 years", "duration", "year"),
    ]


def test_minor_units_of_another_currency_stay_apart():
    found = extract_quantities("It cost 3 shillings and 6 pence.")
    assert [q.text for q in found] == ["3 shillings", "6 pence"]


def test_minor_units_worth_a_whole_unit_or_more_stay_apart():
    found = extract_quantities("He paid 5 dollars and 150 cents.")
    assert [(q.text, q.unit, q.value) for q in found] == [
        ("5 dollars", "USD", 5),
        ("150 cents", "USD", 1.5),
    ]


# ---- a magnitude after or inside a code ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "currency", "value"),
    [
        ("Revenue was EUR 12 million.", "EUR 12 million", "EUR", 12e6),
        ("They raised USD 5m last year.", "USD 5m", "USD", 5e6),
        ("Sales were 12 MEUR in 2020.", "12 MEUR", "EUR", 12e6),
        ("Costs were 500 kEUR in 2019.", "500 kEUR", "EUR", 500e3),
        ("He earned 3.5 MUSD.", "3.5 MUSD", "USD", 3.5e6),
        ("The fine was EUR twelve million.", "EUR twelve million", "EUR", 12e6),
        ("Profit was SEK 1.2bn.", "SEK 1.2bn", "SEK", 1.2e9),
        ("The round raised $5MM.", "$5MM", "USD", 5e6),
        ("Sales reached EUR 12 Mio.", "EUR 12 Mio", "EUR", 12e6),
        ("The IMF approved a loan of SDR 2.25 billion.", "SDR 2.25 billion", "XDR", 2.25e9),
        ("The franc rose past CHF 0.833 per dollar.", "CHF 0.833", "CHF", 0.833),
        ("It cost EUR 10-12 million.", "EUR 10-12 million", "EUR", 10e6),
    ],
)
def test_a_magnitude_after_a_code_multiplies_the_sum(text, surface, currency, value):
    _assert_money(text, surface, currency, value)


def test_a_range_after_a_code_keeps_both_ends():
    q = only("It cost EUR 10-12 million.")
    assert (q.qualifier, q.value_high) == ("range", 12e6)


# ---- signs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "currency", "value"),
    [
        ("The meal cost ₦1,000.", "₦1,000", "NGN", 1000),
        ("The meal cost ₫20,000.", "₫20,000", "VND", 20_000),
        ("The meal cost ₱500.", "₱500", "PHP", 500),
        ("The meal cost ฿100.", "฿100", "THB", 100),
        ("The meal cost ₸5,000.", "₸5,000", "KZT", 5000),
        ("The meal cost ₾30.", "₾30", "GEL", 30),
        ("The meal cost ₵20.", "₵20", "GHS", 20),
        ("The meal cost ৳500.", "৳500", "BDT", 500),
        ("The meal cost ₲5,000.", "₲5,000", "PYG", 5000),
        ("The meal cost NT$300.", "NT$300", "TWD", 300),
        ("The meal cost Rp 5,000.", "Rp 5,000", "IDR", 5000),
        ("The budget is Ksh 3.9 trillion.", "Ksh 3.9 trillion", "KES", 3.9e12),
        ("The plant cost RM5 million.", "RM5 million", "MYR", 5e6),
    ],
)
def test_currency_signs_and_letters_before_the_figure(text, surface, currency, value):
    _assert_money(text, surface, currency, value)


@pytest.mark.parametrize(
    ("text", "surface", "currency", "value"),
    [
        ("It costs 5 € per item.", "5 €", "EUR", 5),
        ("It costs 100₽ now.", "100₽", "RUB", 100),
        ("It costs 100 zł now.", "100 zł", "PLN", 100),
        ("It costs 500 Kč now.", "500 Kč", "CZK", 500),
        ("A stamp costs 50¢.", "50¢", "USD", 0.50),
    ],
)
def test_currency_signs_after_the_figure(text, surface, currency, value):
    _assert_money(text, surface, currency, value)


def test_a_sign_before_the_next_figure_is_not_read_after_this_one():
    found = extract_quantities("They sold 5 €10 notes.")
    assert [(q.text, q.unit) for q in found if q.kind == "currency"] == [("€10", "EUR")]


# ---- ordinary words that are not money ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "He bowed as a mark of respect.",
        "She scored 95 marks in the exam.",
        "The index crossed the 1 million mark.",
        "Korea won 3 games.",
        "The side finished with 12 won and 3 lost.",
        "The Democrats had 2 million won by the end.",
        "There are 2 real reasons.",
        "The dentist fitted 3 crowns.",
        "Hunters shot 3 bucks.",
        "He kicked 3 punts for 120 yards.",
        "Leaders met at COP 28 in Dubai.",
        "Petrol RON 95 went on sale.",
        "The report tracks SDG 5 targets.",
        "The server runs PHP 8.",
    ],
)
def test_ordinary_words_and_acronyms_are_not_money(text):
    assert all(q.kind != "currency" for q in extract_quantities(text)), [
        (q.text, q.kind) for q in extract_quantities(text)
    ]


def test_pounds_of_fuel_are_a_weight():
    q = only("The plane carried 40 pounds of fuel.")
    assert (q.text, q.kind, q.unit) == ("40 pounds", "mass", "pound")


def test_pounds_and_ounces_stay_a_weight():
    q = only("The baby weighed 7 pounds 10 ounces.")
    assert (q.kind, q.unit, q.value) == ("mass", "ounce", 122)


def test_a_unit_after_the_figure_outweighs_letters_before_it():
    q = only("She replied by DM 5 minutes later.")
    assert (q.text, q.kind) == ("5 minutes", "duration")
