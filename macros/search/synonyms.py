"""The synonym list as the table the site's search reads, one per language: each word or
phrase of a group (folded, :mod:`macros.search.fold`) → the group's other words as written.
A word in two groups leads to the words of both. The search worker looks up what the reader
types (a phrase of up to :data:`LONGEST` words, its last word also inflected: vårdtagare →
vårdtagaren) and searches the other words too."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from macros.search.fold import fold

LONGEST = 10  # words in a phrase (macros/model/synonyms.py allows up to ten)


def expansion_table(groups: Iterable[Sequence[str]]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for group in groups:
        for word in group:
            key = fold(word)
            if not key:
                continue
            others = table.setdefault(key, [])
            for other in group:
                if fold(other) != key and other not in others:
                    others.append(other)
    return {key: others for key, others in sorted(table.items()) if others}


def table_json(groups: Iterable[Sequence[str]]) -> str:
    return json.dumps(expansion_table(groups), ensure_ascii=False, separators=(",", ":"))
