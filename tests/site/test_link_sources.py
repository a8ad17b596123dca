"""A broken link written in the data is named by its YAML file, line and field in the
build's warning (macros/build/link_sources.py; issue 15)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build


def test_a_broken_link_in_the_data_is_named_by_its_yaml_line(tmp_path: Path) -> None:
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    routine = project / "routines" / "socialtjanst" / "orosanmalan.yml"
    routine.write_text(routine.read_text(encoding="utf-8").replace(
        "Anmäl **direkt** till socialtjänsten.", "Se [sidan](../../finns-inte.md)."),
        encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("routines/socialtjanst/orosanmalan.yml:14: steps[0].sv: länken ../../finns-inte.md "
            "i data leder inte till någon sida på webbplatsen / the link ../../finns-inte.md in "
            "the data leads to no page of the site") in output, output[-3000:]
    assert "(MkDocs: Doc file 'rutiner/socialtjanst/orosanmalan.md' contains a link" in output

