"""The offline link check (macros/links/internal.py) on small hand-written sites, its compare mode,
its reports and the `kb links` command. The real site: tests/site/test_links.py."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from macros.cli.links import links_command as links
from macros.links.internal import BrokenLink, RemovedPage, check_site, compare
from macros.links.report import MAX_ROWS, render_check, render_diff


def make_site(root: Path, files: dict[str, str], canonical: str | None = None) -> Path:
    """A built site: each .html file wraps its body in a page (with a canonical link
    `canonical` + its URL, when given); other files are written as they are."""
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".html"):
            url = name.removesuffix("index.html")
            head = f'<link rel="canonical" href="{canonical}{url}">' if canonical else ""
            body = f'<!doctype html>\n<html><head>{head}</head><body>\n{body}\n</body></html>\n'
        path.write_text(body, encoding="utf-8")
    return root


def broken(root: Path, files: dict[str, str], canonical: str | None = None) -> list[tuple]:
    """(page, href, target, anchor) of every broken link."""
    return [(b.page, b.href, b.target, b.anchor)
            for b in check_site(make_site(root, files, canonical))]


A = '<h2 id="here">A</h2>'


def test_missing_page(tmp_path: Path) -> None:
    result = broken(tmp_path, {"index.html": '<a href="a/">A</a> <a href="nope/">?</a>',
                               "a/index.html": A})
    assert result == [("./", "nope/", "nope/", None)]


def test_missing_anchor_on_the_same_page(tmp_path: Path) -> None:
    result = broken(tmp_path, {"index.html": f'{A} <a href="#here">ok</a> <a href="#gone">?</a>'})
    assert result == [("./", "#gone", "./", "gone")]


def test_anchor_on_another_page(tmp_path: Path) -> None:
    result = broken(tmp_path, {"index.html": '<a href="a/#here">ok</a> <a href="a/#there">?</a>',
                               "a/index.html": A})
    assert result == [("./", "a/#there", "a/", "there")]


def test_relative_links_climb_with_dot_dot(tmp_path: Path) -> None:
    result = broken(tmp_path, {
        "a/b/index.html": '<a href="../../c/#here">ok</a> <a href="../">ok</a> '
                          '<a href="../../d/">?</a> <a href="..">ok</a>',
        "a/index.html": "", "c/index.html": A})
    assert result == [("a/b/", "../../d/", "d/", None)]


def test_directory_urls_serve_their_index(tmp_path: Path) -> None:
    result = broken(tmp_path, {
        "index.html": '<a href="a/">ok</a> <a href="a">ok: the server redirects</a> '
                      '<a href="a/index.html#here">ok</a> <a href="b/">? no index</a> '
                      '<a href="./">ok</a>',
        "a/index.html": A, "b/data.txt": "not a page"})
    assert result == [("./", "b/", "b/", None)]


def test_query_strings_are_ignored(tmp_path: Path) -> None:
    result = broken(tmp_path, {
        "index.html": '<a href="a/?q=1#here">ok</a> <a href="?lang=en">ok</a> '
                      '<a href="a/?x=1&amp;y=2#gone">?</a>',
        "a/index.html": A})
    assert result == [("./", "a/?x=1&y=2#gone", "a/", "gone")]


def test_encoded_characters_in_paths_and_ids(tmp_path: Path) -> None:
    result = broken(tmp_path, {
        "index.html": '<h2 id="gräs">G</h2> <a href="#gr&#xE4;s">ok</a> '
                      '<a href="#gr%C3%A4s">ok</a> '
                      '<a href="%C3%A5r/#%C3%B6n">ok</a> <a href="år/#ön">ok</a> '
                      '<a href="%C3%A5r/#s&auml;l">ok</a> <a href="%C3%A5r/#%C3%A4">?</a> '
                      '<a href="b%20c.html">ok</a> <a href="b c.html">ok</a>',
        "år/index.html": '<h2 id="ön">Ö</h2><h2 id="säl">S</h2>',
        "b c.html": ""})
    assert result == [("./", "%C3%A5r/#%C3%A4", "år/", "ä")]


def test_external_and_non_web_links_are_skipped(tmp_path: Path) -> None:
    result = broken(tmp_path, {"index.html": """
        <a href="https://example.org/nope/">x</a> <a href="http://example.org/#nope">x</a>
        <script src="//cdn.example.org/x.js"></script> <a href="mailto:a@example.org">m</a>
        <a href="tel:112">t</a> <a href="javascript:void(0)">j</a>
        <img src="data:image/png;base64,AAAA"> <a href="ftp://example.org/x">f</a>
        <a href="https://[bad">x</a>"""})
    assert result == []


def test_absolute_links_to_the_sites_own_host_are_checked(tmp_path: Path) -> None:
    result = broken(tmp_path, {
        "index.html": '<a href="https://KB.example/a/#here">ok</a> '
                      '<a href="https://kb.example/gone/">?</a> <a href="/a/">ok</a>',
        "a/index.html": A}, canonical="https://kb.example/")
    assert result == [("./", "https://kb.example/gone/", "gone/", None)]


def test_a_site_under_a_path_resolves_root_relative_links_there(tmp_path: Path) -> None:
    result = broken(tmp_path, {
        "404.html": '<a href="/kb/a/">ok</a> <a href="/kb/gone/">?</a> <a href="/kb">ok</a> '
                    '<a href="/intranet/">another part of the host</a>',
        "index.html": "", "a/index.html": '<a href="../../../outside/">?</a>'},
        canonical="https://kb.example/kb/")
    assert result == [("404.html", "/kb/gone/", "gone/", None),
                      ("a/", "../../../outside/", "/outside/", None)]


def test_top_and_empty_fragments_are_the_top_of_the_page(tmp_path: Path) -> None:
    result = broken(tmp_path, {"index.html": '<a href="#">top</a> <a href="#top">top</a> '
                                             '<a href="a/#TOP">top</a> <a href="">self</a>',
                               "a/index.html": ""})
    assert result == []


def test_src_and_a_name(tmp_path: Path) -> None:
    result = broken(tmp_path, {
        "index.html": '<img src="img/a.png"> <img src="img/gone.png"> '
                      '<a name="old">old anchor</a> <meta name="viewport" content="x"> '
                      '<a href="#old">ok</a> <a href="#viewport">?</a> '
                      '<!-- <a href="commented-out/">not a link</a> -->',
        "img/a.png": "png"})
    assert result == [("./", "#viewport", "./", "viewport"), ("./", "img/gone.png",
                                                              "img/gone.png", None)]


def test_format_is_one_line_with_a_fix() -> None:
    anchor = BrokenLink("en/rutiner/x/", "../y/#z", "en/rutiner/y/", "z")
    assert anchor.format() == ("en/rutiner/x/: broken link `../y/#z` — missing anchor `z` — "
                               "`en/rutiner/y/` has no id `z`: link to a heading it has or "
                               "drop `#z`")
    page = BrokenLink("./", "gone/", "gone/")
    assert page.reason == "missing page"
    assert page.format("sv").startswith("./: trasig länk `gone/` — sidan finns inte — ")
    assert "\n" not in anchor.format() + page.format()


# --- compare ------------------------------------------------------------------------------

BASE = {"index.html": '<a href="rutiner/a/#here">A</a> <a href="old/">?</a>',
        "rutiner/a/index.html": A, "rutiner/b/index.html": ""}
# the page mkdocs-redirects writes at an old address (its head, inside make_site's body)
REDIRECT = ('<link rel="canonical" href="{url}">\n'
            '<meta http-equiv="refresh" content="0; url={url}">\n'
            'You\'re being redirected to a <a href="{url}">new destination</a>.')


def test_compare_reports_links_the_change_broke(tmp_path: Path) -> None:
    base = make_site(tmp_path / "base", BASE)
    head = make_site(tmp_path / "head", {**BASE, "index.html": BASE["index.html"].replace(
        "#here", "#renamed")})
    diff = compare(base, head)
    assert [(b.page, b.href, b.anchor) for b in diff.newly_broken] == [
        ("./", "rutiner/a/#renamed", "renamed")]
    assert diff.already_broken == 1  # old/ was broken before: not this change's doing
    assert diff.removed_pages == ()
    assert not diff.ok


def test_compare_ignores_links_broken_in_both(tmp_path: Path) -> None:
    diff = compare(make_site(tmp_path / "base", BASE), make_site(tmp_path / "head", BASE))
    assert diff.newly_broken == () and diff.removed_pages == () and diff.already_broken == 1
    assert diff.ok


def test_compare_reports_removed_pages_with_where_they_moved(tmp_path: Path) -> None:
    head = {key.replace("rutiner/b/", "rutiner/dept/b/"): value for key, value in BASE.items()}
    del head["rutiner/a/index.html"]
    diff = compare(make_site(tmp_path / "base", BASE), make_site(tmp_path / "head", head))
    assert diff.removed_pages == (RemovedPage("rutiner/a/"),
                                  RemovedPage("rutiner/b/", "rutiner/dept/b/"))
    assert [b.href for b in diff.newly_broken] == ["rutiner/a/#here"]
    assert not diff.ok


def test_a_removed_page_alone_fails_the_comparison(tmp_path: Path) -> None:
    """Nothing links to rutiner/b/ inside the site, but the intranet and bookmarks may."""
    head = {key: value for key, value in BASE.items() if key != "rutiner/b/index.html"}
    diff = compare(make_site(tmp_path / "base", BASE), make_site(tmp_path / "head", head))
    assert diff.newly_broken == () and diff.removed_pages == (RemovedPage("rutiner/b/"),)
    assert not diff.ok


def test_a_redirect_keeps_the_address(tmp_path: Path) -> None:
    head = {**BASE, "rutiner/b/index.html": REDIRECT.format(url="../dept/b/"),
            "rutiner/dept/b/index.html": ""}
    diff = compare(make_site(tmp_path / "base", BASE), make_site(tmp_path / "head", head))
    assert diff.removed_pages == () and diff.newly_broken == ()
    assert diff.ok


def test_a_redirect_to_a_missing_page_is_a_broken_link(tmp_path: Path) -> None:
    head = {**BASE, "rutiner/b/index.html": REDIRECT.format(url="../dept/b/")}
    diff = compare(make_site(tmp_path / "base", BASE), make_site(tmp_path / "head", head))
    assert [(b.page, b.target) for b in diff.newly_broken] == [("rutiner/b/", "rutiner/dept/b/")]
    assert not diff.ok


def test_markdown_report_of_an_unbroken_change(tmp_path: Path) -> None:
    diff = compare(make_site(tmp_path / "base", BASE), make_site(tmp_path / "head", BASE))
    report = render_diff(diff, "markdown")
    assert report.startswith("## Länkkontroll / Link check\n")
    assert "No links broken by this change" in report
    assert "Inga länkar går sönder av den här ändringen." in report
    assert "|" not in report


def test_markdown_report_escapes_table_cells() -> None:
    link = BrokenLink("a/", "x|y`z", "x|y`z")
    report = render_check([link], 1, "markdown")
    assert "| `a/` | `` x\\|y`z `` | sidan finns inte / missing page |" in report


def test_markdown_tables_are_cut_to_fit_a_comment() -> None:
    many = [BrokenLink(f"p{i:03}/", "gone/", "gone/") for i in range(MAX_ROWS + 5)]
    report = render_check(many, len(many), "markdown")
    assert report.count("| `p") == MAX_ROWS
    assert "… and 5 more" in report and "… och 5 till" in report


# --- the command --------------------------------------------------------------------------

def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(links, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout


def test_cli_exit_codes(tmp_path: Path) -> None:
    good = make_site(tmp_path / "good", {"index.html": '<a href="#">top</a>'})
    bad = make_site(tmp_path / "bad", BASE)
    assert run(good) == (0, "")
    code, out = run(bad)
    assert code == 1
    assert out == ("./: broken link `old/` — missing page — nothing is built at `old/`: "
                   "correct the link or restore the page\n")
    (tmp_path / "empty").mkdir()
    assert run(tmp_path / "empty")[0] == 2
    assert run(tmp_path / "never-built")[0] == 2


def test_cli_compare(tmp_path: Path) -> None:
    base = make_site(tmp_path / "base", BASE)
    same = make_site(tmp_path / "same", BASE)
    moved = make_site(tmp_path / "moved", {"index.html": BASE["index.html"],
                                           "rutiner/a/index.html": A})
    worse = make_site(tmp_path / "worse", {"index.html": BASE["index.html"]})
    assert run(same, "--compare", base)[0] == 0
    code, out = run(moved, "--compare", base, "--format", "markdown")
    assert code == 1  # a removed page fails the check: old addresses are still in use
    assert "`rutiner/b/`" in out and "No links broken by this change" in out
    code, out = run(worse, "--compare", base, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False and data["already_broken"] == 1
    assert data["newly_broken"] == [{"page": "./", "source": None, "href": "rutiner/a/#here",
                                     "target": "rutiner/a/", "anchor": None,
                                     "reason": "missing page"}]
    assert [p["url"] for p in data["removed_pages"]] == ["rutiner/a/", "rutiner/b/"]


def test_cli_compare_fails_on_a_removed_address_and_passes_with_a_redirect(
        tmp_path: Path) -> None:
    base = make_site(tmp_path / "base", BASE)
    without_b = {key: value for key, value in BASE.items() if key != "rutiner/b/index.html"}
    removed = make_site(tmp_path / "removed", without_b)
    code, out = run(removed, "--compare", base)
    assert code == 1
    assert out.startswith("rutiner/b/: ") and out.count("\n") == 1
    code, out = run(removed, "--compare", base, "--format", "json")
    assert code == 1 and json.loads(out)["removed_pages"] == [{"url": "rutiner/b/",
                                                               "moved_to": None}]
    redirected = make_site(tmp_path / "redirected", {
        **without_b, "rutiner/b/index.html": REDIRECT.format(url="../a/")})
    assert run(redirected, "--compare", base) == (0, "")


def test_cli_json_and_markdown(tmp_path: Path) -> None:
    bad = make_site(tmp_path / "bad", BASE)
    code, out = run(bad, "--format", "json")
    assert code == 1
    assert json.loads(out) == {"ok": False, "pages": 3, "broken": [
        {"page": "./", "source": None, "href": "old/", "target": "old/", "anchor": None,
         "reason": "missing page"}]}
    code, out = run(bad, "--format", "markdown")
    assert out.startswith("## Trasiga länkar / Broken links\n")
    assert "| `./` | `old/` | sidan finns inte / missing page |" in out
