# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who may see a case (a household's request for help) and who may do what with it.

Two ways in, each needing a membership that is active today:
- **regisseur**: the case's regisseur (één gezin, één plan, één regisseur), still working in a
  referring role at the case's regie organisation — sees the whole case across partners and
  keeps the plan;
- **opener**: a referring role (verwijzer, regisseur) at the organisation that opened the case.
Receiving partners see a case only through their referral (policies.referrals), never the case.

`case_policy.sees` (one case) and `case_policy.filter` (a list, in SQL) use the same two ways.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet, TextChoices
from django.utils.translation import gettext_lazy as _

from policies.actor import Actor
from policies.roles import REFERRING_ROLES, Role

REGISSEUR, OPENER = "regisseur", "opener"


class CloseReason(TextChoices):
    """Why a case was closed: a code, so closings can be counted without reading any content."""

    RESOLVED = "resolved", _("Opgelost naar tevredenheid van de inwoner")
    NO_HELP_WANTED = "no_help_wanted", _("Inwoner wil geen hulp meer")
    MOVED_AWAY = "moved_away", _("Verhuisd buiten de gemeente")
    DECEASED = "deceased", _("Overleden")
    OTHER = "other", _("Anders")


# Waakvlam: a light check this many months after a case was closed, owned by the regisseur.
# Why: problems in these households tend to come back (DOMAIN.md, "vinger aan de pols"); one
# short call after a quarter catches that early, without keeping the case open. Not after
# these reasons, where there is nobody to call:
WAAKVLAM_MONTHS = 3
NO_WAAKVLAM_AFTER = frozenset({CloseReason.MOVED_AWAY, CloseReason.DECEASED})


class CasePolicy:
    def ways_in(self, actor: Actor, case: Any) -> frozenset[str]:
        if not actor.is_authenticated:
            return frozenset()
        ways = set()
        if self.is_regisseur(actor, case):
            ways.add(REGISSEUR)
        if actor.roles_in(case.opened_by_organisation_id) & REFERRING_ROLES:
            ways.add(OPENER)
        return frozenset(ways)

    def is_regisseur(self, actor: Actor, case: Any) -> bool:
        return (
            actor.is_authenticated
            and case.regisseur_id == actor.user_id
            and bool(actor.roles_in(case.regisseur_organisation_id) & REFERRING_ROLES)
        )

    def regisseur_q(self, actor: Actor, prefix: str = "") -> Q:
        """Cases (or, with `prefix`, rows related to a case) of which `actor` is the regisseur."""
        if not actor.is_authenticated:
            return Q(pk__in=[])
        return Q(
            **{
                f"{prefix}regisseur_id": actor.user_id,
                f"{prefix}regisseur_organisation_id__in": actor.organisations_with(REFERRING_ROLES),
            }
        )

    def visibility_q(self, actor: Actor) -> Q:
        if not actor.is_authenticated:
            return Q(pk__in=[])
        return self.regisseur_q(actor) | Q(opened_by_organisation_id__in=actor.organisations_with(REFERRING_ROLES))

    def sees(self, actor: Actor, case: Any) -> bool:
        return bool(self.ways_in(actor, case))

    def filter(self, actor: Actor, queryset: QuerySet) -> QuerySet:
        return queryset.filter(self.visibility_q(actor))

    def capacity(self, actor: Actor, case: Any) -> tuple[int | None, str]:
        """In which organisation and role `actor` looks at `case` (for the audit entry)."""
        if self.is_regisseur(actor, case):
            return case.regisseur_organisation_id, Role.REGISSEUR.value
        return case.opened_by_organisation_id, actor.acting_role(case.opened_by_organisation_id, "follow")

    # --- acting ---------------------------------------------------------------------------

    def may_open_case(self, actor: Actor, organisation_id: int) -> bool:
        return bool(actor.roles_in(organisation_id) & REFERRING_ROLES)

    def may_manage(self, actor: Actor, case: Any) -> bool:
        """The regisseur keeps the plan and the follow-ups."""
        return self.is_regisseur(actor, case)

    def may_do_follow_up(self, actor: Actor, follow_up: Any) -> bool:
        """The regisseur keeps every follow-up of the case; whoever owns one (the referrer told the
        resident was not reached) does their own, while they still work on the case."""
        case = follow_up.case
        return self.is_regisseur(actor, case) or (follow_up.owner_id == actor.user_id and self.sees(actor, case))

    def may_record_consent(self, actor: Actor, case: Any) -> bool:
        return bool(self.ways_in(actor, case))

    def may_take_over_regie(self, actor: Actor, case: Any, *, regisseur_still_there: bool) -> bool:
        """Once the regisseur no longer works at the regie organisation, a referrer there who works
        on the case takes it over: an open case always has one regisseur (één gezin, één regisseur).

        `regisseur_still_there`: the regisseur still holds a referring role there (a fact about
        someone else, read by accounts.selectors.memberships.works_at).
        """
        return (
            not regisseur_still_there
            and case.status == "open"
            and case.regisseur_id != actor.user_id
            and bool(actor.roles_in(case.regisseur_organisation_id) & REFERRING_ROLES)
            and self.sees(actor, case)
        )

    # --- the regisseur's tools (regie, household, closing) -------------------------------

    def may_offer_regie(self, actor: Actor, case: Any) -> bool:
        """Only the regisseur hands the regie on, of an open case; until the other accepts, they keep it."""
        return self.is_regisseur(actor, case) and case.status == "open"

    def may_answer_regie_offer(self, actor: Actor, offer: Any) -> bool:
        """The one offered the regie, while they still refer at the organisation it was offered for."""
        return (
            actor.is_authenticated
            and offer.status == "pending"
            and offer.offered_to_id == actor.user_id
            and bool(actor.roles_in(offer.offered_to_organisation_id) & REFERRING_ROLES)
        )

    def may_manage_household(self, actor: Actor, case: Any) -> bool:
        return self.is_regisseur(actor, case) and case.status == "open"

    def may_close(self, actor: Actor, case: Any) -> bool:
        return self.is_regisseur(actor, case) and case.status == "open"

    def may_reopen(self, actor: Actor, case: Any) -> bool:
        return self.is_regisseur(actor, case) and case.status == "closed"

    def may_refer(self, actor: Actor, case: Any, organisation_id: int) -> bool:
        """Referring from an organisation is not enough: the actor must work on this very case."""
        return self.may_open_case(actor, organisation_id) and self.sees(actor, case)


case_policy = CasePolicy()
