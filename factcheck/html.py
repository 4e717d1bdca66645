"""Saved news pages: find the article and its metadata with trafilatura.

Offsets in a report on an HTML source index the *extracted* text, not the page's markup; the
source carries a warning saying so, because a CI annotation cannot point into the HTML itself.
"""

from __future__ import annotations

from factcheck.errors import InputError
from factcheck.load import article_from_text
from factcheck.model import Article


def article_from_html(html: str, *, id: str, path: str, encoding: str = "utf-8",
                      warnings: tuple[str, ...] = ()) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page", where=path,
                         hint="save the article page itself, or give its text as .txt")
    meta = {"title": getattr(doc, "title", None), "date": getattr(doc, "date", None),
            "source": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
            "url": getattr(doc, "url", None), "language": getattr(doc, "language", None),
            "author": getattr(doc, "author", None)}
    note = f"{path}: HTML page; offsets refer to the extracted article text"
    return article_from_text(text, id=id, path=path, encoding=encoding,
                             warnings=(*warnings, note),
                             meta={k: v for k, v in meta.items() if v})
