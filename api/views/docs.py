# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The schema and its documentation page, with Swagger UI's files served by the app (the sidecar).

The page keeps the site's Content Security Policy: no inline script or style — its start script
is a separate request (drf-spectacular's split view), its template has no <style> block.
"""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView


class SchemaView(SpectacularAPIView):
    pass


class DocsView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    url_name = "api:schema"
