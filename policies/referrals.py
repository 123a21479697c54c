# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Who may see a referral, which of its fields, and who may do what with it — in one place.

The same rules answer two questions, so that they cannot drift apart:
- `referral_policy.sees(actor, referral)` / `refusal(actor, action, referral)` for one referral
  (the services ask before every transition; django-fsm does not enforce `permission=`);
- `referral_policy.filter(actor, queryset)`: every referral the actor may see, in SQL (lists).
Objects outside `filter` answer 404: the user does not learn they exist.

There are four ways in (toegangswegen), each needing a membership that is active today:
- **sender**: a referring role (verwijzer, regisseur) at the organisation that sent it;
- **regisseur**: the case's regisseur, still working at the case's regie organisation;
- **receiver**: an intake worker or coordinator of the receiving organisation, while that
  organisation holds the `receive_referral` grant (given on send, revoked when it ends);
- **handler**: the assignee, with the `handle_referral` grant (given on accept) and still an
  intake worker or coordinator of the receiving organisation.
A privacy officer, programme manager, administrator or signaller has no way in: never content.

After a warm hand-over the forwarding partner keeps its grants, but sees only its own part
(HISTORY_FIELDS): the referral's metadata, events, first contact and outcome, never the
resident's name, contact details or summary again. Privacy reason: the partner must be able to
account for its own work (AVG art. 5(2), accountability; its own file-keeping duty), and that
needs no data about the resident beyond what it recorded itself; everything after the hand-over
belongs to the next partner (need to know). See also the processing register (policies.register).

Which states an action starts from comes from the state machine itself (django-fsm).
"""

from __future__ import annotations

import operator
from datetime import timedelta
from functools import cache, reduce
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from policies.actor import Actor
from policies.roles import RECEIVING_ROLES, REFERRING_ROLES, Role, roles_allowing

RECEIVE = "receive_referral"
HANDLE = "handle_referral"

SENDER, REGISSEUR, RECEIVER, HANDLER = "sender", "regisseur", "receiver", "handler"

# What a receiving partner sees until it accepts: enough to decide, not who.
# Sender and service are included on purpose: the partner must know which of its
# services is asked and whom to call back with questions before accepting.
METADATA_FIELDS = frozenset(
    {
        "reference",
        "state",
        "service",
        "from_organisation",
        "to_organisation",
        "categories",
        "urgency",
        "wijk",
        "age_band",
        "sent_at",
        "respond_by",
        "decline_reason",
        "outcome",
    }
)
# Personal data and content: only who works with the resident.
CONTENT_FIELDS = frozenset(
    {
        "resident_name",
        "contact",
        "preferred_language",
        "needs_interpreter",
        "summary",
        "legal_basis_justification",
        "decline_note",
        "first_contact",
        "outcome_note",
        "assignee",
    }
)
ALL_FIELDS = METADATA_FIELDS | CONTENT_FIELDS

# A referral past its deadline goes to the receiving coordinators at once, and this many working
# days later to the referrer and the regisseur too: the partner gets a day to put it right first.
ESCALATE_TO_SENDER_AFTER_WORKING_DAYS = 1

# The receiving side sees content once it accepted (and until access ends).
RECEIVER_CONTENT_STATES = frozenset({"accepted", "in_progress", "closed"})
# What the forwarding partner keeps of a referral it handed over: its own part, not the resident.
HISTORY_STATES = frozenset({"handed_over"})
HISTORY_FIELDS = METADATA_FIELDS | frozenset({"first_contact", "outcome_note", "assignee"})

SENDER_ACTIONS = frozenset({"send", "edit_draft", "withdraw"})
RECEIVER_ACTIONS = frozenset({"accept", "decline"})
HANDLER_ACTIONS = frozenset(
    {
        "record_first_contact",
        "record_attempt",
        "close_unreachable",
        "forward",
        "refer_in_addition",
        "close",
        "record_outcome",
        "reopen",
    }
)
ACTIONS = SENDER_ACTIONS | RECEIVER_ACTIONS | HANDLER_ACTIONS | {"assign", "stop"}

# Actions that are not a transition of their own start where these transitions start:
# a draft is edited where it is sent; forwarding (either way) starts where the hand-over does;
# contact attempts are recorded where the first contact is; a coordinator (re)assigns wherever
# the receiving side is at work.
_SOURCES_OF = {
    "edit_draft": ("send",),
    "forward": ("hand_over",),
    "refer_in_addition": ("hand_over",),
    "record_attempt": ("record_first_contact",),
    "assign": ("accept", "record_first_contact", "close"),
}


@cache
def source_states(action: str) -> frozenset[str]:
    """The states `action` starts from, read from the django-fsm transitions of Referral."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    referral_model = apps.get_model("referrals", "Referral")
    transitions = list(referral_model._meta.get_field("state").get_all_transitions(referral_model))
    names = _SOURCES_OF.get(action, (action,))
    return frozenset(str(t.source) for t in transitions if t.name in names)


class ReferralPolicy:
    # --- seeing ---------------------------------------------------------------------------

    def ways_in(self, actor: Actor, referral: Any) -> frozenset[str]:
        """How `actor` may see `referral`: a subset of sender, regisseur, receiver, handler."""
        if not actor.is_authenticated:
            return frozenset()
        ways = set()
        if actor.roles_in(referral.from_organisation_id) & REFERRING_ROLES:
            ways.add(SENDER)
        case = referral.case
        if case.regisseur_id == actor.user_id and actor.roles_in(case.regisseur_organisation_id) & REFERRING_ROLES:
            ways.add(REGISSEUR)
        receiving = actor.roles_in(referral.to_organisation_id) & RECEIVING_ROLES
        if receiving:
            grants = actor.grants_on(referral.pk)
            if RECEIVE in grants:
                ways.add(RECEIVER)
            if HANDLE in grants and referral.assignee_id == actor.user_id:
                ways.add(HANDLER)
        return frozenset(ways)

    def visibility_q(self, actor: Actor) -> Q:
        """The same four ways in, as a filter on referrals (one SQL query for a whole list)."""
        user_id = actor.user_id
        if user_id is None:  # not authenticated
            return Q(pk__in=[])
        referring = actor.organisations_with(REFERRING_ROLES)
        receiving = actor.organisations_with(RECEIVING_ROLES)
        # Only the ways in the actor's roles can open: an intake worker's inbox is not ORed with
        # clauses that can never hold for them (and that would drag other tables into the plan).
        ways = []
        if referring:
            ways.append(Q(from_organisation_id__in=referring))
            # `case_id IN (the cases this user directs)`: the database finds those few cases by
            # their regisseur once, where a join would read the case of every referral it looks at.
            ways.append(Q(case_id__in=_regie_cases(user_id, referring)))
        if receiving:
            ways.append(Q(Exists(_group_grants(RECEIVE, user_id)), to_organisation_id__in=receiving))
            ways.append(Q(Exists(_user_grants(HANDLE, user_id)), to_organisation_id__in=receiving, assignee_id=user_id))
        return reduce(operator.or_, ways) if ways else Q(pk__in=[])

    def sees(self, actor: Actor, referral: Any) -> bool:
        return bool(self.ways_in(actor, referral))

    def filter(self, actor: Actor, queryset: QuerySet) -> QuerySet:
        """`queryset` narrowed to what `actor` may see."""
        return queryset.filter(self.visibility_q(actor))

    def visible_fields(self, actor: Actor, referral: Any) -> frozenset[str]:
        """Which fields of `referral` (and its resident) `actor` sees in its current state."""
        ways = self.ways_in(actor, referral)
        if ways & {SENDER, REGISSEUR}:
            return ALL_FIELDS
        handles = HANDLER in ways or (
            RECEIVER in ways and Role.COORDINATOR in actor.roles_in(referral.to_organisation_id)
        )
        if referral.state in RECEIVER_CONTENT_STATES and handles:
            return ALL_FIELDS
        if referral.state in HISTORY_STATES and handles:
            return HISTORY_FIELDS
        if ways:
            return METADATA_FIELDS
        return frozenset()

    def capacity(self, actor: Actor, referral: Any) -> tuple[int | None, str]:
        """In which organisation and role `actor` looks at `referral` (for the audit entry)."""
        ways = self.ways_in(actor, referral)
        if REGISSEUR in ways:
            return referral.case.regisseur_organisation_id, Role.REGISSEUR.value
        if SENDER in ways:
            return referral.from_organisation_id, actor.acting_role(referral.from_organisation_id, "follow")
        return referral.to_organisation_id, actor.acting_role(referral.to_organisation_id, "inbox")

    # --- acting ---------------------------------------------------------------------------

    def refusal(self, actor: Actor, action: str, referral: Any) -> str | None:
        """None when `actor` may do `action` on `referral` now, else why not — in plain words."""
        if not actor.is_authenticated:
            return _("U bent niet ingelogd.")
        sources = source_states(action)
        if action == "stop":
            if not actor.has_role(Role.PRIVACY_OFFICER):
                return _("Alleen de privacyfunctionaris kan een verwijzing stoppen.")
            return self._state_refusal(sources, referral)

        if action in SENDER_ACTIONS:
            if not actor.roles_in(referral.from_organisation_id) & roles_allowing(action):
                return _("Alleen een verwijzer van %(org)s kan dit doen.") % {"org": referral.from_organisation}
            return self._state_refusal(sources, referral)

        ways = self.ways_in(actor, referral)
        to_roles = actor.roles_in(referral.to_organisation_id)
        if action in RECEIVER_ACTIONS:
            if not (RECEIVER in ways and to_roles & roles_allowing(action)):
                return _("Alleen een intakemedewerker of coördinator van %(org)s kan dit doen.") % {
                    "org": referral.to_organisation
                }
            return self._state_refusal(sources, referral)

        if action == "assign":
            if not (RECEIVER in ways and to_roles & roles_allowing("assign")):
                return _("Alleen de coördinator van %(org)s kan verwijzingen toewijzen.") % {
                    "org": referral.to_organisation
                }
            return self._state_refusal(sources, referral)

        # HANDLER_ACTIONS: the assignee, or the coordinator for the whole organisation
        # (DESIGN: the coordinator does "all of intake" for the organisation).
        is_handler = HANDLER in ways and bool(to_roles & roles_allowing(action))
        is_coordinator = RECEIVER in ways and Role.COORDINATOR in to_roles
        if not (is_handler or is_coordinator):
            return _("Alleen de behandelaar of de coördinator van %(org)s kan dit doen.") % {
                "org": referral.to_organisation
            }
        state = self._state_refusal(sources, referral)
        if state:
            return state
        window = timedelta(days=settings.REOPEN_WINDOW_DAYS)
        if action == "reopen" and referral.closed_at and timezone.now() - referral.closed_at > window:
            return _("Heropenen kan tot %(days)s dagen na het afsluiten; maak een nieuwe verwijzing.") % {
                "days": settings.REOPEN_WINDOW_DAYS
            }
        if action == "forward" and referral.has_pending_child:
            return _("Er staat al een doorverwijzing open; wacht tot de volgende partner die aanneemt of afwijst.")
        if action == "close_unreachable":
            return self._attempts_refusal(referral)
        if action == "record_outcome" and referral.outcome != "handed_over":
            return _("De uitkomst van uw deel is al vastgelegd.")
        return None

    @staticmethod
    def _attempts_refusal(referral: Any) -> str | None:
        """'Niet bereikt' only after the service's agreed number of contact attempts."""
        needed = referral.service.contact_attempts
        made = referral.contact_attempts.count()
        if made >= needed:
            return None
        return _("Afsluiten als ‘niet bereikt’ kan na %(needed)s contactpogingen; er zijn er %(made)s vastgelegd.") % {
            "needed": needed,
            "made": made,
        }

    def can(self, actor: Actor, action: str, referral: Any) -> bool:
        return self.refusal(actor, action, referral) is None

    @staticmethod
    def _state_refusal(sources: frozenset[str], referral: Any) -> str | None:
        if referral.state in sources:
            return None
        return _("Dit kan niet meer: de verwijzing is nu ‘%(state)s’.") % {"state": referral.get_state_display()}


def _regie_cases(user_id: int, organisations: frozenset[int]) -> QuerySet:
    model = apps.get_model("referrals", "Case")
    return model.objects.filter(regisseur_id=user_id, regisseur_organisation_id__in=organisations).values("pk")


def _group_grants(codename: str, user_id: int) -> QuerySet:
    model = apps.get_model("referrals", "ReferralGroupObjectPermission")
    return model.objects.filter(content_object=OuterRef("pk"), permission__codename=codename, group__user__id=user_id)


def _user_grants(codename: str, user_id: int) -> QuerySet:
    model = apps.get_model("referrals", "ReferralUserObjectPermission")
    return model.objects.filter(content_object=OuterRef("pk"), permission__codename=codename, user_id=user_id)


referral_policy = ReferralPolicy()
