"""The successor's projects, from the stage (`kb stage`): what zensical-i18n builds.

``prepare(root, out, theme_root)`` reads the stage in ``out`` (``docs/``, ``pages.json``,
``nav.yml``, :mod:`macros.build.stage`) and writes, for each language, ``out/<lang>/``:

- ``docs/``: the staged pages (hard links) and our scripts and styles (``overrides/assets/kb``)
  under ``assets/kb/``, minified as our build minifies them;
- ``overrides/``: the successor's templates (``overrides-successor/``) and two partials
  whose inline scripts are the same bytes as in our build, so the Content-Security-Policy
  made for our build (its hashes, macros/render/csp.py) allows the successor's pages too:
  ``partials/kb-embed-head.html`` inlines ``assets/kb/embed-head.js`` minified
  (macros/render/frontend.py), and ``partials/javascripts/base.html`` is ours (Material's
  script with the page's scope in an attribute) plus ``assets/kb/platform.js``, the one
  thing Zensical's own inline script adds;
- ``mkdocs.yml``: Zensical's configuration, derived from ours with the stage's navigation
  (:mod:`macros.successor.config`), building into ``site``.

One project per language: zensical-i18n keeps one theme folder for all languages and writes a
language's edit-link template into it, so building the languages in one project changes
Zensical's template hash at every language and throws its cache away (measured: 316 of 318
cache files rewritten by a build with nothing changed); in a project per language the cache
holds, and the two languages build at the same time (:mod:`macros.successor.run`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from macros.build.stage.manifest import DOCS, NAV, Manifest
from macros.model.text import LANGUAGES
from macros.render.frontend import inline_assets, minify
from macros.successor.config import successor_config

CONFIG = "mkdocs.yml"
OVERRIDES = "overrides"
SITE = "site"
TEMPLATES = "overrides-successor"  # in the repository: the successor's templates
ASSETS = Path("overrides") / "assets" / "kb"  # in the repository: our scripts and styles
EMBED_HEAD = "partials/kb-embed-head.html"
BASE_SCRIPT = "partials/javascripts/base.html"
EMBED_GUIDE = "inbaddning.md"  # pages every page links to when the project has them
STATEMENT = "tillganglighet.md"


def _embed_head(theme_root: Path) -> str:
    """The embedded mode's head, as overrides/partials/kb-embed-head.html writes it."""
    (script,) = inline_assets([theme_root / "overrides"]).values()
    return ("{#- Written by macros/successor/project.py: assets/kb/embed-head.js inline, "
            "minified (see overrides/partials/kb-embed-head.html). -#}\n"
            f"<script>{script}</script>\n"
            "<link rel=\"stylesheet\" href=\"{{ 'assets/kb/embed.css' | url }}\">\n"
            "<script src=\"{{ 'assets/kb/embed.js' | url }}\" defer></script>\n")


def _base_script(theme_root: Path) -> str:
    """Our partials/javascripts/base.html (Material's script, the scope in an attribute),
    and Zensical's one addition as a file."""
    ours = (theme_root / "overrides" / BASE_SCRIPT).read_text(encoding="utf-8")
    return (ours.rstrip("\n") + "\n<script src=\"{{ 'assets/kb/platform.js' | url }}\" "
            "defer></script>\n")


def _copy_assets(source: Path, target: Path) -> None:
    """Our scripts and styles, minified (as macros.render.frontend.minify_assets does); the
    inlined ones stay as files too, as in our build."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            copy = target / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.unlink(missing_ok=True)  # never write through a hard link into the stage
            copy.write_text(minify(path.name, path.read_text(encoding="utf-8")),
                            encoding="utf-8")


def project_config(root: Path, out: Path) -> str:
    """Zensical's configuration (YAML) for the stage in ``out`` of the project in ``root``."""
    manifest = Manifest.read(out)
    navs = yaml.safe_load((out / NAV).read_text(encoding="utf-8")) or {}
    staged = {page.src for page in manifest.pages}
    shared = {name: name.removesuffix(".md") + "/" if name in staged else ""
              for name in (EMBED_GUIDE, STATEMENT)}
    ours: dict[str, Any] = yaml.safe_load((root / CONFIG).read_text(encoding="utf-8"))
    config = successor_config(ours, docs_dir=DOCS, site_dir=SITE, custom_dir=OVERRIDES,
                              site_url=manifest.site_url, statement=shared[STATEMENT],
                              embed_guide=shared[EMBED_GUIDE], navs=navs)
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def prepare(root: Path, out: Path, theme_root: Path | None = None) -> list[Path]:
    """Write ``out/<lang>/`` for every language (see the module's text); the projects."""
    root, out = root.resolve(), out.resolve()
    theme_root = (theme_root or root).resolve()
    config = project_config(root, out)
    projects = []
    for lang in LANGUAGES:
        project = out / lang
        project.mkdir(parents=True, exist_ok=True)
        for name in (DOCS, OVERRIDES):
            if (project / name).exists():
                shutil.rmtree(project / name)
        shutil.copytree(out / DOCS, project / DOCS, copy_function=os.link)
        for assets in (theme_root / ASSETS, theme_root / TEMPLATES / "assets" / "kb"):
            _copy_assets(assets, project / DOCS / "assets" / "kb")
        shutil.copytree(theme_root / TEMPLATES, project / OVERRIDES)
        for name, text in ((EMBED_HEAD, _embed_head(theme_root)),
                           (BASE_SCRIPT, _base_script(theme_root))):
            (project / OVERRIDES / name).parent.mkdir(parents=True, exist_ok=True)
            (project / OVERRIDES / name).write_text(text, encoding="utf-8")
        target = project / CONFIG
        if not target.is_file() or target.read_text(encoding="utf-8") != config:
            target.write_text(config, encoding="utf-8")  # unchanged: Zensical's cache holds
        projects.append(project)
    return projects
