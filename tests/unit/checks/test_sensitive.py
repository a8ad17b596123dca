"""Personal identity numbers and mobile numbers: found, masked, and no false alarms on the
numbers a routine legitimately contains (dates, decision references, service numbers)."""

from __future__ import annotations

import pytest

from macros.checks.sensitive import find_sensitive, luhn_valid


@pytest.mark.parametrize("text", [
    "121212-1212", "19121212-1212", "191212121212", "1212121212",
    "121212+1212",  # over 100 years old
    "Barnet (121272-1219) berättade",  # samordningsnummer: day + 60
])
def test_personal_identity_numbers_are_found(text: str) -> None:
    kinds = [f.kind for f in find_sensitive(text)]
    assert kinds == ["personal_number"], text


@pytest.mark.parametrize("text", [
    "121212-1213",       # wrong check digit
    "121312-1212",       # month 13
    "2026-11-20", "KS 2026/58", "SN 2019/45", "08-123 456 00", "020-50 50 50",
    "212000-0142",       # an organisation number (month 20)
    "1121212121212",     # part of a longer number
])
def test_no_false_alarms(text: str) -> None:
    assert list(find_sensitive(text)) == []


@pytest.mark.parametrize("text", [
    "070-123 45 67", "0701234567", "073-1234567", "+46 70 123 45 67", "+46701234567",
    "+46 (0)70-123 45 67", "0046 76 123 45 67", "tel:+46791234567",
])
def test_mobile_numbers_are_found(text: str) -> None:
    assert [f.kind for f in find_sensitive(text)] == ["mobile"], text


@pytest.mark.parametrize("text", ["0771-21 92 00", "0775-12 34 56", "0741234567", "08-070 12 34"])
def test_service_and_landline_numbers_are_not_mobiles(text: str) -> None:
    assert list(find_sensitive(text)) == []


def test_findings_are_masked_and_located() -> None:
    text = "Ring 070-123 45 67 eller skriv 121212-1212."
    findings = sorted(find_sensitive(text), key=lambda f: f.start)
    assert [f.masked for f in findings] == ["***-*** ** 67", "******-**12"]
    assert text[findings[0].start:findings[0].end] == "070-123 45 67"
    assert all("12 34" not in f.message and "1212-" not in f.message for f in findings)


def test_luhn() -> None:
    assert luhn_valid("1212121212")
    assert not luhn_valid("1212121213")
