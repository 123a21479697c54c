# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Any screen from 320 px up (WCAG 1.4.10 reflow, 2.5.8 target size): no page scrolls sideways."""

import json
from pathlib import Path

import pytest

from tests.browser.conftest import browser_db, log_in, screenshot
from tests.browser.pages import PAGES, fixture_ids, visit

pytestmark = [pytest.mark.browser, browser_db]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# What sticks out: the page's width beyond the viewport, and the elements that reach past it.
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && getComputedStyle(el).position !== 'fixed') {
      // Content inside a container that scrolls on its own (a table wrapper) is fine.
      let scroller = el.parentElement, inside = false;
      while (scroller && scroller !== document.body) {
        const style = getComputedStyle(scroller);
        if (['auto', 'scroll'].includes(style.overflowX) && scroller.getBoundingClientRect().right <= width + 1) { inside = true; break; }
        scroller = scroller.parentElement;
      }
      // Name the innermost culprits, not every ancestor that they make wide.
      const wideChild = [...el.children].some(c => c.getBoundingClientRect().right > width + 1);
      if (!inside && !wideChild) wide.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ' ' + Math.round(box.width) + 'px');
    }
  }
  return {scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5)};
}"""

# Buttons and button-like links smaller than 24 × 24 px (links inside running text are exempt).
_SMALL_TARGETS = """() => [...document.querySelectorAll('button, input[type=submit], [class*=button-link], input[type=checkbox], input[type=radio]')]
  .filter(el => el.offsetParent !== null)
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([el, box]) => box.width < 24 || box.height < 24)
  .map(([el, box]) => `${el.tagName.toLowerCase()} ${Math.round(box.width)}×${Math.round(box.height)} ${(el.innerText || el.name || '').trim().slice(0, 30)}`)"""


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_and_every_button_is_big_enough(world, referrals_sent, new_page, width):
    ids = fixture_ids(world, referrals_sent)
    pages, sideways, small = {}, {}, {}
    for name, persona, path in PAGES:
        if persona not in pages:
            pages[persona] = new_page()
            pages[persona].set_viewport_size({"width": width, "height": 800})
            if persona:
                log_in(pages[persona], persona)
        page = pages[persona]
        visit(page, path, ids)
        overflow = page.evaluate(_OVERFLOW)
        if overflow["scroll"] > 0:
            sideways[name] = overflow
            screenshot(page, f"small-{width}-{name}")
        targets = page.evaluate(_SMALL_TARGETS)
        if targets:
            small[name] = targets
    if sideways or small:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / f"small-screens-{width}.json").write_text(
            json.dumps({"sideways": sideways, "small": small}, indent=1)
        )
    assert not sideways, sideways
    assert not small, small
