"""`make search-eval`: type every query of the evaluation sets into the built site's search
box in Chromium, served on 127.0.0.1, and report top-1, top-3 and MRR per language and kind,
and every miss with the titles the reader saw — for each set on its own: the evaluation set
(tests/search_eval/queries.yml) and the held-out set (heldout.yml, by a second author).

    python -m macros.bench.search.evaluate [--site site] [--queries FILE …]
                                     [--json results.json] [--only-misses] [--direct]

``--direct`` (`make search-eval-quick`) posts each query straight to the site's own search
worker in the same Chromium instead of typing it and reading the drawn list: the same
ranking, in a twentieth of the time, for trying a change to the ranking or the content; the
figures to report come from the search box (tests/browser/test_search_eval_direct.py keeps
the two equal).
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from macros.bench.search import nginx
from macros.bench.search.browser import Result, SearchBox, chromium, page_path
from macros.bench.search.queries import LANGS, Query, QueryFileError, load
from macros.build.search_index import WORKER

QUERY_SETS = (Path("tests/search_eval/queries.yml"), Path("tests/search_eval/heldout.yml"))
SHOWN = 10     # ranks beyond what the first screen of results holds count as not found
WARM_UP = {"sv": "våld", "en": "violence"}


@dataclass
class Outcome:
    query: Query
    rank: int | None            # 1-based rank of the first right page, None when not shown
    shown: list[Result] = field(default_factory=list)

    @property
    def reciprocal(self) -> float:
        return 1.0 / self.rank if self.rank else 0.0


def rank_of(query: Query, results: Sequence[Result]) -> int | None:
    right = set(query.urls())
    for number, result in enumerate(results[:SHOWN], 1):
        if result.url in right:
            return number
    return None


@dataclass
class Figures:
    n: int
    top1: float
    top3: float
    mrr: float

    @classmethod
    def of(cls, outcomes: Sequence[Outcome]) -> Figures:
        n = len(outcomes)
        if not n:
            return cls(0, 0.0, 0.0, 0.0)
        return cls(n, sum(o.rank == 1 for o in outcomes) / n,
                   sum(bool(o.rank and o.rank <= 3) for o in outcomes) / n,
                   sum(o.reciprocal for o in outcomes) / n)

    def line(self, label: str) -> str:
        return (f"{label:<22} {self.n:>4}   top-1 {self.top1:6.1%}   top-3 {self.top3:6.1%}"
                f"   MRR {self.mrr:.3f}")


def built(query: Query, site: Path) -> bool:
    """Is at least one of the query's pages in this build?"""
    return any((site / url.lstrip("/") / "index.html").exists() for url in query.urls())


@contextmanager
def served(site: Path, browser: Any = None) -> Iterator[tuple[str, Any]]:
    """The site on 127.0.0.1 (by nginx as it will be served, else Python's server) and a
    browser: ``browser`` when given (the tests' running one), else a Chromium of its own."""
    with ExitStack() as stack:
        if nginx.available():
            base = stack.enter_context(nginx.serve(site))
        else:
            from macros.links.local_server import serve
            base = stack.enter_context(serve(site))
        yield base, browser or stack.enter_context(chromium())


def run(site: Path, queries: Sequence[Query], progress: bool = True,
        browser: Any = None) -> list[Outcome]:
    """Type the queries into the search box; ``browser``: a running Playwright browser to use
    (the tests'), else a Chromium of its own."""
    outcomes: list[Outcome] = []
    with served(site, browser) as (base, browser):
        for lang in LANGS:
            todo = [q for q in queries if q.lang == lang]
            if not todo:
                continue
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + ("en/" if lang == "en" else ""))
            box = SearchBox(page, urlsplit(base).path)
            box.open()
            for _ in range(60):  # the index loads in the background: wait until it answers
                if box.search(WARM_UP[lang]):
                    break
            for number, query in enumerate(todo, 1):
                results = box.search(query.text)
                outcomes.append(Outcome(query, rank_of(query, results), results))
                if progress and (number % 25 == 0 or number == len(todo)):
                    print(f"{lang}: {number}/{len(todo)}", file=sys.stderr, flush=True)
            context.close()
    return outcomes


# In the page: start the site's own worker for a language, as Material does, and post it each
# query; its last answer for a query (it answers twice: from the cards, then with sections)
# is the one after which it stays quiet.
_DIRECT = """async ([worker, queries]) => {
  const w = new Worker(worker);
  const ready = new Promise((resolve) => w.addEventListener("message", function once(e) {
    if (e.data.type === 1) { w.removeEventListener("message", once); resolve(); }
  }));
  w.postMessage({type: 0});
  await ready;
  const answers = [];
  for (const query of queries) {
    answers.push(await new Promise((resolve) => {
      let last = [], timer = null;
      const listen = (e) => {
        if (e.data.type !== 3) return;
        last = e.data.data.items.map((item) => [item[0].location, item[0].title]);
        clearTimeout(timer);
        timer = setTimeout(() => { w.removeEventListener("message", listen); resolve(last); }, 60);
      };
      w.addEventListener("message", listen);
      w.postMessage({type: 2, data: query});
    }));
  }
  w.terminate();
  return answers;
}"""


def answered(items: Sequence[Sequence[str]]) -> list[Result]:
    """The worker's items (location from the site's root, escaped title) as the pages a
    reader would see, each once, by path from the site's root."""
    results: list[Result] = []
    seen: set[str] = set()
    for location, title in items:
        url = page_path(location.split("#", 1)[0].split("?", 1)[0], "http://site/")
        if url not in seen:
            seen.add(url)
            results.append(Result(url=url, title=html.unescape(title)))
    return results


def run_direct(site: Path, queries: Sequence[Query], browser: Any = None) -> list[Outcome]:
    """Post the queries to the site's search worker (``browser`` as for :func:`run`)."""
    outcomes: list[Outcome] = []
    with served(site, browser) as (base, browser):
        root = urlsplit(base).path
        context = browser.new_context()
        page = context.new_page()
        page.goto(base)
        for lang in LANGS:
            todo = [q for q in queries if q.lang == lang]
            if not todo:
                continue
            answers = page.evaluate(_DIRECT, [f"{root}{WORKER}?lang={lang}",
                                              [q.text for q in todo]])
            for query, items in zip(todo, answers, strict=True):
                results = answered(items)
                outcomes.append(Outcome(query, rank_of(query, results), results))
        context.close()
    return outcomes


def report(outcomes: Sequence[Outcome], skipped: Iterable[Query], only_misses: bool = False,
           ) -> str:
    lines: list[str] = []
    if not only_misses:
        lines.append("Search evaluation: the rank of the first right page among the results "
                     f"shown (top {SHOWN}).")
        for lang in LANGS:
            mine = [o for o in outcomes if o.query.lang == lang]
            if not mine:
                continue
            lines.append("")
            lines.append(Figures.of(mine).line(f"[{lang}] all"))
            kinds = sorted({o.query.kind for o in mine})
            for kind in kinds:
                same = [o for o in mine if o.query.kind == kind]
                lines.append(Figures.of(same).line(f"  {kind}"))
        lines.append("")
        lines.append(Figures.of(list(outcomes)).line("both languages"))
        titles = [o for o in outcomes if o.query.kind == "title"]
        if titles:
            lines.append(f"exact titles first: {sum(o.rank == 1 for o in titles)}/{len(titles)}")
    skipped = list(skipped)
    if skipped:
        lines.append("")
        pages = sorted({page for q in skipped for page in q.expect})
        lines.append(f"Not built on this site, skipped: {len(skipped)} queries for "
                     f"{len(pages)} pages ({', '.join(pages[:4])}{' …' if len(pages) > 4 else ''})")
    misses = [o for o in outcomes if not (o.rank and o.rank <= 3)
              or (o.query.kind == "title" and o.rank != 1)]
    lines.append("")
    lines.append(f"Misses ({len(misses)}): not in the top 3 (titles: not first)")
    for o in misses:
        where = f"rank {o.rank}" if o.rank else "not shown"
        lines.append(f"- [{o.query.lang}/{o.query.kind}] {o.query.text!r}: {where}; "
                     f"wanted {', '.join(o.query.expect)}")
        for number, r in enumerate(o.shown[:5], 1):
            lines.append(f"    {number}. {r.title}  ({r.url})")
        if not o.shown:
            lines.append("    (no results)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.bench.search.evaluate",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--queries", type=Path, nargs="+", default=list(QUERY_SETS),
                        help="query files, each reported on its own (default: the evaluation "
                             "set and the held-out set)")
    parser.add_argument("--json", type=Path, help="write every outcome to this file")
    parser.add_argument("--only-misses", action="store_true")
    parser.add_argument("--lang", choices=LANGS, help="one language only")
    parser.add_argument("--direct", action="store_true",
                        help="post the queries to the site's search worker instead of typing "
                             "them (same ranking, about 20 times faster: for trying changes)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site}/index.html is missing: build the site first (make build)",
              file=sys.stderr)
        return 2
    try:
        sets = {path: load(path) for path in args.queries}
    except QueryFileError as error:
        print(error, file=sys.stderr)
        return 2
    written: dict[str, object] = {}
    for path, queries in sets.items():
        if args.lang:
            queries = [q for q in queries if q.lang == args.lang]
        runnable = [q for q in queries if built(q, args.site)]
        skipped = [q for q in queries if not built(q, args.site)]
        print(f"=== {path} ({len(runnable)} queries)")
        outcomes = run_direct(args.site, runnable) if args.direct else run(args.site, runnable)
        print(report(outcomes, skipped, args.only_misses) + "\n")
        written[str(path)] = {
            "figures": {lang: asdict(Figures.of([o for o in outcomes if o.query.lang == lang]))
                        for lang in LANGS},
            "outcomes": [{"q": o.query.text, "lang": o.query.lang, "kind": o.query.kind,
                          "expect": list(o.query.expect), "rank": o.rank,
                          "shown": [asdict(r) for r in o.shown[:SHOWN]]} for o in outcomes],
        }
    if args.json:
        args.json.write_text(json.dumps(written, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
