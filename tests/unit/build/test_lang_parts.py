"""macros.build.lang_parts: Swedish titles in English pages' navigation are marked lang="sv"."""

from __future__ import annotations

from macros.build.lang_parts import mark_titles, untranslated_data
from macros.model.core import KnowledgeBase


def test_untranslated_routine_titles_and_names(fixture_kb: KnowledgeBase) -> None:
    assert "Delvis översatt rutin" in untranslated_data(fixture_kb, "en")
    assert "Orosanmälan om barn" not in untranslated_data(fixture_kb, "en")
    assert untranslated_data(fixture_kb, "sv") == set()


def test_marks_whole_titles_in_materials_title_elements() -> None:
    html = ('<span class="md-ellipsis">\n  Bara svenska\n</span>'
            '<div class="md-ellipsis">Bara svenska</div>'
            '<span class="md-ellipsis">Bara svenska och mer</span>'
            '<span class="other">Bara svenska</span>'
            '<span class="md-ellipsis">R&amp;D på svenska</span>')
    assert mark_titles(html, {"Bara svenska", "R&D på svenska"}) == (
        '<span class="md-ellipsis" lang="sv">\n  Bara svenska\n</span>'
        '<div class="md-ellipsis" lang="sv">Bara svenska</div>'
        '<span class="md-ellipsis">Bara svenska och mer</span>'
        '<span class="other">Bara svenska</span>'
        '<span class="md-ellipsis" lang="sv">R&amp;D på svenska</span>')
    assert mark_titles(html, set()) == html
