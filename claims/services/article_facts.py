"""Correcting an article's facts after ingest: title, dateline, publisher, byline, web address.

Who may: anyone in the newsroom, an editor, a reviewer or a superuser (`workflow.roles_of`),
never an anonymous or outside user. The facts say where a text came from; they carry no
rating, so no second pair of eyes is asked for, and each change is in the article's history
with who made it and why (the admin's History, and the refusal below).

No lost edits: the caller passes the version of the article it read (`version_of`, the API's
ETag). An article's version also moves when its extraction finishes, a write of bookkeeping
that changes no fact and that no history records; refusing then would send an editor back for
nothing. So a save is refused when the history holds a change of the facts made after the
version read (the fetch of a page records its facts too: `articles.article_fetch`).

A changed dateline re-runs extraction and checks: relative dates ("on Saturday", "five days
after") are read against it. The re-run is the re-extraction of `articles_requeue_extraction`,
which keeps every editor's work. A run under way read the old dateline: it loses its claim on
the article (its result is then dropped, as any run's that lost its token) and a new run is
queued, which reads the new one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from claims import workflow
from claims.models import Article, ExtractionState
from claims.models.article import EXTRACTION_FIELDS, FACT_FIELDS
from claims.services.extraction import articles_requeue_extraction
from claims.services.versions import check_version


@dataclass(frozen=True)
class FactsUpdate:
    article: Article
    changed: tuple[str, ...]  # the facts that changed, in FACT_FIELDS order
    rechecking: bool  # extraction and checks were queued again (the dateline changed)


def article_update_facts(
    *, actor: Any, article_id: int, seen_version: str, **changes: Any
) -> FactsUpdate:
    """Change the given facts (any of FACT_FIELDS) of the article read at `seen_version`.

    Raises PermissionDenied (not in the newsroom), StaleEdit (a fact changed since that read;
    nothing is saved) or ValidationError (by field; nothing is saved).
    """
    unknown = set(changes) - set(FACT_FIELDS)
    if unknown:
        raise TypeError(f"article_update_facts() got unexpected fields: {sorted(unknown)}")
    if not workflow.roles_of(actor):
        raise PermissionDenied("Only editors and reviewers may correct an article's facts.")
    with _facts_locked(article_id, seen_version) as article:
        changed = tuple(
            name for name in FACT_FIELDS if name in changes and _differs(article, name, changes)
        )
        if not changed:
            return FactsUpdate(article, (), rechecking=False)
        for name in changed:
            setattr(article, name, _normal(changes[name]))
        _validate(article)
        article._history_user = actor  # type: ignore[attr-defined]
        article._change_reason = "corrected the facts"  # type: ignore[attr-defined]
        article.save(update_fields=[*changed, "updated_at"])
        rechecking = "dateline" in changed and _recheck(article)
        if rechecking:
            article.refresh_from_db(fields=list(EXTRACTION_FIELDS))
    return FactsUpdate(article, changed, rechecking)


def article_lock_facts(*, article_id: int, seen_version: str) -> Article:
    """Lock the article for the rest of the caller's transaction, or raise StaleEdit if a fact
    changed since `seen_version`: for a form that checks before it saves (the admin's)."""
    with _facts_locked(article_id, seen_version) as article:
        return article


@contextmanager
def _facts_locked(article_id: int, seen: str) -> Iterator[Article]:
    """The article locked until the write is done, or StaleEdit if a fact changed since `seen`."""
    with transaction.atomic():
        article = (
            Article.objects.select_for_update().defer("raw", "search_vector").get(pk=article_id)
        )
        check_version(article, seen, recorded_only=True)
        yield article


def _normal(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _differs(article: Article, name: str, changes: dict[str, Any]) -> bool:
    value = _normal(changes[name])
    if name == "dateline":
        return value != article.dateline
    return (value or "") != getattr(article, name)


def _validate(article: Article) -> None:
    """The model's own rules for the facts, and only http(s) for the address: a `javascript:`
    address must never become the article's "original" link (said first, as "Enter a valid
    URL" would not say what is wrong with it)."""
    others = [f.name for f in Article._meta.fields if f.name not in FACT_FIELDS]
    errors: dict[str, list[str]] = {}
    if article.url and urlsplit(article.url).scheme.lower() not in ("http", "https"):
        errors["url"] = ["Enter a web address that starts with http:// or https://."]
        others.append("url")
    try:
        article.full_clean(exclude=others, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)


def _recheck(article: Article) -> bool:
    """Queue extraction and checks again, taking the claim away from a run under way. An
    article still being fetched has no text yet: the fetch queues its extraction, which reads
    the dateline then."""
    if article.extraction_state == ExtractionState.FETCHING:
        return False
    Article.objects.filter(pk=article.pk, extraction_state=ExtractionState.RUNNING).update(
        extraction_state=ExtractionState.QUEUED, extraction_token=""
    )
    return articles_requeue_extraction(article_ids=[article.pk]) == 1
