"""The last gate over the built site (macros/build/output_gate.py): what could run in a reader's
browser is found in every kind of built file, however written; the site's own scripts and
ordinary markup pass; a build that writes such a file fails, strict or not, and leaves no such
file behind (built sites: tests/site/test_output_gate.py)."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.build.output_gate import OutputGate, theme_scripts

OWN = "window.__kb=1"
OWN_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(OWN.encode()).digest()).decode() + "'"
SCRIPTS = frozenset({"assets/kb/kb.js", "assets/javascripts/bundle.x.min.js"})


def _gate() -> OutputGate:
    """A new gate each time: its cache of allowed inline scripts starts empty."""
    return OutputGate(SCRIPTS, frozenset({OWN_HASH}), "/gallande/")


def _html(fragment: str, folder: str = "rutiner/x") -> list[str]:
    return [message for message, _fix in _gate().markup(fragment.encode("utf-8"), folder)]


REFUSED = [
    ('<img src=x onerror=alert(1)>', "onerror on <img> runs script"),
    ('<IMG SRC=x ONERROR=alert(1)>', "onerror on <img> runs script"),
    ('<img src="x"onerror="alert(1)">', "onerror on <img>"),
    ("<svg/onload=alert(1)>", "onload on <svg>"),
    ("<details open ontoggle=alert(1)>", "ontoggle on <details>"),
    ('<a title="a>b" onclick="x">t</a>', "onclick on <a>"),
    ('<a title="<" onmouseover=x>t</a>', "onmouseover on <a>"),
    ("<body\tonload=x>", "onload on <body>"),
    ("<p\nonclick=x>", "onclick on <p>"),
    ('<a href="javascript:alert(1)">x</a>', "goes to javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "goes to javascript:"),
    ("<a href=javascript:alert(1)>x</a>", "goes to javascript:"),
    ('<a href=" java&#x09;script:alert(1)">x</a>', "goes to javascript:"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "goes to javascript:"),
    ('<a href="java\nscript:alert(1)">x</a>', "goes to javascript:"),
    ('<a href="javascript&colon;alert(1)">x</a>', "goes to javascript:"),
    ('<img src="data:text/html,<script>alert(1)</script>">', "goes to data:"),
    ('<form action="javascript:alert(1)"></form>', "goes to javascript:"),
    ('<button formaction="vbscript:x">b</button>', "goes to vbscript:"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "goes to javascript:"),
    ('<svg><use href="data:image/svg+xml,x"></use></svg>', "goes to data:"),
    ('<math><mi href="javascript:alert(1)">x</mi></math>', "goes to javascript:"),
    ('<img srcset="a.png 1x, javascript:alert(1) 2x">', "goes to javascript:"),
    ('<video poster="javascript:x"></video>', "goes to javascript:"),
    ('<a href="//evil.example/">x</a>', "goes to //"),
    ('<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', "goes to javascript:"),
    ('<iframe src="https://example.org"></iframe>', "<iframe> has no place"),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "srcdoc on <iframe>"),
    ('<object data="x"></object>', "<object> has no place"),
    ('<embed src="x.swf">', "<embed> has no place"),
    ('<base href="/">', "<base> has no place"),
    ('<frameset><frame src="x"></frameset>', "<frameset> has no place"),
    ('<svg><animate attributeName="href" to="x"/></svg>', "<animate> has no place"),
    ('<svg><set attributeName="href" to="x"/></svg>', "<set> has no place"),
    ("<script>alert(1)</script>", "not one of the site's own ('alert(1)')"),
    ('<script src="https://evil.example/x.js"></script>', "not one of the site's own"),
    ('<script src="//evil.example/x.js"></script>', "not one of the site's own"),
    ('<script src="../../evil.js"></script>', "not one of the site's own"),
    ('<script src="/assets/kb/kb.js"></script>', "not one of the site's own"),  # not /gallande/
    ('<script src="data:text/javascript,alert(1)"></script>', "not one of the site's own"),
    ('<script type="module">alert(1)</script>', "not one of the site's own"),
    ("<SCRIPT>alert(1)</SCRIPT>", "not one of the site's own"),
    ("<script\n>alert(1)</script>", "not one of the site's own"),
    ('<img src=x onerror=alert(1) ', "onerror on <img>"),  # "<p" of the next tag: a name
    ("<!-- <img src=x onerror=alert(1)> -->", "onerror on <img>"),  # comments: fail closed
]


@pytest.mark.parametrize(("fragment", "says"), REFUSED, ids=[c[0][:40] for c in REFUSED])
def test_found_in_html(fragment: str, says: str) -> None:
    found = _html(f"<html><body><p>Text</p>{fragment}<p>more</p></body></html>")
    assert any(says in message for message in found), found
    assert all(" / " in message for message in found)  # Swedish / English


ALLOWED = [
    '<a href="https://www.socialstyrelsen.se/">x</a> <a href="mailto:a@b.se">m</a>',
    '<a href="tel:+4612345">t</a> <a href="../annan/#rubrik">r</a> <a href="?q=a:b">q</a>',
    '<a href="#ankare" title="Obs: läs">a</a> <img src="bilder/a.png" alt="Bild: karta">',
    '<link rel="icon" href="../../assets/images/favicon.png">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta http-equiv="refresh" content="0; url=../ny/">',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 2"/></svg>',
    '<script src="../../assets/kb/kb.js" defer></script>',
    '<script src="/gallande/assets/javascripts/bundle.x.min.js?v=1"></script>',
    f"<script>{OWN}</script>",
    '<script id="__config" type="application/json">{"a": "javascript:x"}</script>',
    "<p>Text om onclick=alert(1) och javascript:alert(1) är bara text.</p>",
    "<p>Sida &lt;img src=x onerror=alert(1)&gt; och &lt;script&gt;</p>",
    "<pre><code>&lt;a href=\"javascript:x\" onclick=\"y\"&gt;</code></pre>",
    f"<script>{OWN}</script><style>a{{}}</style>",
    '<form class="md-search__form" name="search"><input type="text" name="query"></form>',
    '<a href="https://x/?a=b&amp;c=d">q</a> <a href="sida.md#a:b">s</a>',
]


@pytest.mark.parametrize("fragment", ALLOWED, ids=[c[:40] for c in ALLOWED])
def test_ordinary_markup_passes(fragment: str) -> None:
    assert _html(f"<html><body>{fragment}</body></html>") == []


def test_an_unfinished_tag_at_the_end_fails_closed() -> None:
    assert any("cannot read" in m for m in _html("<p>x</p><img src=x onerror=alert(1)"))


def test_a_script_body_holds_no_tags() -> None:
    body = f"<script>{OWN}</script>"
    assert _html(body) == []
    assert _html("<script>var a = '<img src=x onerror=alert(1)>';</script>")  # unknown script


def test_redirect_pages_may_keep_their_script_to_an_allowed_url() -> None:
    from mkdocs_redirects.plugin import HTML_TEMPLATE

    assert _html(HTML_TEMPLATE.format(url="../ny/")) == []
    found = _html(HTML_TEMPLATE.format(url="javascript:alert(1)"))
    assert any("not one of the site's own" in m for m in found), found


def _json(document: object) -> list[str]:
    return [m for m, _ in _gate().scan_file("api/x.json", json.dumps(document).encode())]


def test_json_urls_and_markup() -> None:
    assert _json({"pages": [{"url": "https://x/", "path": "rutiner/"}]}) == []
    assert _json({"title": "Obs: javascript:alert(1) i en titel"}) == []  # text, not a URL
    assert any("goes to javascript:" in m for m in _json({"url": "javascript:alert(1)"}))
    assert any("goes to data:" in m for m in _json({"links": {"web": " data:text/html,x"}}))
    assert any("goes to javascript:" in m
               for m in _json({"url": {"sv": "https://x/", "en": "java\tscript:x"}}))
    assert any("goes to //" in m for m in _json({"href": "//evil.example"}))
    index = {"docs": [{"location": "a/", "text": "<p>ok</p>"},
                      {"location": "b/", "text": '<p>x</p><img src=x onerror="alert(1)">'}]}
    assert any("onerror on <img>" in m for m in _json(index))
    split = {"docs": [{"text": "<img src=x"}, {"text": "onerror=alert(1) >"}]}
    assert any("onerror" in m for m in _json(split)), "a tag left open closes in the next text"
    assert _gate().scan_file("api/bad.json", b"{not json <script>") == []


def test_atom_content_and_links() -> None:
    feed = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
            '<link href="https://x/"/><entry><link href="javascript:alert(1)"/>'
            '<content type="html">&lt;p&gt;ok&lt;/p&gt;&lt;img src=x onerror=alert(2)&gt;'
            "</content><summary>javascript:alert(3) as text</summary></entry></feed>")
    found = [m for m, _ in _gate().scan_file("api/routines.sv.atom", feed.encode())]
    assert any("goes to javascript:" in m for m in found), found
    assert any("onerror on <img>" in m for m in found), found
    assert len(found) == 2, found
    broken = b"<feed><entry><img src=x onerror=alert(1)></feed"
    assert _gate().scan_file("x.xml", broken)  # not well-formed: read as markup


def test_theme_scripts_are_the_theme_folders_js(tmp_path: Path) -> None:
    (tmp_path / "assets" / "kb").mkdir(parents=True)
    (tmp_path / "assets" / "kb" / "a.js").write_text("", encoding="utf-8")
    (tmp_path / "assets" / "kb" / "a.css").write_text("", encoding="utf-8")
    assert theme_scripts([str(tmp_path)], ["extra/b.js", "/c.js"]) == frozenset(
        {"assets/kb/a.js", "extra/b.js", "c.js"})


def test_scan_names_each_file_and_skips_others(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p onclick=x>", encoding="utf-8")
    (tmp_path / "b.svg").write_text("<svg onload=alert(1)/>", encoding="utf-8")
    (tmp_path / "c.js").write_text("<p onclick=x>", encoding="utf-8")  # not markup
    (tmp_path / "d.json").write_text('{"url": "javascript:x"}', encoding="utf-8")
    files = [finding.file for finding in _gate().scan(tmp_path)]
    assert files == ["a/index.html", "b.svg", "d.json"]





def test_two_processes_find_the_same_as_one(tmp_path: Path) -> None:
    for number in range(230):
        text = "<p onclick=x>" if number % 50 == 7 else "<p>ok</p>"
        (tmp_path / f"p{number:03}.html").write_text(text, encoding="utf-8")
    one = _gate().scan(tmp_path)
    two = _gate().scan(tmp_path, workers=2)
    assert [f.file for f in one] == ["p007.html", "p057.html", "p107.html", "p157.html",
                                     "p207.html"]
    assert two == one
    assert all(f.message and f.fix for f in one)
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.html").write_text("<p onclick=x>", encoding="utf-8")
    assert _gate().scan(small, workers=2) == _gate().scan(small)


def test_theme_scripts_of_extra_javascript_objects(tmp_path: Path) -> None:
    @dataclass
    class Script:
        path: str

    assert theme_scripts([], [Script("/js/a.js"), Script("b.js"), "c.js"]) == frozenset(
        {"js/a.js", "b.js", "c.js"})


def test_an_unreadable_tag_is_shown() -> None:
    found = _html("<p>x</p><img src=x onerror=alert(1)" + "x" * 80)
    assert found == [
        "märkning som grinden inte kan läsa där en tagg borde börja: '<img src=x "
        "onerror=alert(1)" + "x" * 33 + "' / markup the gate cannot read where a tag should "
        "start: '<img src=x onerror=alert(1)" + "x" * 33 + "'"]


@pytest.mark.parametrize(("src", "folder", "known"), [
    ("../../assets/kb/kb.js?v=1?w#a", "rutiner/x", True),
    ("../../assets/kb/kb.js#a?b#c", "rutiner/x", True),
    ("/gallande/assets/kb/kb.js?v=1", "rutiner/x", True),
    ("/gallande/assets/kb/kb.js?v=1", "", True),
    ("assets/kb/kb.js", "", True),
    ("assets/kb/kb.js", "en", False),
    ("/assets/kb/kb.js", "", False),
    ("https:/assets/kb/kb.js", "", False),
    ("HTTPS://rutiner.example/gallande/assets/kb/kb.js", "", False),
    ("JavaScript:alert(1)//assets/kb/kb.js", "", False),
])
def test_which_script_files_are_the_sites(src: str, folder: str, known: bool) -> None:
    gate = OutputGate(SCRIPTS | {"https:/assets/kb/kb.js"}, frozenset(), "/gallande/")
    found = gate.markup(f'<script src="{src}"></script>'.encode(), folder)
    assert (found == []) is known, found


def test_scan_file_resolves_scripts_from_the_files_folder() -> None:
    page = b'<script src="../../assets/kb/kb.js"></script>'
    assert _gate().scan_file("rutiner/x/index.html", page) == []
    assert _gate().scan_file("index.html", page) != []


def test_json_urls_only_under_url_keys() -> None:
    found = _json({"url": "javascript:alert(1)", "title": "javascript: och data: i en text",
                   "items": [{"name": "vbscript: x"}]})
    assert len(found) == 1 and "goes to javascript:" in found[0]


def test_xml_names_attributes_and_tags_without_their_namespace() -> None:
    feed = ('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:x">'
            '<entry x:ONCLICK="a"><link x:href="data:x"/></entry></feed>')
    found = [m for m, _ in _gate().scan_file("a.atom", feed.encode())]
    assert found[0] == ("attributet onclick på <entry> kör skript / the attribute onclick on "
                        "<entry> runs script")
    assert len(found) == 2 and "goes to data:" in found[1]


def test_xml_texts_are_read_together() -> None:
    feed = ("<feed><title>&lt;img src=x</title><subtitle>onerror=alert(1) &gt;</subtitle>"
            "<id>a &gt; b</id></feed>")
    assert any("onerror on <img>" in m for m, _ in _gate().scan_file("a.xml", feed.encode()))
    assert _gate().scan_file("a.xml", b"<feed><id>a &gt; b</id><id>c</id></feed>") == []


def test_a_refresh_in_any_case() -> None:
    found = _html('<meta HTTP-EQUIV="Refresh" content="0;URL=javascript:alert(1)">')
    assert any("goes to javascript:" in m for m in found)
    assert _html('<meta http-equiv="content-type" content="url=javascript:x">') == []
    assert _html('<meta http-equiv="refresh">') == []
