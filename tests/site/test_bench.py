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
from macros.cli import main
from tests.conftest import ROOT, loaded

ROUTINES = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    prepare(ROOT, out, ROUTINES)
    return out


@pytest.fixture(scope="module")
def result(corpus: Path) -> BenchResult:
    return run_bench(ROOT, corpus, ROUTINES, pairs=1)


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
                   "without the speed-ups", "the same pages, links"):
        assert needle in table
    readme = markdown_table(result)
    assert "| Build time a/b |" in readme and "| `kb check` |" in readme
    data = json.loads(json.dumps(result.to_json()))
    assert data["ratios"]["a/c"]["median"] > 0
    assert markdown_table(BenchResult.from_json(data)) == readme


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
