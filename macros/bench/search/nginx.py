"""Serve a built site on 127.0.0.1 with nginx, configured exactly as `kb server-config nginx`
prints it for IT (gzip, caching, the Content-Security-Policy of pages and of the search
worker): the bytes and the rules a reader's browser gets. The site is served as the version
in force (``/gallande/``), as an export would be."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from macros.load.loader import load
from macros.render.csp import theme_script_hashes
from macros.render.server import ServerOptions, render_config, site_settings

PROJECT = Path(__file__).resolve().parents[3]  # the repository: its data, theme and mkdocs.yml
MAIN = """\
daemon off;
worker_processes 1;
{user}
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {mime};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


def available() -> bool:
    return shutil.which("nginx") is not None or Path("/usr/sbin/nginx").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def site_config(root: Path, port: int, project: Path = PROJECT) -> tuple[str, str]:
    """(the configuration `kb server-config nginx --root ROOT --listen 127.0.0.1:PORT` prints,
    the alias of the version in force)."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    result = load(project)
    if result.kb is None:
        raise RuntimeError(f"{project}: the data has errors (kb check)")
    alias = "gallande"
    settings = site_settings(result.kb, theme_script_hashes(
        load_config(str(project / "mkdocs.yml"))), alias)
    options = ServerOptions(root=str(root), listen=f"127.0.0.1:{port}")
    return render_config(settings, "nginx", options), alias


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """nginx serving ``site`` as the version in force on a free port of 127.0.0.1; yields the
    site's base URL (ending in '/')."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    with tempfile.TemporaryDirectory(prefix="kb-nginx-") as tmp:
        port = _free_port()
        export = Path(tmp) / "export"
        export.mkdir()
        config, alias = site_config(export, port)
        (export / alias).symlink_to(site.resolve())
        (Path(tmp) / "site.conf").write_text(config, encoding="utf-8")
        conf = Path(tmp) / "nginx.conf"
        user = "user root;" if os.geteuid() == 0 else ""  # read the site where it is
        conf.write_text(MAIN.format(tmp=tmp, user=user, mime="/etc/nginx/mime.types"),
                        encoding="utf-8")
        process = subprocess.Popen([binary, "-c", str(conf), "-p", tmp],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            for _ in range(100):
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                if process.poll() is not None:
                    raise RuntimeError(f"nginx did not start: {process.stderr.read().decode()}")
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}/{alias}/"
        finally:
            process.terminate()
            process.wait(timeout=10)
