# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""How the OpenAPI schema describes the authentication: OAuth2 client credentials with our scopes."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from api.scopes import SCOPES


class ClientCredentialsScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ClientCredentialsAuthentication"
    name = "oauth2"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "oauth2",
            "flows": {"clientCredentials": {"tokenUrl": "/api/v1/token/", "scopes": dict(SCOPES)}},
        }

    def get_security_requirement(self, auto_schema: Any) -> dict[str, list[str]]:
        view = auto_schema.view
        needed = getattr(view, "scopes", {}).get(getattr(view, "action", None)) or getattr(view, "scope", None)
        return {self.name: [needed] if needed else []}


PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details, in Dutch or English (Accept-Language).",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    },
}
_ERRORS = {
    "400": "Invalid input",
    "401": "Not authenticated",
    "403": "Forbidden: the scope, or the policy's reason",
    "404": "Not found, or not visible to this client",
    "405": "Method not allowed",
    "406": "Not acceptable",
    "409": "The service refused the transition (its reason)",
    "415": "Unsupported media type",
    "429": "Too many requests from this client",
}


def add_problem_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: every operation may answer the problem documents above."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    reference = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation.setdefault("responses", {})
            for code, description in _ERRORS.items():
                if code == "409" and method == "get":
                    continue
                responses.setdefault(code, {"description": description, "content": reference})
    return result
