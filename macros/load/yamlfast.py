"""Fast YAML reading with libyaml (PyYAML's C parser), giving what ruamel.yaml round-trip gives.

ruamel.yaml's parser is pure Python: at a thousand routines it was almost all of `kb check` and
of the start of every build. libyaml composes the node tree in C; this module turns the tree
into :class:`~macros.load.yamltree.YamlMap`/:class:`~macros.load.yamltree.YamlList` with the
same data and the same lines as ruamel.yaml (YAML 1.2, as :mod:`macros.load.yamlsource` reads
it):

* scalars resolve with ruamel.yaml's own YAML 1.2 rules (``yes``/``no``/``on``/``off`` stay
  text, no sexagesimal numbers, ``null``/``~``/empty are None) and dates stay text;
* every key, value and list item keeps the line its node starts on.

Anything this module is not certain to read exactly as ruamel.yaml does — a syntax error, a
duplicate key, a tag, an anchor or alias, a merge key, a ``%`` directive, a number other than a
plain decimal integer or fraction (``12``, ``0.5``), a tab, line breaks YAML 1.1 and 1.2
disagree about, an empty file (see :func:`_unsure`) — raises :class:`NotFast`, and the caller
reads that file with ruamel.yaml instead, whose result and messages are the reference. Such
files are rare, so the fallback costs nothing in practice; ``tests/unit/load/test_yamlfast.py``
compares both on every data file, the bad-input corpus and thousands of mutated files.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection
from typing import Any

import yaml
from ruamel.yaml.resolver import implicit_resolvers
from yaml import MappingNode, Node, ScalarNode, SequenceNode, YAMLError

from macros.load.limits import MAX_DEPTH
from macros.load.yamltree import YamlList, YamlMap

# PyYAML's wheels include libyaml; a build without it sends every file to ruamel.yaml.
HAVE_LIBYAML: bool = yaml.__with_libyaml__
CParser: Any = yaml.cyaml.CParser if HAVE_LIBYAML else object

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"

# ruamel.yaml's implicit YAML 1.2 resolvers, by first character, in ruamel's order.
_RESOLVERS: dict[str, list[tuple[str, Any]]] = {}
for _versions, _tag, _regexp, _first in implicit_resolvers:
    if (1, 2) in _versions:
        for _char in _first:
            _RESOLVERS.setdefault(_char, []).append((str(_tag), _regexp))

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")  # read as a plain int by ruamel too
_POINT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+\Z")  # 0.5: a float to ruamel too
_BOOLS = {"true": True, "false": False}
# libyaml reads an anchor (&a) or alias (*a) only when one of these follows & or *, so bold
# Markdown (**text**) and bullets (* text) never look like one.
_ANCHOR_CHARS = frozenset(string.ascii_letters + string.digits + "-_")
# More flow brackets than this and libyaml's composer, which recurses in C, could overflow the
# stack on deep nesting ("[[[[…"); ruamel.yaml reads such a file and stops at the depth limit.
# A data file has a few dozen.
_MAX_BRACKETS = 2_000
# A block scalar header, then a line of only spaces.
_BLANK_FIRST_LINE = re.compile(r"[|>][-+0-9]*[ ]*(?:#[^\n]*)?\r?\n +\r?\n")


def _plain_tag(value: str) -> str:
    """The tag ruamel.yaml gives a plain (unquoted) scalar in YAML 1.2."""
    for tag, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return _STR


class NotFast(Exception):
    """This text must be read by ruamel.yaml (its result or error is the reference)."""


class _Parser(CParser):  # type: ignore[misc]  # libyaml's composer, a Cython class
    """libyaml's composer with ruamel.yaml's YAML 1.2 tag resolution."""

    def resolve(self, kind: type[Node], value: str | None,
                implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _plain_tag(value) if implicit[0] and value is not None else _STR
        return _SEQ if kind is SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def _unsure(text: str) -> bool:
    """Text ruamel.yaml may read differently from libyaml (cheap checks, no regex scan).

    A ``%`` directive may switch ruamel.yaml to YAML 1.1; NEL, LS, PS and a lone CR are line
    breaks to libyaml only; ruamel.yaml refuses some tabs libyaml allows, and a block scalar
    (``|``, ``>``) whose first line holds only spaces when a later line is indented deeper;
    thousands of flow brackets, which may nest deeper than libyaml's composer can go; an
    explicit tag (``!!str 12``, ``!x``) gives ruamel.yaml a TaggedScalar, which the node tree
    hides; ruamel.yaml allows more characters in anchors (``&a``) and aliases (``*a``).
    """
    if "%" in text and (text.startswith("%") or "\n%" in text):
        return True
    if text.count("[") + text.count("{") > _MAX_BRACKETS:
        return True
    if "\t" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return True
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return True
    if (" \n" in text or " \r\n" in text) and _BLANK_FIRST_LINE.search(text):
        return True
    return _node_property(text, "!", set()) or any(
        _node_property(text, char, _ANCHOR_CHARS) for char in "&*")


def _node_property(text: str, char: str, then: Collection[str]) -> bool:
    """``char`` where a tag, anchor or alias may start: after a space, a line break or one of
    ``[{,:``, and followed by one of ``then`` (any character when empty). Over-eager (it does
    not know a block scalar from a token), which only sends a file to ruamel.yaml."""
    index = text.find(char)
    while index >= 0:
        if (index == 0 or text[index - 1] in " \n[{,:") and (
                not then or text[index + 1:index + 2] in then):
            return True
        index = text.find(char, index + 1)
    return False


def load(text: str) -> Any:
    """The document in ``text`` as YamlMap/YamlList/scalars; raises NotFast when unsure."""
    if not HAVE_LIBYAML or _unsure(text):
        raise NotFast
    parser = _Parser(text)
    try:
        node = parser.get_single_node()
    except YAMLError as exc:
        raise NotFast from exc
    finally:
        parser.dispose()
    if node is None:
        raise NotFast  # an empty file: ruamel.yaml's answer is the reference
    try:
        return _build(node, 0)
    except RecursionError as exc:  # nested deeper than Python recurses
        raise NotFast from exc


def _build(node: Node, depth: int) -> Any:
    if type(node) is ScalarNode:
        return _scalar(node)
    if depth >= MAX_DEPTH:
        raise NotFast  # ruamel.yaml names the line in its refusal (macros.load.limits)
    if type(node) is MappingNode:
        return _mapping(node, depth + 1)
    return _sequence(node, depth + 1)


def _mapping(node: MappingNode, depth: int) -> YamlMap:
    if node.tag != _MAP:
        raise NotFast
    result = YamlMap(node.start_mark.line + 1)
    lines = result.lines
    for key_node, value_node in node.value:
        if type(key_node) is not ScalarNode:
            raise NotFast
        key = _scalar(key_node)
        if key in result:
            raise NotFast  # a duplicate key: ruamel.yaml names both lines
        result[key] = (_scalar(value_node) if type(value_node) is ScalarNode
                       else _build(value_node, depth))
        lines[key] = (key_node.start_mark.line + 1, value_node.start_mark.line + 1)
    return result


def _sequence(node: SequenceNode, depth: int) -> YamlList:
    if node.tag != _SEQ:
        raise NotFast
    result = YamlList(node.start_mark.line + 1)
    lines = result.lines
    for item in node.value:
        if type(item) is ScalarNode:
            result.append(_scalar(item))
        elif node.flow_style and type(item) is MappingNode:
            raise NotFast  # `["a":b]`: ruamel.yaml refuses some pairs in [ ] libyaml reads
        else:
            result.append(_build(item, depth))
        lines.append(item.start_mark.line + 1)
    return result


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    tag = node.tag
    if tag in (_STR, _TIMESTAMP):  # dates stay text: the model reports a bad date
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _BOOLS[value.lower()]
    if tag == _INT and _DECIMAL.match(value):
        return int(value)
    if tag == _FLOAT and _POINT.match(value):
        return float(value)
    raise NotFast  # other numbers, merge keys (`<<`), `=`
