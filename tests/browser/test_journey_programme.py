# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The programme manager in a real browser: figures, charts and tables for a period, CSV, the board's page.

Petra (programme manager) sees counts only. The charts are drawn by the vendored Chart.js under
the Content-Security-Policy ('self' only): no violation may be reported, no external request made.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from directory.services.targets import service_target_set
from programme.services.rollup import rollup_figures
from referrals import services
from tests.browser.conftest import browser_db, log_in, screenshot, serious_violations
from tests.programme.test_figures import _referrals

pytestmark = [pytest.mark.browser, browser_db]


def test_petra_sees_figures_charts_and_tables_for_a_period_and_downloads_csv(world, new_page, live_server):
    to_bank = _referrals(world, 12, service=world.services.schuldhulp, family="Bakkal")
    _referrals(world, 6, service=world.services.taalmaatje, family="Tahiri")
    for r in to_bank[:6]:
        services.referral_accept(referral=r, actor=world.people.kees)
    year = timezone.localdate().year
    service_target_set(
        actor=world.people.petra,
        service=world.services.taalmaatje,
        starts_on=timezone.localdate().replace(month=1, day=1),
        ends_on=timezone.localdate().replace(month=12, day=31),
        measure="received",
        target=70,
    )
    rollup_figures()  # as the job runner does every hour

    page = new_page()
    problems, requests = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    log_in(page, "petra")
    expect(page).to_have_url(re.compile("/cijfers/"))  # the programme manager starts at the figures
    page.get_by_label("Periode", exact=True).select_option(str(year))
    page.get_by_role("button", name="Toon cijfers").click()
    expect(page.get_by_role("heading", name=f"Cijfers: {year}")).to_be_visible()

    overview = page.locator("#table-overview")
    expect(overview.get_by_role("row", name="Verstuurd 18")).to_be_visible()
    expect(overview.get_by_role("row", name="Aangenomen 6")).to_be_visible()
    flow = page.locator("#table-flow")
    expect(flow.get_by_role("row", name="Kwadraad — De Waterlelie 12 6 18")).to_be_visible()
    expect(page.locator("#table-targets").get_by_role("row", name=re.compile("Taalmaatje.*70 6"))).to_be_visible()

    # Three charts, each drawn by Chart.js from the table beneath it.
    canvases = page.locator("canvas[data-chart-for]")
    expect(canvases).to_have_count(3)
    drawn = page.evaluate(
        "() => Array.from(document.querySelectorAll('canvas[data-chart-for]')).map(c => !!Chart.getChart(c))"
    )
    assert drawn == [True, True, True]
    flow_data = page.evaluate(
        "() => Chart.getChart(document.querySelector('[data-chart-for=table-flow]')).data.datasets.map(d => d.data)"
    )
    assert flow_data == [[12], [6]]  # Kredietbank and Taalhuis, from Waterlelie: the table's figures
    screenshot(page, "40-cijfers")
    assert not serious_violations(page)

    # Nothing about a person: no name, no pseudonym, no case reference.
    html = page.content()
    assert "Bakkal" not in html and "Tahiri" not in html and "C-" not in html and "R-" not in html

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als CSV").click()
    download = download_info.value
    assert download.suggested_filename == f"cijfers-{year}0101-{year}1231.csv"
    text = open(download.path(), encoding="utf-8-sig").read()
    assert "Verstuurd;18" in text and "Kwadraad — De Waterlelie;12;6;18" in text
    assert "Bakkal" not in text

    # The board's page: printable, with the same charts.
    page.get_by_role("link", name="Afdrukbare pagina voor het bestuur").click()
    expect(page.get_by_role("heading", name=f"Sterk voor Noord — cijfers {year}")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("nav")).to_be_hidden()
    expect(page.locator("#table-flow")).to_be_visible()
    assert page.evaluate("() => !!Chart.getChart(document.querySelector('[data-chart-for=table-trend]'))")
    screenshot(page, "41-cijfers-bestuur")
    page.emulate_media(media="screen")
    assert not serious_violations(page)

    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert all(url.startswith(live_server.url) for url in requests), requests
