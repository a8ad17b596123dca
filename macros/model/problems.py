"""One format for every content problem: where (file:line), what (field), and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from macros.model.catalogue import both


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str
    fix: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f"{self.field}: " if self.field else ""
        fix = f" — {self.fix}" if self.fix else ""
        return f"{where}: {self.severity.value}: {field}{self.message}{fix}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = len({p.file for p in problems})
    return both("cli_summary", errors=errors, warnings=warnings, files=files)
