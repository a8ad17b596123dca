"""The exported site served by real nginx and Apache httpd from the configuration
`kb server-config` prints (tests/served.py): every file type with its Content-Type and charset,
compression with Vary, caching, the Content-Security-Policy on pages (and the search worker's
own), CORS only for api/, the
root's redirect, 404 pages per language and version, and TLS with a redirect from HTTP."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from macros.render.csp import WORKER_POLICY
from macros.render.server import DEBIAN_TEST_CERT, FINGERPRINTED, apache_modules
from tests.served import Served
from tests.web_servers import (
    APACHE,
    FILE_TYPES,
    IMMUTABLE,
    NGINX,
    REVALIDATE,
    SMALL,
    FileType,
    apache_test,
    fetch,
    free_port,
    kb_server_config,
    nginx_test,
    require,
)


def policy(served: Served) -> str:
    """The Content-Security-Policy the configuration sets on pages."""
    found = re.search(r"(default-src 'self';[^\"]*)\"", served.config)
    assert found, "the configuration sets no Content-Security-Policy"
    return found.group(1)


@pytest.mark.parametrize("file_type", FILE_TYPES, ids=[t.kind for t in FILE_TYPES])
def test_every_file_type_is_served_right(served_fixture: Served, file_type: FileType) -> None:
    path = file_type.path(served_fixture.export)
    url = f"{served_fixture.url}/{path}"
    response = fetch(url, {"Accept-Encoding": "gzip"})
    assert response.status == 200, (url, response.status)
    media, *parameters = [part.strip() for part in response.content_type.split(";")]
    assert media in file_type.types, (path, response.content_type)
    assert (parameters == ["charset=utf-8"]) == file_type.text, (path, response.content_type)
    # text travels compressed (a file of a few bytes may not), and caches keep one copy per
    # encoding; the rest as it is
    content = (served_fixture.export / path).read_bytes()
    encoding = response.header("Content-Encoding")
    if file_type.text and len(content) >= SMALL:
        assert encoding == "gzip", (path, encoding)
    if encoding == "gzip":
        assert file_type.text, path
        assert "accept-encoding" in response.header("Vary").lower(), path
        assert gzip.decompress(response.body) == content
    else:
        assert encoding == "" and response.body == content, path
    expected_cache = IMMUTABLE if file_type.immutable else REVALIDATE
    assert response.header("Cache-Control") == expected_cache, path
    csp = response.header("Content-Security-Policy")
    expected_csp = (policy(served_fixture) if file_type.page
                    else WORKER_POLICY if file_type.worker else "")
    assert csp == expected_csp, path
    assert response.header("Access-Control-Allow-Origin") == ("*" if file_type.cors else "")
    assert response.header("X-Content-Type-Options") == "nosniff"


@pytest.mark.parametrize("path", ["gallande/index.html", "versions.json",
                                  "gallande/api/routines.json", "gallande/assets/kb/kb.js",
                                  "gallande/pagefind/pagefind.js",
                                  "gallande/pagefind/wasm.en.pagefind"])
def test_what_is_revalidated_comes_back_not_modified(served_fixture: Served, path: str) -> None:
    """no-cache means "ask first": the validators of a response give 304 Not Modified."""
    url = f"{served_fixture.url}/{path}"
    first = fetch(url, {"Accept-Encoding": "gzip"})
    validators = {"If-None-Match": first.header("ETag"),
                  "If-Modified-Since": first.header("Last-Modified")}
    again = fetch(url, {"Accept-Encoding": "gzip", **{k: v for k, v in validators.items() if v}})
    assert again.status == 304, (path, dict(first.headers))


def test_fingerprinted_names_are_material_assets(served_fixture: Served) -> None:
    """Only names with a content hash are cached for a year: Material's assets and the pieces
    of the search index, never a page, our assets or the search engine's own files."""
    names = [p.name for p in served_fixture.export.rglob("*") if p.is_file()]
    long_lived = {n for n in names if re.search(FINGERPRINTED, n)}
    assert long_lived and all(n.startswith(("main.", "palette.", "bundle.", "search.", "sv_",
                                            "en_", "pagefind.sv_", "pagefind.en_"))
                              for n in long_lived), sorted(long_lived)
    assert any(n.endswith(".pf_index") for n in long_lived)
    assert not {"pagefind.js", "pagefind-entry.json", "wasm.sv.pagefind",
                "search-worker.js"} & long_lived


def test_the_root_goes_to_the_version_in_force(served_fixture: Served) -> None:
    response = fetch(served_fixture.url + "/")
    assert response.status == 302
    assert urljoin(served_fixture.url + "/", response.header("Location")) == \
        served_fixture.url + "/gallande/"
    folder = fetch(served_fixture.url + "/gallande")
    assert folder.status == 301
    assert urljoin(served_fixture.url + "/", folder.header("Location")) == \
        served_fixture.url + "/gallande/"


NOT_FOUND = {"sv": "Sidan finns inte", "en": "Page not found"}


@pytest.mark.parametrize(("path", "lang", "version"), [
    ("gallande/finns-inte/", "sv", "2026"),
    ("gallande/en/finns-inte/", "en", "2026"),
    ("2019/rutiner/finns-inte/", "sv", "2019"),
    ("2019/en/rutiner/finns-inte/", "en", "2019"),
    ("2026/en/no-such-page.html", "en", "2026"),
    ("finns-inte/alls", "sv", "2026"),  # outside any version: the version in force's
    ("1999/en/finns-inte/", "sv", "2026"),  # no such version
])
def test_a_missing_page_answers_404_in_the_readers_language(served_fixture: Served, path: str,
                                                            lang: str, version: str) -> None:
    response = fetch(f"{served_fixture.url}/{path}")
    assert response.status == 404
    assert response.content_type == "text/html; charset=utf-8"
    assert f'<html lang="{lang}"' in response.text
    assert f"<h1>{NOT_FOUND[lang]}</h1>" in response.text
    assert f"/{version}/assets/" in response.text  # the 404 page of that version
    assert response.header("Content-Security-Policy") == policy(served_fixture)


def test_hidden_files_are_not_served(served_fixture: Served) -> None:
    assert (served_fixture.export / ".kb-export.json").is_file()
    assert fetch(served_fixture.url + "/.kb-export.json").status == 404


def test_https_and_the_redirect_from_http(served_tls: Served) -> None:
    page = fetch(served_tls.url + "/gallande/", cafile=served_tls.cafile)
    assert page.status == 200 and '<html lang="sv"' in page.text
    assert page.header("Strict-Transport-Security") == "max-age=31536000"
    assert page.header("Content-Security-Policy") == policy(served_tls)
    redirect = fetch(served_tls.redirect_url + "/gallande/en/?q=1")
    assert redirect.status == 301
    assert redirect.header("Location") == "https://rutiner.upplandsvasby.se/gallande/en/?q=1"


# --- the configurations as printed, with nothing changed ------------------------------------

@pytest.mark.parametrize("tls", [False, True], ids=["http", "tls"])
def test_nginx_accepts_the_configuration_as_printed(tmp_path: Path, tls: bool) -> None:
    require(NGINX, "nginx")
    args = ["--tls", *DEBIAN_TEST_CERT] if tls else []
    if tls and not all(Path(p).is_file() for p in DEBIAN_TEST_CERT):
        pytest.skip("Debian's test certificate is missing (apt-get install ssl-cert; "
                    "make-ssl-cert generate-default-snakeoil; make test does this as root)")
    result = nginx_test(kb_server_config("nginx", *args), tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("tls", [False, True], ids=["http", "tls"])
def test_apache_accepts_the_configuration_as_printed(tmp_path: Path, tls: bool) -> None:
    require(APACHE, "apache2")
    args = ["--tls", *DEBIAN_TEST_CERT] if tls else []
    if tls and not all(Path(p).is_file() for p in DEBIAN_TEST_CERT):
        pytest.skip("Debian's test certificate is missing (apt-get install ssl-cert; "
                    "make-ssl-cert generate-default-snakeoil; make test does this as root)")
    ports = [f"127.0.0.1:{free_port()}"]
    result = apache_test(kb_server_config("apache", *args), tmp_path, ports,
                         apache_modules(tls))
    assert result.returncode == 0, result.stderr
