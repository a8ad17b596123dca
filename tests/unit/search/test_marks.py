"""What the search index (Pagefind, run for real) holds of a generated page: a routine's own
words, not what it repeats from the contacts page, the legal chapter or other routines' pages;
and the marks that decide it (macros/search/marks.py, macros/search/index_marks.py)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest

from macros.load.loader import load
from macros.render.blocks import Renderer
from macros.render.pages import department_page, routine_index, routine_page, topic_index
from macros.search import bundle
from macros.search.index_marks import ignore_excluded, marked, summary_of
from macros.search.marks import unindexed_admonition
from macros.search.pagefind import index_site

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.tasklist"]


@pytest.fixture
def renderer(data_copy: Callable[[], Path]) -> Callable[[str, str], Renderer]:
    project = data_copy()
    legal = project / "routines" / "legal.yml"
    legal.write_text(legal.read_text(encoding="utf-8").replace(
        "en: Social Services Act (2025:400)}",
        "en: Social Services Act (2025:400)}\n    note: {sv: Gäller sedan 2025., en: In force.}"),
        encoding="utf-8")
    routine = project / "routines" / "socialtjanst" / "orosanmalan.yml"
    routine.write_text(routine.read_text(encoding="utf-8").replace(
        "  - source: sol\n",
        "  - source: sol\n    detail: {sv: 10 kap. 1 §, en: Chapter 10 section 1}\n"
        "keywords: {sv: [anmälningsplikt], en: [duty to report]}\n"), encoding="utf-8")
    result = load(project)
    assert result.kb is not None, result.problems

    def make(lang: str, src: str) -> Renderer:
        assert result.kb is not None
        return Renderer(result.kb, lang, src)  # type: ignore[arg-type]  # lang: Lang
    return make


def indexed(tmp_path: Path, body: str, lang: str = "sv") -> tuple[str, set[str]]:
    """What Pagefind indexes of a page with this Markdown: its text and its anchors."""
    content = marked(markdown.Markdown(extensions=EXTENSIONS).convert(body))
    site = tmp_path / "site"
    (site / "x").mkdir(parents=True, exist_ok=True)
    (site / "x" / "index.html").write_text(
        f'<html lang="{lang}"><body><nav>Meny</nav>{content}</body></html>', encoding="utf-8")
    index_site(site)
    [page] = bundle.pages(site, lang)
    fragment = json.loads(gzip.decompress(
        (site / "pagefind" / "fragment" / f"{page.id}.pf_fragment").read_bytes())[12:])
    return page.content, {a["id"] for a in fragment["anchors"] if a.get("id")}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_routine_is_indexed_by_its_own_words(renderer: Callable[[str, str], Renderer],
                                               tmp_path: Path, lang: str) -> None:
    r = renderer(lang, "rutiner/socialtjanst/orosanmalan.md")
    text, anchors = indexed(tmp_path, routine_page(r, "orosanmalan"), lang)
    addition = "tillagg-for-skolan" if lang == "sv" else "additional-steps-for-schools"
    assert {"steps", addition, "legal-basis", "about"} <= anchors
    assert not anchors & {"contacts", "related"}  # their sections are left out
    assert "Meny" not in text  # only the content, never the theme around it
    assert ("utan dröjsmål" if lang == "sv" else "without delay") in text  # the summary
    assert "Exempel" not in text and "Example" not in text  # the example-data notice
    assert ("direkt" if lang == "sv" else "at once") in text
    assert ("Socialtjänstlag" if lang == "sv" else "Social Services Act") in text
    assert ("10 kap. 1 §" if lang == "sv" else "Chapter 10 section 1") in text
    assert "2025." not in text and "In force" not in text  # the source's note
    assert ("Alla anställda" if lang == "sv" else "All employees") in text
    assert "SN 2019/1" in text  # the decision can be searched for
    assert "2026-01-10" not in text and "2027-01-10" not in text  # review dates
    assert "020-50 50 50" not in text  # the contact table
    # the search-word line is left out: the words are indexed once, weighted, from the
    # page's tags (macros/build/search_index.py)
    assert ("anmälningsplikt" if lang == "sv" else "duty to report") not in text


def test_overview_pages_leave_routine_lists_to_the_routines(
        renderer: Callable[[str, str], Renderer], tmp_path: Path) -> None:
    text, _ = indexed(tmp_path, routine_index(renderer("sv", "rutiner/index.md")))
    assert "Orosanmälan om barn" not in text
    text, anchors = indexed(tmp_path, department_page(
        renderer("sv", "rutiner/socialtjanst/index.md"), "socialtjanst"))
    assert not anchors & {"routines", "contacts"} and "Orosanmälan om barn" not in text
    text, anchors = indexed(tmp_path, topic_index(renderer("sv", "rutiner/amnen.md")))
    assert "orosanmalan" in anchors and "Orosanmälan" in text  # the topic stays
    assert "Orosanmälan om barn" not in text  # its list of routines does not


def test_a_marked_heading_leaves_out_its_whole_section() -> None:
    html = ('<h2 id="a">A</h2><p>kept</p><h2 id="b" data-search-exclude="true">B</h2>'
            '<p>left</p><h3 id="c">C</h3><p>left too</p><h2 id="d">D</h2><p>kept</p>'
            '<p>x <span data-search-exclude="true">left</span></p>')
    out = ignore_excluded(html)
    assert out.count('data-pagefind-ignore="all"') == 3  # two sections, one span
    assert out.index('<h2 id="d">') < out.rindex("data-pagefind-ignore")  # the span


def test_the_summary_is_the_first_sentence_of_the_first_paragraph() -> None:
    html = ('<h1>T</h1><div class="admonition warning"><p>Exempel.</p></div>'
            '<p>Första meningen. Andra meningen.</p>')
    assert summary_of(html) == "Första meningen."
    assert summary_of("<p>" + "ord " * 100 + "</p>").endswith("…")
    assert len(summary_of("<p>" + "ord " * 100 + "</p>")) <= 180


def test_the_example_notice_is_the_admonition_html() -> None:
    """Same HTML as ``!!! warning "T"`` once the mark is taken out."""
    admonition = markdown.markdown('!!! warning "A & B"\n\n    x < y', extensions=["admonition"])
    ours = markdown.markdown(unindexed_admonition("warning", "A & B", "x < y"))
    assert ours.replace(' data-search-exclude="true"', "") == admonition


def test_a_bundle_that_does_not_read_back_is_indexed_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind's service once left its entry file empty (the 1000-routine site): the index is
    built again rather than published broken, and a bundle broken every time is an error."""
    from macros.search import pagefind

    site = tmp_path / "site"
    (site / "x").mkdir(parents=True)
    (site / "x" / "index.html").write_text(
        '<html lang="sv"><body><div data-pagefind-body>Ord</div></body></html>',
        encoding="utf-8")
    real = pagefind._index
    calls: list[int] = []

    async def flaky(where: Path, records: object) -> None:
        calls.append(1)
        await real(where, records)  # type: ignore[arg-type]
        if len(calls) == 1:
            (where / "pagefind" / "pagefind-entry.json").write_text("", encoding="utf-8")

    monkeypatch.setattr(pagefind, "_index", flaky)
    index_site(site)
    assert len(calls) == 2 and bundle.languages(site) == {"sv": 1}

    async def broken(where: Path, records: object) -> None:
        await real(where, records)  # type: ignore[arg-type]
        (where / "pagefind" / "pagefind-entry.json").write_text("", encoding="utf-8")

    monkeypatch.setattr(pagefind, "_index", broken)
    with pytest.raises(pagefind.PagefindError, match="does not read back"):
        index_site(site)
