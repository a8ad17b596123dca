"""A sample of hostile text through the real build (issue 15): every plain and Markdown field
of the fixture data holds one (tests/hostile.py); the strict build, whose output gate scans
every file, passes, and nothing in any built file is live. The renderers one by one, by
hypothesis: tests/unit/render/test_hostile_text.py."""

from __future__ import annotations

import json
from pathlib import Path

from macros.model.link_rule import allowed
from tests.conftest import mkdocs_build
from tests.hostile import SAMPLE, hostile_project, read_html


def test_a_hostile_sample_through_the_real_build(tmp_path: Path) -> None:
    """Every plain and Markdown field holds a hostile text; the strict build (whose output gate
    scans every file) passes, and nothing in any built file is live."""
    project = tmp_path / "project"
    values = hostile_project(project)
    assert len(values) > 60
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    site = project / "site"
    seen_jinja = seen_entities = 0
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".json", ".atom", ".xml"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "49 Rubrik" not in text and str(project) not in text, path
        assert "config_file_path" not in text, path
        seen_jinja += text.count("{{ 7*7 }} Rubrik")
        assert "<img src=x" not in text, path
        seen_entities += text.count("&amp;lt;img src=x onerror=alert(1)&amp;gt;")
        if path.suffix == ".html":
            read = read_html(text)
            for tag, attribute, target in read.attributes:
                assert not attribute.startswith("on"), (path, tag, attribute)
                if attribute in ("href", "src") and target is not None:
                    assert allowed(target), (path, tag, target)
    assert seen_jinja > 20, "the Jinja text is shown, as text, on many pages"
    assert seen_entities > 5, "references in the data are shown as written"
    records = json.loads((site / "api" / "pages.json").read_text(encoding="utf-8"))
    assert SAMPLE[0] + " sida" in {record["title"] for record in records["pages"]}

