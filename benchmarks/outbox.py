# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark (not a test): e-mails per second through the outbox, against a real SMTP server.

    .venv/bin/python benchmarks/outbox.py                      # SQLite file in /tmp, 500 e-mails
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/outbox.py --emails 2000

Writes N e-mails to the outbox with their tasks queued, as notices do, and times django-tasks-db's
worker loop (one process, batch mode) sending them to an aiosmtpd server on loopback; then the
sweep (`emails_send_due`, what runs every minute) over N more. As the floor: the same messages
sent with smtplib alone, one connection each, as Django's SMTP backend does per message.
"""

import argparse
import os
import smtplib
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

from _setup import benchmark_database


def fill(n: int, user, *, queue: bool) -> None:
    from django.db import transaction

    from referrals.models import Email
    from referrals.tasks import send_email

    with transaction.atomic():
        emails = Email.objects.bulk_create(
            Email(recipient=user, kind=Email.Kind.NOTICE, subject=f"Overdracht: bericht {i}", body="…\nhttps://x/")
            for i in range(n)
        )
        if queue:
            for email in emails:
                send_email.enqueue(email.pk)


def main(n: int) -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sqlite_file = str(Path(tempfile.gettempdir()) / "overdracht-outbox-bench.sqlite3")
    with benchmark_database(sqlite_file=sqlite_file) as connection:
        from django.conf import settings

        from referrals.models import Email
        from referrals.services.outbox import emails_send_due
        from tests.factories import UserFactory
        from tests.jobs.smtp import MailServer
        from tests.worker import worker

        server = MailServer()
        server.start()
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        user = UserFactory(username="kees", email="kees@kredietbank.invalid")
        try:
            fill(n, user, queue=True)
            started = time.perf_counter()
            worker().run()
            through_worker = time.perf_counter() - started
            assert len(server.received) == n and not Email.objects.filter(sent_at=None).exists()

            fill(n, user, queue=False)
            started = time.perf_counter()
            assert emails_send_due() == n
            sweep = time.perf_counter() - started

            started = time.perf_counter()
            for i in range(n):
                message = EmailMessage()
                message["From"], message["To"], message["Subject"] = "o@x", user.email, f"bericht {i}"
                message.set_content("…\nhttps://x/")
                with smtplib.SMTP("127.0.0.1", server.port) as smtp:
                    smtp.send_message(message)
            raw = time.perf_counter() - started
            assert len(server.received) == 3 * n
        finally:
            server.stop()
        print(f"database: {connection.vendor}, {n:,} e-mails each way, aiosmtpd on loopback")
        print(f"worker (task per e-mail): {through_worker:6.2f} s = {n / through_worker:7.1f} e-mails/s")
        print(f"sweep (emails_send_due):  {sweep:6.2f} s = {n / sweep:7.1f} e-mails/s")
        print(f"smtplib alone:            {raw:6.2f} s = {n / raw:7.1f} e-mails/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--emails", type=int, default=500, help="e-mails each way (default 500)")
    main(parser.parse_args().emails)
