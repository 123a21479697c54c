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
    # VNG's register API shape (gemma-verwerkingenlogging var-api): list and one activity.
    path("register/verwerkingsactiviteiten", views.register_json, name="register_json"),
    path("register/verwerkingsactiviteit/<str:activity_id>", views.register_activity_json, name="register_activity"),
    # Logboek Dataverwerkingen, extensie lezen.
    path("ldv/v1/processing-activities", views.ldv_processing_activities, name="ldv_read"),
    re_path(r"^export\.(?P<fmt>jsonl|csv)$", views.audit_export, name="export"),
]
