"""``factcheck check`` and ``factcheck stories`` end to end, through the real entry point.

The commands are registered on the CLI group here (as ``COMMAND_MODULES`` does), and run through
:func:`factcheck.cli.main` so exit codes and one-line errors are the real ones. Tests marked with
the ``nlp`` fixture share the session's model; grouping-only tests (``stories``) never load it.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.cli import cli, main
from factcheck.commands import check as check_mod
from factcheck.commands import stories_cmd
from factcheck.load import article_from_text

from .conftest import DATA

CHECK = DATA / "check"
HEADLINES = CHECK / "headlines.jsonl"
DATED = CHECK / "dated.jsonl"


@pytest.fixture(scope="module", autouse=True)
def registered():
    for module in (check_mod, stories_cmd):
        module.register(cli)


def run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def headline(text: str) -> dict[str, str]:
    return {"text": text}


def disagreements(data: dict) -> list[dict]:
    return [f for f in data["findings"] if f["status"] == "disagreement"]


def story_of(data: dict, needle: str) -> str | None:
    """The story of the source whose text holds ``needle`` (via the headline file's lines)."""
    lines = HEADLINES.read_text(encoding="utf-8").splitlines()
    for s in data["sources"]:
        line = int(s["path"].rsplit(":", 1)[1])
        if needle in json.loads(lines[line - 1])["text"]:
            return s["story"]
    raise AssertionError(needle)


# ------------------------------------------------------------------------------ the headline list


@pytest.fixture(scope="module")
def headline_run(nlp, tmp_path_factory):
    """One run over the headline list of afp-republished.txt, every format from it."""
    out = tmp_path_factory.mktemp("headlines")
    import io
    from contextlib import redirect_stderr, redirect_stdout

    args = ["check", str(HEADLINES), "--format", "json", "-o", str(out / "report.json")]
    for fmt in ("sarif", "junit", "markdown", "github", "terminal"):
        args += ["--report", f"{fmt}={out / ('report.' + fmt)}"]
    buf = io.StringIO()
    with redirect_stdout(buf), redirect_stderr(buf), pytest.raises(SystemExit) as exit_info:
        main(args)
    return exit_info.value.code, out, json.loads((out / "report.json").read_text("utf-8"))


def test_headline_list_is_a_corpus_that_flags_caetano(headline_run):
    code, _out, data = headline_run
    assert code == 1
    caetano = story_of(data, "18.000 foyers")
    assert caetano is not None and caetano == story_of(data, "33.000 foyers")
    (found,) = [f for f in disagreements(data) if f["severity"] in ("error", "warning")]
    assert found["rule"] == "amount-mismatch" and found["type"] == "amount"
    assert found["story"] == caetano
    assert sorted(e["value"] for e in found["evidence"]) == [18000, 33000]
    assert sorted(e["text"] for e in found["evidence"]) == ["18.000 foyers", "33.000 foyers"]


def test_headline_list_groups_djokovic_murray_without_flagging(headline_run):
    _code, _out, data = headline_run
    story = story_of(data, "Djokovic enrôle Murray")
    assert story is not None and story == story_of(data, "Novak Djokovic annonce")
    assert not [f for f in disagreements(data)
                if f["story"] == story and f["severity"] in ("error", "warning")]


def test_json_report_contract_over_all_stories(headline_run):
    _code, _out, data = headline_run
    assert data["schema"] == "factcheck.report/1"
    assert len(data["sources"]) == 50
    assert all("story" in s for s in data["sources"])
    assert {s["id"] for s in data["sources"] if s["story"] is None} == set(data["unassigned"])
    assert all(f["story"] for f in data["findings"])
    raws = {s["id"]: json.loads(HEADLINES.read_text("utf-8").splitlines()[
        int(s["path"].rsplit(":", 1)[1]) - 1])["text"] for s in data["sources"]}
    for f in data["findings"]:
        for e in f["evidence"]:
            assert raws[e["source"]][e["start"]:e["end"]] == e["text"]
    assert any("JSON Lines" in p["message"] for p in data["problems"])
    members = [m for s in data["stories"] for m in s["members"]]
    assert len(members) == len(set(members)) == 50 - len(data["unassigned"])


def test_every_format_from_the_same_run(headline_run):
    _code, out, _data = headline_run
    sarif = json.loads((out / "report.sarif").read_text("utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((CHECK / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["level"] == "error"]
    region = result["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"].endswith("tests/data/check/headlines.jsonl")
    assert region["region"]["startLine"] in (23, 32)
    root = ET.parse(out / "report.junit").getroot()
    assert root.get("failures") == "1"
    assert "18.000 foyers" in (out / "report.markdown").read_text("utf-8")
    github = (out / "report.github").read_text("utf-8")
    assert github.count("::error ") == 1 and "line=23" in github
    terminal = (out / "report.terminal").read_text("utf-8")
    assert "Story caetano" in terminal and "\x1b[" not in terminal


# ------------------------------------------------------------------------------ exit codes


def test_fail_on_thresholds(nlp, capsys):
    assert run(["check", HEADLINES, "--format", "json", "-q"], capsys)[0] == 1
    assert run(["check", HEADLINES, "--format", "json", "--fail-on", "never"], capsys)[0] == 0


@pytest.mark.parametrize(("args", "message"), [
    (["check", "nope/missing.txt"], "no such file or folder (nope/missing.txt)"),
    (["check", "nope/*.txt"], "no file matches the pattern"),
    (["check", "EMPTY"], "no articles found"),
    (["check", "HEADLINES", "--rules", "nope/rules"], "rules folder not found"),
    (["check", "HEADLINES", "--date", "hier"], "bad --date"),
    (["check", "HEADLINES", "--report", "pdf=x.pdf"], "bad --report"),
    (["check", "HEADLINES", "--baseline", "nope.json"], "no such baseline file"),
])
def test_errors_exit_2_with_one_line(capsys, tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    args = [a.replace("EMPTY", str(tmp_path / "empty")).replace("HEADLINES", str(HEADLINES))
            for a in args]
    code, _out, err = run(args, capsys)
    assert code == 2
    assert err.startswith("Error: ") and message in err and err.count("\n") == 1


def test_no_readable_article_is_an_error(capsys, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    code, _out, err = run(["check", tmp_path], capsys)
    assert code == 2 and "no readable article among 2 file(s)" in err


def test_bad_articles_are_problems_and_the_rest_is_checked(nlp, capsys, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(HEADLINES, corpus / "headlines.jsonl")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (corpus / "empty.md").write_text("", encoding="utf-8")
    (corpus / "clutter.txt").write_text("- Lire aussi\n- Suivez-nous\n- Abonnez-vous\n",
                                        encoding="utf-8")
    with (corpus / "headlines.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{broken\n")
    code, out, _err = run(["check", corpus, "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    problems = {Path(p["source"]).name: p["message"] for p in data["problems"]}
    assert "binary" in problems["binary.txt"] and "empty" in problems["empty.md"]
    assert "invalid JSON" in problems["headlines.jsonl:51"]
    assert "no article text left" in problems["clutter"]  # readable, but nothing to compare
    assert "clutter" not in {s["id"] for s in data["sources"]}
    assert len(disagreements(data)) >= 1


def test_a_story_with_one_readable_article_is_skipped(nlp):
    from factcheck.rules import load_rules

    good = article_from_text("Tempête Caetano: 18.000 foyers encore sans électricité.",
                             id="good", path="good.txt")
    clutter = article_from_text("- Lire aussi\n- Suivez-nous\n- Abonnez-vous\n",
                                id="clutter", path="clutter.txt")
    result = check_mod.check_story("s", [good, clutter], rules=load_rules())
    assert result.skipped and result.members == ("good", "clutter")
    messages = [p.message for p in result.problems]
    assert any("no article text left" in m for m in messages)
    assert any("skipped" in m for m in messages)


# ------------------------------------------------------------------------------ grouping


def test_stories_json_is_exactly_stories_and_unassigned(capsys):
    code, out, _err = run(["stories", HEADLINES, "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"stories", "unassigned"}
    for s in data["stories"]:
        assert set(s) <= {"id", "members", "reason"} and {"id", "members"} <= set(s)
        assert all(m.startswith(str(HEADLINES) + ":") for m in s["members"])
    lines = {f"{HEADLINES}:{n}": json.loads(t)["text"]
             for n, t in enumerate(HEADLINES.read_text("utf-8").splitlines(), 1)}
    groups = [{lines[m] for m in s["members"]} for s in data["stories"]]
    assert {"Tempête Caetano: 18.000 foyers encore sans électricité",
            "Tempête Caetano: 33.000 foyers encore sans électricité"} in groups
    assert any("Tennis: Djokovic enrôle Murray pour retrouver l'oeil du tigre" in g and
               "Tennis: Novak Djokovic annonce qu'il va être entraîné par Andy Murray" in g
               for g in groups)
    assert len(data["unassigned"]) + sum(len(g) for g in groups) == 50


def test_window_days_keeps_stories_a_month_apart_separate(capsys):
    _code, out, _err = run(["stories", DATED, "--format", "json"], capsys)
    assert [len(s["members"]) for s in json.loads(out)["stories"]] == [4]
    _code, out, _err = run(["stories", DATED, "--format", "json", "--window-days", "7"], capsys)
    stories = json.loads(out)["stories"]
    assert sorted(sorted(m.rsplit(":", 1)[1] for m in s["members"]) for s in stories) == [
        ["1", "2"], ["3", "4"]]


def test_window_days_in_check(nlp, capsys):
    _code, out, _err = run(["check", DATED, "--format", "json", "--window-days", "7"], capsys)
    data = json.loads(out)
    assert len(data["stories"]) == 2
    assert len({f["story"] for f in disagreements(data)}) == 2  # 18.000 / 33.000 in each month


def test_story_keys_and_folders(nlp, capsys, tmp_path):
    texts = {"caetano/afp.txt": "Tempête Caetano: 18.000 foyers encore sans électricité",
             "caetano/lci.md": "Tempête Caetano: 33.000 foyers encore sans électricité",
             "tennis/a.txt": "Tennis: Djokovic enrôle Murray pour retrouver l'oeil du tigre",
             "tennis/b.txt": "Coupe Davis: Sinner qualifie l'Italie pour la finale",
             "tennis/keyed.md": "---\nstory: pape\n---\nLe pape se rendra en Corse",
             "other/keyed.md": "---\nstory: pape\n---\nLe pape ira en Corse"}
    for name, text in texts.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    _code, out, _err = run(["stories", tmp_path, "--group-by", "folder", "--format", "json"],
                           capsys)
    data = json.loads(out)
    groups = sorted(sorted(Path(m).relative_to(tmp_path).as_posix() for m in s["members"])
                    for s in data["stories"])
    assert groups == [["caetano/afp.txt", "caetano/lci.md"], ["other/keyed.md", "tennis/keyed.md"],
                      ["tennis/a.txt", "tennis/b.txt"]]
    assert any(s["reason"] == "folder 'caetano'" for s in data["stories"])
    code, out, _err = run(["check", tmp_path, "--group-by", "folder", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert {s["id"]: s["story"] for s in data["sources"]}["caetano/afp"].startswith("caetano")


# ------------------------------------------------------------------------------ baselines


def test_baseline_accepts_todays_findings_and_fails_on_new_ones(nlp, capsys, tmp_path):
    baseline = tmp_path / "baseline.json"
    code, _out, err = run(["check", HEADLINES, "--format", "json", "--write-baseline", baseline],
                          capsys)
    assert code == 0 and "1 disagreement(s) recorded" in err
    assert run(["check", HEADLINES, "--baseline", baseline, "--format", "json"], capsys)[0] == 0

    # Renamed, lines shuffled, one headline reworded: the known finding is still known.
    lines = HEADLINES.read_text("utf-8").splitlines()
    moved = tmp_path / "renamed" / "titres.jsonl"
    moved.parent.mkdir()
    lines = lines[::-1]
    n = next(i for i, line in enumerate(lines) if "La Roumanie élit" in line)
    lines[n] = json.dumps({"text": "La Roumanie élit son président"}, ensure_ascii=False)
    moved.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _err = run(["check", moved, "--baseline", baseline, "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and not [f for f in disagreements(data) if f["severity"] == "error"]
    assert data["baseline"]["suppressed"] == 1

    # A contradicting article: exit 1, and only the new finding is reported.
    with moved.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "Au Pakistan, le regain de violences sunnites-chiites "
                                         "fait 23 nouveaux morts"}, ensure_ascii=False) + "\n")
    code, out, _err = run(["check", moved, "--baseline", baseline, "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    (new,) = disagreements(data)
    assert new["rule"] == "amount-mismatch"
    assert sorted(e["text"] for e in new["evidence"]) == ["23 nouveaux morts", "32 nouveaux morts"]


# ------------------------------------------------------------------------------ parallel


def test_jobs_2_gives_the_same_report_as_jobs_1(nlp, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")  # workers must parse, not read a cache
    corpus = tmp_path / "small.jsonl"
    picks = ["Caetano", "Djokovic", "Roumanie", "Coupe Davis", "Pakistan"]
    lines = [ln for ln in HEADLINES.read_text("utf-8").splitlines()
             if any(p in ln for p in picks)]
    lines.append(json.dumps({"text": "Au Pakistan, le regain de violences sunnites-chiites fait "
                                     "23 nouveaux morts"}, ensure_ascii=False))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["check", corpus, "--format", "json", "--fail-on", "never"]
    _c1, one, _e = run([*args, "--jobs", "1"], capsys)
    _c2, two, _e = run([*args, "--jobs", "2"], capsys)
    assert json.loads(one) == json.loads(two)
    assert len(json.loads(one)["stories"]) >= 2


def test_quiet_and_non_terminal_stderr_has_no_progress(nlp, capsys):
    _code, _out, err = run(["check", DATED, "--format", "json"], capsys)
    assert err == ""


# ------------------------------------------------------------------------------ CI examples


def test_ci_examples_use_options_the_command_has():
    import re

    import yaml

    from .conftest import ROOT

    options = {o for p in check_mod.check.params for o in p.opts}
    workflow = yaml.safe_load((ROOT / "examples" / "ci" / "github-workflow.yml").read_text("utf-8"))
    steps = workflow["jobs"]["factcheck"]["steps"]
    uses = " ".join(s.get("uses", "") for s in steps)
    for action in ("actions/checkout@", "actions/setup-python@",
                   "github/codeql-action/upload-sarif@"):
        assert action in uses
    (script,) = [s["run"] for s in steps if "factcheck check" in s.get("run", "")]
    assert "factcheck check corpus/ --format github" in script
    assert 'markdown="$GITHUB_STEP_SUMMARY"' in script and "sarif=factcheck.sarif" in script
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["entry"].startswith("factcheck check") and hook["pass_filenames"] is False
    for text in (script, hook["entry"]):
        for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", text):
            assert option in options, option


def test_check_story_and_its_result_are_picklable(nlp):
    """What lets stories run in spawned processes or on a Dask cluster."""
    import pickle

    from factcheck.rules import load_rules

    arts = [article_from_text(t, id=i, path=f"{i}.txt") for i, t in (
        ("a", "Tempête Caetano: 18.000 foyers encore sans électricité"),
        ("b", "Tempête Caetano: 33.000 foyers encore sans électricité"))]
    assert pickle.loads(pickle.dumps(check_mod.check_story)) is check_mod.check_story
    result = check_mod.check_story("caetano", arts, rules=load_rules(), keep_parsed=True)
    again = pickle.loads(pickle.dumps(result))
    assert again.report.results == result.report.results and again.report.parsed
    assert [f.story for f in result.report.results] == ["caetano"] * len(result.report.results)


def test_check_details_lists_single_source_facts(nlp, tmp_path):
    from click.testing import CliRunner

    from .conftest import EXAMPLE

    folder = tmp_path / "story"
    folder.mkdir()
    for p in sorted(EXAMPLE.glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    runner = CliRunner()
    short = runner.invoke(cli, ["check", str(folder), "--group-by", "folder", "--quiet",
                                "--width", "100"])
    long = runner.invoke(cli, ["check", str(folder), "--group-by", "folder", "--quiet",
                               "--width", "100", "--details"])
    assert short.exit_code == long.exit_code == 0  # the seeds disagree at warning at most
    assert "listed with --details" in short.output
    assert "listed with --details" not in long.output
    assert len(long.output.splitlines()) > len(short.output.splitlines()) + 10
