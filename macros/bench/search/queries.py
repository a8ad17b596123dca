"""The search evaluation set (tests/search_eval/queries.yml): read and checked, one clear line
per problem (file, query number, field, fix)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

LANGS = ("sv", "en")
KINDS = ("title", "near-title", "abbreviation", "contact", "department", "misspelling",
         "diacritics", "compound", "synonym", "question", "sentence", "topic")


class QueryFileError(ValueError):
    """The query file cannot be used; the message lists every problem."""


@dataclass(frozen=True)
class Query:
    text: str
    lang: str
    kind: str
    expect: tuple[str, ...]  # site paths under the language root, e.g. "rutiner/x/y/"
    who: str = ""
    source: str = ""

    def urls(self) -> tuple[str, ...]:
        """The expected pages as paths from the site root ("/en/…" for English)."""
        root = "/en/" if self.lang == "en" else "/"
        return tuple(root + ("" if path in ("", "./") else path) for path in self.expect)


def load(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("queries") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise QueryFileError(f"{path}: a top-level `queries:` list is missing")
    problems: list[str] = []
    queries: list[Query] = []
    seen: set[tuple[str, str]] = set()
    for number, item in enumerate(items, 1):
        where = f"{path}: query {number}"
        if not isinstance(item, dict):
            problems.append(f"{where}: not a mapping — "
                            "write {q: …, lang: …, kind: …, expect: […]}")
            continue
        text, lang, kind = item.get("q"), item.get("lang"), item.get("kind")
        expect = item.get("expect")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: q: missing or empty — the words a reader types")
        if lang not in LANGS:
            problems.append(f"{where}: lang: {lang!r} — use one of {', '.join(LANGS)}")
        if kind not in KINDS:
            problems.append(f"{where}: kind: {kind!r} — use one of {', '.join(KINDS)}")
        if (not isinstance(expect, list) or not expect
                or not all(isinstance(e, str) and (e == "./" or e.endswith("/")) for e in expect)):
            problems.append(f"{where}: expect: give a list of site paths ending in '/', "
                            "e.g. [rutiner/<department>/<id>/]")
        elif kind == "title" and len(expect) != 1:
            problems.append(f"{where}: expect: a title query names exactly one page")
        key = (str(text).strip().casefold(), str(lang))
        if key in seen:
            problems.append(f"{where}: q: {text!r} ({lang}) appears twice — keep one")
        seen.add(key)
        if not problems or not problems[-1].startswith(where):
            queries.append(Query(text=text, lang=lang, kind=kind, expect=tuple(expect),
                                 who=str(item.get("who", "")), source=str(item.get("source", ""))))
    if problems:
        raise QueryFileError("\n".join(problems))
    return queries
