# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A real SMTP server on loopback (aiosmtpd) that can refuse, go down and come back."""

import socket
import threading
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MailServer:
    """Accepts mail into `received`; while `refusing` holds an answer (e.g. "451 …") it gives that
    to every message instead. `stop()` takes it off the network (connections are refused),
    `start()` brings it back on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.refusing: str | None = None
        self.received: list = []
        self.refused = 0
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            if self.refusing:
                self.refused += 1
                return self.refusing
            self.received.append(message_from_bytes(envelope.content))
        return "250 OK"

    def start(self) -> None:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def recipients(self) -> list[str]:
        return [message["To"] for message in self.received]
