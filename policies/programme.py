# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""What the programme reports on, and who sees the figures (DOMAIN.md "What the programme reports").

A case carries target groups (doelgroepen: flags, not categories of need) and the goal codes of
the municipality's Sociaal Kompas 2017–2020 it contributes to, so the projectenboek and the
monitor can count per target group and per goal. Both are plain codes from the lists below; a
programme manager only ever sees counts of them, with small numbers suppressed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from policies.actor import Actor
from policies.roles import roles_allowing

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The target groups the programme Sterk voor Noord reports on (the codes match
# directory.Service.TargetGroup, so a case and a service speak of the same group).
TARGET_GROUPS: list[tuple[str, StrOrPromise]] = [
    ("parents", _("Ouders")),
    ("youth", _("Jongeren (12–27)")),
    ("newcomers", _("Nieuwkomers / statushouders")),
    ("long_bijstand", _("Langer dan 2 jaar in de bijstand")),
    ("low_literacy", _("Laaggeletterden")),
    ("older", _("Ouderen")),
]

# Sociaal Kompas 2017–2020 (seed 004): the sub-goals a referral in this programme can serve.
# Goal 2.2.D (early signalling of debts) is the one the issue names; the others are those of
# chapters 1–4 that a handover between partners works towards.
KOMPAS_GOALS: list[tuple[str, StrOrPromise]] = [
    ("1.1.D", _("1.1.D Vroege signalering van opgroei- en opvoedingsproblemen")),
    ("1.2.B", _("1.2.B Basisvaardigheden bevorderen (lezen, schrijven, rekenen)")),
    ("1.3.A", _("1.3.A Verzuim en voortijdig schoolverlaten vroeg signaleren")),
    ("2.1.D", _("2.1.D Vroegtijdig signaleren en voorkomen van individuele ondersteuning")),
    ("2.1.F", _("2.1.F Laagdrempelige onafhankelijke cliëntondersteuning")),
    ("2.2.C", _("2.2.C Bewust omgaan met geld")),
    ("2.2.D", _("2.2.D Vroegtijdig signaleren van schulden en financiële ondersteuning")),
    ("2.2.E", _("2.2.E Goede informatie over inkomensregelingen")),
    ("2.3.A", _("2.3.A Uitstroom uit de uitkering naar werk")),
    ("2.4.A", _("2.4.A Informeren over wonen, zorg en welzijn")),
    ("2.5.A", _("2.5.A Informatie over ondersteuningsmogelijkheden")),
    ("3.1.C", _("3.1.C Sociale cohesie: inwoners met elkaar in contact brengen")),
    ("3.3.C", _("3.3.C Participatie van minderheden en inwoners met een beperking")),
    ("4.2.A", _("4.2.A Duidelijke route naar zorg en ondersteuning")),
    ("4.2.C", _("4.2.C Eén gezin, één plan, één regisseur")),
]

TARGET_GROUP_CODES = frozenset(code for code, _label in TARGET_GROUPS)
KOMPAS_GOAL_CODES = frozenset(code for code, _label in KOMPAS_GOALS)


def may_see_figures(actor: Actor) -> bool:
    """Only a programme manager (or the board, in that role) sees the programme's figures."""
    return any(role in roles_allowing("reports") for _org, role in actor.memberships)


def may_set_targets(actor: Actor) -> bool:
    """The programme manager enters the targets agreed with each partner."""
    return may_see_figures(actor)
