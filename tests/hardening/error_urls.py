# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A URLconf for the error-page tests: views that fail on purpose, and the site's handler500."""

from django.core.exceptions import BadRequest
from django.urls import path

from config import urls as site_urls


def server_fault(request):
    # What a bug could carry in its message; the page must show none of it.
    raise RuntimeError("Jansen 0612345678 in a stack trace")


def bad_request(request):
    raise BadRequest("malformed")


urlpatterns = [path("fout/", server_fault), path("onleesbaar/", bad_request)]
handler500 = site_urls.handler500
