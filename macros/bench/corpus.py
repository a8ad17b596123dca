"""The benchmark corpus: a complete project in our own data format, with N extra routines.

``write_corpus(repo, out, n)`` writes ``out/ours/`` — a copy of the repository's mkdocs.yml
(theme overrides taken from the repository), docs/ and routines/, plus ``n`` synthetic
routines of about 600 words per language spread over every department and unit. The real
routines stay: the real prose pages, matrices and situations refer to them. Deterministic
for a given ``n`` and seed; review dates are relative to today, so never overdue.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from macros.bench.text import Prose
from macros.checks.codeowners import write_codeowners
from macros.checks.project import open_project
from macros.load.loader import load
from macros.model.core import KnowledgeBase
from macros.model.text import LANGUAGES

OURS = "ours"
STEPS = 8
STEP_WORDS = 62
SUMMARY_WORDS = 80


class CorpusError(Exception):
    """The corpus cannot be written (the repository's own project has errors)."""


@dataclass(frozen=True)
class Corpus:
    root: Path  # the folder holding ours/ (and later the naive projects)
    routines: int  # synthetic routines
    seed: int

    @property
    def ours(self) -> Path:
        return self.root / OURS


def _real_kb(repo: Path) -> KnowledgeBase:
    result = load(repo)
    if result.kb is None:
        raise CorpusError("the repository's routines/ has errors; run `kb check` first")
    return result.kb


def _bilingual(prose: Prose, words: int) -> dict[str, str]:
    return {lang: prose.paragraph(lang, words) for lang in LANGUAGES}


def _step(prose: Prose) -> dict[str, str]:
    return {lang: f"**{prose.title(lang, 3)}.** {prose.paragraph(lang, STEP_WORDS)}"
            for lang in LANGUAGES}


def _places(kb: KnowledgeBase) -> list[tuple[str, str | None]]:
    """Every (department, unit) pair, and departments without units as (department, None)."""
    places: list[tuple[str, str | None]] = []
    for department in kb.organisation.departments:
        places += [(department.id, unit.id) for unit in department.units] or [(department.id, None)]
    return places


def synthetic_routine(kb: KnowledgeBase, number: int, seed: int,
                      today: date) -> dict[str, Any]:
    """One routine as its YAML data: ~600 words per language, references that exist."""
    prose = Prose(f"{seed}-{number}")
    places = _places(kb)
    department, unit = places[number % len(places)]
    owners = [r.id for r in kb.roles.values() if r.department == department]
    owners = owners or sorted(kb.roles)
    pick = prose.random.sample
    reviewed = today - timedelta(days=prose.random.randint(1, 60))
    data: dict[str, Any] = {
        "id": routine_id(number),
        "title": {lang: f"{'Rutin' if lang == 'sv' else 'Routine'} {number}: "
                        f"{prose.title(lang)}" for lang in LANGUAGES},
        "department": department,
        **({"unit": unit} if unit else {}),
        "audience": _bilingual(prose, 14),
        "owner": owners[number % len(owners)],
        "adopted_on": reviewed - timedelta(days=365),
        "decision_ref": f"BENCH {today.year}/{number}",
        "last_reviewed": reviewed,
        "review_interval_months": 24,
        "example": True,
        "summary": _bilingual(prose, SUMMARY_WORDS),
        "steps": [_step(prose) for _ in range(STEPS)],
        "contacts": pick(sorted(kb.contacts), k=min(3, len(kb.contacts))),
        "legal_basis": [{"source": s, "detail": _bilingual(prose, 10)}
                        for s in pick(sorted(kb.legal), k=min(2, len(kb.legal)))],
        "related": [routine_id(other) for other in (number - 1, number - 2) if other >= 1],
        "tags": pick(sorted(kb.tags), k=min(3, len(kb.tags))),
        "keywords": {lang: [prose.title(lang, 1).lower() for _ in range(3)]
                     for lang in LANGUAGES},
    }
    return data


def routine_id(number: int) -> str:
    return f"bench-rutin-{number:04d}"


def _write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def _mkdocs_config(repo: Path) -> dict[str, Any]:
    """The repository's mkdocs.yml, pointing at its overrides; `watch` only what exists."""
    try:
        config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CorpusError(f"mkdocs.yml cannot be copied as plain YAML: {exc}") from None
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((repo / theme["custom_dir"]).resolve())
    config["watch"] = ["routines"]
    config["site_dir"] = "site"
    return config


def write_corpus(repo: Path, out: Path, routines: int, seed: int = 1,
                 today: date | None = None) -> Corpus:
    """Write ``out/ours/`` afresh."""
    corpus = Corpus(out, routines, seed)
    today = today or date.today()
    kb = _real_kb(repo)
    if corpus.ours.exists():
        shutil.rmtree(corpus.ours)
    corpus.ours.mkdir(parents=True)
    shutil.copytree(repo / "docs", corpus.ours / "docs")
    shutil.copytree(repo / "routines", corpus.ours / "routines")
    for name in ("schemas",):  # `kb check` compares a project's schemas with the model
        if (repo / name).is_dir():
            shutil.copytree(repo / name, corpus.ours / name)
    (corpus.ours / "mkdocs.yml").write_text(
        yaml.safe_dump(_mkdocs_config(repo), allow_unicode=True, sort_keys=False),
        encoding="utf-8")
    for number in range(1, routines + 1):
        data = synthetic_routine(kb, number, seed, today)
        _write_yaml(corpus.ours / "routines" / data["department"] / f"{data['id']}.yml", data)
    _write_codeowners(corpus.ours)
    return corpus


def _write_codeowners(root: Path) -> None:
    """`kb check` wants .github/CODEOWNERS to match the owners (as `kb codeowners` writes)."""
    project = open_project(root)
    if project.kb is None:
        raise CorpusError("the generated data has errors: "
                          + "; ".join(p.format() for p in project.problems[:5]))
    write_codeowners(project.root, project.kb, project.pages, project.settings.data_dir,
                     project.settings.docs_dir)
