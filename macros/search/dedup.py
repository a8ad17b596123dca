"""Leave out search entries of pages that fell back to the default language, in O(n).

Built with ``fallback_to_default``, a page without an English file is English only by its
address: ``en/x/`` carries the same title and text as ``x/``. mkdocs-static-i18n's
``reconfigure_search_duplicates`` drops such entries, comparing every entry with every other
(O(n²): about 14 s at 1000 routines). :func:`drop_fallback_copies` applies the same rule with
one dictionary:

an entry whose location starts with ``<lang>/`` (any built language) is dropped when an entry
of the default language (a location without such a prefix) has the same title and the same
text and its location is a suffix of the dropped entry's location.

The one difference: static-i18n removes from a list it is walking, so when two entries in a
row copy the same default-language entry it keeps the second; here both go.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Doc = dict[str, Any]


def _key(doc: Doc) -> tuple[str, str]:
    return str(doc.get("title", "")), str(doc.get("text", ""))


def _ends_with_any(location: str, suffixes: set[str]) -> bool:
    """Whether ``location`` ends with one of ``suffixes``: at most min(len, count) checks."""
    if len(suffixes) <= len(location):
        return any(location.endswith(suffix) for suffix in suffixes)
    return any(location[start:] in suffixes for start in range(len(location) + 1))


def drop_fallback_copies(docs: Iterable[Doc], languages: Iterable[str]) -> list[Doc]:
    """``docs`` without the other languages' copies of default-language entries (see above)."""
    docs = list(docs)
    prefixes = tuple(f"{lang}/" for lang in languages)
    originals: dict[tuple[str, str], set[str]] = {}
    for doc in docs:
        location = str(doc.get("location", ""))
        if not location.startswith(prefixes):
            originals.setdefault(_key(doc), set()).add(location)

    def is_copy(doc: Doc) -> bool:
        location = str(doc.get("location", ""))
        if not location.startswith(prefixes):
            return False
        found = originals.get(_key(doc))
        return found is not None and _ends_with_any(location, found)

    return [doc for doc in docs if not is_copy(doc)]
