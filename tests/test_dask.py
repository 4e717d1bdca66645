"""The Dask engine of ``factcheck check`` (``--scheduler``, ``--engine dask``).

The promise tested here is that where stories run changes nothing: the report from a Dask
cluster is the report of a local run, byte for byte. One ``LocalCluster`` of one worker process
stands in for a remote cluster (its worker is a separate process that loads the model itself,
through the same plugin a remote worker gets), and is shared by the module: each worker process
costs a model load of several seconds. Errors are checked through the real entry point, since
the contract is one line on stderr and exit code 2.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip(
    "distributed", reason="the Dask engine needs the 'distributed' package (pip install "
                          "'factcheck[dask]')")

from factcheck.cli import cli, main  # noqa: E402  (after the skip: the module needs Dask)
from factcheck.commands import check as check_mod  # noqa: E402

from .conftest import DATA, ROOT  # noqa: E402

HEADLINES = DATA / "check" / "headlines.jsonl"
DATED = DATA / "check" / "dated.jsonl"
MISSING = "Error: the Dask engine needs the 'distributed' package (pip install 'factcheck[dask]')\n"


@pytest.fixture(scope="module", autouse=True)
def registered():
    check_mod.register(cli)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as local:
        yield local


def run(args: list[object], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def cache_entries(folder: Path) -> list[Path]:
    return list(folder.glob("*/*.entry"))


def checked(args: list[object], capsys, tmp_path: Path, name: str) -> tuple[int, dict, str]:
    """Run ``check`` with a JSON report on stdout and the terminal report in a file."""
    terminal = tmp_path / f"{name}.txt"
    code, out, err = run([*args, "--format", "json", "--report", f"terminal={terminal}",
                          "--width", "100"], capsys)
    assert err == ""  # no Dask log line, no progress bar: stderr is not a terminal
    return code, json.loads(out), terminal.read_text("utf-8")


def test_scheduler_gives_the_report_of_a_local_run(nlp, cluster, capsys, tmp_path, monkeypatch):
    code, local, local_text = checked(["check", HEADLINES], capsys, tmp_path, "local")
    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache))
    code_dask, remote, remote_text = checked(
        ["check", HEADLINES, "--scheduler", cluster.scheduler_address], capsys, tmp_path, "dask")
    assert code_dask == code == 1
    assert remote["findings"] == local["findings"]
    assert remote == local
    assert remote_text == local_text  # parsed sentences came back for the stories shown in full
    assert len(local["stories"]) >= 5
    assert not cache_entries(cache)  # a scheduler's workers may be remote: no cache for them


def test_engine_dask_starts_a_loopback_cluster_and_shares_the_cache(nlp, capsys, tmp_path,
                                                                    monkeypatch):
    code, local, local_text = checked(["check", DATED, "--fail-on", "never"], capsys, tmp_path,
                                      "local")
    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache))
    code_dask, dask, dask_text = checked(["check", DATED, "--fail-on", "never", "--engine", "dask"],
                                         capsys, tmp_path, "dask")
    assert code_dask == code == 0
    assert dask == local and dask_text == local_text
    assert cache_entries(cache)  # the LocalCluster's workers share this disk: they wrote parses


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_scheduler_is_one_line_and_exit_2():
    """In a real process: what matters is everything on stderr until the process ends."""
    address = f"tcp://127.0.0.1:{free_port()}"
    done = subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", "check",
                           str(HEADLINES), "--scheduler", address],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("Error: cannot reach the Dask scheduler within ")
    assert address in done.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "nonsense"], "Error: bad --scheduler 'nonsense': missing port number"),
    (["--scheduler", "htp://host:8786"], "Error: bad --scheduler 'htp://host:8786': unknown "
                                         "address scheme"),
    (["--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"],
     "Error: --scheduler needs the Dask engine"),
])
def test_bad_engine_options_are_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(["check", HEADLINES, *args], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1


@pytest.mark.parametrize("args", [["--engine", "dask"], ["--scheduler", "tcp://127.0.0.1:8786"]])
def test_without_distributed_the_dask_engine_is_one_line_and_exit_2(capsys, monkeypatch, args):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what `import distributed` sees then
    assert run(["check", HEADLINES, *args], capsys) == (2, "", MISSING)


def test_the_local_engine_does_not_import_dask():
    """Dask is heavy to import and configures logging: only a run that asks for it pays."""
    code = ("import sys; import factcheck.cli, factcheck.commands.check; "
            "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


def test_a_fresh_worker_can_import_check_story_first():
    """A worker unpickling a task imports ``factcheck.commands.check`` before ``factcheck.cli``
    (the reverse of the command line), and the command must still be registered once."""
    code = ("import factcheck.commands.check as c, factcheck.cli as cli; "
            "print(cli.cli.commands['check'] is c.check, callable(c.check_story))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "True True", "")


def test_a_worker_with_other_code_is_refused_in_one_line(cluster, capsys, monkeypatch):
    """A worker with another factcheck would give another report: the run stops instead."""
    import factcheck.cache

    monkeypatch.setattr(factcheck.cache, "code_fingerprint", lambda: "0" * 16)
    code, out, err = run(["check", DATED, "--scheduler", cluster.scheduler_address], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Error: a Dask worker runs another version of factcheck (code ")
    assert err.endswith(f"here {'0' * 16}). install the same factcheck on every worker, and "
                        "restart them\n")
