"""Search entries without repetition Material's search plugin adds.

- :func:`page_tags_only`: the plugin copies a page's ``tags`` (our routines' search words)
  into the entry of every section of the page. The page's own entry (its location has no
  ``#``) is what a search word should find; the copies only repeat the words, and Material
  shows them again under every section in the results. They stay on the page's entry.
- :func:`drop_empty_items`: a list item whose whole text is left out of the index
  (:mod:`macros.search.marks`) stays behind as ``<li></li>``: the plugin checks only the
  first item of a list for emptiness. Such items are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

Doc = dict[str, Any]
_EMPTY = re.compile(r"<(li|p)>\s*</\1>\s?")


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def page_tags_only(docs: Iterable[Doc]) -> list[Doc]:
    """``docs`` with a section's ``tags`` dropped when its page's entry has the same tags."""
    docs = list(docs)
    page_tags = {str(doc.get("location", "")): doc.get("tags") for doc in docs
                 if "#" not in str(doc.get("location", "")) and doc.get("tags")}
    kept: list[Doc] = []
    for doc in docs:
        location = str(doc.get("location", ""))
        if "#" in location and "tags" in doc and doc["tags"] == page_tags.get(_page(location)):
            doc = {key: value for key, value in doc.items() if key != "tags"}
        kept.append(doc)
    return kept


def drop_empty_items(docs: Iterable[Doc]) -> list[Doc]:
    """``docs`` with empty ``<li></li>`` and ``<p></p>`` removed from their text."""
    kept: list[Doc] = []
    for doc in docs:
        text = doc.get("text")
        if isinstance(text, str) and "></" in text:
            cleaned = _EMPTY.sub("", text)
            if cleaned != text:
                doc = {**doc, "text": cleaned}
        kept.append(doc)
    return kept
