# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Pages of the privacy officer (audit search, access reports, flags, register), under /privacy/."""

from django.urls import path, re_path

from audit.views import privacy as views

app_name = "privacy"

urlpatterns = [
    path("", views.audit_search, name="search"),
    path("inwoner/", views.resident_lookup, name="resident_lookup"),
    path("inwoner/<pseudonym:pseudonym>/", views.resident_report, name="resident"),
    path("signalen/", views.flag_list, name="flags"),
    path("signalen/<int:pk>/afgehandeld/", views.flag_review, name="flag_review"),
    path("register/", views.processing_register, name="register"),
    re_path(r"^export\.(?P<fmt>jsonl|csv)$", views.audit_export, name="export"),
]
