"""Pointer targets on a page as a reader sees it (WCAG 2.2 SC 2.5.8, target size minimum):
every link and control that is shown, with its size, and whether it is inline in a
sentence (the criterion's exception: its size is set by the line height of the text around
it). A checkbox or toggle drawn by the theme over a hidden input counts by its label, the
part the pointer hits.

Menus and closed parts are opened first (``open_everything``): every <details>, the
navigation drawer, the language and version menus, so their targets are measured too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MINIMUM = 24  # CSS pixels, both ways
# What a reader can point at: links, buttons, form fields, summaries, and labels that stand
# for a hidden input (Material's checkboxes, menu and drawer toggles).
MEASURE = r"""() => {
  const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[role=button], [role=link], [role=checkbox], [role=tab], [role=menuitem], label';
  const hidden = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (e.inert) return true;  // behind a modal (the open search)
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) {
        return true;
      }
      if (e.tagName === 'DETAILS' && !e.open && e !== el.closest('summary')?.parentElement) {
        return true;
      }
    }
    return false;
  };
  const shownInput = (label) => {
    const input = label.control;
    return input && !hidden(input) && input.getBoundingClientRect().width > 1;
  };
  const blockOf = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      if (!getComputedStyle(e).display.startsWith('inline')) return e;
    }
    return document.body;
  };
  // the text of a block without the text of the targets in it
  const ownText = (block) => {
    const copy = block.cloneNode(true);
    copy.querySelectorAll(SELECTOR + ', .headerlink, script, style').forEach((t) => t.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  // a label drawn by the theme: its own box, its children's (a zero-width inline label around
  // absolutely placed parts) and its hidden input's, which still takes the pointer
  const box = (el) => {
    const r = el.getBoundingClientRect();
    if (el.tagName !== 'LABEL') return r;
    const parts = [r, ...Array.from(el.querySelectorAll('*'), (c) => c.getBoundingClientRect())];
    if (el.control && getComputedStyle(el.control).display !== 'none') {
      parts.push(el.control.getBoundingClientRect());
    }
    const drawn = parts.filter((p) => p.width > 0 || p.height > 0);
    if (!drawn.length) return r;
    const left = Math.min(...drawn.map((p) => p.left)), top = Math.min(...drawn.map((p) => p.top));
    const right = Math.max(...drawn.map((p) => p.right));
    const bottom = Math.max(...drawn.map((p) => p.bottom));
    return {left, top, right, bottom, width: right - left, height: bottom - top};
  };
  window.__kbTargets = window.__kbTargets || new WeakMap();
  let next = window.__kbNextTarget || 0;
  const idOf = (el) => {
    if (!window.__kbTargets.has(el)) window.__kbTargets.set(el, next++);
    window.__kbNextTarget = next;
    return window.__kbTargets.get(el);
  };
  const describe = (el) => {
    const cls = (el.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean)
      .slice(0, 2).map((c) => '.' + c).join('');
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title')
                  || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls} "${text}"`;
  };
  const out = [];
  for (const el of document.querySelectorAll(SELECTOR)) {
    if (el.tagName === 'LABEL' && (!el.control || shownInput(el))) continue;  // text label
    if (el.tagName === 'INPUT' && el.labels && el.labels.length
        && (hidden(el) || el.getBoundingClientRect().width <= 1)) continue;  // its label counts
    if (hidden(el)) continue;
    const r = box(el);
    if (r.width < 1 || r.height < 1) continue;  // not drawn (visually hidden text)
    if (r.right <= 0 || r.left >= document.documentElement.clientWidth
        && getComputedStyle(el).position === 'fixed') continue;  // a closed off-screen drawer
    const display = getComputedStyle(el).display;
    const inline = el.tagName === 'A' && display === 'inline'
      && /[\p{L}\p{N}]{2,}/u.test(ownText(blockOf(el)));
    out.push({what: describe(el), width: r.width, height: r.height, inline,
              key: idOf(el)});
  }
  return out;
}"""


@dataclass(frozen=True)
class Target:
    what: str
    width: float
    height: float
    inline: bool

    @property
    def small(self) -> bool:
        return not self.inline and (self.width < MINIMUM - 0.01 or self.height < MINIMUM - 0.01)

    def __str__(self) -> str:
        return f"{self.what} {self.width:.0f}×{self.height:.0f}"


def measure(page: Any) -> dict[int, Target]:
    """Every target shown now, by a key that tells elements apart."""
    return {t["key"]: Target(t["what"], t["width"], t["height"], t["inline"])
            for t in page.evaluate(MEASURE)}


def open_everything(page: Any) -> dict[int, Target]:
    """The targets shown at first, with every <details> open, the navigation drawer open,
    and the language and version menus open (hovered)."""
    found = measure(page)
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    found.update(measure(page))
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = false; })")
    drawer = page.locator("label.md-header__button[for=__drawer]")
    if drawer.count() and drawer.first.is_visible():
        page.evaluate("() => { document.getElementById('__drawer').checked = true; }")
        page.wait_for_timeout(300)  # the drawer slides in
        found.update(measure(page))
        page.evaluate("() => { document.getElementById('__drawer').checked = false; }")
        page.wait_for_timeout(300)
    searching = page.evaluate("() => !!document.getElementById('__search')?.checked")
    for menu in () if searching else (".md-select", ".md-version"):
        handle = page.locator(f".md-header {menu}")
        if handle.count() and handle.first.is_visible():
            handle.first.hover()
            page.wait_for_timeout(300)  # the menu fades in
            found.update(measure(page))
            page.mouse.move(0, 0)
    return found


def small_targets(page: Any) -> tuple[list[Target], int]:
    """Targets under 24×24 CSS px that are not inline in a sentence, and how many targets
    there are in all."""
    found = open_everything(page)
    return sorted((t for t in found.values() if t.small), key=str), len(found)
