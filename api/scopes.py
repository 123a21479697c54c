# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What a client application may call (in the spirit of Open Zaak's *autorisaties*).

A scope only narrows: the client acts as its service account's membership lets it act, through
the same policies as the pages; a scope it lacks makes an endpoint answer 403 before any policy
is asked. The OAuth2 server hands out only the scopes the functional administrator gave the
client (`ClientScopes`), whatever the client asks for.
"""

from __future__ import annotations

from typing import Any

from oauth2_provider.scopes import BaseScopes

REFERRALS_READ = "referrals:read"
REFERRALS_ACT = "referrals:act"
CASES_WRITE = "cases:write"
DIRECTORY_READ = "directory:read"
# Cases read back, and signals (issue 16: the rest of the API).
CASES_READ = "cases:read"
SIGNALS_WRITE = "signals:write"
SIGNALS_READ = "signals:read"
SIGNALS_DESK = "signals:desk"

SCOPES = {
    REFERRALS_READ: "De postbak en verwijzingen lezen (wat de rol in die stand mag zien)",
    REFERRALS_ACT: "Verwijzingen aannemen, afwijzen, contact vastleggen, doorverwijzen, afsluiten",
    CASES_WRITE: "Casussen openen, toestemming vastleggen en verwijzen (voor verwijzers)",
    DIRECTORY_READ: "De Wegwijzer lezen: organisaties en diensten",
    CASES_READ: "Een casus teruglezen zoals de casuspagina die toont (voor verwijzers)",
    SIGNALS_WRITE: "Signalen doorgeven en aanvullen tot ze zijn opgepakt (voor signaleerders)",
    SIGNALS_READ: "De status van de eigen signalen lezen (voor signaleerders)",
    SIGNALS_DESK: "De signaalbalie: signalen lezen, oppakken en afsluiten",
}


class ClientScopes(BaseScopes):
    """DOT's scopes backend: a client gets the scopes of its authorisation, no more."""

    def get_all_scopes(self) -> dict[str, str]:
        return SCOPES

    def get_available_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        return _granted(application)

    def get_default_scopes(self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any) -> list[str]:
        return _granted(application)


def _granted(application: Any) -> list[str]:
    from api.models import ClientAuthorisation

    if application is None:
        return []
    authorisation = ClientAuthorisation.objects.filter(application=application, active=True).first()
    return [s for s in authorisation.scopes if s in SCOPES] if authorisation else []
