# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The project's URLs plus /hello/: the load test's floor, answered through the same middleware and session."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as project_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def hello(request):
    return HttpResponse("hello")


urlpatterns = [path("hello/", hello, name="hello"), *project_urlpatterns]
