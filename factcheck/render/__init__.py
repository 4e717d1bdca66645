"""Output formats, one module each, registered by name."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.api import Report

#: The widest terminal report: wider than any screen, and rich lays a table out in time and
#: memory that grow with the width, so ``--width 100000000`` must not reach it.
MAX_WIDTH = 1000

FORMATS = {"terminal": "factcheck.render.terminal", "json": "factcheck.render.json",
           "html": "factcheck.render.html", "markdown": "factcheck.render.markdown",
           "sarif": "factcheck.render.sarif", "junit": "factcheck.render.junit",
           "github": "factcheck.render.github"}


def render(report: Report, format: str, **options: Any) -> str:
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    return import_module(FORMATS[format]).render(report, **options)
