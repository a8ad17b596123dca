"""The contents of `api/routines.json`, `api/contacts.json` and `api/pages.json`, built from
the validated data (:mod:`macros.model.core`) in the public shape of :mod:`macros.api.models`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from macros.api.models import (
    FORMAT_VERSION,
    ContactEntry,
    ContactsExport,
    Localized,
    OrgRef,
    PageRecord,
    PagesExport,
    RoleRef,
    RoutineEntry,
    RoutinesExport,
    TagRef,
    Text,
)
from macros.model.core import Contact, KnowledgeBase, Routine
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES, Lang, MarkdownText, PlainText
from macros.render.blocks import routine_src
from macros.render.urls import page_path

# Where each file's schema is, relative to the file (both live in api/).
SCHEMA_REF = "schemas/{name}.schema.json"

# The last change of a data file by its path ("routines/x/y.yml"); None when unknown.
ChangedOn = Callable[[str], date | None]


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published: turns a page's source path into its path and address."""

    site_url: str
    directory_urls: bool = True

    @property
    def root(self) -> str:
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"

    def page_path(self, src_uri: str, lang: Lang) -> str:
        """``rutiner/x/y.md`` → ``rutiner/x/y/`` (Swedish) or ``en/rutiner/x/y/``."""
        return page_path(src_uri, lang, self.directory_urls)

    def absolute(self, path: str) -> str:
        return urljoin(self.root, path)


def text(value: PlainText | MarkdownText) -> Text:
    return Text(sv=value.sv, en=value.en)


def _optional_text(value: PlainText | MarkdownText | None) -> Text | None:
    return text(value) if value is not None else None


def _org(kb: KnowledgeBase, org_id: str) -> OrgRef:
    name = kb.org_name(org_id)
    return OrgRef(id=org_id, name=text(name) if name else Text(sv=org_id, en=None))


def routine_entry(kb: KnowledgeBase, routine: Routine, site: SiteAddress,
                  changed_on: ChangedOn) -> RoutineEntry:
    role = kb.roles.get(routine.owner)
    paths = {lang: site.page_path(routine_src(routine), lang) for lang in LANGUAGES}
    source = kb.sources.get(routine.id)
    return RoutineEntry(
        id=routine.id, title=text(routine.title), summary=text(routine.summary),
        department=_org(kb, routine.department),
        unit=_org(kb, routine.unit) if routine.unit else None,
        municipality_wide=routine.municipality_wide, audience=text(routine.audience),
        owner=RoleRef(id=routine.owner,
                      title=text(role.title) if role else Text(sv=routine.owner, en=None)),
        adopted_on=routine.adopted_on, decision_ref=routine.decision_ref,
        last_reviewed=routine.last_reviewed, review_by=routine.review.review_by,
        last_changed=changed_on(source) if source else None,
        tags=[TagRef(id=tag, label=text(kb.tags[tag].label))
              for tag in routine.tags if tag in kb.tags],
        url=Localized(sv=site.absolute(paths["sv"]), en=site.absolute(paths["en"])),
        path=Localized(sv=paths["sv"], en=paths["en"]),
        contacts=list(routine.contacts), example=routine.example)


def contact_entry(kb: KnowledgeBase, contact: Contact) -> ContactEntry:
    return ContactEntry(
        id=contact.id, scope=contact.scope, name=text(contact.name),
        department=_org(kb, contact.department) if contact.department else None,
        phone=contact.phone, email=contact.email,
        web=str(contact.web) if contact.web else None, hours=_optional_text(contact.hours),
        audience=_optional_text(contact.audience), note=_optional_text(contact.note),
        verified_on=contact.verified_on,
        source=str(contact.source) if contact.source else None, example=contact.example)


def routines_export(kb: KnowledgeBase, site: SiteAddress, changed_on: ChangedOn,
                    generated: date) -> RoutinesExport:
    """Every routine, by id."""
    entries = [routine_entry(kb, kb.routines[key], site, changed_on)
               for key in sorted(kb.routines)]
    return RoutinesExport(schema_=SCHEMA_REF.format(name="routines"), version=FORMAT_VERSION,
                          generated=generated, routines=entries)


def contacts_export(kb: KnowledgeBase, generated: date) -> ContactsExport:
    """Every contact, in the order of the data file (the order the site lists them in)."""
    return ContactsExport(schema_=SCHEMA_REF.format(name="contacts"), version=FORMAT_VERSION,
                          generated=generated,
                          contacts=[contact_entry(kb, c) for c in kb.contacts.values()])


def pages_export(records: Iterable[PageRecord], generated: date) -> PagesExport:
    """Every page, Swedish first, then by path."""
    ordered = sorted(records, key=lambda r: (r.lang != DEFAULT_LANGUAGE, r.path))
    return PagesExport(schema_=SCHEMA_REF.format(name="pages"), version=FORMAT_VERSION,
                       generated=generated, pages=ordered)
