"""One English name per unit: the one in organisation.yml, also inside routine texts.

`kb check` warns when an English text in the data, or an English page, calls a unit by another
name before "unit" or "intake" ("the child and youth unit" for *Children and Young People*),
or writes the right words with other capitals ("the family law unit" for *Family Law*). A name
that ends in "Team" is checked on its own. Warnings: the text still reads; the fix is a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from macros.load.page_files import line_at, page_texts
from macros.load.validation import field_path
from macros.load.yamlsource import SourceDoc
from macros.load.yamltree import YamlList, YamlMap
from macros.model.catalogue import both
from macros.model.core import KnowledgeBase
from macros.model.problems import Problem, Severity

Loc = tuple[str | int, ...]
ORGANISATION_FILE = "organisation.yml"  # where the names are defined, not used
# Other English names seen for a unit (lower case); the unit's own name is always checked.
VARIANTS: dict[str, tuple[str, ...]] = {
    "barn-och-unga": ("child and youth", "children and youth", "child and young people",
                      "children and young persons", "youth"),
    "vuxen": ("adult",),
}
_NOUN = r"(?=\s+(?:unit|intake)\b)"  # a name counts as the unit's when it names the unit


@dataclass(frozen=True)
class UnitName:
    unit_id: str
    name: str
    pattern: re.Pattern[str]

    def misnamed(self, text: str) -> Iterator[str]:
        """Each way ``text`` names this unit other than by its name."""
        for match in self.pattern.finditer(text):
            if " ".join(match.group(1).split()) != self.name:
                yield match.group(1)


def unit_names(kb: KnowledgeBase) -> list[UnitName]:
    names = []
    for department in kb.organisation.departments:
        for unit in department.units:
            name = unit.name.en
            if not name:
                continue
            words = [name.lower(), *VARIANTS.get(unit.id, ())]
            alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
            tail = r"\b" if name.split()[-1] in ("Team", "Unit") else _NOUN
            names.append(UnitName(unit.id, name,
                                  re.compile(rf"\b({alternatives}){tail}", re.IGNORECASE)))
    return names


def _problem(path: str, line: int | None, field: str, found: str, unit: UnitName) -> Problem:
    return Problem(path, line, field,
                   both("chk_unit_misnamed", found=" ".join(found.split()), unit=unit.unit_id),
                   both("chk_unit_misnamed_fix", name=unit.name), Severity.WARNING)


def _english_texts(node: object, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    if isinstance(node, YamlMap):
        if "sv" in node and isinstance(node.get("en"), str):
            yield (*loc, "en"), node["en"]
        for key, value in node.items():
            yield from _english_texts(value, (*loc, key))
    elif isinstance(node, YamlList):
        for index in range(len(node)):
            yield from _english_texts(node[index], (*loc, index))


def misnamed_units_in_data(kb: KnowledgeBase, documents: list[SourceDoc]) -> list[Problem]:
    names = unit_names(kb)
    problems = []
    for doc in documents:
        if Path(doc.path).name == ORGANISATION_FILE:
            continue
        for loc, text in _english_texts(doc.data):
            for unit in names:
                problems += [_problem(doc.path, doc.line_of(loc), field_path(loc), found, unit)
                             for found in unit.misnamed(text)]
    return problems


def misnamed_units_in_pages(kb: KnowledgeBase, docs_dir: Path,
                            display_root: Path) -> list[Problem]:
    names = unit_names(kb)
    return [_problem(page.display, line_at(page.text, match.start()), "text", match.group(1), unit)
            for page in page_texts(docs_dir, display_root, "*.en.md")
            for unit in names
            for match in unit.pattern.finditer(page.text)
            if " ".join(match.group(1).split()) != unit.name]
