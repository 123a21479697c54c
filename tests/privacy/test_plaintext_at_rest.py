# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""No personal value lies in the database in plain text: read the file / the dump itself.

Residents, consent, referrals with summaries and notes, a plan goal, a rectification,
an inzage and an access are written through the services (so the audit trail is
filled too); then the raw SQLite file or a pg_dump of PostgreSQL is searched for
every value.
"""

from django.db import connection
from django.utils import timezone

from audit.services.trail import log_access
from referrals import services
from referrals.services.subject_rights import inzage_report, resident_rectify
from tests.factories import give_consent, open_case

VALUES = {
    "given_name": "Wilhelmina",
    "family_name": "Oosterhuis-Bakkali",
    "phone": "0687654321",
    "email": "w.oosterhuis@voorbeeld.nl",
    "new_phone": "0611122233",
    "summary": "Deurwaarder dreigt met beslag op inboedel",
    "justification": "Acuut risico op huisuitzetting",
    "goal": "Betalingsregeling met woningcorporatie",
    "decline_note": "Geen plek tot het voorjaar",
    "outcome_note": "Schuldregeling via budgetbeheer gestart",
    "withdraw_reason": "Inwoner verhuist naar Zoetermeer",
    "language": "Tigrinya",
}


def _write_everything(world):
    p, o = world.people, world.orgs
    case = open_case(
        actor=p.fatima,
        organisation=o.waterlelie,
        given_name=VALUES["given_name"],
        family_name=VALUES["family_name"],
        phone=VALUES["phone"],
        email=VALUES["email"],
        preferred_language=VALUES["language"],
        categories=[world.categories.schulden],
    )
    consent = give_consent(case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank, o.taalhuis])
    services.case_add_goal(case=case, actor=p.fatima, text=VALUES["goal"])
    first = services.referral_create(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        service=world.services.schuldhulp,
        summary=VALUES["summary"],
        categories=[world.categories.schulden],
        shared_data=["contact", "summary", "needs"],
    )
    services.referral_send(referral=first, actor=p.fatima)
    services.referral_accept(referral=first, actor=p.kees)
    log_access(actor=p.kees, obj=first, activity="referral", organisation=o.kredietbank, fields=("summary", "contact"))
    services.referral_record_first_contact(referral=first, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=first, actor=p.kees, outcome="helped", note=VALUES["outcome_note"])
    second = services.referral_create(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        service=world.services.taalmaatje,
        summary=VALUES["summary"],
        categories=[world.categories.taal],
        shared_data=["contact", "summary", "needs"],
    )
    services.referral_send(referral=second, actor=p.fatima)
    services.referral_decline(referral=second, actor=p.anouk, reason="no_capacity", note=VALUES["decline_note"])
    resident_rectify(
        resident=case.resident, actor=p.fatima, changes={"phone": VALUES["new_phone"]}, reason="verzoek van de inwoner"
    )
    inzage_report(resident=case.resident, actor=p.fatima)
    services.consent_withdraw(
        consent=consent, actor=p.fatima, organisation=o.waterlelie, reason=VALUES["withdraw_reason"]
    )
    return case


def _sqlite_bytes() -> bytes:
    # The database file's bytes, exactly as SQLite would write them to disk
    # (the test database lives in memory; serialize() gives its file image).
    connection.ensure_connection()
    return connection.connection.serialize()


def _pg_dump() -> bytes:
    # What pg_dump --data-only writes: every table, COPY ... TO STDOUT. (pg_dump
    # itself cannot see the rows of the test's open transaction.)
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            with cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                chunks.extend(bytes(block) for block in copy)
    return b"".join(chunks)


def test_the_database_holds_no_personal_value_in_plain_text(world):
    case = _write_everything(world)
    assert case.resident.given_name == VALUES["given_name"]  # the values were really written
    dump = _sqlite_bytes() if connection.vendor == "sqlite" else _pg_dump()
    assert case.resident.pseudonym.encode() in dump  # the dump is real and complete enough to search
    lowered = dump.lower()
    found = [name for name, value in VALUES.items() if value.lower().encode() in lowered]
    assert found == []
