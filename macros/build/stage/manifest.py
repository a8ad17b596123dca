"""``pages.json``, the stage's manifest: every staged page with what a renderer and the steps
after it need to know (its language, address, title, whether it falls back to the default
language, its review and the file to edit), and the navigation files it wrote.

Written by :func:`macros.build.stage.write.stage`; read by the successor's finish
(``api/pages.json``, the sitemap). Plain JSON, version 1.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from macros.model.text import Lang

MANIFEST = "pages.json"
NAV = "nav.yml"  # the navigation of each language, {lang: [nav entries]}
DOCS = "docs"  # the staged pages, in the same folders as docs/ (page.md, page.en.md)
VERSION = 1


@dataclass(frozen=True)
class StagedPage:
    src: str  # the staged file, e.g. rutiner/skola/x.en.md
    lang: Lang
    path: str  # its address relative to the site's root, e.g. en/rutiner/skola/x/
    title: str  # plain text
    fallback: bool = False  # the default language's page, under the not-translated notice
    search: bool = True  # in the search index (False: front matter search.exclude)
    owner: str | None = None  # the review, None for a page without one
    owner_title: str | None = None
    last_reviewed: date | None = None
    review_by: date | None = None
    source: str | None = None  # the file in the repository to edit
    last_changed: date | None = None  # of what the page is made from (git), None unknown

    def to_json(self) -> dict[str, Any]:
        return {key: value.isoformat() if isinstance(value, date) else value
                for key, value in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StagedPage:
        values = dict(data)
        for key in ("last_reviewed", "review_by", "last_changed"):
            if values.get(key):
                values[key] = date.fromisoformat(values[key])
        return cls(**values)


@dataclass(frozen=True)
class Manifest:
    site_url: str
    built_on: date
    languages: tuple[Lang, ...]
    pages: tuple[StagedPage, ...] = field(default_factory=tuple)
    pdf: bool = False  # the whole-plan pages link the plan's PDF: it must be printed

    def write(self, out: Path) -> Path:
        path = out / MANIFEST
        data = {"version": VERSION, "generator": "kb stage", "site_url": self.site_url,
                "built_on": self.built_on.isoformat(), "languages": list(self.languages),
                "docs": DOCS, "nav": NAV, "pdf": self.pdf,
                "pages": [page.to_json() for page in self.pages]}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
        return path

    @classmethod
    def read(cls, out: Path) -> Manifest:
        path = out / MANIFEST
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no stage here; run `kb stage --out {out}` first")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"{path}: version {data.get('version')!r}, this kb reads "
                             f"{VERSION}; run `kb stage --out {out}` again")
        return cls(data["site_url"], date.fromisoformat(data["built_on"]),
                   tuple(data["languages"]),
                   tuple(StagedPage.from_json(page) for page in data["pages"]),
                   bool(data.get("pdf")))
