"""Bad input gets one clear line and the right exit code; nothing crashes; inputs are untouched."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.load import decode

from .conftest import EXAMPLE

GOOD = str(EXAMPLE / "ats.txt")
FRENCH = ("Le ministre a annoncé jeudi une aide de 3 millions d'euros pour les 1.500 agriculteurs "
          "touchés, a indiqué la préfecture dans un communiqué publié en mars 2024.")


def run(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return exit_info.value.code, out, err


def one_line_error(err: str, *needles: str) -> None:
    lines = [line for line in err.strip().splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


def test_empty_file(tmp_path, capsys):
    bad = write(tmp_path, "empty.txt", b"")
    code, _, err = run(["diff", bad, GOOD], capsys)
    assert code == 2
    one_line_error(err, "empty file", bad)


def test_nothing_left_after_cleaning(nlp, tmp_path, capsys):
    bad = write(tmp_path, "list.txt", b"- un titre\n- un autre titre\n- encore un\n")
    code, _, err = run(["diff", bad, GOOD], capsys)
    assert code == 2
    one_line_error(err, "no article text", bad)


def test_binary_file(tmp_path, capsys):
    bad = write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    code, _, err = run(["diff", bad, GOOD], capsys)
    assert code == 2
    one_line_error(err, "binary", bad)


def test_huge_file(tmp_path, capsys):
    p = tmp_path / "huge.txt"
    with p.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: instant, and refused before any read
    code, _, err = run(["diff", str(p), GOOD], capsys)
    assert code == 2
    one_line_error(err, "file too large (100 MB", str(p))


def test_not_french_is_a_warning(nlp, tmp_path, capsys):
    english = ("The minister announced on Thursday that the government will pay 3 million euros "
               "to the farmers who were hit by the floods, and that this is only a first step.")
    p = write(tmp_path, "english.txt", english.encode())
    q = write(tmp_path, "french.txt", FRENCH.encode())
    code, _, err = run(["diff", p, q], capsys)
    assert code in (0, 1)
    assert "looks like 'en', not French" in err


def test_identical_files(nlp, tmp_path, capsys):
    p = write(tmp_path, "a.txt", FRENCH.encode())
    q = write(tmp_path, "b.txt", FRENCH.encode())
    code, out, err = run(["diff", p, q, "--format", "json"], capsys)
    assert code == 0
    assert "same text" in err
    assert all(f["status"] == "agreement" for f in json.loads(out)["findings"])


def test_single_source_and_missing_path(tmp_path, capsys):
    code, _, err = run(["diff", GOOD], capsys)
    assert code == 2
    one_line_error(err, "at least two sources")
    missing = str(tmp_path / "nope.txt")
    code, _, err = run(["diff", GOOD, missing], capsys)
    assert code == 2
    one_line_error(err, "no such file", missing)


def test_folder_given_to_diff(tmp_path, capsys):
    code, _, err = run(["diff", GOOD, str(tmp_path)], capsys)
    assert code == 2
    one_line_error(err, "is a folder", "factcheck check")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path, capsys):
    p = tmp_path / "secret.txt"
    p.write_text(FRENCH, encoding="utf-8")
    p.chmod(0)
    code, _, err = run(["diff", str(p), GOOD], capsys)
    assert code == 2
    one_line_error(err, "permission denied", str(p))


def test_ctrl_c_exits_130(monkeypatch, capsys):
    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr("factcheck.load.load_files", interrupted)
    code, _, err = run(["diff", GOOD, GOOD], capsys)
    assert code == 130
    assert "Interrupted" in err


def test_debug_shows_the_traceback(tmp_path):
    bad = write(tmp_path, "empty.txt", b"")
    from factcheck.errors import InputError

    with pytest.raises(InputError):
        main(["--debug", "diff", bad, GOOD])


def test_output_is_atomic_and_old_file_survives_a_failure(tmp_path, capsys):
    out = tmp_path / "report.json"
    out.write_text("old report", encoding="utf-8")
    bad = write(tmp_path, "empty.txt", b"")
    code, _, _ = run(["diff", bad, GOOD, "--output", str(out)], capsys)
    assert code == 2
    assert out.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_legacy_encoding_is_read_and_reported(nlp, tmp_path, capsys):
    p = write(tmp_path, "latin.txt", FRENCH.encode("cp1252"))
    q = write(tmp_path, "utf16.txt", FRENCH.replace("jeudi", "mercredi").encode("utf-16"))
    code, out, err = run(["diff", p, q, "--format", "json", "--fail-on", "never"], capsys)
    assert code == 0
    assert "not UTF-8, decoded as" in err
    data = json.loads(out)
    texts = {s["id"]: decode(Path(s["path"]).read_bytes(), s["path"])[0] for s in data["sources"]}
    for f in data["findings"]:
        for e in f["evidence"]:
            assert texts[e["source"]][e["start"]:e["end"]] == e["text"]


def _check_invariants(paths, code, out):
    assert code in (0, 1, 2)
    if code == 2 or not out.strip():
        return
    data = json.loads(out)
    texts = {}
    for s in data["sources"]:
        with open(s["path"], "rb") as handle:
            texts[s["id"]] = decode(handle.read(), s["path"])[0]
    for f in data["findings"]:
        for e in f["evidence"]:
            assert texts[e["source"]][e["start"]:e["end"]] == e["text"]


FUZZ = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@FUZZ
@given(data=st.binary(max_size=400))
def test_fuzz_random_bytes(nlp, tmp_path, capsys, data):
    p = write(tmp_path, "fuzz.bin.txt", data)
    before = hashlib.sha256(data).hexdigest()
    with pytest.raises(SystemExit) as exit_info:
        main(["diff", p, GOOD, "--format", "json", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    _check_invariants([p], exit_info.value.code, out)
    assert hashlib.sha256(Path(p).read_bytes()).hexdigest() == before


@FUZZ
@given(text=st.text(max_size=300), other=st.text(max_size=300))
def test_fuzz_random_text(nlp, tmp_path, capsys, text, other):
    p = write(tmp_path, "a.txt", (FRENCH[:60] + text).encode("utf-8", "surrogatepass"))
    q = write(tmp_path, "b.txt", (other + FRENCH).encode("utf-8", "surrogatepass"))
    with pytest.raises(SystemExit) as exit_info:
        main(["diff", p, q, "--format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    _check_invariants([p, q], exit_info.value.code, out)


@FUZZ
@given(data=st.binary(max_size=300), text=st.text(max_size=200))
def test_fuzz_check_on_a_corpus_with_random_files(nlp, tmp_path_factory, capsys, data, text):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "good.txt").write_text("---\nstory: s\n---\n" + FRENCH, encoding="utf-8")
    (folder / "other.txt").write_text("---\nstory: s\n---\n" + FRENCH.replace("3", "4"),
                                      encoding="utf-8")
    (folder / "random.txt").write_bytes(data)
    (folder / "random.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    (folder / "feed.jsonl").write_bytes(data + b"\n" + text.encode("utf-8", "surrogatepass"))
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(folder), "--format", "json", "--quiet", "--no-cache"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    assert exit_info.value.code in (0, 1, 2)
    if exit_info.value.code != 2:
        report = json.loads(out)
        assert any(f["status"] == "disagreement" for f in report["findings"])
