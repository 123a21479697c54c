# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Settings for the load test's gunicorn (benchmarks/load_test.py): production's, with three changes.

load_test.py runs gunicorn with OVERDRACHT_PRODUCTION=1 (DEBUG off, secure cookies, HTTPS behind
the proxy, two-factor login) and every middleware of config.settings. Only:
- the URLs add /hello/ (benchmarks/load_urls.py), the floor served through the same stack;
- static files are named without the manifest (no collectstatic before each run; the load test
  fetches no static files, and the manifest lookup is a dict lookup either way);
- with LOAD_TEST_PROFILE set, a middleware profiles each request (benchmarks/load_profile.py).
"""

import os

from config.settings import *  # noqa: F403 (production's settings, then the changes above)
from config.settings import BASE_DIR, MIDDLEWARE, STORAGES

ROOT_URLCONF = "benchmarks.load_urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
STATIC_ROOT = BASE_DIR / "static"  # what WhiteNoise indexes at start, as it does collectstatic's folder
if os.environ.get("LOAD_TEST_PROFILE"):
    # Outermost: the profile covers the whole stack, as the client sees it.
    MIDDLEWARE = ["benchmarks.load_profile.ProfileMiddleware", *MIDDLEWARE]
