"""The files for intranet widgets under `api/` in the real site as built: they validate against
their published schemas, match the data and the built pages, the feeds parse and link built
pages, and every page and the guide link them."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from jsonschema import Draft202012Validator

from macros.api.schema import API_SCHEMAS, api_schema_text
from macros.model.core import KnowledgeBase
from tests.conftest import read

ATOM_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" '
                       r'href="([^"]+)">')


def parsed(feed: bytes) -> Any:
    result = feedparser.parse(feed)
    assert not result.bozo, result.get("bozo_exception")
    return result


def _load(site: Path, relative: str) -> Any:
    return json.loads(read(site, relative))


@pytest.mark.parametrize("name", API_SCHEMAS)
def test_built_files_validate_against_their_published_schemas(real_site: Path,
                                                              name: str) -> None:
    data = _load(real_site, f"api/{name}.json")
    schema_file = posixpath.normpath(posixpath.join("api", data["$schema"]))
    assert schema_file == f"api/schemas/{name}.schema.json"
    assert read(real_site, schema_file) == api_schema_text(name)
    Draft202012Validator(_load(real_site, schema_file),
                         format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)


def test_built_routines_match_the_data_and_the_built_pages(real_site: Path,
                                                           repo_kb: KnowledgeBase) -> None:
    routines = _load(real_site, "api/routines.json")["routines"]
    assert [r["id"] for r in routines] == sorted(repo_kb.routines)
    pages = {(p["lang"], p["path"]): p for p in _load(real_site, "api/pages.json")["pages"]}
    contacts = {c["id"] for c in _load(real_site, "api/contacts.json")["contacts"]}
    assert contacts == set(repo_kb.contacts)
    for routine in routines:
        for lang in ("sv", "en"):
            path = routine["path"][lang]
            assert (real_site / path / "index.html").is_file(), path
            assert pages[(lang, path)]["url"] == routine["url"][lang]
        assert set(routine["contacts"]) <= contacts
        assert routine["last_changed"] is None or routine["last_changed"] >= "2000-01-01"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_built_feed_parses_and_links_to_built_pages(real_site: Path, lang: str) -> None:
    routines = {r["url"][lang]: r for r in _load(real_site, "api/routines.json")["routines"]}
    feed = parsed((real_site / f"api/routines.{lang}.atom").read_bytes())
    assert feed.version == "atom10" and feed.feed.language == lang
    assert len(feed.entries) == len(routines)
    root = next(iter(routines)).split("rutiner/")[0].removesuffix("en/")
    assert {link.rel: link.href for link in feed.feed.links}["self"] == \
        f"{root}api/routines.{lang}.atom"
    updated = [e.updated[:10] for e in feed.entries]
    assert updated == sorted(updated, reverse=True)
    for item in feed.entries:
        routine = routines[item.link]
        assert item.updated[:10] == (routine["last_changed"] or routine["last_reviewed"])
        assert (real_site / routine["path"][lang] / "index.html").is_file()
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_every_page_links_to_the_feed_in_its_language(real_site: Path) -> None:
    titles = {"sv": "Ändrade rutiner (Atom-flöde)", "en": "Changed routines (Atom feed)"}
    records = _load(real_site, "api/pages.json")["pages"]
    assert len(records) > 100
    for record in records:
        html = read(real_site, f"{record['path']}index.html")
        links = ATOM_LINK.findall(html)
        assert len(links) == 1, record["path"]
        title, href = links[0]
        target = posixpath.normpath(posixpath.join(record["path"], href))
        assert (title, target) == (titles[record["lang"]],
                                   f"api/routines.{record['lang']}.atom"), record["path"]


def test_the_guide_for_intranet_developers_links_every_file(real_site: Path) -> None:
    for page_dir in ("api/", "en/api/"):
        html = read(real_site, f"{page_dir}index.html")
        targets = {posixpath.normpath(posixpath.join(page_dir, href))
                   for href in re.findall(r'<a href="([^"]+)"><code>', html)}
        for name in ("routines", "contacts", "pages"):
            assert f"api/{name}.json" in targets and f"api/schemas/{name}.schema.json" in targets
        assert {"api/routines.sv.atom", "api/routines.en.atom"} <= targets
