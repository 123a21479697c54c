# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What a handover sends to the database: only what it changed, and no lookups it has at hand."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEntry
from referrals import services
from referrals.models import Referral, ReferralUserObjectPermission


def sql_of(action) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        action()
    return [q["sql"] for q in ctx.captured_queries]


def referral_updates(statements: list[str]) -> list[str]:
    return [sql for sql in statements if sql.startswith('UPDATE "referrals_referral" ')]


def test_a_transition_writes_only_the_fields_it_changed(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    statements = sql_of(lambda: services.referral_accept(referral=draft, actor=p.kees))
    [update] = referral_updates(statements)
    assigned = update.split(" WHERE ")[0]
    assert '"state"' in assigned and '"assignee_id"' in assigned and '"accepted_at"' in assigned
    # Untouched columns are not written back: a full save would rewrite the sealed summary (and
    # overwrite what anything else had changed in them meanwhile with what was read).
    assert '"summary_ciphertext"' not in assigned and '"case_id"' not in assigned
    stored = Referral.objects.get(pk=draft.pk)
    assert (stored.state, stored.assignee_id) == ("accepted", p.kees.pk)
    assert stored.summary == "Aanmaningen van de energieleverancier; wil hulp."
    # django-auditlog records the same change as before: the fields that changed, nothing else.
    entry = AuditEntry.objects.get_for_object(stored).filter(action=AuditEntry.Action.UPDATE).latest("id")
    assert {"state", "assignee", "accepted_at"} <= set(entry.changes) and "summary_ciphertext" not in entry.changes


def test_a_second_transition_in_one_transaction_is_narrow_too_and_both_are_kept(world, draft):
    """The forward's accept moves the parent as well (two referrals, each saved narrowly)."""
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    forward = services.referral_forward(
        referral=draft,
        actor=p.kees,
        service=world.services.taalmaatje,
        summary="Wil Nederlands leren om brieven te kunnen lezen.",
        categories=[world.categories.taal],
    )
    statements = sql_of(lambda: services.referral_accept(referral=forward, actor=p.anouk))
    updates = referral_updates(statements)
    assert len(updates) == 2
    assert all('"summary_ciphertext"' not in sql.split(" WHERE ")[0] for sql in updates)
    assert Referral.objects.get(pk=draft.pk).state == "handed_over"
    assert Referral.objects.get(pk=forward.pk).state == "accepted"


def test_granting_reads_no_group_permission_or_content_type(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)  # the permissions are known from here on
    services.referral_decline(referral=draft, actor=p.kees, reason="no_capacity", note="Vol.")
    again = services.referral_create_and_send(
        case=draft.case,
        actor=p.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Nog eens: aanmaningen.",
        categories=[world.categories.schulden],
    )
    statements = sql_of(lambda: services.referral_accept(referral=again, actor=p.kees))
    lookups = [sql for sql in statements if any(t in sql for t in ('FROM "auth_group"', 'FROM "django_content_type"'))]
    assert lookups == []
    # The permission itself is not looked up again (the policy's check joins it, which is a read of grants).
    assert not [sql for sql in statements if 'FROM "auth_permission" WHERE' in sql]
    grant = ReferralUserObjectPermission.objects.get(content_object=again, user=p.kees)
    assert grant.permission.codename == "handle_referral"
    # The grant is in the audit trail as before, named by referral, person and permission.
    logged = AuditEntry.objects.get_for_object(grant).get(action=AuditEntry.Action.CREATE)
    assert logged.object_repr.endswith("| handle_referral")


def test_a_json_value_changed_in_place_is_still_written(world, draft):
    """Only changed fields are saved: a list changed in place (not replaced) must count as changed."""
    from audit.services.sealing import audited
    from referrals.services.referrals import _locked, _save_transition

    with audited():
        referral = _locked(draft)
        referral.shared_data.append("needs_extra")
        _save_transition(referral)
    assert "needs_extra" in Referral.objects.get(pk=draft.pk).shared_data
