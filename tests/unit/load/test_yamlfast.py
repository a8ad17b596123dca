"""libyaml (macros.load.yamlfast) reads every data file exactly as ruamel.yaml did: the same data,
the same line for every field, the same problems — on the real data, the fixture, the
bad-input corpus and a few thousand mutated files."""

from __future__ import annotations

import pickle
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from macros.load import yamlfast
from macros.load.page_meta import split_front_matter
from macros.load.yamlsource import SourceDoc, parse_with_ruamel, parse_yaml
from macros.load.yamltree import YamlList, YamlMap
from macros.model.catalogue import both
from tests.bad_inputs import CASES, CHECK_CASES
from tests.conftest import FIXTURE_SITE, ROOT

Loc = tuple[Any, ...]


def _yaml_texts(*roots: Path) -> list[tuple[str, str, int]]:
    """(name, YAML text, line offset) of every data file and page front matter under roots."""
    out = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".yml", ".yaml") and "routines" in path.parts:
                out.append((path.relative_to(ROOT).as_posix(), path.read_text("utf-8"), 0))
            elif path.suffix == ".md" and "docs" in path.parts:
                front, _ = split_front_matter(path.read_text("utf-8"))
                if front:
                    out.append((path.relative_to(ROOT).as_posix(), front, 1))
    return out


REAL = _yaml_texts(ROOT / "routines", ROOT / "docs", FIXTURE_SITE)


def _kind(value: Any) -> str:
    """bool before int: True == 1, but they must not be mixed up."""
    for kind in (bool, int, float, str, YamlMap, YamlList):
        if isinstance(value, kind):
            return kind.__name__
    return type(value).__name__


def _locs(node: Any, loc: Loc = ()) -> Iterator[Loc]:
    yield loc
    if isinstance(node, YamlMap):
        for key, value in node.items():
            yield from _locs(value, (*loc, key))
    elif isinstance(node, YamlList):
        for index, value in enumerate(node):
            yield from _locs(value, (*loc, index))


def _at(node: Any, loc: Loc) -> Any:
    for key in loc:
        node = node[key]
    return node


def _differences(expected: SourceDoc, actual: SourceDoc) -> list[str]:
    """Same keys in the same order, same values and types, same line_of everywhere."""
    locs = list(_locs(expected.data))
    if locs != list(_locs(actual.data)):
        return ["different keys or items"]
    out = []
    for loc in locs:
        want, got = _at(expected.data, loc), _at(actual.data, loc)
        if _kind(want) != _kind(got):
            out.append(f"{loc}: {_kind(want)} != {_kind(got)}")
        elif not isinstance(want, (YamlMap, YamlList)) and want != got and repr(want) != repr(got):
            out.append(f"{loc}: {want!r} != {got!r}")  # repr: NaN, ruamel's tagged values
        for probe in (loc, (*loc, "no-such-field"), (*loc, 10**6)):
            if expected.line_of(probe) != actual.line_of(probe):
                out.append(f"{probe}: line {expected.line_of(probe)} != {actual.line_of(probe)}")
    return out


def _compare(text: str, offset: int = 0) -> list[str]:
    """What parse_yaml (libyaml first) gives differently from ruamel.yaml alone."""
    want_doc, want_problems = parse_with_ruamel(text, "f.yml", offset)
    got_doc, got_problems = parse_yaml(text, "f.yml", offset)
    if want_problems != got_problems:
        return [f"problems {want_problems} != {got_problems}"]
    if want_doc is None or got_doc is None:
        return [] if want_doc is got_doc else ["one parsed, the other did not"]
    return _differences(want_doc, got_doc)


def _fast(text: str) -> bool:
    try:
        yamlfast.load(text)
    except yamlfast.NotFast:
        return False
    return True


def test_every_data_file_and_front_matter_reads_the_same() -> None:
    assert len(REAL) > 50
    for name, text, offset in REAL:
        assert _compare(text, offset) == [], name


def test_almost_every_real_file_takes_the_fast_path() -> None:
    slow = [name for name, text, _ in REAL if not _fast(text)]
    assert len(slow) <= len(REAL) // 20, slow  # Markdown `*italics*` after a space may fall back


def _corpus_texts() -> Iterator[tuple[str, str]]:
    """The YAML each bad-input case leaves behind (a page's front matter for a page)."""
    for case in CASES + CHECK_CASES:
        if case.old == "" and case.new == "":
            continue  # a deleted file
        if case.old is None:
            text = case.new
        else:
            text = (FIXTURE_SITE / case.file).read_text("utf-8").replace(case.old, case.new, 1)
        if case.file.endswith(".md"):
            text = split_front_matter(text)[0] or ""
        if text:
            yield case.name, text


CORPUS = list(_corpus_texts())


@pytest.mark.parametrize("text", [text for _, text in CORPUS], ids=[name for name, _ in CORPUS])
def test_every_bad_input_reads_the_same(text: str) -> None:
    assert _compare(text) == []


TRICKY = [
    "a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\n",  # YAML 1.2: all text
    "a: true\nb: False\nc: TRUE\nd: null\ne: ~\nf:\ng: Null\n",
    "a: 2026-01-10\nb: 2026-13-01\nc: 2026-01-10 10:00:00\nd: 12:30\ne: 1:20:30\n",
    "a: 12\nb: -3\nc: +4\nd: 0\ne: 012\nf: 0o17\ng: 0x1F\nh: 1_000\ni: 0b101\n",
    "a: 1.5\nb: .5\nc: 1e3\nd: .inf\ne: -.Inf\nf: .nan\ng: 1.\n",
    "a: 0.5\nb: -0.25\nc: 10.0\nd: 01.5\ne: +3.14\nf: 0.5e1\n",  # search: boost: 0.5
    'a: "12"\nb: \'yes\'\nc: "2026-01-10"\nd: ""\ne: \'\'\n',
    "a: |\n  one\n  two\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  kept\n\nd: x\n",
    "a:\n  - 1\n  -\n  - {b: c, d: [e, f]}\n  - - nested\n    - list\n",
    "title: {sv: 'Rutin: a', en: \"Routine: b\"}\ntags: [a, b, c]\nempty: {}\nnone: []\n",
    "a: b #comment\n# full line\nc: 'd # not a comment'\n",
    "a:   \n\n\nb: 1\nc: # comment\n  # more\nd: 2\n",
    "? a\n: 1\n? b\nc: {d, e: f}\n",
    "a: &x 1\nb: *x\n",  # anchors and aliases: ruamel.yaml reads them
    "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
    "a: !!str 12\nb: !custom x\n",
    "%YAML 1.1\n---\na: yes\n",
    "a: 1\na: 2\n",  # duplicate key: ruamel.yaml's message
    "1: a\ntrue: b\nnull: c\n",
    "a: [oops\n",
    "a: b\n  c: d\n",
    "- a\n- b\n",
    "just text\n",
    "",
    "# only a comment\n",
    "---\na: 1\n---\nb: 2\n",
    "a: b\r\nc: d\r\n",
    "a: b\rc: d\n",
    "a: x\u2028y\nb: 1\n",
    "a:\tb\n",
    "a: >\n   \n    more indented\n",
    "a: \"x\\u2028y\\ttab\\N\"\n",
    "a: Åsa och Örjan 😀\nb: 'Köping'\n",
    "\ufeffa: bom\n",
    "a: [http://x.example/y, 'b: c']\nb: {u: https://x.example}\n",
    "steps:\n  - sv: >-\n      **Fet** och *kursiv* text\n      * punkt\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_yaml_reads_the_same(text: str) -> None:
    assert _compare(text) == []
    assert _compare(text, offset=1) == []


def test_yaml_1_2_values_and_dates_as_text() -> None:
    data = yamlfast.load(TRICKY[0] + "g: 2026-01-10\nh: 12\ni: true\nj:\n")
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": "y", "f": "n",
                    "g": "2026-01-10", "h": 12, "i": True, "j": None}


def test_lines_of_keys_values_and_items() -> None:
    doc, problems = parse_yaml("id: x\ntitle:\n  sv: a\n  en: >-\n    b\nlist:\n  - one\n"
                               "  -\n    k: v\nempty:\nlast: 1\n", "f.yml", line_offset=1)
    assert problems == [] and doc is not None
    assert doc.line_of(()) == 2
    assert doc.line_of(("title",)) == 3  # a mapping: its key's line
    assert doc.line_of(("title", "en")) == 5  # text: where the value starts
    assert doc.line_of(("list", 0)) == 8
    assert doc.line_of(("list", 1, "k")) == 10
    assert doc.line_of(("list", 7)) == 7  # no such item: the list's key
    assert doc.line_of(("empty",)) == 11  # an empty value: its key's line, not the next key's
    assert doc.line_of(("nothing", "here")) == 2


def test_fallback_keeps_ruamel_messages() -> None:
    _, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yml")
    assert [(p.line, p.fix) for p in problems] == [(3, both("yaml_duplicate_key_fix"))]
    assert "duplicate key" in problems[0].message
    _, problems = parse_yaml("a:\n  ? - {b: c}\n", "f.yml")
    assert [p.message for p in problems] == [both("yaml_complex_key")]


def test_trees_pickle_with_their_lines() -> None:
    doc, _ = parse_yaml("a:\n  - b: 1\n", "f.yml")
    assert doc is not None
    copy = pickle.loads(pickle.dumps(doc))
    assert copy.data == doc.data and copy.line_of(("a", 0, "b")) == 2
    assert isinstance(copy.data["a"], YamlList) and copy.data["a"].lines == [2]


_CHARACTERS = [*":- \t'\"#\n[]{},&*?|>!%@`\\", "\r", "\r\n", "\x85", "\u2028", "\ufeff", "é"]
_VALUES = ["yes", "on", "0o7", "1e3", "0x1F", "1_000", "012", "~", "2024-01-01", "12:30", "=",
           "<<", "-", ".inf", "True", "1.0", "&a x", "*a", "!!str 1", "[a, b]", "{a: 1}", "{}",
           '["a":b]', "['a' :b]", "[{a: b}]",
           '""', "'it''s'", "? a", "a #c", "[a?b]", "{a:b}", "[a: b]", "--- x", "|\n  a",
           ">-\n  a\n\n  b", "|2\n   x", '"\\u2028"', "- - x", "[a,]", "x:y", "@x"]


def _mutate(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    index = rnd.randrange(len(lines))
    choice = rnd.randrange(6)
    if choice == 0:
        at = rnd.randrange(len(text))
        return text[:at] + text[at + 1:]
    if choice == 1:
        at = rnd.randrange(len(text))
        return text[:at] + rnd.choice(_CHARACTERS) + text[at:]
    if choice == 2:
        lines.insert(index, lines[index])
    elif choice == 3:
        lines[index] = " " * rnd.randrange(1, 4) + lines[index]
    elif choice == 4:
        del lines[index]
    else:
        line = lines[index]
        sep = ": " if ": " in line else "- " if line.lstrip().startswith("- ") else None
        if sep is None:
            return text
        head = line[: line.index(sep) + 2]
        indent = "\n" + " " * (len(head) - len(head.lstrip()) + 2)
        lines[index] = head + rnd.choice(_VALUES).replace("\n", indent)
    return "\n".join(lines)


def test_mutated_files_read_the_same() -> None:
    """Broken and odd variants of the fixture's files: libyaml never disagrees silently."""
    rnd = random.Random(7)
    texts = [text for _, text, offset in REAL if offset == 0 and len(text) < 4000]
    for _ in range(600):
        text = rnd.choice(texts)
        for _ in range(rnd.randrange(1, 4)):
            text = _mutate(text, rnd)
        assert _compare(text) == [], text
