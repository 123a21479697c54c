# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: complete handovers per second through the services vs the same transactions as bare SQL.

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/handovers.py [--handovers 40]

A handover is five transactions: create, send, accept, first contact, close. Through the
services (referrals.services, with policy checks, grants, notifications and the audit trail)
it runs with 1 process and with 2 processes at once (same organisations, their own cases).
The floor is the same five transactions as bare SQL (psycopg, autocommit off): each locks the
referral row and writes copies of the rows one handover through the services wrote in that
transaction (referral, categories, events, notifications, follow-ups, grants, audit entries,
unchained) — roughly the same rows, none of the work around them.

Prints handovers/s for each, the ratios (goals: services ≥ 0.5× bare SQL with 1 process;
2 processes ≥ 1.7× 1 process), the statements and audit entries of one handover, and the
share of time the 2 service processes waited for a lock (pg_stat_activity sampled every 10 ms;
unlike the rates, it hardly depends on what else the machine is doing).
On PostgreSQL only (processes need a server); SQLite answers with a message.
"""

import argparse
import multiprocessing
import time

from _setup import benchmark_database, school_and_kredietbank

# The tables one handover writes rows to, and the column that names the referral in each.
TABLES = {
    "referrals_referral": "id",
    "referrals_referral_categories": "referral_id",
    "referrals_referralevent": "referral_id",
    "referrals_notification": "referral_id",
    "referrals_followup": "referral_id",
    "referrals_referraluserobjectpermission": "content_object_id",
    "referrals_referralgroupobjectpermission": "content_object_id",
    "referrals_auditentry": None,
}
STEPS = ("create", "send", "accept", "first_contact", "close")


def build(cases: int) -> dict:
    from policies.roles import Role
    from tests.factories import UserFactory, give_consent, member, open_case

    world = school_and_kredietbank()
    schulden, school, bank, service, fatima = world.schulden, world.school, world.bank, world.service, world.fatima
    kees = member(UserFactory(username="kees"), bank, Role.INTAKE)
    case_ids = []
    for _ in range(cases):
        case = open_case(actor=fatima, organisation=school, categories=[schulden])
        give_consent(case=case, actor=fatima, organisation=school, recipients=[bank])
        case_ids.append(case.pk)
    return {
        "school": school.pk,
        "service": service.pk,
        "schulden": schulden.pk,
        "fatima": fatima.pk,
        "kees": kees.pk,
        "cases": case_ids,
    }


def handover(ids: dict, case_id: int, step_done=None) -> None:
    """One complete handover through the services; `step_done(name)` after each transaction."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from directory.models import Category, Organisation, Service
    from referrals import services
    from referrals.models import Case

    fatima, kees = User.objects.get(pk=ids["fatima"]), User.objects.get(pk=ids["kees"])
    done = step_done or (lambda name: None)
    referral = services.referral_create(
        case=Case.objects.get(pk=case_id),
        actor=fatima,
        organisation=Organisation.objects.get(pk=ids["school"]),
        service=Service.objects.get(pk=ids["service"]),
        summary="Hulp bij schulden.",
        categories=[Category.objects.get(pk=ids["schulden"])],
        shared_data=["contact"],
    )
    done("create")
    services.referral_send(referral=referral, actor=fatima)
    done("send")
    services.referral_accept(referral=referral, actor=kees)
    done("accept")
    services.referral_record_first_contact(referral=referral, actor=kees, on=timezone.localdate(), way="phone")
    done("first_contact")
    services.referral_close(referral=referral, actor=kees, outcome="helped", note="Klaar.")
    done("close")


def _max_ids(cursor) -> dict:
    found = {}
    for table in TABLES:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608 - names from TABLES
        found[table] = cursor.fetchone()[0]
    return found


def record_template(ids: dict, case_id: int) -> tuple[dict, int, int]:
    """One handover through the services: per step the rows it wrote; its statements and entries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    template: dict = {}
    with connection.cursor() as cursor:
        marks = [_max_ids(cursor)]

        def step_done(name):
            with connection.cursor() as c:
                marks.append(_max_ids(c))
            template[name] = {t: (marks[-2][t], marks[-1][t]) for t in TABLES}

        with CaptureQueriesContext(connection) as ctx:
            handover(ids, case_id, step_done)
    measuring = 5 * len(TABLES)  # the max(id) reads above
    entries = marks[-1]["referrals_auditentry"] - marks[0]["referrals_auditentry"]
    return template, len(ctx.captured_queries) - measuring, entries


def _run(target, args_per_process: list, dsn: dict | None = None) -> tuple[float, float]:
    """Start the processes together; the wall time until the last is done, and (with `dsn`) the
    share of the processes' time their database sessions spent waiting for a lock (sampled)."""
    import threading

    from django.db import connections

    connections.close_all()  # each process opens its own
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(args_per_process) + 1)
    processes = [context.Process(target=target, args=(barrier, *args)) for args in args_per_process]
    for process in processes:
        process.start()
    waiting = [0, 0]  # sessions seen waiting for a lock, sessions seen
    done = threading.Event()
    sampler = threading.Thread(target=_sample_lock_waits, args=(dsn, len(processes), done, waiting))
    barrier.wait()
    started = time.perf_counter()
    if dsn:
        sampler.start()
    for process in processes:
        process.join()
        if process.exitcode:
            raise SystemExit(f"a benchmark process failed (exit status {process.exitcode})")
    elapsed = time.perf_counter() - started
    done.set()
    if dsn:
        sampler.join()
    return elapsed, waiting[0] / waiting[1] if waiting[1] else 0.0


def _sample_lock_waits(dsn: dict, sessions: int, done, waiting: list) -> None:
    import psycopg

    with psycopg.connect(**dsn, autocommit=True) as conn:
        while not done.is_set():
            row = conn.execute(
                "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock') FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            ).fetchone()
            waiting[0] += row[0]
            waiting[1] += sessions
            time.sleep(0.01)


def _services_worker(barrier, ids: dict, case_ids: list) -> None:
    barrier.wait()
    for case_id in case_ids:
        handover(ids, case_id)


def _bare_worker(barrier, dsn: dict, template: dict, count: int, offset: int) -> None:
    import psycopg

    with psycopg.connect(**dsn) as conn:
        columns = {}
        with conn.cursor() as cursor:
            for table in TABLES:
                cursor.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
                    [table],
                )
                columns[table] = [row[0] for row in cursor.fetchall()]
        conn.commit()
        barrier.wait()
        for n in range(count):
            _bare_handover(conn, template, columns, offset + n * 100)


def _copy_rows(cursor, table: str, first: int, last: int, columns: list, referral_column, referral_id, entry_id):
    """Copy the template rows first < id <= last of `table` for another referral (new ids)."""
    if last <= first:
        return None
    if table == "referrals_auditentry":
        for template_id in range(first + 1, last + 1):
            entry_id[0] += 1
            rest = ", ".join(c for c in columns if c != "id")
            sql = f"INSERT INTO {table} (id, {rest}) SELECT %s, {rest} FROM {table} WHERE id = %s"  # noqa: S608
            cursor.execute(sql, [entry_id[0], template_id])
        return None
    # Names from TABLES and the catalogue, never input: hence the noqa.
    rest = ", ".join(c for c in columns if c not in ("id", referral_column))
    if table == "referrals_referral":
        rest = ", ".join(c for c in columns if c not in ("id", "uid"))
        sql = f"INSERT INTO {table} (uid, {rest}) SELECT gen_random_uuid(), {rest} FROM {table} WHERE id = %s RETURNING id"  # noqa: S608
        cursor.execute(sql, [last])
        return cursor.fetchone()[0]
    if "uid" in columns:  # a unique uid (a follow-up's, since its note is sealed): a fresh one per copy
        rest = ", ".join(c for c in columns if c not in ("id", "uid", referral_column))
        sql = f"INSERT INTO {table} (uid, {referral_column}, {rest}) SELECT gen_random_uuid(), %s, {rest} FROM {table} WHERE id > %s AND id <= %s"  # noqa: S608
    else:
        sql = (
            f"INSERT INTO {table} ({referral_column}, {rest}) SELECT %s, {rest} FROM {table} WHERE id > %s AND id <= %s"  # noqa: S608
        )
    cursor.execute(sql, [referral_id, first, last])
    return None


def _bare_handover(conn, template: dict, columns: dict, entry_base: int) -> None:
    referral_id = None
    entry_id = [entry_base]
    # What each transition sets on the referral row (the services set a few more columns).
    changes = {
        "send": "state = 'sent', sent_at = now()",
        "accept": "state = 'accepted', accepted_at = now()",
        "first_contact": "state = 'in_progress', first_contact_on = current_date",
        "close": "state = 'closed', closed_at = now(), ended_at = now()",
    }
    for step in STEPS:
        with conn.cursor() as cursor:
            if referral_id is not None:
                cursor.execute(
                    "SELECT id, state FROM referrals_referral WHERE id = %s FOR NO KEY UPDATE", [referral_id]
                )
                cursor.execute(f"UPDATE referrals_referral SET {changes[step]} WHERE id = %s", [referral_id])  # noqa: S608
            for table, referral_column in TABLES.items():
                first, last = template[step][table]
                if table == "referrals_referral" and referral_id is not None:
                    continue
                new = _copy_rows(cursor, table, first, last, columns[table], referral_column, referral_id, entry_id)
                if new is not None:
                    referral_id = new
        conn.commit()


def main(count: int) -> None:
    with benchmark_database() as connection:
        if connection.vendor != "postgresql":
            print("handovers: PostgreSQL only (set DATABASE_URL=postgres://…)")
            return
        from django.db import connection as conn

        # The triggers refuse nothing the bare SQL does (inserts only), so they stay on.
        ids = build(1 + 3 * count)
        cases = ids["cases"]
        template, statements, entries = record_template(ids, cases[0])
        params = conn.get_connection_params()
        dsn = {k: v for k, v in params.items() if k in ("dbname", "user", "password", "host", "port")}

        one_time, _ = _run(_services_worker, [(ids, cases[1 : 1 + count])])
        two_time, two_waiting = _run(
            _services_worker,
            [(ids, cases[1 + count : 1 + 2 * count]), (ids, cases[1 + 2 * count : 1 + 3 * count])],
            dsn,
        )
        one, two = count / one_time, 2 * count / two_time
        base = 10**12
        bare_one = count / _run(_bare_worker, [(dsn, template, count, base)])[0]
        bare_two = (
            2
            * count
            / _run(_bare_worker, [(dsn, template, count, base + 10**9), (dsn, template, count, base + 2 * 10**9)])[0]
        )
        print(f"Complete handovers (create, send, accept, first contact, close), {count} per process")
        print(f"  one handover: {statements} statements, {entries} audit entries")
        print(f"  services: {one:7.1f} /s with 1 process, {two:7.1f} /s with 2 ({two / one:.2f}×; goal ≥ 1.7×)")
        print(f"  bare SQL: {bare_one:7.1f} /s with 1 process, {bare_two:7.1f} /s with 2 ({bare_two / bare_one:.2f}×)")
        print(f"  services, 2 processes: {two_waiting:.0%} of their time waiting for a lock")
        print(f"  services / bare SQL, 1 process: {one / bare_one:.2f}× (goal ≥ 0.5×)")
        print(f"  services / bare SQL, 2 processes: {two / bare_two:.2f}×")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--handovers", type=int, default=40, help="handovers per process and run (default 40)")
    main(parser.parse_args().handovers)
