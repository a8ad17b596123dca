"""The Content-Security-Policy's script hashes (macros/render/csp.py): computed from the theme,
the same on every page, and what the policy refuses named. The built site and a build that
breaks the policy: tests/site/test_csp.py."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from mkdocs.config import load_config

from macros.render.csp import (
    Policy,
    inline_scripts,
    policy_problems,
    script_hash,
    theme_script_hashes,
)
from tests.conftest import ROOT


def material_partial(name: str) -> str:
    return (Path(material.__file__).parent / "templates" / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hashes() -> tuple[str, ...]:
    return theme_script_hashes(load_config(str(ROOT / "mkdocs.yml")))


def test_a_hash_is_the_sha256_of_the_exact_text() -> None:
    # echo -n "alert(1)" | openssl sha256 -binary | base64
    assert script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert script_hash("alert(1) ") != script_hash("alert(1)")


def test_only_scripts_a_browser_runs_are_inline_scripts() -> None:
    html = ('<script src="a.js"></script><script>one()</script>'
            '<script type="application/json">{"x": 1}</script>'
            '<script type="text/javascript">two()</script><SCRIPT TYPE=module>three()</SCRIPT>'
            '<textarea>&lt;script&gt;not()&lt;/script&gt;</textarea>')
    assert inline_scripts(html) == ["one()", "two()", "three()"]


def test_the_theme_allows_few_scripts_and_never_unsafe_inline(hashes: tuple[str, ...]) -> None:
    assert 3 <= len(hashes) <= 6, hashes
    header = Policy(hashes, ("https://intranat.example.se",)).header()
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    assert header.startswith("default-src 'self'; script-src 'self' 'sha256-")
    for directive in ("object-src 'none'", "base-uri 'self'",
                      "frame-ancestors 'self' https://intranat.example.se"):
        assert directive in header


@pytest.mark.parametrize("name", ["base.html", "outdated.html"])
def test_our_script_partials_are_materials_with_the_page_value_in_an_attribute(
        name: str) -> None:
    """overrides/partials/javascripts/: Material's script, its one page-dependent value
    (scope, base) read from the script element's data attribute."""
    ours = (ROOT / "overrides" / "partials" / "javascripts" / name).read_text(encoding="utf-8")
    theirs = material_partial(f"partials/javascripts/{name}")
    body = inline_scripts(ours)[0]
    original = inline_scripts(theirs)[0]
    value = re.search(r'data-md-(\w+)="([^"]+)"', ours)
    assert value, "the page's value travels in a data-md-* attribute"
    attribute, jinja = value.groups()
    assert f'"{jinja}"' in original or f'new URL("{jinja}")' in original
    expected = original.replace(f'"{jinja}"', f"document.currentScript.dataset.md"
                                              f"{attribute.capitalize()}")
    # outdated.html also resolves the base against the page (Material's throws)
    expected = expected.replace(f"document.currentScript.dataset.md{attribute.capitalize()})",
                                f"document.currentScript.dataset.md{attribute.capitalize()},"
                                "location)")
    assert body == expected


@pytest.mark.parametrize(("html", "found"), [
    ("<p>fine</p><script>__md_scope=1</script>", "an inline script that is not one of"),
    ("<style>p { color: red }</style>", "a <style> element"),
    ('<p style="color: red">x</p>', "a style attribute"),
    ("<p title='a > b' style=color:red>x</p>", "a style attribute"),
])
def test_what_the_policy_refuses_is_named(html: str, found: str) -> None:
    problems = policy_problems(html, ())
    assert len(problems) == 1 and problems[0].startswith(found), problems


def test_escaped_markup_is_text() -> None:
    html = ('<textarea>&lt;iframe style="width: 100%"&gt;&lt;/iframe&gt;</textarea>'
            '<pre><code>&lt;style&gt;x&lt;/style&gt;</code></pre>')
    assert policy_problems(html, ()) == []
