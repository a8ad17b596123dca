"""The escaping of text from the data (macros/model/markdown.py), exactly: each character
Markdown reads as syntax comes through literally, and nothing else changes (issue 15)."""

from __future__ import annotations

import markdown
import pytest

from macros.model.markdown import cell, inline, one_line, plain, tel_href

SPECIAL = "\\`*_[]{}()#+!"


@pytest.mark.parametrize("char", list(SPECIAL))
def test_plain_escapes_each_markdown_character(char: str) -> None:
    assert plain(f"a{char}b") == f"a\\{char}b"
    assert markdown.markdown(plain(f"x {char}{char}y{char}{char} [z](w) {char}")) == \
        f"<p>x {char}{char}y{char}{char} [z](w) {char}</p>"


def test_plain_escapes_html_but_not_quotes() -> None:
    assert plain('<b> & "q" \'s\'') == '&lt;b&gt; &amp; "q" \'s\''
    assert inline('<b> & "q" \'s\'') == '&lt;b&gt; &amp; "q" \'s\''


@pytest.mark.parametrize(("value", "escaped", "shown"), [
    ("- punkt", "\\- punkt", "- punkt"),
    ("1. punkt", "1\\. punkt", "1. punkt"),
    ("12) punkt", "12\\) punkt", "12) punkt"),
    ("a - b 1. c", "a - b 1. c", "a - b 1. c"),
    ("-", "\\-", "-"),
    ("2026-01-01", "2026-01-01", "2026-01-01"),
])
def test_plain_never_starts_a_list(value: str, escaped: str, shown: str) -> None:
    assert plain(value) == escaped
    assert markdown.markdown(plain(value)) == f"<p>{shown}</p>"


def test_inline_keeps_markdown_and_escapes_only_braces_and_html() -> None:
    assert inline("**a** _b_ `c` [d](e) {: onclick=x } <i>") == \
        "**a** _b_ `c` [d](e) \\{: onclick=x \\} &lt;i&gt;"
    html = markdown.markdown(inline("[x](y){: onclick=alert(1) }"), extensions=["attr_list"])
    assert "onclick" not in html.split(">", 1)[0] and "{: onclick=alert(1) }" in html


def test_one_line_and_cell() -> None:
    assert one_line("  a\n\tb  \r\n c ") == "a b c"
    assert cell("a | b|c") == "a \\| b\\|c"


def test_tel_href_keeps_the_plus_and_digits() -> None:
    assert tel_href("+46 8-123 45 (0)") == "tel:+46812345" + "0"
    assert tel_href("020-50 50 50") == "tel:020505050"
