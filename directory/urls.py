# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The Wegwijzer (directory search) and a coordinator's own services."""

from django.urls import path

from directory.views import capacity, directory

urlpatterns = [
    path("wegwijzer/", directory.directory, name="directory"),
    path("onze-diensten/", directory.our_services, name="our_services"),
    path("onze-diensten/nieuw/", directory.service_new, name="service_new"),
    path("onze-diensten/<int:pk>/", directory.service_edit, name="service_edit"),
    path("onze-diensten/<int:pk>/capaciteit/", capacity.service_capacity, name="service_capacity"),
]
