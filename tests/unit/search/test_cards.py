"""What a result shows before its page's fragment is loaded (macros/search/cards.py)."""

from __future__ import annotations

from macros.search.bundle import IndexedPage
from macros.search.cards import card_table


def test_each_page_by_id_with_its_address_title_department_and_summary() -> None:
    routine = IndexedPage(id="sv_b2", url="/rutiner/soc/orosanmalan/", title="Orosanmälan",
                          meta={"department": "Socialtjänsten", "summary": "Anmäl oro.",
                                "boost": "0.5"})
    page = IndexedPage(id="sv_a1", url="/kontakter/", title="Kontakter", meta={})
    table = card_table([routine, page])
    assert list(table) == ["sv_a1", "sv_b2"]  # the same site gives the same file
    assert table["sv_b2"] == ["/rutiner/soc/orosanmalan/", "Orosanmälan", "Socialtjänsten",
                              "Anmäl oro."]  # the weight has its own table (weights.py)
    assert table["sv_a1"] == ["/kontakter/", "Kontakter", "", ""]


def test_text_is_kept_as_written_for_the_worker_to_escape() -> None:
    hostile = IndexedPage(id="sv_x", url="/x/", title='<img src=x onerror="alert(1)">',
                          meta={"summary": "5 < 6 & </script>"})
    assert card_table([hostile])["sv_x"][1:] == ['<img src=x onerror="alert(1)">', "",
                                                 "5 < 6 & </script>"]
