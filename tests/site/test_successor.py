"""The successor build (issue 21): Zensical + zensical-i18n build tests/fixtures/site from the
pages `kb stage` writes (macros/successor/), and differ from ours only as README states."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from macros.cli import main
from macros.links.parity import parity
from tests.conftest import ROOT

README = ROOT / "README.md"
PARITY_MARK = "<!-- parity of the fixture site: tests/site/test_successor.py asserts these lines -->"


def readme_parity_list() -> set[str]:
    """The fixture site's parity list as the README states it (kind: rule, one a line)."""
    text = README.read_text(encoding="utf-8")
    assert PARITY_MARK in text, f"README.md has no {PARITY_MARK!r}"
    block = re.search(r"```text\n(.*?)\n```", text[text.index(PARITY_MARK):], re.DOTALL)
    assert block is not None, "the parity list follows its mark as a ```text block"
    return {line.strip() for line in block.group(1).splitlines() if line.strip()}


def test_successor_builds_the_fixture_site_with_the_stated_differences(
        small_site: Path, successor_site: Path) -> None:
    """Every difference from our build, by kind, must be exactly the README's list: a new one
    fails until it is decided and stated (README "After Material's end of life")."""
    site = successor_site
    assert (site / "en" / "index.html").is_file() and (site / "api" / "pages.json").is_file()
    assert (site / "sitemap.xml.gz").is_file() and not (site / "en" / "sitemap.xml").exists()
    links = CliRunner().invoke(main, ["links", str(site)])  # links in heads and feeds too
    assert links.exit_code == 0, links.output
    found = parity(small_site, site)
    assert {f"{f.kind}: {f.rule}" for f in found} == readme_parity_list(), \
        "\n".join(f.format() for f in found)


def test_successor_steps_say_what_is_missing(small_project: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    run = runner.invoke(main, ["--root", str(small_project), "successor", "prepare",
                               str(tmp_path)])
    assert run.exit_code == 1 and "run `kb stage --out" in run.output
    run = runner.invoke(main, ["--root", str(small_project), "stage", "--out", str(tmp_path)],
                        env={"KB_PDF": "off"})
    assert run.exit_code == 0, run.output
    run = runner.invoke(main, ["--root", str(small_project), "successor", "finish",
                               str(tmp_path), str(tmp_path / "site")])
    assert run.exit_code == 1 and "no site; build it first" in run.output
