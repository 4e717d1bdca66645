"""factcheck: cross-source fact-consistency checking for news articles.

The public API is :func:`compare`, which returns a :class:`Report`; :class:`Text` marks a
string as article text, never a path. They are imported lazily so that ``import factcheck``
stays cheap for tools that only need the data model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Report", "Text", "__version__", "compare", "compare_stories"]

if TYPE_CHECKING:
    from factcheck.api import Report, Text, compare, compare_stories


def __getattr__(name: str) -> Any:
    if name in ("compare", "compare_stories", "Report", "Text"):
        from factcheck import api

        return getattr(api, name)
    raise AttributeError(name)
