"""Playwright for Python driving Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group

from factcheck.celery import app
from tests.factories import EditorFactory, ReviewerFactory

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


HERE = Path(__file__).parent
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: Playwright's sync API keeps an event loop running in the main
    thread from its first use to the end of the session, and Django refuses ORM calls made
    beside a running loop; no other test should run in that state."""
    items.sort(key=lambda item: HERE in Path(item.path).parents)


# Django's ORM calls in these tests (and in the live server's setup) are ordinary blocking
# calls, made beside Playwright's loop: allow them for these tests only, never at import, so
# that no other test, nor a subprocess one starts (`check --deploy`), inherits the setting.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    os.environ[ASYNC_UNSAFE] = "true"
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield
    os.environ.pop(ASYNC_UNSAFE, None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    # pytest-playwright has no option for the executable, and Playwright's own download
    # cannot work here: point it at Debian's Chromium.
    if not os.path.exists(CHROMIUM):
        pytest.skip("needs Chromium (bin/test installs it: apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 860}}


@pytest.fixture
def eager_celery() -> Iterator[None]:
    """Extraction runs inside the submitting request, as it does on the embedded default."""
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@dataclass
class Newsroom:
    editor: Any
    reviewer: Any


@pytest.fixture
def newsroom(transactional_db) -> Newsroom:
    # A transactional test starts from a flushed database: the groups the migration made
    # may be gone, so make sure they are there.
    for name in ("Editors", "Reviewers"):
        Group.objects.get_or_create(name=name)
    return Newsroom(EditorFactory(username="edna"), ReviewerFactory(username="rita"))


@dataclass
class Watch:
    """What the page must never do: open a dialog, throw, or log an error."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> Watch:
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        page.on("console", self._console)
        return self

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.fixture
def watch(page) -> Watch:
    return Watch().attach(page)
