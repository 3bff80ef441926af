"""What the article page and the claim panel show, built once for full pages and partials."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from claims import selectors, workflow
from claims.models import Article, Claim, ClaimState, ExtractionState, Verdict
from claims.models.article import FACT_FIELDS
from claims.services.references import claim_suggestion
from claims.services.versions import version_of
from claims.web import highlight, units
from claims.web.forms import (
    ArticleFactsForm,
    AssignForm,
    CorrectionForm,
    SendBackForm,
    SourceEditForm,
    SourceForm,
    VerdictForm,
)
from claims.workflow import Move

PENDING = (ExtractionState.FETCHING, ExtractionState.QUEUED, ExtractionState.RUNNING)

# The buttons of the panel, in the order shown; the workflow decides which appear.
BUTTONS = [
    (Move.START, "Start work"),
    (Move.ASSIGN, "Assign to me"),
    (Move.PUBLISH, "Publish"),
    (Move.APPROVE_CORRECTION, "Approve correction"),
    (Move.REJECT_CORRECTION, "Reject correction"),
    (Move.DISMISS, "Dismiss"),
]
# Moves whose guards read what a form brings: asked with a stand-in, the form gives the real one.
STAND_IN = {"rationale": "…", "comment": "…", "note": "…"}


def article_page_context(
    article_id: int,
    *,
    facts_form: Any = None,
    facts_refusal: str = "",
    facts_open: bool = False,
) -> dict[str, Any]:
    """The whole article page but the panel: the text, its claims, and the facts form (as
    read now, or `facts_form` bound with what was refused)."""
    context = reading_context(article_id)
    if facts_form is None:
        article = context["article"]
        initial = {name: getattr(article, name) for name in FACT_FIELDS}
        facts_form = ArticleFactsForm(initial={**initial, "version": version_of(article)})
    context.update(facts_form=facts_form, facts_refusal=facts_refusal, facts_open=facts_open)
    return context


def reading_context(article_id: int) -> dict[str, Any]:
    """The article's text cut into highlighted runs, and its claims: a fixed number of queries."""
    try:
        article = selectors.article_for_reading(article_id=article_id)
    except Article.DoesNotExist as exc:
        raise Http404("No such article.") from exc
    claims = list(article.claims.all())
    return {
        "article": article,
        "claims": claims,
        "segments": highlight.segments(article.text, [c for c in claims if not c.detached]),
        "polling": article.extraction_state in PENDING,
    }


@dataclass(frozen=True)
class QuantityRow:
    quantity: Any
    stated: str
    readings: list[units.Reading]


def _quantity_row(q: Any) -> QuantityRow:
    return QuantityRow(
        q,
        units.stated(q.value, q.value_high, q.unit, q.kind),
        units.readings(q.kind, q.si_value, q.si_value_high),
    )


def panel_context(
    request: HttpRequest,
    claim_id: int,
    *,
    article_id: int | None = None,
    bound: dict[str, forms.Form] | None = None,
    error: str = "",
    error_at: str = "",
) -> dict[str, Any]:
    """Everything the claim panel shows; `bound` carries forms that failed, with their errors,
    and `error` goes next to the form named `error_at` when the panel shows it."""
    try:
        claim = selectors.claim_for_panel(claim_id=claim_id)
    except Claim.DoesNotExist as exc:
        raise Http404("No such claim.") from exc
    if article_id is not None and claim.article_id != article_id:
        raise Http404("That claim is not in this article.")
    bound = bound or {}
    verdicts = _verdicts(claim)
    sources = _sources_part(request, claim, bound)
    context = {
        "claim": claim,
        # What every form of the panel but "add a source" carries: the claim as shown here.
        "claim_version": version_of(claim),
        "quantities": [_quantity_row(q) for q in claim.quantities.all()],
        "findings": list(claim.check_results.all()),
        "sources": list(claim.sources.all()),
        "history": selectors.claim_history(claim=claim),
        "error": error,
        "suggestion": claim_suggestion(claim=claim),
        **verdicts,
        **sources,
        **_moves_part(request.user, claim, bound, verdicts["verdict"]),
        **_seen_before_part(claim, sources["can_edit_sources"]),
    }
    _place_error(context, error_at)
    context["focus_on_error"] = _focus_first_error(context)
    return context


# The panel's forms, in the order it shows them: (name, form in the context, shown if).
FORMS = [
    ("assign", "assign_form", "can_assign_others"),
    ("edit", "edit_form", "can_edit_sources"),
    ("source", "source_form", "can_edit_sources"),
    ("verdict", "verdict_form", "can_propose"),
    ("send_back", "send_back_form", "can_send_back"),
    ("correct", "correct_form", "can_correct"),
]


def _shown_form(context: dict[str, Any], name: str) -> forms.Form | None:
    """The form `name` if the panel shows it (its move is allowed, its source still there)."""
    for form_name, key, shown_if in FORMS:
        if form_name != name or not context[shown_if] or context[key] is None:
            continue
        if name == "edit" and context["editing_id"] not in {s.pk for s in context["sources"]}:
            return None
        return context[key]
    return None


def _place_error(context: dict[str, Any], error_at: str) -> None:
    """A refusal goes where the person is looking: on the form they sent, if the panel still
    shows it; otherwise (the claim moved on, the form is gone) at the top of the panel."""
    form = _shown_form(context, error_at) if context["error"] else None
    if form is not None:
        form.add_error(None, context["error"])
        context["error"] = ""


def _focus_first_error(context: dict[str, Any]) -> bool:
    """Move the focus (and so the view) to the first error: the panel's own, or the first
    refused form's message, or its first invalid field. False when there is none."""
    if context["error"]:
        return True
    for name, _, _ in FORMS:
        form = _shown_form(context, name)
        if form is None or not form.is_bound or not form.errors:
            continue
        if form.non_field_errors():
            form.focus_errors = True  # type: ignore[attr-defined]  # read by _form.html
        else:
            first = next(f for f in form.fields if f in form.errors)
            form.fields[first].widget.attrs["autofocus"] = True
        return True
    return False


def _verdicts(claim: Claim) -> dict[str, Any]:
    verdicts = list(claim.verdicts.all())
    pending = [v for v in verdicts if v.supersedes_id and not v.is_current and not v.published_at]
    return {
        "verdict": next((v for v in verdicts if v.is_current), None),
        "pending_correction": pending[0] if pending else None,
        "earlier_verdicts": [v for v in verdicts if not v.is_current and v not in pending],
    }


def _sources_part(request: HttpRequest, claim: Claim, bound: dict[str, forms.Form]) -> dict:
    user = request.user
    editing = request.GET.get("edit_source", "")
    edit_form = bound.get("edit")
    is_id = editing.isascii() and editing.isdigit() and len(editing) <= 18
    editing_id = int(editing) if is_id else getattr(edit_form, "source_id", None)
    if edit_form is None and editing_id is not None:
        source = next((s for s in claim.sources.all() if s.pk == editing_id), None)
        edit_form = _edit_form(source) if source is not None else None
    return {
        "can_edit_sources": workflow.can(user, Move.EDIT_SOURCES, claim),
        "remove_refusal": workflow.refusal(user, Move.EDIT_SOURCES, claim, removing_source=True),
        "source_form": bound.get("source") or SourceForm(),
        "editing_id": editing_id,
        "edit_form": edit_form,
    }


def seen_before_context(request: HttpRequest, claim_id: int) -> dict[str, Any]:
    """The panel's Seen before alone: what the page asks for again while matching runs."""
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=claim_id)
    can_edit_sources = workflow.can(request.user, Move.EDIT_SOURCES, claim)
    return {"claim": claim, **_seen_before_part(claim, can_edit_sources)}


def _seen_before_part(claim: Claim, can_edit_sources: bool) -> dict[str, Any]:
    """The claim's matches with earlier claims. Deciding them takes what editing the claim's
    sources takes (the service asks the workflow again); proposing an earlier verdict, a
    claim that is not yet proposed (the service starts it if it is new)."""
    return {
        "seen_before": selectors.claim_seen_before(claim_id=claim.pk),
        "can_decide_matches": can_edit_sources,
        "can_propose_from_match": can_edit_sources
        and claim.state in (ClaimState.NEW, ClaimState.IN_PROGRESS),
    }


def _edit_form(source: Any) -> SourceEditForm:
    initial = {name: getattr(source, name) for name in SourceForm.base_fields}
    form = SourceEditForm(initial=initial, prefix="edit")
    form.source_id = source.pk  # type: ignore[attr-defined]
    return form


def _moves_part(
    user: Any, claim: Claim, bound: dict[str, forms.Form], verdict: Verdict | None
) -> dict[str, Any]:
    buttons = [
        {"move": move.value, "label": label}
        for move, label in BUTTONS
        if not (move == Move.ASSIGN and claim.assignee_id == user.pk)
        and workflow.can(user, move, claim, assignee=user, **STAND_IN)
    ]
    propose_refusal = workflow.refusal(user, Move.PROPOSE, claim, **STAND_IN)
    assign_form = bound.get("assign") or AssignForm(
        prefix="assign", initial={"assignee": claim.assignee_id}
    )
    assert isinstance(assign_form, AssignForm)
    wording = (
        {"headline": verdict.headline, "claim_reviewed": verdict.claim_reviewed} if verdict else {}
    )
    return {
        "buttons": buttons,
        "can_propose": propose_refusal is None,
        "propose_refusal": _propose_hint(user, claim, propose_refusal),
        # A draft sent back, or a correction, starts from the public wording it revises
        # (never from its rating: the person chooses that again).
        "verdict_form": bound.get("verdict") or VerdictForm(prefix="verdict", initial=wording),
        "can_send_back": workflow.can(user, Move.SEND_BACK, claim, **STAND_IN),
        "send_back_form": bound.get("send_back") or SendBackForm(prefix="back"),
        "can_correct": workflow.can(user, Move.CORRECT, claim, **STAND_IN),
        "correct_form": bound.get("correct") or CorrectionForm(prefix="correct", initial=wording),
        "can_assign_others": _can_assign_others(user, claim, assign_form.people()),
        "assign_form": assign_form,
    }


def _can_assign_others(user: Any, claim: Claim, people: list[Any]) -> bool:
    """Whether the workflow lets this user give the claim to someone else, asked about one
    real colleague of the form's list (the service asks again about the person chosen)."""
    colleague = next((p for p in people if p.pk != user.pk), None)
    return colleague is not None and workflow.can(user, Move.ASSIGN, claim, assignee=colleague)


def _propose_hint(user: Any, claim: Claim, refusal: str | None) -> str:
    """Why there is no verdict form, when the editor can do something about it."""
    if refusal is None:
        return ""
    if workflow.can(user, Move.START, claim):
        return "Start work on this claim to propose a verdict."
    if claim.state == ClaimState.IN_PROGRESS:  # a guard refused: say which
        return f"A verdict cannot be proposed yet: {refusal}."
    return ""
