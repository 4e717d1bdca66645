"""Stage 2: find the article inside the page text.

Each step is a small function that marks raw character ranges as clutter; the survivors are then
stitched into a :class:`CleanText` that remembers where every character came from. The rules are
about the *shape* of clutter (a run of bullet lines, a line that starts "Lire aussi", a signature
line with no sentence in it), never about particular outlets or words of one article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from factcheck.model import Article, CleanText

Line = tuple[int, int, str]  # raw start, raw end (without line break), text

_BULLET = re.compile(r"^\s*(?:[-•*▪►–]|\d{1,2}[.)])\s+\S")
_READ_ALSO = re.compile(
    r"^\s*(?:[àa]\s+)?(?:lire|voir|relire|[ée]couter|regarder)\s+(?:aussi|[ée]galement|notre|nos|"
    r"l['’]article|plus)\b|^\s*(?:sur le m[êe]me sujet|pour aller plus loin|[àa] voir aussi)\b",
    re.I,
)
_PROMO = re.compile(
    r"suivez[- ]nous|abonnez[- ]vous|inscrivez[- ]vous|newsletter|t[ée]l[ée]chargez (?:notre|l['’]app)"
    r"|retrouvez[- ]nous|rejoignez[- ]nous|notre cha[îi]ne whatsapp|partager sur|cliquez ici",
    re.I,
)
# Credit and source lines: a label and a colon ("Source : …", "Crédits photo : AFP"), a copyright
# line, "Avec AFP", or a bare byline "Par Jean Dupont". "Par contre, …" and "Crédit Agricole : 3
# milliards" are prose and data, so the labels are exact and the lines short.
_SOURCE = re.compile(
    r"^\s*(?:sources?|cr[ée]dits?\s+photos?|photos?|illustrations?|images?|l[ée]gende)\s*:\s*\S.{0,80}$"
    r"|^\s*©.{0,80}$"
    r"|^\s*avec\s+(?:l['’])?[A-Z][\w.-]*(?:\s*(?:et|,)\s*(?:l['’])?[A-Z][\w.-]*)*\s*\.?\s*$"
    r"|^\s*par\s+[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:de\s+|du\s+)?[A-ZÀ-Ý][\w'’.-]+){0,3}\s*$",
    re.I,
)
_AGENCY = re.compile(r"^\s*[(/\[]?\s*(?:[A-Z][A-Za-z]{1,6}(?:[-/][A-Z][A-Za-z]{0,6})*)\s*[)\]]?\s*$")
_SIGNATURE = re.compile(r"^\s*\S+(?:--|—|/)[A-Z]{2,6}\s*$|^\s*/[A-Za-z]{2,6}\s*$")
_SENTENCE_END = re.compile(r"[.!?…»\"”':;)]\s*$")
_HEADLINE_MAX = 160


def split_lines(raw: str, start: int) -> list[Line]:
    lines: list[Line] = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", raw[start:]):
        if not match.group(0):
            continue
        text = match.group(0).rstrip("\r\n")
        s = start + match.start()
        lines.append((s, s + len(text), text))
    return lines


def _starts_with_pictograph(text: str) -> bool:
    stripped = text.lstrip()
    if not stripped:
        return False
    cat = unicodedata.category(stripped[0])
    return cat == "So" or 0x1F000 <= ord(stripped[0]) <= 0x1FAFF


def is_heading(text: str, *, first: bool = False) -> bool:
    """A short line that does not end a sentence: a title (first line) or a subheading.

    A subheading is terser than a title: at most 14 words and no clause break (", "), so that
    a prose line that lost its final full stop is not taken for one.
    """
    t = text.strip()
    if not t or len(t) > _HEADLINE_MAX or _SENTENCE_END.search(t):
        return False
    words = t.split()
    if not (t[0].isupper() or t[0].isdigit()):
        return False
    if first:
        return 2 <= len(words) <= 25
    # A short line with a figure ("Crédit Mutuel : 1,2 milliard") is data in a list, not a heading.
    return 2 <= len(words) <= 14 and ", " not in t and not any(ch.isdigit() for ch in t)


def clutter(lines: list[Line]) -> Iterator[tuple[int, str]]:
    """Yield ``(line index, reason)`` for lines that are not article prose."""
    content = [i for i, (_, _, t) in enumerate(lines) if t.strip()]
    if not content:
        return
    # Runs of bullet lines at the top or bottom: news lists, not the article.
    for order in (content, content[::-1]):
        run = []
        for i in order:
            if _BULLET.match(lines[i][2]) and len(lines[i][2]) <= 300:
                run.append(i)
            else:
                break
        if len(run) >= 3:
            for i in run:
                yield i, "headline list"
    for i in content:
        text = lines[i][2]
        if _READ_ALSO.search(text):
            yield i, "read-also link"
        elif _starts_with_pictograph(text) or (_PROMO.search(text) and len(text) < 300):
            yield i, "promo"
        elif _SOURCE.match(text):
            yield i, "source/credit line"
    # Signatures and bylines sit at the end: short lines with no sentence in them.
    for i in content[::-1][:3]:
        text = lines[i][2].strip()
        if len(text) <= 60 and (_SIGNATURE.match(text) or _AGENCY.match(text)):
            yield i, "signature"
        elif len(text) > 60 or _SENTENCE_END.search(text):
            break


def clean(article: Article) -> CleanText:
    """Remove clutter, set headings apart, join broken words; keep a raw-offset map."""
    lines = split_lines(article.raw, article.body_start)
    drop: dict[int, str] = dict(clutter(lines))
    content = [i for i, (_, _, t) in enumerate(lines) if t.strip() and i not in drop]
    for n, i in enumerate(content):
        text = lines[i][2]
        later = n + 1 < len(content)  # an index, not a slice: a slice per line is quadratic
        continued = later and _continues(lines[content[n + 1]][2])
        if is_heading(text, first=n == 0) and later and not continued:
            # The first heading line is the title; later ones are subheadings. Neither is prose,
            # and keeping them would report the same fact twice from one source.
            drop[i] = "title" if n == 0 else "heading"
    removed = tuple((lines[i][0], lines[i][1], why) for i, why in sorted(drop.items()))
    title = next((lines[i][2].strip() for i, why in sorted(drop.items()) if why == "title"), None)
    chars: list[str] = []
    offsets: list[int] = []
    kept = [lines[i] for i in range(len(lines)) if i not in drop and lines[i][2].strip()]
    for k, (s, _e, text) in enumerate(kept):
        if k:
            prev_text = kept[k - 1][2].rstrip()
            nxt = text.lstrip()
            gap = kept[k - 1][1]
            if prev_text.endswith("-") and nxt[:1].islower() and prev_text[-2:-1].isalpha():
                # "infor-" / "mation": a hyphenated break; drop the hyphen and the break.
                chars.pop()
                offsets.pop()
            elif _continues(nxt) and not _SENTENCE_END.search(prev_text):
                if nxt[:1].islower():
                    chars.append(" ")
                    offsets.append(gap)
            else:
                chars.extend("\n\n")
                offsets.extend((gap, gap))
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        chars.extend(normalise_chars(body))
        offsets.extend(range(s + lead, s + lead + len(body)))
    end = kept[-1][1] if kept else article.body_start
    offsets.append(end)
    return CleanText(text="".join(chars), offsets=tuple(offsets), removed=removed, title=title)


def _continues(line: str) -> bool:
    """A line that starts in lower case or with closing punctuation carries on the one before."""
    head = line.lstrip()[:1]
    return head in {".", ",", ";", ":", ")"} or head.islower()


_CHAR_MAP = str.maketrans({
    "’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ",
    "\u2010": "-", "\u2011": "-",
})


def normalise_chars(text: str) -> str:
    """One-for-one character fixes the French model needs (it tags ``d’`` as an entity)."""
    return text.translate(_CHAR_MAP)
