"""The benchmark's tools at a tiny size: the corpus is valid, the naive projects make the same
pages, and one round of `kb bench` reports every measure. No timing assertions: the benchmark
itself (`make bench`) is the check of speed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.bench.corpus import routine_id
from macros.bench.naive import our_pages
from macros.bench.report import CONFIGS, BenchResult, markdown_table, text_table
from macros.bench.run import prepare, run_bench, site_of
from macros.bench.successor import successor_available
from macros.cli import main
from tests.conftest import ROOT, loaded
from tests.successor_build import require_successor

ROUTINES = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    prepare(ROOT, out, ROUTINES)
    return out


SUCCESSOR_VENV = ROOT / ".venv-successor"


@pytest.fixture(scope="module")
def result(corpus: Path) -> BenchResult:
    """One round; with (d), the successor, when .venv-successor is there (make test installs
    it; tests/successor_build.py says why when it is not)."""
    return run_bench(ROOT, corpus, ROUTINES, pairs=1,
                     successor_venv=SUCCESSOR_VENV if successor_available(SUCCESSOR_VENV)
                     else None)


def test_corpus_passes_kb_check_and_loads(corpus: Path) -> None:
    run = CliRunner().invoke(main, ["--root", str(corpus / "ours"), "check"])
    assert run.exit_code == 0, run.output
    assert ": error:" not in run.output
    kb = loaded(corpus / "ours")
    synthetic = [r for r in kb.routines.values() if r.id.startswith("bench-rutin-")]
    assert len(synthetic) == ROUTINES
    assert len({r.department for r in synthetic}) > 1
    assert len({r.unit for r in synthetic}) > 1
    assert all(r.review.review_by > date.today() for r in synthetic)
    assert set(loaded(ROOT).routines) < set(kb.routines)  # the real ones stay


def test_naive_project_has_our_pages_with_macros_expanded(corpus: Path) -> None:
    prose, generated = our_pages(corpus / "ours")
    ours = set(prose) | set(generated)
    docs = corpus / "naive" / "docs"
    naive = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    assert naive == ours
    assert any(src.endswith(".en.md") for src in naive)
    assert f"rutiner/kommunledningskontoret/{routine_id(1)}.en.md" in naive
    leftovers = [src for src in naive if "{{" in (docs / src).read_text(encoding="utf-8")]
    assert leftovers == []
    prune = (corpus / "naive-prune" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "navigation.prune" in prune
    assert "kb" not in (corpus / "naive" / "mkdocs.yml").read_text(encoding="utf-8").split()


def test_bench_reports_every_measure(corpus: Path, result: BenchResult) -> None:
    assert set(result.times) == set(CONFIGS)
    assert all(len(times) == 1 and times[0] > 0 for times in result.times.values())
    assert result.routines == ROUTINES and result.total_routines > ROUTINES
    for stats in result.sites.values():
        assert stats.pages > 0 and stats.median_page_kb > 0 and stats.search_index_mb > 0
    assert result.kb_check_s > 0 and result.links_s > 0
    assert result.broken_links == 0
    assert result.reference_s > 0 and result.reference_differences == 0
    assert (corpus / "site-reference" / "en" / "rutiner" / "index.html").is_file()
    reference = (corpus / "ours" / "mkdocs.reference.yml").read_text(encoding="utf-8")
    assert "navigation.prune" not in reference
    assert "navigation.prune" in (corpus / "ours" / "mkdocs.yml").read_text(encoding="utf-8")
    assert result.ratio("b").median > 0 and result.ratio("c").median > 0
    assert "cores" in result.machine
    table = text_table(result)
    for needle in ("ratio a/b", "ratio a/c", "kb check", "kb links", "search index",
                   "without the speed-ups", "the same pages, links", "search of a, first result"):
        assert needle in table
    if result.search:  # Chromium and nginx were there: both languages answered
        assert set(result.search) == {"sv", "en"}
        assert all(row["ms"] > 0 and row["kb"] > 0 for row in result.search.values())
    else:
        assert "needs Chromium and nginx" in result.search_note
    readme = markdown_table(result)
    assert "| Build time a/b |" in readme and "| `kb check` |" in readme
    data = json.loads(json.dumps(result.to_json()))
    assert data["ratios"]["a/c"]["median"] > 0
    assert markdown_table(BenchResult.from_json(data)) == readme


def test_bench_builds_the_successor_cold_and_warm(corpus: Path, result: BenchResult) -> None:
    require_successor()  # skips with the reason, fails under CI=true
    assert set(result.successor) == {"cold", "warm"}
    assert all(len(times) == 1 and times[0] > 0 for times in result.successor.values())
    assert {name.split(" ", 1)[1] for name in result.successor_steps} == {
        "stage", "prepare", "zensical", "finish"}
    assert result.sites["d"].pages == result.sites["a"].pages
    assert result.sites["d"].search_index_mb > 0
    assert result.successor_ratio("cold").median > 0
    assert "ratio d/a, cold" in text_table(result)
    assert "| d) successor: kb stage + Zensical, cold |" in markdown_table(result)
    assert "d cold/a" in result.to_json()["ratios"]  # type: ignore[operator]


def test_the_three_builds_make_the_same_pages(corpus: Path, result: BenchResult) -> None:
    def html_pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}

    pages = {key: html_pages(site_of(corpus, key)) for key in CONFIGS}
    # ours also writes the English 404 page, for web servers (plain static-i18n writes one)
    assert "en/404.html" in pages["a"]
    assert pages["a"] - {"en/404.html"} == pages["b"] == pages["c"]
    assert "en/rutiner/index.html" in pages["a"]


def test_bench_command_reuses_the_corpus(corpus: Path, result: BenchResult) -> None:
    stamp = (corpus / "corpus.json").stat().st_mtime_ns
    run = CliRunner().invoke(main, ["--root", str(ROOT), "bench-corpus",
                                    "--routines", str(ROUTINES), "--out", str(corpus)])
    assert run.exit_code == 0, run.output
    assert (corpus / "corpus.json").stat().st_mtime_ns == stamp
