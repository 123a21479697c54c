# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""A generated dataset for the list and report benchmarks: many referrals across many partners.

Written with bulk inserts (not through the services: 100,000 handovers through the services take
hours), but shaped as the services leave it: each referral has a category, a receiving grant for
the receiving organisation's group while it is open, a handling grant for its assignee once
accepted, and a resident whose personal fields hold ciphertexts that open with the configured key.

    from dataset import generate
    world = generate(referrals=100_000, partners=40, open_for_one=1000)

`world["sender"]` (a referrer at partner 0) and `world["receiver"]` (an intake worker at partner 1,
which has `open_for_one` open referrals in its inbox) are the users whose pages are measured.
"""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

BATCH = 2000
CHUNK = 50_000


def generate(
    *,
    referrals: int,
    partners: int = 40,
    open_for_one: int = 1000,
    seed: int = 12,
    categories: int = 5,
    wijken: int = 10,
    years: int = 2,
    programme: bool = False,
) -> dict:
    """`programme=True` gives the spread the Cijfers page reports on (issue 15): every state, decline
    reasons, outcomes, first contacts, late answers, target groups and Sociaal Kompas goals."""
    from django.contrib.auth.models import Permission
    from django.utils import timezone
    from guardian.shortcuts import get_perms  # noqa: F401 (guardian loaded before its models)

    from directory.models import Organisation, Service
    from policies.programme import KOMPAS_GOALS, TARGET_GROUPS
    from policies.roles import Role
    from referrals.models import (
        Case,
        Consent,
        DeclineReason,
        Outcome,
        Referral,
        ReferralGroupObjectPermission,
        ReferralUserObjectPermission,
        Resident,
        State,
    )
    from referrals.models.residents import new_pseudonym
    from tests.factories import CategoryFactory, UserFactory, WijkFactory, member, open_case

    rng = random.Random(seed)
    now = timezone.now()
    codes = ("schulden", "werk", "taal", "wonen", "zorg")
    codes += tuple(f"categorie-{i:02}" for i in range(max(0, categories - len(codes))))
    category_rows = [CategoryFactory(code=c, name=c.title()) for c in codes[:categories]]
    wijk_rows = [WijkFactory(name=f"Wijk {i}") for i in range(wijken)]
    orgs = [
        Organisation.objects.create(
            name=f"Partner {i:02}",
            slug=f"partner-{i:02}",
            kind=Organisation.Kind.SOCIAL_WORK,
            agreement_signed_on=now.date() - timedelta(days=365),
        )
        for i in range(partners)
    ]
    services = [
        Service.objects.create(organisation=o, name=f"Dienst {o.slug}", response_days=5, valid_from=now.date())
        for o in orgs
    ]
    referrers = [member(UserFactory(username=f"verwijzer-{i:02}"), o, Role.REFERRER) for i, o in enumerate(orgs)]
    intake = [member(UserFactory(username=f"intake-{i:02}"), o, Role.INTAKE) for i, o in enumerate(orgs)]

    # One resident through the services; every generated resident gets its data key, wrapped for
    # its own uid, and its personal fields sealed for that uid (as the services leave them), so that
    # pages that decrypt — a case, a referral — open them.
    template = open_case(actor=referrers[0], organisation=orgs[0], categories=category_rows[:1]).resident
    seal = Sealer(template)
    has_case_band = any(f.name == "age_band" for f in Case._meta.get_fields())
    bands = ["0-11", "12-17", "18-26", "27-66", "27-66", "27-66", "67+"]
    group_codes = [code for code, _label in TARGET_GROUPS]
    goal_codes = [code for code, _label in KOMPAS_GOALS]
    days_back = 365 * years

    n_cases = max(1, referrals // 2)
    # Random handles collide at this scale (a case reference has 32 bits): distinct ones here.
    pseudonyms: set[str] = set()
    while len(pseudonyms) < n_cases:
        pseudonyms.add(new_pseudonym())
    first_resident = (Resident.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    residents = [
        dict(
            id=first_resident + number,
            pseudonym=pseudonym,
            match_hash=uuid.uuid4().hex,
            age_band=rng.choice(bands),
            wijk_id=rng.choice(wijk_rows).pk,
            **seal.resident(uuid.UUID(int=rng.getrandbits(128), version=4)),
        )
        for number, pseudonym in enumerate(sorted(pseudonyms))
    ]
    insert(Resident, residents)
    first_case = (Case.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    cases = []
    for number, resident in enumerate(residents):
        i = rng.randrange(partners)
        extra = {"age_band": resident["age_band"]} if has_case_band else {}
        if programme:
            extra["target_groups"] = rng.sample(group_codes, rng.choice([0, 1, 1, 2]))
            extra["kompas_goals"] = rng.sample(goal_codes, rng.choice([0, 1, 1, 2]))
        cases.append(
            dict(
                id=first_case + number,
                reference=f"C-{number:08X}",
                resident_id=resident["id"],
                regisseur_id=referrers[i].pk,
                regisseur_organisation_id=orgs[i].pk,
                opened_by_id=referrers[i].pk,
                opened_by_organisation_id=orgs[i].pk,
                wijk_id=resident["wijk_id"],
                created_at=now - timedelta(days=rng.randrange(days_back)),
                **extra,
            )
        )
    insert(Case, cases)
    # Each resident's consent (as the services require before a referral is accepted): to share with
    # every partner its case's referrals go to (the recipients follow once those are drawn).
    first_consent = (Consent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    insert(
        Consent,
        [
            dict(
                id=first_consent + number,
                resident_id=case["resident_id"],
                given_how=Consent.GivenHow.SPOKEN,
                recorded_by_id=case["opened_by_id"],
                recorded_by_organisation_id=case["opened_by_organisation_id"],
                valid_from=(now - timedelta(days=days_back + 1)).date(),
                valid_until=(now + timedelta(days=365)).date(),
                created_at=case["created_at"],
                **seal.consent(uuid.UUID(int=rng.getrandbits(128), version=4)),
            )
            for number, case in enumerate(cases)
        ],
    )
    recipients: dict[int, set[int]] = {}
    del residents

    open_states = [State.SENT, State.ACCEPTED, State.IN_PROGRESS]
    reasons, outcomes = list(DeclineReason.values), list(Outcome.values)
    first_referral = (Referral.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    through = Referral.categories.through
    receive = Permission.objects.get(codename="receive_referral")
    handle = Permission.objects.get(codename="handle_referral")
    groups = {o.pk: o.group_id for o in orgs}
    made = 0
    for chunk_start in range(0, referrals, CHUNK):
        rows = []
        for n in range(chunk_start, min(referrals, chunk_start + CHUNK)):
            case = cases[n % len(cases)]
            sender = case["regisseur_organisation_id"] - orgs[0].pk
            to = 1 if n < open_for_one else rng.choice([i for i in range(partners) if i not in (1, sender)] or [1])
            # Sent within two days of the case, but never later than now (a date in the future
            # would refuse a first contact recorded today).
            created = min(case["created_at"] + timedelta(hours=rng.randrange(48)), now)
            if n < open_for_one:
                # Partner 1's inbox holds exactly `open_for_one` open referrals; elsewhere a few are open.
                state = open_states[n % 3]
            elif programme:
                state = rng.choices(
                    [State.CLOSED, State.HANDED_OVER, State.DECLINED, State.WITHDRAWN, State.IN_PROGRESS, State.SENT],
                    weights=[70, 8, 10, 4, 5, 3],
                )[0]
            else:
                state = State.CLOSED if rng.random() < 0.97 else State.SENT
            accepted = state not in (State.SENT, State.DECLINED, State.WITHDRAWN)
            answer = timedelta(hours=rng.randrange(1, 24 * 9)) if programme else timedelta(days=1)
            fields = {}
            if programme:
                if accepted and rng.random() < 0.9:
                    fields["first_contact_on"] = (created + answer + timedelta(days=rng.randrange(6))).date()
                    fields["first_contact_way"] = "phone"
                if state == State.DECLINED:
                    fields["decline_reason"] = rng.choice(reasons)
                    fields["ended_at"] = created + answer
                if state == State.CLOSED:
                    fields["outcome"] = rng.choice(outcomes[:2] * 4 + [o for o in outcomes if o != "handed_over"])
                if state == State.HANDED_OVER:
                    fields["outcome"] = Outcome.HANDED_OVER
                    fields["ended_at"] = created + timedelta(days=20)
            elif state == State.CLOSED:
                fields["outcome"] = "helped"
            consent_id = first_consent + (case["id"] - first_case)
            recipients.setdefault(consent_id, set()).add(orgs[to].pk)
            rows.append(
                dict(
                    id=first_referral + n,
                    case_id=case["id"],
                    consent_id=consent_id,
                    from_organisation_id=case["regisseur_organisation_id"],
                    from_user_id=case["regisseur_id"],
                    service_id=services[to].pk,
                    to_organisation_id=orgs[to].pk,
                    **seal.referral(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    urgency="urgent" if n % 7 == 0 else "normal",
                    state=state,
                    assignee_id=intake[to].pk if accepted else None,
                    created_at=created,
                    sent_at=created,
                    respond_by=created + timedelta(days=5 if not programme else 7),
                    accepted_at=created + answer if accepted else None,
                    closed_at=created + timedelta(days=30) if state == State.CLOSED else None,
                    **fields,
                )
            )
        insert(Referral, rows)
        # Every fifth referral has a second category (a to-many join the report must not double-count).
        insert(
            through,
            [dict(referral_id=r["id"], category_id=category_rows[r["id"] % len(category_rows)].pk) for r in rows]
            + [
                dict(referral_id=r["id"], category_id=category_rows[(r["id"] + 1) % len(category_rows)].pk)
                for r in rows[::5]
            ],
        )
        live = [r for r in rows if r["state"] in open_states]
        insert(
            ReferralGroupObjectPermission,
            [
                dict(group_id=groups[r["to_organisation_id"]], permission_id=receive.pk, content_object_id=r["id"])
                for r in live
            ],
        )
        insert(
            ReferralUserObjectPermission,
            [
                dict(user_id=r["assignee_id"], permission_id=handle.pk, content_object_id=r["id"])
                for r in live
                if r["assignee_id"]
            ],
        )
        made += len(rows)
    insert(
        Consent.recipients.through,
        [dict(consent_id=c, organisation_id=o) for c, organisations in recipients.items() for o in organisations],
    )
    reset_sequences(Resident, Case, Consent, Referral)
    return {"sender": referrers[0], "receiver": intake[1], "orgs": orgs, "referrals": made}


class Sealer:
    """Personal fields of generated rows, encrypted as the models do: one resident's values and data key,
    sealed for each row's own uid (the wrapped key and every field name the uid they belong to)."""

    PURPOSE = "Hulp bij schulden en de post"
    SUMMARY = "Gezin met oplopende schulden; moeder vraagt hulp bij het ordenen van de post en een afspraak."

    def __init__(self, template) -> None:
        from referrals.models import Consent, Referral, Resident, crypto, key_checks

        self.crypto, self.master = crypto, key_checks.wrapping_key()
        self.data_key = template.data_key()
        self.resident_fields = [(a, getattr(template, a.name)) for a in self._attributes(Resident)]
        self.referral_fields = [(a, self.SUMMARY) for a in self._attributes(Referral) if a.name == "summary"]
        self.consent_fields = [(a, self.PURPOSE) for a in self._attributes(Consent) if a.name == "purpose"]
        self.Resident, self.Referral, self.Consent = Resident, Referral, Consent

    def _attributes(self, model) -> list:
        return [
            attribute
            for cls in reversed(model.__mro__)
            for attribute in vars(cls).values()
            if isinstance(attribute, self.crypto.EncryptedAttribute)
        ]

    def _sealed(self, model, fields, uid) -> dict:
        from types import SimpleNamespace

        row = SimpleNamespace(_meta=model._meta, uid=uid)  # what EncryptedAttribute reads for its AAD
        return {
            attribute.column: self.crypto.encrypt_value(self.data_key, value, attribute._aad(row)) if value else ""
            for attribute, value in fields
        }

    def resident(self, uid: uuid.UUID) -> dict:
        wrapped = self.crypto.wrap_data_key(self.data_key, str(uid), self.master)
        return {"uid": uid, "wrapped_data_key": wrapped, **self._sealed(self.Resident, self.resident_fields, uid)}

    def referral(self, uid: uuid.UUID) -> dict:
        return {"uid": uid, **self._sealed(self.Referral, self.referral_fields, uid)}

    def consent(self, uid: uuid.UUID) -> dict:
        return {"uid": uid, **self._sealed(self.Consent, self.consent_fields, uid)}


def insert(model, rows: list[dict]) -> None:
    """Rows (column values by attribute name; the model's defaults for the rest) as bulk inserts.

    On PostgreSQL with COPY and without building model instances: a million referrals in a few
    minutes instead of most of an hour.
    """
    import json

    from django.db import connection

    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.attname not in rows[0])]
    # What a model instance would hold: its default, or "" for a text column without one.
    # (Rows of one batch may name different columns, so every column gets one.)
    defaults = {f.attname: f.get_default() for f in fields if not f.primary_key}
    fresh = [f for f in fields if f.has_default() and callable(f.default)]
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**row) for row in rows], batch_size=BATCH)
        return
    names = [f.attname for f in fields]
    json_columns = {f.attname for f in fields if f.get_internal_type() == "JSONField"}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            values = {**defaults, **{f.attname: f.get_default() for f in fresh if f.attname not in row}, **row}
            copy.write_row([json.dumps(values.get(n)) if n in json_columns else values.get(n) for n in names])


def reset_sequences(*models) -> None:
    """After rows written with their own ids: the next id the database hands out comes after them."""
    from django.core.management.color import no_style
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(models)):
                cursor.execute(sql)
