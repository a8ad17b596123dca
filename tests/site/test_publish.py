"""Publishing versions with mike, end to end, in a temporary git repository
(tests/publishing.py: the fixture site published as 2019, then as 2026 with the alias
`gallande`, a routine changed in between). Failed checks and builds must leave the deploy
branch's last commit unchanged; the branch is exported as plain files. The version selector,
the outdated banner and the language switch in Chromium: tests/browser/test_versions.py."""

from __future__ import annotations

import json
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.model.catalogue import both
from tests.publishing import (
    BRANCH,
    TODAY,
    Published,
    branch_head,
    commit_all,
    edit,
    git,
    kb,
)

Failure = tuple[subprocess.CompletedProcess[str], str, str]  # result, branch before, after


def _try_failure(project: Path, name: str, change: Callable[[Path], None], *publish_args: str,
                 commit: bool = True) -> Failure:
    before = branch_head(project)
    change(project)
    if commit:
        commit_all(project, f"broken: {name}")
    result = kb(project, "publish", *publish_args, "--today", TODAY)
    after = branch_head(project)
    if commit:
        git(project, "reset", "-q", "--hard", "HEAD~1")
    else:
        git(project, "checkout", "-q", "--", ".")
    return result, before, after


@pytest.fixture(scope="module")
def failures(published: Published) -> dict[str, Failure]:
    """Four publishes that must fail, each tried on the published project and undone."""
    project = published.project
    return {
        "data": _try_failure(project, "data", lambda p: edit(
            p / "routines" / "socialtjanst" / "orosanmalan.yml", "owner: enhetschef-barn",
            "owner: ingen-sadan-roll"), "2026", "--alias", "gallande"),
        "build": _try_failure(project, "build", lambda p: edit(
            p / "docs" / "index.md", "# Start\n", "# Start\n\n[Trasig](finns-inte.md)\n"),
            "2026", "--alias", "gallande"),
        "version": _try_failure(project, "version", lambda p: None, "2031", commit=False),
        "dirty": _try_failure(project, "dirty", lambda p: edit(
            p / "docs" / "index.md", "# Start\n", "# Start (ändrad)\n"), "2026",
            commit=False),
    }


# --- the deploy branch ----------------------------------------------------------------------

def test_both_versions_and_the_alias_are_on_the_branch(published: Published) -> None:
    versions = json.loads(git(published.project, "show", f"{BRANCH}:versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("2026", ["gallande"]),
                                                                ("2019", [])]
    tree = git(published.project, "ls-tree", "--name-only", BRANCH).splitlines()
    assert {"2019", "2026", "gallande", "index.html", "versions.json"} <= set(tree)
    # the alias is a copy, not a symlink (mode 120000 breaks on many hosts)
    modes = git(published.project, "ls-tree", "-r", BRANCH, "gallande/").splitlines()
    assert modes and not any(line.startswith("120000") for line in modes)
    index = git(published.project, "show", f"{BRANCH}:index.html")
    assert 'href="gallande/"' in index and "den version som gäller nu" in index


def test_each_version_is_built_for_itself(published: Published) -> None:
    old = json.loads(git(published.project, "show", f"{BRANCH}:2019/api/model.json"))
    new = json.loads(git(published.project, "show", f"{BRANCH}:2026/api/model.json"))
    assert (old["version"], new["version"]) == ("2019", "2026")
    assert len(new["routines"]["orosanmalan"]["steps"]) == \
        len(old["routines"]["orosanmalan"]["steps"]) + 1


def test_what_changed_lists_the_routine_field_by_field(published: Published) -> None:
    sv = git(published.project, "show", f"{BRANCH}:2026/andringar/index.html")
    en = git(published.project, "show", f"{BRANCH}:2026/en/andringar/index.html")
    assert "Jämfört med version 2019" in sv or "version 2019" in sv
    assert "Orosanmälan om barn" in sv and "2 → 3 steg" in sv
    assert "Report of concern about a child" in en and "2 → 3 steps" in en
    assert "English" in en  # only the English summary changed
    first = git(published.project, "show", f"{BRANCH}:2019/andringar/index.html")
    assert "första versionen" in first


@pytest.mark.parametrize("name", ["data", "build", "version", "dirty"])
def test_a_failure_leaves_the_branch_untouched(failures: dict[str, Failure], name: str) -> None:
    result, before, after = failures[name]
    assert result.returncode == 1, result.stdout
    assert before == after
    assert "Nothing was published" in result.stderr


def test_failures_say_what_to_fix(failures: dict[str, Failure]) -> None:
    data = failures["data"][0].stderr
    assert "routines/socialtjanst/orosanmalan.yml" in data and "ingen-sadan-roll" in data
    assert "finns-inte.md" in failures["build"][0].stderr
    assert "2031" in failures["version"][0].stderr
    assert "revisions" in failures["version"][0].stderr
    assert f"docs/index.md: {both('pub_uncommitted')}" in failures["dirty"][0].stderr
    assert both("pub_commit_first") in failures["dirty"][0].stderr


def test_publishing_the_same_site_again_changes_nothing(published: Published) -> None:
    before = branch_head(published.project)
    again = kb(published.project, "publish", "2026", "--alias", "gallande", "--today", TODAY)
    assert again.returncode == 0, again.stderr
    assert "oförändrad" in again.stdout and branch_head(published.project) == before


# --- export ---------------------------------------------------------------------------------

def test_export_writes_every_version_as_plain_files(published: Published) -> None:
    export = published.export
    assert (export / "index.html").is_file() and (export / "versions.json").is_file()
    for folder in ("2019", "2026", "gallande"):
        assert (export / folder / "index.html").is_file()
        assert (export / folder / "en" / "index.html").is_file()
    assert not any(path.is_symlink() for path in export.rglob("*"))


def test_export_replaces_an_earlier_export_but_not_other_folders(published: Published,
                                                                  tmp_path: Path) -> None:
    again = kb(published.project, "export-site", str(published.export))
    assert again.returncode == 0, again.stderr
    other = tmp_path / "documents"
    other.mkdir()
    (other / "keep.txt").write_text("keep", encoding="utf-8")
    refused = kb(published.project, "export-site", str(other))
    assert refused.returncode == 1 and "not an earlier export" in refused.stderr
    assert (other / "keep.txt").read_text(encoding="utf-8") == "keep"


def test_export_tarball(published: Published, tmp_path: Path) -> None:
    target = tmp_path / "site.tar.gz"
    result = kb(published.project, "export-site", str(target))
    assert result.returncode == 0, result.stderr
    with tarfile.open(target) as tar:
        names = set(tar.getnames())
    assert {"index.html", "versions.json", "2019/index.html", "gallande/en/index.html"} <= names
