# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The processing register (verwerkingsregister, AVG art. 30 lid 1) as data.

Every audit entry names one of these activities, and the version of it that held when the
entry was written. Each activity has a stable UUID, a version and the date that version holds
from: Logboek Dataverwerkingen asks that every relevant change gets a new identifier, so that
`dpl.core.processing_activity_id` names one unambiguous version (`activity_uri`). A changed
activity needs a new version: `register_digests.json` records the digest of every version,
and a test fails when an activity's text changed and its version did not.

Retention periods and the security measures are written with the settings' real values
(`retention_text`, `security_measures`). `manage.py processing_register` prints the register;
the privacy officer sees it as a page and as JSON in the shape of VNG's register API.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

from policies.data_categories import DataCategory, DataSubject, StaffData

REGISTER_URI = "urn:nl:overdracht:verwerkingsregister:"
# Stable: each activity's UUID derives from its code in this namespace (uuid5), never from a version.
_UUID_NAMESPACE = uuid.UUID("3c1f7a52-9d5e-4b8a-a6c2-2f0e8d4b7c11")
CONTROLLER = "Gemeente Leidschendam-Voorburg (programma Sterk voor Noord)"
# No personal data leaves the European Economic Area: all partners and the hosting are in the Netherlands.
TRANSFERS = "Geen doorgifte buiten de Europese Economische Ruimte (EER); geen internationale organisaties."


def controller_contact() -> str:
    return settings.REGISTER_CONTROLLER_CONTACT


def dpo() -> str:
    """The functionaris gegevensbescherming (FG) and how to reach them (art. 30 lid 1 onder a)."""
    return settings.REGISTER_DPO_CONTACT


@dataclass(frozen=True)
class ProcessingActivity:
    code: str
    name: str
    purpose: str
    # The main AVG ground in VNG's words (Toestemming betrokkene, Publieke taak, Wettelijke
    # verplichting, Gerechtvaardigd belang, Uitvoering overeenkomst) and the articles in full.
    legal_basis_kind: str
    legal_basis: str
    data_subjects: tuple[str, ...]
    data_categories: tuple[str, ...]
    staff_data: tuple[str, ...]
    recipients: str
    # The same as short category names (VNG's afnemendeCategorieOntvangers); empty: nobody receives.
    recipient_categories: tuple[str, ...]
    # Written with the settings' values: {retention_days}, {signal_retention_days}.
    retention: str
    version: int
    valid_from: date
    # The AVG art. 9 lid 2 exception for the special categories (health) it processes; "" if none.
    special_category_basis: str = ""
    origin: str = "De inwoner zelf en de professional die de hulpvraag vastlegt."

    @property
    def uuid(self) -> uuid.UUID:
        return uuid.uuid5(_UUID_NAMESPACE, self.code)

    @property
    def label(self) -> str:
        """The activity's name in the reader's language; the register itself stays Dutch (it is the
        municipality's record under AVG art. 30), only the name is a label in lists and filters."""
        return gettext(self.name)

    @property
    def uri(self) -> str:
        """This version's identifier, as audit entries and the LDV export name it."""
        return activity_uri(self.code, self.version)

    @property
    def retention_text(self) -> str:
        return retention_text(self.retention)

    def data_category_labels(self) -> list[str]:
        return [str(DataCategory(c).label) for c in self.data_categories]

    def data_subject_labels(self) -> list[str]:
        return [str(DataSubject(c).label) for c in self.data_subjects]

    def staff_data_labels(self) -> list[str]:
        return [str(StaffData(c).label) for c in self.staff_data]

    @property
    def processes_special_categories(self) -> bool:
        return DataCategory.HEALTH.value in self.data_categories

    def digest(self) -> str:
        """Of everything the register says about it except version and date: a change changes it."""
        content = {
            "code": self.code,
            "name": self.name,
            "purpose": self.purpose,
            "legal_basis_kind": self.legal_basis_kind,
            "legal_basis": self.legal_basis,
            "special_category_basis": self.special_category_basis,
            "data_subjects": list(self.data_subjects),
            "data_categories": list(self.data_categories),
            "staff_data": list(self.staff_data),
            "recipients": self.recipients,
            "recipient_categories": list(self.recipient_categories),
            "retention": self.retention,
            "origin": self.origin,
            "controller": CONTROLLER,
            "transfers": TRANSFERS,
            "security_measures": list(_MEASURES),
        }
        return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def retention_text(template: str) -> str:
    return template.format(
        retention_days=settings.RETENTION_DAYS_AFTER_CLOSE,
        signal_retention_days=settings.SIGNAL_RETENTION_DAYS,
        signaller_months=settings.SIGNALLER_MEMBERSHIP_MONTHS,
    )


def activity_uri(code: str, version: int | None = None) -> str:
    """`dpl.core.processing_activity_id`: the activity's UUID and version; without a version (entries
    written before versions were kept) the activity as such."""
    activity = ACTIVITIES.get(code)
    if activity is None:
        return REGISTER_URI + code
    base = f"{REGISTER_URI}{activity.uuid}"
    return f"{base}:v{version}" if version else base


# The measures as implemented (AVG art. 32), for every activity; {…} are the settings' values.
_MEASURES = (
    "Versleuteling in rust: naam, contactgegevens, samenvattingen, notities en plandoelen zijn per inwoner "
    "versleuteld (AES-GCM) met een eigen sleutel, die met een hoofdsleutel uit de omgeving is ingepakt; "
    "wissen vernietigt die sleutel (crypto-shredding), ook in back-ups.",
    "Herkenning zonder ontsleutelen: een sleutel-hash (HMAC) van naam en geboortejaar.",
    "Tweestapsverificatie: {two_factor}; account geblokkeerd na {lockout} mislukte pogingen; sessie verloopt "
    "na {idle} minuten zonder activiteit.",
    "Need-to-know: toegang per verwijzing (objectrechten), alleen voor de betrokken organisaties; de "
    "ontvangende partner ziet contactgegevens pas na aannemen; wie geen toegang heeft krijgt 404.",
    "Logboek: elke wijziging en elke inzage van persoonsgegevens, en elke geweigerde poging, met een "
    "pseudoniem in plaats van de naam; de regels zijn met een hash-keten (SHA-256) aan elkaar verbonden, "
    "alleen-toevoegen (in PostgreSQL door een trigger afgedwongen) en door verify_audit te controleren.",
    "Transport: {transport}.",
)


def security_measures() -> list[str]:
    """The measures with the settings' real values."""
    return [
        m.format(
            two_factor="verplicht voor iedereen" if settings.REQUIRE_TWO_FACTOR else "niet verplicht (instelling)",
            lockout=settings.AXES_FAILURE_LIMIT,
            idle=settings.SESSION_COOKIE_AGE // 60,
            transport="alleen HTTPS met HSTS"
            if settings.SECURE_HSTS_SECONDS
            else "HTTPS niet afgedwongen (geen productiemodus)",
        )
        for m in _MEASURES
    ]


_ALL_RESIDENT_DATA = tuple(c.value for c in DataCategory)
_RESIDENTS = (DataSubject.RESIDENT.value, DataSubject.HOUSEHOLD.value)
_STAFF_ACTIONS = (StaffData.ACTIONS.value,)
# Health (AVG art. 9) is shared only with the resident's explicit consent for it, never on a general basis.
_HEALTH_BASIS = (
    "AVG art. 9 lid 2 onder a: uitdrukkelijke toestemming van de inwoner voor de gegevenssoort Gezondheid; "
    "zonder die toestemming wordt gezondheid niet gedeeld."
)
_V1 = date(2026, 11, 24)

ACTIVITIES: dict[str, ProcessingActivity] = {
    a.code: a
    for a in [
        ProcessingActivity(
            code="case_management",
            name=gettext_noop("Casusregie"),
            purpose="Eén gezin, één plan, één regisseur: de hulpvraag van een huishouden vastleggen en volgen.",
            legal_basis_kind="Toestemming betrokkene",
            legal_basis="Toestemming van de inwoner (AVG art. 6 lid 1a); voor de gemeente ook wettelijke taak "
            "(Wmo 2015, Participatiewet; AVG art. 6 lid 1e).",
            special_category_basis=_HEALTH_BASIS,
            data_subjects=(*_RESIDENTS, DataSubject.STAFF.value),
            data_categories=_ALL_RESIDENT_DATA,
            staff_data=_STAFF_ACTIONS,
            recipients="De regisseur en de verwijzende organisatie.",
            recipient_categories=("Regisseur (partnerorganisatie)", "Verwijzende organisatie"),
            retention="Tot {retention_days} dagen na de laatste activiteit van een gesloten casus; daarna gewist "
            "(sleutel vernietigd), alleen anonieme cijfers blijven.",
            version=1,
            valid_from=_V1,
        ),
        ProcessingActivity(
            code="referral",
            name=gettext_noop("Warme overdracht"),
            purpose="Een hulpvraag doorgeven aan de partner die kan helpen, met alleen wat die partner nodig heeft.",
            legal_basis_kind="Toestemming betrokkene",
            legal_basis="Toestemming van de inwoner (AVG art. 6 lid 1a), of meldcode / vitaal belang / "
            "wettelijke taak met schriftelijke onderbouwing.",
            special_category_basis=_HEALTH_BASIS,
            data_subjects=(*_RESIDENTS, DataSubject.STAFF.value),
            data_categories=_ALL_RESIDENT_DATA,
            staff_data=_STAFF_ACTIONS,
            recipients="De ontvangende partner waarvoor toestemming is gegeven; een partner die erbij "
            "verwezen wordt, helpt naast de eerste. Na een warme overdracht houdt de overdragende partner "
            "alleen zijn eigen deel (gegevens van de verwijzing, eigen contact en uitkomst), zonder gegevens "
            "van de inwoner: voor de verantwoording van het eigen werk (AVG art. 5 lid 2).",
            recipient_categories=(
                "Ontvangende partnerorganisatie",
                "Partner die erbij verwezen wordt",
                "Overdragende partner (alleen eigen deel)",
            ),
            retention="Tot {retention_days} dagen na de laatste activiteit van de gesloten casus.",
            version=1,
            valid_from=_V1,
        ),
        ProcessingActivity(
            code="consent",
            name=gettext_noop("Toestemming vastleggen"),
            purpose="Vastleggen waarvoor de inwoner toestemming gaf, aan wie, en tot wanneer; intrekken.",
            legal_basis_kind="Wettelijke verplichting",
            legal_basis="Wettelijke verplichting om toestemming aan te kunnen tonen (AVG art. 7 lid 1).",
            data_subjects=(DataSubject.RESIDENT.value, DataSubject.STAFF.value),
            data_categories=(DataCategory.CONTACT.value,),
            staff_data=_STAFF_ACTIONS,
            recipients="Geen; alleen de organisaties in de toestemming zelf.",
            recipient_categories=(),
            retention="Zolang de casus bestaat: tot {retention_days} dagen na de laatste activiteit van de "
            "gesloten casus.",
            version=1,
            valid_from=_V1,
        ),
        ProcessingActivity(
            code="subject_rights",
            name=gettext_noop("Rechten van de inwoner"),
            purpose="Inzage, correctie en verwijdering op verzoek van de inwoner.",
            legal_basis_kind="Wettelijke verplichting",
            legal_basis="Wettelijke verplichting (AVG art. 15–17).",
            special_category_basis="AVG art. 9 lid 2 onder a: de gezondheidsgegevens die met uitdrukkelijke "
            "toestemming zijn vastgelegd, worden bij inzage, correctie of verwijdering alleen aan de inwoner "
            "zelf getoond of gewist.",
            data_subjects=(*_RESIDENTS, DataSubject.STAFF.value),
            data_categories=_ALL_RESIDENT_DATA,
            staff_data=_STAFF_ACTIONS,
            recipients="De inwoner zelf.",
            recipient_categories=("De inwoner zelf",),
            retention="Het verzoek en de afhandeling: in het logboek (zie Controle door de privacyfunctionaris); "
            "de gegevens zelf volgen de casus (tot {retention_days} dagen na sluiten).",
            version=1,
            valid_from=_V1,
        ),
        ProcessingActivity(
            code="audit_review",
            name=gettext_noop("Controle door de privacyfunctionaris"),
            purpose="Nagaan wie welke gegevens zag of wijzigde, en waarom; afwijkingen opmerken.",
            legal_basis_kind="Wettelijke verplichting",
            legal_basis="Wettelijke verplichting (AVG art. 5 lid 2, art. 32).",
            data_subjects=(DataSubject.STAFF.value, DataSubject.SIGNALLER.value, DataSubject.RESIDENT.value),
            data_categories=(),
            staff_data=(StaffData.ACCOUNT.value, StaffData.MEMBERSHIP.value, StaffData.ACTIONS.value),
            recipients="De privacyfunctionaris (alleen metadata en pseudoniemen, nooit inhoud).",
            recipient_categories=("Privacyfunctionaris",),
            retention="Logboek: 5 jaar (beleid). De applicatie wist geen logregels: het logboek is alleen-toevoegen; "
            "opschonen na 5 jaar is een handeling van de beheerder.",
            version=1,
            valid_from=_V1,
            origin="De applicatie zelf (het logboek).",
        ),
        ProcessingActivity(
            code="retention",
            name=gettext_noop("Bewaartermijn bewaken"),
            purpose="Persoonsgegevens wissen na afloop van de bewaartermijn.",
            legal_basis_kind="Wettelijke verplichting",
            legal_basis="Wettelijke verplichting (AVG art. 5 lid 1e).",
            special_category_basis="AVG art. 9 lid 2 onder a (de toestemming waaronder de gegevens zijn "
            "vastgelegd); wissen is de enige handeling.",
            data_subjects=(*_RESIDENTS, DataSubject.SIGNALLER.value),
            data_categories=_ALL_RESIDENT_DATA,
            staff_data=(),
            recipients="Geen.",
            recipient_categories=(),
            retention="Niet van toepassing: wist casussen {retention_days} dagen na de laatste activiteit en "
            "signalen {signal_retention_days} dagen na de laatste stap.",
            version=1,
            valid_from=_V1,
            origin="De applicatie zelf.",
        ),
        ProcessingActivity(
            code="signals",
            name=gettext_noop("Vroegsignalering"),
            purpose="Een signaal van een signaleerder (vrijwilliger, sleutelfiguur, woningcorporatie) bij een "
            "professional van de signaalbalie brengen, die contact opneemt en er een casus van maakt of het afsluit.",
            legal_basis_kind="Publieke taak",
            legal_basis="Wettelijke taak (Wet gemeentelijke schuldhulpverlening art. 3 lid 2, vroegsignalering; "
            "Wmo 2015; AVG art. 6 lid 1e); contactgegevens alleen met toestemming van de inwoner (AVG art. 6 lid 1a).",
            data_subjects=(DataSubject.RESIDENT.value, DataSubject.SIGNALLER.value, DataSubject.STAFF.value),
            data_categories=(DataCategory.CONTACT.value, DataCategory.SUMMARY.value, DataCategory.NEEDS.value),
            staff_data=(StaffData.ACCOUNT.value, StaffData.MEMBERSHIP.value, StaffData.ACTIONS.value),
            recipients="De professionals van de signaalbalie; de signaleerder ziet alleen de status.",
            recipient_categories=("Professionals van de signaalbalie", "Signaleerder (alleen de status)"),
            retention="Een signaal dat geen casus wordt: gewist {signal_retention_days} dagen na de laatste "
            "handeling; een signaal dat een casus wordt: gewist zodra de casus geopend is.",
            version=1,
            valid_from=_V1,
            origin="De signaleerder, met toestemming van de inwoner voor de contactgegevens.",
        ),
        ProcessingActivity(
            code="administration",
            name=gettext_noop("Beheer van partners en gebruikers"),
            purpose="Partners, diensten en gebruikers bijhouden; inloggen en tweestapsverificatie.",
            legal_basis_kind="Gerechtvaardigd belang",
            legal_basis="Gerechtvaardigd belang / uitvoering convenant (AVG art. 6 lid 1f).",
            data_subjects=(DataSubject.STAFF.value, DataSubject.SIGNALLER.value),
            data_categories=(),
            staff_data=(StaffData.ACCOUNT.value, StaffData.MEMBERSHIP.value, StaffData.LOGIN.value),
            recipients="Functioneel beheer.",
            recipient_categories=("Functioneel beheer",),
            retention="Zolang het account bestaat; een signaleerder {signaller_months} maanden na het aanmaken "
            "van het lidmaatschap, tenzij verlengd.",
            version=1,
            valid_from=_V1,
            origin="De organisatie van de medewerker (functioneel beheer).",
        ),
    ]
}


def activity(code: str) -> ProcessingActivity:
    return ACTIVITIES[code]


def as_text() -> str:
    """The register as plain text, for `manage.py processing_register` and for print."""
    lines = [
        "Verwerkingsregister (AVG art. 30)",
        f"Verwerkingsverantwoordelijke: {CONTROLLER}",
        f"Contact:                      {controller_contact()}",
        f"Functionaris gegevensbescherming: {dpo()}",
        f"Doorgifte: {TRANSFERS}",
        "Beveiligingsmaatregelen:",
        *[f"  - {m}" for m in security_measures()],
        "",
    ]
    for item in ACTIVITIES.values():
        lines += [
            f"{item.name} [{item.code}]",
            f"  Kenmerk:        {item.uri}",
            f"  Versie:         {item.version}, geldig vanaf {item.valid_from.isoformat()}",
            f"  Doel:           {item.purpose}",
            f"  Grondslag:      {item.legal_basis}",
            f"  Art. 9:         {item.special_category_basis or 'geen bijzondere persoonsgegevens'}",
            f"  Betrokkenen:    {', '.join(item.data_subject_labels())}",
            f"  Gegevens:       {', '.join(item.data_category_labels()) or 'geen persoonsgegevens van inwoners'}",
            f"  Medewerkers:    {', '.join(item.staff_data_labels()) or 'geen'}",
            f"  Ontvangers:     {item.recipients}",
            f"  Doorgifte:      {TRANSFERS}",
            f"  Bewaartermijn:  {item.retention_text}",
            "",
        ]
    return "\n".join(lines)
