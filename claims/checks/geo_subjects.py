"""Which place a stated distance locates: the subject of "N km <direction> of <place>".

In the order a reader looks for it:

1. a list: "Raleigh is 155 miles south of Richmond, 263 miles south of Washington and ..."
   gives every distance to the sentence's subject, never to the previous item's place;
2. the name the figure stands in apposition to: "Tarbes, a market town in ... France, lies
   18 km ...", "born in Żelazowa Wola, 46 km west of Warsaw", "Kupyansk, some 30 miles ...";
   not a name inside a phrase of the subject's ("the coast of Devon, England, 37 miles ..."),
   and not a country or a region;
3. the sentence's subject when its verb places it: "Plymouth (...) is a city on the coast of
   ..., 37 miles south-west of Exeter", "The city of Clarksville is ..., some 45 miles ...";
4. a word that stands for a town named before ("It", "The city", "the village"): the subject
   of the sentence before, else the first town that sentence names, else the article's own
   subject (its dateline's town, or the first town it names).

Nothing else is guessed: "Mr Jones lives 20 miles north of York" locates no place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.checks.gazetteer import fold, gazetteer
from claims.checks.geo_regions import dateline, is_area, is_country, is_region
from claims.checks.geo_words import (
    ANAPHORS,
    HEDGE_WORDS,
    NAME_RUN,
    NOT_PLACES,
    OPENINGS,
    PARTICIPLES,
    PLACING_COMPLEMENTS,
    PLACING_VERBS,
    REGION_RUN,
    TOWN_NOUNS,
    VERBS,
    aside_feature,
)
from claims.checks.places import name_variants
from claims.extraction.sentences import Sentences

# Characters before a figure where its apposition, or the subject of its clause, may stand:
# a subject further back is not read (and a long sentence costs no more per figure).
WINDOW = 300
_APPOSITIVE = r"(?:[^,.;:()\"“”]|(?<=\d)[,.](?=\d)|(?<=\b[A-Z])\.|(?<=\bSt)\.)"
# An aside between commas describes the name before it; one with a verb of its own is a clause
# ("During the war, a famous incident took place in Punta del Este, 200 km ...").
_CLAUSE_VERBS = (
    r"is|was|were|are|has|had|have|took|takes|made|became|said|says|began|led|won|lost|fought"
    r"|held|moved|came|went|saw|gave|built"
)
_ASIDE = rf"(?:(?!\b(?:{_CLAUSE_VERBS})\b){_APPOSITIVE})"
_LINK = (
    # "Tarbes, a market town in the ... of south-western France, lies ...": a closed aside
    r"(?:,\s*(?:(?:in|on|near|which|where|once|now|home\s+to|a|an|the)\b|[A-Z][\w-]*['’]s\s)"
    + _ASIDE
    + r"{0,160}?,\s*(?:"
    + VERBS
    + r"\s+)?(?:"
    + PARTICIPLES
    + r"\s+)?"
    # "Irpin, a suburb about 25 km ...", "Kharkiv, located ...", "Kharkiv, 40 km ..."
    r"|,\s*(?:(?:which|that)\s+(?:is|lies|sits)(?:\s+"
    + PARTICIPLES
    + r")?\s+|(?:a|an|the)\s+"
    + _APPOSITIVE
    + r"{0,160}?\s+|"
    + PARTICIPLES
    + r"\s+)?"
    # "Evanston, along the shores of Lake Michigan just 12 miles ...": where, then the figure
    r"|,\s*(?:along|beside|overlooking|near|on|by)\s+[^,;()]{1,80}?\s+(?:just\s+|only\s+)?"
    # "Bakhmut lies about 65 km ..."
    r"|\s+" + VERBS + r"(?:\s+" + PARTICIPLES + r")?\s+)$"
)
_BEFORE = re.compile(r"(?P<name>" + NAME_RUN + r")" + _LINK)
# "Odessa, Texas, lies ...": taken only when the words after the comma name a region.
_BEFORE_WITH_REGION = re.compile(
    r"(?P<name>" + NAME_RUN + r"),\s*(?P<region>" + REGION_RUN + r"),?" + _LINK
)
_TOWN_NOUN = "|".join(TOWN_NOUNS)
# A name after "of" is a place something else is measured from or lies in ("the coast of
# Devon", "west of Williamsburg"), unless "the city of" names the town itself.
_REFERENCE_SLOT = re.compile(r"(?:\bof\s+(?:the\s+)?)$", re.IGNORECASE)
_NAMED_TOWN = re.compile(rf"\b(?:{_TOWN_NOUN})\s+of\s+$", re.IGNORECASE)
_SLOT_REACH = 60  # characters before a name where "of the" or "the city of" may stand
_ANAPHOR = "|".join(a.replace(" ", r"\s+") for a in ANAPHORS)
_CLAUSE = re.compile(
    rf"{OPENINGS}?(?:(?P<anaphor>(?i:{_ANAPHOR}))\b"
    rf"|(?:(?i:the)\s+(?i:{_TOWN_NOUN})\s+of\s+)?(?P<name>{NAME_RUN}))"
    r"(?:\s*\((?:[^()]|\([^()]*\))*\))?"  # "Plymouth (i/ˈplɪməθ/) is ..."
    r"(?:,[^,;]{1,160},)?"  # "Tarbes, a market town in ..., lies ..."
    rf"(?:\s+(?P<verb>{'|'.join(PLACING_VERBS)})\b(?P<rest>[^;:]*)|,\s*)$"
)
# What follows the verb must still say where the subject is ("is located", "is a city on ...",
# "is about 40 km"), not what happened there ("was fought", "was arrested").
_COMPLEMENT = re.compile(r"\s*(?:\d|(?:" + "|".join(PLACING_COMPLEMENTS) + r")\b|$)", re.IGNORECASE)
# A new clause with a subject of its own: "Raleigh is the capital, and its airport lies ...".
_NEW_CLAUSE = re.compile(
    r"(?:,\s*(?:and|but|while|whereas)\s+(?!(?:is|lies|was|sits|stands|also)\b)"
    r"|\b(?:where|whose|who)\b)",
    re.IGNORECASE,
)
# A sentence's subject for reading "it" in the next one: any verb will do.
_LOOSE_SUBJECT = re.compile(
    rf"^{OPENINGS}?(?:(?i:the)\s+(?i:{_TOWN_NOUN})\s+of\s+)?(?P<name>{NAME_RUN})"
    r"(?:\s*\((?:[^()]|\([^()]*\))*\))?(?:,[^,;]{1,160},)?\s+[a-z]"
)
_NAME = re.compile(NAME_RUN)
# Words that may follow a town's name; any other lower-case word makes the name a modifier
# ("its central Piedmont location", "Ukrainian forces").
_AFTER_A_TOWN = frozenset(
    {"is", "was", "lies", "lay", "sits", "stands", "has", "had", "and", "or", "in", "on", "at",
     "of", "to", "from", "for", "with", "by", *HEDGE_WORDS, "which", "where", "who", "that",
     "as", "after", "before", "said", "says", "became", "remains", "grew", "near", "into",
     "until", "since", "than"}
)  # fmt: skip
# What joins the items of a list of distances: ", ", " and ", ", and ", ", by car and ".
_LIST_GLUE = re.compile(
    r"(?:\s*\((?:[^()]|\([^()]*\))*\))?\s*,?\s*(?:by\s+\w+\s*)?(?:,\s*)?(?:and|or)?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Subject:
    """The place a distance locates, as the text names it, and how it was found."""

    name: str
    region: str = ""  # the words after its comma, when they name a region ("Texas")
    how: str = ""  # for the explanation: "" when the name stands right before the figure
    problem: str = ""  # set (and `name` empty) when the text does not say which place


# The figure locates something the text says is not a town: no finding at all.
NOTHING = Subject("")


@dataclass(frozen=True, slots=True)
class Listed:
    """A distance already read in the sentence: where its phrase ends and whom it locates."""

    end: int
    subject: Subject | None


class SubjectReader:
    """Finds subjects in one text; splits it into sentences once, when first needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences: Sentences | None = None
        self._dateline = dateline(text)
        self._towns: dict[int, str] = {}  # a sentence's start → the town it is about
        self._first_town: tuple[str, int] | None = None  # the article's first town, its end

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence around `offset`; a dateline before it is not part of it."""
        if self._sentences is None:
            self._sentences = Sentences(self.text)
        first, last = self._sentences.around(offset)
        line = self._dateline
        if line is not None and first <= line.start and line.body <= offset:
            first = line.body
        return first, last

    def continues(self, start: int, previous: Listed | None) -> bool:
        """Whether the distance at `start` is the next item of a list after `previous`:
        "... 25 km south of Y and 140 km south of Z": both belong to the sentence's subject."""
        if previous is None:
            return False
        first = self.sentence(start)[0]
        glue = first <= previous.end <= start
        return glue and _LIST_GLUE.fullmatch(self.text, previous.end, start) is not None

    def subject(self, start: int, previous: Listed | None = None) -> Subject | None:
        """The subject of the distance whose words (hedge, figure) begin at `start`."""
        if previous is not None and self.continues(start, previous):
            return previous.subject
        first = self.sentence(start)[0]
        found = self._apposition(first, start)
        if found is None:
            return self._clause_subject(first, start)
        if found.name and not gazetteer().candidates(*name_variants(found.name, subject=True)):
            # "Leipzig is a city in Saxony, 150 km ...": a name the gazetteer does not have
            # as a town yields to a subject that the sentence's verb places.
            placed = self._clause_subject(first, start)
            if placed is not None and placed.name:
                return placed
        return found

    def _apposition(self, first: int, start: int) -> Subject | None:
        window_start = max(first, start - WINDOW)
        window = self.text[window_start:start]
        with_region = _BEFORE_WITH_REGION.search(window)
        if with_region and is_region(with_region.group("region")):
            name, region, at = with_region.group("name"), with_region.group("region"), with_region
        else:
            match = _BEFORE.search(window)
            if match is None:
                return None
            name, region, at = match.group("name"), "", match
        name = trailing_name(name)
        name_start = window_start + at.end("name") - len(name)
        slot = max(first, name_start - _SLOT_REACH), name_start
        if _REFERENCE_SLOT.search(self.text, *slot) and not _NAMED_TOWN.search(self.text, *slot):
            return None  # "on the coast of Devon, England, 37 miles ...": Devon is not measured
        if is_area(name) or not is_place_like(name):
            return None
        if aside_feature(window, at.end("name")):
            return NOTHING  # "Zaporizhzhia, Europe's largest nuclear plant, lies ...": no town
        return Subject(name, region.strip())

    def _clause_subject(self, first: int, start: int) -> Subject | None:
        if start - first > WINDOW:
            return None
        match = _CLAUSE.match(self.text, first, start)
        if match is None:
            return None
        rest = match.group("rest")
        if match.group("verb") and not _placing(rest):
            return None
        if match.group("anaphor"):
            return self._antecedent(" ".join(match.group("anaphor").split()), first)
        name = clean_name(match.group("name"))
        if is_area(name) or not is_place_like(name):
            return None
        return Subject(name, how="the sentence's subject")

    def _antecedent(self, word: str, first: int) -> Subject:
        """The town `word` ("It", "The city") stands for, in the sentence before `first`."""
        before = self._sentence_before(first)
        found = self._named_in(before) if before else ""
        if found:
            how = f"'{word}', read as {found}, named in the sentence before"
            return Subject(found, how=how)
        town = self._article_town(first)
        if town:
            return Subject(town, how=f"'{word}', read as {town}, the article's own town")
        return Subject("", problem=f"'{word}' stands for a place the text does not name")

    def _sentence_before(self, first: int) -> tuple[int, int] | None:
        if first <= 0:
            return None
        before = self.sentence(first - 1)
        return before if before[1] <= first and before[0] < first else None

    def _named_in(self, span: tuple[int, int]) -> str:
        """The town a sentence is about: its subject, else the first town it names; for one
        that opens with "It", the town "It" stands for.

        Each sentence is read once: a run of "It ..." sentences is walked back to the first
        sentence already read or naming its own town, then resolved front to back."""
        run: list[tuple[int, int]] = []
        at: tuple[int, int] | None = span
        while at is not None and at[0] not in self._towns:
            own = self._own_town(at)
            if own is not None:
                self._towns[at[0]] = own
                break
            run.append(at)
            at = self._sentence_before(at[0])
        for first, _ in reversed(run):
            before = self._sentence_before(first)
            found = self._towns.get(before[0], "") if before else ""
            self._towns[first] = found or self._article_town(first)
        return self._towns[span[0]]

    def _own_town(self, span: tuple[int, int]) -> str | None:
        """The town a sentence names as its subject or first; None when it opens with "It"
        (and so stands for the town of the sentence before)."""
        sentence = self.text[span[0] : span[1]]
        loose = _LOOSE_SUBJECT.match(sentence)
        if loose:
            name = clean_name(loose.group("name"))
            if is_place_like(name) and not is_area(name):
                return name
        anaphor = re.match(rf"(?i:{OPENINGS}?(?:{_ANAPHOR}))\s", sentence)
        if anaphor and span[0] > 0:
            return None
        return first_town(sentence)

    def _article_town(self, first: int) -> str:
        """The dateline's town, else the first town the article names, if before `first`."""
        line = self._dateline
        if line is not None and line.end <= first:
            return line.town
        if self._first_town is None:
            self._first_town = _first_town_and_end(self.text)
        town, end = self._first_town
        return town if end <= first else ""


def first_town(text: str) -> str:
    """The first name in `text` that reads as a town: a large place in the gazetteer, not a
    country or a region, not in a reference slot ("west of X"), not a modifier."""
    return _first_town_and_end(text)[0]


def _first_town_and_end(text: str) -> tuple[str, int]:
    for match in _NAME.finditer(text):
        name = clean_name(match.group(0))
        if not is_place_like(name) or is_area(name):
            continue
        if _REFERENCE_SLOT.search(text, max(0, match.start() - _SLOT_REACH), match.start()):
            continue
        follower = re.match(r"\s+([a-z]+)", text[match.end() : match.end() + 20])
        if follower and follower.group(1) not in _AFTER_A_TOWN:
            continue
        if gazetteer().large_places(name):
            return name, match.end()
    return "", len(text)


def _placing(rest: str | None) -> bool:
    return rest is not None and bool(_COMPLEMENT.match(rest)) and not _NEW_CLAUSE.search(rest)


def is_place_like(name: str) -> bool:
    """False for names that are not towns: "Monday", "May", "Ukraine" (a country is not a point
    to measure from), and for an empty name."""
    key = fold(name)
    return bool(key) and not is_country(name) and NOT_PLACES.isdisjoint(key.split())


_SENTENCE_STOP = re.compile(r"(?<!\bSt)(?<!\bMt)(?<!\bFt)(?<!\bSte)\.\s+")


def trailing_name(run: str) -> str:
    """The last sentence's part of a run of capitalised words: "Marrakesh. Casablanca" →
    "Casablanca"."""
    return clean_name(_SENTENCE_STOP.split(run)[-1])


def leading_name(run: str) -> str:
    """The capitalised words that open `run` (read case-blind for the direction), up to a
    full stop: "Marrakesh. Temperatures" is a name and the next sentence."""
    match = _NAME.match(run)
    return clean_name(_SENTENCE_STOP.split(match.group(0))[0]) if match else ""


def clean_name(name: str) -> str:
    """'Paris'' → 'Paris', 'Izium.' → 'Izium'. ("Kyiv's" stays: "St. John's" is a name; the
    lookup tries it without the 's too.)"""
    return re.sub(r"['’]$", "", name.strip()).rstrip(".")
