"""Debian's nginx and Apache httpd, run for real: each as an ordinary foreground process (no
system service) on free high ports, with its own pid file, logs and temporary files in a
folder of its own, reading Debian's stock main configuration (/etc/nginx/nginx.conf,
/etc/apache2/apache2.conf) with only those paths, the ports and the site file changed, and
serving the site file exactly as `kb server-config` prints it.

Started by the fixtures in tests/served.py; a test is skipped with a reason when a server is
missing (`make test` installs both as root), and fails under CI=true."""

from __future__ import annotations

import getpass
import grp
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
NGINX = Path("/usr/sbin/nginx")
APACHE = Path("/usr/sbin/apache2")
NGINX_CONF = Path("/etc/nginx/nginx.conf")
APACHE_DIR = Path("/etc/apache2")
START_TIMEOUT = 20.0


def unavailable(reason: str) -> None:
    """Skip, or fail under CI=true, where every server test must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"web-server tests cannot run under CI=true: {reason}")
    pytest.skip(reason)


def require(binary: Path, package: str) -> None:
    if not binary.exists():
        unavailable(f"{binary} is missing (apt-get install {package}; make test does this "
                    "as root)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def kb_server_config(kind: str, *args: str, project: Path = ROOT) -> str:
    """What `kb server-config KIND ARGS` prints (the command, run as the user would)."""
    result = subprocess.run([sys.executable, "-m", "macros", "--root", str(project),
                             "server-config", kind, *args],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _is_root() -> bool:
    return os.geteuid() == 0


def _sub(pattern: str, replacement: str, text: str, source: Path) -> str:
    new, count = re.subn(pattern, replacement, text, flags=re.M)
    assert count, f"{source} has no line matching {pattern!r}: not Debian's stock file?"
    return new


@dataclass
class Server:
    """A running server: its base URLs, and the folder with its configuration and logs."""

    name: str
    folder: Path
    process: subprocess.Popen[bytes]
    ports: tuple[int, ...]

    def log(self) -> str:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace")[-3000:]
                         for path in sorted(self.folder.glob("*.log")))


def _wait_for_ports(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    for port in server.ports:
        while True:
            if server.process.poll() is not None:
                raise AssertionError(f"{server.name} stopped at start:\n{server.log()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"{server.name} did not listen on {port}:\n"
                                         f"{server.log()}") from None
                time.sleep(0.05)


@contextmanager
def _running(name: str, command: list[str], folder: Path, ports: tuple[int, ...],
             env: Mapping[str, str] | None = None) -> Iterator[Server]:
    with (folder / "stdout.log").open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})}, start_new_session=True)
    server = Server(name, folder, process, ports)
    try:
        _wait_for_ports(server)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # nginx: fast shutdown; apache2: stop
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


# --- nginx ----------------------------------------------------------------------------------

def nginx_main_conf(folder: Path) -> str:
    """Debian's nginx.conf with the pid, logs, temporary files and sites-enabled/ in
    ``folder``; worker processes as www-data when we are root, as Debian runs them."""
    text = NGINX_CONF.read_text(encoding="utf-8")
    text = _sub(r"^user\s+\S+;", "user www-data;" if _is_root() else "", text, NGINX_CONF)
    text = _sub(r"^pid\s+\S+;", f"pid {folder}/nginx.pid;", text, NGINX_CONF)
    text = _sub(r"^(\s*)error_log\s+\S+;", rf"\1error_log {folder}/error.log;", text, NGINX_CONF)
    text = _sub(r"^(\s*)access_log\s+\S+;", rf"\1access_log {folder}/access.log;", text,
                NGINX_CONF)
    text = _sub(r"include\s+/etc/nginx/sites-enabled/\*;", f"include {folder}/sites-enabled/*;",
                text, NGINX_CONF)
    temp = "".join(f"\t{kind}_temp_path {folder}/{kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return _sub(r"^http\s*\{\n", "http {\n" + temp, text, NGINX_CONF)


def _nginx_command(folder: Path, *args: str) -> list[str]:
    return [str(NGINX), "-p", f"{folder}/", "-c", str(folder / "nginx.conf"),
            "-e", str(folder / "error.log"), *args]


def nginx_test(site_conf: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """`nginx -t` with ``site_conf`` in sites-enabled/."""
    require(NGINX, "nginx")
    (folder / "sites-enabled").mkdir(parents=True, exist_ok=True)
    (folder / "nginx.conf").write_text(nginx_main_conf(folder), encoding="utf-8")
    (folder / "sites-enabled" / "rutiner").write_text(site_conf, encoding="utf-8")
    return subprocess.run(_nginx_command(folder, "-t"), capture_output=True, text=True,
                          timeout=60, check=False)


@contextmanager
def nginx(site_conf: str, folder: Path, ports: tuple[int, ...]) -> Iterator[Server]:
    """nginx serving ``site_conf`` (after `nginx -t` passes) until the block ends."""
    checked = nginx_test(site_conf, folder)
    assert checked.returncode == 0, f"nginx -t failed:\n{checked.stderr}"
    with _running("nginx", _nginx_command(folder, "-g", "daemon off;"), folder, ports) as server:
        yield server


# --- Apache httpd ---------------------------------------------------------------------------

def _module_files(module: str, seen: set[str]) -> list[Path]:
    """What `a2enmod MODULE` enables: its .load and .conf, after its dependencies."""
    if module in seen:
        return []
    seen.add(module)
    available = APACHE_DIR / "mods-available"
    load = available / f"{module}.load"
    assert load.is_file(), f"{load} is missing: is {module} an Apache module?"
    depends = re.findall(r"^#\s*Depends:\s*(.+)$", load.read_text(encoding="utf-8"), re.M)
    files: list[Path] = []
    for dependency in " ".join(depends).split():
        files += _module_files(dependency, seen)
    conf = available / f"{module}.conf"
    return [*files, load, *([conf] if conf.is_file() else [])]


def apache_main_conf(site_file: Path, listens: list[str], modules: tuple[str, ...]) -> str:
    """Debian's apache2.conf with our ports instead of ports.conf, our site file instead of
    sites-enabled/, and the modules the guide says to enable (as a2enmod would)."""
    source = APACHE_DIR / "apache2.conf"
    text = source.read_text(encoding="utf-8")
    text = _sub(r"^Include ports\.conf$", "\n".join(f"Listen {addr}" for addr in listens),
                text, source)
    enabled = {p.stem for p in (APACHE_DIR / "mods-enabled").glob("*.load")}
    seen = set(enabled)
    extra = [f"Include {path}" for module in modules for path in _module_files(module, seen)]
    text = _sub(r"^IncludeOptional mods-enabled/\*\.conf$",
                "IncludeOptional mods-enabled/*.conf\n" + "\n".join(extra), text, source)
    return _sub(r"^IncludeOptional sites-enabled/\*\.conf$",
                f"ServerName localhost\nInclude {site_file}", text, source)


def _apache_env(folder: Path) -> dict[str, str]:
    user = "www-data" if _is_root() else getpass.getuser()
    group = "www-data" if _is_root() else grp.getgrgid(os.getegid()).gr_name
    return {"APACHE_RUN_USER": user, "APACHE_RUN_GROUP": group,
            "APACHE_PID_FILE": str(folder / "apache2.pid"), "APACHE_RUN_DIR": str(folder),
            "APACHE_LOCK_DIR": str(folder), "APACHE_LOG_DIR": str(folder), "LANG": "C"}


def _apache_command(folder: Path, *args: str) -> list[str]:
    return [str(APACHE), "-d", str(APACHE_DIR), "-f", str(folder / "apache2.conf"), *args]


def apache_test(site_conf: str, folder: Path, listens: list[str],
                modules: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    """`apachectl -t` on Debian's apache2.conf with ``site_conf`` as the only site."""
    require(APACHE, "apache2")
    folder.mkdir(parents=True, exist_ok=True)
    site_file = folder / "rutiner.conf"
    site_file.write_text(site_conf, encoding="utf-8")
    (folder / "apache2.conf").write_text(apache_main_conf(site_file, listens, modules),
                                         encoding="utf-8")
    return subprocess.run(_apache_command(folder, "-t"), capture_output=True, text=True,
                          env={**os.environ, **_apache_env(folder)}, timeout=60, check=False)


@contextmanager
def apache(site_conf: str, folder: Path, ports: tuple[int, ...],
           modules: tuple[str, ...]) -> Iterator[Server]:
    listens = [f"127.0.0.1:{port}" for port in ports]
    checked = apache_test(site_conf, folder, listens, modules)
    assert checked.returncode == 0, f"apachectl -t failed:\n{checked.stderr}"
    with _running("apache2", _apache_command(folder, "-DFOREGROUND"), folder, ports,
                  _apache_env(folder)) as server:
        yield server


# --- TLS and requests -----------------------------------------------------------------------

def self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 and localhost, and its key."""
    if shutil.which("openssl") is None:
        unavailable("openssl is missing (apt-get install openssl)")
    cert, key = folder / "test.crt", folder / "test.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)],
                   capture_output=True, check=True, timeout=60)
    return cert, key


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    @property
    def content_type(self) -> str:
        return self.header("Content-Type")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def fetch(url: str, headers: Mapping[str, str] | None = None, method: str = "GET",
          cafile: Path | None = None) -> Response:
    """One request, no redirects followed, the body as sent (not decompressed)."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname or "", parts.port, timeout=30, context=context)
    else:
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path or "/", headers=dict(headers or {}))
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


# --- what a server must send for each kind of file (nginx, Apache; IIS read as XML) --------

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SMALL = 256  # bytes: smaller text need not be compressed (nginx: gzip_min_length)


@dataclass(frozen=True)
class FileType:
    """What a web server must send for one kind of file in the export."""

    kind: str
    pattern: str  # a glob in the export
    types: tuple[str, ...]  # acceptable media types (without parameters)
    text: bool = False  # charset=utf-8 and compressed
    immutable: bool = False
    cors: bool = False
    page: bool = False  # HTML: the CSP
    worker: bool = False  # the search worker: its own CSP (WebAssembly)

    def path(self, export: Path) -> str:
        found = sorted(export.glob(self.pattern))
        assert found, f"the export has no {self.pattern}"
        return found[0].relative_to(export).as_posix()


JS = ("application/javascript", "text/javascript")
XML = ("text/xml", "application/xml")
BINARY = ("application/octet-stream",)  # compressed by Pagefind already: never again
FILE_TYPES = (
    FileType("page", "gallande/index.html", ("text/html",), text=True, page=True),
    FileType("English page", "gallande/en/index.html", ("text/html",), text=True, page=True),
    FileType("Material's stylesheet", "gallande/assets/stylesheets/main.*.min.css",
             ("text/css",), text=True, immutable=True),
    FileType("own stylesheet", "gallande/assets/kb/kb.css", ("text/css",), text=True),
    FileType("Material's script", "gallande/assets/javascripts/bundle.*.min.js", JS,
             text=True, immutable=True),
    FileType("Material's search worker (not used)",
             "gallande/assets/javascripts/workers/search.*.min.js", JS, text=True,
             immutable=True),
    FileType("search worker", "gallande/assets/kb/search-worker.js", JS, text=True,
             worker=True),
    FileType("search engine", "gallande/pagefind/pagefind.js", JS, text=True),
    FileType("search engine's WebAssembly", "gallande/pagefind/wasm.sv.pagefind", BINARY),
    FileType("search index entry", "gallande/pagefind/pagefind-entry.json",
             ("application/json",), text=True),
    FileType("search index metadata", "gallande/pagefind/pagefind.sv_*.pf_meta", BINARY,
             immutable=True),
    FileType("search index piece", "gallande/pagefind/index/en_*.pf_index", BINARY,
             immutable=True),
    FileType("search result", "gallande/pagefind/fragment/sv_*.pf_fragment", BINARY,
             immutable=True),
    FileType("search file", "gallande/search/search.sv.json", ("application/json",),
             text=True),
    FileType("search vocabulary", "gallande/search/words/sv-s.json", ("application/json",),
             text=True),
    FileType("own script", "gallande/assets/kb/kb.js", JS, text=True),
    FileType("source map", "gallande/assets/javascripts/bundle.*.min.js.map",
             ("application/json",), text=True),
    FileType("api JSON", "gallande/api/routines.json", ("application/json",), text=True,
             cors=True),
    FileType("api schema", "gallande/api/schemas/*.json", ("application/json",), text=True,
             cors=True),
    FileType("feed", "gallande/api/routines.sv.atom", ("application/atom+xml",), text=True,
             cors=True),
    FileType("Material's search settings", "gallande/search/search_index.json",
             ("application/json",), text=True),
    FileType("versions", "versions.json", ("application/json",), text=True),
    FileType("sitemap", "gallande/sitemap.xml", XML, text=True),
    FileType("compressed sitemap", "gallande/sitemap.xml.gz", ("application/gzip",)),
    FileType("PDF", "gallande/probe.pdf", ("application/pdf",)),
    FileType("SVG", "gallande/assets/probe.svg", ("image/svg+xml",), text=True),
    FileType("PNG", "gallande/assets/images/favicon.png", ("image/png",)),
    FileType("WOFF2 font", "gallande/assets/probe.woff2", ("font/woff2",)),
    FileType("WOFF font", "gallande/assets/probe.woff", ("font/woff",)),
)
