# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts.models import Membership
from audit.models import AuditEntry
from directory.models import Category, Organisation, Service, Wijk
from policies.roles import Role
from referrals.models import Case, Referral


def snapshot():
    return [
        m.objects.count()
        for m in (Organisation, Service, Category, Wijk, Membership, Case, Referral, get_user_model(), AuditEntry)
    ]


def test_demo_data_loads_the_partners_and_one_user_per_role(db, capsys):
    call_command("load_demo_data")
    names = set(Organisation.objects.values_list("name", flat=True))
    assert {
        "Kredietbank Nederland",
        "Taalhuis — Bibliotheek aan de Vliet",
        "Ping-loket",
        "Woej",
        "Sociaal Servicepunt",
    } <= names
    assert Organisation.objects.filter(slug__startswith="kwadraad-").count() == 3
    assert set(Wijk.objects.values_list("name", flat=True)) == {"Prinsenhof", "De Heuvel/Amstelwijk", "Bovenveen"}
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    out = capsys.readouterr().out
    assert "Overdracht-demo-2026" in out and "http://127.0.0.1:8000/" in out
    assert not Service.objects.get(name="Jongeradviespunt").is_active()
    assert not Organisation.objects.get(slug="handhaving").may_receive_referrals


def test_running_the_demo_data_twice_changes_nothing(db):
    call_command("load_demo_data")
    before = snapshot()
    call_command("load_demo_data")
    assert snapshot() == before


def test_demo_data_refuses_to_run_in_production(db, settings):
    import pytest
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo_data")
    assert not get_user_model().objects.exists()


def test_the_demo_shows_every_roles_world(db):
    from django.utils import timezone

    from audit.models import PrivacyFlag
    from referrals.models import Consent, FollowUp, State
    from referrals.selectors.referrals import is_overdue

    call_command("load_demo_data")
    ruud = get_user_model().objects.get(username="ruud")
    cases = Case.objects.filter(regisseur=ruud)
    assert cases.filter(goals__isnull=False).exists()
    today = timezone.localdate()
    assert FollowUp.objects.filter(owner=ruud, due_on__lt=today, done_on=None).exists()
    assert FollowUp.objects.filter(owner=ruud, due_on=today).exists()
    referrals = Referral.objects.filter(case__in=cases)
    assert any(is_overdue(r) for r in referrals.filter(state=State.SENT))
    in_addition = referrals.get(in_addition=True)
    assert in_addition.state == State.ACCEPTED and in_addition.parent.state == State.IN_PROGRESS
    assert referrals.filter(state=State.DECLINED).exists()
    assert Consent.objects.filter(resident__cases__in=cases, withdrawn_at__isnull=False).exists()
    assert PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.LEGAL_BASIS).exists()


def test_the_demo_shows_a_closed_case_with_its_waakvlam_and_a_pending_regie_offer(db):
    from referrals.models import FollowUp, RegieOffer

    call_command("load_demo_data")
    closed = Case.objects.get(status=Case.Status.CLOSED)
    assert closed.closed_reason == "resolved"
    assert FollowUp.objects.filter(case=closed, kind=FollowUp.Kind.WAAKVLAM, owner__username="fatima").exists()
    offer = RegieOffer.objects.get(status=RegieOffer.Status.PENDING)
    assert (offer.offered_to.username, offer.offered_by.username) == ("ruud", "fatima")


def test_the_demo_programme_manager_has_targets_to_report_against(db, client):
    from directory.models import ServiceTarget

    call_command("load_demo_data", "--no-cases")
    assert ServiceTarget.objects.filter(service__name="Taalmaatje", target=70).exists()
    call_command("load_demo_data", "--no-cases")
    assert ServiceTarget.objects.count() == 2
    client.force_login(get_user_model().objects.get(username="petra"))
    assert "Taalmaatje" in client.get("/cijfers/").content.decode()
