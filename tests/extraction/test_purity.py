"""claims.extraction is pure Python: importing it loads no Django, Celery or DRF."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_package_imports_without_django_celery_or_drf():
    code = (
        "import sys; import claims.extraction as e; e.extract_quantities('5 km');"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('django', 'celery', 'rest_framework') or m in ('claims.models', 'claims.services')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_contract_fields_are_there():
    from claims.extraction import Quantity

    fields = set(Quantity.__dataclass_fields__)
    assert {
        "start", "end", "text", "value", "unit", "kind", "si_value", "qualifier",
        "value_high", "si_value_high", "sentence", "step", "check_worthiness", "extras",
    } <= fields  # fmt: skip


def test_the_garbage_collector_is_left_as_it_was_found():
    import gc

    from claims.extraction import extract_quantities

    assert gc.isenabled()
    extract_quantities("It is 5 km long.")
    assert gc.isenabled()
    gc.disable()
    try:
        extract_quantities("It is 5 km long.")
        assert not gc.isenabled()
    finally:
        gc.enable()
