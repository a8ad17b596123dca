"""One GitHub issue per owner listing what is overdue or due soon — opened, updated or closed
by the weekly workflow (like GOV.UK's page-expiry notifier). The issue is found again by a
hidden marker in its body; GitHub is reached through the `gh` command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from typing import Literal, Protocol

from macros.model.catalogue import label
from macros.model.review import ReviewStatus
from macros.review.report import OwnerGroup, ReviewReport, markdown_group

LABEL = "granskning"
LABEL_DESCRIPTION = "Rutiner och sidor att granska / Routines and pages due for review"
_MARKER = re.compile(r"<!-- kb-review-owner: ([a-z0-9-]+) -->")


@dataclass(frozen=True)
class Issue:
    number: int
    title: str
    body: str

    @property
    def owner(self) -> str | None:
        match = _MARKER.search(self.body)
        return match.group(1) if match else None


class Tracker(Protocol):
    def open_issues(self, label: str) -> list[Issue]: ...
    def ensure_label(self, label: str, description: str) -> None: ...
    def create(self, title: str, body: str, label: str) -> None: ...
    def update(self, number: int, title: str, body: str) -> None: ...
    def close(self, number: int, comment: str) -> None: ...


@dataclass(frozen=True)
class Action:
    kind: Literal["create", "update", "close", "unchanged"]
    owner: str
    title: str
    body: str = ""
    number: int | None = None

    def describe(self) -> str:
        where = f" #{self.number}" if self.number else ""
        return f"{self.kind}{where}: {self.title}"


def issue_title(group: OwnerGroup) -> str:
    overdue = sum(e.status is ReviewStatus.OVERDUE for e in group.entries)
    soon = len(group.entries) - overdue
    return (f"Granskning: {group.title['sv']} – {overdue} försenade, {soon} snart "
            f"/ Review: {overdue} overdue, {soon} due soon")


def issue_body(report: ReviewReport, group: OwnerGroup) -> str:
    return "\n\n".join([
        f"<!-- kb-review-owner: {group.owner} -->",
        markdown_group(report, group, "sv", level=2),
        label("report_howto", "sv"),
        "<details><summary>English</summary>",
        markdown_group(report, group, "en", level=2),
        label("report_howto", "en"),
        "</details>",
        f"_{label('report_title', 'sv', today=report.today.isoformat())} · `kb review`_",
    ]) + "\n"


CLOSED_COMMENT = ("Allt är granskat – inget är försenat eller ska granskas inom "
                  "{days} dagar. / Everything is reviewed: nothing is overdue or due within "
                  "{days} days.")


def plan(report: ReviewReport, issues: list[Issue]) -> list[Action]:
    """What to do with each owner's issue: create, update, close or leave it."""
    existing = {issue.owner: issue for issue in issues if issue.owner}
    actions = []
    for group in report.groups:
        title, body = issue_title(group), issue_body(report, group)
        issue = existing.pop(group.owner, None)
        if issue is None:
            actions.append(Action("create", group.owner, title, body))
        elif (issue.title, issue.body.strip()) == (title, body.strip()):
            actions.append(Action("unchanged", group.owner, title, number=issue.number))
        else:
            actions.append(Action("update", group.owner, title, body, issue.number))
    for owner, issue in sorted(existing.items()):
        actions.append(Action("close", owner, issue.title,
                              CLOSED_COMMENT.format(days=report.within_days), issue.number))
    return actions


def apply(actions: list[Action], tracker: Tracker) -> None:
    if any(action.kind == "create" for action in actions):
        tracker.ensure_label(LABEL, LABEL_DESCRIPTION)
    for action in actions:
        if action.kind == "create":
            tracker.create(action.title, action.body, LABEL)
        elif action.kind == "update" and action.number is not None:
            tracker.update(action.number, action.title, action.body)
        elif action.kind == "close" and action.number is not None:
            tracker.close(action.number, action.body)


class GhError(RuntimeError):
    pass


class GhCli:
    """The `gh` command line (authenticated by GH_TOKEN in the workflow)."""

    def __init__(self, executable: str = "gh", repo: str | None = None) -> None:
        self.executable = executable
        self.repo = repo or os.environ.get("GITHUB_REPOSITORY")

    def _run(self, *args: str, stdin: str | None = None) -> str:
        command = [self.executable, *args]
        if self.repo:
            command += ["--repo", self.repo]
        try:
            done = subprocess.run(command, input=stdin, capture_output=True, text=True,
                                  check=False, timeout=120)
        except FileNotFoundError:
            raise GhError(f"`{self.executable}` is not installed: install the GitHub CLI "
                          "(https://cli.github.com) or use --dry-run") from None
        if done.returncode != 0:
            raise GhError(f"`gh {' '.join(args[:2])}` failed: {done.stderr.strip()}")
        return done.stdout

    def open_issues(self, label: str) -> list[Issue]:
        out = self._run("issue", "list", "--label", label, "--state", "open",
                        "--json", "number,title,body", "--limit", "500")
        return [Issue(int(i["number"]), i["title"], i["body"]) for i in json.loads(out or "[]")]

    def ensure_label(self, label: str, description: str) -> None:
        self._run("label", "create", label, "--color", "FBCA04", "--description",
                  description, "--force")

    def create(self, title: str, body: str, label: str) -> None:
        self._run("issue", "create", "--title", title, "--label", label, "--body-file", "-",
                  stdin=body)

    def update(self, number: int, title: str, body: str) -> None:
        self._run("issue", "edit", str(number), "--title", title, "--body-file", "-",
                  stdin=body)

    def close(self, number: int, comment: str) -> None:
        self._run("issue", "close", str(number), "--comment", comment)
