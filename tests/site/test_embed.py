"""What the built pages carry for embedding: the embed code pointing at the version in force,
the link to the guide, the inline head script, and the host script."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from macros.build.embed import HOST_SCRIPT
from tests.conftest import read, textarea_code

EMBED_MORE = {"sv": "Så fungerar inbäddning", "en": "How embedding works"}
ROUTINE = "rutiner/social-och-omsorgskontoret/orosanmalan-barn/"


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
