# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/: the REST API for partner systems (OAuth2 client credentials), its schema and docs."""

from django.urls import path, re_path
from oauth2_provider.views import TokenView
from rest_framework.routers import SimpleRouter

from api.problems import not_found
from api.views import hsds
from api.views.cases import CaseViewSet
from api.views.directory import OrganisationsView, ServicesView
from api.views.docs import DocsView, SchemaView
from api.views.referrals import InboxView, ReferralViewSet, SentView
from api.views.signals import SignalDeskViewSet, SignalViewSet

app_name = "api"

router = SimpleRouter()
router.register("referrals", ReferralViewSet, basename="referral")
router.register("cases", CaseViewSet, basename="case")
router.register("signals", SignalViewSet, basename="signal")
router.register("signal-desk", SignalDeskViewSet, basename="signal-desk")

urlpatterns = [
    path("token/", TokenView.as_view(), name="token"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
    path("inbox/", InboxView.as_view(), name="inbox"),
    path("sent/", SentView.as_view(), name="sent"),
    path("directory/services/", ServicesView.as_view(), name="services"),
    path("directory/organisations/", OrganisationsView.as_view(), name="organisations"),
    # The directory as an Open Referral HSDS 3.0 API (README: "The directory in HSDS").
    path("hsds/", hsds.ApiInfoView.as_view(), name="hsds"),
    path("hsds/services/", hsds.ServicesView.as_view(), name="hsds_services"),
    path("hsds/services/<uuid:pk>/", hsds.ServiceView.as_view(), name="hsds_service"),
    path("hsds/organizations/", hsds.OrganizationsView.as_view(), name="hsds_organizations"),
    path("hsds/organizations/<uuid:pk>/", hsds.OrganizationView.as_view(), name="hsds_organization"),
    path("hsds/locations/", hsds.LocationsView.as_view(), name="hsds_locations"),
    path("hsds/locations/<uuid:pk>/", hsds.LocationView.as_view(), name="hsds_location"),
    path("hsds/taxonomies/", hsds.TaxonomiesView.as_view(), name="hsds_taxonomies"),
    path("hsds/taxonomy_terms/", hsds.TaxonomyTermsView.as_view(), name="hsds_taxonomy_terms"),
    *router.urls,
    # Anything else under /api/v1/ is a problem document too, not the site's HTML 404 page.
    re_path(r"^.*$", not_found),
]
