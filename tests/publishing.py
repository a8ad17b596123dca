"""The fixture site published with mike as `make publish` does, once per test run: the
publishing tests (tests/site/test_publish.py), the version selector in Chromium
(tests/browser/test_versions.py) and the web servers (tests/served.py) all read this one
deploy branch instead of publishing the same two versions again.

Two versions of tests/fixtures/site are published into a temporary git repository: 2019,
then 2026 with the alias `gallande`, with a routine changed in between (one step more, the
English summary reworded). The branch is exported to ``Published.export``."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

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
    """`kb --root PROJECT ARGS` as the coordinator runs it, in its own process."""
    env = {**os.environ, **GIT_ENV, "HOME": str(project.parent)}
    return subprocess.run([sys.executable, "-m", "macros", "--root", str(project), *args],
                          capture_output=True, text=True, env=env, cwd=project, timeout=600,
                          check=False)


def branch_head(project: Path) -> str:
    return git(project, "rev-parse", BRANCH)


def commit_all(project: Path, message: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Published:
    project: Path  # the git repository, its deploy branch holding both versions
    export: Path  # the branch written out by `kb export-site`


def publish_two_versions(project: Path) -> None:
    """Publish ``project`` (a fresh copy of the fixture site) as 2019, then as 2026."""
    (project / ".gitignore").write_text("/site/\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "plan 2019")
    (project / "site").mkdir()  # a build folder called like the branch must not confuse git

    first = kb(project, "publish", "2019", "--today", TODAY)
    assert first.returncode == 0, first.stdout + first.stderr

    routine = project / "routines" / "socialtjanst" / "orosanmalan.yml"
    edit(routine, "contacts: [mottagning, kvinnofridslinjen]",
         '  - {sv: "Dokumentera vad du sett.", en: "Write down what you saw."}\n'
         "contacts: [mottagning, kvinnofridslinjen]")
    edit(routine, "summary: {sv: Anmäl oro för ett barn utan dröjsmål., en: Report concern "
                  "about a child without delay.}",
         "summary: {sv: Anmäl oro för ett barn utan dröjsmål., en: Report any concern about "
         "a child without delay.}")
    with (project / "routines" / "revisions.yml").open("a", encoding="utf-8") as out:
        out.write(REVISION_2026)
    commit_all(project, "plan 2026")
    second = kb(project, "publish", "2026", "--alias", "gallande", "--today", TODAY)
    assert second.returncode == 0, second.stdout + second.stderr


def export_site(project: Path, target: Path) -> Path:
    exported = kb(project, "export-site", str(target))
    assert exported.returncode == 0, exported.stdout + exported.stderr
    return target


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The fixture site with two published versions, and its export."""
    project = copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("publish") / "project")
    publish_two_versions(project)
    return Published(project, export_site(project, project.parent / "export"))
