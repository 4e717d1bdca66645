"""The Dask engine of ``factcheck check``: the per-story work on a Dask distributed cluster.

A large corpus is many independent stories, and :func:`factcheck.commands.check.check_story` is a
top-level function of picklable arguments, so Dask can run it anywhere factcheck is installed.
This module only connects (or starts a loopback ``LocalCluster``), hands the stories over and
puts the results back in task order, so the report is byte for byte the one of a local run.
Scheduling, retries and worker management stay Dask's.

``dask``/``distributed`` are optional (``pip install 'factcheck[dask]'``) and heavy to import
(they also set up logging), so they are imported only when a run asks for the Dask engine:
:func:`require` turns their absence into a one-line error.

What crosses the network: each story's articles (text and metadata) to a worker, the rules
once, and each story's :class:`~factcheck.commands.check.StoryResult` back (with the parsed
sentences of stories that have a disagreement, when the terminal report needs them). Files are
read on this machine only; workers never see paths as files.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from factcheck.errors import FactcheckError, UsageError

try:  # a plugin must subclass WorkerPlugin; without distributed, require() stops the run first
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - exercised through require()
    WorkerPlugin = object

if TYPE_CHECKING:
    from distributed import Client

    from factcheck.commands.check import StoryResult
    from factcheck.model import Article
    from factcheck.rules import Rule

MISSING = "the Dask engine needs the 'distributed' package (pip install 'factcheck[dask]')"
#: Seconds to wait for the scheduler: long enough for a remote network, short enough that a
#: typo in ``--scheduler`` fails a CI job at once instead of hanging it.
CONNECT_TIMEOUT = 5
PLUGIN_NAME = "factcheck-model"


class ClusterError(FactcheckError):
    """The Dask cluster cannot be reached, or its workers cannot run this factcheck."""


def require() -> Any:
    """The ``distributed`` module, or the one-line error saying how to install it.

    Called before any work (reading the corpus included), so a missing extra fails at once.
    """
    try:
        import distributed
    except ImportError as exc:
        raise UsageError(MISSING) from exc
    return distributed


class LoadModel(WorkerPlugin):  # type: ignore[misc, valid-type]
    """Load spaCy's model once per worker process, when the worker starts or joins.

    Without it every worker would pay the load (seconds) inside its first story, and a slow
    first task can look like a hung one. It also checks that the worker runs the same factcheck
    code as this process: a worker with another version would silently produce another report.
    """

    def __init__(self, fingerprint: str):
        self.fingerprint = fingerprint

    async def setup(self, worker: Any) -> None:
        # Off the worker's event loop: a load of several seconds there would stall its
        # heartbeats, and the scheduler would log the worker as unresponsive.
        await asyncio.to_thread(_prepare_worker, self.fingerprint)


def _prepare_worker(fingerprint: str) -> None:
    from factcheck.cache import code_fingerprint
    from factcheck.nlp import load_model

    if code_fingerprint() != fingerprint:
        raise ClusterError("a Dask worker runs another version of factcheck",
                           where=f"code {code_fingerprint()}, here {fingerprint}",
                           hint="install the same factcheck on every worker, and restart them")
    load_model()


def _hold(value: Any) -> Any:
    """Identity, run as a task so that a value travels to the cluster once, not per story."""
    return value


def check_address(address: str) -> None:
    """Reject a malformed scheduler address before a client is made for it.

    A ``Client`` whose constructor fails on the address is left half-made, and at exit its
    finaliser waits seconds and prints a traceback: the one-line error must come first and alone.
    """
    from distributed.comm import get_address_host_port

    try:
        get_address_host_port(address)
    except ValueError as exc:  # "missing port number", "unknown address scheme 'htp'", ...
        raise UsageError(f"bad --scheduler {address!r}: {exc}",
                         hint="write it as tcp://HOST:PORT") from exc


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int = 1) -> Iterator[tuple[Client, bool]]:
    """A client on ``scheduler``, or on a ``LocalCluster`` of ``workers`` processes for this run.

    Yields ``(client, local)``; ``local`` is True when the workers share this machine (and its
    disk). The local cluster listens on loopback only and has no dashboard: a check run must not
    open ports to the network. Everything is closed on the way out, interrupted or not.
    """
    distributed = require()
    if scheduler is not None:
        check_address(scheduler)
    cluster = client = None
    hushed: dict[str, int] = {}
    try:
        if scheduler is None:
            # One thread per worker process: the work is CPU-bound Python, the GIL allows no
            # more. Without a dashboard the scheduler still serves a few HTTP routes (health,
            # metrics), by default on port 8787: a random loopback port instead, so a dashboard
            # already on 8787 neither clashes nor prints a warning. Its logs are silenced: what
            # goes wrong there reaches this process as an exception, in one line.
            cluster = distributed.LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=logging.CRITICAL,
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        try:
            client = distributed.Client(cluster if cluster is not None else scheduler,
                                        timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler within {CONNECT_TIMEOUT} s",
                               where=scheduler,
                               hint="check the address, and that 'dask scheduler' runs there") from exc
        yield client, cluster is not None
    except KeyboardInterrupt:
        hushed = _hush()
        raise
    finally:
        try:
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
        finally:
            for name, level in hushed.items():
                logging.getLogger(name).setLevel(level)


#: Loggers that report, at ERROR, each connection an interrupted run drops while it closes.
NOISY = ("distributed", "tornado", "asyncio")


def _hush() -> dict[str, int]:
    """Silence Dask's shutdown reports after Ctrl-C; returns the levels to restore.

    The user stopped the run: "Interrupted." is the message, not a screenful of "Stream is
    closed" from a cluster being torn down mid-task.
    """
    levels = {}
    for name in NOISY:
        logger = logging.getLogger(name)
        levels[name] = logger.level
        logger.setLevel(logging.CRITICAL + 1)
    return levels


def compare_on_dask(tasks: Sequence[tuple[str, str, list[Article]]], *, rules: Sequence[Rule],
                    date: dt.date | None, scheduler: str | None = None, workers: int = 1,
                    keep_parsed: bool = False, cache: Any = None,
                    progress: Callable[[int], Callable[[], None]] | None = None
                    ) -> list[StoryResult]:
    """:func:`~factcheck.commands.check.check_story` for each ``(story_id, reason, articles)``.

    ``scheduler`` is the address of an existing cluster; None starts a ``LocalCluster`` of
    ``workers`` processes. Results come back in task order whatever order the workers finish
    in. The parse cache is a folder on this machine's disk: it goes to the workers only when
    they are local, since remote workers would write into (or read stale entries from) a
    folder of the same name on their own machines.
    """
    from factcheck.cache import code_fingerprint
    from factcheck.commands.check import check_story

    distributed = require()
    if scheduler is None:
        workers = min(workers, max(1, len(tasks)))  # a worker without a story only costs a load
    with connect(scheduler, workers) as (client, local):
        try:
            client.register_plugin(LoadModel(code_fingerprint()), name=PLUGIN_NAME)
        except FactcheckError:
            raise
        except Exception as exc:  # the worker could not unpickle the plugin or load the model
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise ClusterError(f"a Dask worker cannot set up factcheck: {first}",
                               hint="install the same factcheck on every worker") from exc
        shared_rules = client.submit(_hold, tuple(rules), pure=False)
        futures = [client.submit(check_story, sid, arts, rules=shared_rules, date=date,
                                 reason=reason, keep_parsed=keep_parsed,
                                 cache=cache if local else None, pure=False)
                   for sid, reason, arts in tasks]
        position = {f.key: n for n, f in enumerate(futures)}
        advance = progress(len(tasks)) if progress else _nothing
        results: list[StoryResult | None] = [None] * len(tasks)
        try:
            for future, result in distributed.as_completed(futures, loop=client.loop,
                                                                with_results=True):
                results[position[future.key]] = result
                advance()
        except BaseException as exc:
            client.cancel([*futures, shared_rules])
            if isinstance(exc, RuntimeError) and "deserialization of the task graph" in str(exc):
                # The scheduler unpickles the tasks: without factcheck (or with another
                # version) it cannot, and Dask's own message spans several lines.
                raise ClusterError("the Dask scheduler cannot read factcheck's tasks",
                                   where=client.scheduler.address,
                                   hint="install the same factcheck on the scheduler and every "
                                        "worker, and restart them") from exc
            raise
        return [r for r in results if r is not None]


def _nothing() -> None:
    return None


__all__ = ["MISSING", "ClusterError", "LoadModel", "check_address", "compare_on_dask", "connect",
           "require"]
