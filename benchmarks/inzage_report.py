# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: time to produce the inzage for a resident with 50 referrals.

    /work/main/.venv/bin/python benchmarks/inzage_report.py            # SQLite
    DATABASE_URL=postgres://… /work/main/.venv/bin/python benchmarks/inzage_report.py

Builds a throw-away test database, takes one resident through 50 referrals
(send, accept, view, first contact, close: ~700 audit entries), then times
collecting the data, the whole logged inzage, and rendering the HTML document.
"""

import statistics
import sys
import time

from _setup import benchmark_database


def build(n_referrals: int):
    from datetime import timedelta

    from django.utils import timezone

    from audit.services.trail import log_access
    from policies.roles import Role
    from referrals import services
    from tests.factories import CategoryFactory, OrganisationFactory, ServiceFactory, UserFactory, member, open_case

    schulden = CategoryFactory(code="schulden", name="Schulden")
    school = OrganisationFactory(slug="waterlelie", name="Kwadraad — De Waterlelie")
    bank = OrganisationFactory(slug="kredietbank", name="Kredietbank")
    service = ServiceFactory(organisation=bank, name="Schuldhulp", categories=[schulden])
    fatima = member(UserFactory(username="fatima"), school, Role.REFERRER)
    kees = member(UserFactory(username="kees"), bank, Role.INTAKE)
    case = open_case(actor=fatima, organisation=school, categories=[schulden])
    services.consent_record(
        case=case,
        actor=fatima,
        organisation=school,
        purpose="Hulp bij schulden",
        recipients=[bank],
        data_categories=["contact", "summary", "needs"],
        given_how="spoken",
        informed_language="nl",
        valid_until=timezone.localdate() + timedelta(days=90),
    )
    for i in range(n_referrals):
        referral = services.referral_create(
            case=case,
            actor=fatima,
            organisation=school,
            service=service,
            categories=[schulden],
            summary=f"Aanmaningen van de energieleverancier, verzoek {i}; wil hulp bij een regeling.",
            shared_data=["contact", "summary", "needs"],
        )
        services.referral_send(referral=referral, actor=fatima)
        services.referral_accept(referral=referral, actor=kees)
        log_access(
            actor=kees,
            obj=referral,
            activity="referral",
            organisation=bank,
            reason="intake",
            fields=("contact", "summary"),
        )
        services.referral_record_first_contact(referral=referral, actor=kees, on=timezone.localdate(), way="phone")
        services.referral_close(referral=referral, actor=kees, outcome="helped", note="Regeling getroffen.")
    return case.resident, fatima


def timed(fn, repeats: int) -> tuple[float, object]:
    runs, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), result


def main(n_referrals: int, repeats: int) -> None:
    with benchmark_database() as connection:
        from django.db import reset_queries
        from django.template.loader import render_to_string
        from django.test.utils import CaptureQueriesContext

        from audit.models import AuditEntry
        from referrals.models import Resident
        from referrals.services.subject_rights import collect, inzage_report

        resident, fatima = build(n_referrals)
        resident = Resident.objects.get(pk=resident.pk)
        entries = AuditEntry.objects.filter(pseudonym=resident.pseudonym).count()
        collect_ms, report = timed(lambda: collect(Resident.objects.get(pk=resident.pk)), repeats)
        full_ms, _ = timed(lambda: inzage_report(resident=Resident.objects.get(pk=resident.pk), actor=fatima), repeats)
        render_ms, html = timed(
            lambda: render_to_string("rights/inzage.html", {"report": report, "resident": resident}), repeats
        )
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            collect(Resident.objects.get(pk=resident.pk))
        print(
            f"Inzage for one resident with {len(report['referrals'])} referrals and {entries} audit entries "
            f"({connection.vendor}), median of {repeats} runs"
        )
        print(f"  collect the data (decrypt, {len(queries)} queries)   {collect_ms:8.1f} ms")
        print(f"  inzage_report (logged + collect)          {full_ms:8.1f} ms")
        print(f"  render the HTML document ({len(html) // 1024} KiB)       {render_ms:8.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50, int(sys.argv[2]) if len(sys.argv) > 2 else 10)
