"""Prototype of `kb bench`'s row (d): the benchmark corpus built by ours and by the successor.

``python -m macros.successor.timing .bench/n200 --pairs 2`` builds, alternating, (a) ours
(``mkdocs build --strict``, KB_PDF=off, as `kb bench` does) and (d) the successor: the stage
(pages written, macros expanded), Zensical cold (its caches removed; both languages side by
side, as make build-successor does), warm with nothing changed (also one language after the
other, for the CPU time of each), warm after one routine page changed, and the finish
(``api/``). Each step is a
fresh process; wall time and CPU time (user + system, with children: ours forks its English
build, so its CPU time exceeds its wall time) are reported, since other work on the machine
stretches wall times.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAIN_BIN = ROOT / ".venv" / "bin"
SUCCESSOR_BIN = ROOT / ".venv-successor" / "bin"


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(corpus: Path, pairs: int) -> dict[str, list[tuple[float, float]]]:
    ours, out = corpus / "ours", corpus / "successor"
    env = {**os.environ, "KB_PDF": "off", "PYTHONPATH": str(ROOT)}
    python = str(MAIN_BIN / "python")
    zensical = [str(SUCCESSOR_BIN / "python"), "-m", "macros.successor.run", str(out)]
    serial = [*zensical, "--serial"]
    results: dict[str, list[tuple[float, float]]] = {}

    def step(name: str, command: list[str], cwd: Path = ROOT) -> None:
        results.setdefault(name, []).append(_run(command, cwd, env))

    def ours_build() -> None:
        step("a) ours: mkdocs build --strict", [str(MAIN_BIN / "mkdocs"), "build", "--strict",
                                                 "-q"], ours)

    def successor_build() -> None:
        step("d) stage (kb: pages, macros expanded)",
             [python, "-m", "macros.successor.stage", "--root", str(ours), "--out", str(out),
              "--theme-root", str(ROOT)])
        for lang in ("sv", "en"):
            for cache in (out / lang / ".zensical-i18n", out / lang / ".cache"):
                shutil.rmtree(cache, ignore_errors=True)
        step("d) zensical-i18n cold, languages side by side", zensical)
        step("d) zensical-i18n warm, no change, one language after the other", serial)
        step("d) zensical-i18n warm, no change", zensical)
        for lang in ("sv", "en"):  # hard links: one write changes both projects
            page = next((out / lang / "docs" / "rutiner").glob("*/*.md"))
            page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        step("d) zensical-i18n warm, one page changed", zensical)
        step("d) finish (api/)", [python, "-m", "macros.successor.stage", "--root", str(ours),
                                  "--out", str(out), "--finish", str(corpus / "site-successor")])

    for index in range(pairs):
        order = (ours_build, successor_build) if index % 2 == 0 else (successor_build,
                                                                        ours_build)
        for build in order:
            build()
    return results


def table(results: dict[str, list[tuple[float, float]]]) -> str:
    lines = ["| Step | wall min / median / max | CPU median |", "|---|---|---|"]
    for name, runs in results.items():
        walls = sorted(wall for wall, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        lines.append(f"| {name} | {walls[0]:.1f} / {statistics.median(walls):.1f} / "
                     f"{walls[-1]:.1f} s | {cpu:.1f} s |")
    a = statistics.median(w for w, _ in results["a) ours: mkdocs build --strict"])
    d = sum(statistics.median(w for w, _ in results[name]) for name in (
        "d) stage (kb: pages, macros expanded)", "d) zensical-i18n cold, languages side by side",
        "d) finish (api/)"))
    d_warm = sum(statistics.median(w for w, _ in results[name]) for name in (
        "d) stage (kb: pages, macros expanded)", "d) zensical-i18n warm, one page changed",
        "d) finish (api/)"))
    lines.append(f"\n(d) cold, stage + build + finish: {d:.1f} s = {d / a:.2f}× (a); "
                 f"warm after one change: {d_warm:.1f} s = {d_warm / a:.2f}× (a)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder written by kb bench-corpus")
    parser.add_argument("--pairs", type=int, default=2)
    args = parser.parse_args(argv)
    print(table(measure(args.corpus.resolve(), args.pairs)))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
