"""A generated dataset for the list and report benchmarks: many referrals across many partners.

Written with bulk inserts (not through the services: 100,000 handovers through the services take
hours), but shaped as the services leave it: each referral has a category, a receiving grant for
the receiving organisation's group while it is open, a handling grant for its assignee once
accepted, and a resident whose personal fields hold real-sized ciphertexts.

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


def generate(*, referrals: int, partners: int = 40, open_for_one: int = 1000, seed: int = 12) -> dict:
    from django.contrib.auth.models import Permission
    from django.utils import timezone
    from guardian.shortcuts import get_perms  # noqa: F401 (guardian loaded before its models)

    from directory.models import Organisation, Service
    from policies.roles import Role
    from referrals.models import (
        Case,
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
    categories = [CategoryFactory(code=c, name=c.title()) for c in ("schulden", "werk", "taal", "wonen", "zorg")]
    wijken = [WijkFactory(name=f"Wijk {i}") for i in range(10)]
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

    # One resident through the services, for ciphertexts of a real size.
    template = open_case(actor=referrers[0], organisation=orgs[0], categories=categories[:1]).resident
    cipher = {
        f: getattr(template, f)
        for f in (
            "given_name_ciphertext",
            "family_name_ciphertext",
            "birth_year_ciphertext",
            "phone_ciphertext",
            "email_ciphertext",
        )
    }
    has_case_band = any(f.name == "age_band" for f in Case._meta.get_fields())
    bands = ["0-11", "12-17", "18-26", "27-66", "27-66", "27-66", "67+"]

    n_cases = max(1, referrals // 2)
    # Random handles collide at this scale (a case reference has 32 bits): distinct ones here.
    pseudonyms: set[str] = set()
    while len(pseudonyms) < n_cases:
        pseudonyms.add(new_pseudonym())
    residents = Resident.objects.bulk_create(
        [
            Resident(
                pseudonym=pseudonym,
                wrapped_data_key=template.wrapped_data_key,
                match_hash=uuid.uuid4().hex,
                age_band=rng.choice(bands),
                wijk=rng.choice(wijken),
                **cipher,
            )
            for pseudonym in pseudonyms
        ],
        batch_size=BATCH,
    )
    cases = []
    for number, resident in enumerate(residents):
        i = rng.randrange(partners)
        extra = {"age_band": resident.age_band} if has_case_band else {}
        cases.append(
            Case(
                reference=f"C-{number:08X}",
                resident=resident,
                regisseur=referrers[i],
                regisseur_organisation=orgs[i],
                opened_by=referrers[i],
                opened_by_organisation=orgs[i],
                wijk=resident.wijk,
                created_at=now - timedelta(days=rng.randrange(730)),
                **extra,
            )
        )
    cases = Case.objects.bulk_create(cases, batch_size=BATCH)

    open_states = [State.SENT, State.ACCEPTED, State.IN_PROGRESS]
    rows = []
    for n in range(referrals):
        case = cases[n % len(cases)]
        sender = case.regisseur_organisation_id
        to = 1 if n < open_for_one else rng.choice([i for i in range(partners) if i not in (1, sender)] or [1])
        # Partner 1's inbox holds exactly `open_for_one` open referrals; elsewhere a few are open.
        state = open_states[n % 3] if n < open_for_one else (State.CLOSED if rng.random() < 0.97 else State.SENT)
        created = case.created_at + timedelta(hours=rng.randrange(48))
        rows.append(
            Referral(
                case=case,
                from_organisation_id=sender,
                from_user_id=case.regisseur_id,
                service=services[to],
                to_organisation=orgs[to],
                summary_ciphertext=cipher["family_name_ciphertext"] * 4,
                urgency="urgent" if n % 7 == 0 else "normal",
                state=state,
                assignee=intake[to] if state != State.SENT else None,
                created_at=created,
                sent_at=created,
                respond_by=created + timedelta(days=5),
                accepted_at=created + timedelta(days=1) if state != State.SENT else None,
                closed_at=created + timedelta(days=30) if state == State.CLOSED else None,
                outcome="helped" if state == State.CLOSED else "",
            )
        )
    made = Referral.objects.bulk_create(rows, batch_size=BATCH)
    through = Referral.categories.through
    # Every fifth referral has a second category (a to-many join the report must not double-count).
    through.objects.bulk_create(
        [through(referral_id=r.pk, category_id=categories[r.pk % len(categories)].pk) for r in made]
        + [through(referral_id=r.pk, category_id=categories[(r.pk + 1) % len(categories)].pk) for r in made[::5]],
        batch_size=BATCH,
    )
    receive = Permission.objects.get(codename="receive_referral")
    handle = Permission.objects.get(codename="handle_referral")
    groups = {o.pk: o.group_id for o in orgs}
    live = [r for r in made if r.state in open_states]
    ReferralGroupObjectPermission.objects.bulk_create(
        [
            ReferralGroupObjectPermission(group_id=groups[r.to_organisation_id], permission=receive, content_object=r)
            for r in live
        ],
        batch_size=BATCH,
    )
    ReferralUserObjectPermission.objects.bulk_create(
        [
            ReferralUserObjectPermission(user_id=r.assignee_id, permission=handle, content_object=r)
            for r in live
            if r.assignee_id
        ],
        batch_size=BATCH,
    )
    return {"sender": referrers[0], "receiver": intake[1], "orgs": orgs, "referrals": len(made)}
