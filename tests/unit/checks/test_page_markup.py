"""Links and raw HTML in prose pages (macros/checks/page_markup.py): every way of the issue's
attacks is an error with its line; code, autolinks and the allowed HTML are not. That it stops
a build: tests/site/test_page_markup.py."""

from __future__ import annotations

import pytest

from macros.checks.page_markup import ALLOWED_ELEMENTS, markup_in_pages, mask_code, page_problems
from macros.load.page_files import PageText
from tests.conftest import FIXTURE_SITE, ROOT

FRONT = "---\nowner: x\nlast_reviewed: 2020-01-01\nreview_interval_months: 12\n---\n"


def _problems(body: str) -> list[tuple[int | None, str, str]]:
    page = PageText("x.md", "docs/x.md", FRONT + body)
    return [(p.line, p.field, p.message) for p in page_problems(page)]


REFUSED = [
    ("[x](javascript:alert(1))", "link", "goes to javascript:"),
    ("[x](JaVaScRiPt:alert(1))", "link", "goes to javascript:"),
    ("[x]( <javascript:alert(1)> )", "link", "goes to javascript:"),
    ("[r]: javascript:alert(1)\n\n[x][r]", "link", "goes to javascript:"),
    ("[r]: <vbscript:msgbox(1)>", "link", "goes to vbscript:"),
    ("[x](java&#x09;script:alert(1))", "link", "goes to javascript:"),
    ("![x](data:image/svg+xml,<svg onload=alert(1)>)", "link", "goes to data:"),
    ("<javascript:alert(1)>", "link", "goes to javascript:"),
    ("[x](//evil.example/)", "link", "goes to //"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "html", "goes to javascript:"),
    ('<a href=" java\tscript:alert(1)">x</a>', "html", "goes to javascript:"),
    ('<img src="data:text/html,x" alt="">', "html", "goes to data:"),
    ('<blockquote cite="file:///etc">q</blockquote>', "html", "goes to file:"),
    ("<img src=x onerror=alert(1)>", "html", "onerror on <img> runs script"),
    ("<IMG SRC=x ONERROR=alert(1)>", "html", "onerror on <img> runs script"),
    ("<details open ontoggle=alert(1)>", "html", "ontoggle on <details> runs script"),
    ('<img src="x"onerror=alert(1)>', "html", "onerror on <img>"),
    ("<svg/onload=alert(1)>", "html", "<svg> is not allowed"),
    ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "html", "<svg> is not allowed"),
    ('<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>', "html",
     "<math> is not allowed"),
    ("<script>alert(1)</script>", "html", "<script> is not allowed"),
    ('<iframe src="https://example.org"></iframe>', "html", "<iframe> is not allowed"),
    ('<object data="x.swf"></object>', "html", "<object> is not allowed"),
    ('<embed src="x.swf">', "html", "<embed> is not allowed"),
    ('<form action="https://x"><input name=q></form>', "html", "<form> is not allowed"),
    ("<style>body{display:none}</style>", "html", "<style> is not allowed"),
    ('<base href="https://evil.example/">', "html", "<base> is not allowed"),
    ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "html",
     "<meta> is not allowed"),
    ('<p style="color:red">x</p>', "html", "the attribute style is not allowed on <p>"),
    ('<a href="https://x" target="_blank">x</a>', "html", "target is not allowed on <a>"),
    ("<marquee>x</marquee>", "html", "<marquee> is not among the HTML"),
    ("<!-- <img src=x onerror=alert(1)> -->", "html", "onerror on <img>"),
    ("# Rubrik {: onclick=alert(1) }", "attr_list", "attr_list sets onclick"),
    ("# Rubrik { onmouseover=alert(1) }", "attr_list", "attr_list sets onmouseover"),
    ('[x](https://ok){: href="javascript:alert(1)" }', "attr_list", "attr_list sets href"),
    ("**fet**{ onclick=alert(1) } text", "attr_list", "attr_list sets onclick"),
    ("![bild](bild.png){ style=x }", "attr_list", "attr_list sets style"),
    ("{: onclick=alert(1) }\n\nStycke", "attr_list", "attr_list sets onclick"),
    ('<div><img src="`" onerror=alert(1)>`</div>', "html", "onerror on <img>"),
    ('Text <img src="`" onerror=alert(1)>`.', "html", "onerror on <img>"),
]


@pytest.mark.parametrize(("body", "field", "says"), REFUSED, ids=[c[0][:40] for c in REFUSED])
def test_refused_with_its_line_and_both_languages(body: str, field: str, says: str) -> None:
    found = _problems("# Sida\n\n" + body + "\n")
    assert found, body
    line, got_field, message = found[0]
    assert line == FRONT.count("\n") + 3, found
    assert got_field == field and says in message, found
    assert " / " in message  # Swedish / English


ALLOWED = [
    "[Socialstyrelsen](https://www.socialstyrelsen.se) [ring](tel:112) [mejl](mailto:a@b.se)",
    "[sida](annan.md#rubrik) [här](#rubrik) ![bild](bilder/a.png)",
    "<http://127.0.0.1:8000> och <samordnare@kommun.example>",
    '<div class="grid cards" markdown>\n\n- **Kort**\n\n</div>',
    '<a href="{{ \'api/routines.json\' | relative_url }}"><code>api/routines.json</code></a>',
    '<abbr title="Våld i nära relationer">VINR</abbr> <kbd>Ctrl</kbd> <br> <sup>1</sup>',
    '<details open markdown><summary>Mer</summary>\n\nText\n\n</details>',
    '<table><tr><td colspan="2" align="right">x</td></tr></table>',
    '<img src="bild.png" alt="Bild" width="200"> <span lang="en" aria-label="x">y</span>',
    "# Rubrik {: #ankare .klass title=\"T\" }",
    "[knapp](a.md){ .md-button }",
    "{{ checklist(\"orosanmalan\") }} {{ contact_table(scope=\"national\") }}",
    "Mängden {ett, två} är text och data: här är inte en länk.",
    "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```",
    "~~~\n[x](javascript:alert(1))\n~~~",
    "- Lista\n\n    ```js\n    <script>x</script>\n    ```",
    "Koden `<img src=x onerror=alert(1)>` och ``[x](javascript:y)`` visas som text.",
]


@pytest.mark.parametrize("body", ALLOWED, ids=[c[:40] for c in ALLOWED])
def test_allowed(body: str) -> None:
    assert _problems("# Sida\n\n" + body + "\n") == []


def test_a_fence_that_does_not_hold_its_lines_hides_nothing() -> None:
    body = "    ```\n<img src=x onerror=alert(1)>\n    ```\n"
    assert [f for _, f, _ in _problems(body)] == ["html"]
    body = "```\n<img src=x onerror=alert(1)>\n"  # never closed: not a block
    assert [f for _, f, _ in _problems(body)] == ["html"]


def test_masking_keeps_every_line_in_place() -> None:
    text = FRONT + "# A\n\n```\ncode\n```\n\n`x` [y](z)\n"
    masked = mask_code(text)
    assert masked.count("\n") == text.count("\n") and len(masked) == len(text)
    assert "code" not in masked and "[y](z)" in masked and "owner" not in masked


def test_an_attribute_on_a_later_line_of_its_tag_is_named_there() -> None:
    found = _problems('<img src="a.png"\n     alt="x"\n     onerror="alert(1)">\n')
    assert [line for line, _, _ in found] == [FRONT.count("\n") + 3]


def test_the_allow_list_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ALLOWED_ELEMENTS
    section = readme.split("### Raw HTML in pages", 1)[1].split("\n#", 1)[0]
    for element in sorted(ALLOWED_ELEMENTS):
        assert f"`{element}`" in section, element


def test_the_repository_pages_and_the_fixture_pass() -> None:
    assert markup_in_pages(ROOT / "docs", ROOT) == []
    assert markup_in_pages(FIXTURE_SITE / "docs", FIXTURE_SITE) == []
