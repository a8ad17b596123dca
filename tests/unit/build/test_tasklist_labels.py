"""macros.build.tasklist_labels: each checklist checkbox is named by its item's text."""

from __future__ import annotations

import re

import markdown

TASKLIST = {"pymdownx.tasklist": {"custom_checkbox": True, "clickable_checkbox": True}}


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["pymdownx.tasklist", "macros.build.tasklist_labels"],
                             extension_configs=TASKLIST)


def test_each_checkbox_points_at_its_items_text() -> None:
    html = convert("- [ ] Anmäl **direkt**\n    - [x] inne i [listan](a.md)\n- [ ] två\n")
    assert re.findall(r'<input type="checkbox" aria-labelledby="(kb-task-\d)"', html) == [
        "kb-task-1", "kb-task-2", "kb-task-3"]
    assert '</label> <span id="kb-task-1">Anmäl <strong>direkt</strong></span><ul' in html
    assert '<span id="kb-task-2">inne i <a href="a.md">listan</a></span>' in html
    assert '<input type="checkbox" aria-labelledby="kb-task-2" checked/>' in html


def test_loose_items_and_following_lists_count_on() -> None:
    html = convert("- [ ] ett\n\n- [ ] två\n\n    mer text\n\ntext\n\n- [ ] tre\n")
    assert '<p><label class="task-list-control"><input type="checkbox" ' \
           'aria-labelledby="kb-task-2"/>' in html
    assert '<span id="kb-task-2">två</span></p>\n<p>mer text</p>' in html
    assert 'id="kb-task-3">tre</span>' in html


def test_other_lists_are_left_alone() -> None:
    assert convert("- vanlig\n- [länk](a.md)\n") == markdown.markdown(
        "- vanlig\n- [länk](a.md)\n", extensions=["pymdownx.tasklist"],
        extension_configs=TASKLIST)
