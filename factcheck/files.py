"""Read input files without ever blocking on them.

Opening a FIFO for reading waits for a writer for ever, and a character device such as
``/dev/zero`` never ends. Every file factcheck reads (articles, rule files, configuration,
baselines) is opened non-blocking and checked to be a regular file on the open descriptor, so
there is no window between the check and the read.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from factcheck.errors import FactcheckError

_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISDIR, "a folder"))


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def is_regular(path: str | os.PathLike[str]) -> bool:
    """True for a regular file (following symlinks); False for anything else or a failure."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def open_regular(path: str | os.PathLike[str], error: type[FactcheckError], *,
                 limit: int | None = None, what: str = "file") -> BinaryIO:
    """Open a regular file for binary reading, or raise ``error`` naming the path: missing, not
    regular, larger than ``limit`` bytes, or unreadable."""
    where = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(f"no such {what}", where=where, hint="check the path") from None
    except PermissionError:
        raise error("permission denied", where=where, hint="make the file readable") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO on some systems
            raise error(f"not a regular file: {kind_of(os.stat(path).st_mode)}", where=where,
                        hint=f"give a {what} saved on disk") from None
        raise error(f"cannot read {what}: {exc.strerror or exc}", where=where) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"not a regular file: {kind_of(info.st_mode)}", where=where,
                        hint=f"give a {what} saved on disk")
        if limit is not None and info.st_size > limit:
            raise error(f"file too large ({info.st_size / (1024 * 1024):.0f} MB, the limit is "
                        f"{limit // (1024 * 1024)} MB)", where=where,
                        hint="give one article per file, or split it")
    except BaseException:
        os.close(fd)
        raise
    # Regular files never block; O_NONBLOCK only mattered for the open itself.
    return os.fdopen(fd, "rb")


def read_bytes(path: str | os.PathLike[str], error: type[FactcheckError], *,
               limit: int | None = None, what: str = "file") -> bytes:
    """The bytes of a regular file (see :func:`open_regular` for the failures)."""
    with open_regular(path, error, limit=limit, what=what) as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise error(f"cannot read {what}: {exc.strerror or exc}", where=str(path)) from None


def read_text(path: str | os.PathLike[str], error: type[FactcheckError], *,
              limit: int | None = None, what: str = "file") -> str:
    """A regular file's UTF-8 text (rule files, configuration, baselines are UTF-8 by contract)."""
    data = read_bytes(path, error, limit=limit, what=what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise error(f"not UTF-8 text (byte {exc.start})", where=f"{path}:{line}",
                    hint="re-save it as UTF-8") from None
