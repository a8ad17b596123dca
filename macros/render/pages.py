"""Whole generated pages as Markdown: a routine, a department, the list of all routines.

What these pages repeat from elsewhere is marked for the search index to skip
(:mod:`macros.search.marks`): a routine's contacts, related routines, review dates, search
words and the sources' notes; the lists of routines on the overview pages.
"""

from __future__ import annotations

from macros.model.core import Routine
from macros.model.markdown import plain
from macros.model.text import PlainText
from macros.render.blocks import TOPICS_SRC, Renderer, UnknownReference, department_src
from macros.render.matrices import unit_links
from macros.search.marks import heading_attrs, unindexed, unindexed_admonition, unindexed_paragraph

# Facts under "About this routine" the index leaves out: dates nobody searches for
UNINDEXED_FACTS = frozenset({"last_reviewed", "review_by"})


def _example_box(r: Renderer) -> str:
    return unindexed_admonition("warning", r.label("example_title"), r.label("example_body"))


def _example_mark(r: Renderer, example: bool) -> str:
    return f" *({r.label('example_mark')})*" if example else ""


def _page(r: Renderer, body: list[str]) -> str:
    """Join a page's blocks; the note on untranslated text goes right under the title."""
    note = r.fallback_note()
    if note:
        body.insert(1, note)
    return "\n\n".join(body) + "\n"


def _summary_line(r: Renderer, routine: Routine) -> str:
    return f"- {r.routine_link(routine.id)} – {r.md(routine.summary)}"


def routine_page(r: Renderer, routine_id: str) -> str:
    routine = r.routine(routine_id)
    review = routine.review
    department = r.kb.departments[routine.department]
    owner = r.kb.roles[routine.owner]
    where = r.link(r.t(department.name), department_src(department.id))
    if routine.unit:
        where += f" · {r.t(r.kb.units[routine.unit][1].name)}"
    if routine.municipality_wide:
        where = f"{r.label('whole_municipality')} ({where})"
    facts = [
        ("applies_to", r.t(routine.audience)),
        ("department", where),
        ("owner", r.t(owner.title)),
        ("adopted", f"{routine.adopted_on.isoformat()} "
                    f"({r.label('decision', ref=routine.decision_ref)})"),
        ("last_reviewed", review.last_reviewed.isoformat()),
        ("review_by", review.review_by.isoformat()),
    ]
    body: list[str] = [f"# {r.t(routine.title)}"]
    if routine.example:
        body.append(_example_box(r))
    body.append(r.md(routine.summary))
    body.append(f"## {r.label('steps')} {{ #steps }}")
    body.append(r.checklist_items(routine.steps))
    for addition in routine.additions:
        heading = plain(r.addition_heading(addition.department, addition.unit))
        body.append(f"### {heading}")
        body.append(r.checklist_items(addition.steps))
    contact_ids = list(dict.fromkeys(
        [*routine.contacts, *(c for a in routine.additions for c in a.contacts)]))
    if contact_ids:
        body.append(f"## {r.label('contacts')} {heading_attrs('contacts', indexed=False)}")
        body.append(r.contact_table(contact_ids, note=False))
    if routine.legal_basis:
        body.append(f"## {r.label('legal_basis')} {{ #legal-basis }}")
        body.append("\n".join(_legal_line(r, ref.source, ref.detail, ref.section_unverified)
                              for ref in routine.legal_basis))
    if routine.related:
        body.append(f"## {r.label('related')} {heading_attrs('related', indexed=False)}")
        body.append("\n".join(f"- {r.routine_link(rid)}" for rid in routine.related))
    body.append(f"## {r.label('about_routine')} {{ #about }}")
    body.append("\n".join(_fact(r, key, value) for key, value in facts))
    if routine.tags:
        body.append(f"**{r.label('tags')}:** " + ", ".join(
            r.link(r.t(r.kb.tags[t].label), f"{TOPICS_SRC}#{t}") for t in routine.tags))
    if routine.keywords:  # indexed as the page's tags (macros/build/pages.py)
        body.append(unindexed_paragraph(f"**{r.label('keywords')}:** " + ", ".join(
            plain(k) for k in routine.keywords.get(r.lang))))
    return _page(r, body)


def _fact(r: Renderer, key: str, value: str) -> str:
    item = f"**{r.label(key)}:** {value}"
    return f"- {unindexed(item)}" if key in UNINDEXED_FACTS else f"- {item}"


def _legal_line(r: Renderer, source_id: str, detail: PlainText | None,
                section_unverified: bool = False) -> str:
    source = r.kb.legal[source_id]
    title = r.t(source.title)
    line = f"[{title}]({source.url})" if source.url else title
    if detail is not None:
        line += f", {r.t(detail)}"
    if section_unverified:  # the legal chapter says once, per source, what is not verified
        line += f" *({r.label('section_unverified')})*"
    if source.note:  # the same on every routine citing the source: the legal chapter's
        line += " " + unindexed(f"– {r.md(source.note)}")
    return f"- {line}"


def department_page(r: Renderer, department_id: str) -> str:
    try:
        department = r.kb.departments[department_id]
    except KeyError:
        raise UnknownReference(f"unknown department `{department_id}`; "
                               "use an id from routines/organisation.yml") from None
    committee = r.kb.committees[department.committee]
    body = [f"# {r.t(department.name)}"]
    if department.description:
        body.append(r.md(department.description))
    body.append(f"**{r.label('committee')}:** {r.t(committee.name)}"
                + _example_mark(r, committee.example))
    if department.units:
        body.append(f"## {r.label('units')} {{ #units }}")
        body.append("\n".join(
            f"- **{r.t(u.name)}**" + _example_mark(r, u.example)
            + (f" – {r.md(u.description)}" if u.description else "")
            for u in department.units))
    views = unit_links(r, department_id)
    if views:  # what the department and its units do in the matrices (macros/render/matrices)
        body.append(f"## {r.label('department_tasks')} {heading_attrs('tasks', indexed=False)}")
        body.append(r.label("department_tasks_intro"))
        body.append("\n".join(f"- {link}" for link in views))
    body.append(f"## {r.label('own_routines')} {heading_attrs('routines', indexed=False)}")
    own = r.kb.routines_of(department_id)
    body.append("\n".join(_summary_line(r, x) for x in own) if own else r.label("no_routines"))
    shared = [x for x in r.kb.shared_routines() if x.department != department_id]
    if shared:
        body.append(f"## {r.label('shared_routines')} {heading_attrs('shared', indexed=False)}")
        lines = []
        for routine in shared:
            line = _summary_line(r, routine)
            if any(a.department == department_id for a in routine.additions):
                line += f" *({r.label('has_additions')})*"
            lines.append(line)
        body.append("\n".join(lines))
    if any(c.department == department_id for c in r.kb.contacts.values()):
        body.append(f"## {r.label('contacts')} {heading_attrs('contacts', indexed=False)}")
        body.append(r.contact_table(department=department_id, note=False))
    return _page(r, body)


def routine_index(r: Renderer) -> str:
    body = [f"# {r.label('all_routines')}", r.label("routines_intro")]
    shared = r.kb.shared_routines()
    if shared:
        body.append(f"## {r.label('shared_routines')} {heading_attrs('shared', indexed=False)}")
        body.append("\n".join(_summary_line(r, x) for x in shared))
    for department in r.kb.organisation.departments:
        own = r.kb.routines_of(department.id)
        link = r.link(r.t(department.name), department_src(department.id))
        body.append(f"## {link} {heading_attrs(department.id, indexed=False)}")
        body.append("\n".join(_summary_line(r, x) for x in own) if own
                    else r.label("no_routines"))
    return _page(r, body)


def topic_index(r: Renderer) -> str:
    """Every topic (tag) with its routines, alphabetically in the page's language."""
    body = [f"# {r.label('topics')}", r.label("topics_intro")]
    for tag in sorted(r.kb.tags.values(), key=lambda t: t.label.text(r.lang).casefold()):
        tagged = sorted((x for x in r.kb.routines.values() if tag.id in x.tags),
                        key=lambda x: x.title.text(r.lang).casefold())
        body.append(f"## {r.t(tag.label)} {{ #{tag.id} }}")
        body.append("\n".join(f"- {unindexed(r.routine_link(x.id))}" for x in tagged)
                    if tagged else r.label("no_topic_routines"))
    return _page(r, body)
