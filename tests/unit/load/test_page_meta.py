"""Front matter of the Markdown pages: review fields required, English pages may inherit."""

from __future__ import annotations

from pathlib import Path

from macros.load.page_meta import check_owners, load_pages, split_front_matter
from macros.model.catalogue import both

GOOD = ("---\ntitle: Sida\nowner: samordnare\nlast_reviewed: 2026-01-10\n"
        "review_interval_months: 12\n---\n# Sida\n")


def write(docs: Path, name: str, text: str) -> None:
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_split_front_matter() -> None:
    assert split_front_matter("---\na: 1\n---\n# T\n") == ("a: 1\n", "# T\n")
    assert split_front_matter("# No front matter\n") == (None, "# No front matter\n")


def test_a_valid_page_and_its_english_page_that_inherits(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "a/sida.md", GOOD)
    write(docs, "a/sida.en.md", "---\ntitle: Page\n---\n# Page\n")
    result = load_pages(docs, tmp_path)
    assert result.problems == []
    swedish, english = result.pages["a/sida.md"], result.pages["a/sida.en.md"]
    assert swedish.meta.owner == "samordnare" and swedish.line == 3
    assert swedish.reviewed_line == 4
    assert english.inherited and english.meta == swedish.meta and english.title == "Page"


def test_an_english_page_with_its_own_dates_is_checked(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "sida.md", GOOD)
    write(docs, "sida.en.md", "---\nowner: samordnare\nlast_reviewed: 2026-02-30\n"
                              "review_interval_months: 12\n---\n# Page\n")
    problems = load_pages(docs, tmp_path).problems
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("docs/sida.en.md", 3, "last_reviewed")]
    assert "YYYY-MM-DD" in problems[0].format()


def test_every_mistake_in_one_run(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "ingen.md", "# Ingen front matter\n")
    write(docs, "stavfel.md", "---\nowner: samordnare\nlast_reviewed: 2026-01-10\n"
                              "review_intervall_months: 12\n---\n")
    write(docs, "bada.md", "---\nowner: samordnare\nlast_reviewed: 2026-01-10\n"
                           "review_interval_months: 12\nreview_by: 2027-01-01\n---\n")
    write(docs, "trasig.md", "---\nowner: [samordnare\n---\n")
    shown = {(p.file, p.field, p.message.split(":")[0]) for p in
             load_pages(docs, tmp_path).problems}
    assert ("docs/ingen.md", "owner", both("page_no_review_fields")) in shown
    assert ("docs/stavfel.md", "review_intervall_months",
            both("page_unknown_field", field="review_intervall_months")) in shown
    assert any(f == "docs/bada.md" and field == "review_interval_months"
               for f, field, _ in shown)
    assert any(f == "docs/trasig.md" and "fel i YAML-syntaxen" in m for f, _, m in shown)


def test_unknown_owner_names_the_line_and_a_close_role(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "sida.md", GOOD.replace("owner: samordnare", "owner: samordnar"))
    problems = check_owners(load_pages(docs, tmp_path), {"samordnare", "rektor"})
    assert [(p.file, p.line, p.field) for p in problems] == [("docs/sida.md", 3, "owner")]
    assert "did you mean `samordnare`" in problems[0].format()


def test_the_search_settings_of_a_page(tmp_path: Path) -> None:
    """`search: boost` weighs a page among the search's results (macros/search/cards.py):
    a number over 0 up to 10; a mistake is named with its field, like any other."""
    docs = tmp_path / "docs"
    head = GOOD.removesuffix("---\n# Sida\n")
    write(docs, "ok.md", head + "search:\n  boost: 0.5\n---\n# Sida\n")
    write(docs, "noll.md", head + "search:\n  boost: 0\n---\n# Sida\n")
    write(docs, "text.md", head + "search:\n  boost: mycket\n---\n# Sida\n")
    write(docs, "stavfel.md", head + "search:\n  bost: 2\n---\n# Sida\n")
    result = load_pages(docs, tmp_path)
    assert result.pages["ok.md"].meta.search is not None
    assert result.pages["ok.md"].meta.search.boost == 0.5
    shown = {(p.file, p.field) for p in result.problems}
    assert shown == {("docs/noll.md", "search.boost"), ("docs/text.md", "search.boost"),
                     ("docs/stavfel.md", "search.bost")}
