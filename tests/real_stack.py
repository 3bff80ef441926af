"""A pytest plugin: where the real stack is required, a skipped test fails.

Tests of PostgreSQL, Redis, a Celery worker or the browser skip on a bare machine (a bare
`pytest` uses SQLite and no broker). Where the real stack is expected, in CI (`CI=true`) or
under `bin/test` (which exports `REQUIRE_REAL_STACK=1`), such a skip would hide that those
tests never ran, so every skip is reported as a failure instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

ENV_FLAGS = ("REQUIRE_REAL_STACK", "CI")


def real_stack_required() -> bool:
    return any(os.environ.get(name, "").lower() in ("1", "true", "yes") for name in ENV_FLAGS)


def _reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)


def _fail_the_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail") and real_stack_required():
        report.longrepr = (
            f"skipped, but the real stack is required here (CI or REQUIRE_REAL_STACK=1): "
            f"{_reason(report)}"
        )
        report.outcome = "failed"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator:
    report = yield
    _fail_the_skip(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Iterator:
    report = yield
    _fail_the_skip(report)
    return report
