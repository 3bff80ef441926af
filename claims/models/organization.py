"""The organisation that publishes the fact-checks: one row, edited by admins."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from claims.models.evidence import web_url

DEFAULT_NAME = "Factcheck"

DEFAULT_METHODOLOGY = """\
We check the numbers in the news: areas, distances, durations, counts, percentages and money.

1. **The machine reads first.** Every figure of an article is read and converted to one
   system of units; the machine checks a figure against its own conversion, the dates the
   article gives, a gazetteer's distances and the reference values our editors attach.
2. **An editor checks the claim** against sources we list on the fact-check, and proposes a
   verdict with its rationale.
3. **A second person reviews it.** Nobody publishes their own verdict.

A figure is held to the precision it shows: "about", "some" and "roughly" widen the margin,
"more than" and "at least" make it one-sided.
"""

DEFAULT_CORRECTIONS_POLICY = """\
When we get something wrong we correct it, openly. A correction is proposed by one person and
approved by another; the fact-check then shows the new verdict, the date of the change and a
note saying what changed. Earlier verdicts are kept.
"""


class Organization(models.Model):
    """The publisher of the public site and of ClaimReview's `author`: a single row (pk 1).

    The logo is a web address, not an upload: the project serves no user media (WhiteNoise
    serves only the built static files, and several web machines would need shared storage),
    and ClaimReview wants an address anyway.
    """

    SINGLETON_PK = 1

    name = models.CharField(max_length=200, default=DEFAULT_NAME)
    url = models.URLField(
        "web address", max_length=500, blank=True, validators=[web_url], help_text="Home page."
    )
    logo_url = models.URLField(
        "logo address",
        max_length=500,
        blank=True,
        validators=[web_url],
        help_text="An http(s) address of the logo image (used by ClaimReview and the site).",
    )
    contact_email = models.EmailField("contact address", blank=True)
    methodology = models.TextField(
        default=DEFAULT_METHODOLOGY, help_text="Markdown; shown at /methodology/."
    )
    corrections_policy = models.TextField(
        default=DEFAULT_CORRECTIONS_POLICY, help_text="Markdown; shown at /corrections-policy/."
    )
    show_names = models.BooleanField(
        "show names",
        default=False,
        help_text="Show the author's and the reviewer's names on public fact-checks.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "organisation"
        verbose_name_plural = "organisation"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="organization_single_row"),
            models.CheckConstraint(
                condition=Q(url="") | Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="organization_url_is_web",
            ),
            models.CheckConstraint(
                condition=Q(logo_url="")
                | Q(logo_url__startswith="http://")
                | Q(logo_url__startswith="https://"),
                name="organization_logo_is_web",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is None:
            self.pk = self.SINGLETON_PK
        if self._state.adding:
            # A new instance inserts, so that a second one fails on the key instead of
            # silently overwriting the row (and its created_at) with an UPDATE.
            kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> Organization:
        """The row, made with the defaults when missing: a migration's data row would vanish
        in a test database's flush, and a fresh install has not been edited yet."""
        organization, _ = cls.objects.get_or_create(pk=cls.SINGLETON_PK)
        return organization
