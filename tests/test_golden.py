"""The seed story's reports, compared with the reviewed goldens in examples/*/expected/.

Any change in what a report says shows up here first, as a diff to review. When the change is
intended, refresh the goldens with ``python examples/refresh.py`` and commit them with the code.
JSON is compared as data (key order and spacing do not matter); text and HTML as text.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFRESH_PY = ROOT / "examples" / "refresh.py"
HINT = ("the report changed. If the change is intended, refresh the goldens with "
        "`python examples/refresh.py` and review `git diff examples/twitter-microsoft/expected`")


def load_refresh():
    spec = importlib.util.spec_from_file_location("fc_refresh", REFRESH_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


refresh = load_refresh()


@pytest.fixture(scope="module")
def fresh(seed_report) -> dict[str, str]:
    return refresh.outputs(seed_report)


def expected(name: str) -> str:
    path = refresh.EXPECTED / name
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: {HINT}", pytrace=False)
    return path.read_text(encoding="utf-8")


def show_diff(old: str, new: str, name: str, limit: int = 80) -> str:
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"expected/{name}",
                                      f"fresh/{name}", lineterm="", n=2))
    more = f"\n... {len(lines) - limit} more diff lines" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


@pytest.mark.model
def test_json_golden(fresh):
    old, new = json.loads(expected("report.json")), json.loads(fresh["report.json"])
    if old != new:
        dump = lambda d: json.dumps(d, ensure_ascii=False, indent=1, sort_keys=True)  # noqa: E731
        pytest.fail(f"report.json: {HINT}\n{show_diff(dump(old), dump(new), 'report.json')}",
                    pytrace=False)


@pytest.mark.model
@pytest.mark.parametrize("name", ["report.txt", "report.html"])
def test_text_golden(fresh, name):
    old, new = expected(name), fresh[name]
    if old != new:
        pytest.fail(f"{name}: {HINT}\n{show_diff(old, new, name)}", pytrace=False)

