# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The figures' own table: one narrow row per sent referral, rebuilt by the roll-up job.

The Cijfers page for a year over a million referrals read the referral table itself: wide rows
(encrypted columns, notes), a join to the cases for the wijk and the household, and per row a
time zone conversion and two date differences. Here each sent referral is one row of small
columns with those already worked out, so the page reads a fraction of the bytes and computes
nothing per row. It holds no personal data: ids, states, codes and dates, as the referral row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralFact(models.Model):
    """A sent referral as the figures count it (programme.services.rollup writes these rows)."""

    # The referral's own id; no foreign key, so erasing a referral never waits for this table
    # (the next roll-up drops its row).
    # Columns ordered widest first, so PostgreSQL pads nothing between them: a narrow row is
    # the whole point of this table.
    referral_id = models.BigIntegerField(primary_key=True)
    sent_at = models.DateTimeField()
    # When the same case, and the same resident, last had a referral sent before this one (None:
    # this is the first). A period's first referral of a case is the one whose previous falls
    # before the period: counting those counts the cases reached without a DISTINCT.
    case_previous_sent_at = models.DateTimeField(null=True)
    resident_previous_sent_at = models.DateTimeField(null=True)
    # The same as local months: the monthly cells (FigureCell) count reach with them.
    case_previous_month = models.DateField(null=True)
    resident_previous_month = models.DateField(null=True)
    case_id = models.BigIntegerField()
    # The household is counted by its hulpvrager, the resident the case is about.
    resident_id = models.BigIntegerField()
    # The local (Europe/Amsterdam) month and week (its Monday) of sending: the trend's buckets.
    sent_month = models.DateField()
    sent_week = models.DateField()
    from_organisation_id = models.IntegerField()
    to_organisation_id = models.IntegerField()
    service_id = models.IntegerField()
    wijk_id = models.IntegerField(null=True)
    hours_to_accept = models.IntegerField(null=True)
    days_to_contact = models.IntegerField(null=True)
    is_accepted = models.BooleanField()
    is_escalated = models.BooleanField()
    has_outcome = models.BooleanField()
    state = models.CharField(max_length=20)
    decline_reason = models.CharField(max_length=20, blank=True)
    outcome = models.CharField(max_length=20, blank=True)
    # The case's target groups and goal codes are not copied: a filter on them asks the cases.

    class Meta:
        indexes = [models.Index(fields=["sent_at"], name="programme_fact_sent_at")]

    def __str__(self) -> str:
        return f"verwijzing {self.referral_id}"


class FigureCell(models.Model):
    """The facts counted per local month of sending, one row per combination that occurred.

    Periods of whole months without filters (a month, quarter, half-year or year: the page's
    usual question) add up these cells instead of counting the facts again: a year is a few
    thousand cells instead of hundreds of thousands of facts. Built from the facts by the same
    roll-up, in the same transaction. Each `breakdown` fills only the columns it groups by.
    """

    class Breakdown(models.TextChoices):
        STATUS = "status"  # per receiving partner: state, reason, outcome, accepted, escalated
        FLOW = "flow"  # from × to
        TREND = "trend"  # per week of sending: accepted, closed
        ACCEPT = "accept"  # hours to acceptance (value)
        CONTACT = "contact"  # days to first contact (value)
        CASES = "cases"  # month of the case's previous referral (None: its first)
        HOUSEHOLDS = "households"  # month of the resident's previous referral

    month = models.DateField()
    breakdown = models.CharField(max_length=10, choices=Breakdown.choices)
    to_organisation_id = models.IntegerField(null=True)
    from_organisation_id = models.IntegerField(null=True)
    state = models.CharField(max_length=20, blank=True)
    decline_reason = models.CharField(max_length=20, blank=True)
    outcome = models.CharField(max_length=20, blank=True)
    is_accepted = models.BooleanField(null=True)
    is_escalated = models.BooleanField(null=True)
    has_outcome = models.BooleanField(null=True)
    week = models.DateField(null=True)
    value = models.IntegerField(null=True)
    previous_month = models.DateField(null=True)
    n = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["month"], name="programme_cell_month")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.breakdown}: {self.n}"


class RollupRun(models.Model):
    """When the figures were last rebuilt: the page says how fresh its figures are."""

    finished_at = models.DateTimeField(_("bijgewerkt"))
    facts = models.PositiveIntegerField()
    milliseconds = models.PositiveIntegerField()

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M}: {self.facts}"
