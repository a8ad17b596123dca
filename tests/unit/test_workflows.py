"""The GitHub workflows: actionlint passes, and they do what the coordinator relies on —
checks on every pull request, weekly review reminders, links compared with the target branch,
and publishing only through `make publish` after the tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT_CONFIG = ROOT / ".github" / "actionlint.yaml"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"actionlint cannot run under CI=true: {reason}")
    pytest.skip(reason)


def _actionlint() -> str | None:
    beside_python = Path(sys.executable).parent / "actionlint"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which("actionlint")


def test_actionlint_passes() -> None:
    binary = _actionlint()
    if binary is None:
        _unavailable("actionlint is not installed (make test-install)")
    files = sorted(str(p.relative_to(ROOT)) for p in WORKFLOWS.glob("*.y*ml"))
    result = subprocess.run(
        [binary, "-no-color", "-oneline", "-config-file", str(ACTIONLINT_CONFIG), *files],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"actionlint:\n{result.stdout}{result.stderr}"


# --- what the workflows do ----------------------------------------------------------------

def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job.get("steps", []))


def runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def jobs_running(workflow: dict[str, Any], command: str) -> list[str]:
    return [name for name, job in workflow["jobs"].items() if command in runs(job)]


def permissions(workflow: dict[str, Any], job: str) -> dict[str, str]:
    value = workflow["jobs"][job].get("permissions", workflow.get("permissions"))
    assert isinstance(value, dict), f"{job}: give permissions explicitly"
    return value


ALL = sorted(p.name for p in WORKFLOWS.glob("*.yml"))


def test_the_workflows_exist() -> None:
    assert {"checks.yml", "review-reminders.yml", "publish.yml", "pr-summary.yml"} <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_every_job_has_minimal_permissions(name: str) -> None:
    workflow = load(name)
    assert workflow.get("permissions") in ({"contents": "read"}, {}), \
        f"{name}: the workflow's default permissions must be read-only"
    allowed = {"contents": {"read"}, "pull-requests": {"write"}, "issues": {"write"}}
    for job in workflow["jobs"]:
        for scope, level in permissions(workflow, job).items():
            # the one exception: the publish job pushes the deploy branch
            ok = level in allowed.get(scope, set()) or (
                (name, job, scope, level) == ("publish.yml", "publish", "contents", "write"))
            assert ok, f"{name}:{job}: {scope}: {level}"


@pytest.mark.parametrize("name", ALL)
def test_actions_are_pinned_by_major_version(name: str) -> None:
    used = [step["uses"] for job in load(name)["jobs"].values() for step in steps(job)
            if "uses" in step]
    assert used, f"{name} uses no action: is it read right?"
    for action in used:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", action), action


@pytest.mark.parametrize("name", ALL)
def test_no_untrusted_text_is_pasted_into_a_script(name: str) -> None:
    """PR titles, bodies and branch names reach scripts through env:, never inline."""
    jobs = load(name)["jobs"]
    assert jobs and all(steps(job) for job in jobs.values())
    for job in jobs.values():
        for step in steps(job):
            assert not re.search(r"\$\{\{[^}]*github\.(event|head_ref)", step.get("run", "")), \
                step.get("name", step["run"])


def test_checks_run_make_test_on_every_pull_request() -> None:
    checks = load("checks.yml")
    assert "pull_request" in checks["on"]
    assert checks["on"]["push"]["branches"] == ["main"]
    jobs = jobs_running(checks, "make test")
    assert jobs, "no job runs `make test`"
    for name in jobs:
        job = checks["jobs"][name]
        assert "if" not in job, f"{name} must run on every pull request"
        # Chromium for the browser tests: installed before `make test` (and the test job
        # runs as root in Debian, where `make test` would install it too).
        text = runs(job)
        assert "apt-get install" in text and "chromium" in text
        assert text.index("chromium") < text.index("make test")


def test_checks_cancel_superseded_runs() -> None:
    concurrency = load("checks.yml")["concurrency"]
    assert concurrency["cancel-in-progress"] is True
    assert "pull_request.number" in concurrency["group"]


def test_checks_build_strictly_and_report_review_dates() -> None:
    checks = load("checks.yml")
    assert jobs_running(checks, "make build")
    [review] = jobs_running(checks, "kb review --format markdown")
    script = runs(checks["jobs"][review])
    assert "GITHUB_STEP_SUMMARY" in script
    assert "--exit-zero" not in script, "an overdue review must fail the job"
    assert 'exit "$status"' in script
    assert not any(step.get("continue-on-error") for step in steps(checks["jobs"][review]))


def test_link_diff_compares_with_the_target_branch() -> None:
    checks = load("checks.yml")
    [name] = jobs_running(checks, "kb links")
    job = checks["jobs"][name]
    assert job["if"] == "github.event_name == 'pull_request'"
    checkouts = [s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@")]
    base = [s for s in checkouts if s.get("with", {}).get("ref") == "${{ github.base_ref }}"]
    assert len(checkouts) == 2 and len(base) == 1 and base[0]["with"]["path"] == "base"
    script = runs(job)
    assert "make -C base install" in script
    assert re.search(r"kb links head-site --compare base-site --format markdown", script)
    assert "GITHUB_STEP_SUMMARY" in script
    # the job that builds the pull request holds no token that can write (issue 15)
    assert permissions(checks, name) == {"contents": "read"}
    # the job fails when links broke
    last = steps(job)[-1]
    assert "steps.links.outputs.status != '0'" in last["if"] and "exit" in last["run"]
    # one comment, found by its marker and updated, not a new one per push, by a job that
    # runs nothing from the pull request
    comment = checks["jobs"]["links-comment"]
    assert comment["needs"] == name
    assert permissions(checks, "links-comment") == {"contents": "read", "pull-requests": "write"}
    assert not [s for s in steps(comment) if "checkout" in s.get("uses", "")]
    assert "make" not in runs(comment) and "mkdocs" not in runs(comment)
    assert "--method PATCH" in runs(comment) and "kb-links-report" in runs(comment)


def test_no_job_that_builds_or_tests_holds_a_token_that_can_write() -> None:
    """Data and pages of a pull request are built by jobs that cannot write (SECURITY.md)."""
    assert ALL
    for name in ALL:
        workflow = load(name)
        for job_name, job in workflow["jobs"].items():
            script = runs(job)
            if any(command in script for command in ("mkdocs build", "make test", "kb check")):
                writes = {scope for scope, level in permissions(workflow, job_name).items()
                          if level == "write"}
                allowed = {"contents"} if (name, job_name) == ("publish.yml", "publish") else set()
                assert writes <= allowed, (name, job_name, writes)


def test_pr_summary_is_checked_also_when_the_description_is_edited() -> None:
    workflow = load("pr-summary.yml")
    assert "edited" in workflow["on"]["pull_request"]["types"]
    [name] = jobs_running(workflow, "kb pr-summary --body-file -")
    step = next(s for s in steps(workflow["jobs"][name]) if "kb pr-summary" in s.get("run", ""))
    assert step["env"]["PR_BODY"] == "${{ github.event.pull_request.body }}"


def test_review_reminders_run_weekly_with_issue_permission() -> None:
    workflow = load("review-reminders.yml")
    assert workflow["on"]["schedule"] == [{"cron": "0 6 * * 1"}]
    assert "workflow_dispatch" in workflow["on"]
    [name] = jobs_running(workflow, "kb review-issues")
    assert permissions(workflow, name) == {"contents": "read", "issues": "write"}
    step = next(s for s in steps(workflow["jobs"][name]) if "kb review-issues" in s.get("run", ""))
    assert step["env"]["GH_TOKEN"] == "${{ github.token }}"


def test_publish_tests_then_publishes_through_make_publish() -> None:
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    [test] = jobs_running(workflow, "make test")
    [publish] = jobs_running(workflow, "make publish")
    needs = jobs[publish]["needs"]
    assert test in ([needs] if isinstance(needs, str) else needs), "publish only after the tests"
    run = next(s["run"] for s in steps(jobs[publish]) if "make publish" in s.get("run", ""))
    assert "PUSH=origin" in run and 'ALIAS="$ALIAS"' in run
    checkout = next(s for s in steps(jobs[publish]) if s.get("uses", "").startswith(
        "actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "last-changed dates need the whole history"
    assert any(s.get("uses", "").startswith("actions/upload-artifact@")
               and s["with"]["path"] == "site-export.tar.gz" for s in steps(jobs[publish]))
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    for deploy in ("mike deploy", "gh-deploy", "deploy-pages", "actions-gh-pages", "git push"):
        assert deploy not in text, f"publish.yml deploys only through make publish ({deploy})"
    for name in jobs:
        assert not {"pages", "id-token"} & set(permissions(workflow, name)), name
        expected = "write" if name == publish else "read"
        assert permissions(workflow, name).get("contents", "read") == expected, name


def test_publish_installs_chromium_before_make_publish() -> None:
    """make publish prints the action plan to PDF (KB_PDF=on): Chromium must be there."""
    workflow = load("publish.yml")
    [publish] = jobs_running(workflow, "make publish")
    text = runs(workflow["jobs"][publish])
    assert "make browser" in text
    assert text.index("make browser") < text.index("make publish")
