from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Overdracht — functioneel beheer"

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("privacy/", include("audit.urls")),
    path("", include("accounts.urls")),
    path("", include("directory.urls")),
    path("", include("referrals.urls")),
]
