"""Stage 1: files -> :class:`Article`.

Decoding is explicit and reported, because offsets in every report index the decoded text and a
silent mis-decoding would shift them all. Inputs are only ever opened for reading.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from factcheck.errors import InputError, UsageError
from factcheck.model import Article

# A news article is a few kilobytes; 5 MB of text is hours of model time and never one article.
MAX_BYTES = 5 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_INLINE_DATE = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s)\s*")
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def decode(data: bytes, where: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16 with BOM, else a legacy 8-bit code.

    Returns ``(text, encoding, warnings)``. A NUL byte outside UTF-16 means a binary file.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError as exc:
            raise InputError("invalid UTF-16 text", where=where, hint="re-save it as UTF-8") from exc
    if b"\x00" in data[:65536]:
        raise InputError("binary file, not text", where=where,
                         hint="give factcheck .txt, .md or .html articles")
    try:
        return data.decode("utf-8-sig"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding.replace("_", "").lower() not in {"cp1252", "latin1", "iso88591", "iso885915"}:
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin-1"
        text = data.decode(encoding)
    return text, encoding, (f"{where}: not UTF-8, decoded as {encoding}",)


def parse_date(value: object, where: str) -> tuple[dt.date, str]:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and say which precision it had."""
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    match = _DATE_VALUE.match(str(value).strip())
    if not match:
        raise InputError(f"unreadable date {value!r}", where=where, hint="write it as YYYY-MM-DD")
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            return dt.date(int(year), int(month), int(day)), "day"
        if month:
            return dt.date(int(year), int(month), 1), "month"
        return dt.date(int(year), 1, 1), "year"
    except ValueError as exc:
        raise InputError(f"impossible date {value!r}", where=where,
                         hint="write it as YYYY-MM-DD") from exc


def _front_matter(text: str, where: str) -> tuple[dict[str, object], int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise InputError(f"malformed front matter: {getattr(exc, 'problem', exc)}",
                         where=f"{where}:{line}",
                         hint="fix the YAML between the --- lines") from exc
    if not isinstance(meta, dict):
        raise InputError("front matter is not a mapping", where=f"{where}:2",
                         hint="write key: value lines between the --- lines")
    return meta, match.end()


def article_from_text(text: str, *, id: str, path: str, encoding: str = "utf-8",
                      warnings: tuple[str, ...] = (), meta: dict[str, object] | None = None
                      ) -> Article:
    """Build an Article from decoded text, reading front matter and a leading date marker."""
    fm, body_start = _front_matter(text, path)
    merged: dict[str, object] = {**(meta or {}), **{k: v for k, v in fm.items() if v is not None}}
    date: dt.date | None = None
    precision: str | None = None
    if merged.get("date") not in (None, ""):
        date, precision = parse_date(merged["date"], path)
    inline = _INLINE_DATE.match(text[body_start:])
    if inline:
        if date is None:
            date, precision = parse_date("-".join(g for g in inline.groups() if g), path)
        body_start += inline.end()
    language = str(merged.get("language") or merged.get("lang") or "fr")
    outlet = merged.get("source") or merged.get("outlet")
    return Article(
        id=id, path=path, raw=text,
        title=str(merged["title"]) if merged.get("title") else None,
        outlet=str(outlet) if outlet else None,
        date=date, date_precision=precision,
        url=str(merged["url"]) if merged.get("url") else None,
        language=language,
        story=str(merged["story"]) if merged.get("story") else None,
        body_start=body_start, encoding=encoding, warnings=warnings,
    )


def load_file(path: str | Path, *, id: str | None = None) -> Article:
    """Read one article file. Never writes; every failure is an :class:`InputError`."""
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise InputError("no such file", where=where, hint="check the path")
    if p.is_dir():
        raise InputError("is a folder, not a file", where=where,
                         hint="use 'factcheck check' for folders")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file too large ({size / (1024 * 1024):.0f} MB, the limit is "
                             f"{MAX_BYTES // (1024 * 1024)} MB)", where=where,
                             hint="give one article per file, or split it")
        data = p.read_bytes()
    except PermissionError as exc:
        raise InputError("permission denied", where=where,
                         hint="make the file readable") from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", where=where) from exc
    if not data.strip():
        raise InputError("empty file", where=where, hint="give an article with text")
    text, encoding, warnings = decode(data, where)
    if p.suffix.lower() in {".html", ".htm"}:
        from factcheck.html import article_from_html

        return article_from_html(text, id=id or p.stem, path=where, encoding=encoding,
                                 warnings=warnings)
    return article_from_text(text, id=id or p.stem, path=where, encoding=encoding,
                             warnings=warnings)


def unique_ids(paths: list[str]) -> list[str]:
    """File stems, made unique by adding the parent folder (then a counter) on a clash."""
    stems = [Path(p).stem for p in paths]
    names = []
    for path, stem in zip(paths, stems, strict=True):
        parent = Path(path).parent.name if stems.count(stem) > 1 else ""
        names.append(f"{parent}/{stem}" if parent else stem)
    return dedupe_names(names)


def dedupe_names(names: list[str]) -> list[str]:
    """Make names unique in order: a repeat gets "-2", "-3", ..."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        candidate, n = name, 2
        while candidate in seen:
            candidate = f"{name}-{n}"
            n += 1
        seen.add(candidate)
        out.append(candidate)
    return out


def load_files(paths: list[str]) -> list[Article]:
    if len(paths) < 2:
        raise UsageError("need at least two sources to compare", where=", ".join(paths) or None,
                         hint="give two or more article files")
    return [load_file(p, id=i) for p, i in zip(paths, unique_ids(paths), strict=True)]
