"""`api/pages.json`: every page of the built site with its language, owner and review-by date,
for tools outside the site (intranet widgets, the coordinator's spreadsheets)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

PAGES_JSON = "api/pages.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class PageRecord:
    title: str
    url: str  # absolute, from site_url
    path: str  # site-relative, e.g. en/rutiner/skola/
    lang: str
    owner: str  # role id
    owner_title: str  # in the page's language
    last_reviewed: str
    review_by: str
    source: str  # the file to edit
    last_changed: str | None = None  # last commit touching the source (None: unknown)


def write_pages_json(site_dir: Path, records: list[PageRecord]) -> Path:
    path = site_dir / PAGES_JSON
    path.parent.mkdir(parents=True, exist_ok=True)
    ordered = sorted(records, key=lambda r: (r.lang != "sv", r.path))
    payload = {"version": FORMAT_VERSION, "pages": [asdict(r) for r in ordered]}
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
