"""Accessibility (EN 301 549 / WCAG 2.2 A and AA): axe-core (the current npm release, WCAG 2.0,
2.1 and 2.2 A/AA and best practices) on every page type in both languages, on a desktop and
on a phone, with every result axe cannot decide explained in the accessibility statement; a
keyboard-only path, the language of every page and of Swedish text on English pages, and
the accessibility statement one link away from every page. Targets and reflow on a phone:
tests/test_phone.py."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests import axe
from tests.conftest import read
from tests.page_types import ROUTINE
from tests.served import RealSite
from tests.site_tour import DESKTOP, PHONE, search_by_keyboard, tour

STATEMENT = {"sv": "tillganglighet/index.html", "en": "en/tillganglighet/index.html"}
CHECKBOX = ".task-list-item input[type=checkbox]"


def built_pages(site: Path) -> Iterator[tuple[str, str]]:
    """(path in the site, HTML) of every built page."""
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")


def language_of(name: str) -> str:
    return "en" if name.startswith("en/") else "sv"


# --- axe ------------------------------------------------------------------------------------

DEVICES = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.browser
@pytest.mark.parametrize("device", DEVICES)
def test_axe_finds_no_violations_on_any_page_type(browser: Any, nginx_real: RealSite,
                                                  device: str) -> None:
    """The published site as nginx serves it with the documented settings (tests/served.py)."""
    problems: list[str] = []
    for stop in tour(browser, nginx_real.base, nginx_real.site, DEVICES[device]):
        problems += [f"{stop.visit.label}: {line}" for line in stop.violations]
        problems += [f"{stop.visit.label}: script error {error}" for error in stop.errors]
    assert not problems, f"axe {axe.installed_version()} violations:\n" + "\n".join(problems)


def test_axe_is_the_pinned_npm_release() -> None:
    axe.axe_source()  # skips with the reason when npm ci has not run
    assert axe.installed_version() == axe.pinned_version(), "run npm ci"


def explained_rules(html: str) -> dict[str, str]:
    """axe rule → the reason the statement gives, from its list under the heading with
    id ``axe-incomplete``."""
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(id="axe-incomplete")
    listing = heading.find_next("ul") if heading else None
    if listing is None:
        return {}
    return {item.code.get_text(): item.get_text(" ", strip=True)
            for item in listing.find_all("li", recursive=False) if item.code}


@pytest.mark.browser
@pytest.mark.parametrize("device", DEVICES)
def test_what_axe_cannot_decide_is_explained_in_the_statement(
        browser: Any, nginx_real: RealSite, device: str) -> None:
    """Each rule axe leaves "incomplete" (it needs a person to judge) is listed, with the
    reason, in the accessibility statement of both languages."""
    stops = tour(browser, nginx_real.base, nginx_real.site, DEVICES[device])
    seen: dict[str, list[str]] = {}
    for stop in stops:
        for line in stop.incomplete:
            seen.setdefault(line.split(" ", 1)[0], []).append(f"{stop.visit.label}: {line}")
    for page in STATEMENT.values():
        listed = explained_rules(read(nginx_real.site, page))
        assert all(len(reason) > 40 for reason in listed.values()), listed
        missing = {rule: lines[:3] for rule, lines in seen.items() if rule not in listed}
        assert not missing, f"not explained in {page}:\n" + "\n".join(
            line for lines in missing.values() for line in lines)


_TASK = re.compile(r'<input type="checkbox" aria-labelledby="(kb-task-\d+)"')
_ANY_TASK = re.compile(r'<li class="task-list-item">')


def text_of_span(html: str, ident: str) -> str:
    """The text from <span id="ident"> to the end of its list item (tags removed)."""
    marker = f'<span id="{ident}">'
    start = html.find(marker)
    if start < 0:
        return ""
    rest = re.split(r"</li>|<ul|<ol", html[start + len(marker):start + 4000], maxsplit=1)[0]
    return re.sub(r"<[^>]+>", "", rest).strip()


def test_every_checkbox_is_named_by_its_text(real_site: Path) -> None:
    """axe checks one routine; this, every checklist of the site (macros.build.tasklist_labels)."""
    unnamed: list[str] = []
    count = 0
    for name, html in built_pages(real_site):
        named = _TASK.findall(html)
        count += len(named)
        if len(named) != len(_ANY_TASK.findall(html)):
            unnamed.append(f"{name}: {len(_ANY_TASK.findall(html)) - len(named)} without a name")
        unnamed += [f"{name}: {ident} has no text" for ident in named
                    if not text_of_span(html, ident)]
    assert count > 100
    assert not unnamed, "checkboxes without a name:\n" + "\n".join(unnamed[:20])


# --- keyboard -------------------------------------------------------------------------------

def focused(page: Any, selector: str) -> bool:
    return bool(page.evaluate("(s) => !!document.activeElement?.matches(s)", selector))


def tab_to(page: Any, selector: str, limit: int = 300) -> None:
    """Press Tab until the focus is on an element matching selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def skip_to_content(page: Any) -> None:
    """Tab: the skip link comes first and shows; Enter: the next Tab is in the content."""
    page.keyboard.press("Tab")
    assert focused(page, "a.md-skip"), "the first Tab stop is not the skip link"
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    box = page.locator("a.md-skip").bounding_box()
    assert box and box["width"] > 0 and box["y"] >= 0, "the focused skip link is not on screen"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page, ".md-content *"), "after the skip link, Tab is not in the content"


def focus_ring(checkbox: Any) -> dict[str, Any]:
    """The ring drawn around the custom checkbox (the ::after of its indicator)."""
    return dict(checkbox.evaluate("""(box) => {
        const s = getComputedStyle(box.nextElementSibling, '::after');
        return {content: s.content, style: s.outlineStyle,
                width: s.content === 'none' || s.outlineStyle === 'none'
                       ? 0 : parseFloat(s.outlineWidth)};
    }"""))


@pytest.mark.browser
def test_keyboard_only_path(page: Any, base_url: str) -> None:
    """Skip link, search, open a routine, tick a checklist item: page.keyboard only."""
    page.goto(base_url + "/")
    skip_to_content(page)
    search_by_keyboard(page, "orosanmälan")
    page.keyboard.press("ArrowDown")
    assert focused(page, "a.md-search-result__link"), "ArrowDown did not reach the results"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0] == base_url + ROUTINE  # ?h=…: the words found, highlighted
    skip_to_content(page)
    tab_to(page, CHECKBOX)
    box = page.evaluate_handle("() => document.activeElement")
    assert not box.is_checked()
    page.keyboard.press("Space")
    assert box.is_checked(), "Space did not tick the checkbox"
    # 2.4.7: Material hides the real checkbox; the box it draws shows the focus ring
    assert focus_ring(box)["width"] >= 2, focus_ring(box)
    page.keyboard.press("Tab")
    assert focus_ring(box)["content"] == "none", "the ring stays after the focus has left"


# --- language -------------------------------------------------------------------------------

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=\"([^\"]*)\"")


def test_every_page_has_the_language_of_its_site(real_site: Path) -> None:
    wrong: list[str] = []
    for name, html in built_pages(real_site):
        match = _HTML_LANG.search(html)
        lang = match.group(1) if match else None
        # 404.html: Swedish, with the English text marked lang="en"; en/404.html: English
        expected = {language_of(name)}
        if lang not in expected:
            wrong.append(f"{name}: lang={lang!r}, expected {' or '.join(sorted(expected))}")
    assert not wrong, "\n".join(wrong)


# Text with no English in tests/fixtures/site: a routine's title and summary, a step, a page
SWEDISH_ONLY = ("Delvis översatt rutin", "Bara svensk text i titeln", "Utred inte själv",
                "Bara svenska", "Bara på svenska", "Den här sidan saknar engelsk version",
                "Svenska")
NOT_READ_AS_TEXT = {"title", "script", "style", "textarea"}  # <title> cannot mark a part


def test_swedish_text_on_english_pages_is_marked_swedish(small_site: Path) -> None:
    unmarked: list[str] = []
    found = 0
    for name, html in built_pages(small_site / "en"):
        soup = BeautifulSoup(html, "html.parser")
        for text in soup.find_all(string=lambda s: any(w in s for w in SWEDISH_ONLY)):
            if text.parent is None or text.parent.name in NOT_READ_AS_TEXT:
                continue
            found += 1
            lang = next((p.get("lang") for p in text.parents if p.get("lang")), None)
            if lang != "sv":
                where = text.parent.get("class") or text.parent.name
                unmarked.append(f"en/{name}: {text.strip()!r} in {where}")
    assert found > 10  # navigation, header, content, language switch …
    assert not unmarked, "Swedish text without lang=\"sv\":\n" + "\n".join(unmarked)


# --- accessibility statement -----------------------------------------------------------------

_FOOTER_LINK = re.compile(r'<footer\b.*?<a href="([^"]*)" class="kb-footer-link">\s*(\S[^<]*?)'
                          r"\s*</a>", re.S)
_REDIRECT = re.compile(r'<meta\s+http-equiv="refresh"', re.I)


def test_statement_is_linked_from_every_page(real_site: Path) -> None:
    problems: list[str] = []
    texts = {"sv": "Tillgänglighetsredogörelse", "en": "Accessibility statement"}
    for name, html in built_pages(real_site):
        if _REDIRECT.search(html):
            continue
        match = _FOOTER_LINK.search(html)
        if match is None:
            problems.append(f"{name}: no link to the accessibility statement in the footer")
            continue
        href, text = match.groups()
        if href.startswith("/"):  # 404.html: absolute, as it is served at any address
            target = href.lstrip("/")
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), href))
        target = (target.rstrip("/") + "/index.html").lstrip("/")
        lang = language_of(name)  # 404.html: Swedish
        if target != STATEMENT[lang] or text != texts[lang]:
            problems.append(f"{name}: the statement link is {text!r} → {target}")
    assert not problems, "\n".join(problems)
    assert all((real_site / page).is_file() for page in STATEMENT.values())


@pytest.mark.parametrize(("lang", "texts"), [
    ("sv", ["delvis förenlig", "WCAG 2.1", "EN 301 549", "DIGG", "Rapportera brister",
            "axe", "tangentbord", "PDF", "intranät"]),
    ("en", ["partially compliant", "WCAG 2.1", "EN 301 549", "DIGG", "Report a problem",
            "axe", "keyboard", "PDF", "intranet"]),
])
def test_statement_says_what_is_true(real_site: Path, lang: str, texts: list[str]) -> None:
    html = read(real_site, STATEMENT[lang])
    article = BeautifulSoup(html, "html.parser").select_one("article")
    assert article is not None
    text = article.get_text(" ").casefold()
    assert [t for t in texts if t.casefold() not in text] == []
    assert 'href="../kontakter/"' in html  # how to report: the contacts page
    assert 'href="../handlingsplan/"' in html  # where the printable plan and the PDF are
