"""Each contact as a search result of its own (macros/render/contact_records.py): one record
per contact and language whose row is on the contacts page as built, linking to that row, found
by the contact's words and showing its number; the row's id comes from the contact table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.load.loader import load
from macros.model.core import Contact, KnowledgeBase
from macros.model.text import PlainText
from macros.render.blocks import Renderer
from macros.render.contact_records import WEIGHT, anchor, contact_records, page_url
from tests.rendered import rendered


@pytest.fixture
def kb(data_copy: Callable[[], Path]) -> KnowledgeBase:
    result = load(data_copy())
    assert result.kb is not None
    return result.kb


def _page(kb: KnowledgeBase, lang: str) -> str:
    """The contacts page's rows as the contacts page renders them."""
    return Renderer(kb, lang).contact_table(scope="national", anchors=True)  # type: ignore[arg-type]


def test_a_record_per_contact_and_language_on_the_contacts_page(kb: KnowledgeBase) -> None:
    records = contact_records(kb.contacts.values(), {"sv": _page(kb, "sv"), "en": _page(kb, "en")})
    assert [(r.language, r.url) for r in records] == [
        ("sv", "/kontakter/#kontakt-kvinnofridslinjen"),
        ("en", "/en/kontakter/#kontakt-kvinnofridslinjen")]
    sv, en = records
    assert sv.meta == {"title": "Kvinnofridslinjen", "department": "Kontakter",
                       "summary": "020-50 50 50", "boost": f"{WEIGHT:g}"}
    assert en.meta["title"] == "Kvinnofridslinjen (national helpline)"
    assert en.meta["department"] == "Contacts"
    assert "24/7" in en.content and "020-50 50 50" in en.content


def test_no_record_for_a_row_that_is_not_there(kb: KnowledgeBase) -> None:
    """A contact not on the contacts page (here: an internal one, the page shows the national
    ones), or a site without a contacts page: no result links to a row that is not there."""
    assert contact_records(kb.contacts.values(), {}) == []
    ids = {r.url.rsplit("#", 1)[1] for r in contact_records(kb.contacts.values(),
                                                              {"sv": _page(kb, "sv")})}
    assert ids == {anchor("kvinnofridslinjen")}


def test_the_contact_table_gives_its_rows_ids_only_when_asked(kb: KnowledgeBase) -> None:
    """Only the contacts page asks (each contact is on it once): a routine page may show a
    contact in two tables, and an id twice on a page is an error (axe: duplicate-id)."""
    plain = rendered(Renderer(kb, "sv").contact_table())
    assert not plain.select("tr[id]")
    anchored = rendered(Renderer(kb, "sv").contact_table(anchors=True))
    assert [tr["id"] for tr in anchored.select("tbody tr")] == [
        "kontakt-kvinnofridslinjen", "kontakt-mottagning"]


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
               max_size=40).filter(lambda s: s.strip() and PlainText.problem(s.strip()) is None)


@settings(max_examples=60, deadline=None)
@given(name=TEXT, audience=TEXT)
def test_any_text_of_a_contact_is_data_and_the_address_is_its_id(name: str,
                                                                 audience: str) -> None:
    """What a record carries of the contact's text is that text (the worker escapes it when it
    draws, tests/browser/test_search.py); its address is built from the id (a slug) only."""
    contact = Contact(id="linjen", scope="national", name=PlainText(sv=name), phone="020-1",
                      audience=PlainText(sv=audience))
    html = f'<tr id="{anchor("linjen")}">'
    [sv, en] = contact_records([contact], {"sv": html, "en": html})
    assert sv.url == page_url("sv") + "#kontakt-linjen"
    assert en.url == "/en/kontakter/#kontakt-linjen"
    assert sv.meta["title"] == name.strip()
    assert sv.meta["summary"] == f"020-1 · {audience.strip()}"
