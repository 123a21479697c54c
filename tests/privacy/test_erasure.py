# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Erasure on request (crypto-shredding): unreadable everywhere, reports still count the case."""

import pytest

from audit.models import AuditEntry
from referrals import services
from referrals.models import Case, Consent, PlanGoal, Referral, Resident, State, StopReason, SubjectRequest, crypto
from referrals.selectors.reports import programme_figures
from referrals.services.subject_rights import resident_erase
from tests.privacy.helpers import accepted, closed


def test_erasure_makes_every_value_unreadable_and_blank(world, draft):
    case = draft.case
    services.case_add_goal(case=case, actor=world.people.fatima, text="Betalingsregeling treffen")
    closed(world, draft)
    old = Resident.objects.filter(pk=case.resident.pk).values("wrapped_data_key", "family_name_ciphertext").get()

    assert resident_erase(resident=case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")

    resident = Resident.objects.get(pk=case.resident.pk)
    assert resident.erased_at and resident.erasure_reason == "verzoek van de inwoner"
    assert resident.wrapped_data_key == "" and resident.match_hash == ""
    with pytest.raises(crypto.DataErased):
        resident.family_name
    # Every encrypted value of the resident is blank, not only unreadable.
    rows = [
        resident,
        Referral.objects.get(pk=draft.pk),
        PlanGoal.objects.get(case=case),
        *Consent.objects.filter(resident=resident),
    ]
    filled = [
        (type(row).__name__, column)
        for row in rows
        for column in crypto.encrypted_columns(type(row))
        if getattr(row, column)
    ]
    assert filled == []
    # A copy of the old row (a backup) no longer opens: its data key went with the wrapping.
    assert old["wrapped_data_key"] not in Resident.objects.values_list("wrapped_data_key", flat=True)


def test_erasure_keeps_the_anonymous_facts(world, draft):
    closed(world, draft)
    resident_erase(resident=draft.case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    referral = Referral.objects.get(pk=draft.pk)
    case = Case.objects.get(pk=draft.case.pk)
    assert referral.state == State.CLOSED and referral.outcome == "helped" and referral.sent_at
    assert list(referral.categories.values_list("code", flat=True)) == ["schulden"]
    assert case.wijk.name == "Prinsenhof" and case.resident.age_band == "27-66"
    assert case.status == Case.Status.CLOSED


def test_reports_still_count_an_erased_case(world, case, draft):
    from tests.factories import open_case

    others = []
    for i in range(5):
        other = open_case(
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            family_name=f"N{i}",
            categories=[world.categories.schulden],
        )
        from tests.factories import give_consent

        give_consent(
            case=other,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            recipients=[world.orgs.kredietbank],
        )
        r = services.referral_create(
            case=other,
            actor=world.people.fatima,
            organisation=world.orgs.waterlelie,
            service=world.services.schuldhulp,
            summary="Hulp nodig.",
            categories=[world.categories.schulden],
            shared_data=["contact", "summary", "needs"],
        )
        services.referral_send(referral=r, actor=world.people.fatima)
        others.append(r)
    services.referral_send(referral=draft, actor=world.people.fatima)
    before = programme_figures()
    assert before["referrals"] == 6
    resident_erase(resident=case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    after = programme_figures()
    assert after["referrals"] == 6 and after["residents"] == 6
    assert {c.label: c.count for c in after["by_category"]} == {"Schulden": 6}
    assert {c.label: c.count for c in after["by_wijk"]} == {"Prinsenhof": 6}


def test_erasure_stops_open_referrals_and_the_partner_loses_access(world, draft):
    accepted(world, draft)
    resident_erase(resident=draft.case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    referral = Referral.objects.get(pk=draft.pk)
    assert referral.state == State.STOPPED and referral.stop_reason == StopReason.RESIDENT_ERASED
    from referrals.selectors.referrals import visible_referrals

    assert not visible_referrals(world.people.kees).filter(pk=draft.pk).exists()


def test_erasure_is_recorded_with_its_reason_and_is_safe_twice(world, case):
    fatima = world.people.fatima
    assert resident_erase(resident=case.resident, actor=fatima, reason="verzoek van de inwoner") is True
    assert resident_erase(resident=case.resident, actor=fatima, reason="nogmaals") is False
    request = SubjectRequest.objects.get(resident=case.resident)
    assert (request.kind, request.reason, request.handled_by, request.handled_by_organisation) == (
        SubjectRequest.Kind.ERASURE,
        "verzoek van de inwoner",
        fatima,
        world.orgs.waterlelie,
    )
    entry = AuditEntry.objects.filter(
        pseudonym=case.resident.pseudonym, processing_activity="subject_rights", content_type__model="resident"
    ).latest("pk")
    assert entry.actor == fatima and entry.reason == "wissen op verzoek"  # free text stays out of the trail
    assert entry.changes["family_name_ciphertext"] == ["[afgeschermd]", "[afgeschermd]"]


def test_erasure_needs_a_reason(world, case):
    with pytest.raises(services.ActionRefused):
        resident_erase(resident=case.resident, actor=world.people.fatima, reason="  ")
    assert Resident.objects.get(pk=case.resident.pk).erased_at is None


@pytest.mark.parametrize("persona", ["kees", "anouk", "bas", "bea", "marieke"])
def test_only_the_regisseur_or_privacy_officer_may_erase(world, case, persona):
    with pytest.raises(services.ActionRefused):
        resident_erase(resident=case.resident, actor=getattr(world.people, persona), reason="verzoek")
    assert Resident.objects.get(pk=case.resident.pk).erased_at is None


def test_the_privacy_officer_may_erase_on_request(world, case):
    assert resident_erase(resident=case.resident, actor=world.people.priya, reason="verzoek via de gemeente")
    request = SubjectRequest.objects.get(resident=case.resident)
    assert request.handled_by == world.people.priya and request.handled_by_organisation == world.orgs.gemeente


def test_consent_history_stays_but_its_free_text_goes(world, case):
    consent = Consent.objects.get(resident=case.resident)
    services.consent_withdraw(
        consent=consent, actor=world.people.fatima, organisation=world.orgs.waterlelie, reason="Wil het zelf regelen"
    )
    resident_erase(resident=case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    consent = Consent.objects.get(pk=consent.pk)
    assert consent.withdrawn_at and consent.withdrawn_reason_ciphertext == ""


def test_reading_content_of_an_erased_case_raises_instead_of_showing_nothing(world, draft):
    resident_erase(resident=draft.case.resident, actor=world.people.fatima, reason="verzoek van de inwoner")
    referral = Referral.objects.select_related("case__resident").get(pk=draft.pk)
    with pytest.raises(crypto.DataErased):
        referral.summary
