"""The CSV export from the admin, in a browser (issue 14): the changelist's "Export as CSV"
downloads what its filter selects, and the action downloads the claims ticked. Screenshot: the
filtered changelist with its link."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from claims.models import ClaimState
from tests.browser.helpers import log_in, screenshot, screenshot_phone
from tests.browser.test_reviewer_screen import _admin_has_no_favicon, _groups_may_use_the_admin
from tests.export.conftest import checked_claim
from tests.factories import ClaimFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _rows(download: Any) -> list[dict[str, str]]:
    assert download.suggested_filename.startswith("claims-")
    assert download.suggested_filename.endswith(".csv")
    with Path(download.path()).open(newline="", encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


def test_a_reviewer_exports_the_filtered_changelist_and_the_ticked_claims(
    page, live_server, newsroom, watch
):
    _groups_may_use_the_admin()
    published = checked_claim(title="Reservoir levels fall near Izium")
    waiting = ClaimFactory(state=ClaimState.IN_REVIEW, article__title="Bypass to open in spring")
    ClaimFactory(state=ClaimState.NEW)
    base = live_server.url
    _admin_has_no_favicon(page)
    log_in(page, base, "rita")

    page.goto(f"{base}/admin/claims/claim/?state__exact=published")
    link = page.get_by_role("link", name="Export as CSV")
    expect(link).to_be_visible()
    screenshot(page, "admin-claims-export")
    screenshot_phone(page, "admin-claims-export")
    with page.expect_download() as download:
        link.click()
    [row] = _rows(download.value)
    assert row["claim_id"] == str(published.pk)
    assert row["figures"].startswith("120 sq mi (exact) = 310,798,573.24 m² | 311 km²")
    assert row["public_url"] == f"{base}/checks/{published.pk}/"

    page.goto(f"{base}/admin/claims/claim/")
    for claim in (published, waiting):
        page.locator(f"input[name='_selected_action'][value='{claim.pk}']").check()
    page.locator("select[name='action']").select_option("export_csv")
    with page.expect_download() as download:
        page.get_by_role("button", name="Go").click()
    rows = _rows(download.value)
    assert sorted(r["claim_id"] for r in rows) == sorted([str(published.pk), str(waiting.pk)])
    assert watch.errors == [] and watch.dialogs == []
