"""Limits on the data files (macros/load/limits.py): an alias bomb, a huge file, deep nesting
and a huge text are refused with the file, the line and the fix — quickly, in one run, never
as a traceback or a hang."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.cli import main
from macros.load import yamlfast
from macros.load.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT_CHARS
from macros.load.yamlsource import parse_with_ruamel, parse_yaml
from macros.model.catalogue import Phrase, both

# "Billion laughs": nine levels of nine aliases, 9^9 (387 million) strings when expanded.
BOMB = """\
id: skrattbomb
title: {sv: Skratt}
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
steps: *i
"""


def _kb_check(root: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["--root", str(root), "check"])
    return result.exit_code, result.output, time.perf_counter() - started


def test_alias_bomb_is_refused_in_well_under_a_second(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    (root / "routines" / "socialtjanst" / "bomb.yml").write_text(BOMB, encoding="utf-8")
    _kb_check(root)  # warm: imports, the catalogue
    code, output, seconds = _kb_check(root)
    assert code == 1
    assert seconds < 1.0, f"kb check took {seconds:.2f} s"
    assert ("routines/socialtjanst/bomb.yml:3: error: YAML-ankare och -alias (&a) är inte "
            "tillåtna i datafiler / YAML anchors and aliases (&a) are not allowed in data files — "
            ) in output
    assert "without & and *" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("text", [
    "id: x\nsteps: &s [a]\nmore: *s\n",  # the anchor is named, before its alias
    "base: &b {sv: X}\ntitle:\n  <<: *b\n",  # a merge key needs an alias too
    "- &x 1\n",
])
def test_every_anchor_stops_parsing_at_its_line(text: str) -> None:
    with pytest.raises(yamlfast.NotFast):
        yamlfast.load(text)  # libyaml never builds a tree that has one
    doc, problems = parse_yaml(text, "r.yml")
    assert doc is None
    assert [p.line for p in problems] == [text.splitlines().index(
        next(line for line in text.splitlines() if "&" in line)) + 1]
    assert "anchors and aliases (&" in problems[0].message


def test_an_alias_alone_is_named_with_its_star() -> None:
    doc, problems = parse_with_ruamel("a: 1\nb: *nothing\n", "r.yml", line_offset=4)
    assert doc is None
    assert problems[0].line == 6 and "(*nothing)" in problems[0].message


def test_a_file_over_the_size_limit_is_not_read(data_copy: Callable[[], Path],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = data_copy()
    huge = root / "routines" / "socialtjanst" / "stor.yml"
    huge.write_text("id: stor\n" + "# " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    read: list[Path] = []
    original = Path.read_text

    def spy(self: Path, *args: object, **kwargs: object) -> str:
        read.append(self)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", spy)
    code, output, _ = _kb_check(root)
    assert code == 1
    assert huge not in read, "refused before it is read"
    size = huge.stat().st_size
    assert (f"routines/socialtjanst/stor.yml: error: filen är {size} byte; en datafil får vara "
            f"högst {MAX_FILE_BYTES} byte / the file is {size} bytes") in output


@pytest.mark.parametrize(("text", "line"), [
    ("a: " + "[" * 200_000 + "]" * 200_000 + "\n", 1),  # libyaml would overflow its stack
    ("a: " + "{b: " * 30 + "1" + "}" * 30 + "\n", 1),
    ("a:\n" + "".join(" " * i + "- \n" for i in range(60)), MAX_DEPTH + 1),
])
def test_deep_nesting_is_refused_without_a_crash(text: str, line: int) -> None:
    started = time.perf_counter()
    doc, problems = parse_yaml(text, "r.yml")
    assert time.perf_counter() - started < 3
    assert doc is None
    assert [p.line for p in problems] == [line]
    assert f"nested deeper than {MAX_DEPTH} levels" in problems[0].message


def test_nesting_up_to_the_limit_is_read() -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    doc, problems = parse_yaml(text, "r.yml")
    assert problems == [] and doc is not None
    slow, slow_problems = parse_with_ruamel(text, "r.yml")
    assert slow_problems == [] and slow is not None and slow.data == doc.data


def test_a_text_over_the_limit_is_an_error_of_its_field_and_the_rest_is_checked(
        data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    routine = root / "routines" / "socialtjanst" / "orosanmalan.yml"
    text = routine.read_text(encoding="utf-8")
    text = text.replace("Anmäl **direkt** till socialtjänsten.", "x" * (MAX_TEXT_CHARS + 1))
    text = text.replace("owner: enhetschef-barn", "owner: kalle")
    routine.write_text(text, encoding="utf-8")
    code, output, _ = _kb_check(root)
    assert code == 1
    assert (f"routines/socialtjanst/orosanmalan.yml:14: error: steps[0].sv: texten är "
            f"{MAX_TEXT_CHARS + 1} tecken; en text får vara högst {MAX_TEXT_CHARS} tecken") \
        in output
    assert ("orosanmalan.yml:7: error: owner: "  # the same run
            + both("ref_unknown", what=Phrase("noun_owner_role"), value="kalle")) in output


def test_a_text_at_the_limit_is_fine() -> None:
    doc, problems = parse_yaml("a: " + "x" * MAX_TEXT_CHARS + "\n", "r.yml")
    assert problems == [] and doc is not None


def test_front_matter_has_the_same_limits(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    page = root / "docs" / "bara-svenska.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "owner: enhetschef-barn", "owner: &o enhetschef-barn"), encoding="utf-8")
    code, output, _ = _kb_check(root)
    assert code == 1
    assert "docs/bara-svenska.md:3: error: YAML-ankare och -alias (&o)" in output
