# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
import pytest

from tests.events.receiver import Receiver


@pytest.fixture
def receiver(settings):
    """A real HTTP receiver on loopback that refuses each event twice (500) before taking it (204)."""
    settings.EVENTS_ALLOW_LOOPBACK_HTTP = True
    settings.EVENTS_TIMEOUT = 5
    settings.SITE_URL = "https://overdracht.example"
    server = Receiver(failures=2)
    server.start()
    yield server
    server.stop()
