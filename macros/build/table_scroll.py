"""Markdown extension: every table of a page scrolls sideways in a region of its own.

A table wider than a phone must not make the page scroll sideways (WCAG 1.4.10 reflow); it
scrolls inside its container. Material wraps tables in such a container, but only by script
and as a plain <div>, which a keyboard cannot reach when the table has no links (axe
``scrollable-region-focusable``). This wraps each table of the Markdown in
``<div class="kb-scroll" role="region" tabindex="0" aria-labelledby="…">``, named by the
heading above it (or, for a second table under the same heading, also by its first column
header), so it works without script too; assets/kb/kb.css lets only that region scroll and
assets/kb/kb.js drops its tab stop when the table fits. Tables already in a region or in
a contact list (macros/render/) are left alone.

Enable it in mkdocs.yml: ``- macros.build.table_scroll`` (after ``toc``: it uses the
headings' ids).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

REGION_CLASS = "kb-scroll"
LEFT_ALONE = frozenset({REGION_CLASS, "kb-contacts"})  # regions and cards of their own
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _classes(element: etree.Element) -> set[str]:
    return set(element.get("class", "").split())


class TableScroll(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        heading: str | None = None
        named: dict[str | None, int] = {}
        tables: list[tuple[etree.Element, list[str]]] = []
        for element in root.iter():
            if element.tag in _HEADINGS and element.get("id"):
                heading = element.get("id")
            elif element.tag == "table" and not self._left_alone(element, parents):
                named[heading] = named.get(heading, 0) + 1
                labels = [heading] if heading else []
                if named[heading] > 1 or not labels:
                    labels.append(self._head_id(element, len(tables) + 1))
                tables.append((element, [label for label in labels if label]))
        for table, labels in tables:
            self._wrap(table, parents[table], labels)

    @staticmethod
    def _left_alone(table: etree.Element, parents: dict[etree.Element, etree.Element]) -> bool:
        element = parents.get(table)
        while element is not None:
            if _classes(element) & LEFT_ALONE:
                return True
            element = parents.get(element)
        return False

    @staticmethod
    def _head_id(table: etree.Element, number: int) -> str:
        """The id of the table's first column header (given one if it has none)."""
        head = next(table.iter("th"), None)
        if head is None:
            return ""
        if not head.get("id"):
            head.set("id", f"kb-table-{number}")
        return head.get("id", "")

    @staticmethod
    def _wrap(table: etree.Element, parent: etree.Element, labels: list[str]) -> None:
        region = etree.Element("div", {"class": REGION_CLASS, "role": "region",
                                       "tabindex": "0"})
        if labels:
            region.set("aria-labelledby", " ".join(labels))
        index = list(parent).index(table)
        region.tail, table.tail = table.tail, None
        parent.remove(table)
        region.append(table)
        parent.insert(index, region)


class TableScrollExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after toc (5), which gives the headings their ids
        md.treeprocessors.register(TableScroll(md), "kb-table-scroll", 4)


def makeExtension(**kwargs: Any) -> TableScrollExtension:
    return TableScrollExtension(**kwargs)
