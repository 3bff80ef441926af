"""The test suite's small override of the environment-driven settings.

The environment still decides the database and the broker (the README's test command points
them at PostgreSQL and Redis); this only fills in what a test run needs and speeds it up.
"""

import os

# A developer's .env (written by bin/run) must not change what the tests run with.
os.environ.setdefault("ENV_FILE", os.devnull)

os.environ.setdefault("SECRET_KEY", "test-only-key-not-secret-7f3c9a2e5b1d8f4a6c0e9b2d7a5f3c1e8b4d")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("STATIC_MANIFEST", "false")
# The README's test command sets DATABASE_URL and CELERY_BROKER_URL; a bare pytest run may not.
os.environ.setdefault("EMBEDDED", "true")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
# Tests that are about throttling set their own rate; the rest must never be throttled.
os.environ.setdefault("API_THROTTLE_RATE", "100000/minute")

from factcheck.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
