# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""After a full referral flow no personal value appears in any column of the audit table."""

import io

from auditlog.context import set_actor
from django.db import connection
from django.utils import timezone

from audit.models import AuditEntry
from audit.services.trail import log_access
from referrals import services
from tests.factories import give_consent, open_case

PERSONAL = {
    "given_name": "Zoë-Marijke",
    "family_name": "Oosterhuis-Bakkal",
    "phone": "0687654321",
    "email": "zoe.oosterhuis@voorbeeld.invalid",
}
CONTENT = {
    "summary": "Deurwaarder dreigt met beslag op de inboedel",
    "decline_note": "Wachtlijst tot na de zomervakantie",
    "outcome_note": "Betalingsregeling met drie schuldeisers",
    "goal": "Vaste lasten weer op orde brengen",
    "purpose": "Samen uitzoeken welke toeslagen nog openstaan",
    "justification": "Acuut gevaar voor de kinderen gemeld door school",
    "withdrawn": "Heeft inmiddels een eigen bewindvoerder",
}


def _full_flow(world):
    p, o, cat = world.people, world.orgs, world.categories
    with set_actor(p.fatima):
        case = open_case(
            actor=p.fatima,
            organisation=o.waterlelie,
            categories=[cat.schulden],
            given_name=PERSONAL["given_name"],
            family_name=PERSONAL["family_name"],
            phone=PERSONAL["phone"],
            email=PERSONAL["email"],
        )
        services.case_add_goal(case=case, actor=p.fatima, text=CONTENT["goal"])
        consent = give_consent(
            case=case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank], purpose=CONTENT["purpose"]
        )
        first = services.referral_create(
            case=case,
            actor=p.fatima,
            organisation=o.waterlelie,
            service=world.services.schuldhulp,
            summary=CONTENT["summary"],
            categories=[cat.schulden],
            shared_data=["contact", "summary"],
        )
        services.referral_send(referral=first, actor=p.fatima)
        urgent = services.referral_create(
            case=case,
            actor=p.fatima,
            organisation=o.waterlelie,
            service=world.services.taalmaatje,
            summary=CONTENT["summary"],
            categories=[cat.taal],
            legal_basis="vital_interest",
            legal_basis_justification=CONTENT["justification"],
        )
        services.referral_send(referral=urgent, actor=p.fatima)
    with set_actor(p.anouk):
        services.referral_decline(referral=urgent, actor=p.anouk, reason="other", note=CONTENT["decline_note"])
    with set_actor(p.kees):
        services.referral_accept(referral=first, actor=p.kees)
        log_access(
            actor=p.kees,
            obj=first,
            activity="referral",
            organisation=o.kredietbank,
            fields=["summary", "contact", "resident_name"],
        )
        log_access(actor=p.kees, obj=case.resident, activity="referral", organisation=o.kredietbank, fields=["contact"])
        services.referral_record_first_contact(referral=first, actor=p.kees, on=timezone.localdate(), way="phone")
        services.referral_close(referral=first, actor=p.kees, outcome="helped", note=CONTENT["outcome_note"])
    with set_actor(p.fatima):
        services.consent_withdraw(
            consent=consent, actor=p.fatima, organisation=o.waterlelie, reason=CONTENT["withdrawn"]
        )
    return case


def _audit_table_as_text() -> list[str]:
    table = AuditEntry._meta.db_table
    columns = [f.column for f in AuditEntry._meta.concrete_fields]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608 - column names from the model
        return [str(value) for row in cursor.fetchall() for value in row if value is not None]


def test_no_personal_value_appears_anywhere_in_the_audit_table(world):
    case = _full_flow(world)
    cells = _audit_table_as_text()
    assert len(cells) > 500
    for label, value in {**PERSONAL, **CONTENT}.items():
        hits = [cell for cell in cells if value.lower() in cell.lower()]
        assert not hits, f"{label} found in the audit table: {hits[:1]}"
    # ...while the resident is there under the pseudonym, and the values really were stored.
    assert any(case.resident.pseudonym == cell for cell in cells)
    case.resident.refresh_from_db()
    assert case.resident.family_name == PERSONAL["family_name"]


def test_exports_and_the_privacy_officers_pages_hold_no_personal_value(client, world):
    from django.core.management import call_command
    from django.urls import reverse

    case = _full_flow(world)
    client.force_login(world.people.priya)
    pages = [
        client.get(reverse("privacy:search"), {"verwerking": "referral"}).content.decode(),
        client.get(reverse("privacy:resident", args=[case.resident.pseudonym])).content.decode(),
        client.get(reverse("privacy:flags")).content.decode(),
        b"".join(client.get(reverse("privacy:export", args=["jsonl"])).streaming_content).decode(),
        b"".join(client.get(reverse("privacy:export", args=["csv"])).streaming_content).decode(),
    ]
    out = io.StringIO()
    call_command("export_audit", "--format", "jsonl", stdout=out)
    pages.append(out.getvalue())
    assert all(case.resident.pseudonym in text for text in pages[:2])
    for text in pages:
        for label, value in {**PERSONAL, **CONTENT}.items():
            assert value.lower() not in text.lower(), label


def test_every_referral_on_another_legal_basis_and_every_withdrawal_is_flagged(client, world):
    from django.urls import reverse

    from audit.models import PrivacyFlag

    case = _full_flow(world)
    kinds = set(PrivacyFlag.objects.filter(pseudonym=case.resident.pseudonym).values_list("kind", flat=True))
    assert kinds == {PrivacyFlag.Kind.LEGAL_BASIS, PrivacyFlag.Kind.CONSENT_WITHDRAWN}
    client.force_login(world.people.priya)
    listed = client.get(reverse("privacy:flags")).context["page"].object_list
    assert {f.kind for f in listed} == kinds
