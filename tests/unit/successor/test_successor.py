"""The successor build (issue 21): Zensical + zensical-i18n over the pages the kb stage writes,
and its parity with ours by kind (macros/successor/, macros/links/parity.py). The build
itself: tests/site/test_successor.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.links.parity import Finding, parity, read_promises
from macros.successor.config import successor_config
from macros.successor.stage import insert_notice, with_fallbacks
from tests.conftest import ROOT


def ours_config() -> dict:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def test_config_keeps_what_zensical_understands_and_drops_our_plugins() -> None:
    config = successor_config(ours_config(), docs_dir="docs", site_dir="site",
                              custom_dir="overrides", site_url="https://kb.invalid/")
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert names == ["search", "i18n", "redirects"]  # no kb, mike, macros
    assert config["theme"]["variant"] == "classic"
    assert config["theme"]["custom_dir"] == "overrides"
    assert "macros.build.tasklist_labels" in config["markdown_extensions"]
    i18n = config["plugins"][1]["i18n"]
    assert i18n["reconfigure_material"] is False and "reconfigure_search" not in i18n
    sv, en = i18n["languages"]
    assert sv["extra"]["kb"]["labels"]["embed_title"] != en["extra"]["kb"]["labels"]["embed_title"]
    assert [a["link"] for a in en["extra"]["alternate"]] == ["../", "../en/"]
    assert en["extra"]["kb"]["not_found"][0]["lang"] == "en"
    assert en["extra"]["kb"]["site_root"] == "https://kb.invalid/"


@pytest.mark.parametrize(("markdown", "expected"), [
    ("---\ntitle: x\n---\n\n# Title\n\ntext\n", "---\ntitle: x\n---\n\n# Title\n\nN\n\n\ntext\n"),
    ("```\n# not a title\n```\n# Title\n", "```\n# not a title\n```\n# Title\n\nN\n\n"),
    ("no heading\n", "N\n\nno heading\n"),
])
def test_notice_goes_under_the_first_heading(markdown: str, expected: str) -> None:
    assert insert_notice(markdown, "N") == expected


def test_a_page_without_english_gets_the_swedish_one_with_the_notice() -> None:
    pages = with_fallbacks({"a.md": "---\ntitle: A\n---\n# A\n", "b.md": "# B\n",
                            "b.en.md": "# B en\n"})
    assert pages["b.en.md"] == "# B en\n"
    assert pages["a.en.md"].startswith("---\ntitle: A\nsearch:\n  exclude: true\n---\n")
    assert "kb-fallback" in pages["a.en.md"] and 'lang="sv" markdown' in pages["a.en.md"]
    assert "Not yet translated" in pages["a.en.md"]


def _page(folder: Path, path: str, body: str) -> None:
    file = folder / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")


def test_parity_lists_each_kind(tmp_path: Path) -> None:
    ref, cand = tmp_path / "ref", tmp_path / "cand"
    notice = '<aside class="kb-review" data-kb-review-by="2090-01-01">Granskad</aside>'
    for site in (ref, cand):
        _page(site, "index.html", '<a href="a/">a</a><h2 id="x">x</h2>' + notice)
        _page(site, "en/index.html", '<h2 id="x">x</h2>' + notice)
    _page(ref, "gone/index.html", "")
    _page(cand, "index.html", '<a href="b/">b</a><h2 id="x">x</h2>')  # no notice, other link
    (ref / "api").mkdir()
    (cand / "api").mkdir()
    (ref / "api" / "pages.json").write_text('{"generated": "1", "pages": [1]}')
    (cand / "api" / "pages.json").write_text('{"generated": "2", "pages": [1]}')
    found = parity(ref, cand)
    assert {(f.kind, f.rule) for f in found} == {
        ("pages", "page only in reference: gone/index.html"),
        ("links", "index.html: links only in reference"),
        ("links", "index.html: links only in candidate"),
        ("review notice", "notice missing"),
        ("search", "no search index in reference"),
    }
    (cand / "api" / "pages.json").write_text('{"generated": "2", "pages": [2]}')
    assert Finding("exports", "api/pages.json differs") in parity(ref, cand)


def test_promises_read_the_embed_code_and_bar() -> None:
    html = (b'<html><head><script src="../assets/kb/embed-head.js"></script></head><body>'
            b'<nav class="kb-embed-bar"><a href="../en/x/">English</a></nav>'
            b'<textarea id="kb-embed-code">&lt;iframe&gt;</textarea></body></html>')
    promises = read_promises(html, "x/index.html")
    assert promises.embed_head and promises.embed_bar == ("/en/x/",)
    assert promises.embed_code == "<iframe>"
