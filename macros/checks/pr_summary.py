"""The summary a pull request must carry: find the section by its heading and tell whether
someone wrote it, or left only the template's placeholder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HEADING = "Sammanfattning av ändringen / Summary of the change"
TEMPLATE = Path(".github") / "pull_request_template.md"

# A heading whose text starts with one of these words opens the summary section.
_TITLE_WORDS = ("sammanfattning", "summary")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_COMMENT_INSIDE = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_WORD = re.compile(r"\w")

MISSING = (
    f'Sammanfattning saknas: beskrivningen har ingen rubrik "## {HEADING}". '
    "Använd mallen och beskriv ändringen under den rubriken.\n"
    f'Summary missing: the description has no heading "## {HEADING}". '
    "Use the template and describe the change under that heading."
)
EMPTY = (
    "Sammanfattningen är tom: under rubriken finns bara mallens text, en kommentar eller "
    "blanksteg. Skriv med egna ord vad som ändras och varför.\n"
    "The summary is empty: under the heading there is only the template's text, a comment or "
    "whitespace. Write in your own words what changes and why."
)
OK = "OK: sammanfattningen finns / the summary is there"


@dataclass(frozen=True)
class SummaryCheck:
    """The outcome: the summary as written (comments removed), or the reason it fails."""

    summary: str | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _is_summary_title(title: str) -> bool:
    return title.strip().lower().startswith(_TITLE_WORDS)


def summary_section(body: str) -> str | None:
    """The text under the first summary heading, up to the next heading of the same or a
    higher level (outside code fences); None when there is no such heading."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fence: str | None = None
    level: int | None = None
    collected: list[str] = []
    for line in lines:
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        heading = None if fence is not None or fence_match else _ATX.match(line)
        if level is None:
            if heading and _is_summary_title(heading.group(2) or ""):
                level = len(heading.group(1))
            continue
        if heading and len(heading.group(1)) <= level:
            break
        collected.append(line)
    return None if level is None else "\n".join(collected)


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _visible(text: str) -> str:
    """The text a reader sees: HTML comments (also an unclosed one) removed."""
    return _COMMENT.sub("", text).strip()


def template_texts(template: str) -> set[str]:
    """What the template puts in its summary section, normalised: its visible text and the
    text of its comments (in case someone deletes only the comment markers)."""
    section = summary_section(template)
    if section is None:
        return set()
    texts = {_normalise(_visible(section))}
    texts.update(_normalise(inside) for inside in _COMMENT_INSIDE.findall(section))
    texts.add(_normalise(section.replace("<!--", "").replace("-->", "")))
    texts.discard("")
    return texts


def check_summary(body: str | None, template: str | None = None) -> SummaryCheck:
    """Whether ``body`` (a pull request's description) has a written summary section.

    Fails when the section is missing, or holds only comments, whitespace, punctuation, or
    the ``template``'s own text."""
    section = summary_section(body or "")
    if section is None:
        return SummaryCheck(None, MISSING)
    visible = _visible(section)
    if not _WORD.search(visible):
        return SummaryCheck(None, EMPTY)
    if template is not None and _normalise(visible) in template_texts(template):
        return SummaryCheck(None, EMPTY)
    return SummaryCheck(visible, None)
