"""Findability: the words staff actually type lead to the right routine within the first
three search results — in the real site, in Chromium, through Material's own search box.

Each language has its own index (macros/build/search_index.py), so a Swedish query never
competes with the English copy of the same routine. tests/search_eval/ holds the larger set
written from how staff talk (`make search-eval`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SOK = "social-och-omsorgskontoret"
KLK = "kommunledningskontoret"
UTB = "utbildningskontoret"
KFK = "kultur-och-fritidskontoret"

# (query, routine path under rutiner/, or several when the word alone fits several routines:
# each named one uses the word for what the query means)
SWEDISH: list[tuple[str, str | tuple[str, ...]]] = [
    ("hedersvåld", f"{KLK}/misstanke-om-hedersrelaterat-fortryck"),
    ("heder", f"{KLK}/misstanke-om-hedersrelaterat-fortryck"),
    ("HRV", f"{KLK}/misstanke-om-hedersrelaterat-fortryck"),
    # honour-related control: the honour routine, and the leisure routines about a member or
    # a young person whose life is controlled
    ("kontroll", (f"{KLK}/misstanke-om-hedersrelaterat-fortryck",
                  f"{KFK}/foreningar-och-hedersfortryck", f"{KFK}/fritidsgard-ung-berattar")),
    ("orosanmälan", f"{SOK}/orosanmalan-barn"),
    ("anmälan", f"{SOK}/orosanmalan-barn"),
    ("anmälningsskyldighet", f"{SOK}/orosanmalan-barn"),
    # the routines about someone being assaulted (misshandel, slår: one synonym group): asking
    # about violence, an employee, a colleague, a parent hit by their own child
    ("misshandel", (f"{KLK}/rutinmassiga-fragor-om-vald", f"{KLK}/medarbetare-utsatt-for-vald",
                    f"{KLK}/hot-och-vald-i-arbetet", f"{KLK}/kollega-berattar-om-vald",
                    f"{SOK}/barn-som-utovar-vald-i-familjen")),
    ("fråga om våld", f"{KLK}/rutinmassiga-fragor-om-vald"),
    ("FREDA", f"{KLK}/rutinmassiga-fragor-om-vald"),
    ("hot", f"{SOK}/riskbedomning-vald"),
    ("riskbedömning", f"{SOK}/riskbedomning-vald"),
    ("PATRIARK", f"{SOK}/riskbedomning-vald"),
    ("skyddat boende", f"{SOK}/skyddat-boende"),
    ("skyddad identitet", f"{KLK}/skyddade-personuppgifter"),
    ("tvångsgifte", f"{SOK}/hedersrelaterat-vald-vuxna"),
    ("barnäktenskap", f"{SOK}/hedersrelaterat-vald-barn-och-unga"),
    ("utreseförbud", f"{SOK}/hedersrelaterat-vald-barn-och-unga"),
    ("barnahus", f"{SOK}/barnahus-samrad"),
    ("socialjour", f"{SOK}/socialjour-akut-vald"),
    ("vårdnad", f"{SOK}/familjeratt-vald-i-vardnadsarenden"),
    ("umgänge", f"{SOK}/familjeratt-vald-i-vardnadsarenden"),
    ("missbruk", f"{SOK}/vald-och-missbruk"),
    ("ekonomiskt våld", f"{SOK}/ekonomiskt-bistand-vid-vald"),
    ("försörjningsstöd", f"{SOK}/ekonomiskt-bistand-vid-vald"),
    ("hemtjänst", f"{SOK}/aldre-utsatta-for-vald"),
    ("LSS", f"{SOK}/funktionsnedsattning-och-vald"),
    ("stödsamtal", f"{SOK}/stod-till-vuxna-valdsutsatta"),
    ("gruppsamtal", f"{SOK}/stod-till-vuxna-valdsutsatta"),
    ("våldsutövare", f"{SOK}/personer-som-utovar-vald"),
    ("välj att sluta", f"{SOK}/personer-som-utovar-vald"),
    ("barn som bevittnat våld", f"{SOK}/barn-som-upplevt-vald"),
    ("rädd att gå hem", f"{UTB}/elev-radd-att-ga-hem"),
    ("förskola", f"{UTB}/forskola-oro-for-barn"),
    ("pojkvän", f"{UTB}/vald-i-ungas-relationer"),
    ("skolsköterska", f"{UTB}/elevhalsans-fragor-om-vald"),
    ("fritidsgård", f"{KFK}/fritidsgard-ung-berattar"),
    ("idrottsförening", f"{KFK}/foreningar-och-hedersfortryck"),
    ("säker surf", f"{KFK}/bibliotek-stod-och-saker-surf"),
    ("kollega", f"{KLK}/kollega-berattar-om-vald"),
    ("medarbetare utsatt", f"{KLK}/medarbetare-utsatt-for-vald"),
    ("växeln", f"{KLK}/kontaktcenter-samtal-om-vald"),
    ("nyanställd utbildning", f"{KLK}/utbildning-om-vald"),
    ("hembesök", "kontoret-for-samhallsbyggnad/tillsyn-och-hembesok"),
    ("förtur", "vasbyhem/vasbyhem-bostad-vid-vald"),
    ("byta lås", "vasbyhem/vasbyhem-bostad-vid-vald"),
    ("störning", "vasbyhem/vasbyhem-oro-i-bostaden"),
]

ENGLISH: list[tuple[str, str | tuple[str, ...]]] = [
    ("honour violence", f"{KLK}/misstanke-om-hedersrelaterat-fortryck"),
    ("report of concern", f"{SOK}/orosanmalan-barn"),
    ("forced marriage", f"{SOK}/hedersrelaterat-vald-vuxna"),
    ("protected housing", f"{SOK}/skyddat-boende"),
    ("risk assessment", f"{SOK}/riskbedomning-vald"),
    ("perpetrator", f"{SOK}/personer-som-utovar-vald"),
    ("afraid to go home", f"{UTB}/elev-radd-att-ga-hem"),
    ("colleague", f"{KLK}/kollega-berattar-om-vald"),
    ("employee subjected to violence", f"{KLK}/medarbetare-utsatt-for-vald"),
    ("protected identity", f"{KLK}/skyddade-personuppgifter"),
]


def test_the_query_table_is_large_enough() -> None:
    assert len(SWEDISH) >= 20
    assert len({routine for _, routine in SWEDISH if isinstance(routine, str)}) >= 25


def _pages(hrefs: list[str]) -> list[str]:
    """Result pages in order: a page's sections are listed under it, so count it once."""
    pages: list[str] = []
    for href in hrefs:
        page = href.split("#")[0].split("?")[0]
        if page not in pages:
            pages.append(page)
    return pages


def _check(page: Any, base_url: str, search: Callable[[str], list[str]], start: str,
           table: list[tuple[str, str | tuple[str, ...]]]) -> None:
    page.goto(base_url + start)
    misses = []
    for query, routines in table:
        right = [f"{start}rutiner/{routine}/"
                 for routine in ((routines,) if isinstance(routines, str) else routines)]
        expected = " or ".join(right)
        top = _pages(search(query))[:3]
        if not any(href.endswith(one) for href in top for one in right):
            misses.append(f"{query!r} → expected {expected} in the top 3, got {top}")
        if any("/en/" in href for href in top) != (start == "/en/"):
            misses.append(f"{query!r} → results in the other language: {top}")
    assert not misses, "\n".join(misses)


def test_swedish_words_find_the_right_routine(page: Any, base_url: str,
                                              search: Callable[[str], list[str]]) -> None:
    _check(page, base_url, search, "/", SWEDISH)


def test_english_words_find_the_right_routine(page: Any, base_url: str,
                                              search: Callable[[str], list[str]]) -> None:
    _check(page, base_url, search, "/en/", ENGLISH)
