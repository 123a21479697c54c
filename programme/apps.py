# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    """The programme's figures (Cijfers): anonymous counts for the programme manager and the board."""

    name = "programme"
