"""Shared fixtures: the real site and a small fixture site, each built once per test run;
a Chromium browser and the real site served on 127.0.0.1 for the browser tests; and the
tiers: every test is marked by the folder it is in (tests/README.md).

- tests/unit/      no marker: no built site, no browser, no web server (`make test-unit`);
- tests/content/   `content`: the repository's editorial content, not code;
- tests/site/      `site`: builds a site (the session fixtures or a build of its own);
- tests/servers/   `site` and `servers`: the published site served by nginx and Apache;
- tests/browser/   `browser`: Chromium against a served site.

A test anywhere that uses a site, server or browser fixture gets that marker too, and one in
tests/unit/ that does stops the run: it belongs in tests/site/ or tests/browser/."""

from __future__ import annotations

import html
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.links.local_server import serve
from macros.load.loader import load
from macros.model.core import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"


def loaded(root: Path) -> KnowledgeBase:
    """The validated data of a project (it must have no errors)."""
    result = load(root)
    assert result.ok and result.kb is not None, [p.format() for p in result.problems]
    return result.kb


@pytest.fixture(scope="session")
def repo_kb() -> KnowledgeBase:
    """The repository's own data (read-only: the model is frozen)."""
    return loaded(ROOT)


@pytest.fixture(scope="session")
def fixture_kb() -> KnowledgeBase:
    """The data of tests/fixtures/site (read-only)."""
    return loaded(FIXTURE_SITE)


def isolate_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user or system git config (signing, hooks, showRoot=false …), no repository above
    tmp_path, no GIT_DIR from a hook that runs the tests."""
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))


def copy_project(source: Path, target: Path) -> Path:
    """Copy a project (mkdocs.yml, docs/, routines/) and point it at the repo's overrides/."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site", ".venv", ".git",
                                                                  "tests", "__pycache__"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"),
                      encoding="utf-8")
    return target


def mkdocs_build(project: Path, site_dir: Path,
                 strict: bool = True) -> subprocess.CompletedProcess[str]:
    # Never -q: MkDocs 1.6 then drops warnings before its strict-mode counter sees them, and
    # `--strict -q` passes a build with warnings (mkdocs/mkdocs#4126).
    command = [sys.executable, "-m", "mkdocs", "build", "--clean",
               "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project,
                          timeout=600, check=False)


def _built(project: Path, site: Path) -> Path:
    result = mkdocs_build(project, site)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once (strict) for the whole run."""
    return _built(ROOT, tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("small") / "project")


@pytest.fixture(scope="session")
def small_site(small_project: Path) -> Path:
    """tests/fixtures/site built once (strict): a routine with missing English text, etc."""
    return _built(small_project, small_project / "site")


PRUNE = "    - navigation.prune"


@pytest.fixture(scope="session")
def unpruned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site built as the real one but without navigation.prune."""
    project = tmp_path_factory.mktemp("unpruned") / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".bench", "site", ".venv", ".git", "tests", "__pycache__", "*.egg-info",
        ".pytest_cache", ".ruff_cache"))
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(PRUNE)]
    assert len(kept) == len(lines) - 1, "mkdocs.yml has no navigation.prune to take out"
    config.write_text("".join(kept).replace("custom_dir: overrides",
                                            f"custom_dir: {ROOT / 'overrides'}"),
                      encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[[], Path]:
    """A fresh copy of the fixture project's data, for tests that break a file."""
    def make() -> Path:
        return copy_project(FIXTURE_SITE, tmp_path / "project")
    return make


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare output with tests/golden/<name>; --update-golden rewrites the file."""
    def check(name: str, actual: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"{path} is missing: run pytest --update-golden"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"
    return check


def read(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def textarea_code(page_html: str) -> str:
    """The embed code a page offers in its box (macros/build/embed.py), unescaped."""
    found = re.search(r'<textarea id="kb-embed-code"[^>]*>(.*?)</textarea>', page_html, re.S)
    assert found, "the page has no embed code"
    return html.unescape(found.group(1))


# --- LinkChecker ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def linkchecker() -> Path:
    """The LinkChecker executable; skip (fail under CI=true) without it."""
    from macros.links.external import executable

    exe = executable()
    if exe is None:
        reason = "linkchecker is not installed (make test-install)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"LinkChecker tests cannot run under CI=true: {reason}")
        pytest.skip(reason)
    return exe


# --- browser ------------------------------------------------------------------------------

CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def fake_chromium(tmp_path: Path, body: str) -> Path:
    """An executable standing in for Chromium: ``$out`` is its --print-to-pdf path."""
    script = tmp_path / "chromium"
    script.write_text("#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) "
                      "out=\"${a#--print-to-pdf=}\";; esac; done\n" + body + "\n",
                      encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI=true: {reason}")
    pytest.skip(reason)


try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # reported by the browser fixture
    PlaywrightTimeout = TimeoutError  # type: ignore[misc,assignment]


@pytest.fixture(scope="session")
def base_url(real_site: Path) -> Iterator[str]:
    with serve(real_site) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing "
                     "(apt-get install chromium; make test does this as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (make test-install)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Errors in every frame, also cross-origin and sandboxed ones, which "pageerror" does not
# report: read them with frame.evaluate("window.__kbErrors"); and what a Content-Security-Policy
# refused (when the site is served with one): frame.evaluate("window.__kbCsp").
COLLECT_ERRORS = """
  window.__kbErrors = [];
  window.addEventListener("error", (e) => window.__kbErrors.push(String(e.message)));
  window.addEventListener("unhandledrejection", (e) => window.__kbErrors.push(String(e.reason)));
  window.__kbCsp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__kbCsp.push(
    `${e.effectiveDirective} ${e.blockedURI || "inline"} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    context.add_init_script(COLLECT_ERRORS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"script errors: {errors}"


RESULT_LINKS = "li.md-search-result__item > a.md-search-result__link"


@pytest.fixture
def search(page: Any) -> Callable[[str], list[str]]:
    """Type a query into Material's search box; the hrefs of the result pages, best first."""
    def run(query: str) -> list[str]:
        box = page.locator("input.md-search__input")
        box.click()
        items = page.locator(RESULT_LINKS)
        for _ in range(10):  # the index loads in a worker; a query typed too early is lost
            box.fill("")
            box.press_sequentially(query)
            try:
                items.first.wait_for(timeout=1_500)
                break
            except PlaywrightTimeout:
                continue
        # results render as the worker answers: wait until they stop changing
        previous: list[str] = []
        for _ in range(30):
            current = page.evaluate(
                "(s) => Array.from(document.querySelectorAll(s), a => a.getAttribute('href'))",
                RESULT_LINKS)
            if current and current == previous:
                return current
            previous = current
            page.wait_for_timeout(100)
        return previous
    return run



# --- tiers ------------------------------------------------------------------------------------

TESTS = ROOT / "tests"
FOLDER_MARKERS = {"site": ("site",), "servers": ("site", "servers"), "browser": ("browser",),
                  "content": ("content",)}
# fixtures that build, publish or serve a site, or start Chromium (directly or through others)
SITE_FIXTURES = {"real_site", "small_site", "small_project", "published", "real_export",
                 "fixture_export", "unpruned_site"}
SERVER_FIXTURES = {"served_fixture", "served_tls", "nginx_real"}
BROWSER_FIXTURES = {"browser"}


def tier_markers(folder: str, fixtures: set[str]) -> set[str]:
    """The markers of a test in tests/<folder>/ that uses ``fixtures`` (their whole closure)."""
    markers = set(FOLDER_MARKERS.get(folder, ()))
    if fixtures & BROWSER_FIXTURES:
        markers.add("browser")
    if fixtures & SERVER_FIXTURES:
        markers.add("servers")
    if "browser" not in markers and fixtures & (SITE_FIXTURES | SERVER_FIXTURES):
        markers.add("site")
    return markers


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    misplaced: list[str] = []
    for item in items:
        parts = item.path.relative_to(TESTS).parts if item.path.is_relative_to(TESTS) else ()
        folder = parts[0] if len(parts) > 1 else ""
        markers = tier_markers(folder, set(getattr(item, "fixturenames", ())))
        for name in sorted(markers):
            item.add_marker(name)
        if folder == "unit" and markers:
            misplaced.append(f"{item.nodeid}: uses a {'/'.join(sorted(markers))} fixture")
    if misplaced:
        raise pytest.UsageError(
            "unit tests build no site and start no browser or server; move these to "
            "tests/site/, tests/servers/ or tests/browser/:\n" + "\n".join(misplaced))


# --- real web servers (tests/served.py) -----------------------------------------------------

from tests.publishing import published  # noqa: E402, F401  (fixtures shared by every test)
from tests.served import (  # noqa: E402, F401
    fixture_export,
    nginx_real,
    real_export,
    served_fixture,
    served_tls,
)
from tests.successor_build import successor_site  # noqa: E402, F401
