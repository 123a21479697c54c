"""The privacy officer's side of the audit trail: chain, search, export, flags."""
