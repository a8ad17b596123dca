"""`kb linkcheck`: LinkChecker against the built site served on 127.0.0.1."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.cli.common import SITE_DIR, load_built_site
from macros.links.external import LinkcheckError, check_served
from macros.model.catalogue import both


@click.command("linkcheck", short_help="LinkChecker against the built site served on 127.0.0.1.")
@click.argument("site_dir", type=SITE_DIR, default="site")
@click.option("--external", is_flag=True,
              help="Check the links to other sites instead (needs the internet); "
                   "reports only their failures.")
def linkcheck_command(site_dir: Path, external: bool) -> None:
    """Run LinkChecker on the site built in SITE_DIR (default: site), served on 127.0.0.1.

    Exit 1 on any failure, 2 when LinkChecker cannot run.
    """
    load_built_site(site_dir)  # a clear message for a site that was never built
    try:
        failures = check_served(site_dir, external=external)
    except LinkcheckError as error:
        click.echo(f"kb linkcheck: {error}", err=True)
        sys.exit(2)
    for failure in failures:
        click.echo(failure.format())
    if failures:
        click.echo(both("summary_linkcheck", count=len(failures)), err=True)
    else:
        click.echo(both("summary_linkcheck_ok"), err=True)
    sys.exit(1 if failures else 0)
