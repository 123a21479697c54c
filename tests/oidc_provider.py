# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A real OpenID Connect provider for the single sign-on tests: oidc-provider-mock as its own process on loopback.

The provider issues RS256 ID tokens for whichever client asks (aud = that client id), with the
claims a test gives a subject (`set_user`); a subject nobody set gets {"email": sub}. A test logs
in by answering the provider's login form for a subject, as a person at the provider would.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests

CLIENT_ID = "overdracht"
CLIENT_SECRET = "overdracht-test-secret"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Provider:
    url: str
    process: subprocess.Popen

    def discovery(self) -> dict:
        return requests.get(f"{self.url}/.well-known/openid-configuration", timeout=5).json()

    def set_user(self, sub: str, claims: dict) -> None:
        requests.put(f"{self.url}/users/{sub}", json=claims, timeout=5).raise_for_status()

    def settings(self) -> dict:
        """The installation's settings for this provider, as the environment would give them."""
        config = self.discovery()
        return {
            "OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_ISSUER": config["issuer"],
            "OIDC_OP_AUTHORIZATION_ENDPOINT": config["authorization_endpoint"],
            "OIDC_OP_TOKEN_ENDPOINT": config["token_endpoint"],
            "OIDC_OP_USER_ENDPOINT": config["userinfo_endpoint"],
            "OIDC_OP_JWKS_ENDPOINT": config["jwks_uri"],
            "OIDC_OP_LOGOUT_ENDPOINT": config["end_session_endpoint"],
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_RP_SCOPES": "openid email profile",
        }

    def authorize(self, authorization_url: str, sub: str) -> str:
        """Answer the provider's login form as `sub`; the address it sends the browser back to."""
        response = requests.post(authorization_url, data={"sub": sub}, allow_redirects=False, timeout=5)
        assert response.status_code == 302, response.text
        return response.headers["Location"]

    def id_token_for(self, client_id: str, sub: str, redirect_uri: str = "http://127.0.0.1/cb") -> str:
        """A genuine ID token of this provider, issued to another client (`client_id`)."""
        query = {
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "scope": "openid email",
            "state": "s",
            "nonce": "n",
        }
        authorize = requests.Request("GET", f"{self.url}/oauth2/authorize", params=query).prepare().url
        code = dict(p.split("=", 1) for p in urlsplit(self.authorize(authorize, sub)).query.split("&"))["code"]
        token = requests.post(
            f"{self.url}/oauth2/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "client_id": client_id,
                "client_secret": "x",
            },
            timeout=5,
        )
        token.raise_for_status()
        return token.json()["id_token"]


@contextmanager
def running_provider(*args: str) -> Iterator[Provider]:
    """oidc-provider-mock on a free loopback port, until the block ends."""
    port = _free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port), *args],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    provider = Provider(url=f"http://127.0.0.1:{port}", process=process)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                provider.discovery()
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"oidc-provider-mock did not start: {log.read().decode()[-2000:]}") from None
                time.sleep(0.1)
        yield provider
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
