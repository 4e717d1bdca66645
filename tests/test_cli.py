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
    (["diff", "EXAMPLE/ats.txt", "nope/missing.txt"], "no such file or folder (nope/missing.txt)"),
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


def test_diff_of_a_folder_says_to_use_check(capsys):
    code, out, err = invoke_main(["diff", str(EXAMPLE)], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "is a folder" in err and f"run 'factcheck check {EXAMPLE}'" in err
    assert "need at least two sources" not in err


def test_diff_expands_a_quoted_glob_as_check_does(nlp, capsys):
    code, out, err = invoke_main(["diff", str(EXAMPLE / "*.txt"), "--format", "json",
                                  "--fail-on", "never", "-q"], capsys)
    assert code == 0, err
    assert {s["id"] for s in json.loads(out)["sources"]} == {"ats", "01net", "afp-republished"}
    code, _, err = invoke_main(["diff", str(EXAMPLE / "nothing*.txt")], capsys)
    assert code == 2 and "no file matches the pattern" in err


def test_diff_details_lists_what_the_default_counts(nlp):
    short = run(["diff", *FILES, "--width", "100", "--fail-on", "never"])
    long = run(["diff", *FILES, "--width", "100", "--fail-on", "never", "--details"])
    assert short.exit_code == long.exit_code == 0
    lone = "Microsoft n'a pas immédiatement répondu aux sollicitations de l'AFP."
    assert lone not in short.stdout and lone in long.stdout
    assert "ats    2 sentences" in short.stdout
    assert len(short.stdout.splitlines()) < len(long.stdout.splitlines())
    # Disagreements lead: nothing but the counts line comes before them.
    assert short.stdout.splitlines()[0].startswith("Disagreements 7")
    assert short.stdout.index("== Disagreements") < short.stdout.index("\nSources\n")


def test_diff_quiet_keeps_stderr_empty(nlp, tmp_path, capsys):
    english = tmp_path / "en.txt"
    english.write_text("The company said on Thursday that profits rose to 3.5 billion dollars "
                       "while sales fell sharply in the last quarter of the year.", "utf-8")
    args = ["diff", FILES[0], str(english), "--format", "json", "--fail-on", "never"]
    code, _, err = invoke_main(args, capsys)
    assert code == 0 and "Warning:" in err  # the non-French text is reported ...
    code, out, err = invoke_main([*args, "--quiet"], capsys)
    assert code == 0 and err == ""  # ... but not with --quiet, where the report alone says it
    assert any("French" in p["message"] for p in json.loads(out)["problems"])


class FakeTerminal:
    def __init__(self, tty: bool):
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(("tty", "quiet", "delay", "shown"), [
    (True, False, 0.0, True),  # a slow run on a terminal says what it is doing
    (True, False, 3600.0, False),  # a fast run prints nothing
    (True, True, 0.0, False),  # --quiet
    (False, False, 0.0, False),  # not a terminal (a pipe, a CI log)
])
def test_slow_run_notice(tty, quiet, delay, shown):
    import threading

    from factcheck.cli import slow_notice

    out = FakeTerminal(tty)
    done = threading.Event()
    with slow_notice("Comparing 3 articles…", quiet=quiet, delay=delay, stream=out):
        if shown:  # wait for the notice instead of for a time
            for _ in range(1000):
                if out.text:
                    break
                done.wait(0.01)
    assert ("Comparing 3 articles…" in out.text) is shown
    if shown:
        assert out.text.endswith("\r\x1b[K")  # erased when the run ends
