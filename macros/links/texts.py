"""Every user-visible text of the link checks (`kb links`, `kb linkcheck`) and of
`kb compare-sites`, in Swedish and English: one place to change a wording or add a language."""

from __future__ import annotations

from macros.model.text import LANGUAGES, Lang

TEXTS: dict[str, dict[Lang, str]] = {
    # one line per broken link
    "broken_link": {"sv": "trasig länk", "en": "broken link"},
    "missing_page": {"sv": "sidan finns inte", "en": "missing page"},
    "missing_anchor": {"sv": "ankaret `{anchor}` finns inte", "en": "missing anchor `{anchor}`"},
    "fix_missing_page": {
        "sv": "inget byggs på `{target}`: rätta länken eller återställ sidan",
        "en": "nothing is built at `{target}`: correct the link or restore the page",
    },
    "fix_missing_anchor": {
        "sv": "`{target}` har inget id `{anchor}`: länka till en rubrik som finns "
        "eller ta bort `#{anchor}`",
        "en": "`{target}` has no id `{anchor}`: link to a heading it has or drop `#{anchor}`",
    },
    "fix_linkcheck": {
        "sv": "rätta länken i källan till sidan",
        "en": "correct the link in the page's source",
    },
    # summaries
    "summary_broken": {
        "sv": "{count} trasiga länkar på {pages} sidor",
        "en": "{count} broken link(s) on {pages} page(s)",
    },
    "summary_ok": {
        "sv": "OK: inga trasiga länkar på {pages} sidor",
        "en": "OK: no broken links on {pages} page(s)",
    },
    "summary_compare": {
        "sv": "{new} länkar har gått sönder, {removed} sidor har tagits bort, "
        "{old} länkar var trasiga redan förut",
        "en": "{new} link(s) broken by this change, {removed} page(s) removed, "
        "{old} link(s) already broken before",
    },
    "summary_linkcheck": {
        "sv": "LinkChecker: {count} fel",
        "en": "LinkChecker: {count} failure(s)",
    },
    "summary_linkcheck_ok": {
        "sv": "LinkChecker: OK, inga fel",
        "en": "LinkChecker: OK, no failures",
    },
    # the Markdown report (pull-request comment, step summary)
    "title_check": {"sv": "Trasiga länkar", "en": "Broken links"},
    "title_compare": {"sv": "Länkkontroll", "en": "Link check"},
    "no_broken": {"sv": "Inga trasiga länkar.", "en": "No broken links."},
    "none_broken_by_change": {
        "sv": "Inga länkar går sönder av den här ändringen.",
        "en": "No links broken by this change.",
    },
    "newly_broken": {
        "sv": "Länkar som går sönder av ändringen",
        "en": "Links broken by this change",
    },
    "removed_pages": {"sv": "Borttagna sidor", "en": "Removed pages"},
    "removed_pages_hint": {
        "sv": "Adresserna fanns förut. Länkar från intranätet och bokmärken till dem slutar "
        "fungera: behåll adressen eller lägg till en omdirigering i mkdocs.yml under "
        "`redirects: redirect_maps:` (`gammal/sida.md: ny/sida.md`; gäller båda språken).",
        "en": "These addresses existed before. Links from the intranet and bookmarks to them "
        "stop working: keep the address or add a redirect in mkdocs.yml under "
        "`redirects: redirect_maps:` (`old/page.md: new/page.md`; covers both languages).",
    },
    "removed_page_line": {
        "sv": "sidan har tagits bort — lägg till en omdirigering{moved}",
        "en": "page removed — add a redirect{moved}",
    },
    "moved_to": {"sv": " till `{new}`", "en": " to `{new}`"},
    "more_rows": {
        "sv": "… och {count} till (se `kb links` i loggen)",
        "en": "… and {count} more (see `kb links` in the log)",
    },
    "col_page": {"sv": "Sida", "en": "Page"},
    "col_link": {"sv": "Länk", "en": "Link"},
    "col_problem": {"sv": "Fel", "en": "Problem"},
    "col_removed": {"sv": "Borttagen adress", "en": "Removed address"},
    "col_moved": {"sv": "Ny adress?", "en": "New address?"},
    # errors of the commands themselves
    "no_pages": {
        "sv": "inga HTML-sidor i {site} — bygg webbplatsen först (make build)",
        "en": "no HTML pages in {site} — build the site first (make build)",
    },
    "no_linkchecker": {
        "sv": "LinkChecker saknas ({exe}) — installera testberoendena (make test-install)",
        "en": "LinkChecker is missing ({exe}) — install the test dependencies "
        "(make test-install)",
    },
    "linkchecker_crashed": {
        "sv": "LinkChecker avslutades med kod {code} utan resultat:\n{stderr}",
        "en": "LinkChecker exited with code {code} without results:\n{stderr}",
    },
    # `kb compare-sites` (macros/links/compare.py): one line per kind of difference
    "compare_missing_file": {"sv": "fil som saknas", "en": "missing file"},
    "compare_added_file": {"sv": "ny fil", "en": "added file"},
    "compare_missing_link": {"sv": "länk som saknas i innehållet",
                             "en": "missing link in the content"},
    "compare_added_link": {"sv": "ny länk i innehållet", "en": "added link in the content"},
    "compare_missing_id": {"sv": "id (ankare) som saknas", "en": "missing id (anchor)"},
    "compare_added_id": {"sv": "nytt id (ankare)", "en": "added id (anchor)"},
    "compare_missing_nav": {"sv": "mål som saknas i navigeringen (hela webbplatsen)",
                    "en": "missing navigation target (whole site)"},
    "compare_added_nav": {"sv": "nytt mål i navigeringen (hela webbplatsen)",
                  "en": "added navigation target (whole site)"},
    "compare_same": {"sv": "Samma filer, länkar, id:n och navigeringsmål.",
             "en": "Same files, links, ids and navigation targets."},
    "compare_differ": {"sv": "{count} skillnader mot referensen:",
               "en": "{count} difference(s) from the reference:"},
    "compare_more": {"sv": "… och {count} till", "en": "… and {count} more"},
    "compare_counts": {"sv": "referens / kandidat: {files} filer, {pages} sidor",
               "en": "reference / candidate: {files} files, {pages} pages"},
    "compare_no_pages": {"sv": "{folder}: inga HTML-sidor (är webbplatsen byggd?)",
                 "en": "{folder}: no HTML pages (is the site built?)"},
    # `kb compare-sites --by-kind` (macros/links/parity.py): a heading per kind; the rules
    # under it are stable English identifiers (the README states them, a test asserts them)
    "parity_pages": {"sv": "sidor", "en": "pages"},
    "parity_files": {"sv": "filer", "en": "files"},
    "parity_links": {"sv": "länkar", "en": "links"},
    "parity_anchors": {"sv": "ankare", "en": "anchors"},
    "parity_navigation": {"sv": "navigeringsmål", "en": "navigation"},
    "parity_navigation order": {"sv": "navigeringens ordning", "en": "navigation order"},
    "parity_search": {"sv": "sökning", "en": "search"},
    "parity_review notice": {"sv": "granskningsrad", "en": "review notice"},
    "parity_embed mode": {"sv": "inbäddat läge", "en": "embed mode"},
    "parity_csp": {"sv": "innehållspolicy (CSP)", "en": "csp"},
    "parity_exports": {"sv": "exporter (api/)", "en": "exports"},
    "parity_versions": {"sv": "versioner", "en": "versions"},
    "parity_count": {"sv": "{count} skillnader efter slag (regel [antal] (t.ex. …))",
                     "en": "{count} finding(s) by kind (rule [count] (e.g. …))"},
    "parity_same": {"sv": "Inga skillnader av något slag.",
                    "en": "No differences of any kind."},
}


def text(key: str, lang: Lang = "en", **values: object) -> str:
    """One text in one language, with `{placeholders}` filled in."""
    return TEXTS[key][lang].format(**values)


def both(key: str, **values: object) -> str:
    """Swedish / English, for the reports the coordinator and developers both read."""
    return " / ".join(text(key, lang, **values) for lang in LANGUAGES)
