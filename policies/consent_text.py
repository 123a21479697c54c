# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What residents are told before they consent, in plain Dutch (B1) and English.

Read aloud or handed over when consent is asked; printed on the consent receipt.
Short sentences, everyday words, no jargon (taalniveau B1).
"""

CONSENT_TEXT = {
    "nl": {
        "title": "Toestemming om uw gegevens te delen",
        "intro": [
            "U vraagt hulp. Soms kan een andere organisatie u beter helpen.",
            "Wij willen u dan doorverwijzen. Daarvoor geven wij een paar gegevens over u aan die organisatie.",
            "Dat doen wij alleen als u dat goed vindt.",
        ],
        "what": "Wij delen alleen wat de andere organisatie nodig heeft om u te helpen. Niet meer.",
        "who": "Wij delen alleen met de organisaties die u noemt.",
        "how_long": "Uw toestemming geldt tot een vaste datum. Daarna vragen wij het opnieuw.",
        "safe": "Uw gegevens zijn beveiligd. Wij houden bij wie uw gegevens bekijkt, en waarom.",
        "withdraw": [
            "U mag altijd nee zeggen. U krijgt dan nog steeds hulp van ons.",
            "U mag uw toestemming altijd weer intrekken. Zeg het tegen uw contactpersoon. "
            "Dan delen wij niets meer, en de andere organisatie kan uw gegevens niet meer zien.",
        ],
        "rights": "U mag altijd vragen welke gegevens wij van u hebben, en wie ze heeft bekeken. "
        "Klopt er iets niet? Dan passen wij het aan. U mag ook vragen om uw gegevens te wissen.",
        "questions": "Vragen of een klacht? Bel de gemeente (14 070) en vraag naar de privacyfunctionaris.",
    },
    "en": {
        "title": "Permission to share your information",
        "intro": [
            "You asked for help. Sometimes another organisation can help you better.",
            "We would then like to refer you. To do that, we give a few details about you to that organisation.",
            "We only do this if you agree.",
        ],
        "what": "We only share what the other organisation needs to help you. Nothing more.",
        "who": "We only share with the organisations you name.",
        "how_long": "Your permission is valid until a fixed date. After that, we will ask you again.",
        "safe": "Your information is kept safe. We record who looks at your information, and why.",
        "withdraw": [
            "You can always say no. You will still get help from us.",
            "You can always take back your permission. Tell your contact person. "
            "Then we share nothing more, and the other organisation can no longer see your information.",
        ],
        "rights": "You can always ask what information we have about you, and who has looked at it. "
        "Is something wrong? We will correct it. You can also ask us to delete your information.",
        "questions": "Questions or a complaint? Call the municipality (14 070) and ask for the privacy officer.",
    },
}

LANGUAGES = {"nl": "Nederlands", "en": "English"}


def consent_text(language: str) -> dict:
    """The text in the resident's language, Dutch when we have no translation."""
    return CONSENT_TEXT.get(language, CONSENT_TEXT["nl"])
