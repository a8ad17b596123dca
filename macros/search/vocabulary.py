"""The words of the indexed pages, per language, for the search's second try: a word the
index does not have (a typo such as "sosialjouren", a compound split as "utrese förbud" or
joined as "vårdnadsärenden") is compared with the words the pages do have. Written as one
small file per first letter (``search/words/<lang>-<letter>.json``, a list, most frequent
first), so a reader's browser fetches only the letters of the words it did not find."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from macros.search.fold import fold

MIN_LENGTH = 4  # shorter words are not corrected: too many near neighbours
FOLDER = Path("search") / "words"
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);", re.I)
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LENGTH},}}")


class Vocabulary:
    """Counts the words of each language's pages as they are built."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}

    def add(self, lang: str, html: str) -> None:
        text = _ENTITY.sub(" ", _TAG.sub(" ", html))
        self.counts.setdefault(lang, Counter()).update(w.lower() for w in _WORD.findall(text))

    def shards(self, lang: str) -> dict[str, list[str]]:
        """First letter (folded) → the language's words with it, most frequent first."""
        out: dict[str, list[str]] = {}
        ranked = sorted(self.counts.get(lang, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))
        for word, _ in ranked:
            letter = shard_of(word)
            if letter:
                out.setdefault(letter, []).append(word)
        return out

    def write(self, site_dir: Path, lang: str) -> list[Path]:
        folder = site_dir / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for letter, words in sorted(self.shards(lang).items()):
            path = folder / f"{lang}-{letter}.json"
            path.write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")),
                            encoding="utf-8")
            written.append(path)
        return written


def shard_of(word: str) -> str:
    """The file a word is in: its first letter, folded (å, ä → a), a–z only."""
    first = fold(word[:1])
    return first if len(first) == 1 and "a" <= first <= "z" else ""
