"""The kinds of data file under ``routines/``, one registry: which model validates each, where
it lives, and whether a small site may leave it out. Loading (:mod:`macros.load.loader`), the
JSON Schemas (:mod:`macros.api.schema`) and `kb check` read it; a new kind of file is one row.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from macros.model.core import (
    ContactsFile,
    LegalFile,
    MatrixFile,
    OrganisationFile,
    RevisionsFile,
    RolesFile,
    Routine,
    TagsFile,
)
from macros.model.guides import GlossaryFile, SituationsFile, TrainingFile
from macros.model.synonyms import SynonymsFile

MATRIX_DIR = "matrices"  # routines/matrices/*.yml: one responsibility matrix per file


@dataclass(frozen=True)
class FileKind:
    name: str  # 'organisation' → routines/organisation.yml; 'matrix', 'routine': many files
    model: type[BaseModel]
    single: bool = True  # one fixed file, routines/<name>.yml
    optional: bool = False  # a small site may leave it out: its pages then show nothing


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("organisation", OrganisationFile),
    FileKind("roles", RolesFile),
    FileKind("contacts", ContactsFile),
    FileKind("legal", LegalFile),
    FileKind("revisions", RevisionsFile),
    FileKind("tags", TagsFile),
    FileKind("situations", SituationsFile, optional=True),
    FileKind("glossary", GlossaryFile, optional=True),
    FileKind("training", TrainingFile, optional=True),
    FileKind("synonyms", SynonymsFile, optional=True),  # the search's synonym list
    FileKind("matrix", MatrixFile, single=False),  # routines/matrices/*.yml
    FileKind("routine", Routine, single=False),  # every other file under routines/
)
MODELS: dict[str, type[BaseModel]] = {kind.name: kind.model for kind in FILE_KINDS}
SINGLE_FILES: dict[str, type[BaseModel]] = {k.name: k.model for k in FILE_KINDS if k.single}
OPTIONAL_FILES = frozenset(kind.name for kind in FILE_KINDS if kind.optional)
