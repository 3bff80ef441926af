"""The settings module picks the embedded default or the real stack from the environment."""

import json
import os
import subprocess
import sys

from tests.paths import REPO

PRODUCTION = {
    "SECRET_KEY": "x7!kq2#vLr9@pZt4$wNe8^hBm3&cYd6*fGj1(sUa5)oXi0_Qw-Er+Ty=Ui[Op]As{Df}",
    "ALLOWED_HOSTS": "factcheck.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/factcheck",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}
SETTING_VARIABLES = {
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "STATIC_MANIFEST",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "CELERY_RESULT_BACKEND",
    "EMBEDDED",
    "API_THROTTLE_RATE",
}
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], "
    "'name': str(s.DATABASES['default']['NAME']), 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'broker': s.CELERY_BROKER_URL, 'debug': s.DEBUG}))"
)


def run(code_or_args, **env):
    # Start from the machine's environment less every setting (the test settings add some).
    clean = {k: v for k, v in os.environ.items() if k not in SETTING_VARIABLES}
    clean.update(env, DJANGO_SETTINGS_MODULE="factcheck.settings")
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=clean, capture_output=True, text=True, timeout=120
    )


def probe(**env):
    result = run(PROBE, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_with_nothing_set_it_runs_embedded_on_sqlite_with_tasks_in_process():
    got = probe(DEBUG="true")
    assert got["engine"] == "django.db.backends.sqlite3"
    assert got["name"] == str(REPO / "db.sqlite3")
    assert got["eager"] is True


def test_database_and_broker_urls_select_postgresql_and_redis():
    got = probe(
        DEBUG="true",
        DATABASE_URL=PRODUCTION["DATABASE_URL"],
        CELERY_BROKER_URL=PRODUCTION["CELERY_BROKER_URL"],
    )
    assert got["engine"] == "django.db.backends.postgresql"
    assert got["name"] == "factcheck"
    assert got["eager"] is False
    assert got["broker"] == "redis://127.0.0.1:6379/0"


def test_debug_is_off_unless_asked_for_and_then_a_secret_key_is_required():
    result = run(PROBE)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_refuses_an_empty_allowed_hosts():
    result = run(PROBE, SECRET_KEY=PRODUCTION["SECRET_KEY"])
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_without_the_real_stack_refuses_to_start_unless_embedded_is_asked_for():
    hosts = {"SECRET_KEY": PRODUCTION["SECRET_KEY"], "ALLOWED_HOSTS": "factcheck.example.org"}
    result = run(PROBE, **hosts)
    assert result.returncode != 0
    assert "DATABASE_URL and CELERY_BROKER_URL must be set when DEBUG is off" in result.stderr
    assert probe(**hosts, EMBEDDED="true")["engine"] == "django.db.backends.sqlite3"


def test_the_health_check_answers_over_plain_http_in_production(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="localhost")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert client.get("/accounts/login/", HTTP_HOST="localhost").status_code == 301
