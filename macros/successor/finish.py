"""After Zensical: one site from the languages' sites, and what our plugin writes after the
MkDocs build.

``finish(root, out, site)``:

- copies the default language's site (``out/sv/site``) to ``site`` and each other language's
  (``out/<lang>/site/<lang>``) under ``site/<lang>/``, as zensical-i18n lays them out;
- writes one ``sitemap.xml`` (and ``sitemap.xml.gz``) for both languages, each page with its
  other language as ``xhtml:link`` alternates, as MkDocs with mkdocs-static-i18n writes it,
  in place of Zensical's one per language;
- writes ``api/`` (routines, contacts, pages, schemas, feeds) and ``api/model.json`` from the
  data and the stage's manifest (``pages.json``), as the `kb` plugin does;
- prints the whole-plan page of each language to the plan's PDF with Chromium, when the stage
  linked it (``kb stage`` with ``KB_PDF``, macros/build/print/pdf.py).
"""

from __future__ import annotations

import gzip
import os
import shutil
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from macros.api.data import SiteAddress
from macros.api.export import write_exports
from macros.api.models import PageRecord
from macros.build.print.pdf import PdfError, PdfJob, find_chromium, render_pdfs
from macros.build.print.plan import PRINT_SRC, pdf_path
from macros.build.stage.manifest import Manifest, StagedPage
from macros.load.git_dates import load_change_dates
from macros.load.loader import load
from macros.model.markdown import norm_src_uri
from macros.model.snapshot import snapshot, write_snapshot
from macros.model.text import DEFAULT_LANGUAGE, LANGUAGES
from macros.model.versions import find_revision, requested_version

SITE = "site"
SITEMAP = "sitemap.xml"


class FinishError(Exception):
    """The successor's build left no site to finish."""


def _records(manifest: Manifest, address: SiteAddress) -> list[PageRecord]:
    return [PageRecord(title=page.title, url=address.absolute(page.path), path=page.path,
                       lang=page.lang, owner=page.owner, owner_title=page.owner_title or "",
                       last_reviewed=page.last_reviewed, review_by=page.review_by,
                       source=page.source or "", last_changed=page.last_changed)
            for page in manifest.pages
            if page.owner and page.last_reviewed and page.review_by]


def sitemap(manifest: Manifest, address: SiteAddress) -> str:
    """Every page of both languages, with its versions in every language."""
    versions: dict[str, list[StagedPage]] = defaultdict(list)
    for page in manifest.pages:
        versions[norm_src_uri(page.src)].append(page)
    order = {lang: index for index, lang in enumerate(manifest.languages)}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in sorted(manifest.pages, key=lambda p: (order.get(p.lang, 99), p.path)):
        lines += ["    <url>", f"        <loc>{escape(address.absolute(page.path))}</loc>",
                  f"        <lastmod>{manifest.built_on.isoformat()}</lastmod>",
                  "        <changefreq>daily</changefreq>"]
        alternates = sorted(versions[norm_src_uri(page.src)], key=lambda p: order[p.lang])
        if len(alternates) > 1:
            lines += [f'        <xhtml:link rel="alternate" hreflang="{other.lang}" '
                      f"href={quoteattr(address.absolute(other.path))}/>"
                      for other in alternates]
        lines.append("    </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _assemble(out: Path, site: Path) -> None:
    default = out / DEFAULT_LANGUAGE / SITE
    if not default.is_dir():
        raise FinishError(f"{default}: no site; build it first (python -m "
                          f"macros.successor.run {out} in .venv-successor)")
    if site.exists():
        shutil.rmtree(site)
    others = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
    shutil.copytree(default, site, ignore=shutil.ignore_patterns(*others))
    for lang in others:
        shutil.copytree(out / lang / SITE / lang, site / lang)
        (site / lang / SITEMAP).unlink(missing_ok=True)


def finish(root: Path, out: Path, site: Path) -> Path:
    """Put the site together in ``site`` (see the module's text)."""
    root = root.resolve()
    result = load(root)
    if result.kb is None:
        raise FinishError(f"{root / 'routines'} has errors; run `kb check`")
    manifest = Manifest.read(out)
    _assemble(out, site)
    address = SiteAddress(manifest.site_url)
    text = sitemap(manifest, address)
    (site / SITEMAP).write_text(text, encoding="utf-8")
    (site / (SITEMAP + ".gz")).write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    write_exports(site, result.kb, _records(manifest, address), address,
                  load_change_dates(root))
    write_snapshot(site, snapshot(result.kb, find_revision(result.kb,
                                                           requested_version()).version))
    if manifest.pdf:
        print_plan(manifest, site)
    return site


def print_plan(manifest: Manifest, site: Path) -> float:
    """The plan's PDF in every language, printed from the whole-plan pages; the seconds."""
    chromium = find_chromium(os.environ)
    if chromium is None:
        raise FinishError("the stage links the plan's PDF, but Chromium was not found: "
                          "install it (`make browser`), or stage with KB_PDF=off")
    jobs = [PdfJob(page.path, site / pdf_path(page.lang)) for page in manifest.pages
            if norm_src_uri(page.src) == PRINT_SRC]
    try:
        return render_pdfs(chromium, site, jobs)
    except PdfError as exc:
        raise FinishError(f"the plan's PDF: {exc}") from None
