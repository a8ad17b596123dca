"""Read one YAML file with line numbers kept, turning syntax errors into problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from macros.problems import Problem


class _Constructor(RoundTripConstructor):
    """Keep dates as text so the model, not the YAML parser, reports a bad date with its field."""


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
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
        """1-based line of the deepest part of ``loc`` present in the document."""
        node = self.data
        line = _start_line(node)
        for key in loc:
            if isinstance(node, CommentedMap) and key in node:
                line = node.lc.value(key)[0] + 1 if _scalar(node[key]) else _key_line(node, key)
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
                line = node.lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        return line + self.line_offset if line is not None else None


def _scalar(value: Any) -> bool:
    return not isinstance(value, (CommentedMap, CommentedSeq))


def _key_line(node: CommentedMap, key: Any) -> int:
    return node.lc.key(key)[0] + 1


def _start_line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None and lc.line is not None else None


def read_yaml(path: Path, display: str) -> tuple[SourceDoc | None, list[Problem]]:
    """Parse ``path``; on failure return the problems, never raise for content mistakes."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [
            Problem(display, None, "", f"is not UTF-8 text ({exc.reason})", "save it as UTF-8")
        ]
    except OSError as exc:
        return None, [Problem(display, None, "", f"cannot be read ({exc.strerror})")]
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str,
               line_offset: int = 0) -> tuple[SourceDoc | None, list[Problem]]:
    """Parse YAML text that starts ``line_offset`` lines into the file ``display``."""
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark is not None else None
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        fix = "check indentation, colons and quotes on this line and the one before"
        if "duplicate key" in what:
            fix = "remove or rename one of the two keys"
        return None, [Problem(display, line, "", f"YAML syntax error: {what}", fix)]
    except YAMLError as exc:
        return None, [Problem(display, None, "", f"YAML error: {exc}", "check the file's syntax")]
    if data is None:
        return None, [Problem(display, None, "", "file is empty", "add the content or delete it")]
    if not isinstance(data, CommentedMap):
        return None, [
            Problem(display, 1 + line_offset, "", "top level must be a mapping (key: value lines)",
                    "start the file with `key: value` lines, not a list or a single value")
        ]
    return SourceDoc(display, data, line_offset), []
