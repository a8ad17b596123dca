"""The Content-Security-Policy of the site: which scripts may run, computed from the theme.

Every script the site runs is a file of its own ('self') or one of the theme's few inline
scripts, allowed by its sha256 hash — never ``'unsafe-inline'``. The hashes come from
rendering the theme's script partials (``partials/javascripts/``, our ``overrides/`` first,
then Material's) with the project's configuration: the partials the pages include, in the
form they include them. A value that depends on the page travels in an attribute of the
``<script>`` element (overrides/partials/javascripts/), so each script's text, and its hash,
is the same on every page. The build checks every page it writes against these hashes
(:func:`policy_problems`): a page with any other inline script stops the build and is named.
Inline styles are refused too (``style-src`` falls back to ``default-src 'self'``), so the
check names any ``<style>`` element or ``style`` attribute as well. Workers may only come from
the site's own files (``worker-src 'self'``); the search worker is served with a policy of its
own (:data:`WORKER_POLICY`), the only place WebAssembly may be compiled.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from macros.render.frontend import inline_assets

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"""\ssrc\s*=""", re.I)
_STYLE_ELEMENT = re.compile(r"<style\b", re.I)
# a start tag with its attributes (quoted values may hold ">"); text in pages has "<" escaped
_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*((?:\s+[^\s=/>"']+"""
                  r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>""")
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=""", re.I)
# MIME types a browser runs as script (no type is JavaScript too)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module",
                 "text/ecmascript", "application/ecmascript"}
# Material's partials with inline scripts that every page of a published version includes
# (outdated.html: every version has the banner's script; base.html includes them).
_ALWAYS = ("partials/javascripts/base.html", "partials/javascripts/content.html",
           "partials/javascripts/outdated.html")


def script_hash(body: str) -> str:
    """The CSP source for an inline script: ``'sha256-…'`` of its exact text (UTF-8)."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run in ``html`` (not ``src=``, not
    data blocks such as ``type="application/json"``)."""
    bodies = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.groups()
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind is not None and kind.group(1).lower() not in _SCRIPT_TYPES:
            continue
        bodies.append(body)
    return bodies


def script_partials(config: Any) -> list[str]:
    """The theme's script partials the pages include with this configuration (as Material's
    base.html and header.html decide)."""
    features = config.theme.get("features") or []
    names = list(_ALWAYS)
    if not isinstance(config.theme.get("palette"), Mapping):  # header.html: also without one
        names.append("partials/javascripts/palette.html")
    if "announce.dismiss" in features:
        names.append("partials/javascripts/announce.html")
    if config.extra.get("consent"):
        names.append("partials/javascripts/consent.html")
    return names


def theme_script_hashes(config: Any) -> tuple[str, ...]:
    """The hashes of the inline scripts the theme puts into pages, sorted: each script
    partial rendered through the theme's own templates (overrides first), and our scripts
    that go inline into every head (macros/render/frontend.py)."""
    env = config.theme.get_env()
    context = {"config": config, "features": config.theme.get("features") or [],
               "base_url": "."}
    hashes = {script_hash(body)
              for name in script_partials(config)
              for body in inline_scripts(env.get_template(name).render(context))}
    hashes.update(script_hash(text) for text in inline_assets(config.theme.dirs).values())
    return tuple(sorted(hashes))


def project_script_hashes(config: Any) -> tuple[str, ...]:
    """:func:`theme_script_hashes` of a build's configuration, or of the project's
    mkdocs.yml when ``config`` is not MkDocs' own (the benchmark's stand-in)."""
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    if not isinstance(config, MkDocsConfig):
        config = load_config(str(config.config_file_path))
    return theme_script_hashes(config)


@dataclass(frozen=True)
class Policy:
    script_hashes: tuple[str, ...]
    frame_origins: tuple[str, ...]

    def directives(self) -> list[str]:
        return [
            "default-src 'self'",
            " ".join(["script-src", "'self'", *self.script_hashes]),
            # Material's icons (checkboxes, admonitions) are SVG data: URLs in its stylesheet
            "img-src 'self' data:",
            # the search runs in a worker from the site's own file, never from blob: or data:
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            frame_ancestors(list(self.frame_origins)),
        ]

    def header(self) -> str:
        """The Content-Security-Policy header's value."""
        return "; ".join(self.directives())


# The search worker's own policy (a worker follows the policy its script is served with, not
# the page's): its scripts and the index from the site only, and WebAssembly, which Pagefind
# compiles from its own file (pagefind/wasm.<lang>.pagefind) — allowed nowhere else.
WORKER_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"


def frame_ancestors(origins: list[str]) -> str:
    """The CSP directive ``frame-ancestors 'self' https://intranat…``."""
    return " ".join(["frame-ancestors", "'self'", *origins])


def policy_problems(html: str, allowed: Iterable[str]) -> list[str]:
    """What in one built page the policy would refuse: an inline script whose hash is not
    allowed, a ``<style>`` element, a ``style`` attribute. Empty when the page is clean."""
    allowed_set = set(allowed)
    problems = []
    for body in inline_scripts(html):
        if script_hash(body) not in allowed_set:
            start = " ".join(body.split())[:60]
            problems.append(f"an inline script that is not one of the theme's ({start}…): "
                            "give it its own file in overrides/assets/kb/, or move what "
                            "depends on the page into an attribute of <script>")
    if _STYLE_ELEMENT.search(html):
        problems.append("a <style> element: move it to a stylesheet in overrides/assets/kb/")
    for tag in _TAG.finditer(html):
        if _STYLE_ATTRIBUTE.search(tag.group(1)):
            problems.append(f"a style attribute ({tag.group(0)[:60]}): use a class and a rule "
                            "in overrides/assets/kb/kb.css")
            break
    return problems
