"""Every check on a project, listed once: `kb check` runs them all, the build the ones marked
``build`` (their errors stop a strict build; `mkdocs serve` goes on) and, of those, the ones
marked ``stops_build`` stop every build, strict or not: what could run script in a reader's
browser is never built. A new rule is one function and one row here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from macros.api.schema import SCHEMA_DIR, stale_schemas
from macros.checks.audits import (
    missing_english,
    missing_english_pages,
    personal_data_in_data,
    personal_data_in_docs,
    unverified_contacts,
)
from macros.checks.codeowners import codeowners_problems
from macros.checks.dates import future_dates
from macros.checks.page_markup import markup_in_pages
from macros.checks.project import Project
from macros.checks.synonyms import synonym_problems
from macros.checks.unit_names import misnamed_units_in_data, misnamed_units_in_pages
from macros.load.page_meta import check_owners
from macros.load.yamlsource import SourceDoc
from macros.model.catalogue import both
from macros.model.problems import Problem


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Project, date], list[Problem]]
    build: bool = False  # the build runs it too
    needs_valid_data: bool = False  # skipped while the data has errors (no cascade)
    stops_build: bool = False  # its errors stop every build, not only a strict one


def _stale_schemas(project: Project, _today: date) -> list[Problem]:
    root = project.root
    if not (root / SCHEMA_DIR).is_dir():  # a project that keeps the schemas keeps them current
        return []
    return [Problem(path.relative_to(root).as_posix(), None, "", both("chk_schema_stale"),
                    both("chk_schema_stale_fix"))
            for path in stale_schemas(root)]


def _texts(project: Project) -> list[SourceDoc]:
    """The data files with bilingual texts: not the synonym list, whose words are per
    language and need no translation."""
    synonyms = project.data.singles.get("synonyms")
    return [doc for doc in project.data.documents if doc is not synonyms]


def _codeowners(project: Project, _today: date) -> list[Problem]:
    assert project.kb is not None
    # Only on valid data and pages: a routine that fails validation is missing from the data,
    # and "CODEOWNERS is out of date" would then advise deleting its owner's line.
    if project.data.errors or project.pages.problems:
        return []
    settings = project.settings
    return codeowners_problems(project.root, project.kb, project.pages, settings.data_dir,
                               settings.docs_dir, project.data.singles.get("roles"))


CHECKS: tuple[Check, ...] = (
    Check("page-owners", lambda p, _: check_owners(p.pages, p.kb.roles if p.kb else ()),
          build=True, needs_valid_data=True),
    Check("personal-data-in-data", lambda p, _: personal_data_in_data(p.data.documents),
          build=True),
    Check("personal-data-in-pages", lambda p, _: personal_data_in_docs(p.docs, p.root),
          build=True),
    Check("english-in-data", lambda p, _: missing_english(_texts(p))),
    Check("english-pages", lambda p, _: missing_english_pages(p.docs, p.root)),
    Check("schemas", _stale_schemas),
    Check("unverified-contacts",
          lambda p, today: unverified_contacts(p.kb, p.data.singles.get("contacts"), today)
          if p.kb else [], needs_valid_data=True),
    Check("unit-names-in-data",
          lambda p, _: misnamed_units_in_data(p.kb, p.data.documents) if p.kb else [],
          needs_valid_data=True),
    Check("unit-names-in-pages",
          lambda p, _: misnamed_units_in_pages(p.kb, p.docs, p.root) if p.kb else [],
          needs_valid_data=True),
    Check("codeowners", _codeowners, needs_valid_data=True),
    Check("future-dates", future_dates, build=True, needs_valid_data=True),
    Check("synonyms", synonym_problems, needs_valid_data=True),
    Check("page-links-and-html", lambda p, _: markup_in_pages(p.docs, p.root), build=True,
          stops_build=True),
)


def run_checks(project: Project, today: date, *, build: bool = False,
               stopping: bool = False) -> list[Problem]:
    """The problems the checks find (the build's subset with ``build``, the subset that stops
    every build with ``stopping``), without those of loading (``project.problems``)."""
    problems: list[Problem] = []
    for check in CHECKS:
        if (build and not check.build) or (stopping and not check.stops_build) \
                or (check.needs_valid_data and project.kb is None):
            continue
        problems += check.run(project, today)
    return problems


def check_project(project: Project, today: date) -> list[Problem]:
    """Everything `kb check` reports, sorted by file and line."""
    problems = [*project.problems, *run_checks(project, today)]
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message))
