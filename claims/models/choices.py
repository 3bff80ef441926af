"""The fixed vocabularies of the domain, shared by models, forms, the API and the admin."""

from django.db import models

from claims.checks.finding import CHECKS, OUTCOMES
from claims.extraction.quantity import KINDS, QUALIFIERS


class ExtractionState(models.TextChoices):
    # A web address waiting for its page: a task fetches it, then the article is queued.
    FETCHING = "fetching", "Fetching"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ClaimState(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    DISMISSED = "dismissed", "Dismissed"


class SourceOrigin(models.TextChoices):
    PASTE = "paste", "Pasted text"
    FILE = "file", "Uploaded file"
    URL = "url", "Web address"


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v.replace("_", " ").capitalize()) for v in values]


KIND_CHOICES = _choices(KINDS)
QUALIFIER_CHOICES = _choices(QUALIFIERS)
CHECK_CHOICES = _choices(CHECKS)
OUTCOME_CHOICES = _choices(OUTCOMES)
