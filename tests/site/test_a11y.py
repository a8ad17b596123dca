"""Accessibility (EN 301 549 / WCAG 2.1 A and AA) in the built HTML: every checklist checkbox is
named by its text, every page has its language and Swedish text on English pages is marked
Swedish, and the accessibility statement is one link away from every page and says what is
true. axe-core and the keyboard in Chromium: tests/browser/test_a11y.py."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import read

STATEMENT = {"sv": "tillganglighet/index.html", "en": "en/tillganglighet/index.html"}


def built_pages(site: Path) -> Iterator[tuple[str, str]]:
    """(path in the site, HTML) of every built page."""
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")


def language_of(name: str) -> str:
    return "en" if name.startswith("en/") else "sv"


# --- checkboxes ---------------------------------------------------------------------------

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
