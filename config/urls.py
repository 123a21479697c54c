from django.contrib import admin
from django.urls import include, path

from referrals.views.health import health

admin.site.site_header = "Overdracht — functioneel beheer"

urlpatterns = [
    path("health/", health, name="health"),
    path("beheer/", admin.site.urls),
    path("privacy/", include("referrals.privacy_urls")),
    path("rechten/", include("referrals.subject_urls")),
    path("", include("referrals.urls")),
]
