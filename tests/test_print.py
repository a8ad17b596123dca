"""Print and PDF: a routine prints as a clean checklist with a footer on every page, and the
whole action plan is one page (handlingsplan/hela-planen/) and one PDF in each language
(macros/build/print/plan.py, macros/build/print/html_rewrite.py,
macros/build/print/footer.py, macros/build/print/pdf.py, overrides/assets/kb/print.css)."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.build.print.footer import css_string, page_counter, print_style
from macros.build.print.html_rewrite import Rewrite, rewrite_html
from macros.build.print.pdf import PdfError, PdfJob, find_chromium, pdf_mode, render_pdfs
from macros.build.print.plan import Chapter, TitlePage, assemble, link_mapper, pdf_path, print_note
from tests.conftest import (
    CHROMIUM,
    FIXTURE_SITE,
    _unavailable,
    copy_project,
    mkdocs_build,
    read,
)

ROUTINE = "/rutiner/kommunledningskontoret/rutinmassiga-fragor-om-vald/"
WHOLE = {"sv": "handlingsplan/hela-planen/", "en": "en/handlingsplan/hela-planen/"}


# --- the HTML of one chapter inside the whole plan -------------------------------------------

def test_rewrite_prefixes_ids_and_what_points_at_them() -> None:
    html = ('<h2 id="syfte">Syfte<a class="headerlink" href="#syfte">&para;</a></h2>'
            '<label for="x">A &amp; B</label><input id="x">'
            '<div aria-labelledby="syfte x" aria-describedby="x">text</div>')
    out = rewrite_html(html, Rewrite(id_prefix="mal--"))
    assert 'id="mal--syfte"' in out and 'href="#mal--syfte"' in out
    assert 'for="mal--x"' in out and 'id="mal--x"' in out
    assert 'aria-labelledby="mal--syfte mal--x"' in out and 'aria-describedby="mal--x"' in out
    assert "A &amp; B" in out and "&para;" in out


def test_rewrite_shifts_headings_and_never_past_h6() -> None:
    out = rewrite_html("<h1>a</h1><h2>b</h2><h6>c</h6><p>d</p>", Rewrite(shift_headings=1))
    assert out == "<h2>a</h2><h3>b</h3><h6>c</h6><p>d</p>"


def test_rewrite_leaves_out_elements_by_class_with_their_contents() -> None:
    html = ('<p>före</p><aside class="kb-review x"><aside>inre</aside><p>datum</p></aside>'
            '<div class="kb-plan-print"><div><p>länkar</p></div></div><p>efter</p>')
    out = rewrite_html(html, Rewrite(drop_classes=frozenset({"kb-review", "kb-plan-print"})))
    assert out == "<p>före</p><p>efter</p>"


def test_rewrite_copies_unchanged_markup_byte_for_byte() -> None:
    html = ('<p class=x data-a=\'1\'>Text &lt;b&gt; &#8211; <!-- note --><br/>'
            '<code>&lt;a href="#y"&gt;</code></p><input type="checkbox" checked/>')
    assert rewrite_html(html, Rewrite(id_prefix="p--")) == html


def test_rewrite_sends_other_links_through_the_link_function() -> None:
    out = rewrite_html('<a href="../mal/">m</a><img src="bild.png" alt="">',
                       Rewrite(link=lambda url: "X" + url))
    assert 'href="X../mal/"' in out and 'src="Xbild.png"' in out


def test_links_to_chapters_become_anchors_and_others_stay_correct() -> None:
    anchors = {"handlingsplan/": "handlingsplan", "handlingsplan/mal/": "mal"}
    from_ansvar = link_mapper("handlingsplan/ansvar/", "handlingsplan/hela-planen/", anchors)
    assert from_ansvar("../mal/") == "#mal"
    assert from_ansvar("../mal/#delmal") == "#mal--delmal"
    assert from_ansvar("../") == "#handlingsplan"
    assert from_ansvar("../versioner/") == "../versioner/"  # not printed: stays a link
    assert from_ansvar("../../rutiner/x/?a=1#s") == "../../rutiner/x/?a=1#s"
    for unchanged in ("https://example.org/a", "mailto:a@b.se", "tel:112", "/abs/", ""):
        assert from_ansvar(unchanged) == unchanged
    from_index = link_mapper("handlingsplan/", "handlingsplan/hela-planen/", anchors)
    assert from_index("mal/") == "#mal"
    assert from_index("../rutiner/") == "../../rutiner/"
    assert from_index("../") == "../../"
    assert from_index("handlingsplan.pdf") == "../handlingsplan.pdf"


def _title() -> TitlePage:
    return TitlePage("Kommunen", "Planen", ["Version 2026", "Sammanställd 2026-11-24"])


def test_assemble_makes_title_page_contents_and_unique_ids() -> None:
    chapters = [
        Chapter("handlingsplan/", "Handlingsplanen",
                '<h1 id="handlingsplanen">Handlingsplanen</h1><h2 id="syfte">Syfte</h2>'
                '<p><a href="mal/#syfte">Målens syfte</a></p>'),
        Chapter("handlingsplan/mal/", "Mål",
                '<h1 id="mal">Mål</h1><aside class="kb-review">granskad</aside>'
                '<h2 id="syfte">Syfte</h2>'),
    ]
    out = assemble(chapters, "handlingsplan/hela-planen/", "sv", _title(), None)
    soup = BeautifulSoup(out, "html.parser")
    assert [h.get_text() for h in soup.find_all("h1")] == ["Planen"]
    assert [a["href"] for a in soup.select(".kb-plan__toc a")] == ["#handlingsplan", "#mal"]
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert {"handlingsplan--syfte", "mal--syfte", "mal--mal"} <= set(ids)
    assert soup.find("a", string="Målens syfte")["href"] == "#mal--syfte"
    assert "granskad" not in out  # the review notice: the footer has the date
    assert "Version 2026" in out and "Kommunen" in out
    assert "PDF" not in out  # no link to a PDF this build does not make


def test_assemble_marks_a_chapter_in_another_language() -> None:
    chapters = [Chapter("en/handlingsplan/", "Plan", "<h1>Planen</h1>", lang="sv")]
    out = assemble(chapters, "en/handlingsplan/hela-planen/", "en", _title(),
                   "../action-plan.pdf")
    soup = BeautifulSoup(out, "html.parser")
    assert soup.select_one("#handlingsplan .kb-fallback") is not None
    assert soup.select_one('#handlingsplan div[lang="sv"] h2').get_text() == "Planen"
    assert soup.select_one('.kb-plan__screen-note a')["href"] == "../action-plan.pdf"


def test_the_start_page_links_the_pdf_only_when_it_is_made() -> None:
    with_pdf = print_note("sv", "handlingsplan/index.md", "handlingsplan.pdf")
    assert "](hela-planen.md)" in with_pdf and 'href="handlingsplan.pdf"' in with_pdf
    without = print_note("en", "handlingsplan/index.en.md", None)
    assert "](hela-planen.md)" in without and ".pdf" not in without
    assert pdf_path("sv") == "handlingsplan/handlingsplan.pdf"
    assert pdf_path("en") == "en/handlingsplan/action-plan.pdf"


# --- the footer ----------------------------------------------------------------------------

def test_footer_css_cannot_break_out_of_its_string_or_style() -> None:
    text = css_string('a"b\\c</style><x>\nd')
    assert text.startswith('"') and text.endswith('"')
    assert '"' not in text[1:-1] and "<" not in text and "\n" not in text
    style = print_style("https://x.se/a/", date(2027, 9, 15), "sv")
    assert '"https://x.se/a/ · Nästa granskning senast 2027-09-15"' in style
    assert page_counter("en") == '"Page " counter(page) " of " counter(pages)'
    assert '"https://x.se/a/"' in print_style("https://x.se/a/", None, "en")


# --- KB_PDF and Chromium -------------------------------------------------------------------

def _fake_chromium(tmp_path: Path, body: str) -> Path:
    """An executable standing in for Chromium: ``$out`` is its --print-to-pdf path."""
    script = tmp_path / "chromium"
    script.write_text("#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) "
                      "out=\"${a#--print-to-pdf=}\";; esac; done\n" + body + "\n",
                      encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_kb_pdf_modes(tmp_path: Path) -> None:
    chromium = _fake_chromium(tmp_path, "exit 0")
    missing = str(tmp_path / "missing")
    assert not pdf_mode({"KB_PDF": "off", "KB_CHROMIUM": str(chromium)}).render
    assert pdf_mode({"KB_CHROMIUM": str(chromium)}).render  # auto, Chromium there
    assert pdf_mode({"KB_PDF": "ON", "KB_CHROMIUM": str(chromium)}).chromium == chromium
    auto = pdf_mode({"KB_CHROMIUM": missing})
    assert not auto.render and "KB_PDF=off" in auto.reason
    assert not pdf_mode({"KB_CHROMIUM": str(chromium)}, serving=True).render
    with pytest.raises(PdfError, match=r"Chromium was not found.*make browser.*KB_PDF=off"):
        pdf_mode({"KB_PDF": "on", "KB_CHROMIUM": missing})
    with pytest.raises(PdfError, match="use on, off or auto"):
        pdf_mode({"KB_PDF": "yes"})
    assert find_chromium({"KB_CHROMIUM": missing}) is None


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    (site / "p/index.html").write_text("<p>x</p>", encoding="utf-8")
    return site


def test_render_pdfs_moves_a_whole_pdf_into_place(tmp_path: Path, tiny_site: Path) -> None:
    chromium = _fake_chromium(tmp_path, 'printf "%%PDF-1.7 fake" > "$out"')
    target = tiny_site / "p/plan.pdf"
    render_pdfs(chromium, tiny_site, [PdfJob("p/", target)])
    assert target.read_bytes().startswith(b"%PDF-")
    assert not list(tiny_site.rglob("*.part"))


@pytest.mark.parametrize(("body", "message"), [
    ('echo "something broke" >&2; exit 3', "Chromium failed printing .*exit 3.*something broke"),
    ('printf "<html>" > "$out"', "is not a PDF"),
    ("exit 0", "wrote no PDF"),
    ('printf "%%PDF-half" > "$out"; sleep 30', "did not finish printing .* in 1 s"),
])
def test_render_pdfs_fails_clearly_and_leaves_no_pdf(tmp_path: Path, tiny_site: Path,
                                                     body: str, message: str) -> None:
    chromium = _fake_chromium(tmp_path, body)
    target = tiny_site / "p/plan.pdf"
    with pytest.raises(PdfError, match=message):
        render_pdfs(chromium, tiny_site, [PdfJob("p/", target)], timeout=1)
    assert not target.exists() and not list(tiny_site.rglob("*.part"))


def test_render_pdfs_needs_the_page_built(tmp_path: Path, tiny_site: Path) -> None:
    with pytest.raises(PdfError, match="was not built"):
        render_pdfs(_fake_chromium(tmp_path, "exit 0"), tiny_site,
                    [PdfJob("saknas/", tiny_site / "x.pdf")])


# --- a small site with a plan, built without the PDF -----------------------------------------

PLAN = {
    "index.md": "---\ntitle: Planen\n{review}order: 1\n---\n\n# Planen\n\nSe [kapitel A](a.md) "
                "och [avsnittet i B](b.md#avsnitt).\n\n{{ plan_print() }}\n",
    "index.en.md": "---\ntitle: The plan\norder: 1\n---\n\n# The plan\n\nSee [chapter A](a.md).\n\n"
                   "{{ plan_print() }}\n",
    "a.md": "---\ntitle: Kapitel A\n{review}order: 2\n---\n\n# Kapitel A\n\n## Syfte\n\n"
            "Till [start](../index.md) och [B](b.md).\n",
    "a.en.md": "---\ntitle: Chapter A\norder: 2\n---\n\n# Chapter A\n\n"
               "## Purpose { #syfte }\n\nText.\n",
    "b.md": "---\ntitle: Kapitel B\n{review}order: 3\n---\n\n# Kapitel B\n\n## Syfte\n\n"
            "## Avsnitt\n\nTillbaka till [A](a.md#syfte).\n",
    "skip.md": "---\ntitle: Bara på webben\n{review}order: 4\nprint: false\n---\n\n"
               "# Bara på webben\n",
}
REVIEW = "owner: enhetschef-barn\nlast_reviewed: 2026-01-10\nreview_interval_months: 12\n"


def add_plan(project: Path) -> Path:
    folder = project / "docs/handlingsplan"
    folder.mkdir()
    for name, text in PLAN.items():
        (folder / name).write_text(text.replace("{review}", REVIEW), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def plan_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return add_plan(copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("plan") / "project"))


@pytest.fixture(scope="module")
def plan_site(plan_project: Path) -> Path:
    """The small site with a plan, built without the PDF (KB_PDF=off)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_PDF", "off")
        result = mkdocs_build(plan_project, plan_project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The action plan's PDF and its links are left out: KB_PDF=off" in result.stderr
    return plan_project / "site"


def test_the_whole_plan_has_every_chapter_in_order_in_both_languages(plan_site: Path) -> None:
    sv = BeautifulSoup(read(plan_site, "handlingsplan/hela-planen/index.html"), "html.parser")
    assert [a.get_text() for a in sv.select(".kb-plan__toc a")] == \
        ["Planen", "Kapitel A", "Kapitel B"]  # `print: false` is left out
    assert sv.select_one("a[href='#b--avsnitt']") is not None
    assert sv.select_one("#b a[href='#a--syfte']") is not None
    assert sv.select_one("#a a[href='../../']") is not None  # the site's start page
    en = BeautifulSoup(read(plan_site, "en/handlingsplan/hela-planen/index.html"),
                       "html.parser")
    assert [a.get_text() for a in en.select(".kb-plan__toc a")] == \
        ["The plan", "Chapter A", "Kapitel B"]
    assert en.select_one('#b div[lang="sv"]') is not None  # not translated: marked
    assert en.select_one("#b .kb-fallback") is not None


def test_without_the_pdf_nothing_links_to_it(plan_site: Path) -> None:
    assert not list(plan_site.rglob("*.pdf"))
    for page in ("handlingsplan/index.html", "en/handlingsplan/index.html",
                 "handlingsplan/hela-planen/index.html"):
        html = read(plan_site, page)
        assert ".pdf" not in html, page
    assert 'href="hela-planen/"' in read(plan_site, "handlingsplan/index.html")


def test_kb_pdf_on_without_chromium_stops_the_build_with_the_fix(plan_project: Path,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    monkeypatch.setenv("KB_PDF", "on")
    monkeypatch.setenv("KB_CHROMIUM", str(tmp_path / "no-chromium"))
    result = mkdocs_build(plan_project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "KB_PDF=on but Chromium was not found" in output
    assert "make browser" in output and "KB_PDF=off" in output
    assert "Traceback" not in output


def test_a_chromium_failure_stops_the_build_without_a_pdf(plan_project: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setenv("KB_PDF", "on")
    monkeypatch.setenv("KB_CHROMIUM", str(_fake_chromium(tmp_path, "exit 5")))
    result = mkdocs_build(plan_project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "The action plan's PDF" in output and "exit 5" in output
    assert "Traceback" not in output
    assert not list((tmp_path / "site").rglob("*.pdf*"))


# --- the real site -------------------------------------------------------------------------

def test_the_whole_plan_is_not_in_the_search_index(real_site: Path) -> None:
    for index in real_site.glob("search/search_index*.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert not [d for d in docs if "hela-planen" in d["location"]], index.name


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_anchor_and_link_of_the_whole_plan_resolves(real_site: Path, lang: str) -> None:
    path = WHOLE[lang]
    soup = BeautifulSoup(read(real_site, path + "index.html"), "html.parser")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    article = soup.select_one("article")
    assert len(article.select(".kb-plan__chapter")) >= 10
    broken = []
    for link in article.find_all("a", href=True):
        href = link["href"]
        if href.startswith("#"):
            if href[1:] not in ids:
                broken.append(href)
            continue
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        target = urlsplit(urljoin("http://h/" + path, href)).path.lstrip("/")
        file = real_site / target / "index.html" if target.endswith("/") or not target \
            else real_site / target
        if not file.is_file():
            broken.append(href)
    assert not broken, broken


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_plan_start_page_links_the_whole_plan(real_site: Path, lang: str) -> None:
    start = "handlingsplan/index.html" if lang == "sv" else "en/handlingsplan/index.html"
    soup = BeautifulSoup(read(real_site, start), "html.parser")
    note = soup.select_one(".kb-plan-print")
    assert note is not None and note.select_one("a[href='hela-planen/']") is not None
    pdf = note.select_one("a[type='application/pdf']")
    if (real_site / pdf_path(lang)).is_file():
        assert pdf is not None and (real_site / start).parent.joinpath(pdf["href"]).is_file()
    else:
        assert pdf is None


# --- Chromium: print media, and the PDFs -----------------------------------------------------

def _pdf_text(data: bytes) -> list[str]:
    from pypdf import PdfReader
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def routine(page: Any, base_url: str) -> Iterator[Any]:
    """The routine in print media, its second step ticked."""
    page.goto(base_url + ROUTINE)
    page.locator("#steps ~ ul.task-list input[type=checkbox]").nth(1).check(force=True)
    page.emulate_media(media="print")
    yield page


@pytest.mark.browser
def test_print_shows_only_the_content(routine: Any) -> None:
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer", ".md-search", ".md-top", ".kb-embed-code"):
        locator = routine.locator(hidden)
        assert locator.count() == 0 or not locator.first.is_visible(), hidden
    assert routine.locator("h1").is_visible()
    table = routine.locator("#contacts ~ .kb-contacts table")
    assert table.first.is_visible()
    assert table.first.locator("thead").evaluate(
        "e => getComputedStyle(e).display") == "table-header-group"
    assert table.first.locator("tbody tr").first.evaluate(
        "e => getComputedStyle(e).breakInside") == "avoid"


@pytest.mark.browser
@pytest.mark.parametrize("path", [ROUTINE, "/handlingsplan/hela-planen/",
                                  "/en/handlingsplan/hela-planen/", "/kontakter/"])
def test_nothing_is_wider_than_the_printed_page(browser: Any, base_url: str, path: str) -> None:
    """A4 less print.css's margins is 180 mm (680 px): anything wider makes Chromium shrink
    the whole printout (a wide matrix, a long e-mail address in the contact table)."""
    context = browser.new_context(viewport={"width": 680, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + path)
        page.emulate_media(media="print")
        too_wide = page.evaluate("""() => { const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('article *')]
              .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > width + 1)
              .map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40)); }""")
        assert not too_wide, too_wide[:5]
    finally:
        context.close()


@pytest.mark.browser
def test_print_draws_the_checkboxes_and_the_tick(routine: Any) -> None:
    """Material's boxes are masks and background colours, which print drops: print.css draws
    a bordered box (::before) and, for a ticked step, a tick (::after)."""
    boxes = routine.locator("#steps ~ ul.task-list .task-list-indicator")
    style = """(el, pseudo) => { const s = getComputedStyle(el, pseudo);
        return {border: s.borderTopStyle, width: parseFloat(s.borderTopWidth),
                mask: s.maskImage || s.webkitMaskImage, content: s.content,
                tick: parseFloat(s.borderRightWidth)}; }"""
    unticked = boxes.nth(0).evaluate(style, "::before")
    assert unticked["border"] == "solid" and unticked["width"] >= 1
    assert unticked["mask"] == "none"
    assert boxes.nth(0).evaluate(style, "::after")["content"] in ("none", "normal")
    ticked = boxes.nth(1).evaluate(style, "::after")
    assert ticked["content"] not in ("none", "normal") and ticked["tick"] >= 1


@pytest.mark.browser
def test_print_footer_carries_the_address_and_the_review_date(routine: Any) -> None:
    canonical = routine.locator("link[rel=canonical]").get_attribute("href")
    review_by = routine.locator("[data-kb-review-by]").first.get_attribute("data-kb-review-by")
    margins = routine.evaluate("""() => {
        const out = [];
        // the page's own rule is a constructed sheet (assets/kb/kb.js): the CSP refuses <style>
        for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
          for (const rule of sheet.cssRules) {
            const inner = rule.cssRules ? [...rule.cssRules] : [];
            for (const r of [rule, ...inner]) {
              if (r.constructor.name === 'CSSPageRule') {
                for (const m of r.cssRules || []) { out.push(m.name + ' ' + m.style.content); }
              }
            }
          }
        }
        return out; }""")
    footer = [m for m in margins if m.startswith("bottom-left") and canonical in m]
    assert footer and review_by in footer[0], margins


@pytest.mark.browser
def test_a_printed_routine_has_its_steps_and_a_footer_on_every_page(routine: Any) -> None:
    canonical = routine.locator("link[rel=canonical]").get_attribute("href")
    review_by = routine.locator("[data-kb-review-by]").first.get_attribute("data-kb-review-by")
    steps = routine.locator("#steps ~ ul.task-list li strong").all_inner_texts()
    pages = _pdf_text(routine.pdf(prefer_css_page_size=True))
    text = _one_line(" ".join(pages))
    assert len(steps) >= 5 and all(_one_line(step) in text for step in steps)
    assert "Kvinnofridslinjen" in text  # the contact table
    for number, page_text in enumerate(pages, 1):
        flat = _one_line(page_text)
        assert canonical in flat.replace(" ", "") or canonical in flat, number
        assert review_by in flat and f"Sida {number} av {len(pages)}" in flat, number


@pytest.fixture(scope="module")
def made_pdfs(real_site: Path) -> dict[str, Path]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: the build made no PDF (KB_PDF=auto)")
    return {lang: real_site / pdf_path(lang) for lang in ("sv", "en")}


def _outline(entries: list[Any]) -> list[str]:
    """The PDF's bookmarks (Chromium makes them from the headings), in document order."""
    titles: list[str] = []
    for entry in entries:
        titles += _outline(entry) if isinstance(entry, list) else [entry.title]
    return titles


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_plan_pdf_has_every_chapter_in_order(real_site: Path, made_pdfs: dict[str, Path],
                                                 lang: str) -> None:
    from pypdf import PdfReader
    pdf = made_pdfs[lang]
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")
    assert not list(pdf.parent.glob(".*.part"))
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang and root["/MarkInfo"]["/Marked"]  # tagged, in its language
    soup = BeautifulSoup(read(real_site, WHOLE[lang] + "index.html"), "html.parser")
    assert reader.metadata.title == soup.title.get_text()
    titles = [a.get_text() for a in soup.select(".kb-plan__toc a")]
    assert len(titles) >= 10
    squeezed = [re.sub(r"\s+", "", title) for title in _outline(reader.outline)]
    positions = [squeezed.index(re.sub(r"\s+", "", title)) for title in titles]
    assert positions == sorted(positions), "chapters out of order"
    contents = _one_line(reader.pages[1].extract_text())  # title page, then the contents
    assert all(_one_line(title) in contents for title in titles)
    canonical = soup.select_one("link[rel=canonical]")["href"]
    review_by = soup.select_one("[data-kb-review-by]")["data-kb-review-by"]
    assert canonical in contents.replace(" ", "") and review_by in contents


def test_the_real_site_renders_the_pdf_only_where_chromium_is(real_site: Path) -> None:
    made = [(real_site / pdf_path(lang)).is_file() for lang in ("sv", "en")]
    expected = os.environ.get("KB_PDF", "auto") != "off" and find_chromium(os.environ) is not None
    assert made == [expected, expected]
