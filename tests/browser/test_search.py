"""The site's search in Chromium, on this site as nginx serves it with the documented settings
(tests/served.py): what staff type, typed into the real search box, finds the page they need;
results name the department and the summary; the keyboard works and the target page
highlights the words; the engine's WebAssembly runs under the search worker's own policy and
nothing is fetched from another origin; embedded pages have no search. The built index:
tests/site/test_search.py; what is indexed: tests/unit/search/test_marks.py."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from macros.bench.search.browser import SearchBox
from macros.links.local_server import serve
from macros.model.catalogue import label
from macros.model.text import Lang
from macros.render.csp import WORKER_POLICY
from tests.conftest import FIXTURE_SITE, copy_project, mkdocs_build
from tests.hostile import SAMPLE
from tests.served import RealSite

pytestmark = pytest.mark.browser

SOK = "rutiner/social-och-omsorgskontoret"
KLK = "rutiner/kommunledningskontoret"
UTB = "rutiner/utbildningskontoret"

# What staff type (from tests/search_eval/queries.yml, one or two of each kind) → pages that
# answer it; a title query's page must come first.
SWEDISH = [
    ("Orosanmälan – när du är orolig för ett barn", [f"{SOK}/orosanmalan-barn/"], "title"),
    ("Kontakter", ["kontakter/"], "title"),
    ("kvinnofridslinjen", ["kontakter/"], "contact"),
    ("LSS", [f"{SOK}/funktionsnedsattning-och-vald/"], "abbreviation"),
    ("orosanmalan", [f"{SOK}/orosanmalan-barn/"], "diacritics"),
    ("sosialjouren", [f"{SOK}/socialjour-akut-vald/", "kontakter/"], "misspelling"),
    ("utrese förbud", [f"{SOK}/hedersrelaterat-vald-barn-och-unga/"], "compound"),
    ("dagis", [f"{UTB}/forskola-oro-for-barn/"], "synonym"),
    ("vem ansvarar för skyddade personuppgifter", [f"{KLK}/skyddade-personuppgifter/"],
     "question"),
]
ENGLISH = [
    ("Contacts", ["kontakter/"], "title"),
    ("safe house", [f"{SOK}/skyddat-boende/"], "synonym"),
    ("honor violence", [f"{KLK}/misstanke-om-hedersrelaterat-fortryck/",
                        f"{UTB}/hedersfortryck-i-skolan/",
                        f"{SOK}/hedersrelaterat-vald-vuxna/",
                        f"{SOK}/hedersrelaterat-vald-barn-och-unga/"], "misspelling"),
    ("report of concern", [f"{SOK}/orosanmalan-barn/"], "topic"),
]


def _check(page: Any, base: str, lang: str, queries: list[tuple[str, list[str], str]]) -> None:
    version = urlsplit(base).path + "/"
    start = base + ("/en/" if lang == "en" else "/")
    page.goto(start)
    box = SearchBox(page)
    box.open()
    root = urlsplit(start).path
    misses = []
    for query, expected, kind in queries:
        shown = [r.url for r in box.search(query)]
        wanted = {root + path for path in expected}
        top = shown[:1] if kind == "title" else shown[:3]
        if not wanted & set(top):
            misses.append(f"{query!r} ({kind}): wanted {sorted(wanted)}, shown {shown[:3]}")
        if any(url.startswith(f"{version}en/") != (lang == "en") for url in shown):
            misses.append(f"{query!r}: results in the other language: {shown}")
    assert not misses, "\n".join(misses)
    assert page.evaluate("window.__kbCsp") == []


def test_swedish_staff_queries_find_their_pages(page: Any, nginx_real: RealSite) -> None:
    _check(page, nginx_real.base, "sv", SWEDISH)


def test_english_staff_queries_find_their_pages(page: Any, nginx_real: RealSite) -> None:
    _check(page, nginx_real.base, "en", ENGLISH)


def test_a_result_names_the_department_and_the_summary(page: Any,
                                                       nginx_real: RealSite) -> None:
    page.goto(f"{nginx_real.base}/")
    box = SearchBox(page)
    box.open()
    box.search("orosanmälan")
    first = page.locator("li.md-search-result__item").first.inner_text()
    assert "Social- och omsorgskontoret" in first
    assert "får veta eller misstänker att ett barn far illa" in first  # the summary
    page.goto(f"{nginx_real.base}/en/")
    box.open()
    box.search("report of concern")
    first = page.locator("li.md-search-result__item").first.inner_text()
    assert "Social and Care Office" in first


def test_keyboard_opens_chooses_and_the_page_highlights(page: Any,
                                                        nginx_real: RealSite) -> None:
    page.goto(f"{nginx_real.base}/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    box = SearchBox(page)
    assert box.search("skyddat boende")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.md-search-result__item')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/skyddat-boende/**")
    assert "h=" in page.url
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=5_000)


@pytest.mark.parametrize(("path", "query", "name", "number"), [
    ("/", "stödtelefon för yrkesverksamma", "Nationell stödtelefon för yrkesverksamma", "010-223"),
    ("/en/", "support line for professionals", "National support line for professionals",
     "010-223"),
])
def test_a_helpline_name_shows_its_row_and_number_and_opens_it(
        page: Any, nginx_real: RealSite, path: str, query: str, name: str, number: str) -> None:
    """A contact is a result of its own, drawn under the contacts page with its number; the
    keyboard opens its row on the contacts page."""
    page.goto(f"{nginx_real.base}{path}")
    box = SearchBox(page)
    box.open()
    shown = box.search(query)
    assert shown and shown[0].url.endswith("kontakter/")
    item = page.locator("li.md-search-result__item").first
    row = item.locator('a.md-search-result__link[href$="#kontakt-stodtelefon-heder"]')
    assert name in row.locator("h2").inner_text()
    assert number in row.inner_text()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # the page, then its first row
    page.keyboard.press("Enter")
    page.wait_for_url("**/kontakter/**#kontakt-stodtelefon-heder")
    target = page.locator("#kontakt-stodtelefon-heder")
    assert target.is_visible()
    box_top = target.bounding_box()
    assert box_top is not None and 0 <= box_top["y"] < page.viewport_size["height"]


@pytest.mark.parametrize(("path", "lang"), [("/", "sv"), ("/en/", "en")])
def test_the_search_dialog_has_a_name(page: Any, nginx_real: RealSite, path: str,
                                      lang: Lang) -> None:
    page.goto(f"{nginx_real.base}{path}")
    name = page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    assert name == label("search_dialog", lang)


def test_the_engine_runs_under_the_workers_own_policy_from_this_site(
        browser: Any, nginx_real: RealSite) -> None:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(f"{nginx_real.base}/en/")
        policy = page.evaluate("""fetch(JSON.parse(document.getElementById('__config')
            .textContent).search).then(r => r.headers.get('content-security-policy'))""")
        assert policy == WORKER_POLICY
        box = SearchBox(page)
        box.open()
        assert box.search("protected identity")
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(nginx_real.base))
        assert [url for url in requests if not url.startswith(origin)] == []
        assert any("/pagefind/wasm.en.pagefind" in url for url in requests)
        assert any("/pagefind/index/en_" in url for url in requests)
        assert not any("/pagefind/index/sv_" in url for url in requests)  # its own index only
    finally:
        context.close()


def test_an_embedded_page_has_no_search_and_loads_none(browser: Any,
                                                       nginx_real: RealSite) -> None:
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(f"{nginx_real.base}/{SOK}/orosanmalan-barn/?embed=1")
        page.wait_for_load_state("networkidle")
        assert page.locator("input.md-search__input").count() == 0
        assert not [url for url in requests if "/pagefind/" in url or "search" in url]
    finally:
        context.close()


@pytest.fixture
def small_base(small_site: Path) -> Iterator[str]:
    with serve(small_site) as url:
        yield url


def test_page_text_in_a_result_stays_text(page: Any, small_base: str) -> None:
    """A step reads '5 < 6 & *x*': the excerpt under the result shows it, as text."""
    page.goto(small_base)
    box = SearchBox(page)
    box.open()
    assert box.search("utred inte själv")
    results = page.locator(".md-search-result__list")
    assert "5 < 6 & x" in (results.text_content() or "")  # in a folded section, too
    assert results.locator("em, script, img").count() == 0


HOSTILE = '<img src=x onerror="window.__kbHit=1">'


def _first_drawing_stays_text(page: Any, url: str, query: str, hostile: Callable[[list[str]],
                              list[str]], drawn: str) -> None:
    """Serve the Swedish search file with ``hostile(card)`` for each card, type ``query`` and
    check the first list drawn once ``drawn`` (a selector) is in it: HTML-looking text shows
    as text and runs nothing."""
    def tamper(route: Any) -> None:
        data = route.fetch().json()
        data["cards"] = {pid: hostile(card) for pid, card in data["cards"].items()}
        route.fulfill(json=data)

    page.route("**/search/search.sv.json", tamper)
    # the pages' fragments never come: the list drawn is the cards' (else Material may draw
    # only the second answer when both arrive together, and the check would test nothing)
    page.route("**/pagefind/fragment/**", lambda route: route.abort())
    page.add_init_script(f"""window.__kbFirst = null; new MutationObserver(() => {{
      const list = document.querySelector('.md-search-result__list');
      if (list && list.querySelector({json.dumps(drawn)}) && window.__kbFirst === null)
        window.__kbFirst = list.innerHTML;
    }}).observe(document, {{subtree: true, childList: true}});""")
    page.goto(url)
    SearchBox(page).open()
    page.locator("input.md-search__input").press_sequentially(query)
    page.wait_for_function("window.__kbFirst !== null")
    first = page.evaluate("window.__kbFirst")
    assert "&lt;img" in first and "<img" not in first
    page.wait_for_timeout(500)
    assert page.evaluate("window.__kbHit") is None


def test_text_of_the_first_draw_stays_text(page: Any, small_base: str) -> None:
    """The first results are drawn from the search file's cards (title, department, summary)
    before the pages' fragments arrive: hostile text there is shown as text too. The file is
    changed on its way to the worker, as a tampered or badly built one would be."""
    _first_drawing_stays_text(page, small_base, "orosanmälan",
                              lambda card: [card[0], HOSTILE, HOSTILE, HOSTILE], "li")


def test_a_contact_row_drawn_from_its_card_stays_text(page: Any, nginx_real: RealSite) -> None:
    """A contact's result is drawn under the contacts page from its card (title, summary):
    hostile text there is shown as text, in the first drawing as in any other."""
    _first_drawing_stays_text(
        page, f"{nginx_real.base}/", "kvinnofridslinjen",
        lambda card: [card[0], HOSTILE, card[2], HOSTILE] if "#" in card[0] else card,
        'a[href*="#kontakt-"]')


def test_a_hostile_contact_stays_text_from_the_data_to_the_drawn_result(
        page: Any, tmp_path: Path) -> None:
    """A contact's name and whom it is for, from routines/contacts.yml through the real build
    (the contacts page, Pagefind's record, its fragment) to the result list as the reader
    sees it once the fragments have come: shown as written, running nothing."""
    project = copy_project(FIXTURE_SITE, tmp_path / "project")
    source = project / "routines" / "contacts.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    helpline = data["contacts"][0]
    # what the data may hold (HTML itself is refused by kb check): Jinja, character
    # references that look like a tag, half a tag
    hostile = " ".join(SAMPLE[0:3] + SAMPLE[5:6])
    helpline["name"] = {"sv": f"Zebrafinklinjen {hostile}", "en": f"Zebrafinch line {hostile}"}
    helpline["audience"] = {"sv": hostile, "en": hostile}
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for name, title in (("kontakter.md", "Kontakter"), ("kontakter.en.md", "Contacts")):
        (project / "docs" / name).write_text(
            f"---\ntitle: {title}\nowner: enhetschef-barn\nlast_reviewed: 2026-01-10\n"
            f"review_by: 2027-06-30\n---\n# {title}\n\n{{{{ contact_table(anchors=true) }}}}\n",
            encoding="utf-8")
    built = mkdocs_build(project, project / "site")
    assert built.returncode == 0, (built.stdout + built.stderr)[-3000:]
    with serve(project / "site") as url:
        for start, query in ((url, "Zebrafinklinjen"), (url + "en/", "Zebrafinch")):
            page.goto(start)
            box = SearchBox(page)
            box.open()
            assert box.search(query)
            row = page.locator('.md-search-result__list a[href*="#kontakt-kvinnofridslinjen"]')
            row.first.wait_for()
            page.wait_for_load_state("networkidle")  # the fragments: the second drawing
            shown = page.locator(".md-search-result__list")
            assert shown.locator("img, script").count() == 0
            text = shown.text_content() or ""
            assert text.count(hostile) >= 2  # name and audience
            assert "49" not in text


def test_a_word_on_almost_every_page_ranks_only_alone(page: Any, small_base: str) -> None:
    """A large index lists its words on nine pages in ten (macros/search/common_words.py);
    here the list is given to the small site's worker on its way. Beside another word such a
    word ranks nothing (the results are the other word's); alone it still finds its pages."""
    def tamper(route: Any) -> None:
        data = route.fetch().json()
        data["common"] = ["orosanmalan"]
        route.fulfill(json=data)

    box = SearchBox(page)
    page.goto(small_base)
    box.open()
    other = [r.url for r in box.search("rutin")]
    both = [r.url for r in box.search("orosanmälan rutin")]
    alone = [r.url for r in box.search("orosanmälan")]
    assert other and alone and both != other  # without the list the word counts
    page.route("**/search/search.sv.json", tamper)
    page.goto(small_base)
    box.open()
    assert [r.url for r in box.search("orosanmälan rutin")] == other
    assert [r.url for r in box.search("orosanmälan")] == alone


# Material's worker, wrapped before the page's scripts run: the test can hand Material the last
# answer again (as the worker does for each keystroke), and Material draws the list anew.
_WRAP_WORKER = """(() => {
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      window.__kbWorker = this;
      this.addEventListener("message", (event) => {
        const answer = event.data;
        if (answer && answer.type === 3 && !answer.again) window.__kbAnswer = answer;
      });
    }
  };
})()"""
_ANSWER_AGAIN = """(change) => {
  const items = window.__kbAnswer.data.items.slice();
  const data = {items: change === "reversed" ? items.reverse()
                : change === "others" ? items.slice(0, 1).map((group) => group.map(
                    (doc) => ({...doc, location: doc.location + "?other"})))
                : change === "none" ? [] : items};
  const again = {type: 3, data, again: true};
  window.__kbWorker.dispatchEvent(new MessageEvent("message", {data: again}));
}"""
_FOCUSED = """() => {
  const a = document.activeElement;
  return {href: a && a.getAttribute("href"), search: !!a.closest(".md-search-result__list"),
          box: a.matches("input.md-search__input"), live: document.contains(a)};
}"""


@pytest.mark.parametrize("change", ["same", "reversed", "others", "none"])
def test_a_late_answer_leaves_the_keyboard_where_it_was(page: Any, small_base: str,
                                                        change: str) -> None:
    """The reader has pressed ↓ twice into the results when the answer for the last keystroke
    comes: the focus stays on the result it was on (wherever the new list puts it), else at the
    same place in the list, else in the search box, and the next ↓ goes on from there."""
    page.add_init_script(_WRAP_WORKER)
    page.goto(small_base)
    box = SearchBox(page)
    box.open()
    assert len(box.search("rutin")) >= 3
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    before = page.evaluate(_FOCUSED)
    assert before["search"] and before["href"], before
    page.evaluate(_ANSWER_AGAIN, change)
    after = page.evaluate(_FOCUSED)
    assert after["live"], after
    if change in ("same", "reversed"):
        assert after["href"] == before["href"] and after["search"], after
    elif change == "others":
        assert after["search"] and "?other" in after["href"], after  # at the same place
    else:
        assert after["box"], after
    page.keyboard.press("ArrowDown")
    moved = page.evaluate(_FOCUSED)
    assert moved["search"] or moved["box"], "↓ after the redraw lost the focus"  # ↓ cycles
    if change in ("same", "reversed"):
        assert moved["search"] and moved["href"] != before["href"], moved
