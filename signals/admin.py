# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator says which organisations are signal desks; signals themselves are not in the admin."""

from django.contrib import admin

from signals.models import SignalDesk


@admin.register(SignalDesk)
class SignalDeskAdmin(admin.ModelAdmin):
    list_display = ("organisation", "created_at")
