"""Dates that cannot be right as of the run's today (``kb check --today``): a routine or plan
revision adopted, or anything reviewed, after today. Whether a review came after its
review-by date needs no today: the model refuses it (:func:`macros.model.rules.review_order_rule`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from macros.checks.project import Project
from macros.load.page_files import line_at
from macros.load.validation import field_path
from macros.load.yamlsource import SourceDoc
from macros.model.catalogue import both
from macros.model.problems import Problem

Loc = tuple[str | int, ...]
_PAGE_FIELD = re.compile(r"^last_reviewed[ \t]*:", re.M)


def _problem(file: str, line: int | None, loc: Loc, value: date, today: date) -> Problem:
    return Problem(file, line, field_path(loc),
                   both("date_in_future", date=value.isoformat(), today=today.isoformat()),
                   both("date_in_future_fix"))


def _data_dates(project: Project) -> Iterator[tuple[SourceDoc | None, str, Loc, date]]:
    """(document, file, location, date) of every adoption and review date of the data."""
    kb = project.kb
    assert kb is not None
    by_path = {doc.path: doc for doc in project.data.documents}
    organisation = project.data.singles.get("organisation")
    revisions = project.data.singles.get("revisions")
    for routine in kb.routines.values():
        file = kb.sources.get(routine.id, "")
        for name in ("adopted_on", "last_reviewed"):
            yield by_path.get(file), file, (name,), getattr(routine, name)
    for index, revision in enumerate(kb.revisions):
        yield (revisions, revisions.path if revisions else "revisions.yml",
               ("revisions", index, "adopted_on"), revision.adopted_on)
    yield (organisation, organisation.path if organisation else "organisation.yml",
           ("overview_review", "last_reviewed"), kb.organisation.overview_review.last_reviewed)


def future_dates(project: Project, today: date) -> list[Problem]:
    """Every adoption or review date after ``today``, in the data and in the pages."""
    problems = [_problem(file, doc.line_of(loc) if doc else None, loc, value, today)
                for doc, file, loc, value in _data_dates(project) if value > today]
    for info in project.pages.pages.values():
        if info.inherited or info.meta.last_reviewed <= today:
            continue
        try:
            text = (project.root / info.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        found = _PAGE_FIELD.search(text)
        line = line_at(text, found.start()) if found else info.line
        problems.append(_problem(info.file, line, ("last_reviewed",),
                                 info.meta.last_reviewed, today))
    return problems
