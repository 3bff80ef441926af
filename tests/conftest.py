import pytest

# Where the real stack is required (CI, bin/test), a skipped test fails instead.
pytest_plugins = ["tests.real_stack", "pytester"]


@pytest.fixture
def on_postgres(settings):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (the README's test command sets DATABASE_URL)")
