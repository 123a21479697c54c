"""axe-core on every page of tests/browser/pages.py: no serious or critical violations."""

import pytest

from referrals import services
from tests.browser.conftest import log_in, screenshot, serious_violations
from tests.browser.pages import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_page_has_no_serious_accessibility_violations(world, referrals_sent, new_page):
    normal, urgent = referrals_sent
    accepted = services.referral_accept(referral=urgent, actor=world.people.kees)
    ids = {"case": normal.case_id, "sent": normal.pk, "accepted": accepted.pk,
           "service": world.services.schuldhulp.pk}
    pages, found = {}, {}
    for name, persona, path in PAGES:
        if persona not in pages:
            pages[persona] = new_page()
            if persona:
                log_in(pages[persona], persona)
        page = pages[persona]
        method, _, path = path.rpartition(" ")
        page.goto(page.url_for(path.format(**ids)))
        if method == "POST":
            # A refused form: the error summary and field messages must be accessible too.
            page.locator("main form[method=post] button[type=submit]").last.click()
            page.wait_for_load_state()
        screenshot(page, f"axe-{name}")
        violations = serious_violations(page)
        if violations:
            found[name] = violations
    assert not found, found
