from signals.models.signals import Signal, SignalAddition, SignalDesk

__all__ = ["Signal", "SignalAddition", "SignalDesk"]
