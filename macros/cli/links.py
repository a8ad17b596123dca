"""`kb links`: check every internal link and anchor of a built site, offline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.cli.common import SITE_DIR, echo_summary, load_built_site
from macros.links.internal import check, compare_sites
from macros.links.report import (
    FORMATS,
    Format,
    check_summary,
    diff_summary,
    render_check,
    render_diff,
)


@click.command("links", short_help="Check every internal link and anchor of a built site, offline.")
@click.argument("site_dir", type=SITE_DIR)
@click.option("--compare", "base_dir", type=SITE_DIR, metavar="BASE_SITE_DIR",
              help="The site as built before the change: report only the links the change "
                   "broke, and the pages it removed.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="markdown: for a pull-request comment or the GitHub step summary.")
def links_command(site_dir: Path, base_dir: Path | None, fmt: Format) -> None:
    """Check every internal link and #anchor of the site built in SITE_DIR, offline.

    Exit 1 when a link is broken (with --compare: when the change broke one or removed an
    address without a redirect).
    """
    head = load_built_site(site_dir)
    if base_dir is None:
        broken = check(head)
        click.echo(render_check(broken, len(head.pages), fmt), nl=False)
        echo_summary(check_summary(broken, len(head.pages)), fmt)
        sys.exit(1 if broken else 0)
    diff = compare_sites(load_built_site(base_dir), head)
    click.echo(render_diff(diff, fmt), nl=False)
    echo_summary(diff_summary(diff), fmt)
    sys.exit(0 if diff.ok else 1)
