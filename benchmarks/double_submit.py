# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: overlapping double submits of one form (pairs tried / duplicates).

    .venv/bin/python benchmarks/double_submit.py                  # SQLite file in /tmp, 20 pairs per form
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/double_submit.py --pairs 50

A double click sends the same form twice, with the same one-time token, from the same
browser session. Here two threads post it at the same moment (a barrier releases both)
through Django's test Client sharing one session cookie, for two forms: opening a case
(a new resident each pair) and sending a referral. A pair is a duplicate when it
created two cases or two referrals; it is "split" when the two answers did not send
the user to the same page, and a server error when either answered 500.
"""

import argparse
import os
import tempfile
import threading
from collections import Counter
from pathlib import Path

from _setup import benchmark_database, school_and_kredietbank

SQLITE_FILE = str(Path(tempfile.gettempdir()) / "overdracht-double-submit-bench.sqlite3")


def build():
    from tests.factories import WijkFactory, give_consent, open_case

    world = school_and_kredietbank()
    schulden, school, bank, service, fatima = world.schulden, world.school, world.bank, world.service, world.fatima
    case = open_case(actor=fatima, organisation=school, categories=[schulden])
    give_consent(case=case, actor=fatima, organisation=school, recipients=[bank])
    return {"case": case, "service": service, "schulden": schulden, "fatima": fatima, "wijk": WijkFactory()}


def post_twice_at_once(clients, url: str, data: dict) -> list:
    """Both clients post `data` to `url` at the same moment; their responses (or exceptions)."""
    from django.db import connection

    barrier = threading.Barrier(len(clients))
    answers: list = [None] * len(clients)

    def post(i, client):
        try:
            barrier.wait(timeout=10)
            answers[i] = client.post(url, data)
        except Exception as error:  # a 500 reaches the test Client as the exception itself
            answers[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(i, c)) for i, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return answers


def classify(answers, created: int) -> list[str]:
    outcome = []
    if created > 1:
        outcome.append("duplicate")
    if created == 0:
        outcome.append("nothing created")
    if any(isinstance(a, Exception) or a.status_code >= 500 for a in answers):
        outcome.append("server error")
    elif len({a.get("Location") for a in answers}) != 1:
        outcome.append("split")
    return outcome or ["one, same page"]


def main(pairs: int) -> None:
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    with benchmark_database(sqlite_file=SQLITE_FILE) as connection:
        from django.test import Client
        from django.urls import reverse

        from referrals.models import Case, Referral

        world = build()
        first = Client(raise_request_exception=True)
        first.force_login(world["fatima"])
        second = Client(raise_request_exception=True)
        second.cookies = first.cookies  # one browser: the same session

        tally: dict[str, Counter] = {"case open": Counter(), "referral send": Counter()}
        for i in range(pairs):
            before = Case.objects.count()
            answers = post_twice_at_once(
                (first, second),
                reverse("case_open"),
                {
                    "form_token": f"case-{i}",
                    "given_name": "Sanne",
                    # Another resident each pair (the name is compared without digits).
                    "family_name": "Dubbel" + "".join(chr(97 + int(d)) for d in str(i)),
                    "birth_year": 1980,
                    "phone": "0612345678",
                    "preferred_language": "nl",
                    "wijk": world["wijk"].pk,
                    "categories": [world["schulden"].pk],
                },
            )
            tally["case open"].update(classify(answers, Case.objects.count() - before))

            before = Referral.objects.count()
            answers = post_twice_at_once(
                (first, second),
                reverse("referral_new", args=[world["case"].pk]),
                {
                    "form_token": f"referral-{i}",
                    "service": world["service"].pk,
                    "summary": f"Vraag {i}",
                    "categories": [world["schulden"].pk],
                    "urgency": "normal",
                    "shared_data": ["contact", "summary"],
                    "legal_basis": "consent",
                },
            )
            tally["referral send"].update(classify(answers, Referral.objects.count() - before))

        print(f"Overlapping double submits ({connection.vendor}), {pairs} pairs per form")
        for form, counts in tally.items():
            print(
                f"  {form:14} duplicates {counts['duplicate']:3} / {pairs}   "
                + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
            )
    Path(SQLITE_FILE).unlink(missing_ok=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=20, help="overlapping pairs per form (default 20)")
    args = parser.parse_args()
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")
    main(args.pairs)
