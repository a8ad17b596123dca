"""Print a page of the built site to PDF with Debian's Chromium (headless, its own CLI).

The page is served from the site folder on 127.0.0.1 by a local HTTP server for the time it
takes, so it loads exactly as a reader's browser would load it. Chromium writes a tagged PDF
(``/Lang`` from the page's ``lang``, ``/Title`` from its ``<title>``) with a document outline
from the headings. The PDF is written next to its target and moved into place only when it
is complete: a failure never leaves a half-written PDF.

``KB_PDF`` chooses (see :func:`pdf_mode`): ``on`` (Chromium is required), ``off``, or
``auto`` (the default: render when Chromium is there, except under ``mkdocs serve``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from macros.links.local_server import serve

PDF_ENV = "KB_PDF"
CHROMIUM_ENV = "KB_CHROMIUM"  # the same variable the browser tests read
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT_S = 120.0
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-default-browser-check",
                 "--no-pdf-header-footer", "--generate-pdf-document-outline")
FIX = ("install Chromium (`make browser` as root, or `apt-get install chromium`; "
       f"{CHROMIUM_ENV}=/path/to/chromium for another place) or build without the PDF: "
       f"{PDF_ENV}=off")


class PdfError(Exception):
    """The PDF cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class PdfMode:
    render: bool
    chromium: Path | None = None
    reason: str = ""  # why the PDF is left out, when it is


def find_chromium(env: Mapping[str, str]) -> Path | None:
    """``KB_CHROMIUM`` when set, else ``chromium`` on the PATH, else /usr/bin/chromium."""
    given = env.get(CHROMIUM_ENV)
    candidates = [Path(given)] if given else [
        *(Path(found) for name in ("chromium", "chromium-browser")
          if (found := shutil.which(name))), DEFAULT_CHROMIUM]
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


def pdf_mode(env: Mapping[str, str], serving: bool = False) -> PdfMode:
    """What ``KB_PDF`` asks for, given whether Chromium is there. Raises :class:`PdfError`
    for an unknown value, and for ``on`` without Chromium."""
    value = (env.get(PDF_ENV) or "auto").strip().lower()
    if value not in ("on", "off", "auto"):
        raise PdfError(f"{PDF_ENV}={env.get(PDF_ENV)!r} is not a choice: use on, off or auto")
    if value == "off":
        return PdfMode(False, reason=f"{PDF_ENV}=off")
    chromium = find_chromium(env)
    if value == "on" and chromium is None:
        where = env.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM
        raise PdfError(f"{PDF_ENV}=on but Chromium was not found ({where}): {FIX}")
    if value == "auto" and serving:
        return PdfMode(False, chromium, f"{PDF_ENV}=auto under mkdocs serve "
                                        f"(make build makes it; {PDF_ENV}=on to make it here)")
    if chromium is None:
        return PdfMode(False, None, f"{PDF_ENV}=auto and Chromium was not found: {FIX}")
    return PdfMode(True, chromium)


@dataclass(frozen=True)
class PdfJob:
    page_path: str  # a URL path in the site, e.g. handlingsplan/hela-planen/
    target: Path  # where the PDF goes

    @property
    def partial(self) -> Path:
        return self.target.with_name(f".{self.target.name}.part")


def render_pdfs(chromium: Path, site_dir: Path, jobs: Sequence[PdfJob],
                timeout: float = TIMEOUT_S) -> float:
    """Print every job's page to its PDF, all at once (one Chromium each); the seconds it
    took. Raises :class:`PdfError` (and leaves no PDF of a job that failed)."""
    for job in jobs:
        page_file = site_dir / job.page_path
        if not (page_file / "index.html" if job.page_path.endswith("/") else page_file).is_file():
            raise PdfError(f"cannot print {job.page_path}: it was not built")
        job.target.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        with serve(site_dir) as base, tempfile.TemporaryDirectory(prefix="kb-pdf-") as tmp:
            running = [(job, _start([str(chromium), *CHROMIUM_ARGS,
                                     f"--user-data-dir={tmp}/{n}",
                                     f"--print-to-pdf={job.partial}", base + job.page_path]))
                       for n, job in enumerate(jobs)]
            try:
                for job, process in running:
                    left = max(1.0, timeout - (time.monotonic() - started))
                    _wait(process, left, base + job.page_path)
            finally:
                for _, process in running:
                    if process.poll() is None:
                        _stop(process)
        for job in jobs:
            _check_pdf(job.partial, job.page_path)
        for job in jobs:
            os.replace(job.partial, job.target)
    finally:
        for job in jobs:
            with suppress(FileNotFoundError):
                job.partial.unlink()
    return time.monotonic() - started


def _start(command: list[str]) -> subprocess.Popen[str]:
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)
    except OSError as exc:
        raise PdfError(f"cannot start Chromium ({command[0]}): {exc.strerror}; {FIX}") from None


def _wait(process: subprocess.Popen[str], timeout: float, url: str) -> None:
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise PdfError(f"Chromium did not finish printing {url} in {timeout:.0f} s; "
                       f"try again, or build without the PDF: {PDF_ENV}=off") from None
    if process.returncode != 0:
        raise PdfError(f"Chromium failed printing {url} (exit {process.returncode}): "
                       f"{_last_lines(stderr)}")


def _stop(process: subprocess.Popen[str]) -> None:
    """End Chromium and the helpers it started (its own process group)."""
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=10)


def _last_lines(stderr: str, count: int = 3) -> str:
    lines = [line for line in stderr.splitlines()
             if line.strip() and "dbus" not in line.lower()]
    return " | ".join(lines[-count:]) or "no message"


def _check_pdf(path: Path, page_path: str) -> None:
    try:
        with path.open("rb") as pdf:
            head = pdf.read(5)
    except FileNotFoundError:
        raise PdfError(f"Chromium wrote no PDF for {page_path}") from None
    if head != b"%PDF-":
        raise PdfError(f"Chromium's output for {page_path} is not a PDF")
