"""Each contact of routines/contacts.yml as a search result of its own: the name of a helpline
or a unit brings up its row on the contacts page (``kontakter/#kontakt-<id>``) with the number
in the result, not only the long contacts page, on which each of forty names weighs little
(issue 18; tests/search_eval/RESULTS.md, phase 4).

Each record is found by the contact's name, whom it is for, its hours and its note; its result
shows the name as the title, "Kontakter"/"Contacts" where a routine shows its department, and
the phone number (or web address) with whom it is for as the summary. All of it is data text:
the worker escapes every field when it draws (overrides/assets/kb/search-worker.js)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from macros.model.catalogue import label
from macros.model.core import Contact
from macros.model.text import LANGUAGES, Lang
from macros.search.pagefind import Record

CONTACTS_PAGE = "kontakter/"  # docs/kontakter.md: every contact's row, by scope
# A contact's result weighs as a page for the coordinator (``search: boost: 0.5``): its short
# text matches a query's words more strongly than any page does, and a helpline should come up
# for its name, not above the routines for the topic it shares ("hedersrelaterat våld")
WEIGHT = 0.5


def anchor(contact_id: str) -> str:
    """The id of a contact's row on the contacts page (macros/render/contacts.py)."""
    return f"kontakt-{contact_id}"


def page_url(lang: Lang) -> str:
    """The contacts page from the site's root, in ``lang``."""
    return ("/" if lang == LANGUAGES[0] else f"/{lang}/") + CONTACTS_PAGE


def page_file(lang: Lang) -> Path:
    """The contacts page's file in the built site, in ``lang``."""
    return Path(page_url(lang).strip("/")) / "index.html"


def contact_records(contacts: Iterable[Contact], pages: Mapping[Lang, str]) -> list[Record]:
    """One record per contact and language whose row is on the contacts page as built
    (``pages``: its HTML per language, empty when the site has none): a result never links to
    a row that is not there."""
    return [_record(contact, lang) for lang in LANGUAGES for contact in contacts
            if f'id="{anchor(contact.id)}"' in pages.get(lang, "")]


def _record(contact: Contact, lang: Lang) -> Record:
    def text(value: object) -> str:
        return value.text(lang) if value is not None else ""  # type: ignore[attr-defined]

    name, audience = text(contact.name), text(contact.audience)
    reach = contact.phone or (str(contact.web) if contact.web else "") or contact.email or ""
    content = " ".join(part for part in (name, audience, text(contact.hours), text(contact.note),
                                         reach) if part)
    summary = " · ".join(part for part in (reach, audience) if part)
    return Record(url=page_url(lang) + "#" + anchor(contact.id), language=lang,
                  content=content,
                  meta={"title": name, "department": label("contacts", lang),
                        "summary": summary, "boost": f"{WEIGHT:g}"})
