"""Which plan revision a build is for, and when each revision was in force.

mike builds each version with ``MIKE_DOCS_VERSION`` set; that is the version being built.
A build without it (``make serve``, a pull-request preview) shows the newest revision."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta

from macros.model.catalogue import both
from macros.model.core import KnowledgeBase, Revision

VERSION_ENV = "MIKE_DOCS_VERSION"


class UnknownVersion(ValueError):
    """The version asked for is not a revision in the revisions file."""


def requested_version() -> str | None:
    """The version mike is building, if any."""
    return os.environ.get(VERSION_ENV) or None


def by_date(kb: KnowledgeBase) -> list[Revision]:
    """Revisions oldest first (by adoption date, then version)."""
    return sorted(kb.revisions, key=lambda r: (r.adopted_on, r.version))


def find_revision(kb: KnowledgeBase, version: str | None) -> Revision:
    """The revision called ``version``; the newest when ``version`` is None."""
    revisions = by_date(kb)
    if version is None:
        return revisions[-1]
    for revision in revisions:
        if revision.version == version:
            return revision
    known = ", ".join(r.version for r in revisions)
    raise UnknownVersion(f"{both('version_unknown', version=repr(version), known=known)} — "
                         f"{both('version_unknown_fix')}")


def earlier(kb: KnowledgeBase, revision: Revision) -> list[Revision]:
    """Revisions adopted before ``revision``, newest first."""
    revisions = by_date(kb)
    return list(reversed(revisions[: revisions.index(revision)]))


@dataclass(frozen=True)
class InForce:
    start: date
    end: date | None  # None: still in force


def in_force(kb: KnowledgeBase, revision: Revision) -> InForce:
    """From its adoption until the day before the next revision was adopted."""
    revisions = by_date(kb)
    position = revisions.index(revision)
    if position + 1 < len(revisions):
        return InForce(revision.adopted_on,
                       revisions[position + 1].adopted_on - timedelta(days=1))
    return InForce(revision.adopted_on, None)
