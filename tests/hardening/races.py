# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Posting at the same moment from several threads, as two browser requests arrive at two workers."""

import threading

from django.db import connection


def post_at_once(posts) -> list:
    """Run each (client, url, data) post in its own thread, all released together; the responses.

    A server error comes back as the exception itself (the test Client raises what the view raised).
    """
    barrier = threading.Barrier(len(posts))
    answers: list = [None] * len(posts)

    def post(i, client, url, data):
        try:
            barrier.wait(timeout=10)
            answers[i] = client.post(url, data)
        except Exception as error:
            answers[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(i, *p)) for i, p in enumerate(posts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return answers
