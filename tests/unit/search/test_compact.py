"""A page's search words are indexed once, on the page's own entry."""

from __future__ import annotations

from macros.search.compact import drop_empty_items, page_tags_only

WORDS = ["orosanmälan", "anmälan"]


def test_sections_lose_the_tags_their_page_carries() -> None:
    docs = [
        {"location": "r/", "title": "Orosanmälan", "text": "", "tags": WORDS, "boost": 2.0},
        {"location": "r/#steps", "title": "Gör så här", "text": "Ring", "tags": WORDS,
         "boost": 2.0},
    ]
    page, steps = page_tags_only(docs)
    assert page == docs[0]
    assert steps == {"location": "r/#steps", "title": "Gör så här", "text": "Ring", "boost": 2.0}
    assert "tags" in docs[1]  # the input is left as it was


def test_tags_stay_where_the_page_entry_does_not_carry_them() -> None:
    docs = [
        {"location": "a/#x", "title": "X", "text": "", "tags": WORDS},  # no page entry
        {"location": "b/", "title": "B", "text": "", "tags": ["annat"]},
        {"location": "b/#y", "title": "Y", "text": "", "tags": WORDS},  # other tags
        {"location": "c/", "title": "C", "text": ""},
    ]
    assert page_tags_only(docs) == docs


def test_items_whose_text_was_left_out_are_dropped() -> None:
    text = "<ul> <li>Gäller för: alla</li> <li></li> <li> </li> </ul> <p></p> <p>Ämnen: Barn</p>"
    docs = [{"location": "r/#about", "title": "Om rutinen", "text": text}]
    assert drop_empty_items(docs) == [{"location": "r/#about", "title": "Om rutinen",
                                       "text": "<ul> <li>Gäller för: alla</li> </ul> "
                                               "<p>Ämnen: Barn</p>"}]
    assert docs[0]["text"] == text  # the input is left as it was
