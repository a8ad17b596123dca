"""Atom feeds of the routines, one per language (`api/routines.sv.atom`, `api/routines.en.atom`).

One entry per routine, the most recently changed first. An entry's `updated` is the day of the
last commit that changed the routine's data file, or its `last_reviewed` date when git does
not know (a build without history); `published` is the day the routine was adopted. Dates
only, written as midnight UTC: a second change on the same day does not move `updated`.

Ids are `urn:uuid:` names derived from the site's host, the language and the routine's id, so
they stay the same when a routine moves to another department or the site to another path.
The feed is built with feedgen, which checks the elements RFC 4287 requires and escapes text.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
from feedgen.feed import FeedGenerator

from macros.api.models import RoutineEntry
from macros.model.catalogue import label
from macros.model.markdown import inline
from macros.model.text import Lang

FEED_PATH = "api/routines.{lang}.atom"
ATOM_TYPE = "application/atom+xml"
GENERATOR = "kommun-rutiner"


@dataclass(frozen=True)
class FeedSite:
    """What a feed says about the site it belongs to."""

    root: str  # the site's address, ending in "/"
    publisher: str  # the municipality's name in the feed's language
    index_url: str  # the list of all routines in the feed's language


def feed_path(lang: Lang) -> str:
    return FEED_PATH.format(lang=lang)


def stable_id(root: str, *parts: str) -> str:
    """A urn:uuid that depends only on the site's host and ``parts``."""
    host = (urlsplit(root).hostname or "").lower()
    return uuid.uuid5(uuid.NAMESPACE_URL, "/".join(["https:/", host, *parts])).urn


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def updated_on(entry: RoutineEntry) -> date:
    return entry.last_changed or entry.last_reviewed


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(inline_markdown: str) -> str:
    """Inline Markdown as the text a reader sees: emphasis dropped, links as their label.
    Any HTML is escaped first, as on the site's pages, so it stays text."""
    parser = _TextOnly()
    parser.feed(markdown.markdown(inline(inline_markdown)))
    parser.close()
    return " ".join("".join(parser.parts).split())


def routine_feed(entries: list[RoutineEntry], lang: Lang, site: FeedSite) -> bytes:
    """The Atom document of ``entries`` in ``lang``, newest change first."""
    ordered = sorted(entries, key=lambda e: (-updated_on(e).toordinal(), e.id))
    feed = FeedGenerator()
    feed.id(stable_id(site.root, "api", "routines", lang))
    feed.title(label("feed_title", lang, municipality=site.publisher))
    feed.subtitle(label("feed_subtitle", lang))
    feed.language(lang)
    feed.author(name=site.publisher, uri=site.root)
    feed.link(href=site.root + feed_path(lang), rel="self", type=ATOM_TYPE)
    feed.link(href=site.index_url, rel="alternate", type="text/html")
    feed.generator(GENERATOR)
    feed.updated(_midnight(max((updated_on(e) for e in ordered), default=date(1970, 1, 1))))
    for item in ordered:
        entry = feed.add_entry(order="append")
        entry.id(stable_id(site.root, "routines", lang, item.id))
        entry.title(item.title.get(lang))
        entry.link(href=item.url.get(lang), rel="alternate", type="text/html")
        entry.summary(plain_text(item.summary.get(lang)), type="text")
        entry.updated(_midnight(updated_on(item)))
        entry.published(_midnight(item.adopted_on))
        for tag in item.tags:
            entry.category(term=tag.id, label=tag.label.get(lang))
    return feed.atom_str(pretty=True)
