# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Handing the regie to another professional, who accepts it; until then the old regisseur stays."""

import pytest

from audit.models import AuditEntry
from referrals import services
from referrals.models import Case, CaseEvent, FollowUp, Notification, RegieOffer
from referrals.services import ActionRefused
from tests.cases.conftest import leave


def offer_to_ruud(world, case):
    return services.regie_offer(
        case=case, actor=world.people.fatima, to_user=world.people.ruud, organisation=world.orgs.gemeente
    )


def test_the_old_regisseur_stays_until_the_offer_is_accepted(world, case):
    p = world.people
    offer = offer_to_ruud(world, case)

    case.refresh_from_db()
    assert (case.regisseur, case.regisseur_organisation) == (p.fatima, world.orgs.waterlelie)
    assert offer.status == RegieOffer.Status.PENDING
    [notice] = Notification.objects.filter(recipient=p.ruud, kind=Notification.Kind.REGIE_OFFERED)
    assert case.reference in notice.message and "Sanne" not in notice.message and "Jansen" not in notice.message

    services.regie_offer_accept(offer=offer, actor=p.ruud)

    case.refresh_from_db()
    offer.refresh_from_db()
    assert (case.regisseur, case.regisseur_organisation) == (p.ruud, world.orgs.gemeente)
    assert offer.status == RegieOffer.Status.ACCEPTED and offer.decided_at is not None
    assert Notification.objects.filter(recipient=p.fatima, kind=Notification.Kind.REGIE_ANSWERED).exists()
    assert list(CaseEvent.objects.filter(case=case).values_list("name", flat=True)) == [
        CaseEvent.Name.REGIE_OFFERED,
        CaseEvent.Name.REGIE_ACCEPTED,
    ]


def test_the_open_follow_ups_go_with_the_regie(world, worked):
    p = world.people
    open_ones = FollowUp.objects.filter(case=worked, done_on__isnull=True)
    assert {f.owner for f in open_ones} == {p.fatima}
    services.regie_offer_accept(offer=offer_to_ruud(world, worked), actor=p.ruud)
    assert {f.owner for f in open_ones.all()} == {p.ruud}


def test_every_step_is_audited_in_case_management(world, case):
    before = AuditEntry.objects.count()
    offer = offer_to_ruud(world, case)
    services.regie_offer_accept(offer=offer, actor=world.people.ruud)
    entries = AuditEntry.objects.order_by("pk")[before:]
    models = {e.content_type.model for e in entries}
    assert {"regieoffer", "case"} <= models
    assert {e.processing_activity for e in entries} == {"case_management"}
    # Notifications name only the case reference (and no referral): they carry no pseudonym.
    about_the_case = [e for e in entries if e.content_type.model != "notification"]
    assert all(e.pseudonym == case.resident.pseudonym for e in about_the_case)


def test_a_declined_offer_leaves_the_regisseur_and_tells_them(world, case):
    p = world.people
    offer = offer_to_ruud(world, case)
    services.regie_offer_decline(offer=offer, actor=p.ruud)
    case.refresh_from_db()
    offer.refresh_from_db()
    assert case.regisseur == p.fatima and offer.status == RegieOffer.Status.DECLINED
    assert Notification.objects.filter(recipient=p.fatima, kind=Notification.Kind.REGIE_ANSWERED).exists()


def test_the_regisseur_cancels_the_offer_and_it_can_no_longer_be_accepted(world, case):
    p = world.people
    offer = offer_to_ruud(world, case)
    services.regie_offer_cancel(offer=offer, actor=p.fatima)
    with pytest.raises(ActionRefused, match="al afgehandeld: ingetrokken"):
        services.regie_offer_accept(offer=offer, actor=p.ruud)
    case.refresh_from_db()
    assert case.regisseur == p.fatima


def test_only_one_offer_at_a_time(world, case, opener):
    offer_to_ruud(world, case)
    with pytest.raises(ActionRefused, match="al aangeboden aan Ruud \\(Gemeente\\)") as refused:
        services.regie_offer(case=case, actor=world.people.fatima, to_user=opener, organisation=world.orgs.waterlelie)
    assert refused.value.field == "candidate"
    assert RegieOffer.objects.filter(case=case).count() == 1


def test_the_regie_goes_only_to_someone_who_refers_at_that_organisation(world, case):
    p, o = world.people, world.orgs
    with pytest.raises(ActionRefused, match="werkt niet als verwijzer of regisseur bij Kredietbank"):
        services.regie_offer(case=case, actor=p.fatima, to_user=p.kees, organisation=o.kredietbank)
    with pytest.raises(ActionRefused, match="werkt niet als verwijzer of regisseur bij Kredietbank"):
        services.regie_offer(case=case, actor=p.fatima, to_user=p.ruud, organisation=o.kredietbank)
    with pytest.raises(ActionRefused, match="andere professional dan de huidige regisseur"):
        services.regie_offer(case=case, actor=p.fatima, to_user=p.fatima, organisation=o.waterlelie)
    assert not RegieOffer.objects.exists()


def test_an_offered_person_who_left_cannot_accept(world, case):
    offer = offer_to_ruud(world, case)
    leave(world.people.ruud)
    with pytest.raises(ActionRefused, match="Alleen wie de regie aangeboden kreeg"):
        services.regie_offer_accept(offer=offer, actor=world.people.ruud)
    case.refresh_from_db()
    assert case.regisseur == world.people.fatima


def test_accepting_twice_is_refused_with_the_reason(world, case):
    offer = offer_to_ruud(world, case)
    services.regie_offer_accept(offer=offer, actor=world.people.ruud)
    with pytest.raises(ActionRefused, match="al afgehandeld: aangenomen"):
        services.regie_offer_accept(offer=offer, actor=world.people.ruud)


def test_a_closed_case_offers_no_regie(world, worked):
    services.case_close(case=worked, actor=world.people.fatima, reason="resolved")
    with pytest.raises(ActionRefused, match="De casus is gesloten"):
        offer_to_ruud(world, worked)


def test_the_new_regisseur_sees_the_case_and_the_old_one_only_as_opener(world, case):
    from referrals.selectors.cases import visible_cases

    p = world.people
    assert not visible_cases(p.ruud).filter(pk=case.pk).exists()
    services.regie_offer_accept(offer=offer_to_ruud(world, case), actor=p.ruud)
    assert visible_cases(p.ruud).filter(pk=case.pk).exists()
    # Fatima still refers at the organisation that opened it: she keeps following it, not managing it.
    assert Case.objects.get(pk=case.pk).regisseur == p.ruud
