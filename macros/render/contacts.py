"""The contact table: one macro, one table; on a narrow screen every row is a card.

The table is HTML with Markdown inside its cells (md_in_html), so each row can have its
name as a row header and each cell the label it shows as a card (``data-label``). Which of
the two the reader sees is up to assets/kb/kb.css: a table on a wide screen and in print,
below a width one card per contact — name, what it is for, the phone number as a big
``tel:`` button, e-mail and web, opening hours. The data is the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from macros.model.core import Contact
from macros.model.markdown import plain, tel_href
from macros.render.contact_records import anchor
from macros.render.html import BLOCK, attrs, element
from macros.search.marks import weighted_name

if TYPE_CHECKING:
    from macros.render.blocks import Renderer

# Column → label key, in the order of the table and of a card.
COLUMNS = (("name", "contact_name"), ("for", "for_whom"), ("phone", "phone"),
           ("reach", "email_web"), ("hours", "hours"), ("verified", "verified"))


def url(value: object) -> str:
    return quote(str(value), safe=":/?#@!$&'*+,;=%~")


def contact_table(r: Renderer, contacts: list[Contact], anchors: bool = False) -> str:
    """The contacts as one table (Markdown with HTML), cards on a narrow screen. With
    ``anchors`` (the contacts page, where each contact is once) each row has an id that the
    search's result for the contact links to (macros/render/contact_records.py)."""
    heads = "".join(element("th", r.label(key), scope="col") for _, key in COLUMNS)
    rows = [_row(r, contact, anchors) for contact in contacts]
    return "\n".join([
        f'<div {attrs(class_="kb-contacts")} {BLOCK}>',
        f"<table {BLOCK}>",
        f"<thead {BLOCK}><tr {BLOCK}>{heads}</tr></thead>",
        f"<tbody {BLOCK}>",
        *rows,
        "</tbody>",
        "</table>",
        "</div>",
    ])


def _row(r: Renderer, contact: Contact, anchors: bool) -> str:
    cells = _cells(r, contact)
    parts = [element("th", cells["name"], scope="row", class_="kb-contact__name")]
    for column, key in COLUMNS[1:]:
        parts.append(element("td", cells[column], class_=f"kb-contact__{column}",
                             data_label=r.label(key)))
    row_id = f" {attrs(id=anchor(contact.id))}" if anchors else ""
    return f"<tr {BLOCK}{row_id}>" + "".join(parts) + "</tr>"


def _cells(r: Renderer, contact: Contact) -> dict[str, str]:
    name = weighted_name(f"**{r.t(contact.name)}**")  # the search weighs it as a title
    if contact.example:
        name += f" *({r.label('example_mark')})*"
    if contact.note:
        name += f'<span class="kb-contact__note">{r.md(contact.note)}</span>'
    phone = ""
    if contact.phone:  # the verb shows only on a card, where the link is a button
        verb = f'<span class="kb-contact__verb">{r.label("call")} </span>'
        phone = f"[{verb}{plain(contact.phone)}]({tel_href(contact.phone)})"
    reach = []
    if contact.email:
        reach.append(f"[{plain(contact.email)}](mailto:{url(contact.email)})")
    if contact.web:
        host = urlsplit(str(contact.web)).netloc.removeprefix("www.")
        reach.append(f"[{plain(host)}]({url(contact.web)})")
    verified = (contact.verified_on.isoformat() if contact.verified_on
                else f"*{r.label('not_verified')}*")
    return {"name": name, "for": r.t(contact.audience), "phone": phone,
            "reach": "<br>".join(reach), "hours": r.t(contact.hours), "verified": verified}
