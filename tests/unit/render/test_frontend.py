"""Front-end weight (macros/render/frontend.py): nothing holds up the first paint but the
stylesheets the page needs, and the site's own CSS and JS are minified at build. The built
site: tests/site/test_frontend.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.render.frontend import defer_scripts, inline_assets, minify
from tests.conftest import ROOT


def test_defer_is_added_once_and_never_to_inline_scripts() -> None:
    html = ('<script src="a.js"></script><script src="b.js" defer></script>'
            '<script async src="c.js"></script><script>inline()</script>')
    assert str(defer_scripts(html)) == (
        '<script src="a.js" defer></script><script src="b.js" defer></script>'
        '<script async src="c.js"></script><script>inline()</script>')


@pytest.mark.parametrize(("name", "source", "kept"), [
    ("a.css", "/* note */\n.a  {\n  color : red ;\n}\n", ".a{color:red}"),
    ("a.js", "/* note */\nvar  a = 1;  // why\nvar s = '  /* kept */  ';\n",
     "var a=1;var s='  /* kept */  ';"),
])
def test_minify_drops_comments_and_space_but_not_strings(name: str, source: str,
                                                         kept: str) -> None:
    assert minify(name, source).strip() == kept


def test_inlined_scripts_are_the_minified_files() -> None:
    inline = inline_assets([ROOT / "overrides"])
    assert list(inline) == ["assets/kb/embed-head.js"]
    text = inline["assets/kb/embed-head.js"]
    assert 'classList.add("kb-embed")' in text and "/*" not in text


def test_a_script_that_would_end_its_element_cannot_be_inlined(tmp_path: Path) -> None:
    (tmp_path / "assets" / "kb").mkdir(parents=True)
    (tmp_path / "assets" / "kb" / "embed-head.js").write_text('x = "</script>";\n',
                                                              encoding="utf-8")
    with pytest.raises(ValueError, match="cannot be inlined"):
        inline_assets([tmp_path])
