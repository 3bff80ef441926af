import pytest

# Where the real stack is required (CI, bin/test), a skipped test fails instead.
pytest_plugins = ["tests.real_stack", "pytester"]


@pytest.fixture
def on_postgres(settings):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (the README's test command sets DATABASE_URL)")


@pytest.fixture
def match_index(settings, tmp_path):
    """A nearest-neighbour index of the test's own (Seen before): never a file another test,
    or a developer's server, saved from another database."""
    from claims.services import match_index as index

    settings.MATCH_INDEX_DIR = str(tmp_path)
    index.forget()
    yield
    index.forget()


@pytest.fixture(autouse=True)
def no_matching_task_waiting():
    """No test finds the mark of a matching task that an earlier test sent and no worker ran
    (articles extracted while it is set send no task of their own)."""
    from claims.services.matching import _queued_key, _unmark_queued

    _unmark_queued(_queued_key())
