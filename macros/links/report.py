"""Reports of the offline link check as text, Markdown (pull-request comment, step summary,
in Swedish and English) and JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from macros.links.internal import BrokenLink, LinkDiff, RemovedPage
from macros.model.catalogue import both, label
from macros.model.text import LANGUAGES

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")
MAX_ROWS = 100  # per Markdown table: a pull-request comment holds at most 65,536 characters


def check_summary(broken: Sequence[BrokenLink], pages: int) -> str:
    if not broken:
        return both("summary_ok", pages=pages)
    return both("summary_broken", count=len(broken), pages=len({b.page for b in broken}))


def diff_summary(diff: LinkDiff) -> str:
    return both("summary_compare", new=len(diff.newly_broken), removed=len(diff.removed_pages),
                old=diff.already_broken)


def render_check(broken: Sequence[BrokenLink], pages: int, fmt: Format) -> str:
    """The report of one site's check; for text, one line per link (the summary is apart)."""
    if fmt == "json":
        return _json({"ok": not broken, "pages": pages,
                      "broken": [link.as_dict() for link in broken]})
    if fmt == "markdown":
        lines = [f"## {both('title_check')}", ""]
        if broken:
            lines += [check_summary(broken, pages), "", *_broken_table(broken)]
        else:
            lines.append(both("no_broken"))
        return "\n".join(lines) + "\n"
    return "".join(link.format() + "\n" for link in broken)


def render_diff(diff: LinkDiff, fmt: Format) -> str:
    """The report of a comparison: what the change broke and which pages it removed."""
    if fmt == "json":
        return _json({"ok": diff.ok,
                      "newly_broken": [link.as_dict() for link in diff.newly_broken],
                      "removed_pages": [page.as_dict() for page in diff.removed_pages],
                      "already_broken": diff.already_broken})
    if fmt == "markdown":
        return _markdown_diff(diff)
    lines = [link.format() for link in diff.newly_broken]
    lines += [page.format() for page in diff.removed_pages]
    return "".join(line + "\n" for line in lines)


def _markdown_diff(diff: LinkDiff) -> str:
    lines = [f"## {both('title_compare')}", ""]
    if diff.newly_broken:
        lines += [f"### {both('newly_broken')}", "", *_broken_table(diff.newly_broken), ""]
    else:
        lines += [both("none_broken_by_change"), ""]
    if diff.removed_pages:
        lines += [f"### {both('removed_pages')}", ""]
        for lang in LANGUAGES:  # a paragraph in each language
            lines += [label("removed_pages_hint", lang), ""]
        lines += [*_removed_table(diff.removed_pages), ""]
    lines.append(diff_summary(diff))
    return "\n".join(lines) + "\n"


def _broken_table(broken: Sequence[BrokenLink]) -> list[str]:
    head = f"| {both('col_page')} | {both('col_link')} | {both('col_problem')} |"
    rows = [f"| {_code(b.page)} | {_code(b.href)} | "
            f"{_cell(' / '.join(b.reason_in(lang) for lang in LANGUAGES))} |"
            for b in broken[:MAX_ROWS]]
    return [head, "|---|---|---|", *rows, *_more(len(broken))]


def _removed_table(removed: Sequence[RemovedPage]) -> list[str]:
    head = f"| {both('col_removed')} | {both('col_moved')} |"
    rows = [f"| {_code(p.url)} | {_code(p.moved_to) if p.moved_to else '—'} |"
            for p in removed[:MAX_ROWS]]
    return [head, "|---|---|", *rows, *_more(len(removed))]


def _more(count: int) -> list[str]:
    return ["", both("more_rows", count=count - MAX_ROWS)] if count > MAX_ROWS else []


def _code(value: str) -> str:
    """A table cell in a code span: backticks fenced, pipes escaped, no line breaks."""
    value = " ".join(value.split("\n"))
    fence = "``" if "`" in value else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{_cell(value)}{pad}{fence}"


def _cell(value: str) -> str:
    return value.replace("|", "\\|")


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
