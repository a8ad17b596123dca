"""Embedding: the embed address and code, the server settings, and what the built pages carry."""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros.build.embed import HOST_SCRIPT, SANDBOX, embed_code, embed_root, embed_url
from macros.model.core import KnowledgeBase
from macros.render.blocks import UnknownReference
from macros.render.server import frame_ancestors, server_config
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


def _fenced(block: str, language: str) -> str:
    assert block.startswith(f"```{language}\n") and block.endswith("\n```\n")
    return block.removeprefix(f"```{language}\n").removesuffix("\n```\n")


def nginx_headers(config: str) -> dict[str, str]:
    """The headers an nginx server block adds (`add_header Name "value" always;`)."""
    found = re.findall(r'^\s*add_header ([\w-]+) "?([^";]+)"? always;$', config, re.M)
    assert len(found) == len(dict(found)), config
    return dict(found)


def nginx_csp(config: str) -> str:
    return nginx_headers(config)["Content-Security-Policy"]


def iis_csp(config: str) -> str:
    root = ET.fromstring(config.encode("utf-8"))
    headers = {h.get("name"): h.get("value")
               for h in root.iterfind("system.webServer/httpProtocol/customHeaders/add")}
    assert "X-Frame-Options" not in headers
    return str(headers["Content-Security-Policy"])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_server_settings_allow_framing_only_from_the_intranet(repo_kb: KnowledgeBase,
                                                               lang: str) -> None:
    origins = list(repo_kb.organisation.municipality.intranet_origins)
    assert origins, "organisation.yml names the intranet"
    expected = frame_ancestors(origins)
    nginx = _fenced(server_config(repo_kb, "nginx", lang), "nginx")
    assert nginx_csp(nginx) == expected
    assert nginx.count("{") == nginx.count("}")
    assert 'add_header Access-Control-Allow-Origin "*" always;' in nginx  # api/ for widgets
    assert "server_name rutiner.upplandsvasby.se;" in nginx
    # the search index and the api/ files travel compressed (issue 7)
    gzip_types = next(line for line in nginx.splitlines() if "gzip_types" in line)
    assert "gzip on;" in nginx and "application/json" in gzip_types
    iis = _fenced(server_config(repo_kb, "iis", lang), "xml")
    assert iis_csp(iis) == expected
    compression = ET.fromstring(iis).find("system.webServer/urlCompression")
    assert compression is not None and compression.get("doStaticCompression") == "true"


def test_unknown_server_kind_is_a_reference_error(repo_kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownReference, match="nginx, iis"):
        server_config(repo_kb, "apache", "sv")


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
    # the storage guard and the embedded mode run in the head, before Material's scripts
    # (a script without defer or async runs where it stands)
    head = page[:page.index("</head>")]
    guard = re.search(r'<script src="[./]*assets/kb/embed-head\.js"></script>', head)
    assert guard and guard.start() < page.index("__md_get(")
    assert 'classList.add("kb-embed")' in read(real_site, "assets/kb/embed-head.js")


def test_the_host_script_is_published(real_site: Path) -> None:
    script = read(real_site, HOST_SCRIPT)
    assert "event.source" in script and '"kb-embed"' in script


@pytest.mark.parametrize("path", ["inbaddning/", "en/inbaddning/"])
def test_the_embedding_guide_shows_both_server_settings(real_site: Path,
                                                        repo_kb: KnowledgeBase,
                                                        path: str) -> None:
    page = html.unescape(re.sub(r"<[^>]+>", "", read(real_site, path + "index.html")))
    expected = frame_ancestors(list(repo_kb.organisation.municipality.intranet_origins))
    assert f'add_header Content-Security-Policy "{expected}" always;' in page
    assert f'<add name="Content-Security-Policy" value="{expected}" />' in page
