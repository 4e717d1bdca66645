"""Show control characters from articles as visible symbols in terminal output.

An article (or a file name) can hold ESC, BEL, backspace or C1 codes such as CSI; written to a
terminal they would clear the screen, retitle the window or hide text from the reader. The
report keeps the text as read (JSON escapes them, HTML is escaped), and only what goes to a
terminal shows them as Unicode "control pictures" (ESC as U+241B), one character for one.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
# C1 codes have no control picture; U+FFFD marks them.
_PICTURES = {**{c: 0x2400 + c for c in range(0x20) if c not in (9, 10, 13)}, 0x7F: 0x2421,
             **dict.fromkeys(range(0x80, 0xA0), 0xFFFD)}


def visible_text(text: str) -> str:
    """``text`` with every control character other than tab and line breaks made visible."""
    return text.translate(_PICTURES) if _CONTROL.search(text) else text


def visible(value: Any) -> Any:
    """A copy of ``value`` (a report, or any frozen records, tuples, lists and dicts) whose
    strings are :func:`visible_text`; objects without control characters are returned as is.

    A report's text all comes from its articles (text, metadata, paths) and its problems and
    notes, so when none of those holds a control character the report is returned untouched
    without walking its (large) parsed records.
    """
    if _clean_report(value):
        return value
    return _walk(value, {})


def _clean_report(report: Any) -> bool:
    articles = getattr(report, "articles", None)
    if articles is None:
        return False
    texts = [str(getattr(a, f, "") or "") for a in articles
             for f in ("raw", "id", "path", "title", "outlet", "url", "story")]
    texts += [f"{p.source} {p.message}" for p in getattr(report, "problems", ())]
    texts += [str(n) for n in getattr(report, "notes", ())]
    for story in getattr(report, "stories", ()):  # a corpus run: each story and its reasons
        texts.append(f"{story.id} {story.reason}")
        texts += [f"{p.source} {p.message}" for p in story.problems]
    return not any(_CONTROL.search(t) for t in texts)


def _walk(value: Any, memo: dict[int, Any]) -> Any:
    if isinstance(value, str):
        return visible_text(value)
    if isinstance(value, int | float | bytes | type(None)):
        return value
    key = id(value)
    if key in memo:
        return memo[key]
    out = value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = _walk(old, memo)
            if new is not old:
                changed[f.name] = new
        out = dataclasses.replace(value, **changed) if changed else value
    elif isinstance(value, tuple | list):
        items = [_walk(v, memo) for v in value]
        if any(a is not b for a, b in zip(items, value, strict=True)):
            out = type(value)(items) if not hasattr(value, "_fields") else type(value)(*items)
    elif isinstance(value, dict):
        pairs = [(_walk(k, memo), _walk(v, memo)) for k, v in value.items()]
        if any(a is not k or b is not v for (a, b), (k, v) in zip(pairs, value.items(),
                                                                   strict=True)):
            out = dict(pairs)
    memo[key] = out
    return out
