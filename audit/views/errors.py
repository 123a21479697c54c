# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The page for a server error: Dutch, in the site's style, with the trace id — nothing else.

The error is logged under the same trace id (audit.services.trace.TraceIdFilter), so the
administrator a user gives the code to finds it in the log. Django hands a 500 handler no
template context; this one renders `500.html` with the trace id only, and falls back to
plain HTML when even that fails (a broken template or static files may be the error).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

from audit.services.trace import current_trace_id

_FALLBACK = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Er ging iets mis — Overdracht</title>'
    "</head><body><main><h1>Er ging iets mis</h1><p>Geef deze code door aan de functioneel beheerder: "
    "<code>{trace_id}</code></p></main></body></html>"
)


def server_error(request: HttpRequest) -> HttpResponse:
    trace_id = current_trace_id()
    try:
        html = loader.get_template("500.html").render({"trace_id": trace_id})
    except Exception:  # the error page must answer whatever else is broken
        html = _FALLBACK.format(trace_id=trace_id)
    return HttpResponseServerError(html)
