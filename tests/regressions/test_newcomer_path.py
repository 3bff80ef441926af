"""What a newcomer meets first: manage.py in a fresh clone, the README's screenshots, the
dependencies pyproject.toml declares."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import tomllib

from tests.browser.helpers import README_SCREENSHOTS, RUN_SCREENSHOTS
from tests.foundation.test_settings import SETTING_VARIABLES
from tests.paths import REPO


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {*SETTING_VARIABLES, "ENV_FILE"}}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_manage_py_reads_the_local_env_file_that_bin_run_writes(tmp_path):
    env_file = tmp_path / ".env.local"
    env_file.write_text(f"DEBUG=true\nDATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}\n")
    result = manage("check", ENV_FILE=str(env_file))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "System check identified no issues" in result.stdout
    # DEBUG from a file rather than the environment is said at start-up.
    assert f"DEBUG=true comes from {env_file}, not from the environment" in result.stderr


def test_debug_from_the_environment_is_not_warned_about(tmp_path):
    env_file = tmp_path / ".env.local"
    env_file.write_text(f"DATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}\n")
    result = manage("check", ENV_FILE=str(env_file), DEBUG="true")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "DEBUG=true comes from" not in result.stderr


def test_the_settings_read_env_local_not_the_env_that_docker_compose_reads():
    """A `.env` is Docker Compose's: the settings must not take DEBUG or the key from it."""
    settings = (REPO / "factcheck" / "settings.py").read_text()
    assert 'default=str(BASE_DIR / ".env.local")' in settings
    assert 'BASE_DIR / ".env")' not in settings


def test_without_it_manage_py_still_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", ENV_FILE=str(tmp_path / "absent"))
    assert result.returncode == 1
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_bin_run_writes_env_local_readable_by_its_owner_only_and_leaves_the_umask_alone():
    run = (REPO / "bin" / "run").read_text()
    assert "> .env.local" in run and "> .env\n" not in run
    assert re.search(r"\(\s*umask 077\b", run), "the umask belongs in a subshell"
    assert "umask 022" not in run


def test_the_env_files_and_the_test_screenshots_are_git_ignored():
    paths = [".env", ".env.local", str(RUN_SCREENSHOTS.relative_to(REPO) / "dashboard.png")]
    result = subprocess.run(
        ["git", "check-ignore", *paths], cwd=REPO, capture_output=True, text=True
    )
    assert result.stdout.split() == paths


def test_the_env_files_stay_out_of_the_docker_image():
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {".env", ".env.local"} <= set(ignored)


def test_the_readmes_screenshots_are_png_images_of_the_browser_viewport():
    for name in ("dashboard", "article-claim-panel", "public-fact-check"):
        data = (README_SCREENSHOTS / f"{name}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", name
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (1280, 860), (name, width, height)


def test_pyproject_declares_what_is_imported_and_nothing_unused():
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[\[<>=;! ]", dep, maxsplit=1)[0] for dep in declared}
    assert "lxml_html_clean" in names
    assert "pysbd" not in names
    # nh3 is imported now, by the safe Markdown of the organisation's pages.
    assert {"Markdown", "nh3"} <= names
    assert "import nh3" in (REPO / "claims/web/safe_markdown.py").read_text()
