"""Read every YAML file under ``routines/`` once, validate it, and build the knowledge base.

All problems are collected (never raised) so an editor sees every mistake in one run. The
result is cached per process and reloaded only when a data file changes, so a bilingual
build (one MkDocs build per language) reads and validates the data once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from macros.load.references import Parsed, check_references
from macros.load.settings import DEFAULTS
from macros.load.validation import problems_from
from macros.load.yamlsource import SourceDoc, read_yaml
from macros.model.catalogue import both
from macros.model.core import KnowledgeBase, MatrixFile, Routine
from macros.model.files import MATRIX_DIR, OPTIONAL_FILES, SINGLE_FILES
from macros.model.problems import Problem
from macros.model.refs import RoutineRefs

DATA_DIR = DEFAULTS.data_dir
M = TypeVar("M", bound=BaseModel)


@dataclass
class LoadResult:
    kb: KnowledgeBase | None
    problems: list[Problem] = field(default_factory=list)
    documents: list[SourceDoc] = field(default_factory=list)  # every file that parsed
    singles: dict[str, SourceDoc] = field(default_factory=dict)  # 'roles' → roles.yml

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return self.kb is not None and not self.errors


def data_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def kind_of(path: Path, data_dir: Path) -> str:
    """'organisation', 'roles', … for the fixed files; 'matrix' or 'routine' otherwise."""
    relative = path.relative_to(data_dir)
    if len(relative.parts) == 1 and path.stem in SINGLE_FILES:
        return path.stem
    if relative.parts[0] == MATRIX_DIR:
        return "matrix"
    return "routine"


def _validate(model: type[M], doc: SourceDoc, problems: list[Problem]) -> M | None:
    value, _ = _validate_with_errors(model, doc, problems)
    return value


def _validate_with_errors(model: type[M], doc: SourceDoc,
                          problems: list[Problem]) -> tuple[M | None, list[tuple[str | int, ...]]]:
    """The model, or None plus the locations of the errors (already added to problems)."""
    try:
        return model.model_validate(dict(doc.data)), []
    except ValidationError as exc:
        problems.extend(problems_from(exc, model, doc))
        return None, [tuple(error["loc"]) for error in exc.errors()]


def _load(root: Path, data_dir: Path) -> LoadResult:
    problems: list[Problem] = []
    read: list[tuple[str, SourceDoc | None]] = []
    for path in data_files(data_dir):
        doc, read_problems = read_yaml(path, path.relative_to(root).as_posix())
        problems.extend(read_problems)
        read.append((kind_of(path, data_dir), doc))
    return validate_documents(read, data_dir.relative_to(root).as_posix(), problems)


def validate_documents(read: list[tuple[str, SourceDoc | None]], data_display: str,
                       problems: list[Problem]) -> LoadResult:
    """The knowledge base from parsed documents, each with its kind (None: it did not parse;
    its problems are in ``problems``); ``data_display`` names the data folder in messages."""
    parsed = Parsed()
    seen_single: set[str] = set()
    documents: list[SourceDoc] = []
    singles: dict[str, SourceDoc] = {}
    for kind, doc in read:
        if kind in SINGLE_FILES:
            seen_single.add(kind)
        if doc is None:
            continue
        documents.append(doc)
        if kind == "routine":
            routine, errors = _validate_with_errors(Routine, doc, problems)
            if routine is None:
                parsed.routine_refs.append((RoutineRefs.salvage(doc.data, errors), doc))
            else:
                parsed.routines.append((routine, doc))
                parsed.routine_refs.append((RoutineRefs.of(routine), doc))
        elif kind == "matrix":
            matrix = _validate(MatrixFile, doc, problems)
            if matrix is not None:
                parsed.matrices.append((matrix, doc))
        else:
            singles[kind] = doc
            value = _validate(SINGLE_FILES[kind], doc, problems)
            if value is not None:
                setattr(parsed, kind, (value, doc))
    for kind in SINGLE_FILES:
        if kind not in seen_single and kind not in OPTIONAL_FILES:
            display = f"{data_display}/{kind}.yml"
            problems.append(Problem(display, None, "", both("file_missing"),
                                    both("file_missing_fix", path=display)))
    problems.extend(check_references(parsed))
    return LoadResult(parsed.build(), sorted(problems, key=_order), documents, singles)


def _order(problem: Problem) -> tuple[str, int, str]:
    return (problem.file, problem.line or 0, problem.field)


_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], LoadResult]] = {}
_lock = Lock()


def files_signature(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Changes when a file is added, removed or written: for caches."""
    out = []
    for path in paths:
        stat = path.stat()
        out.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(out)


def load(root: Path, data_dir: str = DATA_DIR) -> LoadResult:
    """Load and validate ``root/data_dir``; cached until a data file changes."""
    root = root.resolve()
    directory = root / data_dir
    if not directory.is_dir():
        return LoadResult(None, [Problem(data_dir, None, "", both("data_dir_missing"),
                                         both("data_dir_missing_fix", folder=data_dir))])
    with _lock:
        signature = files_signature(data_files(directory))
        cached = _cache.get(directory)
        if cached is not None and cached[0] == signature:
            return cached[1]
        with _gc_paused():
            result = _load(root, directory)
        _cache[directory] = (signature, result)
        return result


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Reading a thousand files makes millions of objects and no reference cycles: the cyclic
    garbage collector would only scan them again and again (a third of the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
