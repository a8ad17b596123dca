"""Front-end weight in the built site (macros/render/frontend.py): nothing holds up the first
paint but the stylesheets the page needs, and the site's own CSS and JS are minified."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, read

_SCRIPT_SRC = re.compile(r"<script\b[^>]*\ssrc=[^>]*>", re.I)
_STYLESHEET = re.compile(r'<link\b[^>]*rel="stylesheet"[^>]*>', re.I)


@pytest.mark.parametrize("path", ["index.html", "en/rutiner/index.html", "404.html",
                                  "rutiner/social-och-omsorgskontoret/orosanmalan-barn/index.html"])
def test_only_stylesheets_block_the_first_paint(real_site: Path, path: str) -> None:
    page = read(real_site, path)
    scripts = _SCRIPT_SRC.findall(page)
    assert scripts and all(re.search(r"\s(defer|async)\b", tag) for tag in scripts), scripts
    sheets = _STYLESHEET.findall(page)
    printing = [tag for tag in sheets if "print.css" in tag]
    assert printing and all('media="print"' in tag for tag in printing)


@pytest.mark.parametrize("name", ["kb.css", "print.css", "embed.css", "kb.js", "embed.js",
                                  "embed-host.js", "embed-head.js"])
def test_own_assets_are_minified(real_site: Path, name: str) -> None:
    source = (ROOT / "overrides" / "assets" / "kb" / name).read_text(encoding="utf-8")
    built = read(real_site, f"assets/kb/{name}")
    assert "/*" in source and "/*" not in built
    assert len(built) < 0.8 * len(source)
