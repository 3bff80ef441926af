"""Counts: a bare figure with the noun it counts ("8,000 soldiers", "two crashes").

Most bare figures in news are not counts: years, dates, times, ordinals, and names or
addresses that carry digits (Boeing 737, F-16, COVID-19, G20, Group of Seven, Apollo 11,
Route 66, 10 Downing Street, Article 5). The rules below turn those away; what is left is a
count. A figure in digits may count nothing named ("the death toll rose to 37"); a figure in
words must be followed by the noun it counts, and "one" only by a noun from a short list,
because "one of", "one day" and "no one" are not counts.
"""

from __future__ import annotations

import re

from claims.extraction.context import word_before
from claims.extraction.lexicon import wordset
from claims.extraction.lexicon.words import (
    COUNT_NOUNS,
    FUNCTION_WORDS,
    LABEL_WORDS,
    MONTHS,
    NOT_NOUNS,
    PLURALS,
    WEEKDAYS,
)
from claims.extraction.markers import (
    argument_or_enumerator,
    cites,
    exponent_before,
    units_with_exponent_after,
)

_NEXT_WORD_RE = re.compile(r"[ \t\u00a0\u2009\u202f]+(?:of[ \t]+)?([A-Za-z]+)\.?")
_WORD_RE = re.compile(r"[ \t\u00a0-]+([A-Za-z][A-Za-z’'-]*)")
_TIME_AFTER_RE = re.compile(
    r"[ \t\u00a0\u2009\u202f]?"
    r"(?:[AaPp]\.?[Mm]\b\.?|GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|ET|hrs\b|o[’']clock)"
    r"|[:.]\d\d(?!\d)|/\d|[-–]\d"
)
_ADDRESS_RE = re.compile(
    r"[ \t\u00a0\u2009\u202f]+(?:[A-Z][a-z]+[ \t]+){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard"
    r"|Blvd|Square|Place|Drive|Dr|Way|Court|Terrace|Crescent|Close|Gardens|Row|Parade)\b"
)
_MULTIPLIER_RE = re.compile(r"[ \t\u00a0-]*(?i:times|fold)(?![\w])")
_DIGIT_AFTER_RE = re.compile(r"[ \t\u00a0\u2009\u202f]\d")
_WINDOW = 30
# What stands right before a citation's number or an exponent.
_MARKS_BEFORE = frozenset("[(-−^ ,–\u00a0")
_OPENERS = frozenset(".!?“\"‘'(\n:;—–-[")


def sentence_initial(text: str, start: int) -> bool:
    """Whether nothing but a sentence break stands before `start`."""
    before = text[max(0, start - _WINDOW) : start].rstrip()
    return not before or before[-1] in _OPENERS


def _prev_word(text: str, start: int) -> str | None:
    """The word before a figure, with a full stop it carries ("No. 10", "Sept. 9")."""
    if start and text[start - 1] not in " \t\u00a0":
        return None
    end = start - 1
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    found = word_before(text, end - 1 if text[end - 1 : end] == "." else end, "’'.-")
    return None if found is None else text[found[1] : end]


def is_plural(word: str) -> bool:
    """Whether a word looks like the plural noun a figure counts ("soldiers", "people")."""
    low = word.casefold()
    return low in PLURALS or low in COUNT_NOUNS or (low.endswith("s") and not low.endswith("ss"))


def counted_noun(text: str, end: int) -> tuple[str, int] | None:
    """The noun a figure counts: up to three words on, stopping at the first plural."""
    pos, first = end, None
    for _ in range(3):
        m = _WORD_RE.match(text, pos)
        if m is None or m.group(1).casefold() in NOT_NOUNS:
            break
        if first is None:
            first = (m.group(1), m.end())
        if is_plural(m.group(1)):
            return m.group(1), m.end()
        pos = m.end()
    return first


# Modals after which a label word is a verb ("could seat 500", "will top 14 million"); after
# "to" only the label words that are common verbs ("expected to top", but "turn to page 5").
_MODALS = wordset("could will would may might can should must")
_LABEL_VERBS = frozenset({"top", "seat"})


def _as_a_verb(before: str, label: str) -> bool:
    return before in _MODALS or (before == "to" and label in _LABEL_VERBS)


def _names_something(text: str, start: int, end: int) -> bool:
    """Digits that label or name: "Boeing 737", "page 5", "10 Downing Street", "No. 10"."""
    before = text[start - 1] if start else " "
    if (
        before.isalpha()
        or before in "#№"
        or (before in "-‐" and text[start - 2 : start - 1].isalnum())
    ):
        return True
    word = _prev_word(text, start)
    if word is None:
        return bool(_ADDRESS_RE.match(text, end))
    low = word.casefold().rstrip(".")
    if low in MONTHS:
        return True
    if low in LABEL_WORDS:
        if word[0].isupper():
            return True  # "Section 230 protects", "Level 4 restrictions"
        # "page 5 of the report" labels; "will seat 60,000 fans", "to top 14 million" count.
        verb = word_before(text, start - len(word) - 1)
        if verb is not None and _as_a_verb(verb[0].casefold(), low):
            return False
        noun = counted_noun(text, end)
        return not ("," in text[start:end] or (noun is not None and is_plural(noun[0])))
    # "Boeing", "NATO", "iPhone": any capital makes a name, a possessive does not.
    capitalised = not word.islower() and not word.endswith(("’s", "'s"))
    if capitalised and low not in FUNCTION_WORDS and low not in WEEKDAYS:
        # "Apollo 11 landed" names; "Altogether 37 people" (a sentence's first word) counts.
        initial = sentence_initial(text, start - len(word) - 1)
        noun = counted_noun(text, end)
        if not (initial and noun and is_plural(noun[0])):
            return True
    return bool(_ADDRESS_RE.match(text, end))


def _not_a_count_digits(text: str, start: int, end: int, value: float, raw: str) -> bool:
    after = text[end : end + 1]
    if after.isalpha() or _TIME_AFTER_RE.match(text, end):
        return True  # "4G", "19th", "3pm", "10:30", "9/11", "2022-09-14"
    if start and text[start - 1] in ":/" and text[start - 2 : start - 1].isdigit():
        return True
    if start and text[start - 1] in _MARKS_BEFORE:
        if cites(text, start, end) or exponent_before(text, start):
            return True  # "[12]", "[3, 4]": a reference; "mol−1", "s^-1": an exponent
        if argument_or_enumerator(text, start, end):
            return True  # "t(39)", "; (2) the diameter": an argument, a clause's number
    if units_with_exponent_after(text, end):
        return True  # "5 emu mol−1", "1 g cm−3": a measure in units the extractor does not model
    if raw[0] == "0" and len(raw) > 1 and raw[1].isdigit():
        return True  # "020 7946", codes
    nxt = _NEXT_WORD_RE.match(text, end)
    if nxt is not None and nxt.group(1).casefold() in MONTHS and nxt.group(1)[0].isupper():
        return True  # "9 September", "10 Sept", "5 of May"
    if _MULTIPLIER_RE.match(text, end):
        return True  # "three times", "3-fold"
    if text[start - 2 : start - 1].isdigit() or _DIGIT_AFTER_RE.match(text, end):
        return True  # "0800 123 456": a telephone or serial number
    apposition = text[start - 2 : start] == ", " and text[end : end + 2] == ", "
    if apposition and text[start - 3 : start - 2].isalpha():
        return True  # "Mr Smith, 45, said": an age in apposition
    if raw.isdigit() and len(raw) == 4 and 1000 <= value <= 2199:
        return nxt is None or nxt.group(1).casefold() not in COUNT_NOUNS  # a year
    return _names_something(text, start, end) or _continues_a_label(text, start)


# "the two leaders", "these three countries": a number in words after a definite word points
# back at people or things already named; it does not claim how many there are.
_DEFINITE = frozenset({"the", "these", "those", "both"})


_LABEL_PAIR_RE = re.compile(r"([A-Za-z]+)\.?[ \t]+\d+[ \t]*(?:,|and|or|to|-|–)[ \t]*$")


def _continues_a_label(text: str, start: int) -> bool:
    """ "junctions 14 and 15", "pages 5-7": the second figure of a label is a label too."""
    if not text[max(0, start - 5) : start].rstrip().endswith(("and", "or", "to", ",", "-", "–")):
        return False  # the common case, without a backward search
    m = _LABEL_PAIR_RE.search(text, max(0, start - _WINDOW), start)
    return m is not None and m.group(1).casefold() in LABEL_WORDS


def count_at(
    text: str, start: int, end: int, value: float, raw: str, is_word: bool, has_scale: bool
) -> int | None:
    """Where a count that starts at `start` (the figure ends at `end`) ends, or None."""
    if value % 1 and not has_scale:
        return None  # "2½", "7 3/4", "two and a half": a count is whole
    if is_word:
        return _word_count(text, start, end, raw)
    if _not_a_count_digits(text, start, end, value, raw):
        return None
    if "." in raw and not has_scale:
        return None  # "7.8" without a unit is a rating, a magnitude, a version
    noun = counted_noun(text, end)
    if noun is None:
        before = word_before(text, start)
        if before is not None and before[0].casefold() in _DEFINITE:
            return None  # "the 767 was grounded": a name; "the 12 were freed": back-reference
        return end
    if not noun[0].islower() and not is_plural(noun[0]) and "," not in raw and not has_scale:
        # "737 MAX", "4 Privet Drive": a name goes on; "70,000 Rohingya" counts; "14 Leopard 2
        # tanks" counts the things the model name names.
        return _model_then_noun(text, end)
    return noun[1]


# Up to three tokens of a model name, one of them with a digit ("Leopard 2", "M1 Abrams",
# "S-300", "F-16"), then the lower-case plural they name.
_MODEL_RE = re.compile(
    r"((?:[ \t\u00a0]+(?:[A-Z][A-Za-z]*-?\d*[A-Za-z]*|\d+[A-Za-z]*)){1,3})"
    r"[ \t\u00a0]+([a-z]+)(?![\w-])"
)


def _model_then_noun(text: str, end: int) -> int | None:
    m = _MODEL_RE.match(text, end)
    if m is None or not any(c.isdigit() for c in m.group(1)):
        return None
    noun = m.group(2)
    return m.end() if noun not in NOT_NOUNS and is_plural(noun) else None


def _word_count(text: str, start: int, end: int, raw: str) -> int | None:
    if raw[0].isupper() and not sentence_initial(text, start):
        return None  # "Group of Seven", "Formula One"
    before = word_before(text, start)
    if before is not None and before[0].casefold() in _DEFINITE:
        return None
    noun = counted_noun(text, end)
    if noun is None:
        return None
    first = _WORD_RE.match(text, end)
    if first is not None and first.group(1).casefold() in MONTHS and first.group(1)[0].isupper():
        return None
    if raw.casefold() == "one":
        return noun[1] if noun[0].casefold() in COUNT_NOUNS else None
    return noun[1] if is_plural(noun[0]) else None
