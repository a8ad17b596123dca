"""Blocks for the guides around the routines: start-page situations, glossary, training plan,
legal sources and the plan's revision history — all generated from the data."""

from __future__ import annotations

from macros.model.guides import Requirement, TrainingFile
from macros.model.markdown import cell, plain
from macros.model.versions import by_date, in_force
from macros.render.blocks import Renderer, UnknownReference, routine_src


def _indent(markdown: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in markdown.splitlines())


def situations(r: Renderer) -> str:
    """'What do I do if …' as cards; each leads straight to the routine that answers it."""
    if not r.kb.situations:
        return ""
    cards = []
    for situation in r.kb.situations:
        routine = r.routine(situation.routine)
        question = r.t(situation.question)
        lead = r.label("what_if_lead")
        card = [f"-   **{r.link(f'{lead} {question}', routine_src(routine))}**", ""]
        if situation.hint:
            card += [f"    {r.t(situation.hint)}", ""]
        card.append(f"    {r.label('read_routine')}: {r.t(routine.title)}")
        cards.append("\n".join(card))
    grid = '<div class="grid cards kb-situations" markdown>\n\n' + "\n\n".join(cards) + \
        "\n\n</div>"
    return r.with_note(grid)


def glossary(r: Renderer) -> str:
    """Every term, alphabetically in the page's language, with a stable anchor (its id)."""
    if not r.kb.glossary:
        return r.label("no_terms")
    parts = []
    for term in sorted(r.kb.glossary, key=lambda t: t.term.text(r.lang).casefold()):
        heading = r.t(term.term)
        if term.abbreviation:
            heading += f" ({plain(term.abbreviation)})"
        parts.append(f"## {heading} {{ #{term.id} }}")  # right under the page's title
        other = "en" if r.lang == "sv" else "sv"
        if term.term.en:
            parts.append(f"*{r.label('in_other_language')}: "
                         f"{plain(term.term.text(other))}*")
        parts.append(r.md(term.definition))
        if term.routines:
            links = ", ".join(r.routine_link(rid) for rid in term.routines)
            parts.append(f"{r.label('read_more')}: {links}")
    return r.with_note("\n\n".join(parts))


def _when(r: Renderer, need: Requirement) -> str:
    first = (r.label("before_start") if need.within_months == 0
             else r.label("within_months", n=need.within_months))
    if need.repeat_every_months:
        years, months = divmod(need.repeat_every_months, 12)
        again = (r.label("repeat_years", n=years) if not months
                 else r.label("repeat_months", n=need.repeat_every_months))
        return f"{first}, {again}"
    return first


def training_plan(r: Renderer) -> str:
    """Target group × course: when each group must have taken each course; then the courses."""
    training: TrainingFile | None = r.kb.training
    if training is None:
        raise UnknownReference("there is no routines/training.yml; create it to show the plan")
    needs = {(n.group, n.course): n for n in training.requirements}
    courses = [c for c in training.courses if any(k[1] == c.id for k in needs)]
    head = [r.label("target_group"), *(f"[{r.t(c.title)}](#course-{c.id})" for c in courses)]
    rows = ["| " + " | ".join(cell(h) for h in head) + " |",
            "|---|" + "---|" * len(courses)]
    for group in training.groups:
        cells = [f"**{r.t(group.name)}**"]
        for course in courses:
            need = needs.get((group.id, course.id))
            cells.append(_when(r, need) if need else "–")
        rows.append("| " + " | ".join(cell(c) for c in cells) + " |")
    parts = [r.label("training_intro"), "\n".join(rows)]
    parts.append(f"### {r.label('target_groups')} {{ #target-groups }}")
    parts.append("\n".join(f"- **{r.t(g.name)}**" + (f" – {r.t(g.description)}"
                                                       if g.description else "")
                           for g in training.groups))
    parts.append(f"### {r.label('courses')} {{ #courses }}")
    for course in training.courses:
        organiser = r.kb.roles[course.organiser]
        parts.append(f"#### {r.t(course.title)} {{ #course-{course.id} }}\n\n"
                     f"{r.md(course.content)}\n\n"
                     f"*{r.t(course.format)} · {r.label('organiser')}: "
                     f"{r.t(organiser.title)}*")
    if training.routine:
        parts.append(f"{r.label('training_routine')}: {r.routine_link(training.routine)}")
    return r.with_note("\n\n".join(parts))


def legal_sources(r: Renderer) -> str:
    """Every legal source, with its note and the routines that cite it."""
    cited: dict[str, list[str]] = {}
    for routine in sorted(r.kb.routines.values(), key=lambda x: x.title.text(r.lang).casefold()):
        for ref in routine.legal_basis:
            ids = cited.setdefault(ref.source, [])
            if routine.id not in ids:
                ids.append(routine.id)
    parts = []
    for source in r.kb.legal.values():
        title = r.t(source.title)
        parts.append(f"### {title} {{ #{source.id} }}")
        if source.note:
            parts.append(r.md(source.note))
        if source.caveat:  # said here once; citations elsewhere carry a short mark
            parts.append(f"*{r.label('caveat')}:* {r.t(source.caveat)}")
        if source.url:
            parts.append(f"[{r.label('read_law')}]({source.url})")
        if source.id in cited:
            links = ", ".join(r.routine_link(rid) for rid in cited[source.id])
            parts.append(f"{r.label('cited_in')}: {links}")
    return r.with_note("\n\n".join(parts))


def revision_history(r: Renderer) -> str:
    """The plan's versions, newest first: adopted on, by whom, decision, what changed."""
    if not r.kb.revisions:
        return r.label("no_revisions")
    heads = ["version", "adopted", "committee", "decision_ref", "in_force", "changes"]
    rows = ["| " + " | ".join(r.label(h) for h in heads) + " |", "|" + "---|" * len(heads)]
    for revision in reversed(by_date(r.kb)):
        decision = plain(revision.decision_ref)
        if revision.example:
            decision += f" *({r.label('example_mark')})*"
        committee = r.t(r.kb.org_name(revision.committee))
        period = in_force(r.kb, revision)
        when = (r.label("in_force_since", start=period.start.isoformat()) if period.end is None
                else r.label("in_force_range", start=period.start.isoformat(),
                             end=period.end.isoformat()))
        values = [f"**{plain(revision.version)}**", revision.adopted_on.isoformat(),
                  committee, decision, when, r.md(revision.changes)]
        rows.append("| " + " | ".join(cell(v) for v in values) + " |")
    return r.with_note("\n".join(rows))
