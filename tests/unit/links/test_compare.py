"""macros/links/compare.py: two builds with the same files, content links, ids and
navigation targets are the same; one page, link or anchor less is reported, readably."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.cli import main
from macros.links.compare import (
    Difference,
    compare_sites,
    format_differences,
    page_address,
    read_page,
    read_site,
)

PAGES = ("index.html", "a/index.html", "a/x/index.html", "a/y/index.html", "b/index.html")


def nav(links: list[str]) -> str:
    items = "".join(f'<li class="md-nav__item"><a href="{href}" class="md-nav__link">'
                    f"{href}</a></li>" for href in links)
    return f'<nav class="md-nav md-nav--primary"><ul class="md-nav__list">{items}</ul></nav>'


def page(content: str, nav_links: list[str] | None = None) -> str:
    return (f'<!doctype html><html><body><div class="md-sidebar md-sidebar--primary">'
            f'{nav(nav_links or [])}</div>'
            f'<div class="md-sidebar md-sidebar--secondary"><a href="#toc-only">toc</a></div>'
            f'<article class="md-content__inner md-typeset">{content}</article></body></html>')


def write_site(root: Path, pages: dict[str, str], files: tuple[str, ...] = ()) -> Path:
    for path, html in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(html, encoding="utf-8")
    for path in files:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(b"%PDF")
    return root


def full_nav(file: str) -> list[str]:
    """Every page of the site, linked from `file` (an unpruned navigation)."""
    depth = file.count("/")
    return ["../" * depth + p.removesuffix("index.html") for p in PAGES]


def pages(nav_of: object = full_nav, **changed: str) -> dict[str, str]:
    content = {p: f'<h1 id="top-{i}">Page</h1><p><a href="#top-{i}">here</a> '
                  f'<a href="https://example.org/">out</a></p>' for i, p in enumerate(PAGES)}
    content.update(changed)
    return {p: page(html, nav_of(p)) for p, html in content.items()}  # type: ignore[operator]


def test_the_same_site_has_no_differences(tmp_path: Path) -> None:
    ref = write_site(tmp_path / "ref", pages(), ("plan.pdf", "search/search_index.json"))
    cand = write_site(tmp_path / "cand", pages(), ("plan.pdf", "search/search_index.json"))
    assert compare_sites(ref, cand) == []
    assert format_differences([]) == "Same files, links, ids and navigation targets.\n"


def test_a_pruned_navigation_reaching_every_page_is_the_same(tmp_path: Path) -> None:
    def pruned(file: str) -> list[str]:  # only the page's own part, and the sections
        depth = file.count("/")
        return ["../" * depth, "../" * depth + "a/", "../" * depth + "b/",
                *(["../" * depth + file.removesuffix("index.html")] if depth else []),
                *(["../x/", "../y/"] if file.startswith("a/x") else [])]
    ref = write_site(tmp_path / "ref", pages())
    cand = write_site(tmp_path / "cand", pages(nav_of=pruned))
    assert compare_sites(ref, cand) == []


def test_a_page_that_no_page_links_in_its_navigation_is_reported(tmp_path: Path) -> None:
    def without_y(file: str) -> list[str]:
        return [href for href in full_nav(file) if not href.endswith("y/")]
    ref = write_site(tmp_path / "ref", pages())
    cand = write_site(tmp_path / "cand", pages(nav_of=without_y))
    assert compare_sites(ref, cand) == [Difference("missing_nav", "", "/a/y/")]


def test_one_page_less_and_one_file_more(tmp_path: Path) -> None:
    ref = write_site(tmp_path / "ref", pages())
    cand_pages = pages()
    del cand_pages["b/index.html"]
    cand = write_site(tmp_path / "cand", cand_pages, ("plan.pdf",))
    assert compare_sites(ref, cand) == [Difference("missing_file", "", "b/index.html"),
                                        Difference("added_file", "", "plan.pdf")]
    assert compare_sites(ref, cand, ignore=("*.pdf", "b/*")) == []


def test_one_link_changed_in_the_content(tmp_path: Path) -> None:
    ref = write_site(tmp_path / "ref", pages())
    cand = write_site(tmp_path / "cand", pages(**{
        "a/x/index.html": '<h1 id="top-2">Page</h1><p><a href="../y/#top-3">here</a> '
                          '<a href="https://example.org/">out</a></p>'}))
    assert compare_sites(ref, cand) == [
        Difference("missing_link", "a/x/index.html", "/a/x/#top-2"),
        Difference("added_link", "a/x/index.html", "/a/y/#top-3")]


def test_one_anchor_less(tmp_path: Path) -> None:
    ref = write_site(tmp_path / "ref", pages())
    cand = write_site(tmp_path / "cand", pages(**{
        "b/index.html": '<h1>Page</h1><p><a href="#top-4">here</a> '
                        '<a href="https://example.org/">out</a></p>'}))
    assert compare_sites(ref, cand) == [Difference("missing_id", "b/index.html", "top-4")]


def test_links_are_compared_where_they_lead() -> None:
    # the same target, written from a page's folder or from the site root
    relative = read_page(b'<article><a href="../b/#k">b</a><img src="../../i.png"></article>',
                         "a/x/index.html")
    absolute = read_page(b'<article><a href="/a/b/#k">b</a><img src="/i.png"></article>',
                         "a/x/index.html")
    assert relative == absolute
    assert relative.links == {"/a/b/#k", "/i.png"}


def test_only_the_content_counts_for_links_and_ids() -> None:
    html = page('<h2 id="steps">Steps</h2><a name="old"></a><!-- <a href="gone/">x</a> -->',
                ["elsewhere/"])
    found = read_page(html.encode(), "index.html")
    assert found.links == set()
    assert found.ids == {"steps", "old"}


def test_a_page_without_an_article_is_read_from_its_body(tmp_path: Path) -> None:
    redirect = ('<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../b/">'
                '</head><body><a href="../b/">moved</a></body></html>')
    assert read_page(redirect.encode(), "old/index.html").links == {"/b/"}


def test_the_navigation_is_read_over_the_whole_site(tmp_path: Path) -> None:
    site = read_site(write_site(tmp_path / "site", pages()))
    assert site.nav == {page_address(p) for p in PAGES}
    assert page_address("404.html") == "/404.html" and page_address("index.html") == "/"


def test_the_report_shows_the_first_differences_of_each_kind() -> None:
    differences = [Difference("missing_link", "a/index.html", f"/t{i}/") for i in range(4)]
    differences.append(Difference("missing_file", "", "b/index.html"))
    text = format_differences(differences, limit=2)
    assert text.splitlines() == [
        "5 difference(s) from the reference:",
        "missing file (1):", "  b/index.html",
        "missing link in the content (4):", "  a/index.html: /t0/", "  a/index.html: /t1/",
        "  … and 2 more"]
    assert format_differences(differences, limit=2, lang="sv").startswith(
        "5 skillnader mot referensen:\nfil som saknas (1):")


@pytest.mark.parametrize(("change", "code"), [(False, 0), (True, 1)])
def test_the_command_exits_1_on_a_difference(tmp_path: Path, change: bool, code: int) -> None:
    ref = write_site(tmp_path / "ref", pages())
    cand_pages = pages()
    if change:
        del cand_pages["a/y/index.html"]
    cand = write_site(tmp_path / "cand", cand_pages)
    result = CliRunner().invoke(main, ["compare-sites", str(ref), str(cand)])
    assert result.exit_code == code, result.output
    assert ("missing file (1):\n  a/y/index.html" in result.output) is change


def test_the_command_exits_2_for_a_folder_without_pages(tmp_path: Path) -> None:
    ref = write_site(tmp_path / "ref", pages())
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["compare-sites", str(ref), str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "no HTML pages" in result.output
