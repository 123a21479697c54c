"""Every page the accessibility check walks: (name, persona, path).

A path may use `{case}`, `{sent}`, `{accepted}`, `{service}`, `{consent}` and
`{pseudonym}` for the fixture objects. Append new pages here (the privacy officer's pages under /privacy/,
the resident's rights pages under /rechten/) and test_accessibility.py checks
them too. Persona None: not logged in.
"""

PAGES = [
    ("login", None, "/inloggen/"),
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
    ("our-services", "marieke", "/onze-diensten/"),
    ("service-edit", "marieke", "/onze-diensten/{service}/"),
    ("service-new-refused", "marieke", "POST /onze-diensten/nieuw/"),
    ("service-capacity", "marieke", "/onze-diensten/{service}/capaciteit/"),
    ("not-found", "bas", "/verwijzingen/{sent}/"),
    ("consent-receipt", "fatima", "/toestemming/{consent}/bewijs/"),
    ("consent-receipt-en", "fatima", "/toestemming/{consent}/bewijs/?taal=en"),
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
    ("cijfers", "petra", "/cijfers/"),
    ("cijfers-print", "petra", "/cijfers/afdrukken/"),
    ("cijfers-targets", "petra", "/cijfers/doelen/"),
    ("cijfers-targets-refused", "petra", "POST /cijfers/doelen/"),
]


def fixture_ids(world, referrals_sent) -> dict:
    """The ids the paths above use, from the `referrals_sent` fixture (one of them accepted)."""
    from referrals import services

    normal, urgent = referrals_sent
    accepted = services.referral_accept(referral=urgent, actor=world.people.kees)
    return {
        "case": normal.case_id,
        "sent": normal.pk,
        "accepted": accepted.pk,
        "service": world.services.schuldhulp.pk,
        "consent": normal.consent_id,
        "pseudonym": normal.case.resident.pseudonym,
    }


def visit(page, path: str, ids: dict) -> None:
    """Open `path` ("POST …": then submit the page's form empty, to show the refused state)."""
    method, _, path = path.rpartition(" ")
    page.goto(page.url_for(path.format(**ids)))
    if method == "POST":
        page.locator("main form[method=post] button[type=submit]").last.click()
        page.wait_for_load_state()
