"""The test suite's own shape (tests/README.md): every test module in a tier folder, the unit
tier mirroring macros/'s packages and building nothing, and no test that can only pass on
empty data because all its asserts sit inside a loop over that data."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

TESTS = ROOT / "tests"
TIERS = ("unit", "content", "site", "servers", "browser")
# what builds, publishes or serves a site: never in tests/unit/ (conftest also refuses the
# fixtures that do, at collection)
BUILDERS = {"mkdocs_build", "_built", "publish_two_versions", "publish_real", "run_bench",
            "serve_export"}


def all_test_modules() -> list[Path]:
    return sorted(TESTS.rglob("test_*.py"))


# --- loops over data ------------------------------------------------------------------------

def _literal(node: ast.expr, names: dict[str, ast.expr]) -> bool:
    """A written-out display (("sv", "en"), {"a": 1}), a name the test binds once to one, its
    .items()/.keys()/.values(), or range(constant): it cannot be empty."""
    if isinstance(node, ast.Name) and node.id in names:
        return _literal(names[node.id], {})
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("items", "keys", "values") and not node.args):
        return _literal(node.func.value, names)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id == "range":
        return all(isinstance(arg, ast.Constant) for arg in node.args)
    if isinstance(node, ast.Dict):
        return bool(node.keys) and None not in node.keys
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return bool(node.elts) and not any(isinstance(e, ast.Starred) for e in node.elts)
    return False


def _bound_once(function: ast.FunctionDef) -> dict[str, ast.expr]:
    found: dict[str, ast.expr] = {}
    twice: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in found:
                twice.add(name)
            found[name] = node.value
    return {name: value for name, value in found.items() if name not in twice}


def _asserts(node: ast.AST, names: dict[str, ast.expr], in_loop: bool = False
             ) -> Iterator[bool]:
    """For each assert of a test (not of functions it defines): is it inside a data loop?"""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(child, ast.Assert):
            yield in_loop
        data_loop = isinstance(child, ast.While) or (
            isinstance(child, ast.For | ast.AsyncFor) and not _literal(child.iter, names))
        yield from _asserts(child, names, in_loop or data_loop)


def asserts_only_in_data_loops(source: str) -> list[tuple[int, str]]:
    """(line, name) of every test function whose asserts all sit inside loops over data."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) \
                and node.name.startswith("test"):
            inside = list(_asserts(node, _bound_once(node)))
            if inside and all(inside):
                found.append((node.lineno, node.name))
    return found


@pytest.mark.parametrize(("source", "flagged"), [
    ("def test_a(kb):\n    for r in kb.routines:\n        assert r\n", True),
    ("def test_a(kb):\n    assert kb.routines\n    for r in kb.routines:\n        assert r\n",
     False),
    ("def test_a(site):\n    for lang in ('sv', 'en'):\n        assert site[lang]\n", False),
    ("def test_a(site):\n    kept = ('a', 'b')\n    for k in kept:\n        assert site[k]\n",
     False),
    ("def test_a(site):\n    for lang in ('sv', 'en'):\n        for p in site[lang]:\n"
     "            assert p\n", True),
    ("def test_a():\n    def check(x):\n        assert x\n    for x in data():\n"
     "        check(x)\n", False),
], ids=["loop-only", "asserted-first", "written-out", "bound-to-a-display", "nested-in-data",
        "in-a-helper"])
def test_the_loop_scan_tells_data_from_written_out_lists(source: str, flagged: bool) -> None:
    assert bool(asserts_only_in_data_loops(source)) is flagged


def test_no_test_asserts_only_inside_a_loop_over_data() -> None:
    """Such a test passes silently when the data is empty: assert the data first."""
    modules = all_test_modules()
    assert len(modules) > 60
    found = [f"{path.relative_to(ROOT)}:{line}: {name}" for path in modules
             for line, name in asserts_only_in_data_loops(path.read_text(encoding="utf-8"))]
    assert found == [], "assert that the data is not empty before the loop:\n" + \
        "\n".join(found)


# --- where tests live -----------------------------------------------------------------------

def test_every_test_module_is_in_a_tier_folder() -> None:
    """A new test goes into tests/unit/<package>/, tests/content/, tests/site/,
    tests/servers/ or tests/browser/ (tests/README.md), never directly into tests/."""
    misplaced = [path.relative_to(ROOT).as_posix() for path in all_test_modules()
                 if path.relative_to(TESTS).parts[0] not in TIERS]
    assert misplaced == []


def test_every_test_folder_is_a_package() -> None:
    """Without __init__.py two test_x.py in different folders clash when pytest imports them."""
    folders = {path.parent for path in all_test_modules()}
    assert len(folders) > 10
    packages = {folder for path in folders for folder in (path, *path.parents)
                if folder.is_relative_to(TESTS)}
    missing = sorted(folder.relative_to(ROOT).as_posix() for folder in packages
                     if not (folder / "__init__.py").is_file())
    assert missing == []


def test_the_unit_tier_mirrors_the_packages() -> None:
    folders = sorted(p.name for p in (TESTS / "unit").iterdir()
                     if p.is_dir() and p.name != "__pycache__")
    assert folders, "tests/unit/ has no package folders"
    packages = {p.parent.name for p in (ROOT / "macros").glob("*/__init__.py")}
    assert set(folders) <= packages, set(folders) - packages


def _names_used(source: str) -> set[str]:
    tree = ast.parse(source)
    imported = {alias.asname or alias.name for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) for alias in node.names}
    called = {node.func.id for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    return imported | called


def test_unit_tests_build_nothing() -> None:
    modules = sorted((TESTS / "unit").rglob("test_*.py"))
    assert modules
    building = {path.relative_to(ROOT).as_posix(): sorted(_names_used(
        path.read_text(encoding="utf-8")) & BUILDERS) for path in modules}
    assert {path: names for path, names in building.items() if names} == {}, \
        "a test that builds or serves a site belongs in tests/site/ or tests/servers/"


def test_no_test_module_imports_another() -> None:
    """Shared helpers live in tests/<helper>.py (tests/README.md): a test module imported by
    another would move, or be split, and break it."""
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module \
                    and node.module.split(".")[-1].startswith("test_"):
                found.append(f"{path.relative_to(ROOT)}: from {node.module} import …")
    assert found == []
