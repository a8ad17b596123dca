"""Publishing versions with mike, end to end, in a temporary git repository.

Two versions of the fixture project are published (2019, then 2026 with the alias
`gallande`), with a routine changed in between. Failed checks and builds must leave the deploy
branch's last commit unchanged. The branch is exported and served on 127.0.0.1, and Chromium
checks the version selector, the outdated banner and the language switch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from macros.links.local_server import serve
from tests.conftest import FIXTURE_SITE, copy_project

TODAY = "2026-12-01"  # review dates of the fixture are current on this day
BRANCH = "refs/heads/site"
GIT_ENV = {"GIT_AUTHOR_NAME": "Samordnare", "GIT_AUTHOR_EMAIL": "samordnare@example.org",
           "GIT_COMMITTER_NAME": "Samordnare", "GIT_COMMITTER_EMAIL": "samordnare@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}

REVISION_2026 = """
  - version: "2026"
    adopted_on: 2026-04-15
    committee: socialnamnden
    decision_ref: SN 2026/7
    changes:
      sv: Rutinen för orosanmälan har ett steg till.
      en: The report routine has one more step.
    example: true
"""


def git(project: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(project.parent)}
    result = subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True,
                            env=env, check=True)
    return result.stdout.strip()


def kb(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "HOME": str(project.parent)}
    return subprocess.run([sys.executable, "-m", "macros", "--root", str(project), *args],
                          capture_output=True, text=True, env=env, cwd=project, timeout=600,
                          check=False)


def branch_head(project: Path) -> str:
    return git(project, "rev-parse", BRANCH)


def commit_all(project: Path, message: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)


@dataclass
class Published:
    project: Path
    export: Path
    failures: dict[str, tuple[subprocess.CompletedProcess[str], str, str]]  # before, after


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _try_failure(project: Path, name: str, change: Any, *publish_args: str,
                 commit: bool = True) -> tuple[subprocess.CompletedProcess[str], str, str]:
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
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    project = copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("publish") / "project")
    (project / ".gitignore").write_text("/site/\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "plan 2019")
    (project / "site").mkdir()  # a build folder called like the branch must not confuse git

    first = kb(project, "publish", "2019", "--today", TODAY)
    assert first.returncode == 0, first.stdout + first.stderr

    routine = project / "routines" / "socialtjanst" / "orosanmalan.yml"
    _edit(routine, "contacts: [mottagning, kvinnofridslinjen]",
          '  - {sv: "Dokumentera vad du sett.", en: "Write down what you saw."}\n'
          "contacts: [mottagning, kvinnofridslinjen]")
    _edit(routine, "summary: {sv: Anmäl oro för ett barn utan dröjsmål., en: Report concern "
                   "about a child without delay.}",
          "summary: {sv: Anmäl oro för ett barn utan dröjsmål., en: Report any concern about "
          "a child without delay.}")
    with (project / "routines" / "revisions.yml").open("a", encoding="utf-8") as out:
        out.write(REVISION_2026)
    commit_all(project, "plan 2026")
    second = kb(project, "publish", "2026", "--alias", "gallande", "--today", TODAY)
    assert second.returncode == 0, second.stdout + second.stderr

    failures = {
        "data": _try_failure(project, "data", lambda p: _edit(
            p / "routines" / "socialtjanst" / "orosanmalan.yml", "owner: enhetschef-barn",
            "owner: ingen-sadan-roll"), "2026", "--alias", "gallande"),
        "build": _try_failure(project, "build", lambda p: _edit(
            p / "docs" / "index.md", "# Start\n", "# Start\n\n[Trasig](finns-inte.md)\n"),
            "2026", "--alias", "gallande"),
        "version": _try_failure(project, "version", lambda p: None, "2031", commit=False),
        "dirty": _try_failure(project, "dirty", lambda p: _edit(
            p / "docs" / "index.md", "# Start\n", "# Start (ändrad)\n"), "2026",
            commit=False),
    }
    export = project.parent / "export"
    exported = kb(project, "export-site", str(export))
    assert exported.returncode == 0, exported.stderr
    return Published(project, export, failures)


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
def test_a_failure_leaves_the_branch_untouched(published: Published, name: str) -> None:
    result, before, after = published.failures[name]
    assert result.returncode == 1, result.stdout
    assert before == after
    assert "Nothing was published" in result.stderr


def test_failures_say_what_to_fix(published: Published) -> None:
    data = published.failures["data"][0].stderr
    assert "routines/socialtjanst/orosanmalan.yml" in data and "ingen-sadan-roll" in data
    assert "finns-inte.md" in published.failures["build"][0].stderr
    assert "2031" in published.failures["version"][0].stderr
    assert "revisions" in published.failures["version"][0].stderr
    assert "docs/index.md: uncommitted change" in published.failures["dirty"][0].stderr


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


def test_export_without_a_branch_says_what_to_do(tmp_path: Path) -> None:
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    result = kb(project, "export-site", str(tmp_path / "out"))
    assert result.returncode == 1 and "make publish" in result.stderr
    assert not (tmp_path / "out").exists()


# --- in the browser -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(published: Published) -> Iterator[str]:
    with serve(published.export) as url:
        yield url.rstrip("/")


def _versions(page: Any) -> list[str]:
    page.locator(".md-version__link").first.wait_for(state="attached", timeout=10_000)
    return page.evaluate("() => Array.from(document.querySelectorAll('.md-version__link'), "
                         "a => a.childNodes[0].textContent.trim())")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["gallande/", "gallande/en/", "2019/rutiner/",
                                  "2019/en/rutiner/"])
def test_version_selector_lists_both_versions(page: Any, served: str, path: str) -> None:
    page.goto(f"{served}/{path}")
    assert _versions(page) == ["2026", "2019"]


@pytest.mark.browser
def test_root_goes_to_the_version_in_force(page: Any, served: str) -> None:
    page.goto(f"{served}/")
    page.wait_for_url(f"{served}/gallande/")
    banner = page.locator("[data-md-component=outdated]")
    _versions(page)
    assert banner.is_hidden()


@pytest.mark.browser
@pytest.mark.parametrize(("path", "text", "target"), [
    ("2019/rutiner/", "Du läser version 2019", "/gallande/"),
    ("2019/en/rutiner/", "You are reading version 2019", "/gallande/en/"),
])
def test_old_version_shows_the_outdated_banner(page: Any, served: str, path: str, text: str,
                                               target: str) -> None:
    page.goto(f"{served}/{path}")
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for(state="visible", timeout=10_000)
    assert text in banner.inner_text()
    banner.locator("a.kb-outdated__link").click()
    page.wait_for_url(f"{served}{target}")


@pytest.mark.browser
@pytest.mark.parametrize(("start", "language", "expected"), [
    ("2019/rutiner/", "English", "2019/en/rutiner/"),
    ("2019/en/rutiner/", "Svenska", "2019/rutiner/"),
    ("2019/", "English", "2019/en/"),
    ("2019/en/", "Svenska", "2019/"),
])
def test_language_switch_keeps_the_version(page: Any, served: str, start: str, language: str,
                                           expected: str) -> None:
    page.goto(f"{served}/{start}")
    page.locator(".md-header__option .md-select button[aria-label]").last.hover()
    page.get_by_role("link", name=language, exact=True).click()
    page.wait_for_url(f"{served}/{expected}")
