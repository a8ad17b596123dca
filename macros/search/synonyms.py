"""The bilingual synonym list: groups of words that mean the same to staff. At build time a
page that contains one word of a group (in its language) gets the group's other words as
weighted, hidden index text, so a reader's word finds the page that uses another. Never a
list of queries: each group is a fact about the language of the field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGS = ("sv", "en")


class SynonymFileError(ValueError):
    pass


@dataclass(frozen=True)
class Synonyms:
    groups: dict[str, tuple[tuple[str, ...], ...]]

    def expand(self, text: str, lang: str) -> list[str]:
        """The words of every group that has a word in ``text``, less the words it has."""
        folded = " " + re.sub(r"\s+", " ", text.casefold()) + " "
        extra: list[str] = []
        for group in self.groups.get(lang, ()):
            present = [w for w in group if _occurs(w, folded)]
            if present:
                extra.extend(w for w in group if w not in present and w not in extra)
        return extra


def _occurs(word: str, folded: str) -> bool:
    """A word or phrase at a word start, its last word cut by two letters when long, since
    Swedish inflects at the end (orosanmälan → orosanmälningar, våldet, barnen); short
    abbreviations (≤ 4 letters) only as whole words."""
    w = word.casefold()
    if len(word) <= 4:
        return re.search(rf"(?<!\w){re.escape(w)}\b", folded) is not None
    if len(w.rsplit(" ", 1)[-1]) >= 7:
        w = w[:-2]
    return re.search(rf"(?<!\w){re.escape(w)}", folded) is not None


def load(path: Path) -> Synonyms:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems: list[str] = []
    groups: dict[str, tuple[tuple[str, ...], ...]] = {}
    for lang in LANGS:
        raw = data.get(lang, [])
        if not isinstance(raw, list):
            problems.append(f"{path}: {lang}: give a list of groups, e.g. - [LSS, lag om stöd "
                            "och service]")
            continue
        clean: list[tuple[str, ...]] = []
        for number, group in enumerate(raw, 1):
            if (not isinstance(group, list) or len(group) < 2
                    or not all(isinstance(w, str) and w.strip() for w in group)):
                problems.append(f"{path}: {lang}: group {number}: give two or more words, "
                                "e.g. [hedersvåld, hedersrelaterat våld]")
                continue
            clean.append(tuple(w.strip() for w in group))
        groups[lang] = tuple(clean)
    unknown = sorted(set(data) - set(LANGS))
    if unknown:
        problems.append(f"{path}: {', '.join(unknown)}: unknown language — use sv and en")
    if problems:
        raise SynonymFileError("\n".join(problems))
    return Synonyms(groups)


def words_in(groups: Sequence[Sequence[str]]) -> int:
    return sum(len(g) for g in groups)
