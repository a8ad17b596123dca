"""Read one YAML file with line numbers kept, turning syntax errors into problems.

libyaml (:mod:`macros.load.yamlfast`) reads almost every file; whatever it is not certain to read
exactly as ruamel.yaml does — syntax errors and duplicate keys included — is read again with
ruamel.yaml, whose result and error messages are the reference. The limits of
:mod:`macros.load.limits` hold on both ways: a file too large is not read, and ruamel.yaml's
composer stops at the first anchor or alias and at nesting too deep (libyaml hands it every
file that has either).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent

from macros.load import yamlfast
from macros.load.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    LimitExceeded,
    anchor_refused,
    too_deep,
    too_large,
)
from macros.load.text_length import long_texts
from macros.load.yamltree import YamlList, YamlMap, is_collection
from macros.model.catalogue import both
from macros.model.problems import Problem


class _Constructor(RoundTripConstructor):
    """Keep dates as text so the model, not the YAML parser, reports a bad date with its field."""


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


class _Composer(Composer):
    """ruamel.yaml's composer, refusing anchors, aliases and deep nesting as it meets them:
    an alias bomb stops at its first ``&``, before anything is copied."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            raise anchor_refused(f"*{event.anchor}", line)
        if getattr(event, "anchor", None) is not None:
            raise anchor_refused(f"&{event.anchor}", line)
        if self.depth >= MAX_DEPTH and isinstance(event, (MappingStartEvent,
                                                          SequenceStartEvent)):
            raise too_deep(line)
        return super().compose_node(parent, index)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _Composer
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass
class SourceDoc:
    """A parsed YAML document and the path it came from (relative, for messages)."""

    path: str
    data: Any
    line_offset: int = 0  # lines before the YAML in its file (front matter starts on line 2)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """1-based line of the deepest part of ``loc`` present in the document.

        A key's value is on its own line when it is text, a number or a date; a list, a mapping
        or an empty value (``key:``) is named by its key's line.
        """
        node = self.data
        line: int | None = node.line if is_collection(node) else None
        for key in loc:
            if isinstance(node, YamlMap) and key in node:
                key_line, value_line = node.lines[key]
                node = node[key]
                line = key_line if node is None or is_collection(node) else value_line
            elif isinstance(node, YamlList) and isinstance(key, int) and 0 <= key < len(node):
                line = node.lines[key]
                node = node[key]
            else:
                break
        return line + self.line_offset if line is not None else None


def from_ruamel(node: Any) -> Any:
    """ruamel.yaml's round-trip tree as YamlMap/YamlList (scalars as ruamel made them)."""
    if isinstance(node, CommentedMap):
        result = YamlMap(node.lc.line + 1)
        for key, value in node.items():
            result[key] = from_ruamel(value)
            where = (node.lc.data or {}).get(key)  # none for a key merged in with `<<:`
            result.lines[key] = ((where[0] + 1, where[2] + 1) if where
                                 else (result.line, result.line))
        return result
    if isinstance(node, CommentedSeq):
        items = YamlList(node.lc.line + 1)
        for index, value in enumerate(node):
            items.append(from_ruamel(value))
            items.lines.append(node.lc.item(index)[0] + 1)
        return items
    return node


def read_yaml(path: Path, display: str) -> tuple[SourceDoc | None, list[Problem]]:
    """Parse ``path``; on failure return the problems, never raise for content mistakes.
    A file over the size limit is refused before it is read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [too_large(display, size)]
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, None, "", both("page_not_utf8", reason=exc.reason),
                              both("page_not_utf8_fix"))]
    except OSError as exc:
        return None, [Problem(display, None, "", both("yaml_unreadable", reason=exc.strerror),
                              both("yaml_unreadable_fix"))]
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str,
               line_offset: int = 0) -> tuple[SourceDoc | None, list[Problem]]:
    """Parse YAML text that starts ``line_offset`` lines into the file ``display``; a text
    over the length limit is a problem of its field, and the document is still returned."""
    if len(text) > MAX_FILE_BYTES:  # front matter: the file itself is read by its page
        return None, [too_large(display, len(text.encode("utf-8")))]
    try:
        data = yamlfast.load(text)
    except yamlfast.NotFast:
        doc, problems = parse_with_ruamel(text, display, line_offset)
    else:
        if isinstance(data, YamlMap):
            doc, problems = SourceDoc(display, data, line_offset), []
        else:
            doc, problems = parse_with_ruamel(text, display, line_offset)
    if doc is not None and len(text) > MAX_TEXT_CHARS:  # a shorter file has no longer text
        problems = [*problems, *long_texts(doc)]
    return doc, problems


def parse_with_ruamel(text: str, display: str,
                      line_offset: int = 0) -> tuple[SourceDoc | None, list[Problem]]:
    """The reference reading (slow, pure Python): for what libyaml is not certain about."""

    def _file_problem(key: str, **values: object) -> Problem:
        return Problem(display, None, "", both(key, **values), both(f"{key}_fix"))

    try:
        data = _yaml().load(text)
    except LimitExceeded as exc:
        return None, [exc.problem(display, line_offset)]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark is not None else None
        # ruamel.yaml's own words (English) say what it met; the frame is in both languages
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        fix = "yaml_duplicate_key_fix" if "duplicate key" in what else "yaml_syntax_fix"
        return None, [Problem(display, line, "", both("yaml_syntax", detail=what), both(fix))]
    except YAMLError as exc:
        return None, [_file_problem("yaml_error", detail=exc)]
    except TypeError:  # ruamel.yaml on a key holding a mapping (`? - {a: b}`)
        return None, [_file_problem("yaml_complex_key")]
    except RecursionError:
        return None, [_file_problem("yaml_recursion")]
    if data is None:
        return None, [_file_problem("yaml_empty")]
    if not isinstance(data, CommentedMap):
        return None, [Problem(display, 1 + line_offset, "", both("yaml_not_mapping"),
                              both("yaml_not_mapping_fix"))]
    return SourceDoc(display, from_ruamel(data), line_offset), []
