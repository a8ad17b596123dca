"""Personal data that must never be published: Swedish personal identity numbers and mobile
numbers. Matches are reported masked, so a CI log does not repeat them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from macros.model.catalogue import both

# 10 digits (YYMMDD-NNNN, also with + for 100-year-olds) or 12 (YYYYMMDD-NNNN), separator
# optional; not part of a longer number.
_PERSONAL = re.compile(r"(?<![\d+])(?:(?:19|20)(\d{6})|(\d{6}))[-+]?(\d{4})(?![\d])")
# Mobile prefixes 070, 072, 073, 076 and 079 (0771 and 0775 are service numbers), written
# 07X-XXX XX XX, +46 7X …, 0046 7X … or +46 (0)7X …, one space or hyphen between digits.
_MOBILE = re.compile(
    r"(?<![\d+])(?:\+46[ -]?(?:\(0\)[ -]?)?|0046[ -]?|0)7[02369](?:[ -]?\d){7}(?![\d])"
)

Kind = Literal["personal_number", "mobile"]
_KEYS: dict[Kind, str] = {"personal_number": "sens_personal_number", "mobile": "sens_mobile"}


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    masked: str

    @property
    def message(self) -> str:
        """In Swedish / English; names the number only masked."""
        return both(_KEYS[self.kind], masked=self.masked)

    @property
    def fix(self) -> str:
        return both(f"{_KEYS[self.kind]}_fix")


def luhn_valid(digits: str) -> bool:
    """The Luhn check that the last digit of a personal identity number satisfies."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return total % 10 == 0


def _plausible_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > 60:  # samordningsnummer: day + 60
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def _mask(text: str, keep_last: int = 2) -> str:
    digits_seen = sum(c.isdigit() for c in text)
    out, index = [], 0
    for char in text:
        if char.isdigit():
            index += 1
            out.append(char if index > digits_seen - keep_last else "*")
        else:
            out.append(char)
    return "".join(out)


def find_sensitive(text: str) -> Iterator[Finding]:
    """Every personal identity number (valid date and check digit) and mobile number."""
    if not any(digit in text for digit in "0123456789"):
        return  # both need digits: most texts have none and skip the slower patterns
    for match in _PERSONAL.finditer(text):
        date_part = match.group(1) or match.group(2)
        if _plausible_date(date_part) and luhn_valid(date_part + match.group(3)):
            yield Finding("personal_number", match.start(), match.end(), _mask(match.group()))
    for match in _MOBILE.finditer(text):
        yield Finding("mobile", match.start(), match.end(), _mask(match.group()))
