import pytest


@pytest.fixture
def on_postgres(settings):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (the README's test command sets DATABASE_URL)")
