"""The link commands of `kb`: `links` (offline, fast, over the built HTML) and `linkcheck`
(LinkChecker against the site served on 127.0.0.1)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from macros.links.external import LinkcheckError, check_served
from macros.links.internal import Site, check, compare_sites, load_site
from macros.links.report import (
    FORMATS,
    Format,
    check_summary,
    diff_summary,
    render_check,
    render_diff,
)
from macros.links.texts import both, text

_SITE = click.Path(exists=True, file_okay=False, path_type=Path)


@click.command("links")
@click.argument("site_dir", type=_SITE)
@click.option("--compare", "base_dir", type=_SITE, metavar="BASE_SITE_DIR",
              help="The site as built before the change: report only the links the change "
                   "broke, and the pages it removed.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="markdown: for a pull-request comment or the GitHub step summary.")
def links(site_dir: Path, base_dir: Path | None, fmt: Format) -> None:
    """Check every internal link and #anchor of the site built in SITE_DIR, offline.

    Exit 1 when a link is broken (with --compare: when the change broke one or removed an
    address without a redirect).
    """
    head = _load(site_dir)
    if base_dir is None:
        broken = check(head)
        click.echo(render_check(broken, len(head.pages), fmt), nl=False)
        _summary(check_summary(broken, len(head.pages)), fmt)
        sys.exit(1 if broken else 0)
    diff = compare_sites(_load(base_dir), head)
    click.echo(render_diff(diff, fmt), nl=False)
    _summary(diff_summary(diff), fmt)
    sys.exit(0 if diff.ok else 1)


@click.command("linkcheck")
@click.argument("site_dir", type=_SITE, default="site")
@click.option("--external", is_flag=True,
              help="Check the links to other sites instead (needs the internet); "
                   "reports only their failures.")
def linkcheck(site_dir: Path, external: bool) -> None:
    """Run LinkChecker on the site built in SITE_DIR (default: site), served on 127.0.0.1.

    Exit 1 on any failure, 2 when LinkChecker cannot run.
    """
    _load(site_dir)  # a clear message for a site that was never built
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


def _load(site_dir: Path) -> Site:
    site = load_site(site_dir)
    if not site.pages:
        click.echo(text("no_pages", site=site_dir), err=True)
        sys.exit(2)
    return site


def _summary(line: str, fmt: Format) -> None:
    """The one-line summary goes to stderr, apart from a text report (as `kb check`)."""
    if fmt == "text":
        click.echo(line, err=True)
