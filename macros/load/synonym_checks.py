"""What `kb check` says about the synonym list beyond its schema (warnings: the search still
works): a word given twice in one group."""

from __future__ import annotations

from macros.load.yamlsource import SourceDoc
from macros.model.problems import Problem, Severity
from macros.model.synonyms import SynonymsFile
from macros.model.text import LANGUAGES


def check_synonyms(synonyms: SynonymsFile, doc: SourceDoc) -> list[Problem]:
    problems = []
    for i, group in enumerate(synonyms.groups):
        for lang in LANGUAGES:
            seen: set[str] = set()
            for j, word in enumerate(group.words(lang)):
                key = word.casefold()
                if key in seen:
                    loc = ("groups", i, lang, j)
                    problems.append(Problem(
                        doc.path, doc.line_of(loc), f"groups[{i}].{lang}[{j}]",
                        f"`{word}` is already in this group", "remove the second one",
                        Severity.WARNING))
                seen.add(key)
    return problems
