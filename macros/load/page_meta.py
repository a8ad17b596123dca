"""Front matter of the Markdown pages in docs/: read with line numbers and validated.

Every page names its owner, when it was last reviewed and its review interval or review-by
date. An English page (``x.en.md``) without review fields has the Swedish page's; with its own
fields (a translation reviewed on its own date) it is checked like any page.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from macros.load.validation import problems_from
from macros.load.yamlsource import SourceDoc, parse_yaml
from macros.model.catalogue import both
from macros.model.markdown import norm_src_uri
from macros.model.problems import Problem
from macros.model.rules import REVIEW_FIELDS, PageMeta

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass(frozen=True)
class PageInfo:
    """One Markdown page: its source path (relative to docs/), review metadata and title."""

    src_uri: str
    file: str  # path for messages, e.g. docs/handlingsplan/mal.md
    meta: PageMeta
    title: str
    line: int | None  # line of `owner` in the front matter
    inherited: bool = False  # an English page using its Swedish page's review fields
    reviewed_line: int | None = None  # line of `last_reviewed` (or `review_by`)


@dataclass
class PagesResult:
    pages: dict[str, PageInfo] = field(default_factory=dict)  # by src_uri
    problems: list[Problem] = field(default_factory=list)

    def for_page(self, src_uri: str) -> PageInfo | None:
        return self.pages.get(src_uri)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter YAML or None, the Markdown after it)."""
    match = _FRONT.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end():]


def _title(meta_title: object, body: str, src_uri: str) -> str:
    if isinstance(meta_title, str) and meta_title.strip():
        return meta_title.strip()
    heading = _HEADING.search(body)
    return heading.group(1) if heading else Path(src_uri).stem


def _read(path: Path, display: str, problems: list[Problem]) -> tuple[SourceDoc | None, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(display, None, "", both("page_not_utf8", reason=exc.reason),
                                both("page_not_utf8_fix")))
        return None, ""
    front, body = split_front_matter(text)
    if front is None or not front.strip():
        return None, body
    doc, read_problems = parse_yaml(front, display, line_offset=1)
    problems.extend(read_problems)
    return doc, body


def _near_misses(doc: SourceDoc, problems: list[Problem]) -> None:
    """A misspelt review field is silently extra to MkDocs: name it."""
    for key in doc.data:
        if key in REVIEW_FIELDS or not isinstance(key, str):
            continue
        close = difflib.get_close_matches(key, REVIEW_FIELDS, n=1, cutoff=0.8)
        if close:
            problems.append(Problem(doc.path, doc.line_of((key,)), key,
                                    both("page_unknown_field", field=key),
                                    both("page_did_you_mean", name=close[0])))


def _validate(doc: SourceDoc, problems: list[Problem]) -> PageMeta | None:
    try:
        return PageMeta.model_validate(dict(doc.data))
    except ValidationError as exc:
        problems.extend(problems_from(exc, PageMeta, doc))
        return None


def load_pages(docs_dir: Path, display_root: Path) -> PagesResult:
    """Read and validate the front matter of every ``*.md`` under ``docs_dir``."""
    result = PagesResult()
    pending: list[tuple[str, str, SourceDoc | None, str]] = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        display = path.relative_to(display_root).as_posix()
        before = len(result.problems)
        doc, body = _read(path, display, result.problems)
        if len(result.problems) > before:
            continue
        pending.append((src_uri, display, doc, body))
    # Swedish pages first, so that English pages can inherit their review fields.
    pending.sort(key=lambda item: norm_src_uri(item[0]) != item[0])
    for src_uri, display, doc, body in pending:
        _one(result, src_uri, display, doc, body)
    return result


def _one(result: PagesResult, src_uri: str, display: str, doc: SourceDoc | None,
         body: str) -> None:
    data = dict(doc.data) if doc is not None else {}
    swedish = norm_src_uri(src_uri)
    base = result.pages.get(swedish) if swedish != src_uri else None
    title = _title(data.get("title"), body, src_uri)
    if base is not None and not any(key in data for key in REVIEW_FIELDS):
        result.pages[src_uri] = PageInfo(src_uri, display, base.meta, title,
                                         doc.line_of(("owner",)) if doc else None,
                                         inherited=True)
        return
    if doc is None:
        result.problems.append(Problem(display, 1, "owner", both("page_no_review_fields"),
                                       both("page_add_front_matter")))
        return
    _near_misses(doc, result.problems)
    meta = _validate(doc, result.problems)
    if meta is not None:
        field = "review_by" if meta.review_by is not None else "last_reviewed"
        result.pages[src_uri] = PageInfo(src_uri, display, meta, title,
                                         doc.line_of(("owner",)),
                                         reviewed_line=doc.line_of((field,)))


def check_owners(pages: PagesResult, roles: Collection[str]) -> list[Problem]:
    """Every page's owner must be a role in routines/roles.yml."""
    problems = []
    for info in pages.pages.values():
        if info.inherited or info.meta.owner in roles:
            continue
        close = difflib.get_close_matches(info.meta.owner, sorted(roles), n=1)
        hint = both("page_did_you_mean", name=close[0]) + " — " if close else ""
        problems.append(Problem(info.file, info.line, "owner",
                                both("page_unknown_owner", owner=info.meta.owner),
                                hint + both("page_unknown_owner_fix")))
    return problems

