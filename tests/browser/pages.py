# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Every page the accessibility check walks: (name, persona, path).

A path may use `{case}`, `{sent}`, `{accepted}`, `{service}`, `{consent}` and
`{pseudonym}` for the fixture objects. Append new pages here (the privacy officer's pages under /privacy/,
the resident's rights pages under /rechten/) and test_accessibility.py checks
them too. Persona None: not logged in.
"""

PAGES = [
    ("login", None, "/inloggen/"),
    ("enrol-invalid", None, "/inloggen/koppelen/?sleutel=onbekend"),
    ("enrolment-people", "marieke", "/tweede-stap/"),
    ("second-factors", "kees", "/account/tweede-stap/"),
    ("directory", "fatima", "/wegwijzer/"),
    ("directory-filtered", "fatima", "/wegwijzer/?zoek=schuld&inloop=on"),
    ("cases", "fatima", "/casussen/"),
    ("case-open", "fatima", "/casussen/nieuw/"),
    ("case-open-refused", "fatima", "POST /casussen/nieuw/"),
    ("case", "fatima", "/casussen/{case}/"),
    ("consent", "fatima", "/casussen/{case}/toestemming/"),
    ("consent-change", "fatima", "/casussen/{case}/toestemming/{consent}/wijzigen/"),
    ("consent-change-refused", "fatima", "POST /casussen/{case}/toestemming/{consent}/wijzigen/"),
    ("consent-withdraw", "fatima", "/casussen/{case}/toestemming/{consent}/intrekken/"),
    ("referral-new", "fatima", "/casussen/{case}/verwijzen/"),
    ("sent", "fatima", "/verstuurd/"),
    ("inbox", "kees", "/inbox/"),
    ("inbox-all", "kees", "/inbox/?bak=alle"),
    ("referral-before-accept", "kees", "/verwijzingen/{sent}/"),
    ("referral-accepted", "kees", "/verwijzingen/{accepted}/"),
    ("decline", "marieke", "/verwijzingen/{sent}/afwijzen/"),
    ("assign", "marieke", "/verwijzingen/{sent}/toewijzen/"),
    ("first-contact", "kees", "/verwijzingen/{accepted}/eerste-contact/"),
    ("notices", "kees", "/meldingen/"),
    ("my-follow-ups", "fatima", "/opvolging/"),
    ("contact-attempt", "kees", "/verwijzingen/{accepted}/contactpoging/"),
    ("contact-attempt-refused", "kees", "POST /verwijzingen/{accepted}/contactpoging/"),
    ("our-services", "marieke", "/onze-diensten/"),
    ("service-edit", "marieke", "/onze-diensten/{service}/"),
    ("service-new-refused", "marieke", "POST /onze-diensten/nieuw/"),
    ("service-capacity", "marieke", "/onze-diensten/{service}/capaciteit/"),
    ("not-found", "bas", "/verwijzingen/{sent}/"),
    ("consent-receipt", "fatima", "/toestemming/{consent}/bewijs/"),
    ("consent-receipt-en", "fatima", "/toestemming/{consent}/bewijs/?taal=en"),
    # The receipt in Arabic (right to left) and Tigrinya (Ge'ez script), as printed for the resident.
    ("consent-receipt-ar", "fatima", "/toestemming/{consent}/bewijs/?taal=ar"),
    ("consent-receipt-ti", "fatima", "/toestemming/{consent}/bewijs/?taal=ti"),
    ("rights", "fatima", "/rechten/{pseudonym}/"),
    ("rights-inzage", "fatima", "/rechten/{pseudonym}/inzage/"),
    ("rights-rectify", "fatima", "/rechten/{pseudonym}/correctie/"),
    ("rights-erase", "fatima", "/rechten/{pseudonym}/verwijderen/"),
    ("privacy-search", "priya", "/privacy/"),
    ("privacy-search-resident", "priya", "/privacy/?pseudoniem={pseudonym}"),
    ("privacy-resident", "priya", "/privacy/inwoner/{pseudonym}/"),
    ("privacy-flags", "priya", "/privacy/signalen/"),
    ("privacy-register", "priya", "/privacy/register/"),
    ("rights-find", "priya", "/rechten/zoeken/"),
    # The signallers' door and the signal desk (signals/): Sami signals, the Waterlelie is a desk.
    ("signals-mine", "sami", "/signalen/"),
    ("signal-new", "sami", "/signalen/nieuw/"),
    ("signal-new-refused", "sami", "POST /signalen/nieuw/"),
    ("signal-add", "sami", "/signalen/{signal}/aanvullen/"),
    ("signal-desk", "fatima", "/signaalbalie/"),
    ("signal-desk-detail", "fatima", "/signaalbalie/{signal}/"),
    ("signal-close", "fatima", "/signaalbalie/{signal_picked_up}/afsluiten/"),
    ("signal-open-case", "fatima", "/signaalbalie/{signal_picked_up}/casus/"),
    ("signaller-new", "marieke", "/signaalbalie/signaleerders/nieuw/"),
    # The regisseur's tools (issue 13, point 6); the case has a pending offer of the regie to Ruud.
    ("cases-closed", "fatima", "/casussen/gesloten/"),
    ("regie-offer", "fatima", "/casussen/{case}/regie/aanbieden/"),
    ("regie-offer-answer", "ruud", "/casussen/{case}/regie/aanbod/"),
    ("case-close-refused", "fatima", "POST /casussen/{case}/sluiten/"),
    ("household-add", "fatima", "/casussen/{case}/gezin/"),
    ("household-add-refused", "fatima", "POST /casussen/{case}/gezin/"),
    ("cijfers", "petra", "/cijfers/"),
    ("cijfers-print", "petra", "/cijfers/afdrukken/"),
    ("cijfers-targets", "petra", "/cijfers/doelen/"),
    ("cijfers-targets-refused", "petra", "POST /cijfers/doelen/"),
    # A person's own settings: e-mail about notices (issue 14, point 3).
    ("notice-settings", "kees", "/instellingen/"),
]


def fixture_ids(world, referrals_sent) -> dict:
    """The ids the paths above use, from the `referrals_sent` fixture (one of them accepted)."""
    from referrals import services

    normal, urgent = referrals_sent
    accepted = services.referral_accept(referral=urgent, actor=world.people.kees)
    signal, picked_up = _signals(world)
    services.regie_offer(
        case=normal.case, actor=world.people.fatima, to_user=world.people.ruud, organisation=world.orgs.gemeente
    )
    return {
        "signal": signal.pk,
        "signal_picked_up": picked_up.pk,
        "case": normal.case_id,
        "sent": normal.pk,
        "accepted": accepted.pk,
        "service": world.services.schuldhulp.pk,
        "consent": normal.consent_id,
        "pseudonym": normal.case.resident.pseudonym,
    }


def _signals(world):
    """A new signal and one the Waterlelie picked up; the Kredietbank is a desk too (Marieke adds signallers)."""
    from signals.services.signals import signal_pick_up
    from tests.signals.helpers import hand_in, make_desk

    make_desk(world.orgs.waterlelie)
    make_desk(world.orgs.kredietbank)
    new = hand_in(world)
    picked_up = signal_pick_up(signal=hand_in(world), actor=world.people.fatima, organisation=world.orgs.waterlelie)
    return new, picked_up


def visit(page, path: str, ids: dict) -> None:
    """Open `path` ("POST …": then submit the page's form empty, to show the refused state)."""
    method, _, path = path.rpartition(" ")
    page.goto(page.url_for(path.format(**ids)))
    if method == "POST":
        page.locator("main form[method=post] button[type=submit]").last.click()
        page.wait_for_load_state()
