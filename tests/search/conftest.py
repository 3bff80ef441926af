"""Two articles to search: a reservoir story from Izium and a rail story from Lyman."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from claims.models import Article, Claim
from tests.factories import ArticleFactory, ClaimFactory

RESERVOIR_TEXT = (
    "Izium lies 120 kilometres south of Kharkiv. "
    "The Pechenihy reservoir holds 383 million cubic metres. "
    "The mayor of Balakliia spoke on Tuesday."
)
RAIL_TEXT = "The line runs 40 miles to Lyman. Trains stop twice a day."


def claim_in(article: Article, sentence: str, figure: str, **fields) -> Claim:
    """A claim on `figure` inside `sentence`, both found in the article's text."""
    s = article.text.index(sentence)
    f = article.text.index(figure, s)
    return ClaimFactory(
        article=article,
        sentence_start=s,
        sentence_end=s + len(sentence),
        start=f,
        end=f + len(figure),
        kind="length",
        **fields,
    )


@dataclass
class Newsdesk:
    reservoir: Article
    rail: Article
    izium: Claim  # "Izium lies 120 kilometres south of Kharkiv."
    volume: Claim  # "The Pechenihy reservoir holds 383 million cubic metres."
    lyman: Claim  # "The line runs 40 miles to Lyman."


@pytest.fixture
def desk(db) -> Newsdesk:
    reservoir = ArticleFactory(
        raw=RESERVOIR_TEXT,
        title="Water levels fall across the region",
        publisher="Kharkiv Courier",
        byline="Olena Petrenko",
    )
    rail = ArticleFactory(raw=RAIL_TEXT, title="Rail line reopens", publisher="Donbas Daily")
    return Newsdesk(
        reservoir=reservoir,
        rail=rail,
        izium=claim_in(reservoir, "Izium lies 120 kilometres south of Kharkiv.", "120 kilometres"),
        volume=claim_in(
            reservoir,
            "The Pechenihy reservoir holds 383 million cubic metres.",
            "383 million cubic metres",
        ),
        lyman=claim_in(rail, "The line runs 40 miles to Lyman.", "40 miles"),
    )
