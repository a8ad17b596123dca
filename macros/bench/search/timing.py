"""How fast the first result comes, and how many bytes travel before it, in Chromium against a
built site served by nginx on 127.0.0.1 (gzip as the embedding guide configures it).

- cold: a fresh browser profile opens a page and the reader types at once;
- warm: the same profile opens another page (a new tab: the HTTP cache is warm, the engine
  starts again);
- hot: the next query in the same page.

Time is measured in the page: from the keydown of the query's last character to the first
result drawn in Material's results list. Bytes are the encoded (compressed) response bodies
of every request, page and workers included, from opening the page to the first result.

    python -m macros.bench.search.timing --site site [--runs 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from macros.bench.search import nginx
from macros.bench.search.browser import INPUT, chromium

QUERIES = {"sv": ["orosanmälan", "skyddat boende", "hedersvåld skola", "kvinnofridslinjen",
                  "våld i nära relationer"],
           "en": ["report of concern", "protected housing", "honour violence school",
                  "Kvinnofridslinjen", "violence in close relationships"]}
SEARCH_PATHS = ("/search/", "/pagefind/", "/workers/", "search-worker.js", "/lunr/")

WATCH = """
window.__kbT = {keys: [], renders: []};
document.addEventListener("keydown", (e) => {
  if (e.target && e.target.matches && e.target.matches("input.md-search__input"))
    window.__kbT.keys.push(performance.now());
}, true);
new MutationObserver(() => {
  const list = document.querySelector(".md-search-result__list");
  if (list && list.children.length) window.__kbT.renders.push(performance.now());
}).observe(document, {subtree: true, childList: true});
"""


@dataclass
class Sample:
    mode: str
    lang: str
    query: str
    ms: float | None           # last keystroke → first result
    ms_from_open: float | None  # navigation start → first result
    bytes_total: int           # everything transferred before the first result
    bytes_search: int          # of which search files (index, engine, worker)


class Meter:
    def __init__(self, context: Any) -> None:
        self.log: list[tuple[str, int]] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request: Any) -> None:
        try:
            size = int(request.sizes().get("responseBodySize", 0))
        except Exception:  # a request that failed or was aborted carries no sizes
            size = 0
        self.log.append((request.url, max(size, 0)))

    def take(self) -> tuple[int, int]:
        total = sum(size for _, size in self.log)
        search = sum(size for url, size in self.log if any(p in url for p in SEARCH_PATHS))
        self.log.clear()
        return total, search


def _measure(page: Any, meter: Meter, query: str, settle_first: bool,
             timeout_ms: int = 30_000) -> tuple[float | None, float | None, int, int]:
    box = page.locator(INPUT)
    box.click()
    box.fill(query[:-1])
    if settle_first:
        page.wait_for_timeout(600)
    page.evaluate("window.__kbT.renders = []")
    box.press(query[-1])
    t = None
    for _ in range(timeout_ms // 20):
        t = page.evaluate("""() => { const k = window.__kbT.keys.at(-1);
            const r = window.__kbT.renders.find((x) => x >= k);
            return r === undefined ? null : [r - k, r]; }""")
        if t:
            break
        page.wait_for_timeout(20)
    page.wait_for_timeout(300)  # let the drawing finish before counting bytes
    total, search = meter.take()
    return (t[0], t[1], total, search) if t else (None, None, total, search)


def run(site: Path, runs: int = 5, langs: Sequence[str] = ("sv", "en"),
        pause_ms: int = 0) -> list[Sample]:
    """``pause_ms``: the reader's pause between the page's load and typing (0: at once)."""
    samples: list[Sample] = []
    with nginx.serve(site) as base, chromium() as browser:
        for lang in langs:
            root = base + ("en/" if lang == "en" else "")
            pages = [root, root + "kontakter/"]
            for number in range(runs):
                query = QUERIES[lang][number % len(QUERIES[lang])]
                context = browser.new_context()  # a fresh profile: empty cache
                context.add_init_script(WATCH)
                meter = Meter(context)
                page = context.new_page()
                page.goto(pages[0], wait_until="load")
                page.wait_for_timeout(pause_ms)
                ms, opened, total, search = _measure(page, meter, query, settle_first=False)
                samples.append(Sample("cold", lang, query, ms, opened, total, search))
                other = QUERIES[lang][(number + 1) % len(QUERIES[lang])]
                ms, opened, total, search = _measure(page, meter, other, settle_first=True)
                samples.append(Sample("hot", lang, other, ms, None, total, search))
                tab = context.new_page()
                tab.goto(pages[1], wait_until="load")
                tab.wait_for_timeout(pause_ms)
                page.close()
                ms, opened, total, search = _measure(tab, meter, query, settle_first=False)
                samples.append(Sample("warm", lang, query, ms, opened, total, search))
                context.close()
    return samples


def summary(samples: Sequence[Sample]) -> dict[str, dict[str, float | None]]:
    out: dict[str, dict[str, float | None]] = {}
    for mode in ("cold", "warm", "hot"):
        for lang in sorted({s.lang for s in samples}):
            mine = [s for s in samples if s.mode == mode and s.lang == lang]
            times = [s.ms for s in mine if s.ms is not None]
            out[f"{mode}/{lang}"] = {
                "median_ms": statistics.median(times) if times else None,
                "max_ms": max(times) if times else None,
                "median_ms_from_open": statistics.median(
                    [s.ms_from_open for s in mine if s.ms_from_open is not None] or [0]),
                "median_kb_total": statistics.median([s.bytes_total for s in mine]) / 1024,
                "median_kb_search": statistics.median([s.bytes_search for s in mine]) / 1024,
                "failed": len(mine) - len(times),
            }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.bench.search.timing")
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--pause-ms", type=int, default=0,
                        help="wait this long after the page loads before typing")
    args = parser.parse_args(argv)
    samples = run(args.site, args.runs, pause_ms=args.pause_ms)
    table = summary(samples)
    print(f"{'mode/lang':<10} {'median ms':>10} {'max ms':>8} {'from open':>10} "
          f"{'KB total':>9} {'KB search':>10}")
    for key, row in table.items():
        def f(v: float | None, spec: str) -> str:
            return format(v, spec) if v is not None else "—"
        print(f"{key:<10} {f(row['median_ms'], '10.0f')} {f(row['max_ms'], '8.0f')} "
              f"{f(row['median_ms_from_open'], '10.0f')} {row['median_kb_total']:9.1f} "
              f"{row['median_kb_search']:10.1f}" + (f"  failed {row['failed']}"
                                                   if row["failed"] else ""))
    if args.json:
        args.json.write_text(json.dumps({"summary": table,
                                         "samples": [asdict(s) for s in samples]}, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
