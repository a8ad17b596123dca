"""The built site's search (Pagefind, macros/build/search_index.py), read back from the bundle
the build wrote: one index per language with that language's pages once, the routines' own
words without what they repeat from elsewhere, what each result shows, and the files the
search worker reads (synonyms, titles, vocabulary)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.model.core import KnowledgeBase
from macros.search import bundle
from macros.search.fold import fold
from macros.search.pagefind import UNUSED
from tests.conftest import read

ROUTINE = "/rutiner/socialtjanst/orosanmalan/"


def _pages(site: Path, lang: str) -> dict[str, bundle.IndexedPage]:
    return {page.url: page for page in bundle.pages(site, lang)}


def test_each_language_has_its_own_index_of_its_own_pages(small_site: Path) -> None:
    counts = bundle.languages(small_site)
    assert set(counts) == {"sv", "en"}
    sv, en = _pages(small_site, "sv"), _pages(small_site, "en")
    assert len(sv) == counts["sv"] and len(en) == counts["en"]
    assert ROUTINE in sv and f"/en{ROUTINE}" in en
    assert not any(url.startswith("/en/") for url in sv)
    assert all(url.startswith("/en/") for url in en)


def test_a_page_only_in_swedish_is_indexed_once(small_site: Path) -> None:
    """An English address that shows the Swedish page (static-i18n's fallback) is left to the
    Swedish index, as the lunr index did (issue 7)."""
    assert "/bara-svenska/" in _pages(small_site, "sv")
    assert "/en/bara-svenska/" not in _pages(small_site, "en")
    assert (small_site / "en" / "bara-svenska" / "index.html").is_file()  # the page is built


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_routine_is_indexed_by_its_own_words(small_site: Path, lang: str) -> None:
    prefix = "" if lang == "sv" else "/en"
    page = _pages(small_site, lang)[prefix + ROUTINE]
    text = page.content
    assert page.title == ("Orosanmälan om barn" if lang == "sv"
                          else "Report of concern about a child")
    assert ("utan dröjsmål" if lang == "sv" else "without delay") in text  # the summary
    assert ("direkt" if lang == "sv" else "at once") in text  # a step
    assert ("vårdnadshavare" if lang == "sv" else "guardians") in text  # a department's addition
    assert "SN 2019/1" in text  # the decision can be searched for
    # not what the page repeats from elsewhere or what nobody searches for
    assert "020-50 50 50" not in text  # the contact table (find it on the contacts page)
    assert "2026-01-10" not in text and "2027-01-10" not in text  # review dates
    assert "Exempeldata" not in text and "Example data" not in text  # the example notice
    assert "Granskad" not in text and "Reviewed" not in text  # the review notice
    assert "¶" not in text  # heading permalinks
    anchors = {a["id"] for a in json.loads(_fragment(small_site, page))["anchors"]}
    assert "steps" in anchors and "contacts" not in anchors and "related" not in anchors


def test_a_result_shows_the_department_and_the_summary(small_site: Path) -> None:
    sv = _pages(small_site, "sv")[ROUTINE].meta
    en = _pages(small_site, "en")[f"/en{ROUTINE}"].meta
    assert sv["department"] == "Socialtjänsten" and en["department"] == "Social Services"
    assert sv["summary"] == "Anmäl oro för ett barn utan dröjsmål."
    assert en["summary"] == "Report concern about a child without delay."


def test_text_from_the_data_stays_text(small_site: Path) -> None:
    """'5 < 6 & *x*' in a step: the index holds the page's text as plain text (the worker
    escapes it before Material shows an excerpt: tests/browser/test_search.py)."""
    text = _pages(small_site, "sv")[ROUTINE].content
    assert "5 < 6 & x" in text and "*x*" not in text and "<em>" not in text


def test_the_search_files_of_each_language(small_site: Path) -> None:
    for lang in ("sv", "en"):
        data = json.loads(read(small_site, f"search/search.{lang}.json"))
        assert {"stop", "synonyms", "titles", "cards", "weights", "common"} <= set(data)
        assert data["common"] == []  # a small index ranks by every word
        ids = {page.id for page in bundle.pages(small_site, lang)}
        assert all(set(found) <= ids for found in data["titles"].values())
        assert set(data["weights"]) <= ids
        assert set(data["cards"]) == ids  # every page's result drawn before its fragment
    sv = json.loads(read(small_site, "search/search.sv.json"))
    # routines/synonyms.yml of the fixture, folded keys, words as written
    assert sv["synonyms"]["dagis"] == ["förskola"]
    assert sv["synonyms"]["forskola"] == ["dagis"] and "soc anmalan" in sv["synonyms"]
    assert sv["titles"][fold("Orosanmälan om barn")] == [
        page.id for page in bundle.pages(small_site, "sv") if page.url == ROUTINE]
    en = json.loads(read(small_site, "search/search.en.json"))
    assert en["synonyms"]["safeguarding referral"] == ["report of concern"]
    assert "dagis" not in en["synonyms"]
    assert "och" in sv["stop"] and "the" in en["stop"]
    routine = next(page.id for page in bundle.pages(small_site, "en") if page.url == f"/en{ROUTINE}")
    assert en["cards"][routine] == [f"/en{ROUTINE}", "Report of concern about a child",
                                    "Social Services", "Report concern about a child without delay."]


def test_the_vocabulary_is_split_by_first_letter(small_site: Path) -> None:
    folder = small_site / "search" / "words"
    words = json.loads((folder / "sv-o.json").read_text(encoding="utf-8"))
    assert "orosanmälan" in words and all(fold(w).startswith("o") for w in words)
    assert "vårdnadshavare" in json.loads((folder / "sv-v.json").read_text(encoding="utf-8"))
    assert "guardians" in json.loads((folder / "en-g.json").read_text(encoding="utf-8"))


def test_only_what_the_search_uses_is_published(small_site: Path) -> None:
    bundle_dir = small_site / "pagefind"
    assert (bundle_dir / "pagefind.js").is_file()
    assert {p.name for p in bundle_dir.glob("wasm.*")} == {"wasm.sv.pagefind",
                                                           "wasm.en.pagefind"}
    assert not [name for name in UNUSED if (bundle_dir / name).exists()]
    index = json.loads(read(small_site, "search/search_index.json"))  # Material's settings
    assert index["docs"] == [] and index["config"]["separator"]


def test_every_page_uses_our_worker_and_keeps_no_search_marks(small_site: Path) -> None:
    pages = list(small_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "data-search-exclude" not in html, page
        if 'id="__config"' in html:
            lang = "en" if "/en/" in page.as_posix().removeprefix(small_site.as_posix()) else "sv"
            assert f"assets/kb/search-worker.js?lang={lang}" in html, page
            assert "workers/search." not in html, page


def _fragment(site: Path, page: bundle.IndexedPage) -> bytes:
    import gzip
    data = gzip.decompress((site / "pagefind" / "fragment" / f"{page.id}.pf_fragment")
                           .read_bytes())
    return data.removeprefix(b"pagefind_dcd")


def test_the_pages_for_the_coordinator_and_it_weigh_less(real_site: Path) -> None:
    """`search: boost: 0.5` in their front matter: they rank under the routines that match
    as well (the worker multiplies a page's score by its weight)."""
    for lang, prefix in (("sv", "/"), ("en", "/en/")):
        weights = json.loads(read(real_site, f"search/search.{lang}.json"))["weights"]
        url = {page.id: page.url for page in bundle.pages(real_site, lang)}
        weight = {url[pid]: value for pid, value in weights.items()}
        assert weight[f"{prefix}inbaddning/"] == 0.5 and weight[f"{prefix}publicera/"] == 0.5
        assert f"{prefix}kontakter/" not in weight  # 1: not listed
        assert f"{prefix}rutiner/social-och-omsorgskontoret/orosanmalan-barn/" not in weight


@pytest.mark.parametrize(("lang", "prefix"), [("sv", "/"), ("en", "/en/")])
def test_each_contact_is_a_result_linking_to_its_row(real_site: Path, repo_kb: KnowledgeBase,
                                                     lang: str, prefix: str) -> None:
    """Every contact of routines/contacts.yml is a result of its own in its language's index,
    linking to its row on the contacts page (which has that id), showing its number."""
    page = read(real_site, f"{prefix.lstrip('/')}kontakter/index.html")
    records = {p.url: p for p in bundle.pages(real_site, lang) if "#" in p.url}
    assert set(records) == {f"{prefix}kontakter/#kontakt-{cid}" for cid in repo_kb.contacts}
    for url, record in records.items():
        contact = repo_kb.contacts[url.rsplit("#kontakt-", 1)[1]]
        assert f'id="kontakt-{contact.id}"' in page
        assert record.title == contact.name.text(lang)
        assert record.meta["summary"].startswith(contact.phone or str(contact.web or ""))
    weights = json.loads(read(real_site, f"search/search.{lang}.json"))["weights"]
    assert {weights[p.id] for p in records.values()} == {0.5}
