"""The whole command on the bundled example, through click's CliRunner."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli, main

from .conftest import EXAMPLE

FILES = sorted(str(p) for p in EXAMPLE.glob("*.txt"))


def run(args, **kw):
    runner = CliRunner()
    return runner.invoke(cli, args, catch_exceptions=False, **kw)


def invoke_main(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_diff_json_contract(nlp):
    result = run(["diff", *FILES, "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "factcheck.report/1"
    assert {s["id"] for s in data["sources"]} == {"ats", "01net", "afp-republished"}
    raws = {p.stem: p.read_text(encoding="utf-8-sig") for p in EXAMPLE.glob("*.txt")}
    for f in data["findings"]:
        assert f["status"] in ("agreement", "disagreement", "single_source")
        assert f["severity"] in ("error", "warning", "info")
        assert f["type"] in ("date", "amount", "person", "org", "place", "quote", "role",
                             "polarity", "wording")
        for e in f["evidence"]:
            raw = raws[e["source"]]
            assert raw[e["start"]:e["end"]] == e["text"]
            line_start = raw.rfind("\n", 0, e["start"]) + 1
            assert e["line"] == raw.count("\n", 0, e["start"]) + 1
            assert e["column"] == e["start"] - line_start + 1


def test_terminal_report_and_exit_code(nlp):
    result = run(["diff", *FILES, "--width", "120"])
    assert result.exit_code in (0, 1)
    assert "Sources" in result.stdout and "Agreements" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_order_of_files_does_not_change_findings(nlp):
    def findings(files):
        data = json.loads(run(["diff", *files, "--format", "json", "--fail-on", "never"]).stdout)
        return sorted(json.dumps(f, sort_keys=True) for f in data["findings"])

    assert findings(FILES) == findings(FILES[::-1])


def test_inputs_are_not_modified(nlp, tmp_path):
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in EXAMPLE.glob("*.txt")}
    out = tmp_path / "report.json"
    run(["diff", *FILES, "--format", "json", "--output", str(out), "--fail-on", "never"])
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "factcheck.report/1"
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in EXAMPLE.glob("*.txt")}
    assert before == after


@pytest.mark.parametrize(("args", "message"), [
    (["diff", "EXAMPLE/ats.txt"], "need at least two sources"),
    (["diff", "EXAMPLE/ats.txt", "nope/missing.txt"], "no such file (nope/missing.txt)"),
])
def test_usage_errors_are_one_line_exit_2(capsys, args, message):
    args = [a.replace("EXAMPLE", str(EXAMPLE)) for a in args]
    code, _out, err = invoke_main(args, capsys)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_empty_and_binary_inputs(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    for bad, message in ((empty, "empty file"), (binary, "binary file")):
        code, _, err = invoke_main(["diff", str(bad), FILES[0]], capsys)
        assert code == 2 and message in err and str(bad) in err
        assert "Traceback" not in err


def test_malformed_rule_folder(capsys, tmp_path):
    (tmp_path / "bad.yaml").write_text("id: x\nname: y\nkind: nope\n", encoding="utf-8")
    code, _, err = invoke_main(["diff", *FILES, "--rules", str(tmp_path)], capsys)
    assert code == 2
    assert f"{tmp_path / 'bad.yaml'}:" in err


def test_rules_and_rule_commands():
    result = run(["rules"])
    assert "amount-mismatch" in result.stdout and "inflection-variant" in result.stdout
    result = run(["rule", "amount-mismatch"])
    assert "Why it matters" in result.stdout and "rounding" in result.stdout
