"""axe-core from npm (package.json, pinned in package-lock.json), injected into a Playwright
page: the current rules, not the older copy axe-playwright-python bundles. The page's
Content-Security-Policy does not apply: the script is evaluated through the DevTools protocol.

    results = run_axe(page)          # {"violations": [...], "incomplete": [...], ...}
    violation_lines(results), incomplete_rules(results)
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE_DIR = ROOT / "node_modules" / "axe-core"
AXE_JS = AXE_DIR / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": list(TAGS)},
    "resultTypes": ["violations", "incomplete"],
}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pinned_version() -> str:
    """The version package-lock.json pins (what `npm ci` installs)."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return str(lock["packages"]["node_modules/axe-core"]["version"])


def installed_version() -> str:
    return str(json.loads((AXE_DIR / "package.json").read_text(encoding="utf-8"))["version"])


@cache
def axe_source() -> str:
    """axe.min.js as npm installed it; skip (fail under CI=true) when it is missing."""
    if not AXE_JS.is_file():
        reason = f"{AXE_JS.relative_to(ROOT)} is missing (npm ci; make test does this)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"axe-core cannot run under CI=true: {reason}")
        pytest.skip(reason)
    return AXE_JS.read_text(encoding="utf-8")


def inject(page: Any) -> str:
    """Load axe into the page; its version."""
    page.evaluate(axe_source())
    return str(page.evaluate("() => axe.version"))


START = """(o) => { window.__kbAxe = new Promise((done) => setTimeout(() =>
    axe.run(document, o).then(done, (e) => done({violations: [], incomplete: [],
                                                  error: String(e)})), 0)); }"""


def start(page: Any) -> None:
    """Start axe from a timer: the call returns at once, the result is read by ``result``."""
    page.evaluate(START, OPTIONS)


def result(page: Any) -> dict[str, Any]:
    return dict(page.evaluate("() => window.__kbAxe"))


def run_axe(page: Any) -> dict[str, Any]:
    inject(page)
    start(page)
    return result(page)


def violation_lines(results: dict[str, Any]) -> list[str]:
    """axe-core's violations, one line per element: rule, impact, selector, what to do."""
    failed = [f"axe did not run: {results['error']}"] if results.get("error") else []
    return failed + [
        f"{v['id']} ({v['impact']}) {', '.join(map(str, node['target']))}: {v['help']}"
        for v in results["violations"] for node in v["nodes"]]


def incomplete_lines(results: dict[str, Any]) -> list[str]:
    """What axe could not decide, one line per element, with axe's reason."""
    lines = []
    for rule in results.get("incomplete", []):
        for node in rule["nodes"]:
            why = "; ".join(check["message"] for kind in ("any", "all", "none")
                            for check in node.get(kind, []) if check.get("message"))
            lines.append(f"{rule['id']} {', '.join(map(str, node['target']))}: {why}")
    return lines


def incomplete_rules(results: dict[str, Any]) -> set[str]:
    return {rule["id"] for rule in results.get("incomplete", [])}
