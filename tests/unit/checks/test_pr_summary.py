"""`kb pr-summary`: a pull request without a written summary fails, with a bilingual message."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.checks.pr_summary import EMPTY, HEADING, MISSING, check_summary, summary_section
from macros.cli.pr_summary import pr_summary_command as pr_summary
from tests.conftest import ROOT

TEMPLATE_PATH = ROOT / ".github" / "pull_request_template.md"
TEMPLATE = TEMPLATE_PATH.read_text(encoding="utf-8")
WRITTEN = "Ny rutin för orosanmälan i förskolan; kontaktlistan uppdaterad."


def filled(text: str = WRITTEN) -> str:
    """The template with the summary written under the heading (comment left in place)."""
    heading = f"## {HEADING}\n"
    return TEMPLATE.replace(heading, f"{heading}\n{text}\n", 1)


def run(body: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(pr_summary, ["--body-file", "-", *args], input=body)
    return result.exit_code, result.output


# --- the template ----------------------------------------------------------------------

def test_the_template_is_bilingual_swedish_first() -> None:
    assert TEMPLATE.startswith(f"## {HEADING}\n")
    for swedish, english in [("Sammanfattning av ändringen", "Summary of the change"),
                             ("Typ av ändring", "Kind of change"),
                             ("Tillfrågade ägare", "Owners asked"),
                             ("Checklista", "Checklist")]:
        assert f"## {swedish} / {english}" in TEMPLATE
    for kind in ("Ny rutin / New routine", "Ändrad rutin / Changed routine",
                 "Revidering av handlingsplanen / Plan revision",
                 "Kontaktuppgifter / Contacts", "Annat / Other"):
        assert f"- [ ] {kind}" in TEMPLATE
    assert "kb check" in TEMPLATE and "last_reviewed" in TEMPLATE and "Engelsk" in TEMPLATE


# --- the function ----------------------------------------------------------------------

def test_untouched_template_fails() -> None:
    result = check_summary(TEMPLATE, TEMPLATE)
    assert not result.ok and result.problem == EMPTY


def test_filled_template_passes() -> None:
    result = check_summary(filled(), TEMPLATE)
    assert result.ok and result.summary == WRITTEN


def test_missing_section_fails() -> None:
    body = TEMPLATE.split("## Typ av ändring", 1)[1]
    assert check_summary("## Typ av ändring" + body, TEMPLATE).problem == MISSING
    assert check_summary("", TEMPLATE).problem == MISSING
    assert check_summary(None).problem == MISSING
    assert check_summary("Summary: fixed a link").problem == MISSING


@pytest.mark.parametrize("section", [
    "",
    "   \n\n\t",
    "<!-- skriv här / write here -->",
    "<!-- not closed, so GitHub hides the rest",
    "- \n...\n",
])
def test_empty_sections_fail(section: str) -> None:
    body = f"## {HEADING}\n{section}\n## Typ av ändring / Kind of change\n- [x] Annat"
    assert check_summary(body, TEMPLATE).problem == EMPTY


def test_placeholder_with_comment_markers_removed_fails() -> None:
    uncommented = TEMPLATE.replace("<!--", "").replace("-->", "")
    assert check_summary(uncommented, TEMPLATE).problem == EMPTY
    # the same text without the template to compare with counts as written
    assert check_summary(uncommented).ok


def test_text_in_the_next_section_does_not_count() -> None:
    body = TEMPLATE.replace("- [ ] Annat / Other", "- [x] Annat / Other\n\nLänkfix.")
    assert check_summary(body, TEMPLATE).problem == EMPTY


def test_subheadings_inside_the_summary_count_as_summary() -> None:
    body = f"## {HEADING}\n### Varför / Why\nNya kontaktuppgifter.\n## Checklista / Checklist\n"
    assert check_summary(body).summary == "### Varför / Why\nNya kontaktuppgifter."


def test_heading_variants() -> None:
    for heading in ("# Sammanfattning", "### Summary of the change ###", "## SAMMANFATTNING AV"
                    " ÄNDRINGEN / SUMMARY OF THE CHANGE"):
        assert check_summary(f"{heading}\r\nEn ändring.\r\n").summary == "En ändring."


def test_a_heading_inside_a_code_fence_is_not_the_section() -> None:
    body = f"```\n## {HEADING}\nkod\n```\n"
    assert summary_section(body) is None


# --- the command -------------------------------------------------------------------------

def test_command_fails_on_the_untouched_template() -> None:
    code, out = run(TEMPLATE, "--template", str(TEMPLATE_PATH))
    assert code == 1
    assert "Sammanfattningen är tom" in out and "The summary is empty" in out


def test_command_passes_on_a_filled_template() -> None:
    code, out = run(filled(), "--template", str(TEMPLATE_PATH))
    assert code == 0 and out.startswith("OK: ")


def test_command_fails_on_a_missing_section() -> None:
    code, out = run("Fixade en länk.\n")
    assert code == 1
    assert "Sammanfattning saknas" in out and "Summary missing" in out
    assert HEADING in out


def test_command_reads_a_body_file_and_uses_the_template_under_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/pull_request_template.md").write_text(TEMPLATE, encoding="utf-8")
    body = tmp_path / "body.md"
    body.write_text(TEMPLATE.replace("<!--", "").replace("-->", ""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(pr_summary, ["--body-file", str(body)])
    assert result.exit_code == 1, result.output
    body.write_text(filled(), encoding="utf-8")
    assert CliRunner().invoke(pr_summary, ["--body-file", str(body)]).exit_code == 0


def test_command_is_registered_in_kb_and_uses_the_template_under_root(tmp_path: Path) -> None:
    from macros.cli import main
    assert main.commands.get("pr-summary") is pr_summary, \
        "register it in macros/cli/__init__.py: main.add_command(pr_summary)"
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/pull_request_template.md").write_text(TEMPLATE, encoding="utf-8")
    uncommented = TEMPLATE.replace("<!--", "").replace("-->", "")
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "pr-summary", "--body-file", "-"],
                                input=uncommented)
    assert result.exit_code == 1, result.output
