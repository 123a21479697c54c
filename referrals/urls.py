"""Pages of the three journeys (referrer, receiving partner, regisseur), and the login."""

from django.urls import include, path

from referrals.views import accounts, cases, directory, referrals

urlpatterns = [
    path("", accounts.home, name="home"),
    path("inloggen/", accounts.LoginView.as_view(), name="login"),
    path("inloggen/code/", accounts.verify, name="verify"),
    path("uitloggen/", accounts.LogoutView.as_view(), name="logout"),
    path("taal/", include("django.conf.urls.i18n")),
    # Journey 1: the referrer.
    path("wegwijzer/", directory.directory, name="directory"),
    path("casussen/", cases.case_list, name="cases"),
    path("casussen/nieuw/", cases.case_open, name="case_open"),
    path("casussen/<int:pk>/", cases.case_detail, name="case_detail"),
    path("casussen/<int:pk>/toestemming/", cases.consent_record, name="consent_record"),
    path("casussen/<int:pk>/doel/", cases.goal_add, name="goal_add"),
    path("casussen/<int:pk>/doel/<int:goal_pk>/status/", cases.goal_status, name="goal_status"),
    path("casussen/<int:pk>/opvolging/<int:follow_up_pk>/gedaan/", cases.follow_up_done, name="follow_up_done"),
    path("casussen/<int:case_pk>/verwijzen/", referrals.referral_new, name="referral_new"),
    path("verstuurd/", referrals.sent_list, name="sent"),
    # Journey 2: the receiving partner.
    path("inbox/", referrals.inbox, name="inbox"),
    path("verwijzingen/<int:pk>/", referrals.referral_detail, name="referral_detail"),
    path("verwijzingen/<int:pk>/aannemen/", referrals.referral_accept, name="referral_accept"),
    path("verwijzingen/<int:pk>/afwijzen/", referrals.referral_decline, name="referral_decline"),
    path("verwijzingen/<int:pk>/toewijzen/", referrals.referral_assign, name="referral_assign"),
    path("verwijzingen/<int:pk>/eerste-contact/", referrals.referral_first_contact, name="referral_first_contact"),
    path("verwijzingen/<int:pk>/doorverwijzen/", referrals.referral_forward, name="referral_forward"),
    path("verwijzingen/<int:pk>/afsluiten/", referrals.referral_close, name="referral_close"),
    path("verwijzingen/<int:pk>/intrekken/", referrals.referral_withdraw, name="referral_withdraw"),
    path("verwijzingen/<int:pk>/versturen/", referrals.referral_send, name="referral_send"),
    path("onze-diensten/", directory.our_services, name="our_services"),
    path("onze-diensten/nieuw/", directory.service_new, name="service_new"),
    path("onze-diensten/<int:pk>/", directory.service_edit, name="service_edit"),
]
