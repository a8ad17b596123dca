"""The embedding guide shows exactly what `kb server-config … --tls` prints, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.render.server import DEBIAN_TEST_CERT
from tests.conftest import read
from tests.web_servers import kb_server_config


@pytest.mark.parametrize("path", ["inbaddning/", "en/inbaddning/"])
def test_the_guide_shows_what_kb_server_config_prints(real_site: Path, path: str) -> None:
    soup = BeautifulSoup(read(real_site, path + "index.html"), "html.parser")
    shown = [code.get_text() for code in soup.select("article pre code")]
    for kind in ("nginx", "apache", "iis"):
        printed = kb_server_config(kind, "--tls", *DEBIAN_TEST_CERT)
        assert printed in shown, f"the guide does not show `kb server-config {kind} --tls …`"
