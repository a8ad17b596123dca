"""The project's settings, one class for the build and the CLI: the `kb` plugin's section of
`mkdocs.yml` (``data_dir``, ``deploy_branch``, ``current_alias``) and MkDocs' ``docs_dir``.

The defaults live here only. The plugin's config class (:mod:`macros.build.plugin`) declares
its options from :data:`DEFAULTS`, and the CLI reads the same section with
:func:`read_settings`, so a build and `kb check` / `kb publish` never disagree about where the
data is or which alias is in force.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Settings:
    data_dir: str = "routines"  # the YAML data (routines/*.yml)
    docs_dir: str = "docs"  # the prose pages (MkDocs' own setting)
    deploy_branch: str = "site"  # where `kb publish` deploys the versions with mike
    current_alias: str = "gallande"  # alias of the version in force ("the current one")

    @classmethod
    def from_sections(cls, kb: dict[str, Any], docs_dir: object = None) -> Settings:
        """From the kb plugin's options (missing ones take the defaults) and ``docs_dir``."""
        values = {f.name: str(kb[f.name]) for f in fields(cls) if kb.get(f.name) is not None}
        if docs_dir is not None:
            values["docs_dir"] = str(docs_dir)
        return cls(**values)


DEFAULTS = Settings()


def read_settings(root: Path) -> Settings:
    """The settings of the project in ``root`` (defaults when mkdocs.yml is absent or unreadable:
    `kb check` then reports the real problem)."""
    try:
        # `!!python/name:` tags in mkdocs.yml are kept as tags, never constructed
        config: Any = YAML(typ="rt").load((root / CONFIG_FILE).read_text(encoding="utf-8")) or {}
    except (OSError, YAMLError):
        return DEFAULTS
    kb: dict[str, Any] = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("kb"), dict):
            kb = dict(plugin["kb"])
    return Settings.from_sections(kb, config.get("docs_dir"))
