"""The rule files ship inside the wheel and are found both from a wheel and from the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from factcheck.rules import builtin_rules_dir, load_rules

from .conftest import ROOT


def test_rules_found_in_checkout_install():
    rules_dir = builtin_rules_dir()
    assert (rules_dir / "amount-mismatch.yaml").is_file()
    assert len(load_rules()) == len(list((ROOT / "rules").glob("*.yaml")))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-w", str(out), "-q"], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed: {proc.stderr[-2000:]}")
    [path] = out.glob("factcheck-*.whl")
    return path


def test_wheel_contains_every_rule(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"factcheck/_rules/{p.name}" for p in (ROOT / "rules").glob("*.yaml")}
    assert shipped and shipped <= names


def test_rules_found_from_an_installed_wheel(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    code = ("import json, factcheck, factcheck.rules as r; "
            "print(json.dumps([factcheck.__file__, str(r.builtin_rules_dir()), "
            "[x.id for x in r.load_rules()]]))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=tmp_path, check=True)
    module_file, rules_dir, ids = json.loads(proc.stdout)
    assert Path(module_file).is_relative_to(target)
    assert Path(rules_dir).is_relative_to(target)
    assert "amount-mismatch" in ids and len(ids) == len(list((ROOT / "rules").glob("*.yaml")))


def test_wheel_ships_license_types_schema_and_main(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        metadata = z.read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert {"factcheck/py.typed", "factcheck/__main__.py",
            "factcheck/schema/report.schema.json"} <= names
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in metadata
    assert "Copyright (c) 2026 the factcheck authors" in (ROOT / "LICENSE").read_text("utf-8")
