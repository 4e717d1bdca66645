from __future__ import annotations

import datetime as dt

import pytest

from factcheck.errors import InputError, UsageError
from factcheck.load import article_from_text, decode, load_file, load_files, unique_ids

from .conftest import EXAMPLE


@pytest.mark.parametrize(("data", "text", "encoding", "warned"), [
    ("Été".encode(), "Été", "utf-8", False),
    (b"\xef\xbb\xbf" + "Été".encode(), "Été", "utf-8", False),
    ("Été".encode("utf-16"), "Été", "utf-16", False),
    ("Été à Noël, déjà".encode("cp1252"), "Été à Noël, déjà", "cp1252", True),
])
def test_decode(data, text, encoding, warned):
    got, enc, warnings = decode(data, "x.txt")
    assert got == text
    assert enc.replace("_", "").replace("-", "") in (encoding.replace("-", ""), "latin1")
    assert bool(warnings) is warned


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x00\x00\x00", "img.png")


def test_front_matter_sets_metadata_and_offsets_stay_on_the_file():
    text = "---\ntitle: Un titre\nsource: agence\ndate: 2023-05-19\nstory: s1\n---\nCorps."
    a = article_from_text(text, id="a", path="a.md")
    assert (a.title, a.outlet, a.date, a.story) == ("Un titre", "agence", dt.date(2023, 5, 19), "s1")
    assert a.raw == text and text[a.body_start:] == "Corps."


def test_inline_date_marker_is_metadata_not_text():
    a = load_file(EXAMPLE / "ats.txt")
    assert (a.date, a.date_precision) == (dt.date(2023, 5, 1), "month")
    assert a.raw[a.body_start:].startswith("Elon Musk accuse")


def test_malformed_front_matter_gives_file_and_line():
    with pytest.raises(InputError) as err:
        article_from_text("---\ntitle: [oops\n---\nx", id="a", path="bad.md")
    assert "bad.md:" in str(err.value)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("bin.txt", b"abc\x00def", "binary"),
])
def test_bad_files(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_file(p)


def test_missing_file_and_single_source(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_file(tmp_path / "nope.txt")
    with pytest.raises(UsageError, match="at least two"):
        load_files([str(EXAMPLE / "ats.txt")])


def test_unique_ids():
    assert unique_ids(["a/x.txt", "b/x.txt", "c/y.txt"]) == ["a/x", "b/x", "y"]
