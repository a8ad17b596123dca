"""Content audits beyond the schema: English texts, personal data, contact verification.

They run in `kb check` (and the personal-data audit in every build): each finding is a
:class:`Problem` naming the file, the line and the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from macros.checks.sensitive import find_sensitive
from macros.load.page_files import line_at, page_texts
from macros.load.validation import field_path
from macros.load.yamlsource import SourceDoc
from macros.load.yamltree import YamlList, YamlMap
from macros.model.catalogue import both
from macros.model.core import KnowledgeBase
from macros.model.problems import Problem, Severity
from macros.model.review import Review, ReviewStatus

Loc = tuple[str | int, ...]
VERIFY_EVERY_MONTHS = 12


def _walk(node: Any) -> Iterator[tuple[Loc, Any]]:
    """Every value with its location, parents first (a stack: no recursive generators)."""
    stack: list[tuple[Loc, Any]] = [((), node)]
    while stack:
        loc, node = stack.pop()
        yield loc, node
        if isinstance(node, YamlMap):
            stack.extend(((*loc, key), value) for key, value in reversed(node.items()))
        elif isinstance(node, YamlList):
            stack.extend(((*loc, index), node[index]) for index in reversed(range(len(node))))


def missing_english(documents: list[SourceDoc]) -> list[Problem]:
    """Every bilingual text (a mapping with `sv:`) without English: a warning each."""
    problems = []
    for doc in documents:
        for loc, node in _walk(doc.data):
            if isinstance(node, YamlMap) and "sv" in node and not node.get("en"):
                problems.append(Problem(
                    doc.path, doc.line_of(loc), field_path((*loc, "en")),
                    both("chk_english_missing"), both("chk_english_missing_fix"),
                    Severity.WARNING))
    return problems


def missing_english_pages(docs_dir: Path, display_root: Path) -> list[Problem]:
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        english = path.with_name(path.name.removesuffix(".md") + ".en.md")
        if not english.exists():
            problems.append(Problem(
                path.relative_to(display_root).as_posix(), None, "",
                both("chk_page_no_english"),
                both("chk_page_no_english_fix", path=english.relative_to(display_root).as_posix()),
                Severity.WARNING))
    return problems


def personal_data_in_data(documents: list[SourceDoc]) -> list[Problem]:
    """Personal identity numbers and mobile numbers in any value of any data file: errors."""
    problems = []
    for doc in documents:
        for loc, node in _walk(doc.data):
            if not isinstance(node, str):
                continue
            for finding in find_sensitive(node):
                problems.append(Problem(doc.path, doc.line_of(loc), field_path(loc),
                                        finding.message, finding.fix))
    return problems


def personal_data_in_docs(docs_dir: Path, display_root: Path) -> list[Problem]:
    """The same in every Markdown page (front matter included), with the exact line."""
    return [Problem(page.display, line_at(page.text, finding.start), "text", finding.message,
                    finding.fix)
            for page in page_texts(docs_dir, display_root)
            for finding in find_sensitive(page.text)]


def unverified_contacts(kb: KnowledgeBase, doc: SourceDoc | None,
                        today: date) -> list[Problem]:
    """A contact without `verified_on`, or verified more than a year ago, or a verified
    national or regional one without the `source` it was checked on: a warning."""
    problems = []
    for index, contact in enumerate(kb.contacts.values()):
        loc: Loc = ("contacts", index, "verified_on")
        path = doc.path if doc else "contacts.yml"
        line = doc.line_of(loc) if doc else None
        if contact.verified_on is None:
            problems.append(Problem(
                path, line, field_path(loc), both("chk_contact_never_verified", id=contact.id),
                both("chk_contact_never_verified_fix"), Severity.WARNING))
            continue
        if contact.scope != "internal" and contact.source is None:
            problems.append(Problem(
                path, line, field_path(("contacts", index, "source")),
                both("chk_contact_no_source", id=contact.id), both("chk_contact_no_source_fix"),
                Severity.WARNING))
        check = Review(contact.id, contact.verified_on, review_interval_months=VERIFY_EVERY_MONTHS)
        if check.status(today, due_soon_days=0) is ReviewStatus.OVERDUE:
            problems.append(Problem(
                path, line, field_path(loc),
                both("chk_contact_stale", id=contact.id, date=contact.verified_on.isoformat()),
                both("chk_contact_stale_fix"), Severity.WARNING))
    return problems
