"""Run the output gate (:mod:`macros.build.output_gate`) at the end of a build: every finding
is logged with the built file, what is wrong, the fix and the source file to edit; the files
are removed from the site folder (so even a build that is not strict never leaves them to be
copied to a server); the build stops."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from macros.api.models import PageRecord
from macros.build.output_gate import OutputGate, theme_scripts
from macros.model.catalogue import both
from macros.render.urls import site_path

log = get_plugin_logger("kb")


def built_file(path: str) -> str:
    """A page's file in the site folder from its path (``en/rutiner/`` → ``…/index.html``)."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def stop_unsafe_output(config: MkDocsConfig, script_hashes: Iterable[str],
                       records: Iterable[PageRecord], workers: int = 1) -> None:
    """Scan the built site (in ``workers`` processes); on any finding log it, remove the
    files and raise PluginError."""
    site_dir = Path(config.site_dir)
    gate = OutputGate(theme_scripts(config.theme.dirs, config.extra_javascript),
                      frozenset(script_hashes), site_path(config.site_url))
    started = time.perf_counter()
    findings = gate.scan(site_dir, workers)
    log.info(f"output gate: {site_dir.name}/ scanned in {time.perf_counter() - started:.2f} s")
    if not findings:
        return
    sources = {built_file(record.path): record.source for record in records}
    for finding in findings:
        source = sources.get(finding.file)
        edit = f" ({both('gate_source', source=source)})" if source else ""
        log.error(f"{site_dir.name}/{finding.file}: error: {finding.message} — "
                  f"{finding.fix}{edit}")
    files = sorted({finding.file for finding in findings})
    for name in files:
        (site_dir / name).unlink(missing_ok=True)
    raise PluginError(both("gate_stopped", count=len(findings), files=len(files),
                           site=f"{site_dir.name}/"))
