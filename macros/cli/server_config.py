"""`kb server-config`: Print the web-server configuration for the exported site."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from macros.checks.project import open_project
from macros.load.settings import CONFIG_FILE
from macros.model.catalogue import both
from macros.model.problems import summary
from macros.render.csp import theme_script_hashes
from macros.render.server import (
    DEFAULT_ROOT,
    SERVER_KINDS,
    ServerConfigError,
    ServerOptions,
    SiteSettings,
    render_config,
    site_settings,
)


def _script_hashes(root: Path) -> tuple[str, ...]:
    """The CSP's script hashes from the project's theme (mkdocs.yml, overrides/)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # no INFO lines in the output
    try:
        config = load_config(str(root / CONFIG_FILE))
    except (ConfigurationError, OSError) as exc:
        raise click.ClickException(f"{CONFIG_FILE}: {exc}") from None
    return theme_script_hashes(config)


def load_site_settings(root: Path) -> SiteSettings:
    """What the project decides for the configuration; exit 1 when its data has errors."""
    project = open_project(root)
    if project.kb is None:
        for problem in project.problems:
            click.echo(problem.format(), err=True)
        click.echo(f"{summary(project.problems)} — {both('cli_fix_first')}", err=True)
        sys.exit(1)
    return site_settings(project.kb, _script_hashes(project.root),
                         project.settings.current_alias)


@click.command("server-config",
               short_help="Print the web-server configuration for the exported site.")
@click.argument("kind", type=click.Choice(SERVER_KINDS))
@click.option("--root", "site_root", default=DEFAULT_ROOT, show_default=True, metavar="DIR",
              help="The folder the export is in (make export-site).")
@click.option("--listen", default=None, metavar="ADDR",
              help="Address and/or port to listen on (default: 80, or 443 with --tls).")
@click.option("--redirect-listen", default=None, metavar="ADDR",
              help="With --tls: where plain HTTP is answered with a redirect (default: 80).")
@click.option("--server-name", default=None, metavar="NAME",
              help="Host name (default: the host of site_url in organisation.yml).")
@click.option("--tls", nargs=2, default=None, metavar="CERT KEY",
              help="Serve HTTPS with this certificate (whole chain) and key; "
                   "plain HTTP redirects to it.")
@click.pass_obj
def server_config_command(root: Path, kind: str, site_root: str, listen: str | None,
                          redirect_listen: str | None, server_name: str | None,
                          tls: tuple[str, str] | None) -> None:
    """Print the configuration for KIND (nginx, apache, iis) that serves the exported site:
    types, compression, caching, Content-Security-Policy, CORS for api/, the root's redirect
    and 404 pages per language. Without --tls, plain HTTP (e.g. behind the intranet's proxy)."""
    options = ServerOptions(root=site_root, listen=listen, redirect_listen=redirect_listen,
                            server_name=server_name, tls=tuple(tls) if tls else None)
    try:
        options.checked()
    except ServerConfigError as exc:
        click.echo(both("cli_error", error=exc), err=True)
        sys.exit(2)
    click.echo(render_config(load_site_settings(root), kind, options), nl=False)
