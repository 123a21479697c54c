# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
import pytest

from tests.jobs.smtp import MailServer


@pytest.fixture
def mail_server(settings):
    """A real SMTP server on a free loopback port; the service sends e-mail to it."""
    server = MailServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    settings.NOTIFY_BY_EMAIL = True
    settings.SITE_URL = "https://overdracht.example"
    yield server
    server.stop()
