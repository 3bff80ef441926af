"""The site with a page at /report-an-error/ (another part of the project serves the real one)."""

from django.http import HttpResponse
from django.urls import path

from factcheck.urls import urlpatterns as site

urlpatterns = [path("report-an-error/", lambda request: HttpResponse("A form.")), *site]
