"""The weekly reminder: one issue per owner, created, updated, left or closed; `gh` faked."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from macros.checks.project import open_project, review_report
from macros.cli import main
from macros.review.issues import LABEL, Issue, apply, issue_body, plan
from tests.bad_inputs import OVERDUE_ROUTINE


class FakeTracker:
    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        self.calls: list[tuple[str, ...]] = []

    def open_issues(self, label: str) -> list[Issue]:
        return self.issues

    def ensure_label(self, label: str, description: str) -> None:
        self.calls.append(("label", label))

    def create(self, title: str, body: str, label: str) -> None:
        self.calls.append(("create", title, label))

    def update(self, number: int, title: str, body: str) -> None:
        self.calls.append(("update", str(number)))

    def close(self, number: int, comment: str) -> None:
        self.calls.append(("close", str(number)))


def overdue_report(root: Path):  # type: ignore[no-untyped-def]
    path = root / "routines/socialtjanst/orosanmalan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(*OVERDUE_ROUTINE), encoding="utf-8")
    report, _ = review_report(open_project(root), date(2026, 6, 1))
    return report


def test_create_then_unchanged_then_update_then_close(data_copy: Callable[[], Path]) -> None:
    report = overdue_report(data_copy())
    group = report.groups[0]
    actions = plan(report, [])
    assert [(a.kind, a.owner) for a in actions] == [("create", "enhetschef-barn")]
    assert "1 försenade" in actions[0].title and "1 overdue" in actions[0].title
    tracker = FakeTracker([])
    apply(actions, tracker)
    assert tracker.calls == [("label", LABEL), ("create", actions[0].title, LABEL)]

    same = Issue(7, actions[0].title, issue_body(report, group))
    assert [a.kind for a in plan(report, [same])] == ["unchanged"]
    old = Issue(7, "Granskning: gammal", "<!-- kb-review-owner: enhetschef-barn -->\nold")
    update = plan(report, [old])
    assert [(a.kind, a.number) for a in update] == [("update", 7)]
    gone = Issue(9, "Granskning: rektor", "<!-- kb-review-owner: rektor -->")
    stranger = Issue(10, "Someone else's issue", "no marker")
    actions = plan(report, [same, gone, stranger])
    assert [(a.kind, a.number) for a in actions] == [("unchanged", 7), ("close", 9)]
    tracker = FakeTracker([])
    apply(actions, tracker)
    assert tracker.calls == [("close", "9")]


def test_the_body_is_bilingual_and_names_the_team(data_copy: Callable[[], Path]) -> None:
    report = overdue_report(data_copy())
    body = issue_body(report, report.groups[0])
    assert body.startswith("<!-- kb-review-owner: enhetschef-barn -->")
    assert "@testby/enhetschef-barn" in body
    assert "Försenad" in body and "<summary>English</summary>" in body and "Overdue" in body
    assert "routines/socialtjanst/orosanmalan.yml" in body


FAKE_GH = """#!{python}
import json, sys
from pathlib import Path
log = Path(sys.argv[0]).with_suffix(".log")
with log.open("a") as f:
    f.write(json.dumps({{"args": sys.argv[1:], "stdin": "" if sys.stdin.isatty() else
                         (sys.stdin.read() if sys.argv[1:3] != ["issue", "list"] else "")}})
            + "\\n")
if sys.argv[1:3] == ["issue", "list"]:
    print(json.dumps([{{"number": 3, "title": "t", "body": "<!-- kb-review-owner: rektor -->"}}]))
"""


def test_the_gh_command_line(tmp_path: Path, data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    overdue_report(root)
    gh = tmp_path / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    gh.chmod(gh.stat().st_mode | stat.S_IEXEC)
    result = CliRunner().invoke(main, ["--root", str(root), "review-issues", "--gh", str(gh),
                                       "--today", "2026-06-01"])
    assert result.exit_code == 0, result.output
    assert "create: Granskning: Enhetschef barn och unga" in result.stdout
    assert "close #3" in result.stdout
    calls = [json.loads(line) for line in gh.with_suffix(".log").read_text().splitlines()]
    commands = [c["args"][:2] for c in calls]
    assert commands == [["issue", "list"], ["label", "create"], ["issue", "create"],
                        ["issue", "close"]]
    create = calls[2]
    assert "--body-file" in create["args"] and "kb-review-owner" in create["stdin"]


def test_dry_run_touches_nothing_and_a_missing_gh_is_a_clear_error(
        data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    overdue_report(root)
    dry = CliRunner().invoke(main, ["--root", str(root), "review-issues", "--dry-run",
                                    "--gh", "/nonexistent/gh"])
    assert dry.exit_code == 0 and dry.stdout.startswith("create: ")
    real = CliRunner().invoke(main, ["--root", str(root), "review-issues",
                                     "--gh", "/nonexistent/gh"])
    assert real.exit_code == 2 and "is not installed" in real.stderr
