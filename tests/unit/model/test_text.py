"""Bilingual text values: fallback, no HTML, only safe link schemes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from macros.model.text import MarkdownText, PlainText


def test_english_present_is_used() -> None:
    assert PlainText(sv="Hej", en="Hello").get("en") == ("Hello", False)


def test_missing_english_falls_back_to_swedish() -> None:
    assert PlainText(sv="Hej").get("en") == ("Hej", True)
    assert PlainText(sv="Hej").get("sv") == ("Hej", False)


def test_swedish_is_required() -> None:
    with pytest.raises(ValidationError):
        PlainText.model_validate({"en": "Hello"})


@pytest.mark.parametrize("value", [
    "<script>alert(1)</script>",
    "Titel <b>fet</b>",
    "x</p>",
    "<!-- kommentar -->",
    "< img src=x onerror=alert(1)>",
])
def test_html_is_rejected(value: str) -> None:
    with pytest.raises(ValidationError, match="HTML"):
        PlainText(sv=value)
    with pytest.raises(ValidationError, match="HTML"):
        MarkdownText(sv="ok", en=value)


@pytest.mark.parametrize("value", ["5 < 6", "a<>b", "x > y", "pil <- här"])
def test_comparison_signs_are_not_html(value: str) -> None:
    assert PlainText(sv=value).sv == value


@pytest.mark.parametrize("value", [
    "[klicka](javascript:alert(1))",
    "[klicka]( JavaScript:alert(1))",
    "[klicka](<javascript:alert(1)>)",
    "![bild](data:text/html;base64,xx)",
    "[x][r] [r]: vbscript:msgbox",
])
def test_unsafe_links_are_rejected(value: str) -> None:
    with pytest.raises(ValidationError, match="not allowed"):
        MarkdownText(sv=value)


@pytest.mark.parametrize("value", [
    "[Socialstyrelsen](https://www.socialstyrelsen.se)",
    "[ring](tel:112)", "[mejla](mailto:a@b.se)", "[rutin](../annan.md)",
])
def test_safe_links_are_accepted(value: str) -> None:
    assert MarkdownText(sv=value).sv == value


def test_blank_text_is_rejected() -> None:
    with pytest.raises(ValidationError, match="empty"):
        PlainText(sv="   ")
