"""The previous version's snapshot from mike's deploy branch (macros/render/baseline.py,
macros/load/deploy_branch.py), in temporary git repositories: which version is compared with, why
there is none, the remote-tracking branch, a folder called like the branch, versions.json."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from macros.load.deploy_branch import (
    PublishedVersion,
    branch_ref,
    head_commit,
    published_versions,
    read_file,
)
from macros.model.core import KnowledgeBase, Revision
from macros.model.snapshot import MODEL_JSON, Snapshot, snapshot, snapshot_json
from macros.model.versions import find_revision
from macros.render import baseline as baseline_module
from macros.render.baseline import Baseline, find_baseline
from tests.conftest import isolate_git

BRANCH = "site"
LOCAL = f"refs/heads/{BRANCH}"
REMOTE = f"refs/remotes/origin/{BRANCH}"


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No user or system git config, no repository above tmp_path, no GIT_DIR from a hook;
    and no snapshot cached by an earlier test."""
    isolate_git(monkeypatch, tmp_path)
    baseline_module._from_branch.cache_clear()
    yield
    baseline_module._from_branch.cache_clear()


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    full = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org", **(env or {})}
    done = subprocess.run(["git", "-C", str(repo), *args], env=full, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def publish(repo: Path, files: dict[str, str | bytes], ref: str = LOCAL) -> str:
    """Commit ``files`` (path → text or bytes) on ``ref`` with plumbing commands, in a history
    apart from the work tree as mike does; the commit. A second call commits on top."""
    index = {"GIT_INDEX_FILE": str(repo / ".git" / "publish-index")}
    parent = head_commit(repo, ref)
    if parent:
        git(repo, "read-tree", parent, env=index)
    else:
        git(repo, "read-tree", "--empty", env=index)
    for path, content in files.items():
        raw = content.encode("utf-8") if isinstance(content, str) else content
        blob = subprocess.run(["git", "-C", str(repo), "hash-object", "-w", "--stdin"],
                              input=raw, capture_output=True, check=True)
        git(repo, "update-index", "--add", "--cacheinfo",
            f"100644,{blob.stdout.decode().strip()},{path}", env=index)
    tree = git(repo, "write-tree", env=index)
    commit = git(repo, "commit-tree", tree, *(["-p", parent] if parent else []),
                 "-m", "Deployed with mike")
    git(repo, "update-ref", ref, commit)
    return commit


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with one commit on main and no deploy branch."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "README.md").write_text("plan\n", encoding="utf-8")
    git(root, "add", "README.md")
    git(root, "commit", "-q", "-m", "plan")
    return root


def revision(version: str, adopted_on: date) -> Revision:
    return Revision(version=version, adopted_on=adopted_on, committee="socialnamnden",
                    decision_ref=f"SN {version}/1",
                    changes={"sv": f"Version {version}.", "en": f"Version {version}."},
                    example=True)


@pytest.fixture(scope="module")
def kb(fixture_kb: KnowledgeBase) -> KnowledgeBase:
    """The fixture's data with three revisions: 2014, 2019 (the fixture's own) and 2026."""
    return fixture_kb.model_copy(update={"revisions": [
        revision("2014", date(2014, 1, 1)), *fixture_kb.revisions,
        revision("2026", date(2026, 4, 15))]})


def model_json(kb: KnowledgeBase, version: str) -> str:
    return snapshot_json(snapshot(kb, version))


def baseline_for(repo: Path, kb: KnowledgeBase, version: str = "2026",
                 branch: str = BRANCH) -> Baseline:
    return find_baseline(repo, kb, find_revision(kb, version), branch)


# --- find_baseline ------------------------------------------------------------------------

def test_the_previous_revisions_snapshot(repo: Path, kb: KnowledgeBase) -> None:
    publish(repo, {f"2014/{MODEL_JSON}": model_json(kb, "2014"),
                   f"2019/{MODEL_JSON}": model_json(kb, "2019"),
                   "versions.json": "[]"})
    found = baseline_for(repo, kb)
    assert isinstance(found.snapshot, Snapshot)
    assert found.snapshot.version == "2019"
    assert found.snapshot.data == json.loads(model_json(kb, "2019"))
    assert found.reason_key == "" and found.reason("sv") == "" and found.reason("en") == ""


def test_an_older_published_revision_when_the_previous_one_is_missing(
        repo: Path, kb: KnowledgeBase) -> None:
    publish(repo, {f"2014/{MODEL_JSON}": model_json(kb, "2014"),
                   "2019/index.html": "published before snapshots existed"})
    found = baseline_for(repo, kb)
    assert found.snapshot is not None and found.snapshot.version == "2014"


def test_a_middle_revision_is_compared_with_the_one_before_it(repo: Path,
                                                              kb: KnowledgeBase) -> None:
    publish(repo, {f"2014/{MODEL_JSON}": model_json(kb, "2014"),
                   f"2019/{MODEL_JSON}": model_json(kb, "2019")})
    found = baseline_for(repo, kb, "2019")
    assert found.snapshot is not None and found.snapshot.version == "2014"


def test_the_first_revision_has_nothing_before_it(repo: Path, kb: KnowledgeBase) -> None:
    publish(repo, {f"2019/{MODEL_JSON}": model_json(kb, "2019")})
    found = baseline_for(repo, kb, "2014")
    assert found == Baseline(None, "chg_reason_first", (("version", "2014"),))
    assert "2014" in found.reason("sv") and "första" in found.reason("sv")
    assert "2014" in found.reason("en") and "first" in found.reason("en")


def test_no_branch_names_the_branch_in_both_languages(repo: Path, kb: KnowledgeBase) -> None:
    found = baseline_for(repo, kb, branch="gh-pages")
    assert found.snapshot is None
    assert found.reason_key == "chg_reason_no_branch"
    assert dict(found.values) == {"branch": "gh-pages", "version": "2019"}
    for lang in ("sv", "en"):
        assert "gh-pages" in found.reason(lang) and "2019" in found.reason(lang), lang
    assert "grenen gh-pages" in found.reason("sv")
    assert "branch gh-pages" in found.reason("en")


def test_outside_a_git_repository_there_is_no_branch(tmp_path: Path,
                                                     kb: KnowledgeBase) -> None:
    plain = tmp_path / "export"
    plain.mkdir()
    assert branch_ref(plain, BRANCH) is None
    assert baseline_for(plain, kb).reason_key == "chg_reason_no_branch"


def test_a_branch_without_any_earlier_snapshot(repo: Path, kb: KnowledgeBase) -> None:
    publish(repo, {"2019/index.html": "old", f"2026/{MODEL_JSON}": model_json(kb, "2026")})
    found = baseline_for(repo, kb)
    assert found.snapshot is None
    assert found.reason_key == "chg_reason_unpublished"
    assert dict(found.values) == {"version": "2019"}  # the newest of the earlier ones


@pytest.mark.parametrize(("text", "problem"), [
    ("{not json", "is not valid JSON"),
    ("[1, 2]", "is not a JSON object"),
    ('{"format": 99, "version": "2019"}', "newer than this build reads"),
    ('{"format": 1}', "has no valid `version`"),
])
def test_an_unreadable_snapshot_says_why(repo: Path, kb: KnowledgeBase, text: str,
                                         problem: str) -> None:
    publish(repo, {f"2019/{MODEL_JSON}": text, f"2014/{MODEL_JSON}": model_json(kb, "2014")})
    found = baseline_for(repo, kb)
    assert found.snapshot is None
    assert found.reason_key == "chg_reason_unreadable"
    values = dict(found.values)
    assert values["version"] == "2019"
    assert f"{LOCAL}:2019/{MODEL_JSON}" in values["problem"] and problem in values["problem"]
    assert values["problem"] in found.reason("en") and "2019" in found.reason("sv")


def test_a_snapshot_that_is_not_utf8_is_unreadable_not_an_error(repo: Path,
                                                                kb: KnowledgeBase) -> None:
    publish(repo, {f"2019/{MODEL_JSON}": b"\xff\xfe{"})
    assert baseline_for(repo, kb).reason_key == "chg_reason_unreadable"


def test_the_remote_tracking_branch_when_there_is_no_local_one(repo: Path,
                                                               kb: KnowledgeBase) -> None:
    publish(repo, {f"2019/{MODEL_JSON}": model_json(kb, "2019")}, ref=REMOTE)
    assert branch_ref(repo, BRANCH) == REMOTE
    assert branch_ref(repo, BRANCH, remote=None) is None
    assert branch_ref(repo, BRANCH, remote="upstream") is None
    found = baseline_for(repo, kb)
    assert found.snapshot is not None and found.snapshot.version == "2019"


def test_the_local_branch_comes_before_the_remote_one(repo: Path, kb: KnowledgeBase) -> None:
    publish(repo, {f"2014/{MODEL_JSON}": model_json(kb, "2014")}, ref=REMOTE)
    publish(repo, {f"2019/{MODEL_JSON}": model_json(kb, "2019")}, ref=LOCAL)
    assert branch_ref(repo, BRANCH) == LOCAL
    found = baseline_for(repo, kb)
    assert found.snapshot is not None and found.snapshot.version == "2019"


def test_a_folder_called_like_the_branch_does_not_confuse_git(repo: Path,
                                                              kb: KnowledgeBase) -> None:
    folder = repo / BRANCH / "2019" / "api"
    folder.mkdir(parents=True)
    (folder / "model.json").write_text("{broken: the build folder, not the branch",
                                       encoding="utf-8")
    git(repo, "add", BRANCH)
    git(repo, "commit", "-q", "-m", "a committed build folder")
    assert branch_ref(repo, BRANCH) is None  # a path is not a branch
    assert baseline_for(repo, kb).reason_key == "chg_reason_no_branch"

    publish(repo, {f"2019/{MODEL_JSON}": model_json(kb, "2019")})
    assert branch_ref(repo, BRANCH) == LOCAL
    found = baseline_for(repo, kb)
    assert found.snapshot is not None and found.snapshot.version == "2019"


def test_a_new_deploy_is_read_not_the_cached_one(repo: Path, kb: KnowledgeBase) -> None:
    """The cache is keyed by the branch's commit: a new deploy is seen in the same process
    (mkdocs serve rebuilds without restarting)."""
    publish(repo, {f"2014/{MODEL_JSON}": model_json(kb, "2014")})
    first = baseline_for(repo, kb)
    assert first.snapshot is not None and first.snapshot.version == "2014"
    assert baseline_for(repo, kb) is first  # read once, for both languages
    publish(repo, {f"2019/{MODEL_JSON}": model_json(kb, "2019")})
    second = baseline_for(repo, kb)
    assert second.snapshot is not None and second.snapshot.version == "2019"


# --- deploy_branch ------------------------------------------------------------------------

def test_read_file_and_head_commit(repo: Path) -> None:
    assert head_commit(repo, LOCAL) is None
    assert read_file(repo, LOCAL, "versions.json") is None
    commit = publish(repo, {"versions.json": "[]", "2019/index.html": "<p>x</p>"})
    assert head_commit(repo, LOCAL) == commit
    assert read_file(repo, LOCAL, "2019/index.html") == b"<p>x</p>"
    assert read_file(repo, LOCAL, "2019/missing.html") is None


VERSIONS_JSON = json.dumps([
    {"version": "2026", "title": "2026", "aliases": ["gallande"]},
    {"version": "2019", "title": "2019 (old)", "aliases": []},
    {"version": "2014", "title": "2014"},
])


def test_published_versions(repo: Path) -> None:
    publish(repo, {"versions.json": VERSIONS_JSON})
    assert published_versions(repo, LOCAL) == [
        PublishedVersion("2026", "2026", ("gallande",)),
        PublishedVersion("2019", "2019 (old)", ()),
        PublishedVersion("2014", "2014", ()),
    ]


def test_published_versions_skips_entries_that_are_not_versions(repo: Path) -> None:
    publish(repo, {"versions.json": json.dumps(
        [{"version": "2026", "title": "2026", "aliases": None}, {"title": "no version"},
         {"version": ""}, "2019", 5, None])})
    assert published_versions(repo, LOCAL) == [PublishedVersion("2026", "2026", ())]


@pytest.mark.parametrize("content", ["[{broken", "", b"[\xff]"])
def test_published_versions_tolerates_broken_json(repo: Path, content: str | bytes) -> None:
    publish(repo, {"versions.json": content})
    assert published_versions(repo, LOCAL) == []


@pytest.mark.parametrize("text", ['{"version": "2026"}', "[]"])
def test_published_versions_of_another_shape(repo: Path, text: str) -> None:
    publish(repo, {"versions.json": text})
    assert published_versions(repo, LOCAL) == []


def test_published_versions_without_the_file_or_the_branch(repo: Path) -> None:
    assert published_versions(repo, LOCAL) == []
    publish(repo, {"2019/index.html": "x"})
    assert published_versions(repo, LOCAL) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("null", []), ("5", []),
    ('[{"version": "2026", "aliases": 3}]', [PublishedVersion("2026", "", ())])])
def test_published_versions_of_a_wrong_shape_is_no_error(
        repo: Path, text: str, expected: list[PublishedVersion]) -> None:
    publish(repo, {"versions.json": text})
    assert published_versions(repo, LOCAL) == expected
