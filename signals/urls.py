# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The signallers' door (/signalen/) and the signal desk (/signaalbalie/)."""

from django.urls import path

from signals.views import desk, signaller

app_name = "signals"

urlpatterns = [
    path("signalen/", signaller.my_signals, name="mine"),
    path("signalen/nieuw/", signaller.signal_new, name="new"),
    path("signalen/<int:pk>/aanvullen/", signaller.signal_add, name="add"),
    path("signaalbalie/", desk.inbox, name="desk"),
    path("signaalbalie/signaleerders/nieuw/", desk.signaller_new, name="signaller_new"),
    path("signaalbalie/<int:pk>/", desk.detail, name="desk_detail"),
    path("signaalbalie/<int:pk>/oppakken/", desk.pick_up, name="pick_up"),
    path("signaalbalie/<int:pk>/afsluiten/", desk.close, name="close"),
    path("signaalbalie/<int:pk>/casus/", desk.open_case, name="open_case"),
]
