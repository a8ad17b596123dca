"""Bilingual text values: Swedish required, English optional, no raw HTML, safe links."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Lang = Literal["sv", "en"]
LANGUAGES: tuple[Lang, ...] = ("sv", "en")
DEFAULT_LANGUAGE: Lang = "sv"

# A tag-like "<x", "</x" or "<!": text from YAML is never HTML.
_HTML_TAG = re.compile(r"<\s*(?:[/!?]\s*)?[A-Za-z]|<!--")
# Markdown link targets: [label](target), ![alt](target) and reference definitions [r]: target.
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|\]:\s*<?([^\s>]+)")
_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def html_problem(value: str) -> str | None:
    """Describe raw HTML in ``value``, or return None when there is none."""
    match = _HTML_TAG.search(value)
    if match:
        snippet = value[match.start() : match.start() + 20].split(">")[0] + ">"
        return f"contains HTML ({snippet!r}); write plain text or Markdown, HTML is not allowed"
    return None


def link_problem(value: str) -> str | None:
    """Describe a Markdown link with an unsafe scheme (javascript:, data:, ...)."""
    for inline_target, reference_target in _MD_LINK.findall(value):
        target = inline_target or reference_target
        if _SCHEME.match(target) and not target.lower().startswith(_SAFE_SCHEMES):
            return (
                f"link target {target!r} is not allowed; use https:, mailto:, tel: "
                "or a relative link to another page"
            )
    return None


class _BilingualBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sv: Annotated[str, Field(min_length=1, description="Swedish text (required).")]
    en: Annotated[
        str | None,
        Field(default=None, description="English text; falls back to Swedish with a note."),
    ] = None

    def get(self, lang: str) -> tuple[str, bool]:
        """Text in ``lang`` and whether it fell back to Swedish."""
        if lang == "en":
            if self.en:
                return self.en, False
            return self.sv, True
        return self.sv, False

    def text(self, lang: str) -> str:
        return self.get(lang)[0]

    @classmethod
    def problem(cls, value: str) -> str | None:
        """What is wrong with one language's text, or None."""
        return html_problem(value)

    @field_validator("sv", "en")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        if value is None:
            return value
        value = value.strip()
        if not value:
            raise ValueError("is empty; write the text or remove the field")
        problem = cls.problem(value)
        if problem:
            raise ValueError(problem)
        return value


class PlainText(_BilingualBase):
    """Bilingual plain text (titles, names): rendered literally; no HTML."""


class MarkdownText(_BilingualBase):
    """Bilingual inline Markdown (steps, notes): emphasis and safe links; no HTML."""

    @classmethod
    def problem(cls, value: str) -> str | None:
        return html_problem(value) or link_problem(value)


class Keywords(BaseModel):
    """Search words per language: what staff type when they look for a routine."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sv: Annotated[list[str], Field(min_length=1, description="Swedish search words (required).")]
    en: Annotated[list[str], Field(default_factory=list, description="English search words.")]

    def get(self, lang: str) -> list[str]:
        return self.en if lang == "en" and self.en else self.sv

    @field_validator("sv", "en")
    @classmethod
    def _clean(cls, values: list[str]) -> list[str]:
        cleaned = [value.strip() for value in values]
        for value in cleaned:
            if not value:
                raise ValueError("contains an empty word; remove it")
            problem = html_problem(value)
            if problem:
                raise ValueError(problem)
        return cleaned
