"""`kb compare-sites`: do two builds offer the same pages, links and navigation?
(macros/links/compare.py). With ``--by-kind``: the differences summarised by kind, one rule
a line, e.g. our build against the successor's (macros/links/parity.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.cli.common import SITE_DIR
from macros.links.compare import compare, format_differences, read_site
from macros.links.parity import format_findings, parity, summary_line
from macros.model.catalogue import label


@click.command("compare-sites",
               short_help="Do two builds offer the same pages, links and navigation?")
@click.argument("reference", type=SITE_DIR)
@click.argument("candidate", type=SITE_DIR)
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True,
              help="Differences shown per kind.")
@click.option("--ignore", multiple=True, metavar="PATTERN",
              help="Leave out files matching this pattern (fnmatch on the site-relative "
                   "path, e.g. '*.pdf'); may be repeated.")
@click.option("--by-kind", is_flag=True,
              help="Summarise by kind (pages, files, links, anchors, navigation, search, "
                   "review notice, embed mode, csp, exports, versions): one rule a line, "
                   "with a count and an example; for two different renderers.")
@click.option("--lang", type=click.Choice(["sv", "en"]), default="en", show_default=True)
def compare_sites_command(reference: Path, candidate: Path, limit: int, ignore: tuple[str, ...],
                          by_kind: bool, lang: str) -> None:
    """Compare the site built in CANDIDATE with the one in REFERENCE: the same files, the
    same links and ids in each page's content, the same navigation targets over the site.

    Exit 1 when they differ, 2 when a folder holds no built page.
    """
    language = "sv" if lang == "sv" else "en"
    sites = []
    for folder in (reference, candidate):
        site = read_site(folder, ignore)
        if not site.pages:
            click.echo("kb compare-sites: " + label("compare_no_pages", language, folder=folder),
                       err=True)
            sys.exit(2)
        sites.append(site)
    if by_kind:  # --ignore does not apply: every kind looks at the whole site
        findings = parity(reference, candidate)
        for line in format_findings(findings, language):
            click.echo(line)
        click.echo(summary_line(findings, language), err=True)
        sys.exit(1 if findings else 0)
    differences = compare(*sites)
    click.echo(format_differences(differences, limit, language), nl=False)
    click.echo(label(
        "compare_counts", language, files=f"{len(sites[0].files)} / {len(sites[1].files)}",
        pages=f"{len(sites[0].pages)} / {len(sites[1].pages)}"), err=True)
    sys.exit(1 if differences else 0)
