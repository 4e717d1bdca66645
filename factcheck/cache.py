"""On-disk cache of parsed articles, keyed by content.

A CI re-run over a mostly unchanged corpus should not pay for the model again. An entry is the
:class:`Parsed` record of one article (pickled), keyed by a hash of everything that shaped it:
the text, the reference date, the model and this package's version. The folder is bounded in
size; the least recently used entries go first.

Unpickling runs code, and a cache folder may be writable by others (a shared CI runner, a
``FACTCHECK_CACHE_DIR`` under ``/tmp``). So every entry is signed with HMAC-SHA256 under a
secret key that only this user can read, and nothing is unpickled unless its signature checks:
a planted, corrupted or truncated entry is a miss. The key file must be a regular file owned by
this user and private to it; if it is not (someone else created it), the cache is not used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import tempfile
from pathlib import Path
from typing import Any

from factcheck import files
from factcheck.errors import InputError
from factcheck.model import Parsed

CACHE_VERSION = "5"
_MAGIC = b"factcheck-cache-4\n"
_DIGEST = hashlib.sha256().digest_size
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
        self._secret: bytes | None = None

    def secret(self) -> bytes | None:
        """This user's signing key, created on first use; None if it cannot be trusted."""
        if self._secret is None:
            self._secret = _load_or_create_key(self.folder / "key") or b""
        return self._secret or None

    def key(self, raw: str, ref: dt.date | None) -> str:
        h = hashlib.sha256()
        for part in (CACHE_VERSION, code_fingerprint(), self.model, ref.isoformat() if ref else "-",
                     raw):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.entry"

    def get(self, key: str, kind: type = Parsed) -> Any:
        """The cached value under ``key`` if it is a ``kind``; None on any miss or damage."""
        path = self._path(key)
        secret = self.secret()
        try:
            if secret is None:
                raise OSError("no trusted key")
            data = files.read_bytes(path, InputError)
            head, signature, payload = (data[:len(_MAGIC)], data[len(_MAGIC):len(_MAGIC) + _DIGEST],
                                        data[len(_MAGIC) + _DIGEST:])
            if head != _MAGIC or not hmac.compare_digest(signature, _sign(secret, key, payload)):
                raise ValueError("unsigned or damaged entry")
            value = pickle.loads(payload)
            os.utime(path)
        except (OSError, InputError, pickle.UnpicklingError, EOFError, AttributeError,
                ImportError, TypeError, ValueError):
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
        secret = self.secret()
        if secret is None:
            return
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + _sign(secret, key, payload) + payload)
            os.replace(tmp, path)
        except OSError:
            # A read-only or full disk must never fail a check: the cache is an optimisation.
            with contextlib.suppress(OSError, UnboundLocalError):
                Path(tmp).unlink(missing_ok=True)

    def prune(self) -> None:
        try:
            entries = [(p.stat().st_mtime, p.stat().st_size, p) for p in self.folder.glob("*/*.entry")]
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.limit:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size


def _sign(secret: bytes, key: str, payload: bytes) -> bytes:
    # The key is signed with the payload, so a valid entry cannot be moved under another key.
    return hmac.new(secret, key.encode() + b"\x00" + payload, hashlib.sha256).digest()


def _trusted(info: os.stat_result) -> bool:
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and owner_ok and not info.st_mode & 0o077


def _load_or_create_key(path: Path) -> bytes | None:
    """The 32-byte key in ``path``, created private (0600) if missing; None if untrusted."""
    for _ in range(2):
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            _create_key(path)
            continue
        except OSError:
            return None
        if not _trusted(info):
            return None
        try:
            data = files.read_bytes(path, InputError)
        except InputError:
            return None
        return data if len(data) == 32 else None
    return None


def _create_key(path: Path) -> None:
    """Write a new key beside ``path`` and link it into place, so no reader ever sees a partly
    written key; if another process linked one first, theirs is used."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".key")  # mode 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
