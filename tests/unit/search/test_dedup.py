"""Fallback copies leave the search index as static-i18n's reconfigure_search left them."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from macros.search.dedup import drop_fallback_copies

LANGS = ["sv", "en"]


def doc(location: str, title: str, text: str = "", **extra: Any) -> dict[str, Any]:
    return {"location": location, "title": title, "text": text, **extra}


def locations(docs: list[dict[str, Any]]) -> list[str]:
    return [d["location"] for d in docs]


def static_i18n(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What mkdocs-static-i18n's own (O(n²)) de-duplication leaves."""
    entries = [dict(d) for d in docs]
    ExtendedPlugin.reconfigure_search_duplicates(SimpleNamespace(build_languages=LANGS), entries)
    return entries


def test_a_page_that_fell_back_to_swedish_keeps_only_its_swedish_entries() -> None:
    docs = [
        doc("bara-svenska/", "Bara svenska", "<p>Text</p>", tags=["ord"]),
        doc("bara-svenska/#steg", "Steg", "<ul><li>Gör</li></ul>"),
        doc("en/bara-svenska/", "Bara svenska", "<p>Text</p>", tags=["ord"]),
        doc("en/bara-svenska/#steg", "Steg", "<ul><li>Gör</li></ul>"),
    ]
    assert locations(drop_fallback_copies(docs, LANGS)) == ["bara-svenska/",
                                                            "bara-svenska/#steg"]


def test_translated_and_partly_translated_entries_stay() -> None:
    docs = [
        doc("rutin/", "Orosanmälan", "Anmäl"),
        doc("rutin/#steps", "Gör så här", "Ring"),
        doc("rutin/#about", "Om rutinen", "Samma"),
        doc("en/rutin/", "Report of concern", "Report"),  # translated
        doc("en/rutin/#steps", "Gör så här", "Call"),  # same title, other text
        doc("en/rutin/#about", "About this routine", "Samma"),  # same text, other title
        doc("en/annan/#about", "Om rutinen", "Samma"),  # not a copy of rutin/#about
    ]
    assert drop_fallback_copies(docs, LANGS) == docs


def test_default_language_entries_are_never_dropped() -> None:
    docs = [doc("a/", "Samma", "x"), doc("b/a/", "Samma", "x"), doc("en/a/", "Samma", "x")]
    assert locations(drop_fallback_copies(docs, LANGS)) == ["a/", "b/a/"]


def test_the_start_page_location_is_a_suffix_of_every_location() -> None:
    """As in static-i18n: the start page's location is "", which every location ends with."""
    docs = [doc("", "Start", "Hej"), doc("en/", "Start", "Hej"),
            doc("en/annan/", "Start", "Hello"), doc("en/annan/#a", "Start", "Hej")]
    assert locations(drop_fallback_copies(docs, LANGS)) == ["", "en/annan/"]
    assert drop_fallback_copies(docs, LANGS) == static_i18n(docs)


def test_two_copies_in_a_row_both_go() -> None:
    """static-i18n removes from the list it walks and so skips the second of two copies in a
    row; that is an accident, not a rule: both are copies."""
    docs = [doc("", "Start", "Hej"), doc("en/", "Start", "Hej"), doc("en/x/", "Start", "Hej")]
    assert locations(drop_fallback_copies(docs, LANGS)) == [""]
    assert locations(static_i18n(docs)) == ["", "en/x/"]


def test_a_folder_named_like_a_language_is_not_that_language() -> None:
    docs = [doc("x/", "T", "t"), doc("engelska/x/", "T", "t"), doc("en/x/", "T", "t")]
    assert locations(drop_fallback_copies(docs, LANGS)) == ["x/", "engelska/x/"]


def test_same_result_as_static_i18n_on_a_mixed_site() -> None:
    rng = random.Random(7)
    pages = [f"rutiner/d{rng.randrange(3)}/r{n}/" for n in range(60)]
    docs: list[dict[str, Any]] = []
    english: list[dict[str, Any]] = []
    for n, page in enumerate(pages):
        sections = ["", "#steps", "#contacts"]
        for section in sections:
            sv = doc(page + section, f"T{n}{section}", f"text {n} {section}")
            docs.append(sv)
            fallback = n % 3 == 0 or (n % 3 == 1 and section == "#contacts")
            english.append(dict(sv, location="en/" + sv["location"]) if fallback
                           else doc("en/" + page + section, f"E{n}{section}", f"en {n}"))
    combined = docs + english
    kept = drop_fallback_copies(combined, LANGS)
    assert kept == static_i18n(combined)
    assert len(combined) - len(kept) == 20 * 3 + 20  # whole fallback pages, one section
