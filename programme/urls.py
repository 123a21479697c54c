# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The programme's figures (Cijfers), for the programme manager only."""

from django.urls import path

from programme.views import figures

app_name = "programme"

urlpatterns = [
    path("", figures.figures_page, name="figures"),
    path("cijfers.csv", figures.figures_csv, name="csv"),
    path("afdrukken/", figures.figures_print, name="print"),
    path("doelen/", figures.targets, name="targets"),
]
