"""The claim panel and what an editor does in it: sources, verdicts, workflow moves.

Each write calls a service, which asks claims/workflow.py; a refusal comes back as a
TransitionError whose reason is shown in the panel. With htmx the panel is swapped in place;
without JavaScript every form posts and redirects back to the article page.

No lost edits: every form and button that changes a stored row carries the version of the row
the person read (a source's for its edit and removal, the claim's for every other write), and
the write runs under `version_locked`. A stale one is refused with what changed since, next to
the form, which keeps what was typed; the panel shown with it is the row as it is now, so a
second save, made knowingly, goes through. A form without a version is refused as well.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from claims import services, workflow
from claims.models import Claim, ClaimMatch, Source
from claims.services.review import correction_approve, correction_reject
from claims.services.versions import StaleEdit, version_locked
from claims.web.access import is_htmx, newsroom_required
from claims.web.forms import (
    AssignForm,
    CorrectionForm,
    SendBackForm,
    SourceEditForm,
    SourceForm,
    VerdictForm,
)
from claims.web.pages import article_page_context, panel_context, seen_before_context
from claims.workflow import Move, TransitionError


@require_GET
@newsroom_required
def claim_panel(request: HttpRequest, claim_id: int) -> HttpResponse:
    if is_htmx(request):
        return render(request, "claims/_claim_panel.html", panel_context(request, claim_id))
    return redirect(get_object_or_404(Claim, pk=claim_id))


@require_GET
@newsroom_required
def seen_before(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Seen before alone: the panel asks for it again while the claim's article is matched."""
    return render(request, "claims/_seen_before.html", seen_before_context(request, claim_id))


def _claim_form_view(
    form_class: type[forms.Form],
    service: Callable[..., Any],
    *,
    name: str,
    prefix: str | None,
    done: str,
    versioned: bool = True,
) -> Callable[[HttpRequest, int], HttpResponse]:
    """A view that validates `form_class` and writes it through `service` on one claim, at
    the claim's version the form carries (`versioned`; adding a source loses nothing)."""

    @require_POST
    @newsroom_required
    def view(request: HttpRequest, claim_id: int) -> HttpResponse:
        form = form_class(request.POST, prefix=prefix)
        write = partial(service, actor=request.user, claim_id=claim_id)
        guard = (Claim, claim_id) if versioned else None
        return _submit(request, claim_id, name, form, write, done, guard)

    return view


source_add = _claim_form_view(
    SourceForm,
    services.source_add,
    name="source",
    prefix=None,
    done="Source added.",
    versioned=False,
)
verdict_propose = _claim_form_view(
    VerdictForm,
    services.verdict_propose,
    name="verdict",
    prefix="verdict",
    done="Verdict proposed for review.",
)
verdict_correct = _claim_form_view(
    CorrectionForm,
    services.verdict_correct,
    name="correct",
    prefix="correct",
    done="Correction proposed; another reviewer must approve it before it is published.",
)
claim_send_back = _claim_form_view(
    SendBackForm,
    services.claim_send_back,
    name="send_back",
    prefix="back",
    done="Sent back to the editor.",
)
claim_assign = _claim_form_view(
    AssignForm, services.claim_assign, name="assign", prefix="assign", done="Assignee changed."
)


@require_POST
@newsroom_required
def source_edit(request: HttpRequest, source_id: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=source_id)
    form = SourceEditForm(request.POST, prefix="edit")
    form.source_id = source.pk  # type: ignore[attr-defined]
    write = partial(services.source_update, actor=request.user, source_id=source.pk)
    guard = (Source, source.pk)
    return _submit(request, source.claim_id, "edit", form, write, "Source saved.", guard)


@require_POST
@newsroom_required
def source_remove(request: HttpRequest, source_id: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=source_id)
    write = partial(services.source_remove, actor=request.user, source_id=source.pk)
    guard = (Source, source.pk)
    return _act(request, source.claim_id, write, "Source removed.", guard)


MOVES: dict[str, tuple[Callable[..., Any], str]] = {
    Move.START: (services.claim_start, "Work started; the claim is yours."),
    Move.PUBLISH: (services.claim_publish, "Published."),
    Move.APPROVE_CORRECTION: (correction_approve, "Correction approved and published."),
    Move.REJECT_CORRECTION: (correction_reject, "Correction rejected; the verdict stands."),
    Move.DISMISS: (services.claim_dismiss, "Dismissed."),
}


@require_POST
@newsroom_required
def claim_move(request: HttpRequest, claim_id: int, move: str) -> HttpResponse:
    """The moves that need nothing but a click: start, assign to me, publish, dismiss, and
    approving or rejecting a proposed correction."""
    guard = (Claim, claim_id)
    if move == Move.ASSIGN:
        write = partial(
            services.claim_assign, actor=request.user, claim_id=claim_id, assignee=request.user
        )
        return _act(request, claim_id, write, "Assigned to you.", guard)
    if move not in MOVES:
        raise Http404("No such move.")
    service, done = MOVES[move]
    write = partial(service, actor=request.user, claim_id=claim_id)
    if move == Move.APPROVE_CORRECTION:
        # The proposal the approver was shown: another one may have replaced it since.
        seen = request.POST.get("proposal", "")
        if not seen.isdigit():
            claim = get_object_or_404(Claim, pk=claim_id)
            reason = workflow.refusal(request.user, move, claim) or NO_PROPOSAL_SEEN
            return _failed(request, claim_id, {}, f"Not done: {reason}.")
        write = partial(write, proposal_id=int(seen))
    return _act(request, claim_id, write, done, guard)


# Seen before: what an editor does with a match, and what the panel then says.
MATCH_ACTIONS: dict[str, tuple[Callable[..., Any], str]] = {
    "confirm": (partial(services.match_decide, confirm=True), "Marked as the same claim."),
    "reject": (partial(services.match_decide, confirm=False), "Marked as not the same claim."),
    "propose-verdict": (
        services.match_propose_verdict,
        "The earlier verdict is proposed for this claim, with its fact-check as a source; "
        "it waits for a reviewer.",
    ),
}


@require_POST
@newsroom_required
def match_act(request: HttpRequest, claim_id: int, match_id: int, action: str) -> HttpResponse:
    """Confirm or reject one of the claim's matches, or propose the earlier claim's verdict,
    at the version of the match the form carries: a decision another editor made since is
    never overwritten by a page opened before it."""
    if action not in MATCH_ACTIONS:
        raise Http404("No such action.")
    get_object_or_404(ClaimMatch, pk=match_id, claim_id=claim_id)
    service, done = MATCH_ACTIONS[action]
    seen = request.POST.get("version", "")

    def write() -> None:
        if not seen.strip():
            raise NoVersion(ClaimMatch)
        with services.match_version_locked(match_id, seen):
            service(actor=request.user, match_id=match_id)

    return _act(request, claim_id, write, done)


NO_PROPOSAL_SEEN = "the form did not say which correction you approve; reload the page"
NO_VERSION = (
    "Not done: the form did not say which version of the {noun} you read (a page opened "
    "before an update, or a form from elsewhere). The {noun} is shown below as it is now: "
    "check it, then make your change again."
)
INPUT_KEPT = (
    "Or save again now: what you typed is kept below, and saving it replaces those changes."
)

# The row a write must find as the person read it: (model, primary key).
Guard = tuple[type[Model], int]


class NoVersion(Exception):
    """The form carried no version of the row it writes (an old page, or a crafted POST)."""

    def __init__(self, model: type[Model]) -> None:
        super().__init__(NO_VERSION.format(noun=model._meta.verbose_name))


def _write_at(guard: Guard | None, seen: str, write: Callable[[], Any]) -> None:
    """Write, under lock, only if the row is still at the version `seen`."""
    if guard is None:
        write()
        return
    model, pk = guard
    if not seen.strip():
        raise NoVersion(model)
    with version_locked(model, pk, seen):
        write()


def _submit(
    request: HttpRequest,
    claim_id: int,
    name: str,
    form: forms.Form,
    write: Callable[..., Any],
    done: str,
    guard: Guard | None = None,
) -> HttpResponse:
    """Validate, write through the service, and answer with the panel or a redirect."""
    error = ""
    if form.is_valid():
        data = dict(form.cleaned_data)
        seen = data.pop("version", "") or ""
        try:
            _write_at(guard, seen, partial(write, **data))
        except ObjectDoesNotExist as exc:
            raise Http404("No such claim or source.") from exc
        except TransitionError as exc:
            error = _refused(exc)
        except StaleEdit as exc:
            error = f"{exc} {INPUT_KEPT}"
        except NoVersion as exc:
            error = str(exc)
        except ValidationError as exc:
            _attach(form, exc)
        else:
            return _done(request, claim_id, done)
    return _failed(request, claim_id, {name: form}, error, at=name)


def _act(
    request: HttpRequest,
    claim_id: int,
    write: Callable[[], Any],
    done: str,
    guard: Guard | None = None,
) -> HttpResponse:
    try:
        _write_at(guard, request.POST.get("version", ""), write)
    except ObjectDoesNotExist as exc:
        raise Http404("No such claim or source.") from exc
    except TransitionError as exc:
        return _failed(request, claim_id, {}, _refused(exc))
    except (StaleEdit, NoVersion) as exc:
        return _failed(request, claim_id, {}, str(exc))
    return _done(request, claim_id, done)


def _refused(exc: TransitionError) -> str:
    return f"Not done: {exc.reason}."


def _attach(form: forms.Form, exc: ValidationError) -> None:
    """A model check the form could not make (the service runs full_clean) goes on its field."""
    for field, errors in getattr(exc, "message_dict", {"__all__": exc.messages}).items():
        form.add_error(field if field in form.fields else None, errors)


def _done(request: HttpRequest, claim_id: int, message: str) -> HttpResponse:
    if is_htmx(request):
        context = panel_context(request, claim_id)
        context["notice"] = message
        response = render(request, "claims/_claim_panel.html", context)
        # The claim's state shows in the list beside the text: let the page refresh it.
        response["HX-Trigger"] = "claim-changed"
        return response
    messages.success(request, message)
    claim = get_object_or_404(Claim, pk=claim_id)
    return redirect(claim)


def _failed(
    request: HttpRequest,
    claim_id: int,
    bound: dict[str, forms.Form],
    error: str,
    *,
    at: str = "",
) -> HttpResponse:
    """The panel again, with the error next to the form `at` if the panel still shows it."""
    panel = panel_context(request, claim_id, bound=bound, error=error, error_at=at)
    if is_htmx(request):
        return render(request, "claims/_claim_panel.html", panel)
    context = {**article_page_context(panel["claim"].article_id), **panel, "panel_open": True}
    return render(request, "claims/article.html", context, status=400)
