"""Words as the site's search compares them: lower case, without accents (å → a, ö → o), only
letters and digits. The search worker (overrides/assets/kb/search-worker.js, ``fold``) folds
what the reader types the same way, so a key written here is found there."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+|_")


def fold(text: str) -> str:
    """``"Skyddat  BOENDE!"`` → ``"skyddat boende"``; ``"Hedersvåld"`` → ``"hedersvald"``."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def words(text: str) -> list[str]:
    return fold(text).split()
