"""Moved pages keep their old addresses in both languages: mkdocs-redirects writes the Swedish
redirects, macros/build/redirects_i18n.py the same map under en/, in a real strict build of the
fixture project; a redirect to a page that does not exist fails the strict build."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from macros.links.internal import check_site
from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build, read

REDIRECTS = {
    "gammal-sida.md": "bara-svenska.md",  # a page that only has Swedish text
    "gamla/andringar.md": "andringar.md",  # a page with an English version, one folder up
    "gammal-rutin.md": "rutiner/socialtjanst/orosanmalan.md",  # a generated routine page
    "ankare.md": "andringar.md#vad-har-andrats",
    "extern.md": "https://example.org/ny-sida/",
}
_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')


def with_redirects(project: Path, redirects: dict[str, str]) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "redirect_maps: {}" in text
    lines = "".join(f"\n        {old}: {new}" for old, new in redirects.items())
    config.write_text(text.replace("redirect_maps: {}", f"redirect_maps:{lines}"),
                      encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = with_redirects(
        copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("redirects") / "project"), REDIRECTS)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


def redirect(site: Path, old: str) -> tuple[str, str]:
    """(the refresh URL, the built file it reaches) of the redirect page at ``old``."""
    html = read(site, f"{old}index.html")
    match = _REFRESH.search(html)
    assert match, f"{old} is not a redirect page"
    url = match.group(1)
    assert f'<link rel="canonical" href="{url}">' in html
    if url.startswith("https://"):
        return url, ""
    path = url.partition("#")[0]
    target = posixpath.normpath(posixpath.join(old, path))
    return url, ("" if target == "." else target + "/") + "index.html"


@pytest.mark.parametrize(("old", "url", "target", "lang"), [
    ("gammal-sida/", "../bara-svenska/", "bara-svenska/index.html", "sv"),
    ("en/gammal-sida/", "../bara-svenska/", "en/bara-svenska/index.html", "en"),
    ("gamla/andringar/", "../../andringar/", "andringar/index.html", "sv"),
    ("en/gamla/andringar/", "../../andringar/", "en/andringar/index.html", "en"),
    ("gammal-rutin/", "../rutiner/socialtjanst/orosanmalan/",
     "rutiner/socialtjanst/orosanmalan/index.html", "sv"),
    ("en/gammal-rutin/", "../rutiner/socialtjanst/orosanmalan/",
     "en/rutiner/socialtjanst/orosanmalan/index.html", "en"),
])
def test_old_addresses_redirect_to_the_page_in_their_language(
        site: Path, old: str, url: str, target: str, lang: str) -> None:
    assert redirect(site, old) == (url, target)
    assert (site / target).is_file()
    assert f'<html lang="{lang}"' in read(site, target)


def test_the_english_redirect_reaches_the_english_text(site: Path) -> None:
    _, target = redirect(site, "en/gamla/andringar/")
    assert "<h1" in read(site, target) and "What changed" in read(site, target)
    _, target = redirect(site, "gamla/andringar/")
    assert "Vad har ändrats" in read(site, target)


def test_a_fragment_and_an_external_target_are_kept(site: Path) -> None:
    assert redirect(site, "ankare/") == ("../andringar/#vad-har-andrats",
                                         "andringar/index.html")
    assert redirect(site, "en/ankare/")[1] == "en/andringar/index.html"
    assert redirect(site, "extern/") == ("https://example.org/ny-sida/", "")
    assert redirect(site, "en/extern/") == ("https://example.org/ny-sida/", "")


def test_redirects_break_no_link_apart_from_fragments(site: Path) -> None:
    broken = [(b.page, b.href) for b in check_site(site) if b.page != "en/ankare/"]
    assert broken == []


def test_a_fragment_is_valid_in_both_languages(site: Path) -> None:
    assert [(b.page, b.href) for b in check_site(site)] == []


def test_redirect_pages_are_not_listed_as_pages(site: Path) -> None:
    paths = {page["path"] for page in json.loads(read(site, "api/pages.json"))["pages"]}
    assert {"bara-svenska/", "en/bara-svenska/", "andringar/"} <= paths
    assert not {p for p in paths if p.startswith(("gam", "en/gam", "ankare", "extern"))}


def test_a_redirect_to_a_missing_page_fails_the_strict_build(tmp_path: Path) -> None:
    project = with_redirects(copy_project(FIXTURE_SITE, tmp_path / "project"),
                             {"gammal-sida.md": "finns-inte.md"})
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "finns-inte.md" in output and "does not exist" in output
