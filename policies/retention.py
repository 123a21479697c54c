# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Bewaartermijn: how long personal data of a closed case is kept.

The rule, as the privacy officer reads it:

- A resident's personal data is kept while any of their cases (as the
  hulpvrager or as a household member) is still in use: a referral that is
  sent, accepted or in progress, or any activity (case opened or closed,
  referral created or ended) within the retention period.
- A case counts as closed when it has no such referral and its last activity
  lies more than RETENTION_DAYS_AFTER_CLOSE days (default 365) in the past —
  whether or not someone pressed "close": forgotten cases must not keep data
  forever. A forgotten draft referral does not keep a case alive either.
- Then the resident's data key is destroyed (crypto-shredding): name, contact
  data, summaries, notes and plan goals become unreadable everywhere,
  backups included. What stays, for the programme's reports, is anonymous:
  categories, wijk, age band, dates, states and outcomes.
- A signal (signals/) that does not become a case is erased when its last
  step (handed in, added to, picked up, closed) lies more than
  SIGNAL_RETENTION_DAYS days (default 180) in the past, closed or not: the
  signal desk had half a year to reach the resident. A signal that became a
  case is erased as soon as the case is opened: the case holds what is needed,
  under the case's own retention, and a second copy would outlive it.
- The audit trail keeps its entries (they hold pseudonyms, never values) for
  its own retention period in the processing register.
"""

from datetime import timedelta

from django.conf import settings

# Referrals in these states mean someone is still working with the resident.
ACTIVE_REFERRAL_STATES = ("sent", "accepted", "in_progress")


def retention_period() -> timedelta:
    return timedelta(days=settings.RETENTION_DAYS_AFTER_CLOSE)


def signal_retention_period() -> timedelta:
    return timedelta(days=settings.SIGNAL_RETENTION_DAYS)
