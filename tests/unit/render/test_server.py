"""`kb server-config`: the options, the refusals, and the IIS web.config read as XML against the
settings nginx and Apache are tested with (tests/web_servers.py, tests/servers/). IIS itself is
not run. The command runs in this process; as its own process, serving for real:
tests/servers/. The guide shows what the command prints: tests/site/test_server_config.py."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.cli import main
from macros.model.core import KnowledgeBase
from macros.render.blocks import UnknownReference
from macros.render.csp import Policy, frame_ancestors
from macros.render.server import (
    DEBIAN_TEST_CERT,
    FINGERPRINTED,
    ServerOptions,
    SiteSettings,
    render_config,
    server_config,
)
from tests.conftest import ROOT
from tests.web_servers import FILE_TYPES, IMMUTABLE


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def kb(project: Path, *args: str) -> Run:
    """`kb --root PROJECT ARGS`, run in this process; never an uncaught exception."""
    result = CliRunner().invoke(main, ["--root", str(project), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return Run(result.exit_code, result.stdout, result.stderr)


def kb_server_config(kind: str, *args: str) -> str:
    result = kb(ROOT, "server-config", kind, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


SITE = SiteSettings(host="rutiner.example.se",
                    policy=Policy(("'sha256-abc='",), ("https://intranat.example.se",)))


@pytest.mark.parametrize("kind", ["nginx", "apache", "iis"])
def test_the_policy_names_the_intranet_and_the_theme_scripts(repo_kb: KnowledgeBase,
                                                             kind: str) -> None:
    printed = kb_server_config(kind)
    origins = list(repo_kb.organisation.municipality.intranet_origins)
    assert origins, "organisation.yml names the intranet"
    assert frame_ancestors(origins) in printed
    hashes = re.findall(r"'sha256-[A-Za-z0-9+/=]+'", printed)
    assert len(hashes) >= 3 and "unsafe-inline" not in printed
    assert "X-Frame-Options" not in printed  # cannot name another origin


def test_options_fill_in_the_configuration() -> None:
    options = ServerOptions(root="/srv/rutiner", listen="10.0.0.5:8080",
                            server_name="kb.intra.example.se")
    nginx = render_config(SITE, "nginx", options)
    assert "root /srv/rutiner;" in nginx and "listen 10.0.0.5:8080;" in nginx
    assert "server_name kb.intra.example.se;" in nginx and "ssl" not in nginx.split("server {")[1]
    assert "# kb server-config nginx --root /srv/rutiner --listen 10.0.0.5:8080 " \
           "--server-name kb.intra.example.se" in nginx
    apache = render_config(SITE, "apache", options)
    assert "<VirtualHost 10.0.0.5:8080>" in apache and "DocumentRoot /srv/rutiner" in apache
    assert "a2enmod headers;" in apache and "SSLEngine" not in apache
    tls = render_config(SITE, "nginx", ServerOptions(tls=("/etc/ssl/a.pem", "/etc/ssl/a.key")))
    assert "listen 443 ssl http2;" in tls and "ssl_certificate     /etc/ssl/a.pem;" in tls
    assert "return 301 https://$server_name$request_uri;" in tls
    assert "a2enmod headers ssl;" in render_config(SITE, "apache", ServerOptions(
        tls=("/etc/ssl/a.pem", "/etc/ssl/a.key")))


@pytest.mark.parametrize("bad", ["/var/www/x; include /etc/passwd", '/var/"www', "/a b",
                                 "/x}", "relative/path"])
def test_an_option_that_would_break_the_file_is_refused(tmp_path: Path, bad: str) -> None:
    result = kb(ROOT, "server-config", "nginx", "--root", bad)
    assert result.returncode == 2 and result.stdout == ""
    assert "--root" in result.stderr and "Traceback" not in result.stderr


def test_unknown_server_is_a_reference_error() -> None:
    with pytest.raises(UnknownReference, match="nginx, apache, iis"):
        server_config(SITE, "lighttpd")
    result = kb(ROOT, "server-config", "lighttpd")
    assert result.returncode == 2 and "nginx" in result.stderr


def test_data_errors_stop_the_command(data_copy: object) -> None:
    project = data_copy()  # type: ignore[operator]
    organisation = project / "routines" / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "site_url:", "site_url_typo:", 1), encoding="utf-8")
    result = kb(project, "server-config", "nginx")
    assert result.returncode == 1 and "organisation.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_help_names_every_option() -> None:
    result = kb(ROOT, "server-config", "--help")
    assert result.returncode == 0, result.stderr
    for option in ("--root", "--listen", "--server-name", "--tls", "nginx|apache|iis"):
        assert option.split("|")[0] in result.stdout


# --- IIS: not run; read as XML against what nginx and Apache are tested with -----------------

def _iis(tls: bool = False) -> ET.Element:
    printed = kb_server_config("iis", *(["--tls", *DEBIAN_TEST_CERT] if tls else []))
    return ET.fromstring(printed.encode("utf-8"))


def _outbound(root: ET.Element, name: str) -> tuple[str, str, list[str]]:
    rule = root.find(f"system.webServer/rewrite/outboundRules/rule[@name='{name}']")
    assert rule is not None, name
    match, action = rule.find("match"), rule.find("action")
    assert match is not None and action is not None
    condition = rule.get("preCondition")
    patterns = [add.get("pattern", "") for add in root.iterfind(
        f"system.webServer/rewrite/outboundRules/preConditions/preCondition[@name='{condition}']"
        "/add")]
    return match.get("serverVariable", ""), action.get("value", ""), patterns


def test_iis_types_add_to_the_servers_map_with_the_same_types_and_charset() -> None:
    content = _iis().find("system.webServer/staticContent")
    assert content is not None and content.find("clear") is None  # add, never replace
    maps = {m.get("fileExtension"): m.get("mimeType", "") for m in content.iterfind("mimeMap")}
    removed = {r.get("fileExtension") for r in content.iterfind("remove")}
    assert set(maps) == removed  # remove-then-add: no duplicate-entry error on IIS
    for file_type in FILE_TYPES:
        extension = "." + file_type.pattern.rsplit(".", 1)[1]
        media, *parameters = [p.strip() for p in maps[extension].split(";")]
        assert media in file_type.types, (extension, maps[extension])
        assert (parameters == ["charset=utf-8"]) == file_type.text, extension


def test_iis_headers_match_the_tested_servers(repo_kb: KnowledgeBase) -> None:
    root = _iis()
    variable, value, conditions = _outbound(root, "kb-csp")
    assert variable == "RESPONSE_Content_Security_Policy" and conditions == ["^text/html"]
    assert value == kb_server_config("nginx").split('~^text/html  "')[1].split('"')[0]
    variable, value, conditions = _outbound(root, "kb-immutable")
    assert (variable, value) == ("RESPONSE_Cache_Control", IMMUTABLE)
    assert conditions == [FINGERPRINTED]
    variable, value, conditions = _outbound(root, "kb-cors")
    assert (variable, value) == ("RESPONSE_Access_Control_Allow_Origin", "*")
    api = re.compile(conditions[0])
    assert api.search("/gallande/api/routines.json") and api.search("/api/routines.sv.atom")
    assert not api.search("/gallande/api/") and not api.search("/gallande/search/x.json")
    cache = root.find("system.webServer/staticContent/clientCache")
    assert cache is not None and cache.get("cacheControlCustom") == "no-cache"
    headers = {h.get("name"): h.get("value") for h in root.iterfind(
        "system.webServer/httpProtocol/customHeaders/add")}
    assert headers["X-Content-Type-Options"] == "nosniff"
    compression = root.find("system.webServer/urlCompression")
    assert compression is not None and compression.get("doStaticCompression") == "true"


def test_iis_redirects_the_root_and_answers_404_with_the_version_in_force() -> None:
    root = _iis()
    rule = root.find("system.webServer/rewrite/rules/rule[@name='kb-root']")
    assert rule is not None
    assert rule.find("match").get("url") == "^$"  # type: ignore[union-attr]
    assert rule.find("action").get("url") == "/gallande/"  # type: ignore[union-attr]
    error = root.find("system.webServer/httpErrors/error[@statusCode='404']")
    assert error is not None and error.get("path") == "/gallande/404.html"
    assert root.find("system.webServer/rewrite/rules/rule[@name='kb-https']") is None
    secure = _iis(tls=True)
    https = secure.find("system.webServer/rewrite/rules/rule[@name='kb-https']")
    assert https is not None
    assert https.find("action").get("url") == \
        "https://rutiner.upplandsvasby.se/{R:1}"  # type: ignore[union-attr]
    assert "Strict-Transport-Security" in {h.get("name") for h in secure.iterfind(
        "system.webServer/httpProtocol/customHeaders/add")}

