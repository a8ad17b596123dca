"""The site's own stylesheets and scripts, small and out of the way of the first paint.

- :func:`minify_assets`: ``assets/kb/*.css`` and ``*.js`` (from ``overrides/``) are written
  minified (rcssmin, rjsmin), at the same addresses.
- :func:`inline_assets`: the few scripts that must run before the page is drawn
  (``assets/kb/embed-head.js``) go into the head as inline scripts, minified, instead of a
  request that would hold up the first paint; the Content-Security-Policy allows them by their
  hash (macros/render/csp.py).
- :func:`defer_scripts`: a Jinja filter for template blocks (overrides/main.html) that loads
  every external script with ``defer``: the browser draws the page first and runs the scripts
  in their order once the HTML is read, before ``DOMContentLoaded``, as a script at the end
  of the body would run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import rcssmin
import rjsmin
from markupsafe import Markup
from mkdocs.structure.files import Files

OWN_ASSETS = "assets/kb/"
INLINE_SCRIPTS = ("assets/kb/embed-head.js",)  # in every page's head (partials/kb-embed-head)
_EXTERNAL_SCRIPT = re.compile(r"<script\b(?=[^>]*\ssrc=)(?![^>]*\s(?:defer|async)\b)([^>]*)>",
                              re.I)


def minify(name: str, text: str) -> str:
    """``text`` of the stylesheet or script ``name`` without comments and spare whitespace."""
    if name.endswith(".css"):
        return str(rcssmin.cssmin(text)).strip() + "\n"
    if name.endswith(".js"):
        return str(rjsmin.jsmin(text)).strip() + "\n"
    return text


def minify_assets(files: Files) -> None:
    """Give the site's own CSS and JS files (``assets/kb/``) their minified content."""
    for file in files:
        name = file.src_uri
        if name.startswith(OWN_ASSETS) and name.endswith((".css", ".js")):
            file.content_string = minify(name, file.content_string)


def inline_assets(theme_dirs: Iterable[str | Path]) -> dict[str, str]:
    """Name → minified text of each of :data:`INLINE_SCRIPTS`, from the first theme folder
    (overrides/ first) that has it."""
    dirs = [Path(d) for d in theme_dirs]
    texts = {}
    for name in INLINE_SCRIPTS:
        source = next((d / name for d in dirs if (d / name).is_file()), None)
        if source is None:
            folders = ", ".join(map(str, dirs))
            raise FileNotFoundError(f"{name}: not in the theme folders ({folders})")
        text = minify(name, source.read_text(encoding="utf-8")).strip()
        if "</" in text:  # would end the <script> element early
            raise ValueError(f"{source}: '</' cannot be inlined in a <script>; write '<\\/'")
        texts[name] = text
    return texts


def defer_scripts(html: str) -> Markup:
    """``html`` with ``defer`` on every ``<script src=…>`` that has neither it nor ``async``."""
    return Markup(_EXTERNAL_SCRIPT.sub(r"<script\1 defer>", str(html)))
