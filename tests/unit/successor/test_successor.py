"""The successor build (issue 21), its parts without a build: the configuration Zensical gets,
parity by kind (macros/links/parity.py), the promises and search indexes it reads. The build
itself: tests/site/test_successor.py."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from macros.cli import main
from macros.links.parity import Finding, parity
from macros.links.promises import read_promises
from macros.links.search_index import search_index
from macros.successor.config import successor_config
from tests.conftest import ROOT


def ours_config() -> dict:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def test_config_keeps_what_zensical_understands_and_drops_our_plugins() -> None:
    navs = {"sv": ["index.md", {"Rutiner": ["rutiner/index.md"]}], "en": ["index.md"]}
    config = successor_config(ours_config(), docs_dir="docs", site_dir="site",
                              custom_dir="overrides", site_url="https://kb.invalid/",
                              navs=navs)
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert names == ["search", "i18n"]  # no kb, mike, macros; no redirects without any
    assert config["theme"]["variant"] == "classic"
    assert config["theme"]["custom_dir"] == "overrides"
    assert "macros.build.tasklist_labels" in config["markdown_extensions"]
    i18n = config["plugins"][1]["i18n"]
    assert i18n["reconfigure_material"] is False and "reconfigure_search" not in i18n
    sv, en = i18n["languages"]
    assert sv["nav"] == navs["sv"] and en["nav"] == navs["en"]  # each language its own
    assert sv["extra"]["kb"]["labels"]["embed_title"] != en["extra"]["kb"]["labels"]["embed_title"]
    assert [a["link"] for a in en["extra"]["alternate"]] == ["../", "../en/"]
    assert en["extra"]["kb"]["not_found"][0]["lang"] == "en"
    assert en["extra"]["kb"]["site_root"] == "https://kb.invalid/"


def test_config_keeps_redirects_that_exist() -> None:
    ours = ours_config()
    for entry in ours["plugins"]:
        if isinstance(entry, dict) and "redirects" in entry:
            entry["redirects"]["redirect_maps"] = {"old.md": "index.md"}
    config = successor_config(ours, docs_dir="docs", site_dir="site", custom_dir="o",
                              site_url="https://kb.invalid/")
    assert {"redirects": {"redirect_maps": {"old.md": "index.md"}}} in config["plugins"]


def _page(folder: Path, path: str, body: str, head: str = "") -> None:
    file = folder / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<html><head>{head}</head><body><article>{body}</article></body></html>",
                    encoding="utf-8")


def test_parity_lists_each_kind(tmp_path: Path) -> None:
    ref, cand = tmp_path / "ref", tmp_path / "cand"
    notice = '<aside class="kb-review" data-kb-review-by="2090-01-01">Granskad</aside>'
    for site in (ref, cand):
        _page(site, "index.html", '<a href="a/">a</a><h2 id="x">x</h2>' + notice)
        _page(site, "en/index.html", '<h2 id="x">x</h2>' + notice)
    _page(ref, "gone/index.html", "")
    _page(cand, "index.html", '<a href="b/">b</a><h2 id="x">x</h2>',  # no notice, other link
          head="<script>alert(1)</script>")
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
        ("csp", "inline scripts the reference's pages do not run"),
        *(("search", f"no search index in {side} ({lang})")
          for side in ("reference", "candidate") for lang in ("sv", "en")),
    }
    (cand / "api" / "pages.json").write_text('{"generated": "2", "pages": [2]}')
    assert Finding("exports", "api/pages.json differs") in parity(ref, cand)


def test_promises_read_the_embed_code_bar_and_head_script() -> None:
    html = (b'<html><head><script src="../assets/kb/embed-head.js"></script></head><body>'
            b'<nav class="kb-embed-bar"><a href="../en/x/">English</a></nav>'
            b'<textarea id="kb-embed-code">&lt;iframe style="x"&gt;</textarea></body></html>')
    promises = read_promises(html, "x/index.html")
    assert promises.embed_head and promises.embed_bar == ("/en/x/",)
    assert promises.embed_code == '<iframe style="x">' and not promises.styled
    inline = b'<html><head><script>a.classList.add("kb-embed")</script></head></html>'
    assert read_promises(inline, "index.html").embed_head  # inline, as our build has it
    styled = b'<html><body><p style="color: red">x</p></body></html>'
    assert read_promises(styled, "index.html").styled


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_search_indexes_of_every_engine_read_alike(tmp_path: Path) -> None:
    lunr, zensical, pagefind = tmp_path / "lunr", tmp_path / "zensical", tmp_path / "pf"
    _write_json(lunr / "search" / "search_index.en.json",
                {"docs": [{"location": "en/x/#a", "text": "t"}]})
    _write_json(zensical / "en" / "search.json", {"items": [{"location": "x/#a", "text": "t"}]})
    _write_json(pagefind / "pagefind" / "pagefind-entry.json", {"languages": {"en": {}}})
    _write_json(pagefind / "search" / "search_index.en.json", {"docs": []})  # left empty
    fragment = pagefind / "pagefind" / "fragment" / "en_1.pf_fragment"
    fragment.parent.mkdir(parents=True)
    fragment.write_bytes(gzip.compress(b"pagefind_dcd" + json.dumps(
        {"url": "/en/x/", "content": "t"}).encode()))
    found = {site.name: search_index(site, "en") for site in (lunr, zensical, pagefind)}
    assert {name: index.engine for name, index in found.items() if index} == {
        "lunr": "lunr", "zensical": "zensical", "pf": "pagefind"}
    assert {index.pages for index in found.values() if index} == {frozenset({"/en/x/"})}
    assert search_index(lunr, "sv") is None


def test_compare_sites_by_kind(tmp_path: Path) -> None:
    ref, cand = tmp_path / "ref", tmp_path / "cand"
    for site in (ref, cand):
        _page(site, "index.html", "<p>x</p>")
    _page(cand, "new/index.html", "<p>y</p>")
    run = CliRunner().invoke(main, ["compare-sites", "--by-kind", "--lang", "sv",
                                    str(ref), str(cand)])
    assert run.exit_code == 1
    assert "sidor:\n  page only in candidate: new/index.html [1]" in run.output
    assert "sökning:" in run.output
    for site in (ref, cand):
        _write_json(site / "search" / "search_index.json", {"docs": [{"location": ""}]})
        _write_json(site / "search" / "search_index.en.json", {"docs": []})
    (cand / "new" / "index.html").unlink()
    run = CliRunner().invoke(main, ["compare-sites", "--by-kind", str(ref), str(cand)])
    assert run.exit_code == 0, run.output
    assert "No differences of any kind." in run.output
