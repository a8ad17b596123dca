"""The benchmark's results and how they are printed: a text table, the README's Markdown
table, or JSON."""

from __future__ import annotations

import os
import platform
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CONFIGS: dict[str, str] = {
    "a": "ours (kb plugin, KB_PDF=off)",
    "b": "naive Material + static-i18n",
    "c": "naive + navigation.prune",
}
# (d), when .venv-successor is there (macros/bench/successor.py): cold and warm
SUCCESSOR = {"cold": "successor: kb stage + Zensical, cold",
             "warm": "successor, warm (nothing changed)"}


@dataclass(frozen=True)
class Spread:
    min: float
    median: float
    max: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(min(values), statistics.median(values), max(values))

    def text(self, unit: str = "s", digits: int = 2) -> str:
        return (f"{self.min:.{digits}f} / {self.median:.{digits}f} / "
                f"{self.max:.{digits}f}{unit}")


@dataclass(frozen=True)
class SiteStats:
    pages: int  # HTML files, without 404.html
    median_page_kb: float
    search_index_mb: float  # the search's files (search/, pagefind/, Zensical's search.json)


@dataclass
class BenchResult:
    routines: int  # synthetic routines, besides the real ones
    total_routines: int
    source_pages: int  # Markdown pages per build (both languages)
    pairs: int
    machine: str
    times: dict[str, list[float]] = field(default_factory=dict)  # config → wall seconds
    sites: dict[str, SiteStats] = field(default_factory=dict)
    kb_check_s: float = 0.0
    links_s: float = 0.0
    broken_links: int = 0
    reference_s: float = 0.0  # ours without the speed-ups: sequential languages, no prune
    reference_differences: int = -1  # pages, links, anchors, nav targets a lacks or adds
    reference_report: str = ""  # the first differences, when there are any
    # a's search in Chromium against nginx (macros/bench/search/timing.py), cold, per language:
    # {"sv": {"ms": median ms last keystroke → first result, "kb": median KB before it}}
    search: dict[str, dict[str, float]] = field(default_factory=dict)
    search_note: str = ""  # why the search was not timed
    successor: dict[str, list[float]] = field(default_factory=dict)  # cold/warm → totals
    successor_steps: dict[str, list[float]] = field(default_factory=dict)  # "cold stage" …

    def add_successor(self, steps: dict[str, float], cold: bool) -> None:
        which = "cold" if cold else "warm"
        self.successor.setdefault(which, []).append(sum(steps.values()))
        for name, seconds in steps.items():
            self.successor_steps.setdefault(f"{which} {name}", []).append(seconds)

    def successor_ratio(self, which: str) -> Spread:
        """(d) over (a), round by round."""
        return Spread.of([d / a for d, a in zip(self.successor[which], self.times["a"],
                                                strict=True)])

    def successor_steps_text(self, which: str) -> str:
        steps = {name.split(" ", 1)[1]: statistics.median(values)
                 for name, values in self.successor_steps.items() if name.startswith(which)}
        return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in steps.items())

    def same_as_reference(self) -> str:
        if self.reference_differences < 0:
            return "not compared"
        if self.reference_differences == 0:
            return "yes: the same pages, links, anchors and navigation targets"
        return f"NO: {self.reference_differences} difference(s)"

    def search_text(self) -> str:
        if not self.search:
            return f"not measured ({self.search_note or 'no browser'})"
        return ", ".join(f"{lang} {row['ms']:.0f} ms, {row['kb']:.0f} KB"
                         for lang, row in sorted(self.search.items(), reverse=True))

    def spread(self, config: str) -> Spread:
        return Spread.of(self.times[config])

    def ratio(self, over: str) -> Spread:
        return Spread.of([a / o for a, o in zip(self.times["a"], self.times[over], strict=True)])

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BenchResult:
        """A result written by ``to_json`` (``kb bench --json``), e.g. to print its table."""
        fields = {key: value for key, value in data.items() if key != "ratios"}
        fields["sites"] = {key: SiteStats(**value) for key, value in data["sites"].items()}
        return cls(**fields)

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["ratios"] = {f"a/{o}": asdict(self.ratio(o)) for o in ("b", "c")}
        for which in self.successor:
            data["ratios"][f"d {which}/a"] = asdict(self.successor_ratio(which))
        return data


def machine() -> str:
    """CPU model, cores, RAM, Python and OS on one line."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    if meminfo.is_file():
        first = meminfo.read_text(encoding="utf-8").splitlines()[0].split()
        memory = f", {int(first[1]) / 1024 / 1024:.1f} GB RAM"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{cpu}, {cores} cores{memory}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def text_table(result: BenchResult) -> str:
    lines = [f"Benchmark: {result.routines} synthetic + "
             f"{result.total_routines - result.routines} real routines, "
             f"{result.source_pages} pages (sv + en), {result.pairs} pair(s)",
             f"Machine: {result.machine}", ""]
    lines.append(f"{'config':<43} {'build min / median / max':>28} {'pages':>6} "
                 f"{'median page':>12} {'search index':>13}")
    for key, name in CONFIGS.items():
        site = result.sites[key]
        lines.append(f"{key}) {name:<40} {result.spread(key).text():>28} {site.pages:>6} "
                     f"{site.median_page_kb:>9.1f} KB {site.search_index_mb:>10.2f} MB")
    for which, name in SUCCESSOR.items():
        if which in result.successor:
            site = result.sites["d"]
            spread = Spread.of(result.successor[which])
            lines.append(f"d) {name:<40} {spread.text():>28} {site.pages:>6} "
                         f"{site.median_page_kb:>9.1f} KB {site.search_index_mb:>10.2f} MB")
    lines.append("")
    for over in ("b", "c"):
        lines.append(f"ratio a/{over} (min / median / max): {result.ratio(over).text('', 3)}")
    for which in result.successor:
        lines.append(f"ratio d/a, {which} (min / median / max): "
                     f"{result.successor_ratio(which).text('', 3)}; steps (median): "
                     f"{result.successor_steps_text(which)}")
    lines.append(f"kb check: {result.kb_check_s:.2f} s")
    lines.append(f"kb links (internal links + anchors of a): {result.links_s:.2f} s, "
                 f"{result.broken_links} broken")
    lines.append(f"a vs. ours without the speed-ups ({result.reference_s:.2f} s): "
                 f"{result.same_as_reference()}")
    if result.reference_report:
        lines.append(result.reference_report.rstrip())
    lines.append(f"search of a, first result (cold): {result.search_text()}")
    return "\n".join(lines) + "\n"


def markdown_table(result: BenchResult) -> str:
    """The table for the README's "Performance" section."""
    rows = [
        f"{result.routines} synthetic + {result.total_routines - result.routines} real "
        f"routines, {result.source_pages} pages (sv + en), {result.pairs} pair(s) of builds; "
        f"machine: {result.machine}.",
        "",
        "| Configuration | Build min / median / max | Pages | Median page | Search index |",
        "|---|---|---|---|---|",
    ]
    for key, name in CONFIGS.items():
        site = result.sites[key]
        rows.append(f"| {key}) {name} | {result.spread(key).text(' s', 1)} | {site.pages} "
                    f"| {site.median_page_kb:.1f} KB | {site.search_index_mb:.2f} MB |")
    for which, name in SUCCESSOR.items():
        if which in result.successor:
            site = result.sites["d"]
            rows.append(f"| d) {name} | {Spread.of(result.successor[which]).text(' s', 1)} "
                        f"| {site.pages} | {site.median_page_kb:.1f} KB "
                        f"| {site.search_index_mb:.2f} MB |")
    rows += [
        "",
        "| Measure | min / median / max or value |",
        "|---|---|",
        f"| Build time a/b | {result.ratio('b').text('', 3)} |",
        f"| Build time a/c | {result.ratio('c').text('', 3)} |",
        *(f"| Build time d/a, {which} (steps, median: {result.successor_steps_text(which)}) "
          f"| {result.successor_ratio(which).text('', 3)} |" for which in result.successor),
        f"| `kb check` | {result.kb_check_s:.2f} s |",
        f"| `kb links` (internal links + anchors) | {result.links_s:.2f} s, "
        f"{result.broken_links} broken |",
        f"| Same pages and links as ours without the speed-ups "
        f"({result.reference_s:.1f} s: one language after the other, no prune) "
        f"| {result.same_as_reference()} |",
        f"| Search of a, cold: last keystroke → first result; KB transferred before it "
        f"| {result.search_text()} |",
    ]
    return "\n".join(rows) + "\n"
