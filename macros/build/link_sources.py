"""MkDocs' warnings about a link that came from the data name the data file, line and field.

MkDocs validates the links of every page, the generated ones included, and names the page:
``Doc file 'rutiner/x/y.md' contains a link '../z.md', but the target … is not found``. The
coordinator never sees that page; the text is in a YAML file. This logging filter finds the
link in the data the build loaded and puts the YAML file, line and field first, keeping
MkDocs' own words after it (and its level: a strict build still stops)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from macros.load.yamlsource import SourceDoc
from macros.load.yamltree import field_path, walk
from macros.model.catalogue import both

LOGGER = "mkdocs.structure.pages"
_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)'")


def find_link(documents: Iterable[SourceDoc], link: str) -> tuple[str, int | None, str] | None:
    """(file, line, field) of the first text in the data that links to ``link``."""
    needles = (f"]({link})", f"]({link} ", f"](<{link}>)", f"]: {link}")
    for doc in documents:
        for loc, value in walk(doc.data):
            if isinstance(value, str) and any(needle in value for needle in needles):
                return doc.path, doc.line_of(loc), field_path(loc)
    return None


class DataLinkSource(logging.Filter):
    """Installed once on MkDocs' page logger; ``documents`` is set to each load's."""

    def __init__(self) -> None:
        super().__init__()
        self.documents: list[SourceDoc] = []

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        found = _LINK.search(message)
        where = find_link(self.documents, found.group("link")) if found else None
        if found and where is not None:
            file, line, field = where
            place = f"{file}:{line}" if line else file
            record.msg = (f"{place}: {field}: {both('data_link', link=found.group('link'))} — "
                          f"{both('data_link_fix')} (MkDocs: {message})")
            record.args = ()
        return True


def install(documents: list[SourceDoc]) -> DataLinkSource:
    """The filter on MkDocs' page logger (one per process), given these documents."""
    logger = logging.getLogger(LOGGER)
    for existing in logger.filters:
        if isinstance(existing, DataLinkSource):
            existing.documents = documents
            return existing
    source = DataLinkSource()
    source.documents = documents
    logger.addFilter(source)
    return source
