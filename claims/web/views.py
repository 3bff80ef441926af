from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from claims import selectors


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "claims/dashboard.html", {"articles": selectors.recent_articles()})
