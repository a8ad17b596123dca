"""`make lighthouse`: Lighthouse (npm, Debian's Chromium) on the published site as nginx
serves it from `kb server-config nginx`: the start page, a routine, the responsibility matrix
and an English routine, with Lighthouse's default mobile settings (simulated slow 4G and a
4× slower CPU). Prints the scores and writes the reports to .lighthouse/; exits 1 when a page
is below the targets (performance 95, accessibility, best practices and SEO 100).

    python -m tests.lighthouse [--runs N] [--out .lighthouse]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests import conftest  # noqa: F401  (first: tests.served imports its helpers)
from tests.served import publish_real, readable_folder, serve_export
from tests.web_servers import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")
PAGES = {
    "start page": "gallande/",
    "routine": "gallande/rutiner/social-och-omsorgskontoret/orosanmalan-barn/",
    "matrix": "gallande/handlingsplan/ansvar/",
    "English routine": "gallande/en/rutiner/social-och-omsorgskontoret/orosanmalan-barn/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])


def run_lighthouse(url: str, report: Path) -> dict[str, object]:
    command = [str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
               f"--only-categories={','.join(CATEGORIES)}", "--output=json", "--output=html",
               f"--output-path={report}", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(report.with_suffix(".report.json").read_text(encoding="utf-8"))


def summary(data: dict[str, object]) -> tuple[dict[str, int], dict[str, str], list[str], float]:
    """Scores (0–100), the main timings, every scored audit below full marks, and the
    machine's speed as Lighthouse measured it (benchmarkIndex)."""
    categories = data["categories"]  # type: ignore[index]
    audits = data["audits"]  # type: ignore[index]
    scores = {name: round(100 * (categories[name]["score"] or 0)) for name in CATEGORIES}
    metrics = {name: audits[name]["displayValue"] for name in METRICS}
    failing = sorted(f"{category}: {audits[ref['id']]['title']}"
                     for category in CATEGORIES for ref in categories[category]["auditRefs"]
                     if ref["weight"] and audits[ref["id"]]["score"] is not None
                     and audits[ref["id"]]["score"] < 1)
    speed = float(data["environment"]["benchmarkIndex"])  # type: ignore[index]
    return scores, metrics, failing, speed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median reported)")
    parser.add_argument("--out", type=Path, default=ROOT / ".lighthouse")
    args = parser.parse_args()
    for needed, fix in ((LIGHTHOUSE, "npm ci"), (CHROMIUM, "apt-get install chromium")):
        if not needed.exists():
            print(f"{needed} is missing ({fix}; make lighthouse does this)", file=sys.stderr)
            return 2
    args.out.mkdir(parents=True, exist_ok=True)
    export_dir = readable_folder("lighthouse")
    below: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="kb-lighthouse-") as tmp:
            print("Publishing the site and serving it with nginx …", file=sys.stderr)
            export = publish_real(Path(tmp), export_dir / "export")
            with serve_export("nginx", export, Path(tmp)) as served:
                print(f"\nLighthouse {version()}, mobile, median of {args.runs} run(s); "
                      f"reports in {args.out}/\n")
                header = f"{'page':<17}" + "".join(f"{c:>16}" for c in CATEGORIES)
                print(header + "   FCP / LCP / TBT / CLS / SI")
                for name, path in PAGES.items():
                    runs = []
                    for run in range(args.runs):
                        slug = name.replace(" ", "-")
                        data = run_lighthouse(f"{served.url}/{path}",
                                              args.out / f"{slug}-{run + 1}")
                        runs.append(summary(data))
                    scores = {c: int(statistics.median(r[0][c] for r in runs))
                              for c in CATEGORIES}
                    middle = sorted(runs, key=lambda r: r[0]["performance"])[len(runs) // 2]
                    print(f"{name:<17}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES)
                          + "   " + " / ".join(middle[1][m] for m in METRICS))
                    print(f"{'':<17}  performance per run: "
                          f"{', '.join(str(r[0]['performance']) for r in runs)}; "
                          f"benchmarkIndex: {', '.join(str(round(r[3])) for r in runs)}")
                    for line in sorted({f for r in runs for f in r[2]}):
                        print(f"{'':<17}  below full marks in a run: {line}")
                    below += [f"{name}: {c} {scores[c]} < {TARGETS[c]}"
                              for c in CATEGORIES if scores[c] < TARGETS[c]]
    finally:
        shutil.rmtree(export_dir, ignore_errors=True)
    print()
    print("\n".join(below) if below else "Every page reaches the targets "
          "(performance 95, accessibility, best practices and SEO 100).")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
