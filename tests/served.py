"""The published site as IT gets it, served by real nginx and Apache httpd (tests/web_servers.py).

- ``fixture_export``: tests/fixtures/site published twice (2019, then 2026 as `gallande`) into
  a temporary git repository — the deploy branch of the ``published`` fixture
  (tests/publishing.py), which the publishing tests read too — written out by
  `kb export-site` into a folder the servers may read, plus a few probe files of types the
  small site does not have (SVG, fonts, PDF), so every type the configuration names is
  served once.
- ``real_export``: this repository's site, published once as `gallande` (the PDF included when
  Chromium is there), for the browser tests and Lighthouse.
- Servers: the configuration exactly as `kb server-config` prints it, with only the folder and
  the listening addresses given as options (`--root`, `--listen`, `--redirect-listen`).

The exports go into folders anyone may read (/tmp/kb-served-…): as root the servers' workers
run as www-data, as on Debian, so a file they could not read would show.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.links.local_server import serve
from macros.model.core import KnowledgeBase
from macros.render.server import apache_modules
from tests.conftest import ROOT, copy_project
from tests.publishing import Published, commit_all, export_site, git, kb
from tests.web_servers import (
    APACHE,
    NGINX,
    Server,
    apache,
    free_port,
    kb_server_config,
    nginx,
    require,
    self_signed,
)

# Tiny files of the types the small site lacks: a web server types them by their extension.
PROBES = {
    "gallande/assets/probe.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="1" '
                                 b'height="1"><title>probe</title>' + b" " * 400 + b"</svg>\n",
    "gallande/assets/probe.woff2": b"wOF2" + b"\0" * 60,
    "gallande/assets/probe.woff": b"wOFF" + b"\0" * 60,
    "gallande/probe.pdf": b"%PDF-1.4\n%probe\n",
}


def readable_folder(prefix: str) -> Path:
    """A new folder under /tmp that the servers' www-data workers may read."""
    folder = Path(tempfile.mkdtemp(prefix=f"kb-served-{prefix}-"))
    folder.chmod(0o755)
    return folder


@pytest.fixture(scope="session")
def fixture_export(published: Published) -> Iterator[Path]:
    """The small site with two published versions, exported, plus the probe files."""
    folder = readable_folder("fixture")
    export = export_site(published.project, folder / "export")
    for name, content in PROBES.items():
        (export / name).write_bytes(content)
    yield export
    shutil.rmtree(folder, ignore_errors=True)


def _current_version() -> str:
    from tests.conftest import loaded

    return loaded(ROOT).revisions[-1].version


def publish_real(workdir: Path, target: Path) -> Path:
    """This repository's site published as the version in force in a git repository in
    ``workdir``, exported to ``target``."""
    project = copy_project(ROOT, workdir / "project")
    (project / ".gitignore").write_text("/site/\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "plan")
    published = kb(project, "publish", _current_version(), "--alias", "gallande")
    assert published.returncode == 0, published.stdout + published.stderr
    return export_site(project, target)


@pytest.fixture(scope="session")
def real_export(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """This repository's site, published as the version in force and exported."""
    folder = readable_folder("real")
    yield publish_real(tmp_path_factory.mktemp("served-real"), folder / "export")
    shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Served:
    """A server of an export: ``url`` is its plain-HTTP or HTTPS root (no trailing slash)."""

    server: Server
    url: str
    export: Path
    config: str  # the site configuration it serves, as printed
    redirect_url: str = ""  # with TLS: the plain-HTTP server that redirects
    cafile: Path | None = None


@contextmanager
def serve_export(kind: str, export: Path, folder: Path, tls: bool = False,
                 edit: dict[str, str] | None = None) -> Iterator[Served]:
    """``export`` served by nginx or Apache (``kind``) from `kb server-config`'s output with
    --root and --listen (and --tls, --redirect-listen); ``edit``: documented changes to it."""
    require(NGINX if kind == "nginx" else APACHE, "nginx" if kind == "nginx" else "apache2")
    port, redirect_port = free_port(), free_port()
    args = ["--root", str(export), "--listen", f"127.0.0.1:{port}"]
    cafile = None
    if tls:
        cert, key = self_signed(folder)
        cafile = cert
        args += ["--redirect-listen", f"127.0.0.1:{redirect_port}", "--tls", str(cert), str(key)]
    config = kb_server_config(kind, *args)
    served_config = config
    for old, new in (edit or {}).items():
        assert old in served_config, old
        served_config = served_config.replace(old, new)
    ports = (port, redirect_port) if tls else (port,)
    scheme = "https" if tls else "http"
    if kind == "nginx":
        running = nginx(served_config, folder / "nginx", ports)
    else:
        running = apache(served_config, folder / "apache", ports, apache_modules(tls))
    with running as server:
        yield Served(server, f"{scheme}://127.0.0.1:{port}", export, config,
                     f"http://127.0.0.1:{redirect_port}" if tls else "", cafile)


@pytest.fixture(scope="session", params=["nginx", "apache"])
def served_fixture(request: pytest.FixtureRequest, fixture_export: Path,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The two-version export over plain HTTP, by nginx and by Apache."""
    folder = tmp_path_factory.mktemp(request.param)
    with serve_export(request.param, fixture_export, folder) as served:
        yield served


@pytest.fixture(scope="session", params=["nginx", "apache"])
def served_tls(request: pytest.FixtureRequest, fixture_export: Path,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The same export over HTTPS (a throwaway certificate), plain HTTP redirecting."""
    folder = tmp_path_factory.mktemp(f"{request.param}-tls")
    with serve_export(request.param, fixture_export, folder, tls=True) as served:
        yield served


@dataclass
class RealSite:
    """This site served by nginx (``base``: the version in force, no trailing slash), and an
    intranet on another origin that the configuration allows to frame it."""

    served: Served
    base: str
    site: Path  # the folder nginx serves at ``base``
    intranet: str  # http://127.0.0.1:<port> serving ``intranet_dir``
    intranet_dir: Path


@pytest.fixture(scope="session")
def nginx_real(real_export: Path, repo_kb: KnowledgeBase,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealSite]:
    """This site by nginx, from `kb server-config nginx`; the intranet's origin in
    frame-ancestors is the test intranet's (the only other change)."""
    intranet_dir = readable_folder("intranet")
    origins = " ".join(repo_kb.organisation.municipality.intranet_origins)
    with serve(intranet_dir) as intranet_url:
        intranet = intranet_url.rstrip("/")
        edit = {f"frame-ancestors 'self' {origins}": f"frame-ancestors 'self' {intranet}"}
        with serve_export("nginx", real_export, tmp_path_factory.mktemp("nginx-real"),
                    edit=edit) as served:
            yield RealSite(served, served.url + "/gallande", real_export / "gallande", intranet,
                           intranet_dir)
    shutil.rmtree(intranet_dir, ignore_errors=True)
