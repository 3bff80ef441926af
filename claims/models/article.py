from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from simple_history.models import HistoricalRecords

from claims.models.choices import ExtractionState, SourceOrigin

# The extraction's bookkeeping, which the admin and the API show together and in this order.
EXTRACTION_FIELDS = (
    "extraction_state",
    "extraction_error",
    "extractor_version",
    "extraction_attempts",
    "extraction_queued_at",
    "extraction_started_at",
    "extraction_finished_at",
)
# The facts an editor may correct after ingest (services.article_update_facts).
FACT_FIELDS = ("title", "dateline", "publisher", "byline", "url")


class Article(models.Model):
    """A piece of news as it came in. `raw` is never altered; offsets refer to `text`."""

    raw = models.TextField(help_text="The text or HTML exactly as received.")
    raw_content_type = models.CharField(max_length=100, default="text/plain")
    text = models.TextField(help_text="The cleaned text that extraction reads and editors see.")
    # Kept by the database, so that the trigger that keeps every span inside the text (see
    # migrations 0002 and 0007) compares with a number instead of reading megabytes of text
    # for each claim, quantity and finding it checks.
    text_length = models.GeneratedField(
        expression=Length("text"), output_field=models.PositiveIntegerField(), db_persist=True
    )
    # What the full-text search reads on PostgreSQL: the tsvector of the title, publisher,
    # byline and the head of the text (claims.selectors.article_search_vector), kept by the
    # trigger of migration 0011 and GIN-indexed there. Stored, not an index expression: for a
    # word in most articles PostgreSQL skips the index and would recompute every text's vector.
    # Unused (always null) on SQLite, which searches with icontains.
    search_vector = SearchVectorField(null=True, editable=False)
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the cleaned text; one row per text."
    )
    origin = models.CharField(max_length=10, choices=SourceOrigin.choices)
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    dateline = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_articles",
    )

    extraction_state = models.CharField(
        max_length=10, choices=ExtractionState.choices, default=ExtractionState.QUEUED
    )
    extraction_error = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    extraction_attempts = models.PositiveIntegerField(default=0)
    extraction_queued_at = models.DateTimeField(null=True, blank=True)
    extraction_started_at = models.DateTimeField(null=True, blank=True)
    extraction_finished_at = models.DateTimeField(null=True, blank=True)
    # The run that holds the `running` claim: only that run may write the result. A task makes
    # it up before it claims, and hands it on to its own retries so they can continue the run.
    extraction_token = models.CharField(max_length=32, blank=True, editable=False)
    # When its claims were last matched with earlier ones ("Seen before"); empty while the
    # matching that follows an extraction has not run yet.
    matched_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who changed the article's facts (title, dateline, publisher, byline, URL), and when. The
    # texts and the extraction's bookkeeping are left out: the texts never change, and the
    # bookkeeping is written by queryset updates that history does not see anyway.
    history = HistoricalRecords(
        excluded_fields=[
            "raw",
            "text",
            "text_length",
            "search_vector",
            "content_hash",
            "raw_content_type",
            "extraction_token",
            "matched_at",
            *EXTRACTION_FIELDS,
        ]
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["extraction_state", "extraction_queued_at"]),
            models.Index(fields=["-created_at"]),
            models.Index(fields=["dateline"]),
            models.Index(fields=["url"]),  # a web address submitted twice is one article
            # Articles waiting for matching (claims/services/matching.py): few among many.
            models.Index(
                fields=["id"],
                name="article_match_pending",
                condition=Q(extraction_state=ExtractionState.DONE, matched_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(extraction_state__in=ExtractionState.values),
                name="article_extraction_state_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(origin__in=SourceOrigin.values), name="article_origin_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(content_hash=""), name="article_content_hash_set"
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"
