"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``.

GitHub shows these as annotations on the changed files of a pull request. It displays only a
handful per step (10 errors, 10 warnings, 10 notices at the time of writing), so more would be
dropped silently; this renderer caps each level itself (keeping one notice slot) and ends with
a notice saying how many were left out. Values are escaped as the runner expects (``%``, CR and
LF in messages; also ``:`` and ``,`` in properties), so article text cannot end an annotation
early or inject a command.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from factcheck.corpus import Locator, is_note
from factcheck.model import Severity

LIMIT = 10
COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + fields if fields else ''}::{escape_data(message)}"


def _loc(file: str, line: int | None, col: int | None) -> str:
    return file + (f":{line}" if line else "") + (f":{col}" if col else "")


def render(report: Any, *, limit: int = LIMIT, **_: Any) -> str:
    where = Locator(report)
    shown: Counter[str] = Counter()
    left: Counter[str] = Counter()
    lines: list[str] = []

    def emit(level: str, message: str, **props: object) -> None:
        # One notice slot is kept for the closing "N more not shown" notice.
        if shown[level] >= (limit - 1 if level == "notice" else limit):
            left[level] += 1
            return
        shown[level] += 1
        lines.append(command(level, message, **props))

    disagreements = sorted((f for f in report.results if f.status == "disagreement"),
                           key=lambda f: -int(f.severity))  # stable: errors first, else in order
    for f in disagreements:
        file, line, col = where.evidence(f.evidence[0]) if f.evidence else (None, None, None)
        others = [_loc(*where.evidence(e)) + f" “{' '.join(e.text.split())}”"
                  for e in f.evidence[1:]]
        message = f.message
        if f.story:
            message += f" [story {f.story}]"
        if others:
            message += "\nAlso: " + "; ".join(others)
        emit(COMMAND[f.severity], message, file=file, line=line, col=col,
             title=f"factcheck {f.rule}")
    for p in report.problems:
        file, line = where.source(p.source)
        emit("notice" if is_note(p) else "warning", f"{p.source or '-'}: {p.message}",
             file=file, line=line, title="factcheck problem")
    counts = Counter(f.severity for f in disagreements)
    summary = (f"factcheck: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
               f"{counts[Severity.INFO]} info disagreements; {len(report.problems)} problems")
    if left:
        parts = ", ".join(f"{n} {level}s" for level, n in sorted(left.items()))
        lines.append(command("notice", f"{sum(left.values())} more annotations not shown "
                                       f"({parts}; at most {limit} per level). See the job "
                                       "summary or the JSON report for all of them.",
                             title="factcheck"))
    lines.append(summary)
    return "\n".join(lines) + "\n"
