# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Where a gunicorn worker's time goes under load (load_test.py --profile): cProfile and a query count per view.

Only in the load test's settings (benchmarks/load_settings.py, with LOAD_TEST_PROFILE naming a
directory). Each worker adds every request to one profile and to per-view totals (requests, time,
statements, time in the database), and writes both to that directory every 50 requests and when
it exits: <pid>.prof (pstats) and <pid>.json. load_test.py merges them after the run.
"""

import atexit
import cProfile
import json
import os
import time
from collections import defaultdict
from pathlib import Path

from django.db import connection

EVERY = 50


class ProfileMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.directory = Path(os.environ["LOAD_TEST_PROFILE"])
        self.profile = cProfile.Profile()
        self.views: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.seen = 0
        atexit.register(self.write)

    def __call__(self, request):
        database = {"statements": 0, "seconds": 0.0}

        def count(execute, sql, params, many, context):
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                database["statements"] += 1
                database["seconds"] += time.perf_counter() - start

        start = time.perf_counter()
        with connection.execute_wrapper(count):
            self.profile.enable()
            try:
                response = self.get_response(request)
            finally:
                self.profile.disable()
        view = self.views[f"{request.method} {_route(request)}"]
        view["requests"] += 1
        view["seconds"] += time.perf_counter() - start
        view["statements"] += database["statements"]
        view["database_seconds"] += database["seconds"]
        self.seen += 1
        if self.seen % EVERY == 0:
            self.write()
        return response

    def write(self) -> None:
        self.profile.dump_stats(self.directory / f"{os.getpid()}.prof")
        (self.directory / f"{os.getpid()}.json").write_text(json.dumps(self.views))


def _route(request) -> str:
    """The URL pattern, not the path: ids stay out and requests of one view add up."""
    match = getattr(request, "resolver_match", None)
    return f"/{match.route}" if match else "(unresolved)"
