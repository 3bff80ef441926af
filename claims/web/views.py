"""The editor UI's pages: dashboard, submit, article reading, claims list."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from claims import selectors, services
from claims.intake import IntakeError
from claims.models import Article
from claims.services import FactsUpdate, IngestResult
from claims.services.articles import FACT_LABELS
from claims.services.versions import StaleEdit
from claims.web.access import is_htmx, newsroom_required
from claims.web.filters import ArticleFilter, ClaimFilter
from claims.web.forms import ArticleFactsForm, SubmitForm
from claims.web.pages import PENDING, article_page_context, panel_context, reading_context

PAGE_SIZE = 25


@newsroom_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "assigned": selectors.claims_assigned(user=request.user),
        "sent_back": selectors.claims_sent_back(user=request.user),
        "inconsistent": selectors.claims_inconsistent_recent(),
        **_progress(),
    }
    return render(request, "claims/dashboard.html", context)


@newsroom_required
def article_progress(request: HttpRequest) -> HttpResponse:
    """The recent-articles table body; it keeps polling while anything is still extracting."""
    return render(request, "claims/_article_rows.html", _progress())


def _progress() -> dict[str, Any]:
    articles = list(selectors.articles_recent_progress())
    return {"articles": articles, "polling": any(a.extraction_state in PENDING for a in articles)}


@newsroom_required
def submit(request: HttpRequest) -> HttpResponse:
    """A text (or file, or address) stored already is not stored again, and its facts are not
    changed by the second submission: the page says which of the given facts differ, with a
    link to correct them on purpose."""
    form = SubmitForm(request.POST or None, request.FILES or None)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        try:
            result = _ingest(form.cleaned_data, request.user)
        except IntakeError as exc:
            form.add_error(None, f"That could not be read: {exc}.")
        else:
            if result.created:
                messages.success(request, "Article received; extraction has started.")
                return redirect("web:article", article_id=result.article.pk)
            duplicate = result
    return render(request, "claims/submit.html", {"form": form, "duplicate": duplicate})


def _ingest(data: dict[str, Any], user: Any) -> IngestResult:
    common = {
        "submitted_by": user,
        "dateline": data.get("dateline"),
        "publisher": data.get("publisher", ""),
        "title": data.get("title", ""),
    }
    if data.get("file"):
        upload = data["file"]
        limit = settings.INGEST_MAX_BYTES
        if upload.size > limit:  # known before reading: never load an oversized file
            raise IntakeError(
                f"the file is {upload.size:,} bytes, over the limit of {limit:,} bytes"
            )
        return services.article_ingest_file(data=upload.read(), filename=upload.name, **common)
    if data.get("url"):
        return services.article_ingest_url(url=data["url"], **common)
    return services.article_ingest_text(text=data["text"], **common)


@newsroom_required
def article(request: HttpRequest, article_id: int) -> HttpResponse:
    """The article with its claims highlighted; `?claim=ID` opens that claim's panel, and
    `?edit=facts` the form that corrects its facts."""
    context = article_page_context(article_id, facts_open=request.GET.get("edit") == "facts")
    claim_id = request.GET.get("claim", "")
    if claim_id.isascii() and claim_id.isdigit() and len(claim_id) <= 18:
        panel = panel_context(request, int(claim_id), article_id=article_id)
        context.update(panel, panel_open=True)
    return render(request, "claims/article.html", context)


@require_POST
@newsroom_required
def article_facts(request: HttpRequest, article_id: int) -> HttpResponse:
    """Save the facts form; a refusal shows the form again, open, with what to fix."""
    form = ArticleFactsForm(request.POST)
    refusal = ""
    if form.is_valid():
        changes = dict(form.cleaned_data)
        seen = changes.pop("version")
        try:
            result = services.article_update_facts(
                actor=request.user, article_id=article_id, seen_version=seen, **changes
            )
        except Article.DoesNotExist as exc:
            raise Http404("No such article.") from exc
        except StaleEdit as exc:
            refusal = str(exc)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _facts_saved(result))
            return redirect("web:article", article_id=article_id)
    context = article_page_context(
        article_id, facts_form=form, facts_refusal=refusal, facts_open=True
    )
    return render(request, "claims/article.html", context, status=409 if refusal else 400)


def _facts_saved(result: FactsUpdate) -> str:
    if not result.changed:
        return "Nothing to save: the facts are as they were."
    names = ", ".join(FACT_LABELS[name] for name in result.changed)
    if result.rechecking:
        return f"Saved ({names}). The dateline changed: the checks are running again."
    if "dateline" in result.changed:
        return f"Saved ({names}). The dates will be checked against it once the page is in."
    return f"Saved ({names})."


@newsroom_required
def article_body(request: HttpRequest, article_id: int) -> HttpResponse:
    """The text and claims list alone: what the article page polls while extraction runs."""
    return render(request, "claims/_article_body.html", reading_context(article_id))


@newsroom_required
def claims_list(request: HttpRequest) -> HttpResponse:
    filters = ClaimFilter(request.GET or None, queryset=selectors.claims_for_list())
    context = list_context(request, filters)
    article_id = filters.form.cleaned_data.get("article") if filters.is_valid() else None
    if article_id:  # named, so that nobody has to know what the number means
        context["only_article"] = selectors.article_named(article_id=article_id)
    template = "claims/_claims_table.html" if is_htmx(request) else "claims/claims_list.html"
    return render(request, template, context)


@newsroom_required
def articles_list(request: HttpRequest) -> HttpResponse:
    filters = ArticleFilter(request.GET or None, queryset=selectors.articles_for_list())
    context = list_context(request, filters)
    template = "claims/_articles_table.html" if is_htmx(request) else "claims/articles_list.html"
    return render(request, template, context)


def list_context(
    request: HttpRequest, filters: Any, *, page_size: int = PAGE_SIZE
) -> dict[str, Any]:
    """A filtered list's page, and its query string without the page for the page links."""
    page = Paginator(filters.qs, page_size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    filtered = any(v for k, v in request.GET.items() if k not in ("page", "order"))
    return {
        "filter": filters,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "query": query.urlencode(),
        "filtered": filtered,
    }
