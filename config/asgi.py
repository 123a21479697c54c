# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
import os

from django.core.asgi import get_asgi_application
from django.db import connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

# App servers (gunicorn, uvicorn) run no system checks: a wrong, malformed or development key must stop the start here.
from referrals.checks import refuse_to_start_with_key_problems  # noqa: E402  (needs the apps loaded above)

refuse_to_start_with_key_problems()
# Not kept open: with `gunicorn --preload` every worker would inherit this one connection.
connections.close_all()
