"""The one rule for links: where a text from the data, a prose page or a built file may point.

Allowed: ``https:``, ``http:``, ``mailto:``, ``tel:`` and links within the site (a relative
path, a path from the site's root, an ``#anchor``, a ``?query``). Anything else —
``javascript:``, ``data:``, ``vbscript:``, ``file:``, a scheme-relative ``//host`` — is refused,
also when written to slip past a reader: character references (``java&#x09;script:``,
``&#106;avascript:``), capitals, spaces, tabs, line breaks and control characters inside or
before the scheme. Browsers drop tabs and line breaks inside a URL and decode references in
attributes, so the rule does too, before it looks for the scheme.

The data model (:mod:`macros.model.text`: every text and web address), the page checks
(:mod:`macros.checks.page_markup`: ``docs/*.md``) and the output gate
(:mod:`macros.build.output_gate`: every built file) all ask this module.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# Dropped before the scheme is read: what browsers strip (C0 controls, space) or remove
# (tab, line feed, carriage return) from a URL, wherever it stands.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_OTHER_HOST = re.compile(r"[/\\]{2}")  # //host or \\host: another site, scheme unsaid
_SHOWN = 60  # characters of a refused target shown in a message

# Where Markdown puts a link target: [text](target "title"), ![alt](target), a reference
# definition `[id]: target`, an autolink <scheme:…>. Over-eager on purpose: the rule only
# refuses what has a refused scheme, so a false match costs nothing.
_INLINE = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^\s)]*))")
_REFERENCE = re.compile(r"\]:[ \t]*\n?[ \t]*(?:<([^>\n]*)>|(\S+))")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")


def normalise(target: str) -> str:
    """``target`` as a browser reads it for its scheme: references decoded (again while that
    changes anything: ``&amp;#106;``), and every control character and space dropped."""
    value = target
    for _ in range(4):
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return _IGNORED.sub("", value)


def refused_scheme(target: str) -> str | None:
    """What makes ``target`` refused — its scheme (``javascript:``) or ``//`` for another
    host without a scheme — or None when the rule allows it."""
    value = normalise(target)
    scheme = _SCHEME.match(value)
    if scheme is not None:
        name = scheme.group(1).lower()
        return None if name in ALLOWED_SCHEMES else f"{name}:"
    return "//" if _OTHER_HOST.match(value) else None


def allowed(target: str) -> bool:
    return refused_scheme(target) is None


def markdown_targets(text: str) -> Iterator[tuple[int, str]]:
    """(offset, target) of every link target Markdown would read in ``text``."""
    for pattern in (_INLINE, _REFERENCE, _AUTOLINK):
        for match in pattern.finditer(text):
            group = 1 if match.group(1) is not None else 2
            yield match.start(group), match.group(group) or ""


def refused_targets(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, target, refused scheme) of every Markdown link in ``text`` the rule refuses,
    in the order they stand (a target read two ways is named once)."""
    found = {offset: target for offset, target in markdown_targets(text)}
    for offset in sorted(found):
        scheme = refused_scheme(found[offset])
        if scheme is not None:
            yield offset, found[offset], scheme


def shown(target: str) -> str:
    """A refused target as a message shows it: one line, at most 60 characters."""
    one_line = " ".join(target.split()).replace("—", "-")  # " — " divides message and fix
    return repr(one_line if len(one_line) <= _SHOWN else one_line[:_SHOWN] + "…")


def link_message(target: str, scheme: str) -> tuple[str, str]:
    """(message, fix), each in Swedish / English, for a refused link."""
    # Imported here: the catalogue reads its languages from macros.model.text, which uses
    # this rule for every text of the model.
    from macros.model.catalogue import both

    return (both("link_refused", target=shown(target), scheme=scheme),
            both("link_refused_fix"))


def text_link_problem(value: str) -> str | None:
    """``message — fix`` for the first refused link in a text of the data, or None."""
    for _offset, target, scheme in refused_targets(value):
        message, fix = link_message(target, scheme)
        return f"{message} — {fix}"
    return None
