# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The benchmarks' generated dataset is usable by the pages, not only by the lists: the load test
(benchmarks/load_test.py) opens cases and accepts referrals in it."""

from referrals.models import Referral, Resident, State
from referrals.services.consent_check import require_legal_ground


def test_generated_personal_data_opens_and_sent_referrals_rest_on_a_consent(db):
    from benchmarks.dataset import generate

    generate(referrals=40, partners=3, open_for_one=9)
    # Each resident's data key is wrapped for its own uid, each field sealed for it: they open.
    names = {resident.display_name for resident in Resident.objects.order_by("-pk")[:5]}
    assert len(names) == 1 and names != {""}
    sent = list(Referral.objects.filter(state=State.SENT).select_related("case__resident", "to_organisation"))
    assert sent and {referral.summary for referral in sent} == {
        "Gezin met oplopende schulden; moeder vraagt hulp bij het ordenen van de post en een afspraak."
    }
    # Accepting asks for a consent naming the receiver: every sent referral has one.
    assert all(require_legal_ground(referral) == referral.consent for referral in sent)
