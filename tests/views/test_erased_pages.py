# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""After erasure the pages still work: they say the data is gone and keep the facts."""

from django.utils import timezone

from referrals import services
from referrals.services.subject_rights import resident_erase


def test_case_and_referral_pages_of_an_erased_resident_say_so(client, world, draft):
    p = world.people
    draft = services.referral_send(referral=draft, actor=p.fatima)
    services.referral_accept(referral=draft, actor=p.kees)
    services.referral_record_first_contact(referral=draft, actor=p.kees, on=timezone.localdate(), way="phone")
    services.referral_close(referral=draft, actor=p.kees, outcome="helped", note="Regeling.")
    resident_erase(resident=draft.case.resident, actor=p.fatima, reason="verzoek van de inwoner")

    client.force_login(p.fatima)
    for url in [f"/casussen/{draft.case_id}/", f"/verwijzingen/{draft.pk}/", "/verstuurd/", "/casussen/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "Sanne" not in page and "Jansen" not in page
    assert "gewist" in client.get(f"/casussen/{draft.case_id}/").content.decode()
