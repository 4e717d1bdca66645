"""On-disk cache of parsed articles, keyed by content.

A CI re-run over a mostly unchanged corpus should not pay for the model again. An entry is the
:class:`Parsed` record of one article (pickled), keyed by a hash of everything that shaped it:
the text, the reference date, the model and this package's version. The folder is bounded in
size; the least recently used entries go first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from factcheck.model import Parsed

CACHE_VERSION = "3"
DEFAULT_LIMIT = 512 * 1024 * 1024


def cache_dir() -> Path:
    override = os.environ.get("FACTCHECK_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))


@functools.cache
def code_fingerprint() -> str:
    """A hash of this package's source: a changed extractor must not be served stale parses."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


class ParseCache:
    def __init__(self, folder: Path | None = None, *, model: str = "", limit: int = DEFAULT_LIMIT):
        self.folder = folder or cache_dir()
        self.model = model
        self.limit = limit
        self.hits = 0
        self.misses = 0

    def key(self, raw: str, ref: dt.date | None) -> str:
        h = hashlib.sha256()
        for part in (CACHE_VERSION, code_fingerprint(), self.model, ref.isoformat() if ref else "-",
                     raw):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str, kind: type = Parsed) -> Any:
        """The cached value under ``key`` if it is a ``kind``; None on any miss or damage."""
        path = self._path(key)
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
            os.utime(path)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                TypeError, ValueError):
            self.misses += 1
            return None
        if not isinstance(value, kind):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def key_of(self, *parts: str) -> str:
        """A key for any result derived from these parts and this code."""
        h = hashlib.sha256()
        for part in (CACHE_VERSION, code_fingerprint(), self.model, *parts):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            # A read-only or full disk must never fail a check: the cache is an optimisation.
            with contextlib.suppress(OSError, UnboundLocalError):
                Path(tmp).unlink(missing_ok=True)

    def prune(self) -> None:
        try:
            entries = [(p.stat().st_mtime, p.stat().st_size, p) for p in self.folder.glob("*/*.pickle")]
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.limit:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
