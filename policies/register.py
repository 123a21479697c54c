# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The processing register (verwerkingsregister, AVG art. 30) as data.

Every audit entry names one of these activities. `manage.py processing_register`
prints it; the privacy officer sees it as a page.
"""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

from policies.data_categories import DataCategory

# Each activity has a stable URI, as the Logboek Dataverwerkingen standard
# asks for `dpl.core.processing_activity_id` (a reference into the register).
REGISTER_URI = "urn:nl:overdracht:verwerkingsregister:"
CONTROLLER = "Gemeente Leidschendam-Voorburg (programma Sterk voor Noord)"


@dataclass(frozen=True)
class ProcessingActivity:
    code: str
    name: str
    purpose: str
    legal_basis: str
    data_categories: tuple[str, ...]
    recipients: str
    retention: str

    @property
    def label(self) -> str:
        """The activity's name in the reader's language; the register itself stays Dutch (it is the
        municipality's record under AVG art. 30), only the name is a label in lists and filters."""
        return gettext(self.name)

    @property
    def uri(self) -> str:
        return REGISTER_URI + self.code

    def data_category_labels(self) -> list[str]:
        return [str(DataCategory(c).label) for c in self.data_categories]


_ALL_RESIDENT_DATA = tuple(c.value for c in DataCategory)

ACTIVITIES: dict[str, ProcessingActivity] = {
    a.code: a
    for a in [
        ProcessingActivity(
            code="case_management",
            name=gettext_noop("Casusregie"),
            purpose="Eén gezin, één plan, één regisseur: de hulpvraag van een huishouden vastleggen en volgen.",
            legal_basis="Toestemming van de inwoner (AVG art. 6 lid 1a); voor de gemeente ook wettelijke taak "
            "(Wmo 2015, Participatiewet; AVG art. 6 lid 1e).",
            data_categories=_ALL_RESIDENT_DATA,
            recipients="De regisseur en de verwijzende organisatie.",
            retention="Tot 1 jaar na het sluiten van de casus; daarna gewist, alleen anonieme cijfers blijven.",
        ),
        ProcessingActivity(
            code="referral",
            name=gettext_noop("Warme overdracht"),
            purpose="Een hulpvraag doorgeven aan de partner die kan helpen, met alleen wat die partner nodig heeft.",
            legal_basis="Toestemming van de inwoner (AVG art. 6 lid 1a), of meldcode / vitaal belang / "
            "wettelijke taak met schriftelijke onderbouwing.",
            data_categories=_ALL_RESIDENT_DATA,
            recipients="De ontvangende partner waarvoor toestemming is gegeven; een partner die erbij "
            "verwezen wordt, helpt naast de eerste. Na een warme overdracht houdt de overdragende partner "
            "alleen zijn eigen deel (gegevens van de verwijzing, eigen contact en uitkomst), zonder gegevens "
            "van de inwoner: voor de verantwoording van het eigen werk (AVG art. 5 lid 2).",
            retention="Tot 1 jaar na het sluiten van de casus.",
        ),
        ProcessingActivity(
            code="consent",
            name=gettext_noop("Toestemming vastleggen"),
            purpose="Vastleggen waarvoor de inwoner toestemming gaf, aan wie, en tot wanneer; intrekken.",
            legal_basis="Wettelijke verplichting om toestemming aan te kunnen tonen (AVG art. 7 lid 1).",
            data_categories=(DataCategory.CONTACT.value,),
            recipients="Geen; alleen de organisaties in de toestemming zelf.",
            retention="Zolang de casus bestaat, plus 1 jaar.",
        ),
        ProcessingActivity(
            code="subject_rights",
            name=gettext_noop("Rechten van de inwoner"),
            purpose="Inzage, correctie en verwijdering op verzoek van de inwoner.",
            legal_basis="Wettelijke verplichting (AVG art. 15–17).",
            data_categories=_ALL_RESIDENT_DATA,
            recipients="De inwoner zelf.",
            retention="Het verzoek en de afhandeling: 1 jaar.",
        ),
        ProcessingActivity(
            code="audit_review",
            name=gettext_noop("Controle door de privacyfunctionaris"),
            purpose="Nagaan wie welke gegevens zag of wijzigde, en waarom; afwijkingen opmerken.",
            legal_basis="Wettelijke verplichting (AVG art. 5 lid 2, art. 32).",
            data_categories=(),
            recipients="De privacyfunctionaris (alleen metadata, nooit inhoud).",
            retention="Logboek: 5 jaar.",
        ),
        ProcessingActivity(
            code="retention",
            name=gettext_noop("Bewaartermijn bewaken"),
            purpose="Persoonsgegevens wissen na afloop van de bewaartermijn.",
            legal_basis="Wettelijke verplichting (AVG art. 5 lid 1e).",
            data_categories=_ALL_RESIDENT_DATA,
            recipients="Geen.",
            retention="Niet van toepassing.",
        ),
        ProcessingActivity(
            code="signals",
            name=gettext_noop("Vroegsignalering"),
            purpose="Een signaal van een signaleerder (vrijwilliger, sleutelfiguur, woningcorporatie) bij een "
            "professional van de signaalbalie brengen, die contact opneemt en er een casus van maakt of het afsluit.",
            legal_basis="Wettelijke taak (Wet gemeentelijke schuldhulpverlening art. 3 lid 2, vroegsignalering; "
            "Wmo 2015; AVG art. 6 lid 1e); contactgegevens alleen met toestemming van de inwoner (AVG art. 6 lid 1a).",
            data_categories=(DataCategory.CONTACT.value, DataCategory.SUMMARY.value, DataCategory.NEEDS.value),
            recipients="De professionals van de signaalbalie; de signaleerder ziet alleen de status.",
            retention="Een signaal dat geen casus wordt: gewist na de bewaartermijn voor signalen (standaard 180 "
            "dagen na de laatste handeling); een signaal dat een casus wordt: gewist zodra de casus geopend is.",
        ),
        ProcessingActivity(
            code="administration",
            name=gettext_noop("Beheer van partners en gebruikers"),
            purpose="Partners, diensten en gebruikers bijhouden.",
            legal_basis="Gerechtvaardigd belang / uitvoering convenant (AVG art. 6 lid 1f).",
            data_categories=(),
            recipients="Functioneel beheer.",
            retention="Zolang het account bestaat.",
        ),
    ]
}


def activity(code: str) -> ProcessingActivity:
    return ACTIVITIES[code]


def as_text() -> str:
    """The register as plain text, for `manage.py processing_register` and for print."""
    lines = ["Verwerkingsregister (AVG art. 30)", f"Verwerkingsverantwoordelijke: {CONTROLLER}", ""]
    for item in ACTIVITIES.values():
        lines += [
            f"{item.name} [{item.code}]",
            f"  Kenmerk:        {item.uri}",
            f"  Doel:           {item.purpose}",
            f"  Grondslag:      {item.legal_basis}",
            f"  Gegevens:       {', '.join(item.data_category_labels()) or 'geen persoonsgegevens van inwoners'}",
            f"  Ontvangers:     {item.recipients}",
            f"  Bewaartermijn:  {item.retention}",
            "",
        ]
    return "\n".join(lines)
