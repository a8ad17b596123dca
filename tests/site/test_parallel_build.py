"""The languages built in forked processes (macros/build/parallel_build.py) make the very same site
as static-i18n's one-after-the-other build, and a failure in the forked build fails the build."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build


def _contents(site: Path) -> dict[str, bytes]:
    """Every file's bytes; gzip files uncompressed (their header holds a time); PDFs only by
    name (Chromium stamps them)."""
    out = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[name] = b"" if path.suffix == ".pdf" else data
    return out


def test_parallel_build_makes_the_same_site(small_project: Path, small_site: Path,
                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    monkeypatch.setenv("KB_PARALLEL", "0")
    sequential = tmp_path / "sequential"
    result = mkdocs_build(small_project, sequential)
    assert result.returncode == 0, result.stderr
    parallel, one_by_one = _contents(small_site), _contents(sequential)
    assert sorted(parallel) == sorted(one_by_one)
    differing = [name for name in parallel if parallel[name] != one_by_one[name]]
    assert differing == []
    # both languages, the search's files for each, one sitemap listing both
    assert {"index.html", "en/index.html", "pagefind/pagefind-entry.json",
            "search/search.sv.json", "search/search.en.json", "search/words/en-r.json",
            "sitemap.xml", "404.html"} <= set(parallel)
    sitemap = parallel["sitemap.xml"].decode()
    assert 'hreflang="en"' in sitemap and 'hreflang="sv"' in sitemap


def test_a_failure_in_the_forked_build_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    english = sorted((project / "docs").glob("*.en.md"))[0]
    english.write_text(english.read_text(encoding="utf-8")
                       + "\n\n[A broken link](no-such-page.md)\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "no-such-page.md" in output
    assert "Building the 'en' pages failed" in output
    assert "Traceback" not in output
