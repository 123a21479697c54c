# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A partner system's event receiver on a free loopback port: real HTTP, in a thread.

It answers 500 to the first `failures` requests of each event id (per path), then `answer` (204), and keeps every
request it got (path, headers, body) so a test can check signatures and count duplicates.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes
    status: int


class Receiver:
    def __init__(self, failures: int = 0, answer: int = 204) -> None:
        self.failures = failures
        self.answer = answer
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._tries: Counter[str] = Counter()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                # Per path: each subscription (its own path) is a receiver of its own.
                key = f"{self.path} {self.headers.get('webhook-id', '')}"
                with receiver._lock:
                    receiver._tries[key] += 1
                    status = 500 if receiver._tries[key] <= receiver.failures else receiver.answer
                    receiver.received.append(
                        Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body, status)
                    )
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass  # quiet tests

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str = "/events") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def accepted(self, path: str | None = None) -> list[Received]:
        """What the receiver took (2xx), as it sees it: every accepted request, duplicates included."""
        return [r for r in self.received if r.status < 300 and (path is None or r.path == path)]
