"""`make mutation`'s report: the share of mutants the tests kill, per module and in all, from
mutmut's results (run in the project's root after `mutmut run`)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

GOAL = 0.90
_LINE = re.compile(r"^\s*(macros\.[\w.]+?)\.x.*__mutmut_\d+: (\w+)", re.M)


def main() -> int:
    mutmut = Path(sys.executable).with_name("mutmut")
    results = subprocess.run([str(mutmut), "results", "--all", "true"], capture_output=True,
                             text=True, check=False).stdout
    totals: Counter[str] = Counter()
    killed: Counter[str] = Counter()
    for module, status in _LINE.findall(results):
        totals[module] += 1
        killed[module] += status == "killed"
    if not totals:
        print("no mutants found: run `mutmut run` first", file=sys.stderr)
        return 2
    width = max(map(len, totals))
    for module in sorted(totals):
        share = killed[module] / totals[module]
        print(f"{module:<{width}}  {killed[module]:4}/{totals[module]:<4} killed  {share:6.1%}")
    share = sum(killed.values()) / sum(totals.values())
    print(f"{'all':<{width}}  {sum(killed.values()):4}/{sum(totals.values()):<4} killed  "
          f"{share:6.1%}  (goal {GOAL:.0%}; survivors: `mutmut results`, `mutmut show NAME`)")
    return 0 if share >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
