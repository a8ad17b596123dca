"""Print and PDF, without a build: the whole action plan assembled as one page
(macros/build/print/plan.py, html_rewrite.py), the printed footer (footer.py), and KB_PDF and
Chromium (pdf.py, with a stand-in for Chromium). Built: tests/site/test_print.py; printed in
Chromium: tests/browser/test_print.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.build.print.footer import css_string, page_counter, print_style
from macros.build.print.html_rewrite import Rewrite, rewrite_html
from macros.build.print.pdf import PdfError, PdfJob, find_chromium, pdf_mode, render_pdfs
from macros.build.print.plan import Chapter, TitlePage, assemble, link_mapper, pdf_path, print_note
from tests.conftest import fake_chromium

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

def test_kb_pdf_modes(tmp_path: Path) -> None:
    chromium = fake_chromium(tmp_path, "exit 0")
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
    chromium = fake_chromium(tmp_path, 'printf "%%PDF-1.7 fake" > "$out"')
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
    chromium = fake_chromium(tmp_path, body)
    target = tiny_site / "p/plan.pdf"
    with pytest.raises(PdfError, match=message):
        render_pdfs(chromium, tiny_site, [PdfJob("p/", target)], timeout=1)
    assert not target.exists() and not list(tiny_site.rglob("*.part"))


def test_render_pdfs_needs_the_page_built(tmp_path: Path, tiny_site: Path) -> None:
    with pytest.raises(PdfError, match="was not built"):
        render_pdfs(fake_chromium(tmp_path, "exit 0"), tiny_site,
                    [PdfJob("saknas/", tiny_site / "x.pdf")])
