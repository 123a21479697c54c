# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from api.models.clients import ClientAuthorisation

__all__ = ["ClientAuthorisation"]
