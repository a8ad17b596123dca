"""Parsed YAML with the line of every key, value and list item (1-based), for messages.

Both parsers (:mod:`macros.load.yamlfast` and the ruamel.yaml fallback in
:mod:`macros.load.yamlsource`) produce these two types, so the rest of the code sees one kind of
tree: plain ``dict`` and ``list`` behaviour plus the lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class YamlMap(dict[Any, Any]):
    """A mapping; ``lines[key]`` is (line of the key, line where its value starts)."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[Any, tuple[int, int]] = {}

    def __reduce__(self) -> tuple[Any, ...]:  # pickle/copy keep the lines
        return _rebuild_map, (self.line, self.lines, dict(self))


class YamlList(list[Any]):
    """A sequence; ``lines[i]`` is the line where item ``i`` starts."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild_list, (self.line, self.lines, list(self))


def _rebuild_map(line: int, lines: dict[Any, tuple[int, int]],
                 items: dict[Any, Any]) -> YamlMap:
    node = YamlMap(line)
    node.update(items)
    node.lines.update(lines)
    return node


def _rebuild_list(line: int, lines: list[int], items: list[Any]) -> YamlList:
    node = YamlList(line)
    node.extend(items)
    node.lines.extend(lines)
    return node


def is_collection(value: Any) -> bool:
    return isinstance(value, (YamlMap, YamlList))


def field_path(loc: tuple[str | int, ...]) -> str:
    """A location as a message names its field: ``steps[0].sv``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def walk(node: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every key and value under ``node`` with its location, parents first (a stack, not
    recursion). A mapping's key is given at its value's location."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), node)]
    while stack:
        loc, node = stack.pop()
        yield loc, node
        if isinstance(node, YamlMap):
            for key, value in reversed(node.items()):
                stack.append(((*loc, key), value))
                stack.append(((*loc, key), key))
        elif isinstance(node, YamlList):
            stack.extend(((*loc, index), node[index]) for index in reversed(range(len(node))))
