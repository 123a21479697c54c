"""The split into apps (audit/, directory/, accounts/) moves models, not data.

A database with real data — written through the services: a case, consent, a referral that was
sent and accepted (so guardian grants exist), the audit trail with its hash chain — is migrated
back to the schema before the split (every model in `referrals`, as deployed today), checked
there with that state's models, and migrated forward again. Every row, grant and the audit chain
must survive, no table or column may change, and the content types must follow their models
(their ids, which audit entries and permissions point at, stay).
"""

import pytest
from django.apps import apps as current_apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from audit.models import AuditChainHead, AuditEntry
from referrals.selectors.referrals import visible_referrals
from referrals import services
from referrals.models import Consent, Referral, State

# The audit app is new: before the split it has no migration applied.
BEFORE_SPLIT = [("referrals", "0004_consent_purpose_encrypted"), ("audit", None)]
AFTER_SPLIT = [
    ("referrals", "0006_directory_and_accounts_apps"),
    ("audit", "0002_organisation_in_directory"),
    ("directory", "0001_initial"),
    ("accounts", "0001_initial"),
]
MOVED = {"auditentry": "audit", "auditchainhead": "audit", "privacyflag": "audit", "organisation": "directory",
         "service": "directory", "category": "directory", "wijk": "directory", "membership": "accounts"}


@pytest.fixture
def handed_over(world, draft):
    p = world.people
    services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    return draft


def _counts(apps, labels):
    return {name: apps.get_model(app, name).objects.count() for name, app in labels.items()}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets)
    state.clear_delayed_apps_cache()
    return state


def _latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _schema() -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        return {
            table: sorted(c.name for c in connection.introspection.get_table_description(cursor, table))
            for table in connection.introspection.table_names(cursor)
        }


def _verify_audit() -> str:
    from io import StringIO

    out = StringIO()
    call_command("verify_audit", stdout=out)
    return out.getvalue()


def _as_sealed_before_span_columns():
    """Rewrite the trail as the code before audit 0006 sealed it: no span columns, chain re-linked.

    Entries sealed with their span cannot be rolled back past audit 0006 (the next test); the split
    is about the models that existed then, so its round trip starts from a trail of that time.
    """
    from django.db import transaction

    from audit.services.chain import HASHED_FIELDS, link
    from tests.audit.helpers import HEAD_TABLE, TABLE, trigger_disabled

    previous = ""
    with transaction.atomic(), trigger_disabled() as cursor:
        cursor.execute(
            f"UPDATE {TABLE} SET span_id = NULL, parent_span_id = NULL, start_ms = NULL, activity_version = NULL"
        )
        for values in AuditEntry.objects.order_by("id").values(*HASHED_FIELDS):
            previous = link(previous, values)
            cursor.execute(f"UPDATE {TABLE} SET chain_hash = %s WHERE id = %s", [previous, values["id"]])
        cursor.execute(f"UPDATE {HEAD_TABLE} SET last_hash = %s", [previous])


@pytest.mark.django_db(transaction=True)
def test_rolling_back_past_the_span_columns_is_refused_while_entries_have_a_span(handed_over):
    from django.db.migrations.exceptions import IrreversibleError

    assert AuditEntry.objects.exclude(span_id=None).exists()
    with pytest.raises(IrreversibleError, match="would break the hash chain"):
        _migrate([("audit", "0005_refused_attempts")])
    # Refused before anything was dropped: the trail is whole and the chain verifies.
    assert "OK" in _verify_audit()


@pytest.mark.django_db(transaction=True)
def test_data_survives_the_split_back_and_forth(handed_over, world):
    _as_sealed_before_span_columns()
    content_type_ids = {ct.model: ct.pk for ct in ContentType.objects.filter(model__in=MOVED)}
    entries, head = AuditEntry.objects.count(), AuditChainHead.objects.get()
    assert entries > 10 and "OK" in _verify_audit()
    after_labels = MOVED | {"case": "referrals", "referral": "referrals", "consent": "referrals",
                            "referralgroupobjectpermission": "referrals", "referraluserobjectpermission": "referrals"}
    counts = _counts(current_apps, after_labels)

    # The schema the split ends in: later migrations may add columns of their own.
    _migrate(AFTER_SPLIT)
    schema = _schema()

    old = _migrate(BEFORE_SPLIT)

    # Today's schema: every model is in referrals, and the rows are all there.
    assert _counts(old.apps, dict.fromkeys(after_labels, "referrals")) == counts
    old_ct = old.apps.get_model("contenttypes", "ContentType")
    assert {ct.model: ct.pk for ct in old_ct.objects.filter(app_label="referrals", model__in=MOVED)} == content_type_ids
    old_referral = old.apps.get_model("referrals", "Referral").objects.get(pk=handed_over.pk)
    assert old_referral.state == State.ACCEPTED and old_referral.to_organisation.slug == "kredietbank"

    assert _schema() == schema

    new = _migrate(AFTER_SPLIT)

    assert _schema() == schema
    assert _counts(new.apps, after_labels) == counts
    new_ct = new.apps.get_model("contenttypes", "ContentType")
    assert {ct.model: (ct.app_label, ct.pk) for ct in new_ct.objects.filter(model__in=MOVED)} == {
        model: (MOVED[model], pk) for model, pk in content_type_ids.items()
    }
    # The real code on the migrated (and then brought up to date) database: the chain verifies,
    # grants still decide who sees what.
    _migrate(_latest())
    assert AuditEntry.objects.count() == entries
    assert AuditChainHead.objects.get().last_hash == head.last_hash
    assert f"OK: {entries} entries" in _verify_audit()
    referral = Referral.objects.get(pk=handed_over.pk)
    assert referral.to_organisation == world.orgs.kredietbank and referral.state == State.ACCEPTED
    assert visible_referrals(world.people.kees).filter(pk=referral.pk).exists()
    assert not visible_referrals(world.people.bas).filter(pk=referral.pk).exists()
    assert list(Consent.objects.get(pk=referral.consent_id).recipients.order_by("slug").values_list("slug", flat=True)) \
        == ["kredietbank", "taalhuis"]
    assert world.people.kees.memberships.get().organisation == world.orgs.kredietbank
