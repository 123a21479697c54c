# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Headless Chromium (Debian's package) driven by Playwright, against pytest-django's live_server.

Playwright's sync API runs an event loop in this thread; Django refuses ORM
calls from a thread with a running loop unless told it is safe here.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSWORD = "correct horse battery staple"  # tests/factories.py UserFactory

# The live server needs committed data, so these tests flush the database after each one.
browser_db = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server, settings):
    """A fresh browser context per persona (own cookies), Dutch, at a school-computer size."""
    settings.AXES_ENABLED = True
    contexts = []

    def make():
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.url_for = lambda path: live_server.url + path
        return page

    yield make
    for context in contexts:
        context.close()


def log_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto(page.url_for("/inloggen/"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def serious_violations(page) -> list[dict]:
    """axe-core on the current page: the violations of impact serious or critical."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def referrals_sent(world, case):
    """Two referrals from Fatima to the Kredietbank: a normal one sent first, then an urgent one."""
    from referrals import services

    def send(summary, urgency):
        draft = services.referral_create(
            case=case,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            service=world.services.schuldhulp,
            summary=summary,
            categories=[world.categories.schulden],
            shared_data=["contact", "summary", "needs"],
            urgency=urgency,
        )
        return services.referral_send(referral=draft, actor=world.people.fatima)

    normal = send("Betalingsregeling loopt af; wil overzicht.", "normal")
    urgent = send("Afsluiting energie dreigt volgende week.", "urgent")
    return normal, urgent
