"""A cheap check that an article is French, from the share of common function words.

The French model silently produces nonsense facts on other languages; a one-line warning is more
useful than a wrong report. Stop-word profiles are enough to tell French from the languages a
French newsroom most often receives (English, Spanish, Italian, German, Portuguese).
"""

from __future__ import annotations

import re

PROFILES = {
    "fr": {"le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "que", "qui", "dans",
           "pour", "pas", "sur", "au", "aux", "ce", "il", "elle", "avec", "son", "sa", "ses",
           "été", "par", "plus", "ont", "mais", "à"},
    "en": {"the", "and", "of", "to", "is", "in", "that", "for", "with", "was", "on", "are",
           "by", "this", "be", "have", "has", "from", "it", "which", "an", "at", "not", "but"},
    "es": {"el", "los", "las", "del", "y", "que", "en", "por", "con", "para", "una", "es", "se",
           "lo", "su", "como", "más", "pero", "fue", "han"},
    "it": {"il", "della", "delle", "degli", "che", "di", "e", "per", "con", "una", "è", "sono",
           "nel", "alla", "gli", "non", "più", "anche", "ha"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine",
           "auf", "für", "sich", "dem", "auch", "im", "wird"},
    "pt": {"o", "os", "da", "do", "das", "dos", "não", "uma", "com", "para", "em", "por", "mais",
           "foi", "são", "seu", "sua", "ao"},
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def guess_language(text: str, sample: int = 20000) -> tuple[str | None, float]:
    """Return the best-matching language and its share of words, or (None, 0) for too little text."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < 15:
        return None, 0.0
    scores = {lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in PROFILES.items()}
    best = max(sorted(scores), key=lambda k: scores[k])
    return (best, scores[best]) if scores[best] >= 0.08 else (None, scores[best])
