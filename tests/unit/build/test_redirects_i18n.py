"""The English redirects (macros/build/redirects_i18n.py) without a build: a configuration without
mkdocs-redirects gets none. In a real strict build: tests/site/test_redirects.py."""

from __future__ import annotations

from pathlib import Path

from macros.build.redirects_i18n import write_language_redirects


def test_without_the_redirects_plugin_nothing_is_written(tmp_path: Path) -> None:
    class Config(dict[str, object]):
        plugins: dict[str, object]

    config = Config(site_dir=str(tmp_path), use_directory_urls=True)
    config.plugins = {}  # a mkdocs.yml without `redirects`
    assert write_language_redirects(config, "en") == []
    assert list(tmp_path.iterdir()) == []
