"""What a new user gets wrong first: mistyped rule names, output paths, paths given to the API.

Each mistake must give one line saying what and where, exit 2, and never a traceback.
"""

from __future__ import annotations

import os
import stat

import pytest

from factcheck.cli import main, write_output
from factcheck.config import check_selection, load_config
from factcheck.errors import RuleError, UsageError
from factcheck.rules import load_rules, require_known

from .conftest import EXAMPLE

FILES = sorted(str(p) for p in EXAMPLE.glob("*.txt"))


def invoke_main(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def one_line_error(code: int, err: str) -> str:
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err.strip()


# -- rule names --------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "needle"), [
    (["--select", "amount-mismatsh"], "'amount-mismatsh' (--select). did you mean 'amount-mismatch'?"),
    (["--ignore", "foo"], "'foo' (--ignore). 'factcheck rules' lists"),
    (["--select", "amount-mismatch,wordng"], "'wordng' (--select). did you mean 'wording'?"),
])
def test_unknown_rule_names_on_the_command_line(capsys, tmp_path, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke_main(["diff", *FILES, *args], capsys)
    line = one_line_error(code, err)
    assert line.startswith("Error: unknown rule id, tag or kind") and needle in line
    assert out == ""


def test_known_ids_tags_and_kinds_pass():
    rules = load_rules()
    some = rules[0]
    require_known(rules, [some.id, some.kind, *some.tags], lambda n: "--select")  # no error
    disabled = [r for r in rules if not r.enabled]
    require_known(rules, [r.id for r in disabled], lambda n: "--select")  # named on purpose


def test_unknown_rule_name_in_configuration_names_file_and_line(capsys, tmp_path, monkeypatch):
    config = tmp_path / "factcheck.toml"
    config.write_text('fail-on = "warning"\nignore = [\n  "quotes",\n  "wordng",\n]\n',
                      encoding="utf-8")
    with pytest.raises(RuleError) as err:
        check_selection(load_rules(), load_config(config))
    assert f"{config}:4" in str(err.value) and "did you mean 'wording'?" in str(err.value)
    monkeypatch.chdir(tmp_path)
    code, _, err_text = invoke_main(["diff", *FILES], capsys)
    assert f"{config}:4" in one_line_error(code, err_text)


def test_unknown_select_through_the_api():
    from factcheck.api import resolve_rules

    with pytest.raises(UsageError, match="did you mean 'amount-mismatch'"):
        resolve_rules(None, select=["amount-mismatsh"])
    assert {r.id for r in resolve_rules(None, select=["amount-mismatch"])} == {"amount-mismatch"}


# -- output files --------------------------------------------------------------------------------
def test_output_in_a_missing_folder_is_a_one_line_error(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke_main(["diff", *FILES, "-o", "nodir/x.json", "--format", "json"], capsys)
    line = one_line_error(code, err)
    assert "output folder does not exist (nodir)" in line
    assert "internal error" not in line
    assert not (tmp_path / "nodir").exists()


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_output_files_follow_the_umask(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        write_output("report\n", str(tmp_path / "r.txt"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.txt").stat().st_mode) == mode
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]  # no temporary file left


def test_replaced_output_keeps_its_mode(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_output("new", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new"


# -- paths and texts in the API -------------------------------------------------------------------
def test_a_mistyped_path_string_raises():
    from factcheck.api import compare
    from factcheck.errors import InputError

    missing = str(EXAMPLE / "atss.txt")
    with pytest.raises(InputError, match="no such file") as err:
        compare([str(EXAMPLE / "ats.txt"), missing])
    assert err.value.where == missing and "factcheck.Text" in str(err.value)


@pytest.mark.parametrize(("text", "is_path"), [
    ("examples/ats.txt", True), ("atss.txt", True), ("C:\\articles\\a.html", True),
    ("data/2023/ats", True), ("Le groupe a annoncé un bénéfice.", False),
    ("Le 24/7 du groupe a ouvert jeudi.", False), ("Une ligne\nune autre.txt", False),
])
def test_looks_like_path(text, is_path):
    from factcheck.api import looks_like_path

    assert looks_like_path(text) is is_path


@pytest.mark.model
def test_text_is_never_taken_for_a_path(nlp):
    import factcheck

    a = factcheck.Text("Le groupe Alpha a annoncé jeudi un bénéfice de 3,5 milliards d'euros.",
                       id="a.txt")
    b = factcheck.Text("Le groupe Alpha a annoncé jeudi un bénéfice de 5,3 milliards d'euros.")
    report = factcheck.compare([a, b], date="2024-03-15")
    assert [x.id for x in report.articles] == ["a", "text2"]
    amounts = [f for f in report.results if f.type == "amount"]
    assert [f.status for f in amounts] == ["disagreement"]


def test_unknown_name_in_pyproject_points_into_the_factcheck_table(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.ruff.lint]\nselect = ["E", "quotes"]\n\n'
                         '[tool.factcheck]\nselect = ["quotes"]\nignore = ["wordng"]\n', "utf-8")
    with pytest.raises(RuleError) as err:
        check_selection(load_rules(), load_config(pyproject))
    assert f"{pyproject}:6" in str(err.value)


def test_check_rejects_unknown_names_before_reading_the_corpus(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke_main(["check", str(tmp_path), "--ignore", "amount-mismatsh"], capsys)
    assert "did you mean 'amount-mismatch'?" in one_line_error(code, err)
