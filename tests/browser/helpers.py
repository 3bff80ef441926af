"""Small steps the browser tests share."""

from __future__ import annotations

import os
from typing import Any

from playwright.sync_api import expect

from tests.paths import REPO

# The README's screenshots are committed; a test run writes its own to a git-ignored folder,
# so the clone stays clean. UPDATE_SCREENSHOTS=1 writes the README's instead.
README_SCREENSHOTS = REPO / "docs" / "screenshots"
RUN_SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"
SCREENSHOTS = README_SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else RUN_SCREENSHOTS


def log_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw-for-tests-only")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def log_out(page: Any) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # caret="initial": hiding the caret injects a style, which our CSP refuses (console errors).
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), caret="initial")


PHONE = {"width": 390, "height": 844}


def screenshot_phone(page: Any, name: str) -> None:
    """The same page at a phone's width (390 px), then back to the page's own size."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        screenshot(page, f"{name}-phone")
    finally:
        if size:
            page.set_viewport_size(size)


# Playwright's screenshot hides the caret with an empty <style>, which our CSP blocks and the
# console reports (the hash is that of the empty string): not an error of the page's own.
SCREENSHOT_STYLE = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="


def not_from_screenshots(errors: list[str]) -> list[str]:
    """The console errors of a page, less those that taking a screenshot of it causes."""
    return [error for error in errors if SCREENSHOT_STYLE not in error]
