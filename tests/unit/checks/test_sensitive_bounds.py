"""Personal identity numbers and mobile numbers at the edges of the rules the personal-data
check follows (macros/checks/sensitive.py): dates, check digits, prefixes and separators."""

from __future__ import annotations

import pytest

from macros.checks.sensitive import find_sensitive, luhn_valid


def with_check(nine: str) -> str:
    """``nine`` digits (YYMMDDNNN) and the check digit that makes them valid."""
    return next(nine + digit for digit in "0123456789" if luhn_valid(nine + digit))


def kinds(text: str) -> list[str]:
    return [finding.kind for finding in find_sensitive(text)]


@pytest.mark.parametrize(("date", "found"), [
    ("900101", True), ("901231", True), ("901001", True), ("900110", True),
    ("900001", False), ("901301", False), ("900100", False), ("900132", False),
    ("900161", True), ("900191", True),  # samordningsnummer: the day + 60
    ("900160", False), ("900192", False),
])
def test_the_date_must_be_a_date(date: str, found: bool) -> None:
    number = with_check(date + "123")
    assert kinds(f"Nummer {number[:6]}-{number[6:]} här") == (["personal_number"] if found
                                                              else [])


def test_the_check_digit_counts_a_doubled_five() -> None:
    number = "5505055052"  # 5 doubled three times: 10 counts as 1 (1 + 0)
    assert luhn_valid(number) and kinds(number) == ["personal_number"]
    assert not luhn_valid("5505055051") and not luhn_valid("5505055053")
    assert luhn_valid("0000000000") and not luhn_valid("0000000001")


def test_a_text_with_every_digit_is_still_read() -> None:
    text = "Ärende 0123456789, barnet har 121212-1212."
    findings = list(find_sensitive(text))
    assert [f.kind for f in findings] == ["personal_number"]
    assert text[findings[0].start:findings[0].end] == "121212-1212"


@pytest.mark.parametrize("text", [
    "072-123 45 67", "0721234567", "070 123 45 67", "079-123 45 67", "076-1234567",
    "0046-70-123 45 67", "0046 70 123 45 67", "+46-70-123 45 67", "+46 (0) 70 123 45 67",
    "+46(0)70-1234567", "+4670 123 45 67",
])
def test_mobile_numbers_in_every_spelling(text: str) -> None:
    assert kinds(text) == ["mobile"], text
    finding = next(find_sensitive(f"Ring {text}."))
    assert (finding.start, finding.end) == (5, 5 + len(text))


@pytest.mark.parametrize("text", [
    "1070-123 45 67",   # a digit right before: part of another number
    "070-123 45 678",   # a digit right after
    "074-123 45 67", "071-123 45 67", "075-123 45 67", "077-123 45 67", "078-123 45 67",
    "070--123 45 67",   # two separators
])
def test_not_a_mobile_number(text: str) -> None:
    assert "mobile" not in kinds(text), text


def test_a_personal_number_next_to_digits_is_not_one() -> None:
    assert kinds("9121212-1212") == [] and kinds("121212-12121") == []
    assert kinds("+121212-1212") == []
