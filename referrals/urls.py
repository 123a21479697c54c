# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Pages of the journeys (referrer, receiving partner, regisseur), consent receipts and the resident's rights."""

from django.urls import include, path

from referrals.views import case_tools, cases, consent_change, follow_ups, notices, referrals
from referrals.views.consent_receipt import consent_receipt
from referrals.views.health import health
from referrals.views.rights_erase import rights_erase
from referrals.views.rights_find import rights_find
from referrals.views.rights_inzage import rights_inzage, rights_inzage_json, rights_overview
from referrals.views.rights_rectify import rights_rectify

# The resident's rights (inzage, rectification, erasure); who may use them: policies/subject_rights.py.
rights_patterns = [
    # Before "<pseudonym>/": "zoeken" is not a pseudonym (those start with "R-").
    path("zoeken/", rights_find, name="find"),
    path("<pseudonym:pseudonym>/", rights_overview, name="overview"),
    path("<pseudonym:pseudonym>/inzage/", rights_inzage, name="inzage"),
    path("<pseudonym:pseudonym>/inzage.json", rights_inzage_json, name="inzage_json"),
    path("<pseudonym:pseudonym>/correctie/", rights_rectify, name="rectify"),
    path("<pseudonym:pseudonym>/verwijderen/", rights_erase, name="erase"),
]

urlpatterns = [
    path("health/", health, name="health"),
    path("toestemming/<int:pk>/bewijs/", consent_receipt, name="consent_receipt"),
    path("rechten/", include((rights_patterns, "rights"))),
    # Journey 1: the referrer.
    path("casussen/", cases.case_list, name="cases"),
    path("casussen/nieuw/", cases.case_open, name="case_open"),
    path("casussen/gesloten/", case_tools.closed_case_list, name="cases_closed"),
    path("casussen/<int:pk>/", cases.case_detail, name="case_detail"),
    path("casussen/<int:pk>/toestemming/", cases.consent_record, name="consent_record"),
    path(
        "casussen/<int:pk>/toestemming/<int:consent_pk>/intrekken/",
        consent_change.consent_withdraw,
        name="consent_withdraw",
    ),
    path(
        "casussen/<int:pk>/toestemming/<int:consent_pk>/wijzigen/",
        consent_change.consent_change,
        name="consent_change",
    ),
    path("casussen/<int:pk>/regie/", cases.take_over_regie, name="take_over_regie"),
    # The regisseur's tools.
    path("casussen/<int:pk>/regie/aanbieden/", case_tools.regie_offer_new, name="regie_offer"),
    path(
        "casussen/<int:pk>/regie/aanbod/<int:offer_pk>/intrekken/",
        case_tools.regie_offer_cancel,
        name="regie_offer_cancel",
    ),
    path("casussen/<int:pk>/regie/aanbod/", case_tools.regie_offer_answer, name="regie_offer_answer"),
    path("casussen/<int:pk>/sluiten/", case_tools.case_close, name="case_close"),
    path("casussen/<int:pk>/heropenen/", case_tools.case_reopen, name="case_reopen"),
    path("casussen/<int:pk>/gezin/", case_tools.household_add, name="household_add"),
    path("casussen/<int:pk>/gezin/<int:member_pk>/verwijderen/", case_tools.household_remove, name="household_remove"),
    path("casussen/<int:pk>/doel/", cases.goal_add, name="goal_add"),
    path("casussen/<int:pk>/doel/<int:goal_pk>/status/", cases.goal_status, name="goal_status"),
    path("casussen/<int:pk>/opvolging/<int:follow_up_pk>/gedaan/", cases.follow_up_done, name="follow_up_done"),
    path("casussen/<int:case_pk>/verwijzen/", referrals.referral_new, name="referral_new"),
    path("verstuurd/", referrals.sent_list, name="sent"),
    # Journey 2: the receiving partner.
    path("inbox/", referrals.inbox, name="inbox"),
    path("meldingen/", notices.notification_list, name="notifications"),
    path("opvolging/", follow_ups.follow_up_list, name="my_follow_ups"),
    path("opvolging/<int:pk>/gedaan/", follow_ups.follow_up_mark_done, name="follow_up_mark_done"),
    path("meldingen/<int:pk>/", notices.notification_open, name="notification_open"),
    path("meldingen/alles-gelezen/", notices.notifications_all_read, name="notifications_all_read"),
    path("verwijzingen/<int:pk>/", referrals.referral_detail, name="referral_detail"),
    path("verwijzingen/<int:pk>/aannemen/", referrals.referral_accept, name="referral_accept"),
    path("verwijzingen/<int:pk>/afwijzen/", referrals.referral_decline, name="referral_decline"),
    path("verwijzingen/<int:pk>/toewijzen/", referrals.referral_assign, name="referral_assign"),
    path("verwijzingen/<int:pk>/eerste-contact/", referrals.referral_first_contact, name="referral_first_contact"),
    path("verwijzingen/<int:pk>/doorverwijzen/", referrals.referral_forward, name="referral_forward"),
    path(
        "verwijzingen/<int:pk>/erbij-verwijzen/",
        referrals.referral_refer_in_addition,
        name="referral_refer_in_addition",
    ),
    path("verwijzingen/<int:pk>/contactpoging/", referrals.referral_record_attempt, name="referral_record_attempt"),
    path(
        "verwijzingen/<int:pk>/niet-bereikt/", referrals.referral_close_unreachable, name="referral_close_unreachable"
    ),
    path("verwijzingen/<int:pk>/eigen-uitkomst/", referrals.referral_record_outcome, name="referral_record_outcome"),
    path("verwijzingen/<int:pk>/afsluiten/", referrals.referral_close, name="referral_close"),
    path("verwijzingen/<int:pk>/intrekken/", referrals.referral_withdraw, name="referral_withdraw"),
    path("verwijzingen/<int:pk>/versturen/", referrals.referral_send, name="referral_send"),
]
