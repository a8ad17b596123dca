"""`kb stage --out DIR`: every page of the site as Markdown, for a renderer that runs no plugin
of ours (macros/build/stage/): the successor builds from it (`make build-successor`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

_OUT = click.Path(file_okay=False, path_type=Path)


@click.command("stage")
@click.option("--out", type=_OUT, required=True,
              help="Folder to write docs/, nav.yml and pages.json to.")
@click.pass_obj
def stage_command(root: Path, out: Path) -> None:
    """Write every page the build makes as Markdown to OUT/docs (the prose pages' macros
    expanded, the generated pages, the whole plan on one page, the review notices, every page
    in both languages), each language's navigation to OUT/nav.yml and a manifest of the pages
    to OUT/pages.json.

    KB_PDF (on, off, auto) decides as for `mkdocs build` whether the plan's pages link its
    PDF, which `kb successor finish` then prints with Chromium."""
    from macros.build.print.pdf import PdfError, pdf_mode  # `kb check` starts faster
    from macros.build.stage.write import StageError, stage

    try:
        staged = stage(root, out, pdf=pdf_mode(os.environ).render)
    except (StageError, PdfError, ValueError) as exc:
        click.echo(f"kb stage: {exc}", err=True)
        sys.exit(1)
    pdf = ", the plan's PDF linked" if staged.pdf else ""
    click.echo(f"wrote {out}: {staged.pages} pages ({staged.fallbacks} not translated), "
               f"{staged.notices} review notices{pdf}, nav.yml, pages.json", err=True)
