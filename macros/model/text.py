"""Bilingual text values: Swedish required, English optional, no raw HTML, safe links.

Every text of the data follows one link rule (:mod:`macros.model.link_rule`), whether it is
rendered as Markdown (:class:`MarkdownText`) or literally (:class:`PlainText`, keywords, the
free-text fields typed :data:`Text`): a link in a title is inert, but the rule is one rule.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
)
from pydantic_core import PydanticCustomError

from macros.model.errors import text_error
from macros.model.link_rule import refused_scheme, refused_targets, shown

Lang = Literal["sv", "en"]
LANGUAGES: tuple[Lang, ...] = ("sv", "en")
DEFAULT_LANGUAGE: Lang = "sv"

# A tag-like "<x", "</x" or "<!": text from YAML is never HTML.
_HTML_TAG = re.compile(r"<\s*(?:[/!?]\s*)?[A-Za-z]|<!--")


Problem = PydanticCustomError  # a text's problem: a catalogue key and its values


def html_problem(value: str) -> Problem | None:
    """Raw HTML in ``value``, or None when there is none."""
    match = _HTML_TAG.search(value)
    if match:
        snippet = value[match.start() : match.start() + 20].split(">")[0] + ">"
        return text_error("text_html", snippet=repr(snippet))
    return None


# Control characters (tab and line breaks aside) and the bidi overrides, embeddings and
# isolates: invisible, they break XML (the Atom feeds) or reorder what a reader sees.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_problem(value: str) -> Problem | None:
    """A control or bidi-override character in ``value``, or None."""
    found = _CONTROL.search(value)
    if found is None:
        return None
    return text_error("text_control", code=f"U+{ord(found.group()):04X}")


def link_problem(value: str) -> Problem | None:
    """A Markdown link the link rule refuses (javascript:, data:, //host, …), or None."""
    for _offset, target, scheme in refused_targets(value):
        return text_error("link_refused", target=shown(target), scheme=scheme)
    return None


def text_problem(value: str) -> Problem | None:
    """What no text of the data may hold: raw HTML, a link the rule refuses, a control
    character."""
    return html_problem(value) or link_problem(value) or control_problem(value)


def _checked_text(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise problem
    return value


def _checked_address(value: Any) -> Any:
    if isinstance(value, str):
        scheme = refused_scheme(value)
        if scheme is not None:
            raise text_error("link_refused", target=shown(value), scheme=scheme)
    return value


# A free-text field that is not bilingual (a decision reference, a matrix letter, a page's
# front-matter title): the same rules as every text.
Text = Annotated[str, AfterValidator(_checked_text)]
# A web address: the link rule first (its message), then pydantic's http(s) URL.
WebAddress = Annotated[HttpUrl, BeforeValidator(_checked_address)]


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
    def problem(cls, value: str) -> Problem | None:
        """What is wrong with one language's text, or None."""
        return text_problem(value)

    @field_validator("sv", "en")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        if value is None:
            return value
        value = value.strip()
        if not value:
            raise text_error("text_empty")
        problem = cls.problem(value)
        if problem:
            raise problem
        return value


class PlainText(_BilingualBase):
    """Bilingual plain text (titles, names): rendered literally; no HTML."""


class MarkdownText(_BilingualBase):
    """Bilingual inline Markdown (steps, notes): emphasis and safe links; no HTML."""


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
                raise text_error("keyword_empty")
            problem = text_problem(value)
            if problem:
                raise problem
        return cleaned
