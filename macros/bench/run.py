"""`kb bench`: build the corpus with our configuration (a), the naive one (b) and the naive
one with navigation.prune (c), and, when its virtual environment is there, the successor (d,
macros/bench/successor.py: cold, then warm), alternating, each build in a fresh process; then
measure the built sites, `kb check` and `kb links`.

Our build runs with ``KB_PDF=off``: the plan's PDF (Chromium) has no counterpart in the naive
builds and is not part of the comparison. Ours is built with ``--strict``, the naive ones
without (their pages are not checked by anything).
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

from macros.bench.corpus import OURS, write_corpus
from macros.bench.naive import NAIVE, NAIVE_PRUNE, write_naive
from macros.bench.report import CONFIGS, BenchResult, SiteStats, machine
from macros.bench.successor import build_successor, successor_available
from macros.links.compare import compare_sites, format_differences
from macros.load.loader import load

STAMP = "corpus.json"  # what the folder holds: reused when it matches
REFERENCE = "mkdocs.reference.yml"  # ours without the speed-ups: what staff must still see
SPEED_FEATURES = ("navigation.prune",)
Progress = Callable[[str], None]


class BenchError(Exception):
    """A build or command of the benchmark failed."""


def sources_digest(repo: Path) -> str:
    """Changes with anything the corpus is copied or generated from: the repository's
    mkdocs.yml, docs/, routines/ and the generator itself."""
    digest = hashlib.sha256()
    paths = [repo / "mkdocs.yml", *(Path(__file__).parent / name for name in
                                    ("corpus.py", "naive.py", "text.py"))]
    for folder in ("docs", "routines"):
        paths += sorted(p for p in (repo / folder).rglob("*") if p.is_file())
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepare(repo: Path, out: Path, routines: int, seed: int = 1) -> None:
    """Write the corpus (ours + naive) into ``out``, unless it is there for the same
    number of routines, seed, day and sources."""
    stamp = {"routines": routines, "seed": seed, "today": date.today().isoformat(),
             "sources": sources_digest(repo)}
    stamp_path = out / STAMP
    if stamp_path.is_file():
        if json.loads(stamp_path.read_text(encoding="utf-8")) == stamp:
            return
        stamp_path.unlink()
    corpus = write_corpus(repo, out, routines, seed)
    write_naive(corpus.ours, out)
    stamp_path.write_text(json.dumps(stamp), encoding="utf-8")


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None,
         allowed: tuple[int, ...] = (0,)) -> tuple[float, subprocess.CompletedProcess[str]]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True,
                          check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in allowed:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
        raise BenchError(f"`{' '.join(command)}` in {cwd} failed ({done.returncode}):\n{tail}")
    return seconds, done


def write_reference_config(project: Path) -> Path:
    """Our mkdocs.yml without the speed-ups that could change what staff see
    (``navigation.prune``); the build then also runs with ``KB_PARALLEL=0``."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = config.setdefault("theme", {})
    theme["features"] = [f for f in theme.get("features", []) if f not in SPEED_FEATURES]
    path = project / REFERENCE
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def build_reference(out: Path) -> float:
    """Wall time of our build without the speed-ups (sequential languages, no prune)."""
    project = project_of(out, "a")
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--strict",
               "-f", str(write_reference_config(project)), "-d", str(out / "site-reference")]
    seconds, _ = _run(command, project, {"KB_PDF": "off", "KB_PARALLEL": "0"})
    return seconds


SUCCESSOR_WORK = "successor"  # the stage and Zensical's projects of (d)


def project_of(out: Path, config: str) -> Path:
    return out / {"a": OURS, "b": NAIVE, "c": NAIVE_PRUNE}[config]


def site_of(out: Path, config: str) -> Path:
    return out / f"site-{config}"


def build(out: Path, config: str) -> float:
    """Wall time of one `mkdocs build` of ``config`` in a fresh process."""
    project = project_of(out, config)
    command = [sys.executable, "-m", "mkdocs", "build", "--clean",
               "-f", str(project / "mkdocs.yml"), "-d", str(site_of(out, config))]
    if config == "a":
        command.append("--strict")  # never -q with --strict (mkdocs/mkdocs#4126)
    seconds, _ = _run(command, project, {"KB_PDF": "off"})
    return seconds


def site_stats(site: Path) -> SiteStats:
    pages = [p.stat().st_size for p in site.rglob("*.html") if p.name != "404.html"]
    index = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and (
        {"search", "pagefind"} & set(p.relative_to(site).parts[:-1])
        or p.name == "search.json"))  # search/, Pagefind's pagefind/, (d): Zensical's
    return SiteStats(len(pages), round(statistics.median(pages) / 1024, 1) if pages else 0.0,
                     round(index / 1024 / 1024, 2))


def _order(pair: int, successor: bool) -> list[str]:
    """a b c (d), then (d) c b a, …: no configuration always runs first (cold caches)."""
    keys = [*CONFIGS, *(["d"] if successor else [])]
    return keys if pair % 2 == 0 else keys[::-1]


def _successor(repo: Path, out: Path, venv: Path, result: BenchResult,
               progress: Progress) -> None:
    """(d) once cold, then once warm (see macros/bench/successor.py)."""
    def run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
        return _run(command, cwd, env)[0]

    for cold in (True, False):
        done = build_successor(project_of(out, "a"), out / SUCCESSOR_WORK, site_of(out, "d"),
                               venv, repo, run, cold)
        result.add_successor(done.steps, cold)
        steps = ", ".join(f"{name} {seconds:.2f}" for name, seconds in done.steps.items())
        progress(f"   d) successor {'cold' if cold else 'warm'} {done.total:.2f} s ({steps})")


def run_bench(repo: Path, out: Path, routines: int, pairs: int = 3, seed: int = 1,
              progress: Progress = lambda _: None, search: bool = True,
              successor_venv: Path | None = None) -> BenchResult:
    """``successor_venv``: the successor's virtual environment (.venv-successor); (d) is
    built when it has zensical-i18n, left out otherwise."""
    repo, out = repo.resolve(), out.resolve()  # the builds run in the projects' folders
    with_successor = successor_available(successor_venv)
    prepare(repo, out, routines, seed)
    kb = load(project_of(out, "a")).kb
    assert kb is not None  # prepare() checked the data
    result = BenchResult(routines, len(kb.routines),
                         sum(1 for _ in (project_of(out, "b") / "docs").rglob("*.md")),
                         pairs, machine(), {key: [] for key in CONFIGS})
    for pair in range(pairs):
        for config in _order(pair, with_successor):
            if config == "d":
                assert successor_venv is not None
                _successor(repo, out, successor_venv.resolve(), result, progress)
                continue
            seconds = build(out, config)
            result.times[config].append(seconds)
            progress(f"pair {pair + 1}/{pairs}: {config}) {seconds:.2f} s")
    result.sites = {key: site_stats(site_of(out, key))
                    for key in [*CONFIGS, *(["d"] if with_successor else [])]}
    result.reference_s = build_reference(out)
    progress(f"reference (KB_PARALLEL=0, no prune) {result.reference_s:.2f} s")
    differences = compare_sites(out / "site-reference", site_of(out, "a"))
    result.reference_differences = len(differences)
    result.reference_report = format_differences(differences) if differences else ""
    result.kb_check_s, _ = _run([sys.executable, "-m", "macros", "check"], project_of(out, "a"))
    result.links_s, links = _run([sys.executable, "-m", "macros", "links", "--format", "json",
                                  str(site_of(out, "a"))], out, allowed=(0, 1))
    result.broken_links = len(json.loads(links.stdout)["broken"])
    if search:
        result.search, result.search_note = time_search(site_of(out, "a"), progress)
    else:
        result.search_note = "kb bench --no-search"
    return result


def time_search(site: Path, progress: Progress) -> tuple[dict[str, dict[str, float]], str]:
    """The search of ``site`` in Chromium against nginx, cold (macros/bench/search/timing.py):
    per language the median ms from the last keystroke to the first result and the KB
    transferred before it; or why it could not be measured. The timing runs in a process of
    its own, so a caller that already drives a browser (pytest's Playwright) does not clash."""
    from macros.bench.search import nginx
    from macros.bench.search.browser import CHROMIUM

    if not CHROMIUM.exists() or not nginx.available():
        return {}, "needs Chromium and nginx (make browser servers)"
    try:
        import playwright  # noqa: F401  (the test dependencies: make test-install)
    except ImportError:
        return {}, "needs Playwright (make test-install)"
    progress("search timing (Chromium, nginx, 3 fresh profiles per language)")
    report = site.parent / "search-timing.json"
    done = subprocess.run([sys.executable, "-m", "macros.bench.search.timing", "--site",
                           str(site), "--runs", "3", "--json", str(report)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or not report.is_file():
        return {}, f"the timing failed: {(done.stderr or done.stdout).strip()[-300:]}"
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    out = {}
    for lang in ("sv", "en"):
        row = summary.get(f"cold/{lang}") or {}
        if row.get("median_ms") is not None:
            out[lang] = {"ms": float(row["median_ms"]), "kb": float(row["median_kb_total"])}
    return out, "" if out else "no result in time"
