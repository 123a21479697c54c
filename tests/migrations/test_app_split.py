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


@pytest.mark.django_db(transaction=True)
def test_data_survives_the_split_back_and_forth(handed_over, world):
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
