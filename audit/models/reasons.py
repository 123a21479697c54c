# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Why something was done, as the audit trail says it: the fixed reasons, in one place.

The wording is Dutch because the privacy officer reads and searches it, and
entries already written carry it: keep it as it is. A reason with a
placeholder is filled in with `.format()` (e.g. `AUDIT_EXPORTED.format(fmt="csv")`).
Reasons that are the label of a choice (a decline reason, an outcome, a legal
basis, a stop reason) come from those choices instead.
"""

from enum import StrEnum, unique


@unique  # two reasons with one wording would silently become one
class AuditReason(StrEnum):
    # Referrals
    WARM_HANDOVER = "warme overdracht"
    REOPEN_WINDOW_PASSED = "heropentermijn van {days} dagen verstreken"
    # Consent
    CONSENT_WITHDRAWN = "toestemming ingetrokken"
    CONSENT_EXPIRED = "toestemming verlopen"
    CONSENT_RECEIPT_PRINTED = "toestemmingsbewijs afdrukken"
    # The resident's rights
    RESIDENT_LOOKED_UP = "inwoner gezocht voor een verzoek"
    INZAGE_REQUESTED = "inzageverzoek ({fmt})"
    RECTIFICATION_FORM = "correctieformulier"
    RECTIFICATION = "correctie op verzoek"
    ERASURE = "wissen op verzoek"
    RETENTION_PERIOD_PASSED = "bewaartermijn verstreken"
    ERASURE_REAPPLIED = "wissen opnieuw uitgevoerd na herstel van een back-up"
    # Refused attempts (action REFUSED): the page by its URL pattern name
    NOT_VISIBLE = "geweigerd: geen toegang (404) op {route}"
    ACTION_REFUSED = "geweigerd: handeling niet toegestaan (403) op {route}"
    NOT_FOUND = "geweigerd: bestaat niet (404) op {route}"
    # A service that failed or refused after it began writing: its action, rolled back (action kept)
    ACTION_FAILED = "mislukt ({error}); niets gewijzigd"
    ACTION_FAILED_REFUSED = "geweigerd ({error}); niets gewijzigd"
    # The privacy officer's review
    AUDIT_SEARCHED = "logboek doorzocht"
    AUDIT_EXPORTED = "logboek geëxporteerd ({fmt})"
    RESIDENT_REPORT = "inzageoverzicht inwoner"
    FLAGS_VIEWED = "signalen bekeken"
    REGISTER_VIEWED = "verwerkingsregister bekeken"
    LDV_READ = "logboek dataverwerkingen gelezen (lezen-API)"
    UNUSUAL_ACCESS_FLAGGED = "ongebruikelijke inzage gesignaleerd"
    LEAVER_ATTEMPT_FLAGGED = "poging na einde lidmaatschap gesignaleerd"
    FLAG_REVIEWED = "signaal afgehandeld"
    # Memberships (accounts.services.memberships)
    MEMBERSHIP_GRANTED = "lidmaatschap aangemaakt"
    MEMBERSHIP_CONFIRMED = "lidmaatschap bevestigd door een tweede persoon"
    MEMBERSHIP_ENDED = "lidmaatschap beëindigd; open werk terug naar de organisatie"
    MEMBERSHIP_LAPSED = "einddatum lidmaatschap verstreken; open werk terug naar de organisatie"
    # The second factor (accounts.services.enrolment)
    ENROLMENT_LINK_ISSUED = "koppellink tweede stap uitgegeven"
    ENROLMENT_LINK_USED = "tweede stap gekoppeld met koppellink"
    SECOND_FACTOR_RESET = "tweede stap opnieuw ingesteld: oude apparaten verwijderd, nieuwe koppellink"
    PASSKEY_ADDED = "passkey toegevoegd na inloggen met tweede stap"
