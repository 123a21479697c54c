# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""No personal data leaves a partner without consent or a recorded legal basis."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from audit.models import PrivacyFlag
from referrals import services
from referrals.models import Consent, Notification, State
from referrals.selectors import access
from referrals.selectors.referrals import visible_referrals
from referrals.services import ActionRefused
from tests.factories import give_consent, open_case

TODAY = timezone.localdate


@pytest.fixture
def bare_case(world):
    """A case without any consent yet."""
    return open_case(actor=world.people.fatima, organisation=world.orgs.waterlelie, family_name="Bakker")


def draft_for(world, case, *, shared=("contact", "summary", "needs"), legal_basis="consent", justification=""):
    return services.referral_create(
        case=case,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        service=world.services.schuldhulp,
        summary="Huurachterstand en aanmaningen.",
        categories=[world.categories.schulden],
        shared_data=list(shared),
        legal_basis=legal_basis,
        legal_basis_justification=justification,
    )


def refused_send(world, referral):
    with pytest.raises(ActionRefused) as refused:
        services.referral_send(referral=referral, actor=world.people.fatima)
    referral.refresh_from_db()
    assert referral.state == State.DRAFT
    assert not visible_referrals(world.people.kees).filter(pk=referral.pk).exists()
    return refused.value.message


def test_send_without_any_consent_is_refused(world, bare_case):
    message = refused_send(world, draft_for(world, bare_case))
    assert message == "Er is geen toestemming van de inwoner vastgelegd. Leg eerst toestemming vast."


def test_send_with_expired_consent_is_refused(world, bare_case):
    o = world.orgs
    give_consent(
        case=bare_case,
        actor=world.people.fatima,
        organisation=o.waterlelie,
        recipients=[o.kredietbank],
        valid_from=TODAY() - timedelta(days=60),
        valid_until=TODAY() - timedelta(days=1),
    )
    message = refused_send(world, draft_for(world, bare_case))
    assert message.startswith("De toestemming voor Kredietbank is verlopen op")


def test_send_with_withdrawn_consent_is_refused(world, bare_case):
    o, p = world.orgs, world.people
    consent = give_consent(case=bare_case, actor=p.fatima, organisation=o.waterlelie, recipients=[o.kredietbank])
    services.consent_withdraw(consent=consent, actor=p.fatima, organisation=o.waterlelie, reason="Wil het niet meer")
    message = refused_send(world, draft_for(world, bare_case))
    assert message.startswith("De inwoner heeft de toestemming voor Kredietbank ingetrokken op")


def test_send_with_consent_for_another_recipient_is_refused(world, bare_case):
    o = world.orgs
    give_consent(case=bare_case, actor=world.people.fatima, organisation=o.waterlelie, recipients=[o.taalhuis])
    message = refused_send(world, draft_for(world, bare_case))
    assert message == "De toestemming van de inwoner noemt Kredietbank niet als ontvanger."


def test_send_with_too_narrow_consent_names_what_is_missing(world, bare_case):
    o = world.orgs
    give_consent(
        case=bare_case,
        actor=world.people.fatima,
        organisation=o.waterlelie,
        recipients=[o.kredietbank],
        data_categories=["contact", "summary", "needs"],
    )
    message = refused_send(world, draft_for(world, bare_case, shared=["contact", "finances", "health"]))
    assert (
        message
        == "De toestemming dekt niet alle gegevens die u wilt delen. Ontbreekt: financiële situatie, gezondheid."
    )


def test_send_with_covering_consent_links_the_consent(world, bare_case):
    o = world.orgs
    consent = give_consent(
        case=bare_case,
        actor=world.people.fatima,
        organisation=o.waterlelie,
        recipients=[o.kredietbank],
        data_categories=["contact", "summary", "needs", "finances"],
    )
    referral = draft_for(world, bare_case, shared=["finances"])
    services.referral_send(referral=referral, actor=world.people.fatima)
    referral.refresh_from_db()
    assert referral.state == State.SENT and referral.consent == consent
    assert referral.shared_data == ["contact", "finances", "needs", "summary"]


def test_legal_basis_without_justification_is_refused(world, bare_case):
    message = refused_send(world, draft_for(world, bare_case, legal_basis="meldcode", justification="zorgen"))
    assert "schriftelijke onderbouwing verplicht" in message
    assert not PrivacyFlag.objects.exists()


def test_legal_basis_with_justification_is_sent_and_flagged_to_the_privacy_officer(world, bare_case):
    referral = draft_for(
        world,
        bare_case,
        legal_basis="meldcode",
        justification="Signalen van huiselijk geweld; stap 3 van de meldcode, collegiaal overlegd.",
    )
    services.referral_send(referral=referral, actor=world.people.fatima)
    referral.refresh_from_db()
    assert referral.state == State.SENT and referral.consent is None
    flag = PrivacyFlag.objects.get(kind=PrivacyFlag.Kind.LEGAL_BASIS)
    assert flag.referral == referral and flag.pseudonym == bare_case.resident.pseudonym
    assert flag.details == {"legal_basis": "meldcode"}


def test_health_data_is_never_shared_on_a_statutory_task(world, bare_case):
    referral = draft_for(
        world,
        bare_case,
        shared=["health"],
        legal_basis="statutory_task",
        justification="Wettelijke taak Wmo: onderzoek naar maatwerkvoorziening.",
    )
    assert "Gezondheidsgegevens" in refused_send(world, referral)


def test_withdrawal_stops_referrals_and_the_receiver_gets_404_at_once(world, case, draft):
    p, o = world.people, world.orgs
    draft = services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    assert access.referral_for(p.kees, draft.pk) == draft

    services.consent_withdraw(
        consent=draft.consent, actor=p.fatima, organisation=o.waterlelie, reason="Inwoner wil het zelf regelen"
    )
    draft.refresh_from_db()
    assert draft.state == State.STOPPED and draft.stop_reason == "consent_withdrawn"
    for receiver in (p.kees, p.marieke):
        with pytest.raises(Http404):
            access.referral_for(receiver, draft.pk)
    message = Notification.objects.get(recipient=p.kees, referral=draft, message__contains="gestopt").message
    assert "Sanne" not in message and "Jansen" not in message
    assert PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.CONSENT_WITHDRAWN).exists()
    # The sender keeps its record of what happened.
    assert access.referral_for(p.fatima, draft.pk).state == State.STOPPED


def test_withdrawal_is_recorded_in_the_audit_trail(world, case, draft):
    from audit.models import AuditEntry

    draft = services.referral_send(referral=draft, actor=world.people.fatima)
    services.consent_withdraw(
        consent=draft.consent,
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        reason="Privé reden van mevrouw Jansen",
    )
    entry = AuditEntry.objects.filter(content_type__model="consent", action=AuditEntry.Action.UPDATE).latest("pk")
    assert entry.processing_activity == "consent"
    assert entry.pseudonym == case.resident.pseudonym
    assert "Jansen" not in str(entry.changes)
    assert entry.changes["withdrawn_reason_ciphertext"] == ["[afgeschermd]", "[afgeschermd]"]


def test_a_changed_consent_is_a_new_record_and_history_stays(world, case):
    p, o = world.people, world.orgs
    first = Consent.objects.get(resident=case.resident)
    second = services.consent_record(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        purpose="Hulp bij schulden en taal",
        recipients=[o.kredietbank, o.taalhuis],
        data_categories=["contact", "summary", "needs", "finances"],
        given_how="written",
        informed_language="en",
        valid_until=TODAY() + timedelta(days=180),
        replaces=first,
    )
    assert Consent.objects.filter(resident=case.resident).count() == 2
    assert list(Consent.objects.filter(resident=case.resident).current()) == [second]
    first.refresh_from_db()
    assert first.purpose == "Hulp bij schulden" and first.replaced_by == second
    with pytest.raises(ActionRefused, match="al vervangen"):
        services.consent_record(
            case=case,
            actor=p.fatima,
            organisation=o.waterlelie,
            purpose="x",
            recipients=[o.kredietbank],
            data_categories=["contact"],
            given_how="spoken",
            informed_language="nl",
            valid_until=TODAY() + timedelta(days=1),
            replaces=first,
        )


def test_a_consent_record_cannot_be_edited_in_place(world, case):
    consent = Consent.objects.get(resident=case.resident)
    consent.purpose = "Iets anders"
    with pytest.raises(ValidationError):
        consent.save()


def test_referrals_follow_a_replacing_consent_that_still_covers_them(world, case, draft):
    p, o = world.people, world.orgs
    draft = services.referral_send(referral=draft, actor=p.fatima)
    newer = services.consent_record(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        purpose="Alleen schulden",
        recipients=[o.kredietbank],
        data_categories=["contact", "summary", "needs"],
        given_how="spoken",
        informed_language="nl",
        valid_until=TODAY() + timedelta(days=30),
        replaces=draft.consent,
    )
    draft.refresh_from_db()
    assert draft.state == State.SENT and draft.consent == newer


def test_referrals_stop_when_the_replacing_consent_drops_their_receiver(world, case, draft):
    p, o = world.people, world.orgs
    draft = services.referral_send(referral=draft, actor=p.fatima)
    services.consent_record(
        case=case,
        actor=p.fatima,
        organisation=o.waterlelie,
        purpose="Alleen taal",
        recipients=[o.taalhuis],
        data_categories=["contact", "summary", "needs"],
        given_how="spoken",
        informed_language="nl",
        valid_until=TODAY() + timedelta(days=30),
        replaces=draft.consent,
    )
    draft.refresh_from_db()
    assert draft.state == State.STOPPED
    assert not visible_referrals(p.kees).filter(pk=draft.pk).exists()


def test_expiring_consent_flags_the_open_referrals_that_rely_on_it(world, case, draft):
    draft = services.referral_send(referral=draft, actor=world.people.fatima)
    later = draft.consent.valid_until + timedelta(days=1)
    assert services.consents_expire(today=later) == 1
    draft.refresh_from_db()
    assert draft.consent_expired_at is not None and draft.state == State.SENT
    assert PrivacyFlag.objects.filter(kind=PrivacyFlag.Kind.CONSENT_EXPIRED, referral=draft).count() == 1
    assert services.consents_expire(today=later) == 0  # safe to run twice


def test_only_people_on_the_case_may_record_or_withdraw_consent(world, case):
    o = world.orgs
    with pytest.raises(ActionRefused):
        give_consent(case=case, actor=world.people.bas, organisation=o.woej, recipients=[o.woej])
    with pytest.raises(ActionRefused):
        services.consent_withdraw(
            consent=Consent.objects.get(resident=case.resident),
            actor=world.people.kees,
            organisation=o.kredietbank,
            reason="",
        )
