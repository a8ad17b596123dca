"""`make a11y-report`: the figures behind the accessibility tests, on the published site as
nginx serves it (tests/served.py): per page type, language and window (a desktop, a 390×844
phone) axe-core's violations and "incomplete" results (rules that need a person to judge),
and on the phone the links and controls under 24×24 CSS px that are not inline in a
sentence, and the widest page at 320 px. A report, not a test: tests/test_a11y.py and
tests/browser/test_phone.py hold the same limits.

    python -m tests.a11y_report [--site DIR]   # DIR: a built site instead of publishing
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests import axe, conftest  # conftest before tests.served, which imports its helpers
from tests.served import publish_real, readable_folder, serve_export
from tests.site_tour import DESKTOP, PHONE, search_by_keyboard, tour
from tests.targets import small_targets


@contextmanager
def served(site: Path | None) -> Iterator[tuple[str, Path]]:
    """(base URL, site folder): a given build by a plain server, else the site published and
    served by nginx."""
    if site is not None:
        from macros.links.local_server import serve

        with serve(site) as url:
            yield url.rstrip("/"), site
        return
    export_dir = readable_folder("a11y-report")
    with tempfile.TemporaryDirectory(prefix="kb-a11y-") as tmp:
        print("Publishing the site and serving it with nginx …", file=sys.stderr)
        export = publish_real(Path(tmp), export_dir / "export")
        with serve_export("nginx", export, Path(tmp)) as server:
            yield server.url + "/gallande", export / "gallande"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: publish)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, served(args.site) as (base, site):
        browser = playwright.chromium.launch(executable_path=str(conftest.CHROMIUM),
                                             headless=True, args=conftest.CHROMIUM_ARGS)
        print(f"axe-core {axe.installed_version()}, tags {', '.join(axe.TAGS)}\n")
        print(f"{'page type':<34}{'window':>8}{'violations':>12}  incomplete")
        for name, device in (("desktop", DESKTOP), ("phone", PHONE)):
            for stop in tour(browser, base, site, device):
                rules = Counter(line.split(" ", 1)[0] for line in stop.incomplete)
                text = ", ".join(f"{rule} ×{n}" for rule, n in sorted(rules.items())) or "0"
                print(f"{stop.visit.label[:33]:<34}{name:>8}{len(stop.violations):>12}  {text}")
                for line in stop.violations:
                    print(f"{'':<8}{line}")
        print(f"\n{'page type (390×844)':<46}{'targets':>8}{'< 24 px':>9}{'width at 320':>14}")
        _targets(browser, base, site)
        browser.close()
    return 0


def _targets(browser: Any, base: str, site: Path) -> None:
    from tests.page_types import visits

    phone = browser.new_context(**PHONE).new_page()
    narrow = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True,
                                 has_touch=True).new_page()
    for visit in visits(site):
        phone.goto(base + visit.path)
        narrow.goto(base + visit.path)
        if visit.query:
            search_by_keyboard(phone, visit.query)
            search_by_keyboard(narrow, visit.query)
        small, total = small_targets(phone)
        narrow.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished))")
        width = narrow.evaluate("document.scrollingElement.scrollWidth")
        print(f"{visit.label[:45]:<46}{total:>8}{len(small):>9}{width:>14}")
        for target in small:
            print(f"{'':<8}{target}")


if __name__ == "__main__":
    sys.exit(main())
