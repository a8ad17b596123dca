"""One search index per language, split from static-i18n's combined index."""

from __future__ import annotations

import json
from pathlib import Path

from macros.search.split import index_path, split_index, split_site_index

COMBINED = {
    "config": {"lang": ["sv", "en"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Start", "text": "Hej"},
        {"location": "rutiner/x/", "title": "Rutin", "text": "heder"},
        {"location": "en/", "title": "Home", "text": "Hello"},
        {"location": "en/rutiner/x/#steps", "title": "Routine", "text": "honour"},
        {"location": "engelska/", "title": "Inte engelska", "text": "sv"},
    ],
}


def test_split_by_location_prefix_not_by_name() -> None:
    parts = split_index(COMBINED, ["sv", "en"], "sv")
    assert [d["location"] for d in parts["sv"]["docs"]] == ["", "rutiner/x/", "engelska/"]
    assert [d["location"] for d in parts["en"]["docs"]] == ["en/", "en/rutiner/x/#steps"]


def test_each_index_keeps_the_config_with_only_its_language() -> None:
    parts = split_index(COMBINED, ["sv", "en"], "sv")
    assert parts["sv"]["config"] == {"lang": ["sv"], "separator": "[\\s\\-]+"}
    assert parts["en"]["config"]["lang"] == ["en"]


def test_split_site_index_writes_one_file_per_language(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(COMBINED))
    assert split_site_index(tmp_path, ["sv", "en"], "sv")
    sv = json.loads(index_path(tmp_path, "sv", "sv").read_text())
    en = json.loads((tmp_path / "search" / "search_index.en.json").read_text())
    assert len(sv["docs"]) == 3 and len(en["docs"]) == 2
    assert not split_site_index(tmp_path, ["sv", "en"], "sv")  # already split: left alone
    assert json.loads(index_path(tmp_path, "sv", "sv").read_text()) == sv


def test_nothing_to_split_without_an_index(tmp_path: Path) -> None:
    assert not split_site_index(tmp_path, ["sv", "en"], "sv")


def test_split_drops_fallback_copies_and_section_search_words() -> None:
    index = {"config": {"lang": ["sv", "en"]}, "docs": [
        {"location": "x/", "title": "Bara svenska", "text": "t", "tags": ["ord"]},
        {"location": "x/#a", "title": "A", "text": "u", "tags": ["ord"]},
        {"location": "en/x/", "title": "Bara svenska", "text": "t", "tags": ["ord"]},
        {"location": "en/x/#a", "title": "A", "text": "u", "tags": ["ord"]},
        {"location": "en/y/", "title": "Translated", "text": "v"},
    ]}
    parts = split_index(index, ["sv", "en"], "sv")
    assert parts["sv"]["docs"] == [
        {"location": "x/", "title": "Bara svenska", "text": "t", "tags": ["ord"]},
        {"location": "x/#a", "title": "A", "text": "u"}]
    assert [d["location"] for d in parts["en"]["docs"]] == ["en/y/"]


def test_written_index_is_compact_utf8(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": ["sv", "en"]},
             "docs": [{"location": "a/", "title": "Våld", "text": "hö"}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index))
    split_site_index(tmp_path, ["sv", "en"], "sv")
    written = index_path(tmp_path, "sv", "sv").read_text(encoding="utf-8")
    assert "Våld" in written and "\\u" not in written and ", " not in written
