"""Web-server configurations for the exported site (nginx, Apache httpd, IIS), rendered from the
templates in ``macros/templates/server/`` for `kb server-config` and for the embedding guide
(``{{ server_config("nginx") }}``), which show the same text.

What the data and the theme decide (:class:`SiteSettings`): the host name (organisation.yml:
municipality.site_url), the origins that may frame the pages (municipality.intranet_origins),
the inline scripts the Content-Security-Policy allows (macros/render/csp.py) and the alias of the
version in force (the root goes there). What the server's administrator decides
(:class:`ServerOptions`): the folder, the listening address, the name and TLS.

Framing is limited by the CSP's ``frame-ancestors``; X-Frame-Options cannot name another origin
(ALLOW-FROM is obsolete), so it is deliberately not set.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

import jinja2

from macros.load.settings import DEFAULTS
from macros.model.core import KnowledgeBase
from macros.render.blocks import UnknownReference
from macros.render.csp import WORKER_POLICY, Policy, frame_ancestors

SERVER_KINDS = ("nginx", "apache", "iis")
TEMPLATES = Path(__file__).parents[1] / "templates" / "server"
_TEMPLATE = {"nginx": "nginx.conf.j2", "apache": "apache.conf.j2", "iis": "web.config.j2"}
_FENCE = {"nginx": "nginx", "apache": "apache", "iis": "xml"}
DEFAULT_ROOT = "/var/www/rutiner"
# Debian's own certificate for trying TLS out (package ssl-cert: make-ssl-cert); the guide
# says to put the municipality's certificate in its place.
DEBIAN_TEST_CERT = ("/etc/ssl/certs/ssl-cert-snakeoil.pem",
                    "/etc/ssl/private/ssl-cert-snakeoil.key")
# What an option may hold: no spaces, quotes, semicolons or braces that would end a directive.
_SAFE = re.compile(r"^[A-Za-z0-9_./:\[\]@%+~-]+$")
# Material's assets carry a content hash in their names (bundle.a5f9d56c.min.js), and so do
# the pieces of the search index (pagefind/index/sv_3ecaf80.pf_index): immutable.
FINGERPRINTED = (r"(?:\.[0-9a-f]{8}\.min\.(?:css|js)"
                 r"|_[0-9a-f]{7,}\.pf_(?:meta|index|fragment|filter))$")
# The search index's files (Pagefind's, already compressed): their own type, not compressed again
SEARCH_INDEX_FILES = ("pagefind", "pf_meta", "pf_index", "pf_fragment", "pf_filter")
# The search worker, served with its own Content-Security-Policy (macros/render/csp.py)
SEARCH_WORKER = r"/assets/kb/search-worker\.js$"
# The text types that are compressed and carry charset=utf-8
TEXT_TYPES = ("text/css", "text/plain", "text/xml", "application/javascript",
              "application/json", "application/atom+xml", "application/xml", "image/svg+xml")


def apache_modules(tls: bool) -> tuple[str, ...]:
    """The modules to enable with `a2enmod` beyond Debian's defaults (mime, dir, alias,
    deflate, filter and setenvif are on)."""
    return ("headers", "ssl") if tls else ("headers",)


class ServerConfigError(ValueError):
    """An option that cannot go into a configuration; the message says which and why."""


@dataclass(frozen=True)
class SiteSettings:
    """What the project decides: from organisation.yml, the theme and mkdocs.yml."""

    host: str
    policy: Policy
    current_alias: str = DEFAULTS.current_alias
    languages: tuple[str, ...] = ("en",)  # the folders of the other languages (404 pages)


@dataclass(frozen=True)
class ServerOptions:
    """What the server's administrator decides (`kb server-config` options)."""

    root: str = DEFAULT_ROOT
    listen: str | None = None  # default: 80, or 443 with TLS
    redirect_listen: str | None = None  # with TLS, the plain-HTTP server (default 80)
    server_name: str | None = None  # default: the host of site_url
    tls: tuple[str, str] | None = None  # certificate, key

    def checked(self) -> ServerOptions:
        values = {"--root": self.root, "--listen": self.listen,
                  "--redirect-listen": self.redirect_listen,
                  "--server-name": self.server_name,
                  "--tls (certificate)": self.tls[0] if self.tls else None,
                  "--tls (key)": self.tls[1] if self.tls else None}
        for option, value in values.items():
            if value is not None and not _SAFE.match(value):
                raise ServerConfigError(
                    f"{option} {value!r}: only letters, digits and . / : - _ [ ] @ % + ~ "
                    "(no spaces, quotes, semicolons or braces)")
        if not self.root.startswith("/") and not re.match(r"^[A-Za-z]:", self.root):
            raise ServerConfigError(f"--root {self.root!r}: give an absolute path")
        return self


def site_settings(kb: KnowledgeBase, script_hashes: tuple[str, ...],
                  current_alias: str) -> SiteSettings:
    municipality = kb.organisation.municipality
    host = urlsplit(str(municipality.site_url)).hostname or "rutiner.example.se"
    policy = Policy(script_hashes, tuple(municipality.intranet_origins))
    return SiteSettings(host=host, policy=policy, current_alias=current_alias)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
        autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    # web.config: a value in an attribute (quotes stay readable: attributes use double quotes)
    env.filters["xml"] = lambda value: escape(str(value), {'"': "&quot;"})
    return env


def command_line(kind: str, options: ServerOptions) -> str:
    """The `kb server-config` command that prints this configuration."""
    words = ["kb", "server-config", kind]
    if options.root != DEFAULT_ROOT:
        words += ["--root", options.root]
    if options.listen:
        words += ["--listen", options.listen]
    if options.redirect_listen:
        words += ["--redirect-listen", options.redirect_listen]
    if options.server_name:
        words += ["--server-name", options.server_name]
    if options.tls:
        words += ["--tls", *options.tls]
    return shlex.join(words)


def render_config(site: SiteSettings, kind: str, options: ServerOptions | None = None) -> str:
    """The configuration for ``kind`` (nginx, apache or iis) as its file's text."""
    if kind not in _TEMPLATE:
        raise UnknownReference(f"unknown server {kind!r}: use one of {', '.join(SERVER_KINDS)}")
    options = (options or ServerOptions()).checked()
    context: dict[str, Any] = {
        "site": site, "options": options, "command": command_line(kind, options),
        "server_name": options.server_name or site.host,
        "csp": site.policy.header(), "frame_ancestors": frame_ancestors(
            list(site.policy.frame_origins)),
        "fingerprinted": FINGERPRINTED, "text_types": TEXT_TYPES,
        "worker_csp": WORKER_POLICY, "search_worker": SEARCH_WORKER,
        "search_index_files": SEARCH_INDEX_FILES,
        "search_index_types": [(f".{ext}", "application/octet-stream")
                               for ext in SEARCH_INDEX_FILES],
        "apache_modules": apache_modules(options.tls is not None),
    }
    return _environment().get_template(_TEMPLATE[kind]).render(context)


def server_config(site: SiteSettings, kind: str, tls: bool = False) -> str:
    """A fenced code block for the guide: `kb server-config KIND` (with Debian's test
    certificate when ``tls``)."""
    options = ServerOptions(tls=DEBIAN_TEST_CERT if tls else None)
    return f"```{_FENCE.get(kind, '')}\n{render_config(site, kind, options)}```\n"
