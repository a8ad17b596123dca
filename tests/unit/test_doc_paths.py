"""The project's documents name files that exist: a test, module or template that moves must
take its mentions along (README, SECURITY, ARCHITECTURE, tests/README, the coordinator's pages)."""

from __future__ import annotations

import re

from tests.conftest import ROOT

DOCUMENTS = ["README.md", "SECURITY.md", "ARCHITECTURE.md", "tests/README.md",
             "tests/search_eval/README.md", *sorted(p.relative_to(ROOT).as_posix()
                                                     for p in (ROOT / "docs").glob("*.md"))]
# A path in backticks under one of the project's folders, with a file suffix; placeholders
# (<…>, *, {…}, …) are examples, not files.
PATH = re.compile(r"`((?:macros|tests|overrides|overrides-successor|routines|schemas|\.github)"
                  r"/[\w./-]+\.(?:py|yml|yaml|md|html|js|css|j2|json|toml|txt|pot|po))`")


def mentioned_paths() -> list[tuple[str, str]]:
    found = []
    for doc in DOCUMENTS:
        path = ROOT / doc
        if path.is_file():
            found += [(doc, m) for m in PATH.findall(path.read_text(encoding="utf-8"))]
    return found


def test_documents_mention_paths() -> None:
    assert len(mentioned_paths()) > 50  # the pattern still reads the documents


def test_every_mentioned_path_exists() -> None:
    missing = [f"{doc}: {path}" for doc, path in mentioned_paths() if not (ROOT / path).exists()]
    assert not missing, "documents name files that do not exist:\n" + "\n".join(missing)
