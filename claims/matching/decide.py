"""What the words and the numbers together make of two claims. Pure Python, no Django.

    verdict = decide(text_score, numbers, Thresholds(suggest=0.7, link=0.875, figure_eases=0.1))

- `linked`: the words are nearly the same (text ≥ `link`) and nothing on the numbers tells the
  claims apart: shown as the same claim, with no one asked.
- `suggested`: the words are close (text ≥ `suggest`), whatever the numbers say: "76 miles"
  against "67 miles" is the same sentence with another figure, which is exactly what a desk
  wants to see, shown with "figures differ". A reworded claim with the same figure, places and
  period is suggested a little lower (`suggest` − `figure_eases`): the agreeing figure is
  evidence the words cannot give.
- None: not shown; nor is a pair whose sentences name other places, or whose figures are of
  other kinds (an area against a count): the words of "Lyon" and "Lille" are near-identical,
  and the claims are not the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from claims.matching.numbers import NumberMatch
from claims.matching.text import same_wording

Decision = Literal["linked", "suggested"]


@dataclass(frozen=True, slots=True)
class Thresholds:
    suggest: float
    link: float
    figure_eases: float

    def floor(self) -> float:
        """The lowest text score that can lead to a suggestion: candidates below it are not
        worth reading on the numbers."""
        return self.suggest - self.figure_eases


def decide(text: float, numbers: NumberMatch, thresholds: Thresholds) -> Decision | None:
    if numbers.another_subject:
        return None
    if text >= thresholds.link and not numbers.differs:
        return "linked"
    if text >= thresholds.suggest:
        return "suggested"
    if numbers.matches and text >= thresholds.floor():
        return "suggested"
    return None


def words_need_no_model(a: str, b: str, numbers: NumberMatch) -> bool:
    """One sentence twice, or two of the same words, their numbers aside, whose figures,
    places or period the numbers tell apart ("67 miles" and "76 miles"): their text score is
    1.0 without the transformer (an embedding cannot tell the latter apart; they are
    suggested, never linked). Not when the numbers find nothing between two sentences:
    "Article 5" and "Article 7", "Windows 10" and "Windows 11" are names, which only the
    transformer's reading may tell apart."""
    return a == b or (numbers.differs and same_wording(a, b))


def explain(text: float, numbers: NumberMatch) -> str:
    """The reason an editor reads: "text 0.91; same figure: 67 mi = about 108 km; same places"."""
    return f"text {text:.2f}; {numbers.reason}" if numbers.reason else f"text {text:.2f}"
