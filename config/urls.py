# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path, register_converter

from config.converters import PseudonymConverter

admin.site.site_header = "Overdracht — functioneel beheer"
# Before the includes: their patterns use it.
register_converter(PseudonymConverter, "pseudonym")

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("privacy/", include("audit.urls")),
    path("cijfers/", include("programme.urls")),
    path("", include("accounts.urls")),
    path("", include("directory.urls")),
    path("", include("referrals.urls")),
    path("", include("signals.urls")),
]

# A server error shows the trace id under which it is logged, nothing else (templates/500.html).
handler500 = "audit.views.errors.server_error"
