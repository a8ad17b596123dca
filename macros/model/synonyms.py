"""The search's synonym list (``routines/synonyms.yml``): groups of words staff use for the
same thing, in Swedish and English. A word a reader types that belongs to a group is also
searched as the group's other words in the same language (:mod:`macros.search.synonyms`
turns the groups into the table the site's search reads). Facts about how people talk, never
a query that should find one page."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from macros.model.base import Strict
from macros.model.errors import text_error

# A word or phrase: one to ten words of letters, digits and - ' . / & (not a sentence)
_WORD = re.compile(r"^[\w'’.&/-]+( [\w'’.&/-]+){0,9}$")


def _word(value: str) -> str:
    word = " ".join(value.split())
    if not _WORD.match(word) or sum(c.isalnum() for c in word) < 2:
        raise text_error("syn_word_invalid", value=repr(value))
    return word


Word = Annotated[str, AfterValidator(_word), Field(
    max_length=80,
    description="A word or short phrase as staff write it, e.g. `LSS` or `skyddat boende`.",
)]


class SynonymGroup(Strict):
    """One thing, named in the ways staff name it: Swedish words under ``sv``, English under
    ``en`` (either may be left out). A reader's word in one language finds what the group's
    other words in that language find."""

    sv: list[Word] = Field(default_factory=list, description="Swedish words for the thing.")
    en: list[Word] = Field(default_factory=list, description="English words for the thing.")

    @model_validator(mode="after")
    def _enough_words(self) -> SynonymGroup:
        if not self.sv and not self.en:
            raise text_error("syn_group_empty", field="sv")
        if max(len(self.sv), len(self.en)) < 2:
            field = "sv" if self.sv else "en"
            raise text_error("syn_group_one", field=field)
        return self

    def words(self, lang: str) -> list[str]:
        return list(self.sv if lang == "sv" else self.en if lang == "en" else [])


class SynonymsFile(Strict):
    groups: list[SynonymGroup] = Field(
        default_factory=list,
        description="Groups of words that mean the same to staff, in Swedish and English.")
