"""macros/build/html_compact.py: the theme's blank lines and indentation go, what is shown stays."""

from __future__ import annotations

from markupsafe import Markup

from macros.build.html_compact import compact_whitespace


def test_each_line_break_and_the_indentation_after_it_become_one_line_break() -> None:
    html = '<li class="md-nav__item">\n    \n  <a href="x/">\n    \n      Title\n  \n  </a>\n</li>'
    compact = '<li class="md-nav__item">\n<a href="x/">\nTitle\n</a>\n</li>'
    assert compact_whitespace(html) == compact


def test_spaces_within_a_line_and_non_breaking_spaces_stay() -> None:
    html = "<span>two  words</span>\u00a0\n  <b>a\u00a0b</b>  \n\n  end"
    assert compact_whitespace(html) == "<span>two  words</span>\u00a0\n<b>a\u00a0b</b>  \nend"


def test_preformatted_text_scripts_and_styles_are_kept_as_they_are() -> None:
    kept = ("<pre>\n  indented\n\n  code\n</pre>",
            '<textarea id="kb-embed-code">\n  line 1\n\n  line 2</textarea>',
            "<SCRIPT>\n  var a = 1;\n\n  var b = 2;\n</SCRIPT>",
            '<style media="print">\n  @page {\n    margin: 0;\n  }\n</style>')
    for part in kept:
        assert compact_whitespace(f"<div>\n  \n{part}\n   \n</div>") == f"<div>\n{part}\n</div>"


def test_the_result_is_markup_for_the_templates() -> None:
    result = compact_whitespace("<a>\n  x</a>")
    assert isinstance(result, Markup)
    assert str(result) == "<a>\nx</a>"
