# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The English UI is English: every page of tests/browser/pages.py, switched to English, shows
no word of the Dutch UI. The words are chosen so that they only appear when a string of ours was
not translated (not in the Dutch names of partners, services or the test data)."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from referrals import services
from tests.browser.pages import PAGES, fixture_ids

# Words of the Dutch UI that no organisation, service or summary in the test world contains.
DUTCH_UI_WORDS = {
    "aannemen",
    "afgesloten",
    "afwijzen",
    "alleen",
    "casus",
    "casussen",
    "geen",
    "gegevens",
    "gewijzigd",
    "inwoner",
    "intrekken",
    "kies",
    "niet",
    "nog",
    "opslaan",
    "terug",
    "toestemming",
    "uw",
    "verstuurd",
    "verwijzing",
    "verwijzingen",
    "vul",
    "waarom",
    "wijzigen",
    "zoeken",
}

# The resident's receipt is printed in the language the resident was informed in (Dutch in the
# test world), whatever the language of the page around it.
DUTCH_ON_PURPOSE = {"consent-receipt"}


class _VisibleText(HTMLParser):
    """The English a reader sees or hears: element text and the labelling attributes, not scripts,
    and not what is marked as another language (`lang="nl"`: records kept as written, such as
    audit reasons, which a screen reader then reads in Dutch)."""

    _HIDDEN = {"script", "style", "template"}
    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    _SPOKEN = ("aria-label", "title", "alt", "placeholder")

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, hides its text)

    def _hidden(self) -> bool:
        return any(hides for _tag, hides in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        other_language = bool(attrs.get("lang")) and not attrs["lang"].startswith("en") and tag != "html"
        if not (self._hidden() or other_language):
            self.parts += [attrs[name] for name in self._SPOKEN if attrs.get(name)]
        if tag not in self._VOID:
            self._open.append((tag, tag in self._HIDDEN or other_language))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        if not self._hidden():
            self.parts.append(data)


def dutch_words(html: str) -> list[str]:
    """Each Dutch UI word found, with the text around it (so a failure says where)."""
    parser = _VisibleText()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    return [
        f"{m.group(0)!r} in …{text[max(0, m.start() - 40) : m.end() + 40]}…"
        for m in re.finditer(r"[a-zà-ÿ]+", text, flags=re.IGNORECASE)
        if m.group(0).lower() in DUTCH_UI_WORDS
    ]


@pytest.fixture
def referrals_sent(world, case):
    """As in tests/browser/conftest.py: two referrals from Fatima to the Kredietbank, one urgent."""

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

    return send("Betalingsregeling loopt af; wil overzicht.", "normal"), send("Afsluiting energie.", "urgent")


def test_the_dutch_word_list_finds_the_dutch_ui(world, client):
    """The check can fail: the same page in Dutch is full of these words."""
    client.force_login(world.people.fatima)
    assert len(dutch_words(client.get("/casussen/").content.decode())) >= 3


def test_every_page_in_english_shows_no_dutch_ui_words(world, referrals_sent, client):
    ids = fixture_ids(world, referrals_sent)
    found = {}
    for name, persona, path in PAGES:
        if name in DUTCH_ON_PURPOSE:
            continue
        client.logout()  # also forgets the cookies
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        if persona:
            client.force_login(getattr(world.people, persona))
        method, _, path = path.rpartition(" ")
        url = path.format(**ids)
        # A "POST" page is the form sent empty: the refusals and field messages must be English too.
        response = client.post(url, {}) if method == "POST" else client.get(url)
        html = response.content.decode()
        assert '<html lang="en"' in html, name
        words = dutch_words(html)
        if words:
            found[name] = words
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_language_switch_sets_english_for_the_next_pages(world, client):
    client.force_login(world.people.fatima)
    client.post(reverse("set_language"), {"language": "en", "next": "/casussen/"})
    assert not dutch_words(client.get("/casussen/").content.decode())


def test_the_single_sign_on_choice_is_english_too(world, client, settings):
    """The login page's OIDC section is not among PAGES (OIDC is off there); the button's default
    provider name is a UI string too, unless the installation names its provider."""
    settings.OIDC_ENABLED = True
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("login")).content.decode()
    assert "Log in with your organisation&#x27;s account" in html
    assert not dutch_words(html)
