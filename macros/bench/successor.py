"""`kb bench`'s configuration (d): the successor (Zensical + zensical-i18n) building the same
corpus, as `make build-successor` builds the site, each step a fresh process:

1. ``kb stage`` (our code: every page as Markdown, macros expanded, nav, manifest);
2. ``kb successor prepare`` (one Zensical project per language);
3. ``zensical-i18n build`` of both languages side by side (macros/successor/run.py, in the
   successor's virtual environment);
4. ``kb successor finish`` (one site, sitemap, ``api/``).

**Cold**: Zensical's caches (``.cache``, ``.zensical-i18n`` of each language's project) removed
first. **Warm**: the same four steps again right after, nothing changed, caches kept — what a
second ``make build-successor`` costs (the stage writes every page again each time).
KB_PDF=off, as for (a): the plan's PDF is not part of the comparison.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.model.text import LANGUAGES

STEPS = ("stage", "prepare", "zensical", "finish")
CACHES = (".cache", ".zensical-i18n")
Runner = Callable[[list[str], Path, dict[str, str]], float]  # command, cwd, env → seconds


@dataclass(frozen=True)
class SuccessorRun:
    """Seconds of each step (STEPS) of one build, and their sum."""

    steps: dict[str, float]

    @property
    def total(self) -> float:
        return sum(self.steps.values())


def successor_available(venv: Path | None) -> bool:
    return venv is not None and (venv / "bin" / "zensical-i18n").is_file()


def _kb(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "macros", "--root", str(project), *args]


def build_successor(project: Path, work: Path, site: Path, venv: Path, repo: Path,
                    run: Runner, cold: bool) -> SuccessorRun:
    """One build of the corpus project ``project`` by the successor, in ``work``, into
    ``site``. ``run`` runs a command and returns its wall time (raising on failure)."""
    env = {"KB_PDF": "off", "PYTHONPATH": str(repo)}
    if cold:
        for lang in LANGUAGES:
            for cache in CACHES:
                shutil.rmtree(work / lang / cache, ignore_errors=True)
    steps: dict[str, float] = {}
    steps["stage"] = run(_kb(project, "stage", "--out", str(work)), project, env)
    steps["prepare"] = run(_kb(project, "successor", "prepare", str(work), "--theme-root",
                               str(repo)), project, env)
    steps["zensical"] = run([str(venv / "bin" / "python"), "-m", "macros.successor.run",
                             str(work)], repo, env)
    steps["finish"] = run(_kb(project, "successor", "finish", str(work), str(site)),
                          project, env)
    return SuccessorRun(steps)
