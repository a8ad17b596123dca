"""Embedding: the embed address and code, the server settings, and what the built pages carry."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import pytest

from macros.build.embed import HOST_SCRIPT, SANDBOX, embed_code, embed_root, embed_url
from macros.render.csp import frame_ancestors
from tests.conftest import read

EMBED_MORE = {"sv": "Så fungerar inbäddning", "en": "How embedding works"}
ROUTINE = "rutiner/social-och-omsorgskontoret/orosanmalan-barn/"


@pytest.mark.parametrize(("site_url", "version", "expected"), [
    ("https://r.example.se/", None, "https://r.example.se/"),
    ("https://r.example.se", None, "https://r.example.se/"),
    ("https://r.example.se/2026/", "2026", "https://r.example.se/gallande/"),
    ("https://r.example.se/kb/2026/", "2026", "https://r.example.se/kb/gallande/"),
    ("https://r.example.se/2026/en/", "2026", "https://r.example.se/gallande/en/"),
    ("https://r.example.se/en/", "2026", "https://r.example.se/en/"),
])
def test_embeds_point_at_the_version_in_force(site_url: str, version: str | None,
                                              expected: str) -> None:
    assert embed_root(site_url, version, "gallande") == expected


def test_embed_code_frames_the_page_and_loads_the_host_script() -> None:
    code = embed_code("https://r.example.se/gallande/", "en/rutiner/a/b/", 'Say "hi" & <go>')
    assert 'src="https://r.example.se/gallande/en/rutiner/a/b/?embed=1"' in code
    assert 'title="Say &quot;hi&quot; &amp; &lt;go&gt;"' in code
    assert f'sandbox="{SANDBOX}"' in code and " data-kb-embed " in code
    assert f'<script src="https://r.example.se/gallande/{HOST_SCRIPT}" defer></script>' in code
    assert embed_url("https://x/", "a/") == "https://x/a/?embed=1"


def test_frame_ancestors_lists_the_site_and_the_intranet() -> None:
    assert frame_ancestors([]) == "frame-ancestors 'self'"
    assert frame_ancestors(["https://a.se", "https://b.se:8443"]) == \
        "frame-ancestors 'self' https://a.se https://b.se:8443"


def textarea_code(page_html: str) -> str:
    found = re.search(r'<textarea id="kb-embed-code"[^>]*>(.*?)</textarea>', page_html, re.S)
    assert found, "the page has no embed code"
    return html.unescape(found.group(1))


@pytest.mark.parametrize(("path", "lang"), [(ROUTINE, "sv"), (f"en/{ROUTINE}", "en"),
                                            ("", "sv"), ("en/kontakter/", "en")])
def test_every_page_offers_its_embed_code(real_site: Path, path: str, lang: str) -> None:
    page = read(real_site, path + "index.html")
    code = textarea_code(page)
    assert f'src="https://rutiner.upplandsvasby.se/{path}?embed=1"' in code
    assert 'script src="https://rutiner.upplandsvasby.se/assets/kb/embed-host.js"' in code
    link = re.search(rf'<a href="([^"]*)">{EMBED_MORE[lang]}</a>', page)
    assert link, "the embed box links the guide"
    guide = "inbaddning/" if lang == "sv" else "en/inbaddning/"
    assert posixpath.normpath(posixpath.join(path, link.group(1))) + "/" == guide
    # the storage guard and the embedded mode run in the head, before Material's scripts,
    # inline: a request for them would hold up the first paint (macros/render/frontend.py)
    head = page[:page.index("</head>")]
    guard = re.search(r'<script>\(function\(\)\{function memory\(\).*?</script>', head, re.S)
    assert guard and guard.start() < page.index("__md_get(")
    assert 'classList.add("kb-embed")' in guard.group(0)
    assert "/*" not in guard.group(0)  # minified


def test_the_host_script_is_published(real_site: Path) -> None:
    script = read(real_site, HOST_SCRIPT)
    assert "event.source" in script and '"kb-embed"' in script
