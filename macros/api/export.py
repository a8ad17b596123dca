"""Write the public files under `api/` into the built site, for intranet widgets:

- ``api/routines.json``, ``api/contacts.json``, ``api/pages.json`` (:mod:`macros.api.data`);
- their JSON Schemas at ``api/schemas/`` (the same text as ``schemas/api/`` in the repository);
- Atom feeds of the routines, ``api/routines.sv.atom`` and ``api/routines.en.atom``
  (:mod:`macros.api.feed`).

mkdocs-static-i18n builds each language in turn and the plugin calls :func:`write_exports`
after each; everything but ``pages.json`` depends only on the data, and ``pages.json`` lists
the pages of every language built so far, so the last call leaves the complete set. Each file
is replaced in one step, so a reader never sees half a file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from macros.api.data import (
    SiteAddress,
    contacts_export,
    pages_export,
    routines_export,
)
from macros.api.feed import FeedSite, feed_path, routine_feed
from macros.api.models import PageRecord
from macros.api.schema import API_SCHEMAS, api_schema_text
from macros.load.git_dates import ChangeDates
from macros.model.core import KnowledgeBase
from macros.model.text import LANGUAGES
from macros.render.blocks import INDEX_SRC

API_DIR = "api"
SCHEMAS_DIR = f"{API_DIR}/schemas"


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(content)
    tmp.replace(path)
    return path


def json_bytes(document: BaseModel) -> bytes:
    data = document.model_dump(mode="json", by_alias=True)
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_exports(site_dir: Path, kb: KnowledgeBase, records: Iterable[PageRecord],
                  site: SiteAddress, dates: ChangeDates) -> list[Path]:
    """Write every file of `api/` (except model.json) and return their paths."""
    generated = dates.built_on

    def changed_on(source: str) -> date | None:
        return dates.for_paths([source])

    routines = routines_export(kb, site, changed_on, generated)
    documents = {"routines": routines, "contacts": contacts_export(kb, generated),
                 "pages": pages_export(records, generated)}
    written = [_write(site_dir / API_DIR / f"{name}.json", json_bytes(document))
               for name, document in documents.items()]
    written += [_write(site_dir / SCHEMAS_DIR / f"{name}.schema.json",
                       api_schema_text(name).encode("utf-8")) for name in API_SCHEMAS]
    municipality = kb.organisation.municipality.name
    for lang in LANGUAGES:
        feed_site = FeedSite(root=site.root, publisher=municipality.text(lang),
                             index_url=site.absolute(site.page_path(INDEX_SRC, lang)))
        written.append(_write(site_dir / feed_path(lang),
                              routine_feed(list(routines.routines), lang, feed_site)))
    return written
