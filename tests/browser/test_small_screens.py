# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Any screen from 320 px up (WCAG 1.4.10 reflow, 2.5.8 target size): no page scrolls sideways,
every target is big enough, tables become labelled lists."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import browser_db, log_in, screenshot
from tests.browser.pages import PAGES, fixture_ids, visit

pytestmark = [pytest.mark.browser, browser_db]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# How far the page reaches beyond the window, and the innermost elements that stick out
# (content inside a container that scrolls on its own, a table container, is fine).
_OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && getComputedStyle(el).position !== 'fixed') {
      let scroller = el.parentElement, inside = false;
      while (scroller && scroller !== document.body) {
        const style = getComputedStyle(scroller);
        if (['auto', 'scroll'].includes(style.overflowX) && scroller.getBoundingClientRect().right <= width + 1) { inside = true; break; }
        scroller = scroller.parentElement;
      }
      const wideChild = [...el.children].some(c => c.getBoundingClientRect().right > width + 1);
      if (!inside && !wideChild) wide.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ' ' + Math.round(box.width) + 'px');
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide.slice(0, 5)};
}"""

# Targets smaller than 24 × 24 px (WCAG 2.5.8): buttons, form choices, and links that stand on
# their own (a link inside a sentence — its parent holds other text too — is exempt).
_SMALL_TARGETS = """() => [...document.querySelectorAll('button, input[type=submit], input[type=checkbox], input[type=radio], a[href]')]
  .filter(el => el.offsetParent !== null && !el.closest('.utrecht-skip-link, .od-sr-only'))
  .filter(el => el.tagName !== 'A' || el.parentElement.textContent.trim() === el.textContent.trim())
  .map(el => [el, el.getBoundingClientRect()])
  .filter(([el, box]) => box.width < 24 || box.height < 24)
  .map(([el, box]) => `${el.tagName.toLowerCase()} ${Math.round(box.width)}×${Math.round(box.height)} ${(el.innerText || el.name || '').trim().slice(0, 30)}`)"""


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_scrolls_sideways_and_every_target_is_big_enough(world, referrals_sent, new_page, width):
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
        if overflow["scrollWidth"] > overflow["innerWidth"]:
            sideways[name] = overflow
            screenshot(page, f"small-{width}-{name}")
        targets = page.evaluate(_SMALL_TARGETS)
        if targets:
            small[name] = targets
    assert len(pages) > 1 and len(PAGES) > 50  # every persona logged in, every page visited
    report = ARTIFACTS / f"small-screens-{width}.json"
    report.unlink(missing_ok=True)
    if sideways or small:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps({"sideways": sideways, "small": small}, indent=1))
    assert not sideways, f"scrolls sideways at {width} px (scrollWidth > innerWidth; what sticks out): {sideways}"
    assert not small, f"targets under 24 × 24 px at {width} px: {small}"


def test_a_table_becomes_a_list_labelled_by_its_column_headers_and_stays_a_table(world, referrals_sent, new_page):
    page = new_page()
    page.set_viewport_size({"width": 320, "height": 800})
    log_in(page, "kees")
    page.goto(page.url_for("/inbox/?bak=alle"))
    screenshot(page, "small-320-inbox-stacked")
    table = page.locator("main table.utrecht-table").first
    headers = table.locator("thead th").all_inner_texts()
    first_row = table.locator("tbody tr").first
    # Each cell is shown under its column's name ...
    labels = first_row.locator("td, th").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content.replace(/^\"|\"$/g, ''))"
    )
    assert [label.removesuffix(": ") for label in labels] == [h.strip() for h in headers]
    # ... one cell above the other (a list, not a row cut off at the screen's edge) ...
    boxes = [cell.bounding_box() for cell in first_row.locator("td, th").all()]
    assert all(lower["y"] >= upper["y"] + upper["height"] - 1 for upper, lower in zip(boxes, boxes[1:]))
    assert first_row.locator("td, th").evaluate_all("cells => cells.every(c => c.scrollHeight <= c.clientHeight + 1)")
    container = page.locator("main .utrecht-table-container").first
    assert container.evaluate("c => c.scrollWidth <= c.clientWidth")
    # ... and a screen reader still meets a table with its column headers.
    expect(page.get_by_role("table").first).to_be_visible()
    assert page.get_by_role("columnheader").count() >= len(headers)
    assert page.get_by_role("cell").count() > 0
    # A wide screen keeps the ordinary table: cells side by side.
    page.set_viewport_size({"width": 1280, "height": 800})
    boxes = [cell.bounding_box() for cell in first_row.locator("td, th").all()]
    assert len({round(box["y"]) for box in boxes}) == 1
