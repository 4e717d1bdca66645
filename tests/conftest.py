"""Shared fixtures. The spaCy model is loaded once per session, and only by tests that ask."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests never write to the user's cache folder.
os.environ.setdefault("FACTCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="factcheck-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "twitter-microsoft"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    from factcheck.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_report(nlp):
    """The three seed articles compared once for the whole session."""
    from factcheck.api import compare

    return compare(sorted(EXAMPLE.glob("*.txt")))


@pytest.fixture(scope="session")
def seed_json(seed_report):
    return seed_report.to_dict()
