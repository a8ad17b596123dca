"""Example web-server settings for the exported site (nginx, IIS): only the site itself and
the intranet's origins (organisation.yml: municipality.intranet_origins) may frame its pages.

The header is Content-Security-Policy ``frame-ancestors``; X-Frame-Options cannot name another
origin (ALLOW-FROM is obsolete), so it is deliberately not set."""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from macros.model.core import KnowledgeBase
from macros.model.text import Lang
from macros.render.blocks import UnknownReference

SERVER_KINDS = ("nginx", "iis")

_COMMENTS: dict[str, dict[Lang, str]] = {
    "export": {"sv": "Den exporterade webbplatsen (make export-site) ligger i /var/www/rutiner.",
               "en": "The exported site (make export-site) is in /var/www/rutiner."},
    "tls": {"sv": "TLS-inställningar som för kommunens andra webbplatser.",
            "en": "TLS settings as for the municipality's other sites."},
    "frame": {"sv": "Bara webbplatsen själv och intranätet får visa sidorna i en ram.",
              "en": "Only the site itself and the intranet may show the pages in a frame."},
    "inherit": {"sv": "add_header i ett location-block ersätter dessa: upprepa dem där.",
                "en": "add_header in a location block replaces these: repeat them there."},
    "cors": {"sv": "Allt är offentligt: intranätets widgetar får läsa api/*.json och flödena.",
             "en": "Everything is public: intranet widgets may read api/*.json and the feeds."},
    "types": {"sv": "Flödena och JSON-filerna i api/ med rätt typ.",
              "en": "The feeds and JSON files in api/ with the right type."},
    "gzip": {"sv": "Komprimera: sökindexet (search/*.json) krymper till en femtedel.",
             "en": "Compress: the search index (search/*.json) shrinks to a fifth."},
    "iis_gzip": {"sv": "application/json måste också finnas i serverns staticTypes "
                       "(applicationHost.config).",
                 "en": "application/json must also be in the server's staticTypes "
                       "(applicationHost.config)."},
}


def frame_ancestors(origins: list[str]) -> str:
    """The CSP value: ``frame-ancestors 'self' https://intranat…``."""
    return " ".join(["frame-ancestors", "'self'", *origins])


def server_config(kb: KnowledgeBase, kind: str, lang: Lang) -> str:
    """A fenced code block with the settings for ``kind`` (nginx or iis)."""
    municipality = kb.organisation.municipality
    csp = frame_ancestors(list(municipality.intranet_origins))
    host = urlsplit(str(municipality.site_url)).hostname or "rutiner.example.se"
    c = {key: texts[lang] for key, texts in _COMMENTS.items()}
    if kind == "nginx":
        body = "\n".join([
            f"# {c['export']}",
            "server {",
            "    listen 443 ssl;",
            f"    server_name {host};",
            f"    # {c['tls']}",
            "    root /var/www/rutiner;",
            "    index index.html;",
            "",
            f"    # {c['frame']}",
            f"    # {c['inherit']}",
            f'    add_header Content-Security-Policy "{csp}" always;',
            "    add_header X-Content-Type-Options nosniff always;",
            "    add_header Referrer-Policy strict-origin-when-cross-origin always;",
            f"    # {c['cors']}",
            '    add_header Access-Control-Allow-Origin "*" always;',
            "",
            f"    # {c['types']}",
            "    types { application/atom+xml atom; application/json json; }",
            "",
            f"    # {c['gzip']}",
            "    gzip on;",
            "    gzip_min_length 1024;",
            "    gzip_types application/json application/atom+xml text/css "
            "application/javascript image/svg+xml;",
            "",
            "    location / {",
            "        try_files $uri $uri/ =404;",
            "    }",
            "}",
        ])
        return f"```nginx\n{body}\n```\n"
    if kind == "iis":
        body = "\n".join([
            '<?xml version="1.0" encoding="utf-8"?>',
            f"<!-- web.config: {c['export']} -->",
            "<configuration>",
            "  <system.webServer>",
            f"    <!-- {c['frame']} -->",
            "    <httpProtocol>",
            "      <customHeaders>",
            f'        <add name="Content-Security-Policy" value={quoteattr(csp)} />',
            '        <add name="X-Content-Type-Options" value="nosniff" />',
            '        <add name="Referrer-Policy" value="strict-origin-when-cross-origin" />',
            f"        <!-- {c['cors']} -->",
            '        <add name="Access-Control-Allow-Origin" value="*" />',
            "      </customHeaders>",
            "    </httpProtocol>",
            f"    <!-- {c['types']} -->",
            "    <staticContent>",
            '      <remove fileExtension=".atom" />',
            '      <mimeMap fileExtension=".atom" mimeType="application/atom+xml" />',
            '      <remove fileExtension=".json" />',
            '      <mimeMap fileExtension=".json" mimeType="application/json" />',
            "    </staticContent>",
            f"    <!-- {c['gzip']} {c['iis_gzip']} -->",
            '    <urlCompression doStaticCompression="true" />',
            "    <defaultDocument>",
            "      <files><clear /><add value=\"index.html\" /></files>",
            "    </defaultDocument>",
            "  </system.webServer>",
            "</configuration>",
        ])
        return f"```xml\n{body}\n```\n"
    raise UnknownReference(f"unknown server {kind!r}: use one of {', '.join(SERVER_KINDS)}")
