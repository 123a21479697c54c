# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
from signals.models.signals import Signal, SignalAddition, SignalDesk

__all__ = ["Signal", "SignalAddition", "SignalDesk"]
