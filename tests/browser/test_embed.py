"""Embedding in Chromium: the published site served by nginx with the documented settings
(tests/served.py: Content-Security-Policy, frame-ancestors naming the intranet), an intranet
page on a second origin (another port) that frames it with the embed code copied from the
page itself, and a third origin the settings refuse."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from macros.build.embed import SANDBOX
from macros.links import local_server
from tests.conftest import read, textarea_code
from tests.served import RealSite

ROUTINE = "rutiner/social-och-omsorgskontoret/orosanmalan-barn/"
PRODUCTION = "https://rutiner.upplandsvasby.se/gallande/"  # the embed code's root
CHROME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search")


@pytest.fixture(scope="module")
def serve() -> Iterator[Callable[..., str]]:
    """serve(directory, headers) → http://127.0.0.1:<port>: a server per call (an origin)."""
    with ExitStack() as servers:
        yield lambda directory, headers=None: servers.enter_context(
            local_server.serve(directory, headers=headers)).rstrip("/")


@pytest.fixture(scope="module")
def base_url(nginx_real: RealSite) -> str:
    """The version in force as nginx serves it."""
    return nginx_real.base


@pytest.fixture(scope="module")
def intranet(nginx_real: RealSite) -> str:
    """The intranet on its own origin (the one the settings let frame the site); each page
    frames a page of the site with the code that page offers under "Embed this page", its
    addresses pointed at the served site."""
    folder, base_url = nginx_real.intranet_dir, nginx_real.base
    pages = {"routine": ROUTINE, "routine-en": f"en/{ROUTINE}", "start": ""}
    for name, path in pages.items():
        code = textarea_code(read(nginx_real.site, path + "index.html"))
        code = code.replace(PRODUCTION, base_url + "/")
        strict = code.replace(f'sandbox="{SANDBOX}"', 'sandbox="allow-scripts"')
        for variant, snippet in (("", code), ("-strict", strict)):
            (folder / f"{name}{variant}.html").write_text(
                '<!doctype html><html lang="sv"><meta charset="utf-8"><title>Intranät</title>'
                f"<h1>Intranätet</h1>{snippet}<p id='after'>Efter ramen</p></html>",
                encoding="utf-8")
    (folder / "plain.html").write_text(  # a frame without data-kb-embed: not resized
        '<!doctype html><html lang="sv"><meta charset="utf-8"><title>x</title>'
        f'<iframe src="{base_url}/{ROUTINE}" title="x" style="height: 300px"></iframe>'
        f'<script src="{base_url}/assets/kb/embed-host.js"></script></html>', encoding="utf-8")
    return nginx_real.intranet


def framed(page: Any) -> Any:
    """The site's frame, once the host script has sized it."""
    page.wait_for_function("() => document.querySelector('iframe[data-kb-embed]')"
                           ".style.height.endsWith('px')")
    return page.locator("iframe[data-kb-embed]").element_handle().content_frame()


def frame_height(page: Any) -> float:
    return float(page.evaluate(
        "() => document.querySelector('iframe[data-kb-embed]').getBoundingClientRect().height"))


def hidden_chrome(frame: Any) -> list[str]:
    """The site's parts that are still shown in the frame (should be none)."""
    return [s for s in CHROME if frame.evaluate(
        "(s) => { const e = document.querySelector(s);"
        " return !!e && getComputedStyle(e).display !== 'none'; }", s)]


@pytest.mark.parametrize("variant", ["", "-strict"], ids=["recommended-sandbox", "scripts-only"])
@pytest.mark.parametrize("name", ["routine", "routine-en", "start"])
def test_embedded_in_a_sandboxed_cross_origin_frame(page: Any, intranet: str,
                                                    name: str, variant: str) -> None:
    page.goto(f"{intranet}/{name}{variant}.html")
    frame = framed(page)
    assert frame.evaluate("origin") == ("null" if variant else frame.evaluate("location.origin"))
    assert frame.evaluate("location.origin") != intranet  # a real cross-origin frame
    page.wait_for_timeout(300)  # let late scripts (search, selectors) run
    assert frame.evaluate("window.__kbErrors") == []
    assert frame.evaluate("window.__kbCsp") == []  # nothing the site's policy refuses
    assert hidden_chrome(frame) == []
    assert frame.evaluate("document.documentElement.classList.contains('kb-embed')")
    # storage works (kept in memory when the sandbox forbids the real one)
    assert frame.evaluate("localStorage.setItem('k', 'v'), localStorage.getItem('k')") == "v"
    # the host script gave the frame the content's height: no inner scroll bar, no gap
    content = frame.evaluate("document.body.getBoundingClientRect().height")
    assert content > 640  # taller than the code's initial 40rem
    assert abs(frame_height(page) - content) <= 2
    lang = "en" if name.endswith("-en") else "sv"
    assert frame.evaluate("document.documentElement.lang") == lang


def test_the_height_follows_the_content(page: Any, intranet: str) -> None:
    page.goto(f"{intranet}/routine.html")
    frame = framed(page)
    before = frame_height(page)
    # the height through the CSSOM: the site's policy refuses a style="" attribute
    frame.evaluate("() => { const tall = document.createElement('div'); tall.id = 'tall';"
                   " tall.style.height = '900px';"
                   " document.querySelector('article').append(tall); }")
    page.wait_for_function(f"() => document.querySelector('iframe').getBoundingClientRect()"
                                 f".height > {before + 850}")
    frame.evaluate("document.getElementById('tall').remove()")
    page.wait_for_function(f"() => document.querySelector('iframe').getBoundingClientRect()"
                                 f".height < {before + 5}")


def test_links_stay_in_the_frame_and_other_sites_open_a_new_tab(page: Any,
                                                                intranet: str) -> None:
    page.goto(f"{intranet}/routine.html")
    frame = framed(page)
    external = frame.locator("article a[href^='https://']").first
    assert external.get_attribute("target") == "_blank"
    assert "noopener" in (external.get_attribute("rel") or "")
    other_language = frame.locator(".kb-embed-bar a[hreflang='en']")
    assert other_language.is_visible()
    assert "embed=1" in (other_language.get_attribute("href") or "")
    assert frame.locator(".kb-embed-bar a[target=_blank]").is_visible()  # the whole page
    internal = frame.locator("article > :not(.kb-embed-bar) a[href*='embed=1']").first
    target = internal.get_attribute("href") or ""
    internal.click()
    page.wait_for_function(
        "(t) => (document.querySelector('iframe').getAttribute('data-kb-url') || '')"
        ".startsWith(t.split('?')[0])", arg=target)
    frame = page.frames[1]
    assert "embed=1" in frame.url
    assert hidden_chrome(frame) == []
    assert frame.evaluate("window.__kbErrors") == []
    assert frame.evaluate("window.__kbCsp") == []


def test_only_the_embedded_frame_is_resized(page: Any, intranet: str) -> None:
    page.goto(f"{intranet}/plain.html")  # a frame without data-kb-embed
    page.wait_for_timeout(1000)
    assert page.evaluate("document.querySelector('iframe').style.height") == "300px"
    page.goto(f"{intranet}/routine.html")
    framed(page)
    before = frame_height(page)
    # a message from the host page itself (not from the frame's window) is ignored
    page.evaluate("window.postMessage({type: 'kb-embed', version: 1, height: 50}, '*')")
    page.wait_for_timeout(300)
    assert frame_height(page) == before


def test_embed_flag_outside_a_frame_and_opt_out_inside(page: Any, base_url: str,
                                                       intranet: str) -> None:
    page.goto(f"{base_url}/{ROUTINE}?embed=1")
    assert hidden_chrome(page.main_frame) == []
    page.goto(f"{base_url}/{ROUTINE}")
    assert page.locator(".md-header").is_visible()
    assert not page.locator(".kb-embed-bar").is_visible()


def test_copy_the_embed_code(browser: Any, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"{base_url}/en/{ROUTINE}")
        box = page.locator("details.kb-embed-code")
        box.locator("summary").click()
        page.get_by_role("button", name="Copy the code").click()
        page.wait_for_function("document.getElementById('kb-embed-status').textContent")  # async
        assert page.locator("#kb-embed-status").inner_text() == "The code has been copied."
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#kb-embed-code").input_value()
        assert f"/en/{ROUTINE}?embed=1" in copied and "embed-host.js" in copied
    finally:
        context.close()


def test_the_server_settings_let_only_the_intranet_frame_the_site(
        page: Any, tmp_path: Path, nginx_real: RealSite, serve: Callable[..., str]) -> None:
    """nginx's frame-ancestors: the intranet may frame the site, another origin may not; and
    CORS lets the intranet read api/, nothing else."""
    site = nginx_real.base
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other = serve(other_dir)
    frame_page = ('<!doctype html><html lang="sv"><title>x</title>'
                  f'<iframe src="{site}/{ROUTINE}" title="x"></iframe></html>')
    (nginx_real.intranet_dir / "frame.html").write_text(frame_page, encoding="utf-8")
    (other_dir / "index.html").write_text(frame_page, encoding="utf-8")
    page.goto(nginx_real.intranet + "/frame.html")
    page.wait_for_timeout(500)
    assert re.match(r"Orosanmälan", page.frames[1].locator("h1").inner_text())
    # an intranet widget may read the exports from the browser, not the rest of the site
    routines = page.evaluate(f"fetch('{site}/api/routines.json').then(r => r.json())")
    assert routines["routines"]
    refused = page.evaluate(f"fetch('{site}/search/search_index.json')"
                            ".then(() => 'read', () => 'refused')")
    assert refused == "refused"
    page.goto(other + "/")
    page.wait_for_timeout(500)
    framed_elsewhere = page.frames[1]
    assert framed_elsewhere.url.startswith("chrome-error://")  # refused by the browser
    assert "Orosanmälan" not in framed_elsewhere.content()
