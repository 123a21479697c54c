from django.contrib import admin
from django.urls import include, path

from referrals.views.consent_receipt import consent_receipt
from referrals.views.health import health

admin.site.site_header = "Overdracht — functioneel beheer"

urlpatterns = [
    path("health/", health, name="health"),
    path("beheer/", admin.site.urls),
    path("toestemming/<int:pk>/bewijs/", consent_receipt, name="consent_receipt"),
    path("privacy/", include("audit.urls")),
    path("rechten/", include("referrals.subject_urls")),
    path("", include("referrals.urls")),
]
