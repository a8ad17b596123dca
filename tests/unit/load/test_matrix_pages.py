"""Which docs/ page shows each matrix, in each language (macros/load/matrix_pages.py)."""

from __future__ import annotations

from pathlib import Path

from macros.load.matrix_pages import matrix_pages
from tests.conftest import FIXTURE_SITE


def test_the_page_showing_a_matrix_is_found_in_each_language(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "plan").mkdir(parents=True)
    (docs / "plan" / "ansvar.md").write_text('{{ responsibility_matrix("a") }}', "utf-8")
    (docs / "plan" / "ansvar.en.md").write_text("{{ responsibility_matrix('a') }}", "utf-8")
    (docs / "z.md").write_text('{{ responsibility_matrix( "b" ) }}', "utf-8")  # no z.en.md
    (docs / "y.md").write_text('{{ responsibility_matrix("c") }}', "utf-8")
    (docs / "y.en.md").write_text("No matrix in English.", "utf-8")
    assert matrix_pages(docs) == {"sv": {"a": "plan/ansvar.md", "b": "z.md", "c": "y.md"},
                                  "en": {"a": "plan/ansvar.md", "b": "z.md"}}
    assert matrix_pages(FIXTURE_SITE / "docs") == {"sv": {"ansvar": "index.md"}, "en": {}}
