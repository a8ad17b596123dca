"""One project on disk: where its data and pages are, and every check `kb check` runs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from macros.api.schema import SCHEMA_DIR, stale_schemas
from macros.checks.audits import (
    missing_english,
    missing_english_pages,
    personal_data_in_data,
    personal_data_in_docs,
    unverified_contacts,
)
from macros.checks.codeowners import codeowners_problems
from macros.checks.unit_names import misnamed_units_in_data, misnamed_units_in_pages
from macros.load.loader import DATA_DIR, LoadResult, load
from macros.load.page_meta import PagesResult, check_owners, load_pages
from macros.model.core import KnowledgeBase
from macros.model.problems import Problem
from macros.model.rules import ReviewPolicy
from macros.review.items import ReviewItem, review_items
from macros.review.report import ReviewReport, build_report, report_problems

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Settings:
    data_dir: str = DATA_DIR
    docs_dir: str = "docs"
    deploy_branch: str = "site"  # where `kb publish` deploys the versions with mike
    current_alias: str = "gallande"  # alias of the version in force


def read_settings(root: Path) -> Settings:
    """`docs_dir` and the kb plugin's `data_dir` from mkdocs.yml (defaults when absent)."""
    try:
        yaml = YAML(typ="rt")
        config: Any = yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8")) or {}
    except (OSError, YAMLError):
        return Settings()
    kb: dict[str, Any] = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("kb"), dict):
            kb = dict(plugin["kb"])
    defaults = Settings()
    return Settings(data_dir=str(kb.get("data_dir", defaults.data_dir)),
                    docs_dir=str(config.get("docs_dir", defaults.docs_dir)),
                    deploy_branch=str(kb.get("deploy_branch", defaults.deploy_branch)),
                    current_alias=str(kb.get("current_alias", defaults.current_alias)))


@dataclass
class Project:
    root: Path
    settings: Settings
    data: LoadResult
    pages: PagesResult
    problems: list[Problem] = field(default_factory=list)

    @property
    def kb(self) -> KnowledgeBase | None:
        return self.data.kb

    def review_items(self) -> list[ReviewItem]:
        assert self.kb is not None
        return review_items(self.kb, self.pages, self.settings.data_dir, self.data.documents)


def open_project(root: Path, data_dir: str | None = None) -> Project:
    """Load the data and the pages' front matter; schema and reference problems included."""
    root = root.resolve()
    settings = read_settings(root)
    if data_dir is not None:
        settings = replace(settings, data_dir=data_dir)
    data = load(root, settings.data_dir)
    pages = load_pages(root / settings.docs_dir, root)
    problems = [*data.problems, *pages.problems]
    if data.kb is not None:
        problems += check_owners(pages, data.kb.roles)
    return Project(root, settings, data, pages, problems)


def review_report(project: Project, today: date, within: int | None = None,
                  include_all: bool = False) -> tuple[ReviewReport, ReviewPolicy]:
    """The review report as of ``today``; ``within`` defaults to the data's policy."""
    assert project.kb is not None
    policy = project.kb.organisation.review_policy
    days = policy.due_soon_days if within is None else within
    report = build_report(project.review_items(), project.kb, today, days, include_all)
    return report, policy


def review_problems(project: Project, today: date) -> list[Problem]:
    """Overdue and due-soon reviews as problems, by the data's review policy."""
    report, policy = review_report(project, today)
    return report_problems(report, policy.fail_on_overdue)


def check_project(project: Project, today: date) -> list[Problem]:
    """Everything `kb check` reports, sorted by file and line."""
    root, settings, data = project.root, project.settings, project.data
    docs = root / settings.docs_dir
    problems = [*project.problems]
    # the synonym list holds words per language, not texts that need a translation
    texts = [doc for doc in data.documents if doc is not data.singles.get("synonyms")]
    problems += missing_english(texts) + missing_english_pages(docs, root)
    problems += personal_data_in_data(data.documents) + personal_data_in_docs(docs, root)
    if (root / SCHEMA_DIR).is_dir():  # a project that keeps the schemas keeps them current
        problems += [_stale_schema(root, path) for path in stale_schemas(root)]
    if data.kb is not None:
        problems += unverified_contacts(data.kb, data.singles.get("contacts"), today)
        problems += misnamed_units_in_data(data.kb, data.documents)
        problems += misnamed_units_in_pages(data.kb, docs, root)
        if not project.pages.problems:
            problems += codeowners_problems(root, data.kb, project.pages, settings.data_dir,
                                            settings.docs_dir, data.singles.get("roles"))
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message))


def _stale_schema(root: Path, path: Path) -> Problem:
    return Problem(path.relative_to(root).as_posix(), None, "",
                   "is out of date with the data model", "run `kb schema`")
