"""Markdown extension: every checklist checkbox gets its item's text as accessible name.

pymdownx.tasklist (custom_checkbox) writes each checkbox as raw HTML, ``<label><input/>
<span class="task-list-indicator"></span></label>``, in front of the item's text, so the
checkbox has no name (WCAG 1.3.1, 4.1.2; axe rule ``label``). This runs right after it, before
inline Markdown: the item's text goes into ``<span id="kb-task-N">`` and the checkbox gets
``aria-labelledby`` pointing there. Nothing else changes, so the page looks the same.

Enable it after ``pymdownx.tasklist`` in mkdocs.yml: ``- macros.build.tasklist_labels``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

ID_PREFIX = "kb-task-"
_CHECKBOX = 'type="checkbox"'


class TasklistLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        count = 0
        for item in root.iter("li"):
            if "task-list-item" not in item.get("class", "").split():
                continue
            count += 1
            self.label(item, f"{ID_PREFIX}{count}")

    def label(self, item: etree.Element, ident: str) -> None:
        """Wrap the text after the checkbox (in the item or its first paragraph) in a span."""
        first = item[0] if len(item) else None
        holder = first if not item.text and first is not None and first.tag == "p" else item
        match = HTML_PLACEHOLDER_RE.match(holder.text or "")
        if match is None:
            return
        stash = self.md.htmlStash.rawHtmlBlocks
        index = int(match.group(1))
        checkbox = stash[index]
        if not isinstance(checkbox, str) or _CHECKBOX not in checkbox:
            return
        stash[index] = checkbox.replace(_CHECKBOX, f'{_CHECKBOX} aria-labelledby="{ident}"', 1)
        text = etree.Element("span", {"id": ident})
        text.text = (holder.text or "")[match.end():]
        holder.text = match.group(0)
        holder.insert(0, text)


class TasklistLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after pymdownx.tasklist (25), before inline Markdown (20) fills the span
        md.treeprocessors.register(TasklistLabels(md), "kb-tasklist-labels", 24)


def makeExtension(**kwargs: Any) -> TasklistLabelsExtension:
    return TasklistLabelsExtension(**kwargs)
