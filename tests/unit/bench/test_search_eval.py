"""The search evaluation's scoring and the index marks and tables the search is built from
(issue 18). The browser run itself is `make search-eval`; here the parts that decide what
counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.bench.search.browser import Result, page_path
from macros.bench.search.evaluate import Figures, Outcome, rank_of
from macros.bench.search.queries import Query, QueryFileError, load
from macros.search.fold import fold
from macros.search.index_marks import ignore_excluded, marked, summary_of
from macros.search.synonyms import expansion_table
from macros.search.titles import title_keys
from tests.conftest import ROOT

QUERIES = ROOT / "tests" / "search_eval" / "queries.yml"


def test_the_evaluation_set_is_large_and_bilingual() -> None:
    queries = load(QUERIES)
    assert len(queries) >= 150
    assert sum(q.lang == "en" for q in queries) >= 40
    kinds = {q.kind for q in queries}
    assert {"title", "abbreviation", "contact", "diacritics", "compound", "synonym",
            "question", "sentence"} <= kinds
    for abbreviation in ("LSS", "SoL", "LVU", "BBIC", "HVB", "SIP", "FREDA", "HRV", "VINR"):
        assert any(abbreviation in q.text for q in queries), abbreviation


@pytest.mark.parametrize("text, problem", [
    ("queries: [{q: x, lang: de, kind: title, expect: [a/]}]", "lang: 'de'"),
    ("queries: [{q: x, lang: sv, kind: guess, expect: [a/]}]", "kind: 'guess'"),
    ("queries: [{q: x, lang: sv, kind: title, expect: [a/, b/]}]", "exactly one page"),
    ("queries: [{q: x, lang: sv, kind: topic, expect: [a]}]", "ending in '/'"),
    ("queries: [{q: x, lang: sv, kind: topic, expect: [a/]}, {q: X, lang: sv, kind: topic, "
     "expect: [b/]}]", "appears twice"),
])
def test_a_bad_query_file_says_where_and_how_to_fix(tmp_path: Path, text: str,
                                                     problem: str) -> None:
    path = tmp_path / "queries.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QueryFileError, match="query"):
        load(path)
    with pytest.raises(QueryFileError) as error:
        load(path)
    assert problem in str(error.value) and str(path) in str(error.value)


def _q(*expect: str, lang: str = "sv") -> Query:
    return Query(text="x", lang=lang, kind="topic", expect=expect)


def test_rank_is_the_first_right_page_and_english_lives_under_en() -> None:
    shown = [Result("/a/", "A"), Result("/en/b/", "B"), Result("/b/", "B")]
    assert rank_of(_q("b/"), shown) == 3
    assert rank_of(_q("b/", lang="en"), shown) == 2
    assert rank_of(_q("c/"), shown) is None
    assert rank_of(_q("./"), [Result("/", "Start")]) == 1


def test_figures() -> None:
    q = _q("a/")
    figures = Figures.of([Outcome(q, 1), Outcome(q, 2), Outcome(q, 4), Outcome(q, None)])
    assert (figures.n, figures.top1, figures.top3) == (4, 0.25, 0.5)
    assert figures.mrr == pytest.approx((1 + 0.5 + 0.25) / 4)


def test_result_links_resolve_against_the_page() -> None:
    page = "http://127.0.0.1:8000/en/rutiner/x/"
    assert page_path("../y/?h=våld#steps", page) == "/en/rutiner/y/"
    assert page_path("../../kontakter/", page) == "/en/kontakter/"


def test_excluded_sections_and_elements_are_ignored_by_pagefind() -> None:
    html = ('<h1>T</h1><p>kept <span data-search-exclude="true">words</span></p>'
            '<h2 id="contacts" data-search-exclude="true">Kontakter</h2><table>x</table>'
            '<h2 id="steps">Gör så här</h2><p>steps</p>')
    out = ignore_excluded(html)
    assert '<div data-pagefind-ignore="all"><h2 id="contacts"' in out
    assert '<span data-pagefind-ignore="all">words' in out
    assert '<h2 id="steps">Gör så här</h2><p>steps</p>' in out and out.count("ignore") == 2


def test_summary_is_the_first_sentence_after_the_notices() -> None:
    html = ('<h1>T</h1><aside class="kb-review"><p>Granskad</p></aside>'
            '<div class="admonition warning"><p>Exempeldata</p></div>'
            '<p>Förskolan ser barnen <a href="#">varje</a> dag. Mer text.</p>')
    assert summary_of(html) == "Förskolan ser barnen varje dag."


def test_metadata_is_escaped() -> None:
    out = marked("<p>x</p>", department='A "quoted" <b>', summary="s")
    assert 'data-pagefind-meta="department:A &quot;quoted&quot; &lt;b&gt;"' in out
    assert out.startswith("<div data-pagefind-body>")


def test_the_synonym_table_leads_each_word_to_the_others_of_its_groups() -> None:
    table = expansion_table([["orosanmälan", "barnavårdsanmälan", "soc-anmälan"],
                             ["SoL", "socialtjänstlagen"], ["LSS", "funktionsnedsättning"],
                             ["LSS", "lagen om stöd och service"]])
    assert table["orosanmalan"] == ["barnavårdsanmälan", "soc-anmälan"]  # keys folded
    assert table["soc anmalan"] == ["orosanmälan", "barnavårdsanmälan"]
    assert table["sol"] == ["socialtjänstlagen"]
    assert table["lss"] == ["funktionsnedsättning", "lagen om stöd och service"]  # both groups
    assert table["funktionsnedsattning"] == ["LSS"]  # not the other group's words
    assert expansion_table([["a", "A"]]) == {}  # nothing but itself


@pytest.mark.parametrize("text, folded", [
    ("Hedersvåld", "hedersvald"), ("  SKYDDAT\tboende! ", "skyddat boende"),
    ("Förskolan – oro för ett barn", "forskolan oro for ett barn"), ("café", "cafe"),
    ("snake_case", "snake case"),
])
def test_folding_is_case_accent_and_punctuation_blind(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_title_is_found_whole_without_small_words_and_by_its_head() -> None:
    keys = title_keys("Förskolan – oro för ett barn, hämtning och skyddade personuppgifter", "sv")
    assert "forskolan oro for ett barn hamtning och skyddade personuppgifter" in keys
    assert "forskolan oro barn hamtning skyddade personuppgifter" in keys  # no stop words
    assert "forskolan" in keys  # before the dash
    assert title_keys("Kontakter", "sv") == ["kontakter"]
    assert "who is responsible" in title_keys("Who is responsible", "en")
    assert "responsible" in title_keys("Who is responsible", "en")
