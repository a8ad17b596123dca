"""The "What changed" page in Swedish and English, from the fixture site's data and the
repository's own data, against a changed copy of the snapshot as the previous version."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from macros.model.catalogue import catalogue
from macros.model.core import KnowledgeBase, MatrixFile, Routine
from macros.model.snapshot import Snapshot, parse_snapshot, snapshot, snapshot_json
from macros.model.text import LANGUAGES, Lang
from macros.render.blocks import Renderer
from macros.render.changes import what_changed

PAGE = "andringar.md"


@pytest.fixture
def old(fixture_kb: KnowledgeBase) -> dict[str, Any]:
    """This build's snapshot as version 2024, to be changed by each test."""
    return copy.deepcopy(snapshot(fixture_kb, "2024"))


def baseline(data: dict[str, Any]) -> Snapshot:
    parsed = parse_snapshot(snapshot_json(data), "test:model.json")
    assert isinstance(parsed, Snapshot), parsed
    return parsed


def page(fixture_kb: KnowledgeBase, lang: Lang, data: dict[str, Any] | None,
         reason: str = "") -> str:
    snap = baseline(data) if data is not None else None
    return what_changed(Renderer(fixture_kb, lang, page_src=PAGE), "2026", snap, reason)


def item_lines(markdown: str, start: str) -> list[str]:
    """The nested lines under the list item that starts with ``start``."""
    lines = markdown.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(f"- {start}"))
    nested = []
    for line in lines[first + 1:]:
        if not line.startswith("    - "):
            break
        nested.append(line.removeprefix("    - "))
    return nested


def section(markdown: str, heading: str) -> str:
    """The text from a heading line to the next heading of any level."""
    after = markdown.split(heading + "\n", 1)[1]
    return after.split("\n#", 1)[0].strip()


OROSANMALAN_SV = "[Orosanmälan om barn](rutiner/socialtjanst/orosanmalan.md)"
OROSANMALAN_EN = "[Report of concern about a child](rutiner/socialtjanst/orosanmalan.md)"


def changed_fixture(old: dict[str, Any]) -> dict[str, Any]:
    """A previous version: one more step, another owner, an older English summary, one routine
    less, one more (since removed), a field of an older model, one matrix row less."""
    routine = old["routines"]["orosanmalan"]
    routine["steps"].append({"sv": "Ring chefen."})
    routine["owner"] = "samordnare"
    routine["summary"]["en"] = "Report it."
    routine["phone_tree"] = ["chef"]
    old["roles"]["samordnare"] = {"id": "samordnare", "title": {"sv": "Samordnare",
                                                               "en": "Coordinator"}}
    del old["routines"]["delvis-oversatt"]
    old["routines"]["gammal"] = {"id": "gammal", "title": {"sv": "Gammal rutin",
                                                           "en": "Old routine"}}
    old["matrices"]["flode"]["rows"].pop()
    return old


def test_swedish_page(fixture_kb: KnowledgeBase, old: dict[str, Any]) -> None:
    out = page(fixture_kb, "sv", changed_fixture(old))
    assert out.startswith("Version 2026 jämfört med version 2024.\n\n## Rutiner { #routines }")
    assert section(out, "### Nya { #routines-added }") == \
        "- [Delvis översatt rutin](rutiner/socialtjanst/delvis-oversatt.md)"
    assert section(out, "### Borttagna { #routines-removed }") == "- Gammal rutin"
    assert item_lines(out, OROSANMALAN_SV) == [
        "Ansvarig har ändrats: Samordnare → Enhetschef barn och unga",
        r"Sammanfattningen har ändrats \(bara den engelska texten\)",
        "Stegen har ändrats (3 → 2 steg)",
        "Fältet `phone_tree` har tagits bort (var: 1)",
    ]
    assert section(out, "### Ändrade { #matrices-changed }") == \
        "- Flöde\n    - Raderna har ändrats (1 → 2 rader)"
    assert section(out, "## Roller och kontakter { #roles-contacts }") == \
        "- **Roller** – borttagna: Samordnare"
    assert "Inget innehåll har ändrats" not in out
    assert "!!! note" not in out


def test_english_page(fixture_kb: KnowledgeBase, old: dict[str, Any]) -> None:
    out = page(fixture_kb, "en", changed_fixture(old))
    assert out.startswith("Version 2026 compared with version 2024.\n\n## Routines")
    assert section(out, "### Removed { #routines-removed }") == "- Old routine"
    assert item_lines(out, OROSANMALAN_EN) == [
        "Owner changed: Coordinator → Head of unit, children and young people",
        r"Summary changed \(only the English text\)",
        "Steps changed (3 → 2 steps)",
        "Field `phone_tree` removed (was: 1)",
    ]
    assert "- Flow\n    - Rows changed (1 → 2 rows)" in out
    assert "- **Roles** – removed: Coordinator" in out
    # the added routine has no English title: marked Swedish, with the note
    assert '- [<span lang="sv">Delvis översatt rutin</span>]' in out
    assert out.rstrip().endswith("are shown in Swedish.")


def test_field_order_follows_the_model(fixture_kb: KnowledgeBase, old: dict[str, Any]) -> None:
    routine = old["routines"]["orosanmalan"]
    routine["tags"] = []
    routine["title"] = {"sv": "Anmälan", "en": "Report"}
    routine["last_reviewed"] = "2025-01-10"
    routine["unit"] = None
    routine["municipality_wide"] = False
    assert item_lines(page(fixture_kb, "sv", old), OROSANMALAN_SV) == [
        "Titeln har ändrats (tidigare: Anmälan)",
        "Enheten har lagts till: Barn och unga",
        "Gäller hela kommunen har lagts till: ja",
        "Ämnena har lagts till (1 ämne)",
        "Granskningsdatumet har ändrats: 2025-01-10 → 2026-01-10",
    ]


def test_only_reviewed_is_its_own_section(fixture_kb: KnowledgeBase, old: dict[str, Any]) -> None:
    old["routines"]["orosanmalan"]["last_reviewed"] = "2025-01-10"
    out = page(fixture_kb, "en", old)
    assert "No content has changed since version 2024." in out
    assert "### Changed" not in out
    assert section(out, "### Reviewed, content unchanged { #routines-reviewed }") == (
        f"- {OROSANMALAN_EN}\n    - Last reviewed date changed: 2025-01-10 → 2026-01-10")


@pytest.mark.parametrize(("lang", "expected"), [
    ("sv", "Version 2026 jämfört med version 2024.\n\n"
           "Inget innehåll har ändrats sedan version 2024."),
    ("en", "Version 2026 compared with version 2024.\n\n"
           "No content has changed since version 2024."),
])
def test_nothing_changed(fixture_kb: KnowledgeBase, old: dict[str, Any], lang: Lang,
                         expected: str) -> None:
    assert page(fixture_kb, lang, old) == expected


def test_without_a_baseline_the_reason_is_shown(fixture_kb: KnowledgeBase) -> None:
    out = page(fixture_kb, "sv", None, reason="Det här är den första versionen <b>med</b> *sidan*.")
    assert out == ('!!! note "Ingen tidigare version att jämföra med"\n\n'
                   "    Det här är den första versionen &lt;b&gt;med&lt;/b&gt; \\*sidan\\*.")
    assert page(fixture_kb, "en", None, reason="x").startswith(
        '!!! note "No earlier version to compare with"')


def test_text_from_the_baseline_is_escaped(fixture_kb: KnowledgeBase, old: dict[str, Any]) -> None:
    old["version"] = "2024 *beta*"
    old["routines"]["x"] = {"title": {"sv": "<script>alert(1)</script> [a](javascript:x)"}}
    old["routines"]["orosanmalan"]["decision_ref"] = "SN | <i>1</i>"
    old["routines"]["orosanmalan"]["weird field!"] = "x"
    old["routines"]["y"] = {"title": "Äldre *modell* <b>"}  # a plain string: an older model
    out = page(fixture_kb, "sv", old)
    assert "version 2024 \\*beta\\*." in out
    assert ("- &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[a\\]\\(javascript:x\\)") in out
    assert "Beslutsnumret har ändrats: SN | &lt;i&gt;1&lt;/i&gt; → SN 2019/1" in out
    assert "Fältet weird field! har tagits bort" in out.replace("\\!", "!")
    assert "- Äldre \\*modell\\* &lt;b&gt;" in out
    assert "<script>" not in out and "<i>" not in out


def test_removed_title_falls_back_to_swedish(fixture_kb: KnowledgeBase,
                                             old: dict[str, Any]) -> None:
    old["routines"]["gammal"] = {"title": {"sv": "Gammal rutin"}}
    old["routines"]["utan-titel"] = {"steps": []}
    out = page(fixture_kb, "en", old)
    assert out.endswith(
        '### Removed { #routines-removed }\n\n- <span lang="sv">Gammal rutin</span>\n'
        '- utan-titel\n\n!!! note "Not yet translated"\n\n'
        "    Parts of this text are not yet available in English and are shown in Swedish.\n")


def test_an_older_snapshot_without_matrices(fixture_kb: KnowledgeBase, old: dict[str, Any]) -> None:
    del old["matrices"]
    out = page(fixture_kb, "en", old)
    assert section(out, "## Responsibility matrices { #matrices }") == (
        "Cannot be compared: the earlier version does not have this data.")


def test_every_model_field_has_a_name_in_both_languages() -> None:
    fields = set(Routine.model_fields) | set(MatrixFile.model_fields)
    missing = sorted(f for f in fields if f"chg_field_{f}" not in catalogue())
    assert missing == []
    for key, texts in catalogue().items():
        if key.startswith("chg_"):
            assert texts["sv"] and texts["en"], key


def test_real_data_in_both_languages(repo_kb: KnowledgeBase) -> None:
    old = json.loads(snapshot_json(snapshot(repo_kb, "2024")))
    first, second = sorted(old["routines"])[:2]
    old["routines"][first]["steps"].pop()
    owner = old["routines"][first]["owner"]
    other = next(r for r in sorted(old["roles"]) if r != owner)
    old["routines"][first]["owner"] = other
    del old["routines"][second]
    old["contacts"].popitem()
    assert LANGUAGES == ("sv", "en")
    for lang in LANGUAGES:
        renderer = Renderer(repo_kb, lang, page_src=PAGE)
        out = what_changed(renderer, "2026", baseline(old), "")
        link = renderer.routine_link(first)
        old_owner = repo_kb.roles[other].title.text(lang)
        new_owner = repo_kb.roles[owner].title.text(lang)
        assert f"{old_owner} → {new_owner}" in item_lines(out, link)[0]
        assert renderer.routine_link(second) in out
        assert "None" not in out
        assert re.findall(r"\{ #([a-z-]+) \}", out) == [
            "routines", "routines-added", "routines-changed", "roles-contacts"]
