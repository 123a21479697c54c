# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from unittest import mock

from django.db.utils import OperationalError


def test_health_answers_ok_when_the_database_answers(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "keys": "ok"}


def test_health_answers_503_when_the_database_does_not(client, db):
    # The database driver failing is outside our code: simulating it is the only way here.
    with mock.patch("referrals.views.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
