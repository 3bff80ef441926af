"""Where the real stack is required, a test that skips (PostgreSQL or Redis missing) fails."""

from __future__ import annotations

import pytest

from tests.paths import REPO

SKIPPING = """
import pytest

def test_needs_redis():
    pytest.skip("needs Redis: the README's test command sets CELERY_BROKER_URL")

@pytest.mark.xfail(reason="a known gap", strict=True)
def test_known_gap():
    assert False

def test_plain():
    assert True
"""
MODULE_SKIP = """
import pytest

pytest.skip("needs PostgreSQL", allow_module_level=True)
"""


@pytest.fixture
def inner(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    for name in ("REQUIRE_REAL_STACK", "CI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    # Only the plugin under test: no Django, no browser, and a quick start.
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    return pytester


def run(pytester: pytest.Pytester, **files: str) -> pytest.RunResult:
    pytester.makepyfile(**files)
    return pytester.runpytest_subprocess("-p", "tests.real_stack", "-p", "no:cacheprovider")


@pytest.mark.parametrize("flag", [("REQUIRE_REAL_STACK", "1"), ("CI", "true")])
def test_a_skip_fails_where_the_real_stack_is_required(inner, monkeypatch, flag):
    monkeypatch.setenv(*flag)
    result = run(inner, test_skipping=SKIPPING)
    result.assert_outcomes(passed=1, failed=1, xfailed=1)
    result.stdout.fnmatch_lines(["*the real stack is required here*needs Redis*"])
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_module_skipped_where_the_real_stack_is_required_stops_the_run(inner, monkeypatch):
    monkeypatch.setenv("REQUIRE_REAL_STACK", "1")
    result = run(inner, test_module_skip=MODULE_SKIP)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*the real stack is required here*needs PostgreSQL*"])
    assert result.ret == pytest.ExitCode.INTERRUPTED


def test_a_skip_is_a_skip_on_a_bare_machine(inner):
    result = run(inner, test_skipping=SKIPPING, test_module_skip=MODULE_SKIP)
    result.assert_outcomes(passed=1, skipped=2, xfailed=1)
    assert result.ret == pytest.ExitCode.OK
