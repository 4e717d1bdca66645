"""The only module that loads spaCy.

The French model is loaded once per process and reused. Paragraph breaks (blank lines left by the
cleaner) are hard sentence boundaries: the parser would otherwise run a subheading or a signature
into the next sentence.
"""

from __future__ import annotations

import gc
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.api import Ops

MODEL = "fr_core_news_md"
ABBREVIATIONS = {"m.", "mm.", "mme.", "mlle.", "dr.", "pr.", "me.", "mgr.", "st.", "ste.",
                 "av.", "apr.", "j.-c.", "cf.", "p.", "n°", "no.", "vol.", "art.",
                 "janv.", "févr.", "fév.", "sept.", "oct.", "nov.", "déc.", "env."}
_CLOSERS = {"»", '"', "”", "'", ")", "’"}
_ENDERS = {".", "!", "?", "…", "...", "?!", "!?"}


def mark_sentences(doc: Doc) -> Doc:
    """Rule-based sentence starts, set before the parser so it cannot move them.

    The small model's parser splits news sentences at dates and commas; a boundary after
    sentence-final punctuation followed by a capital, and at every paragraph break, is both
    faster and steadier.

    The tokens are read from one ``Doc.to_array`` and the starts written back with one
    ``from_array``: a spaCy ``Token`` per access, and ``is_sent_start``'s setter (which scans
    the whole doc for a parse each time), made this component cost more than the tagger.
    """
    from spacy.attrs import IS_SPACE, LOWER, ORTH, SENT_START, SPACY

    if len(doc) < 2:
        return doc
    if doc.has_annotation("DEP"):
        from spacy.errors import Errors

        raise ValueError(Errors.E043)
    rows = doc.to_array([ORTH, LOWER, SPACY, IS_SPACE]).tolist()
    strings = doc.vocab.strings
    seen: dict[int, str] = {}

    def string(h: int) -> str:
        s = seen.get(h)
        if s is None:
            s = seen[h] = strings[h]
        return s

    text = [string(r[0]) for r in rows]
    lower = [string(r[1]) for r in rows]
    glued = [not r[2] for r in rows]  # no space after the token
    space = [bool(r[3]) for r in rows]
    starts = doc.to_array([SENT_START]).astype("int64")
    for i in range(1, len(rows)):
        starts[i] = 1 if _starts_sentence(i, text, lower, glued, space) else -1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _starts_sentence(i: int, text: list[str], lower: list[str], glued: list[bool],
                     space: list[bool]) -> bool:
    """Does token ``i`` (> 0) start a sentence? ``text``, ``lower``, ``glued`` (no whitespace
    after) and ``space`` are the doc's tokens' attributes. (A token's trailing whitespace is
    one space or nothing, so a line break is always a token of its own.)"""
    prev = text[i - 1]
    if "\n" in prev:
        return True
    if space[i]:
        return False
    token = text[i]
    if token in _CLOSERS and glued[i - 1]:
        return False  # a closing mark glued to the sentence it ends
    end = i - 1
    if prev in _CLOSERS and i >= 2 and glued[i - 2]:
        end = i - 2
    first = token[:1]
    if not (first.isupper() or first.isdigit() or first in "«\"“—–-'("):
        return False
    end_text = text[end]
    if end_text in _ENDERS:
        before = end - 1 if end > 0 else None
        return not (end_text == "." and before is not None and glued[before] and (
            lower[before] + "." in ABBREVIATIONS or _initial(text[before])))
    return (end_text.endswith(".") and len(end_text) > 1 and lower[end] not in ABBREVIATIONS
            and not _initial(end_text))


def _initial(text: str) -> bool:
    """"B." or "J.-C.": an initial, not the end of a sentence."""
    core = text.rstrip(".")
    return len(core) == 1 and core.isalpha() and core.isupper()


@lru_cache(maxsize=2)
def load_model(name: str = MODEL) -> Language:
    # Importing spaCy and loading the model build about 470,000 long-lived objects (the lemma
    # tables, the vocabulary): the cyclic collector would walk them several times while they
    # are built and at each full collection afterwards. None of them is garbage, so
    # collection waits until the load is done, and they are then moved out of its way
    # (gc.freeze, which also keeps forked workers from copying the pages it would touch).
    collecting = gc.isenabled()
    gc.disable()
    try:
        nlp = _load(name)
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return nlp


def _load(name: str) -> Language:
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise FactcheckError("spaCy is not installed", hint="pip install factcheck") from exc

    if not Language.has_factory("factcheck_paragraphs"):
        Language.component("factcheck_paragraphs", func=mark_sentences)

    from thinc.api import get_current_ops, set_current_ops

    # Each layer keeps the ops it was built with: BLAS-backed ones for this model, then the
    # caller's back (see blas_ops).
    previous = get_current_ops()
    set_current_ops(blas_ops(previous))
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise FactcheckError(
            f"the spaCy model {name} is not installed",
            hint=f"pip install {name.replace('_', '-')} (it is a dependency of factcheck)",
        ) from exc
    finally:
        set_current_ops(previous)
    nlp.add_pipe("factcheck_paragraphs", before="parser")
    nlp.max_length = 6_000_000  # inputs are capped by load.MAX_BYTES already
    index_lemma_forms(nlp)
    return nlp


def blas_ops(current: Ops) -> Ops:
    """The model's matrix products through numpy's BLAS instead of thinc's own BLIS build.

    spaCy's CPU ops multiply with the ``blis`` package, whose wheels run BLIS's generic
    reference kernel here (no AVX2 or AVX-512 kernels are picked up): about four times slower
    than numpy's OpenBLAS on the model's shapes, and most of the model's time. thinc's
    ``NumpyOps(use_blis=False)`` hands the same products to numpy. Only the order of float
    additions inside a product changes (differences near 1e-6); the annotations of the 300
    RPM2 articles (172,690 tokens) and of the seeds are the same tag for tag
    (tests/test_nlp.py checks the seeds). OpenBLAS is held to one thread: on this workload
    its extra threads mostly spin, doubling the CPU spent, and ``check --jobs`` already
    uses the cores. ``FACTCHECK_BLIS=1`` keeps spaCy's ops.
    """
    from thinc.api import NumpyOps

    if os.environ.get("FACTCHECK_BLIS") or type(current) is not NumpyOps:
        return current  # a GPU or another back end was chosen: leave it
    one_blas_thread()
    return NumpyOps(use_blis=False)


def one_blas_thread() -> bool:
    """Set numpy's OpenBLAS (the wheel's bundled copy) to one thread; False if not found."""
    import ctypes
    import glob

    import numpy

    libs = os.path.join(os.path.dirname(os.path.dirname(numpy.__file__)), "numpy.libs")
    for path in sorted(glob.glob(os.path.join(libs, "*openblas*"))):
        try:
            lib = ctypes.CDLL(path)  # already loaded by numpy: the same copy
        except OSError:
            continue
        for symbol in ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                       "openblas_set_num_threads64_", "openblas_set_num_threads"):
            setter = getattr(lib, symbol, None)
            if setter is not None:
                setter(1)
                return True
    return False


def index_lemma_forms(nlp: Language) -> None:
    """Make the rule lemmatizer's table of known forms a set instead of a list.

    spaCy's French lemmatizer asks ``form in index`` for each new (word, tag) pair and for each
    suffix rule that matches it, and the model ships ``lemma_index`` as lists of up to 66,000
    forms: a linear scan, about 130 µs a new word, 2-3 s of a 300-article run. Only membership
    is ever asked of these tables, so a frozenset gives the same lemmas (tests/test_nlp.py
    checks them against the lists).
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, forms in list(table.items()):
        if isinstance(forms, list):
            table[key] = frozenset(forms)
