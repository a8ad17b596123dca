"""LinkChecker (`kb linkcheck`) finds no broken link or anchor in the real site served on
127.0.0.1. The checker itself on small hand-written sites: tests/unit/links/test_external.py."""

from __future__ import annotations

import time
from pathlib import Path

from macros.links.external import check_served


def test_real_site_passes_in_internal_mode(real_site: Path, linkchecker: Path) -> None:
    started = time.perf_counter()
    failures = check_served(real_site)
    elapsed = time.perf_counter() - started
    assert failures == [], "\n".join(f.format() for f in failures)
    print(f"LinkChecker on the real site: {elapsed:.1f} s")
