"""Stage 1: files -> :class:`Article`.

Decoding is explicit and reported, because offsets in every report index the decoded text and a
silent mis-decoding would shift them all. Inputs are only ever opened for reading.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from factcheck import files, yamlsafe
from factcheck.errors import InputError, UsageError
from factcheck.model import Article

# A news article is a few kilobytes; 5 MB of text is hours of model time and never one article.
MAX_BYTES = 5 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_INLINE_DATE = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s)\s*")
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# A time after the date is optional; when there is one it must be a real time of day.
_TIME_VALUE = re.compile(r"^(?:[Tt ]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
                         r"(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?\s*$")
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (and an optional time) and say which
    precision it had. An impossible date or time is an error at ``where``, never a guess."""
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    text = str(value).strip()
    match = _DATE_VALUE.match(text)
    if not match:
        raise InputError(f"unreadable date {value!r}", where=where, hint="write it as YYYY-MM-DD")
    year, month, day = match.group(1), match.group(2), match.group(3)
    rest = text[match.end():]
    time = _TIME_VALUE.match(rest) if rest and day else None
    if time and (int(time.group(1)) > 23 or int(time.group(2)) > 59
                 or int(time.group(3) or 0) > 59):
        raise InputError(f"impossible time in date {value!r}", where=where,
                         hint="write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    try:
        if day:
            return dt.date(int(year), int(month), int(day)), "day"
        if month:
            return dt.date(int(year), int(month), 1), "month"
        return dt.date(int(year), 1, 1), "year"
    except ValueError:
        raise InputError(f"impossible date {value!r}", where=where,
                         hint="write it as YYYY-MM-DD") from None


def clean_text(text: str, where: str) -> tuple[str, tuple[str, ...]]:
    """Replace lone surrogates (possible in JSON ``"\\ud800"`` or Python strings), which no
    output encoding can write, by U+FFFD, and say so; one character for one, so offsets hold."""
    count = len(_SURROGATE.findall(text))
    if not count:
        return text, ()
    return (_SURROGATE.sub("\ufffd", text),
            (f"{where}: {count} invalid character(s) (lone UTF-16 surrogates) replaced by U+FFFD",))


def _front_matter(text: str, where: str) -> tuple[dict[str, object], dict[str, int], int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, {}, 0
    meta, lines = yamlsafe.load(match.group(1), where, InputError, first_line=2,
                                hint="fix the YAML between the --- lines")
    meta = meta or {}
    if not isinstance(meta, dict):
        raise InputError("front matter is not a mapping", where=f"{where}:2",
                         hint="write key: value lines between the --- lines")
    return meta, lines, match.end()


def _meta_str(value: object) -> str | None:
    """A metadata value as text (lone surrogates replaced, as in the body), or None if empty."""
    if value in (None, ""):
        return None
    return clean_text(str(value), "")[0]


def article_from_text(text: str, *, id: str, path: str, encoding: str = "utf-8",
                      warnings: tuple[str, ...] = (), meta: dict[str, object] | None = None
                      ) -> Article:
    """Build an Article from decoded text, reading front matter and a leading date marker."""
    text, cleaned = clean_text(text, path)
    warnings = (*warnings, *cleaned)
    fm, lines, body_start = _front_matter(text, path)
    merged: dict[str, object] = {**(meta or {}), **{k: v for k, v in fm.items() if v is not None}}
    date: dt.date | None = None
    precision: str | None = None
    if merged.get("date") not in (None, ""):
        line = lines.get("date") if fm.get("date") is not None else None
        date, precision = parse_date(merged["date"], f"{path}:{line}" if line else path)
    inline = _INLINE_DATE.match(text[body_start:])
    if inline:
        if date is None:
            date, precision = parse_date("-".join(g for g in inline.groups() if g), path)
        body_start += inline.end()
    language = _meta_str(merged.get("language") or merged.get("lang")) or "fr"
    outlet = _meta_str(merged.get("source") or merged.get("outlet"))
    return Article(
        id=id, path=path, raw=text,
        title=_meta_str(merged.get("title")),
        outlet=outlet,
        date=date, date_precision=precision,
        url=_meta_str(merged.get("url")),
        language=language,
        story=_meta_str(merged.get("story")),
        body_start=body_start, encoding=encoding, warnings=warnings,
    )


def load_file(path: str | Path, *, id: str | None = None) -> Article:
    """Read one article file. Never writes; every failure is an :class:`InputError`."""
    p = Path(path)
    where = str(path)
    if p.is_dir():
        raise InputError("is a folder, not a file", where=where,
                         hint="use 'factcheck check' for folders")
    data = files.read_bytes(p, InputError, limit=MAX_BYTES)
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
