"""Machine checks on the quantities of a text: pure Python, no Django (DESIGN.md, "Checks API").

from claims.checks import check_text
findings = check_text(text, reference_date=None)  # list[Finding]
"""

from claims.checks.finding import CHECKS, OUTCOMES, Finding

__all__ = ["CHECKS", "OUTCOMES", "Finding", "check_text"]


def check_text(text: str, reference_date=None) -> list[Finding]:
    raise NotImplementedError("the machine checks land with issue 4")
