"""What `kb check` says about the search's synonym list (``routines/synonyms.yml``) beyond its
schema: a word given twice in one group. A warning: the search still works."""

from __future__ import annotations

from datetime import date

from macros.checks.project import Project
from macros.load.yamlsource import SourceDoc
from macros.model.catalogue import both
from macros.model.problems import Problem, Severity
from macros.model.synonyms import SynonymGroup
from macros.model.text import LANGUAGES


def repeated_synonyms(groups: list[SynonymGroup], doc: SourceDoc | None) -> list[Problem]:
    """A warning for every word that is already in its group (case aside)."""
    problems = []
    file = doc.path if doc else "routines/synonyms.yml"
    for i, group in enumerate(groups):
        for lang in LANGUAGES:
            seen: set[str] = set()
            for j, word in enumerate(group.words(lang)):
                key = word.casefold()
                if key in seen:
                    loc = ("groups", i, lang, j)
                    problems.append(Problem(
                        file, doc.line_of(loc) if doc else None, f"groups[{i}].{lang}[{j}]",
                        both("chk_synonym_repeated", word=word),
                        both("chk_synonym_repeated_fix"), Severity.WARNING))
                seen.add(key)
    return problems


def synonym_problems(project: Project, _today: date) -> list[Problem]:
    if project.kb is None:
        return []
    return repeated_synonyms(project.kb.synonyms, project.data.singles.get("synonyms"))
