"""Embedding: the embed address and code, and the server settings. What the built pages carry:
tests/site/test_embed.py; in Chromium: tests/browser/test_embed.py."""

from __future__ import annotations

import pytest

from macros.build.embed import HOST_SCRIPT, SANDBOX, embed_code, embed_root, embed_url
from macros.render.csp import frame_ancestors


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
