"""The one link rule (macros/model/link_rule.py): what a link may point at, however written."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from macros.model.core import Contact, Routine
from macros.model.link_rule import (
    allowed,
    link_message,
    markdown_targets,
    normalise,
    refused_scheme,
    refused_targets,
    shown,
    text_link_problem,
)
from macros.model.rules import PageMeta
from macros.model.text import Keywords, MarkdownText, PlainText

REFUSED = [
    ("javascript:alert(1)", "javascript:"),
    ("JaVaScRiPt:alert(1)", "javascript:"),
    (" javascript:alert(1)", "javascript:"),
    ("\x01javascript:alert(1)", "javascript:"),
    ("java\tscript:alert(1)", "javascript:"),
    ("java\nscript:alert(1)", "javascript:"),
    ("java\rscript:alert(1)", "javascript:"),
    ("java&#x09;script:alert(1)", "javascript:"),
    ("java&#9;script:alert(1)", "javascript:"),
    ("java&Tab;script:alert(1)", "javascript:"),
    ("&#106;avascript:alert(1)", "javascript:"),
    ("&#x6A;avascript:alert(1)", "javascript:"),
    ("&#106avascript:alert(1)", "javascript:"),  # no semicolon: still a reference
    ("&amp;#106;avascript:alert(1)", "javascript:"),  # encoded twice
    ("javascript&colon;alert(1)", "javascript:"),
    ("javascript&#58;alert(1)", "javascript:"),
    ("data:text/html;base64,PHNjcmlwdD4=", "data:"),
    ("DATA:image/svg+xml,<svg onload=alert(1)>", "data:"),
    ("vbscript:msgbox(1)", "vbscript:"),
    ("file:///etc/passwd", "file:"),
    ("ftp://example.org/x", "ftp:"),
    ("blob:https://x/1", "blob:"),
    ("x-custom+1.2-a:thing", "x-custom+1.2-a:"),
    ("//evil.example/path", "//"),
    ("\\\\evil.example", "//"),
    ("/\\evil.example", "//"),
    (" //evil.example", "//"),
]
ALLOWED = [
    "https://www.socialstyrelsen.se/", "HTTPS://EXAMPLE.SE", "http://example.se",
    "mailto:samordnare@kommun.example", "tel:+46812345678", "Tel:112",
    "../annan.md", "annan.md#rubrik", "#rubrik", "?q=våld", "/gallande/", "./",
    "rutiner/x.md#a:b", "", "sida.md?x=a:b", "a/b:c",
]


@pytest.mark.parametrize(("target", "scheme"), REFUSED)
def test_refused_whatever_the_spelling(target: str, scheme: str) -> None:
    assert refused_scheme(target) == scheme
    assert not allowed(target)


@pytest.mark.parametrize("target", ALLOWED)
def test_allowed_links(target: str) -> None:
    assert refused_scheme(target) is None
    assert allowed(target)


def test_normalise_decodes_and_drops_what_browsers_ignore() -> None:
    assert normalise(" ja\tva\nsc&#114;ipt :x ") == "javascript:x"
    assert normalise("&amp;amp;") == "&"
    assert normalise("a\x7fb\x00c") == "abc"
    assert normalise("&amp;amp;amp;amp;amp;lt;") == "&amp;lt;"  # four rounds, no more


def test_markdown_targets_every_form_with_its_offset() -> None:
    text = ("[a](one) ![b]( two \"t\") [c](<three four>)\n"
            "[ref]: five\n[ref2]:\n  six\n<seven:x>")
    found = dict(markdown_targets(text))
    assert sorted(found.values()) == ["five", "one", "seven:x", "six", "three four", "two"]
    for offset, target in found.items():
        assert text[offset:offset + len(target)] == target


def test_refused_targets_in_order_and_once() -> None:
    text = "[a](https://ok) [b](<javascript:x>) then <vbscript:y> [r]: data:z"
    assert [(t, s) for _, t, s in refused_targets(text)] == [
        ("javascript:x", "javascript:"), ("vbscript:y", "vbscript:"), ("data:z", "data:")]
    assert list(refused_targets("[a](https://ok) [b](#x) <mailto:a@b.se>")) == []


def test_shown_is_one_short_line() -> None:
    assert shown("java\nscript:x") == "'java script:x'"
    assert shown("a" * 60) == repr("a" * 60)
    assert shown("a" * 61) == repr("a" * 60 + "…")
    assert shown("x — y") == "'x - y'"


def test_message_is_bilingual_and_names_the_target() -> None:
    message, fix = link_message("javascript:alert(1)", "javascript:")
    assert message == ("länken 'javascript:alert(1)' går till javascript:, som inte är tillåtet"
                       " / the link 'javascript:alert(1)' goes to javascript:, which is not "
                       "allowed")
    assert "https:, http:, mailto:, tel:" in fix and " / " in fix
    problem = text_link_problem("Läs [här](data:text/html,x) och [där](javascript:y)")
    assert problem is not None
    assert problem.startswith("länken 'data:text/html,x' går till data:")
    assert problem.count(" — ") == 1
    assert text_link_problem("[ok](https://x.se) och [rutin](../r.md)") is None


@pytest.mark.parametrize("make", [
    lambda v: PlainText(sv=v), lambda v: MarkdownText(sv="ok", en=v),
    lambda v: Keywords(sv=["ord", v]),
    lambda v: PlainText(sv="x", en=v),
    lambda v: PageMeta(owner="x", last_reviewed="2020-01-01", review_interval_months=12,
                       title=v),
])
def test_every_text_type_follows_the_rule(make: object) -> None:
    with pytest.raises(ValidationError, match="goes to javascript:, which is not allowed"):
        make("[x](javascript:alert(1))")  # type: ignore[operator]


def test_web_addresses_get_the_rules_message() -> None:
    with pytest.raises(ValidationError, match="goes to javascript:") as raised:
        Contact(id="x", scope="national", name=PlainText(sv="X"), web="javascript:alert(1)")
    assert raised.value.errors()[0]["type"] == "link_refused"  # worded by the catalogue
    contact = Contact(id="x", scope="national", name=PlainText(sv="X"),
                      web="https://example.se")
    assert str(contact.web) == "https://example.se/"


def test_decision_reference_follows_the_rule() -> None:
    fields = Routine.model_fields
    assert "decision_ref" in fields
    with pytest.raises(ValidationError, match="not allowed"):
        Routine.model_validate({"decision_ref": "[x](vbscript:y)"})


def test_an_empty_target_is_an_empty_string() -> None:
    assert list(markdown_targets("[a]() [b]: <>")) == [(4, ""), (12, "")]
