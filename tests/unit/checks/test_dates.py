"""Dates as of the run's today and CODEOWNERS only on valid data (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from macros.cli import main
from macros.model.catalogue import both


def _run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    return result.exit_code, result.output


def test_future_dates_follow_the_today_option(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    code, output = _run(root, "check", "--today", "2019-06-01")
    assert code == 1
    # the routine adopted 2019-05-22 was reviewed 2026-01-10: after that today
    assert ("routines/socialtjanst/orosanmalan.yml:10: error: last_reviewed: 2026-01-10 ligger i "
            "framtiden (i dag är 2019-06-01) / 2026-01-10 is in the future (today is "
            "2019-06-01) — ") in output
    assert "orosanmalan.yml:8: error: adopted_on" not in output  # 2019-05-22 had passed
    assert "docs/bara-svenska.md:4: error: last_reviewed: 2026-01-10 ligger i framtiden" in output
    assert "routines/organisation.yml:7: error: overview_review.last_reviewed: 2026-01-10" in output
    code, output = _run(root, "check", "--today", "2089-01-01")
    assert "in the future" not in output


def test_an_invalid_routine_gives_no_codeowners_error(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    routine = root / "routines" / "socialtjanst" / "orosanmalan.yml"
    routine.write_text(routine.read_text(encoding="utf-8").replace("audience:", "audiense:"),
                       encoding="utf-8")
    code, output = _run(root, "check")
    assert code == 1
    assert ("orosanmalan.yml:6: error: audiense: "
            + both("val_unknown_field", name="audiense")) in output
    assert "CODEOWNERS" not in output, "no cascade from the invalid routine"


def test_kb_codeowners_refuses_to_write_from_invalid_data(data_copy: Callable[[], Path]) -> None:
    root = data_copy()
    _run(root, "codeowners")
    codeowners = root / ".github" / "CODEOWNERS"
    before = codeowners.read_text(encoding="utf-8")
    assert "/routines/socialtjanst/orosanmalan.yml @testby/enhetschef-barn" in before
    routine = root / "routines" / "socialtjanst" / "orosanmalan.yml"
    routine.write_text(routine.read_text(encoding="utf-8").replace("audience:", "audiense:"),
                       encoding="utf-8")
    code, output = _run(root, "codeowners")
    assert code == 1
    assert "CODEOWNERS skrevs inte" in output and "CODEOWNERS not written" in output
    assert codeowners.read_text(encoding="utf-8") == before, "the owner's line is kept"
