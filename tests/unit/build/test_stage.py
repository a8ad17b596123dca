"""`kb stage` (macros/build/stage/): every page as Markdown with the macros expanded, each
language's navigation as a plain nested nav, the manifest, and the whole plan on one page."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from macros.build.stage.expand import Expander
from macros.build.stage.facts import insert_notice, markdown_title
from macros.build.stage.manifest import Manifest
from macros.build.stage.plan import source_relative
from macros.build.stage.write import stage, with_fallbacks, with_meta
from macros.cli import main

FRONT = "---\nowner: enhetschef-barn\nlast_reviewed: 2026-01-10\nreview_by: 2090-01-01\n{}---\n"


@pytest.mark.parametrize(("markdown", "expected"), [
    ("---\ntitle: x\n---\n\n# Title\n\ntext\n", "---\ntitle: x\n---\n\n# Title\n\nN\n\n\ntext\n"),
    ("```\n# not a title\n```\n# Title\n", "```\n# not a title\n```\n# Title\n\nN\n\n"),
    ("no heading\n", "N\n\nno heading\n"),
])
def test_notice_goes_under_the_first_heading(markdown: str, expected: str) -> None:
    assert insert_notice(markdown, "N") == expected


@pytest.mark.parametrize(("markdown", "title"), [
    ("---\ntitle: Front\n---\n# Heading\n", "Front"),
    ("# Fish \\* chips {#x}\n", "Fish * chips"),
    ("# <span>A</span> &amp; B\n", "A & B"),
    ("no heading\n", ""),
])
def test_markdown_title(markdown: str, title: str) -> None:
    assert markdown_title(markdown) == title


def test_a_page_without_english_gets_the_swedish_one_with_the_notice() -> None:
    pages = with_fallbacks({"a.md": "---\ntitle: A\n---\n# A\n", "b.md": "# B\n",
                            "b.en.md": "# B en\n"})
    assert pages["b.en.md"] == "# B en\n"
    assert pages["a.en.md"].startswith("---\ntitle: A\nsearch:\n  exclude: true\n---\n")
    assert "kb-fallback" in pages["a.en.md"] and 'lang="sv" markdown' in pages["a.en.md"]
    assert "Not yet translated" in pages["a.en.md"]


def test_with_meta_adds_to_the_front_matter_or_makes_one() -> None:
    assert with_meta("---\na: 1\n---\n# X\n", {"b": "c"}) == "---\na: 1\nb: c\n---\n# X\n"
    assert with_meta("# X\n", {"b": 2}) == "---\nb: 2\n---\n\n# X\n"


@pytest.mark.parametrize(("url", "expected"), [
    ("../mal/", "mal/"),  # a chapter of the plan, from handlingsplan/hela-planen.md
    ("../../rutiner/", "../rutiner/"),
    ("#x", "#x"),
    ("https://example.org/a", "https://example.org/a"),
    ("handlingsplan.pdf", "hela-planen/handlingsplan.pdf"),
])
def test_links_of_the_whole_plan_become_relative_to_its_source(url: str, expected: str) -> None:
    body = f'<p><a href="{url}">x</a></p>'
    assert source_relative(body, "handlingsplan/hela-planen/", "handlingsplan/hela-planen.md") \
        == f'<p><a href="{expected}">x</a></p>'


def test_raw_html_links_follow_the_renderer(data_copy: Callable[[], Path]) -> None:
    """MkDocs leaves raw HTML alone (links from the page's address); Zensical rewrites it
    like Markdown links (from the source file), and English sources sit in en/."""
    project = data_copy()
    text = "<a href=\"{{ 'api/pages.json' | relative_url }}\">x</a>\n"
    link = '<a href="{}api/pages.json">x</a>\n'.format
    assert Expander(project, "address").expand("a/b.md", text) == link("../../")
    assert Expander(project, "source").expand("a/b.md", text) == link("../")
    assert Expander(project, "source").expand("b.en.md", text) == link("../")


def test_stage_writes_every_page_in_both_languages(data_copy: Callable[[], Path],
                                                   tmp_path: Path) -> None:
    project = data_copy()
    out = tmp_path / "stage"
    staged = stage(project, out, date(2026, 1, 1))
    docs = out / "docs"
    sources = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    swedish = [s for s in sources if not s.endswith(".en.md")]
    assert swedish and all(s.removesuffix(".md") + ".en.md" in sources for s in swedish)
    assert staged.pages == len(sources) and staged.fallbacks == 1
    fallback = (docs / "bara-svenska.en.md").read_text(encoding="utf-8")
    assert "kb-fallback" in fallback and "exclude: true" in fallback
    start = (docs / "index.md").read_text(encoding="utf-8")
    assert "{{" not in start and "kb-review" in start and 'data-search-exclude="true"' in start
    assert "kb_print_style:" in start  # the print footer, for the templates
    manifest = Manifest.read(out)
    by_src = {page.src: page for page in manifest.pages}
    assert set(by_src) == set(sources)
    assert by_src["bara-svenska.en.md"].fallback and not by_src["bara-svenska.en.md"].search
    routine = by_src["rutiner/socialtjanst/orosanmalan.en.md"]
    assert routine.path == "en/rutiner/socialtjanst/orosanmalan/"
    assert routine.source and routine.source.startswith("routines/")
    assert routine.review_by is not None and routine.title
    data = json.loads((out / "pages.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["pdf"] is False


def test_the_navigation_is_a_plain_nested_nav_in_our_order(data_copy: Callable[[], Path],
                                                          tmp_path: Path) -> None:
    out = tmp_path / "stage"
    stage(data_copy(), out, date(2026, 1, 1))
    navs = yaml.safe_load((out / "nav.yml").read_text(encoding="utf-8"))
    assert set(navs) == {"sv", "en"}
    sv, en = navs["sv"], navs["en"]
    assert sv[0] == "index.md" and list(sv[1]) == ["Rutiner"]  # routines right after start
    assert list(en[1]) == ["Routines"]
    departments = [next(iter(item)) for item in sv[1]["Rutiner"] if isinstance(item, dict)]
    assert departments == ["Socialtjänsten", "Skolan"]  # the organisation's order
    assert sv[1]["Rutiner"][0] == "rutiner/index.md"  # the section's index page first


def _plan(project: Path) -> None:
    plan = project / "docs" / "handlingsplan"
    plan.mkdir()
    (plan / "index.md").write_text(
        FRONT.format("title: Planen\norder: 1\n")
        + "# Planen\n\n## Vision { #vision }\n\nSe [målen](mal.md#syfte).\n\n"
          "{{ plan_print() }}\n", encoding="utf-8")
    (plan / "mal.md").write_text(
        FRONT.format("order: 2\n") + "# Mål\n\n## Syfte\n\nTill [planen](index.md#vision) "
        "och [rutinerna](../rutiner/index.md).\n", encoding="utf-8")
    (plan / "intern.md").write_text(FRONT.format("order: 3\nprint: false\n")
                                    + "# Internt\n\nInte i planen.\n", encoding="utf-8")


def test_the_whole_plan_is_one_page_of_its_chapters(data_copy: Callable[[], Path],
                                                    tmp_path: Path) -> None:
    project = data_copy()
    _plan(project)
    out = tmp_path / "stage"
    staged = stage(project, out, date(2026, 1, 1), pdf=True)
    assert staged.pdf
    whole = (out / "docs" / "handlingsplan" / "hela-planen.md").read_text(encoding="utf-8")
    assert 'id="handlingsplan"' in whole and 'id="mal"' in whole  # one section a chapter
    assert 'id="mal--syfte"' in whole and 'id="handlingsplan--vision"' in whole
    assert 'href="#mal--syfte"' in whole and 'href="#handlingsplan--vision"' in whole
    assert 'href="../rutiner/"' in whole  # from its source, handlingsplan/hela-planen.md
    assert "Internt" not in whole  # print: false
    assert 'href="handlingsplan.pdf"' in whole  # the plan's PDF, linked from the source
    assert "kb_doc_title:" in whole and whole.count('class="kb-review"') == 1
    english = (out / "docs" / "handlingsplan" / "hela-planen.en.md").read_text(encoding="utf-8")
    assert english.count("kb-fallback") == 2 and 'lang="sv"' in english  # both chapters
    assert 'href="action-plan.pdf"' in english
    start = (out / "docs" / "handlingsplan" / "index.md").read_text(encoding="utf-8")
    assert "hela-planen.md" in start and 'href="handlingsplan.pdf"' in start
    nav = yaml.safe_load((out / "nav.yml").read_text(encoding="utf-8"))["sv"]
    plan = next(item["Planen"] for item in nav if isinstance(item, dict) and "Planen" in item)
    assert plan[:3] == ["handlingsplan/index.md", "handlingsplan/mal.md",
                        "handlingsplan/intern.md"]
    page = next(p for p in Manifest.read(out).pages if p.src == "handlingsplan/hela-planen.md")
    assert page.source == "docs/handlingsplan/" and not page.search


def test_kb_stage_command(data_copy: Callable[[], Path], tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_PDF", "off")
    project = data_copy()
    run = CliRunner().invoke(main, ["--root", str(project), "stage", "--out",
                                    str(tmp_path / "out")])
    assert run.exit_code == 0, run.output
    assert "nav.yml, pages.json" in run.output
    assert (tmp_path / "out" / "pages.json").is_file()
    (project / "routines" / "roles.yml").write_text("- [broken\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--root", str(project), "stage", "--out",
                                    str(tmp_path / "out")])
    assert run.exit_code == 1 and "kb check" in run.output
