"""The files for intranet widgets under `api/`: routines, contacts and pages as JSON with their
JSON Schemas, and an Atom feed of the routines per language, on the fixture data. The real
site as built: tests/site/test_api.py."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import pytest
from jsonschema import Draft202012Validator

from macros.api.data import (
    SiteAddress,
    contacts_export,
    pages_export,
    routines_export,
)
from macros.api.export import json_bytes, write_exports
from macros.api.feed import FeedSite, plain_text, routine_feed, stable_id
from macros.api.models import PageRecord, RoutineEntry
from macros.api.schema import API_SCHEMAS, api_schema_path, api_schema_text
from macros.load.git_dates import ChangeDates
from macros.model.core import KnowledgeBase
from tests.conftest import ROOT

SITE = SiteAddress("https://rutiner.testby.example/2026")
BUILT = date(2026, 11, 24)
LEGACY_PAGE_FIELDS = {"title", "url", "path", "lang", "owner", "owner_title", "last_reviewed",
                      "review_by", "source", "last_changed"}


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads(api_schema_text(name)),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_json(document: Any) -> Any:
    return json.loads(json_bytes(document))


def no_dates(_source: str) -> date | None:
    return None


def page(path: str, lang: str = "sv", **changes: Any) -> PageRecord:
    values: dict[str, Any] = {
        "title": path or "Start", "url": f"{SITE.root}{path}", "path": path, "lang": lang,
        "owner": "samordnare", "owner_title": "Samordnare", "last_reviewed": date(2026, 1, 1),
        "review_by": date(2027, 1, 1), "source": "docs/index.md", "last_changed": None}
    return PageRecord(**{**values, **changes})


# --- schemas ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", API_SCHEMAS)
def test_committed_schema_is_the_generated_one(name: str) -> None:
    path = api_schema_path(ROOT, name)
    assert path.exists(), f"{path} is missing: run `kb schema`"
    assert path.read_text(encoding="utf-8") == api_schema_text(name), "run `kb schema`"


@pytest.mark.parametrize("name", API_SCHEMAS)
def test_schema_is_valid_2020_12_and_requires_every_field(name: str) -> None:
    schema = json.loads(api_schema_text(name))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"{name}.schema.json"
    assert set(schema["required"]) == {"$schema", "version", "generated", name}
    for definition in schema["$defs"].values():  # null when empty, never left out
        assert set(definition.get("required", [])) == set(definition["properties"])


# --- routines.json and contacts.json on the fixture data ----------------------------------


def test_site_address_paths_follow_mkdocs() -> None:
    assert SITE.page_path("rutiner/x/y.md", "sv") == "rutiner/x/y/"
    assert SITE.page_path("rutiner/x/y.md", "en") == "en/rutiner/x/y/"
    assert SITE.page_path("rutiner/index.md", "en") == "en/rutiner/"
    assert SITE.absolute("en/rutiner/") == "https://rutiner.testby.example/2026/en/rutiner/"
    flat = SiteAddress("https://a.example/", directory_urls=False)
    assert flat.page_path("rutiner/x/y.md", "sv") == "rutiner/x/y.html"
    assert flat.page_path("rutiner/index.md", "en") == "en/rutiner/index.html"


def test_routines_json_describes_each_routine(fixture_kb: KnowledgeBase) -> None:
    def changed_on(source: str) -> date | None:
        return date(2026, 3, 4) if source.endswith("orosanmalan.yml") else None

    data = as_json(routines_export(fixture_kb, SITE, changed_on, BUILT))
    validator("routines").validate(data)
    assert (data["$schema"], data["version"], data["generated"]) == (
        "schemas/routines.schema.json", 1, "2026-11-24")
    by_id = {r["id"]: r for r in data["routines"]}
    assert list(by_id) == sorted(fixture_kb.routines)
    routine = by_id["orosanmalan"]
    assert routine["path"] == {"sv": "rutiner/socialtjanst/orosanmalan/",
                               "en": "en/rutiner/socialtjanst/orosanmalan/"}
    assert routine["url"]["en"] == SITE.root + routine["path"]["en"]
    assert routine["department"]["id"] == "socialtjanst" and routine["unit"]["id"]
    assert routine["owner"]["title"]["sv"]
    assert routine["contacts"] == ["mottagning", "kvinnofridslinjen"]
    assert [t["id"] for t in routine["tags"]] == ["orosanmalan"]
    assert routine["last_changed"] == "2026-03-04"
    untranslated = by_id["delvis-oversatt"]
    assert untranslated["title"]["en"] is None and untranslated["unit"] is None
    assert untranslated["last_changed"] is None
    assert untranslated["review_by"] == fixture_kb.routines["delvis-oversatt"].review \
        .review_by.isoformat()


def test_contacts_json_lists_contacts_in_data_order(fixture_kb: KnowledgeBase) -> None:
    data = as_json(contacts_export(fixture_kb, BUILT))
    validator("contacts").validate(data)
    assert [c["id"] for c in data["contacts"]] == list(fixture_kb.contacts)
    national, internal = data["contacts"]
    assert national["scope"] == "national" and national["department"] is None
    assert internal["department"]["name"]["sv"]
    assert all(set(c) == set(national) for c in data["contacts"])  # every field, null or not


def test_pages_json_keeps_its_fields_and_orders_swedish_first() -> None:
    records = [page("en/b/", "en"), page("b/"), page(""), page("en/", "en")]
    data = as_json(pages_export(records, BUILT))
    validator("pages").validate(data)
    assert [p["path"] for p in data["pages"]] == ["", "b/", "en/", "en/b/"]
    assert set(data["pages"][0]) == LEGACY_PAGE_FIELDS
    assert data["pages"][0]["last_changed"] is None


def test_a_wrong_value_fails_the_schema(fixture_kb: KnowledgeBase) -> None:
    data = as_json(routines_export(fixture_kb, SITE, no_dates, BUILT))
    del data["routines"][0]["review_by"]
    data["routines"][1]["adopted_on"] = "2026-13-45"
    errors = sorted(e.message for e in validator("routines").iter_errors(data))
    assert any("review_by" in e for e in errors) and any("2026-13-45" in e for e in errors)


# --- the feed -----------------------------------------------------------------------------


def entry(routine_id: str, changed: date | None, reviewed: date, **changes: Any) -> RoutineEntry:
    text = {"sv": f"Rutin {routine_id}", "en": None}
    values: dict[str, Any] = {
        "id": routine_id, "title": text,
        "summary": {"sv": "Ring **genast** [socialtjänsten](https://a.example/) & <vänta>",
                    "en": None},
        "department": {"id": "socialtjanst", "name": text}, "unit": None,
        "municipality_wide": False, "audience": text, "owner": {"id": "chef", "title": text},
        "adopted_on": date(2025, 1, 1), "decision_ref": "SN 1", "last_reviewed": reviewed,
        "review_by": date(2027, 1, 1), "last_changed": changed, "tags": [],
        "url": {"sv": f"{SITE.root}rutiner/socialtjanst/{routine_id}/",
                "en": f"{SITE.root}en/rutiner/socialtjanst/{routine_id}/"},
        "path": {"sv": f"rutiner/socialtjanst/{routine_id}/",
                 "en": f"en/rutiner/socialtjanst/{routine_id}/"},
        "contacts": [], "example": False}
    values.update(changes)
    return RoutineEntry.model_validate(values)


FEED_SITE = FeedSite(root=SITE.root, publisher="Testby kommun",
                     index_url=SITE.root + "rutiner/")


def parsed(feed: bytes) -> Any:
    result = feedparser.parse(feed)
    assert not result.bozo, result.get("bozo_exception")
    return result


def test_feed_is_valid_atom_newest_change_first() -> None:
    entries = [entry("a", None, date(2026, 5, 1)),  # unknown change: its review date counts
               entry("b", date(2026, 9, 1), date(2026, 1, 1)),
               entry("c", date(2026, 2, 1), date(2026, 1, 1))]
    feed = parsed(routine_feed(entries, "sv", FEED_SITE))
    assert [e.link for e in feed.entries] == [e.url.sv for e in (entries[1], entries[0],
                                                                  entries[2])]
    assert [e.updated[:10] for e in feed.entries] == ["2026-09-01", "2026-05-01", "2026-02-01"]
    assert feed.feed.updated[:10] == "2026-09-01"
    assert feed.feed.title == "Ändrade rutiner – Testby kommun"
    assert feed.feed.author == "Testby kommun" and feed.feed.language == "sv"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"self": SITE.root + "api/routines.sv.atom",
                     "alternate": SITE.root + "rutiner/"}
    assert feed.entries[0].summary == "Ring genast socialtjänsten & <vänta>"
    assert feed.entries[0].published[:10] == "2025-01-01"


def test_english_feed_falls_back_to_swedish_text_and_links_english_pages() -> None:
    feed = parsed(routine_feed([entry("a", None, date(2026, 5, 1))], "en", FEED_SITE))
    assert feed.feed.title == "Changed routines – Testby kommun"
    assert feed.entries[0].title == "Rutin a"
    assert feed.entries[0].link.endswith("/en/rutiner/socialtjanst/a/")


def test_entry_ids_are_stable_per_routine_and_language() -> None:
    moved = entry("a", None, date(2026, 5, 1),
                  url={"sv": SITE.root + "rutiner/skola/a/", "en": SITE.root + "en/x/"})
    ids = {lang: [parsed(routine_feed([e], lang, FEED_SITE)).entries[0].id
                  for e in (entry("a", None, date(2026, 5, 1)), moved)] for lang in ("sv", "en")}
    assert ids["sv"][0] == ids["sv"][1] != ids["en"][0] == ids["en"][1]
    assert ids["sv"][0] == stable_id("https://rutiner.testby.example/", "routines", "sv", "a")
    assert ids["sv"][0].startswith("urn:uuid:")


def test_plain_text_drops_markdown_but_keeps_the_words() -> None:
    assert plain_text("*Kursiv* och **fet** [länk](https://a.example/) `kod`\nrad") == \
        "Kursiv och fet länk kod rad"


# --- writing ------------------------------------------------------------------------------


def test_write_exports_gives_the_same_files_whatever_the_order(
        fixture_kb: KnowledgeBase, tmp_path: Path) -> None:
    """The plugin writes after each language's build: the last call must not depend on which
    language came last, and no temporary file is left behind."""
    dates = ChangeDates({"routines/socialtjanst/orosanmalan.yml": date(2026, 3, 4)},
                        available=True, reason="", built_on=BUILT)
    records = [page(""), page("en/", "en"), page("b/")]
    first = write_exports(tmp_path / "a", fixture_kb, records, SITE, dates)
    second = write_exports(tmp_path / "b", fixture_kb, list(reversed(records)), SITE, dates)
    names = sorted(p.relative_to(tmp_path / "a").as_posix() for p in first)
    assert names == ["api/contacts.json", "api/pages.json", "api/routines.en.atom",
                     "api/routines.json", "api/routines.sv.atom",
                     "api/schemas/contacts.schema.json", "api/schemas/pages.schema.json",
                     "api/schemas/routines.schema.json"]
    for a, b in zip(sorted(first), sorted(second), strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert not list((tmp_path / "a").rglob("*.tmp"))
