"""`kb review`: grouped by owner, fixed "today" values, age-proof dates (1990 and 2090)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from macros.checks.project import open_project, review_problems, review_report
from macros.cli import main
from macros.model.review import ReviewStatus
from macros.review.report import format_markdown, format_text, to_json
from tests.bad_inputs import OVERDUE_ROUTINE

ROUTINE = "routines/socialtjanst/orosanmalan.yml"  # last_reviewed 2026-01-10, every 12 months
PARTLY = "routines/socialtjanst/delvis-oversatt.yml"  # review_by 2090-02-01


def make_overdue(project: Path) -> None:
    path = project / ROUTINE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(*OVERDUE_ROUTINE),
                    encoding="utf-8")


def test_statuses_against_a_fixed_today(data_copy: Callable[[], Path]) -> None:
    project = open_project(data_copy())
    # 2027-01-10 is the routine's review-by date: due soon, not overdue; the pages are current
    report, _ = review_report(project, date(2027, 1, 10))
    entries = {e.item.key: e for g in report.groups for e in g.entries}
    assert entries["orosanmalan"].status is ReviewStatus.DUE_SOON
    assert entries["orosanmalan"].days_left == 0
    assert "delvis-oversatt" not in entries
    assert report.overdue == 0
    report, _ = review_report(project, date(2027, 1, 11))
    assert report.overdue >= 1


def test_overdue_names_file_line_and_field(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    make_overdue(root)
    problems = review_problems(open_project(root), date.today())  # age-proof: 1990 has passed
    overdue = [p for p in problems if p.is_error]
    assert [(p.file, p.field) for p in overdue] == [(ROUTINE, "review_by")]
    assert overdue[0].line == 11
    assert "overdue since 1990-06-30" in overdue[0].format()


def test_grouped_by_owner_in_every_format(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    make_overdue(root)
    project = open_project(root)
    report, _ = review_report(project, date(2089, 12, 1), within=90)
    assert [g.owner for g in report.groups] == ["enhetschef-barn"]
    keys = [e.item.key for e in report.groups[0].entries]
    assert keys[0] == "orosanmalan"  # overdue first
    assert "delvis-oversatt" in keys  # due 2090-02-01: within 90 days
    text = format_text(report, "sv")
    assert "Enhetschef barn och unga (enhetschef-barn)" in text
    assert "FÖRSENAD" in text and f"{ROUTINE}:11" in text
    assert "OVERDUE" in format_text(report, "en")
    markdown = format_markdown(report, "sv")
    assert "### Enhetschef barn och unga (`enhetschef-barn`) @testby/enhetschef-barn" in markdown
    assert "https://rutiner.testby.example/rutiner/socialtjanst/orosanmalan/" in markdown
    data = to_json(report)
    assert data["today"] == "2089-12-01" and data["within_days"] == 90
    item = data["owners"][0]["items"][0]
    assert item["status"] == "overdue" and item["review_by"] == "1990-06-30"
    assert item["file"] == ROUTINE and item["title"]["sv"] == "Orosanmälan om barn"


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(root), "review", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_exit_codes_and_options(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    code, out, _ = run(root, "--today", "2026-06-01")
    assert code == 0 and "Inget är försenat" in out
    code, out, _ = run(root, "--today", "2026-06-01", "--within", "365", "--lang", "en")
    assert code == 0 and "Due soon" not in out and "DUE SOON" in out
    make_overdue(root)
    code, out, err = run(root, "--format", "json")
    assert code == 1
    assert json.loads(out)["counts"]["overdue"] == 1  # stdout stays valid JSON
    assert f"{ROUTINE}:11: error: review_by: granskningen är försenad sedan" in err
    assert "/ review overdue since" in err
    assert run(root, "--exit-zero")[0] == 0


def test_policy_from_the_data(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    make_overdue(root)
    org = root / "routines/organisation.yml"
    org.write_text(org.read_text(encoding="utf-8") +
                   "review_policy:\n  due_soon_days: 10\n  fail_on_overdue: false\n",
                   encoding="utf-8")
    code, out, _ = run(root, "--today", "2089-12-01")
    assert code == 0  # overdue is reported, but the policy says not to fail
    assert "FÖRSENAD" in out and "delvis" not in out.lower()  # 2090-02-01 is not within 10 days
