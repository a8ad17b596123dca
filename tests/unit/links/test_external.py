"""LinkChecker against a site served on 127.0.0.1 (macros/links/external.py, `kb linkcheck`):
broken page and `dir/#anchor` links are reported, and external mode checks a stand-in
"external" server on another loopback address. The real site: tests/site/test_linkcheck.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from macros.cli.linkcheck import linkcheck_command as linkcheck
from macros.links import external as lc
from macros.links.external import LinkFailure, check_served, parse_csv, serve


def write(root: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html>\n<html><body>\n{body}\n</body></html>\n",
                        encoding="utf-8")
    return root


BROKEN = {
    "index.html": '<a href="a/">A</a> <a href="a/#here">ok</a> <a href="a/#gone">anchor?</a>\n'
                  '<a href="gone/">page?</a> <a href="mailto:x@example.org">mail</a>\n'
                  '<a href="https://example.invalid/never-fetched">external</a>',
    "a/index.html": '<h2 id="here">Here</h2>',
}


def test_broken_page_and_dir_anchor_links_are_reported(tmp_path: Path,
                                                       linkchecker: Path) -> None:
    failures = check_served(write(tmp_path / "site", BROKEN))
    assert [(f.parent, f.line, f.url, f.message) for f in failures] == [
        ("./", 3, "a/#gone", "missing anchor `gone`"),  # line 3 of the file
        ("./", 4, "gone/", "404 File not found"),
    ]


def test_external_mode_reports_only_external_failures(tmp_path: Path,
                                                      linkchecker: Path) -> None:
    stand_in = write(tmp_path / "elsewhere", {"good.html": "an external page"})
    with serve(stand_in, host="127.0.0.2") as other:
        site = write(tmp_path / "site", {
            **BROKEN,
            "index.html": f'<a href="{other}good.html">good</a>\n'
                          f'<a href="{other}missing.html">missing</a>\n'
                          '<a href="gone/">internal: not reported in external mode</a>'})
        failures = check_served(site, external=True)
    assert [(f.parent, f.url, f.message) for f in failures] == [
        ("./", f"{other}missing.html", "404 File not found")]


def test_cli_exit_codes(tmp_path: Path, linkchecker: Path) -> None:
    runner = CliRunner()
    good = write(tmp_path / "good", {"index.html": '<a href="#">top</a>'})
    assert runner.invoke(linkcheck, [str(good)]).exit_code == 0
    result = runner.invoke(linkcheck, [str(write(tmp_path / "bad", BROKEN))])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "./:3: broken link `a/#gone` — missing anchor `gone` — "
        "correct the link in the page's source",
        "./:4: broken link `gone/` — 404 File not found — correct the link in the page's source",
    ]


def test_cli_without_linkchecker_says_so(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lc, "executable", lambda: None)
    site = write(tmp_path / "site", {"index.html": ""})
    result = CliRunner().invoke(linkcheck, [str(site)])
    assert result.exit_code == 2
    assert "LinkChecker is missing" in result.stderr
    assert "Traceback" not in result.output


def test_cli_without_a_built_site(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for site in (tmp_path / "empty", tmp_path / "never-built"):
        result = CliRunner().invoke(linkcheck, [str(site)])
        assert result.exit_code == 2 and "Traceback" not in result.output


def test_parse_csv_keeps_errors_and_missing_anchors_only() -> None:
    output = (
        "urlname;parentname;result;warningstring;valid;url;line\r\n"
        'gone/;http://h/;404 File not found;;False;http://h/gone/;3\r\n'
        'a/#x;http://h/;200 OK;"Anchor `x\' (decoded: `x\') not found.\r\n'
        "Available anchors: `here'.\";True;http://h/a/#x;4\r\n"
        "b/;http://h/;200 OK;Redirected;True;http://h/b/;5\r\n"
        "http://h/;;ConnectionError;;False;http://h/\r\n")
    assert parse_csv(output) == [
        LinkFailure("http://h/", 3, "gone/", "404 File not found"),
        LinkFailure("http://h/", 4, "a/#x", "missing anchor `x`"),
        LinkFailure("", None, "http://h/", "ConnectionError"),
    ]
