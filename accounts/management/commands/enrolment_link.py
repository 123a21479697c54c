# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Print a one-time second-factor enrolment link for a user, from the server.

For the first administrator (nobody in the application can issue their link: one never issues
one's own) and for when no administrator or coordinator can be reached. Like `changepassword`,
a step only someone with access to the server can take; it is in the audit trail.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.urls import reverse

from accounts.services.enrolment import enrolment_link_from_server
from audit.services.trace import TracedCommand
from referrals.services.errors import ActionRefused


class Command(TracedCommand):
    help = "Print a one-time link (72 hours) with which a user sets up their second factor."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reset", action="store_true", help="First remove the user's devices (a lost phone).")

    def handle(self, *args, username, reset, **options):
        person = get_user_model().objects.filter(username=username, is_active=True).first()
        if person is None:
            raise CommandError(f"No active user {username!r}.")
        try:
            link, token = enrolment_link_from_server(person=person, reset=reset)
        except ActionRefused as refused:
            raise CommandError(f"{refused.message} (--reset)") from refused
        url = f"{settings.SITE_URL.rstrip('/')}{reverse('enrol_open')}?{urlencode({'sleutel': token})}"
        self.stdout.write(url)
        self.stderr.write(f"Valid once, until {link.expires_at:%Y-%m-%d %H:%M %Z}; only with the user's password.")
