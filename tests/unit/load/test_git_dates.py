"""Change dates from git (macros/load/git_dates.py) in temporary repositories with fixed dates, the
honest fallbacks (no repository, no git, a slow git, a shallow clone), and the change date in
the review notice (macros/build/review_notice.py)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest

from macros.build.review_notice import notice_html
from macros.load.git_dates import SHALLOW, ChangeDates, load_change_dates
from macros.model.review import Review
from macros.model.text import Lang
from tests.conftest import isolate_git

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user or system git config (signing, hooks, showRoot=false …), no repository above
    tmp_path, no GIT_DIR from a hook that runs the tests."""
    isolate_git(monkeypatch, tmp_path)


def git(repo: Path, *args: str, when: str = "2026-01-01T12:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": "2000-01-01T00:00:00+00:00",  # the committer date counts
           "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout


def commit(repo: Path, when: str, files: dict[str, str | None]) -> None:
    """One commit at ``when`` writing (or, for None, deleting) these files."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            git(repo, "rm", "-q", name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(repo, "add", name)
    git(repo, "commit", "-q", "-m", f"change at {when}", when=when)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """project/ holds the site; other/ beside it is outside the project root."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    commit(root, "2026-01-10T09:00:00+00:00", {
        "project/docs/index.md": "# Start\n", "project/docs/a.md": "# A\n",
        "project/routines/x/one.yml": "id: one\n", "other/readme.md": "x\n"})
    commit(root, "2026-03-05T09:00:00+00:00", {"project/routines/x/two.yml": "id: two\n"})
    # 00:30 in +01:00 is still 4 April in UTC: the commit's own offset counts
    commit(root, "2026-04-05T00:30:00+01:00", {"project/docs/a.md": "# A, changed\n"})
    commit(root, "2026-06-01T09:00:00+00:00", {"other/readme.md": "y\n"})  # outside project
    return root


def test_dates_of_the_last_commit_touching_each_file(repo: Path) -> None:
    dates = load_change_dates(repo, today=TODAY)
    assert (dates.available, dates.reason, dates.built_on) == (True, "", TODAY)
    assert dates.dates["project/docs/index.md"] == date(2026, 1, 10)
    assert dates.dates["project/docs/a.md"] == date(2026, 4, 5)  # newest of two commits
    assert dates.dates["other/readme.md"] == date(2026, 6, 1)
    assert dates.for_paths(["project/docs/a.md"]) == date(2026, 4, 5)
    assert dates.for_paths(["project/docs/index.md", "project/routines/x/two.yml"]) \
        == date(2026, 3, 5)


def test_a_subdirectory_root_gives_paths_relative_to_it(repo: Path) -> None:
    dates = load_change_dates(repo / "project", today=TODAY)
    assert dates.available
    assert dict(dates.dates) == {"docs/index.md": date(2026, 1, 10),
                                 "docs/a.md": date(2026, 4, 5),
                                 "routines/x/one.yml": date(2026, 1, 10),
                                 "routines/x/two.yml": date(2026, 3, 5)}
    assert dates.for_paths(["other/readme.md", "../other/readme.md"]) is None
    assert dates.for_paths([""]) == date(2026, 4, 5)  # the whole project, not other/


def test_a_directory_stands_for_every_file_below_it(repo: Path) -> None:
    dates = load_change_dates(repo / "project", today=TODAY)
    for spelling in ("routines/", "routines", "./routines/", "routines/x"):
        assert dates.for_paths([spelling]) == date(2026, 3, 5), spelling
    assert dates.for_paths(["docs/index.md", "routines/"]) == date(2026, 3, 5)
    assert dates.for_paths(["docs/"]) == date(2026, 4, 5)
    assert dates.for_paths(["rout"]) is None  # a prefix of a name is not a directory
    assert dates.for_paths([]) is None


def test_a_deleted_file_still_dates_its_directory(repo: Path) -> None:
    commit(repo, "2026-07-01T09:00:00+00:00", {"project/routines/x/one.yml": None})
    dates = load_change_dates(repo / "project", today=TODAY)
    assert dates.for_paths(["routines/x/two.yml"]) == date(2026, 3, 5)
    assert dates.for_paths(["routines/"]) == date(2026, 7, 1)


def test_uncommitted_changes_do_not_count(repo: Path) -> None:
    (repo / "project/docs/index.md").write_text("# Edited, not committed\n", encoding="utf-8")
    (repo / "project/docs/new.md").write_text("# New\n", encoding="utf-8")
    git(repo, "add", "project/docs/new.md")  # staged is still uncommitted
    dates = load_change_dates(repo / "project", today=TODAY)
    assert dates.for_paths(["docs/index.md"]) == date(2026, 1, 10)
    assert dates.for_paths(["docs/new.md"]) is None


def test_a_user_git_config_does_not_change_the_dates(repo: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    plain = load_change_dates(repo / "project", today=TODAY)
    config = {"log.showRoot": "false", "color.ui": "always", "log.date": "relative",
              "diff.renames": "copies", "core.quotePath": "true", "diff.relative": "false",
              "log.showSignature": "true"}
    monkeypatch.setenv("GIT_CONFIG_COUNT", str(len(config)))
    for index, (key, value) in enumerate(config.items()):
        monkeypatch.setenv(f"GIT_CONFIG_KEY_{index}", key)
        monkeypatch.setenv(f"GIT_CONFIG_VALUE_{index}", value)
    assert load_change_dates(repo / "project", today=TODAY) == plain


def test_odd_file_names_survive(repo: Path) -> None:
    names = {"project/docs/å ä ö.md": "x", "project/docs/tab\there.md": "x",
             "project/docs/\"quoted\".md": "x"}
    commit(repo, "2026-08-08T09:00:00+00:00", names)
    dates = load_change_dates(repo / "project", today=TODAY)
    for name in names:
        assert dates.for_paths([name.removeprefix("project/")]) == date(2026, 8, 8), name


def test_not_a_repository_falls_back_to_the_build_date(tmp_path: Path) -> None:
    export = tmp_path / "export"
    (export / "docs").mkdir(parents=True)
    dates = load_change_dates(export, today=TODAY)
    assert not dates.available and dates.dates == {}
    assert "not a git repository" in dates.reason
    assert dates.for_paths(["docs/index.md", "docs/"]) is None
    assert dates.built_on == TODAY
    assert "build date" in dates.warning


def test_a_repository_without_commits_is_unavailable(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    dates = load_change_dates(tmp_path, today=TODAY)
    assert not dates.available and dates.reason


def test_a_directory_no_commit_touches_is_unavailable(repo: Path) -> None:
    (repo / "untracked").mkdir()
    dates = load_change_dates(repo / "untracked", today=TODAY)
    assert (dates.available, dates.dates) == (False, {})
    assert "no commits" in dates.reason


def test_git_missing_falls_back(repo: Path, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    dates = load_change_dates(repo, today=TODAY)
    assert not dates.available and dates.dates == {}
    assert "not installed" in dates.reason


def _fake_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    fake = bin_dir / "git"
    fake.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin_dir))


def test_a_git_that_hangs_times_out(repo: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_git(tmp_path, monkeypatch, f"exec {shutil.which('sleep')} 10")
    dates = load_change_dates(repo, today=TODAY, timeout=0.3)
    assert not dates.available and "longer than 0.3 s" in dates.reason


def test_a_failing_git_log_falls_back(repo: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_git(tmp_path, monkeypatch,
              'if [ "$3" = rev-parse ]; then printf "false\\n.git/shallow\\n"; exit 0; fi\n'
              'echo "fatal: bad object HEAD" >&2; exit 128')
    dates = load_change_dates(repo, today=TODAY)
    assert not dates.available and "bad object HEAD" in dates.reason


def _clone(source: Path, target: Path, depth: int | None) -> Path:
    shallow = [f"--depth={depth}"] if depth is not None else []
    subprocess.run(["git", "clone", "-q", *shallow, source.resolve().as_uri(), str(target)],
                   check=True, capture_output=True)
    return target


def test_a_depth_1_clone_is_shallow_and_claims_no_dates(repo: Path, tmp_path: Path) -> None:
    clone = _clone(repo, tmp_path / "ci", depth=1)
    dates = load_change_dates(clone, today=TODAY)
    assert dates.reason == SHALLOW
    # git shows the cut-off commit as adding every file; none of that is a change date
    assert dates.dates == {} and not dates.available
    assert dates.for_paths(["project/docs/index.md"]) is None
    assert "shallow" in dates.warning and "fetch-depth: 0" in dates.warning


def test_a_deeper_shallow_clone_dates_only_what_changed_in_it(repo: Path,
                                                               tmp_path: Path) -> None:
    # the last three commits; the third (5 March) is the cut-off one
    clone = _clone(repo, tmp_path / "ci", depth=3)
    dates = load_change_dates(clone / "project", today=TODAY)
    assert (dates.available, dates.reason) == (True, SHALLOW)
    assert dict(dates.dates) == {"docs/a.md": date(2026, 4, 5)}
    assert dates.for_paths(["routines/x/two.yml"]) is None  # changed in the cut-off commit
    assert dates.for_paths(["docs/index.md"]) is None  # older than the fetched history


def test_a_full_clone_is_not_shallow(repo: Path, tmp_path: Path) -> None:
    clone = _clone(repo, tmp_path / "full", depth=None)
    dates = load_change_dates(clone, today=TODAY)
    assert (dates.available, dates.reason) == (True, "")
    assert dates.for_paths(["project/docs/index.md"]) == date(2026, 1, 10)


def test_change_dates_are_a_value() -> None:
    dates = ChangeDates({"a/b.md": date(2026, 1, 1)}, available=True, reason="",
                        built_on=TODAY)
    assert dates == ChangeDates({"a/b.md": date(2026, 1, 1)}, True, "", TODAY)
    with pytest.raises(AttributeError):
        dates.reason = "x"  # type: ignore[misc]
    assert dates.warning == ""


# --- the change date in the review notice ---------------------------------------------------

REVIEW = Review("x", date(2026, 11, 20), review_interval_months=12)


def _dates_line(notice: str) -> str:
    start = notice.index('<p class="kb-review__dates">') + len('<p class="kb-review__dates">')
    return notice[start:notice.index("</p>", start)]


@pytest.mark.parametrize(("lang", "word", "reviewed"), [("sv", "Ändrad", "Granskad"),
                                                        ("en", "Changed", "Reviewed")])
def test_the_notice_starts_with_the_change_date(lang: Lang, word: str, reviewed: str) -> None:
    line = _dates_line(notice_html(REVIEW, "Owner", lang,
                                   changed=date(2026, 11, 2), built_on=TODAY))
    assert line.startswith(f'{word} <time datetime="2026-11-02">2026-11-02</time> · '
                           f'{reviewed} <time datetime="2026-11-20">2026-11-20</time> · ')
    assert "2026-11-24" not in line  # the build date is only the fallback


@pytest.mark.parametrize(("lang", "fallback"), [
    ("sv", 'Byggd <time datetime="2026-11-24">2026-11-24</time> (ändringsdatum saknas) · '
           "Granskad "),
    ("en", 'Built <time datetime="2026-11-24">2026-11-24</time> (change date unknown) · '
           "Reviewed "),
])
def test_without_a_change_date_the_notice_says_it_shows_the_build_date(
        lang: Lang, fallback: str) -> None:
    line = _dates_line(notice_html(REVIEW, "Owner", lang,
                                   changed=None, built_on=TODAY))
    assert line.startswith(fallback)
    assert "Ändrad" not in line and "Changed" not in line


@pytest.mark.parametrize(("lang", "first"), [("sv", "Granskad "), ("en", "Reviewed ")])
def test_without_either_date_the_notice_is_as_before(lang: Lang, first: str) -> None:
    plain = notice_html(REVIEW, "Owner", lang)
    assert _dates_line(plain).startswith(first)
    assert plain == notice_html(REVIEW, "Owner", lang,
                                changed=None, built_on=None)
    for word in ("Ändrad", "Changed", "Byggd", "Built"):
        assert word not in plain
