# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Load test: mixed journeys against hello-world, both on the same gunicorn (locust, headless).

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/load_test.py --referrals 100000 --keep
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/load_test.py --reuse          # same dataset again
    .venv/bin/python benchmarks/load_test.py --referrals 60 --partners 3 --users 4 --duration 3   # smoke, SQLite

Builds a test database with benchmarks/dataset.py (or, with --reuse, takes the one an earlier
--keep run left), adds log-in-able accounts — intake workers and referrers at several partners,
each with a TOTP device — and starts gunicorn as deploy/systemd/overdracht.service does (4 sync
workers, max-requests) in production mode: DEBUG off, every middleware, secure cookies, HTTPS
behind the proxy and two-factor login (benchmarks/load_settings.py says what differs). The
simulated users play nginx and the browser: X-Forwarded-Proto and Origin as the proxy and a
browser send them, cookies back as a browser sends them over HTTPS.

Each simulated user logs in once through the real pages (password, then the code of its TOTP
device), then loops with a think time between pages:
- an intake worker opens /inbox/, opens a referral sent to its partner, accepts it (the form's
  CSRF and one-time token) and records the first contact;
- a referrer opens /verstuurd/, one of its partner's cases and a Wegwijzer search.
An error is any answer other than 2xx/3xx, a page where a redirect to the login was not
expected, and a form answered with a page (a refusal or a form error) where it should redirect.

Phases, each for --duration seconds after every user has logged in (logins are not counted):
hello-world and mixed journeys at each --users count with --think seconds between pages, and
(unless --no-capacity) both again without think time: the most requests/s this gunicorn serves.
Prints requests/s, p50, p95 and errors per phase and the ratios mixed / hello-world.
--profile adds where the workers' time goes (cProfile and statements per view).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load-test-password-" + "x" * 12
STATE = Path(tempfile.gettempdir()) / "overdracht-load-test"
DEVICE_NAME = "load test"


# --- The parent: dataset, accounts, gunicorn ------------------------------------------------


def production_environment(state: Path) -> dict[str, str]:
    """Production mode's required settings, with keys made for this dataset (kept beside it for --reuse)."""
    keys_file = state / "keys.json"
    if keys_file.exists():
        keys = json.loads(keys_file.read_text())
    else:
        keys = {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "FIELD_ENCRYPTION_KEYS": "load1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "RESIDENT_MATCH_KEY": secrets.token_urlsafe(40),
            "ERASURE_JOURNAL_KEY": secrets.token_urlsafe(40),
        }
        keys_file.write_text(json.dumps(keys))
        keys_file.chmod(0o600)
    return {
        **keys,
        "OVERDRACHT_PRODUCTION": "1",
        "DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings",
        "ALLOWED_HOSTS": "127.0.0.1",
        "BEHIND_TLS_PROXY": "1",
        "ERASURE_JOURNAL_PATH": str(state / "erasure-journal.jsonl"),
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }


def test_database_url(connection) -> str:
    """DATABASE_URL for gunicorn: the test database this process made."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    url = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(url._replace(path="/" + name))


def accounts(*, partners: int, users: int, intake_share: float) -> dict:
    """Accounts for the simulated users (made once per dataset), each with a TOTP device, and their work.

    Intake worker k works at partner k mod `partners` and accepts the referrals sent there whose id
    leaves remainder j when divided by that partner's number of simulated intake workers (j: its
    place among them), so no two accept the same one. Referrer k opens its partner's cases.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from directory.models import Organisation
    from policies.roles import Role
    from referrals.models import Case, Referral, State
    from tests.factories import member

    User = get_user_model()
    orgs = list(Organisation.objects.filter(slug__startswith="partner-").order_by("slug")[:partners])
    n_intake = max(1, round(users * intake_share)) if users > 1 else 1
    n_referrers = max(1, users - n_intake)
    password = make_password(PASSWORD)  # one hash for all: the slow hasher once, not per account
    plan: dict = {"intake": [], "referrers": []}

    def account(username: str, org, role) -> dict:
        user, made = User.objects.get_or_create(username=username, defaults={"password": password})
        member(user, org, role)
        device = TOTPDevice.objects.filter(user=user, name=DEVICE_NAME).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
        return {"username": username, "totp_key": device.key}

    per_org: dict[int, int] = {}
    for k in range(n_intake):
        org = orgs[k % len(orgs)]
        per_org[org.pk] = per_org.get(org.pk, 0) + 1
    places: dict[int, int] = {}
    for k in range(n_intake):
        org = orgs[k % len(orgs)]
        place = places[org.pk] = places.get(org.pk, -1) + 1
        sent = (
            Referral.objects.filter(to_organisation=org, state=State.SENT).order_by("pk").values_list("pk", flat=True)
        )
        queue = [pk for pk in sent if pk % per_org[org.pk] == place]
        plan["intake"].append({**account(f"last-intake-{k:03}", org, Role.INTAKE), "referrals": queue})
    for k in range(n_referrers):
        org = orgs[k % len(orgs)]
        cases = list(Case.objects.filter(opened_by_organisation=org).order_by("?").values_list("pk", flat=True)[:50])
        plan["referrers"].append({**account(f"last-verwijzer-{k:03}", org, Role.REFERRER), "cases": cases})
    return plan


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env: dict[str, str], *, workers: int, port: int, log) -> subprocess.Popen:
    """gunicorn as deploy/systemd/overdracht.service starts it (its options), on a free port."""
    command = [
        *(sys.executable, "-m", "gunicorn", "config.wsgi"),
        *("--bind", f"127.0.0.1:{port}", "--workers", str(workers)),
        *("--forwarded-allow-ips", "127.0.0.1"),
        *("--max-requests", "2000", "--max-requests-jitter", "200"),
        *("--timeout", "60", "--graceful-timeout", "30"),
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)  # noqa: S603
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start (exit {server.returncode}); its log: {log.name}")
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/health/", headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310 - http://127.0.0.1 only
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise SystemExit(f"gunicorn did not answer /health/ within 60 s; its log: {log.name}")


def stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def run_phase(*, base_url: str, kind: str, users: int, think: float, duration: float, plan: dict) -> dict:
    """One phase in a child process (locust monkey-patches the process with gevent: not this one)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    # Each account logs in once per phase: a new phase may use the code of the step the last one used.
    TOTPDevice.objects.filter(name=DEVICE_NAME).update(last_t=-1)
    with tempfile.TemporaryDirectory() as scratch:
        job = Path(scratch) / "phase.json"
        job.write_text(
            json.dumps(
                {"base_url": base_url, "kind": kind, "users": users, "think": think, "duration": duration, "plan": plan}
            )
        )
        subprocess.run([sys.executable, __file__, "--phase", str(job)], check=True, cwd=ROOT)  # noqa: S603
        return json.loads((Path(scratch) / "result.json").read_text())


def profile_report(directory: Path, top: int) -> None:
    import pstats

    views: dict[str, dict[str, float]] = {}
    for part in directory.glob("*.json"):
        for name, figures in json.loads(part.read_text()).items():
            total = views.setdefault(name, dict.fromkeys(figures, 0.0))
            for key, value in figures.items():
                total[key] = total.get(key, 0.0) + value
    print("\nPer view, in the workers (profiled; cProfile slows Python code down):")
    print(f"  {'view':48} {'requests':>8} {'ms/req':>7} {'db ms':>6} {'stmts':>6}")
    for name, v in sorted(views.items(), key=lambda item: -item[1]["seconds"]):
        n = v["requests"]
        print(
            f"  {name[:48]:48} {n:8.0f} {v['seconds'] / n * 1000:7.1f} "
            f"{v['database_seconds'] / n * 1000:6.1f} {v['statements'] / n:6.1f}"
        )
    profiles = [str(p) for p in directory.glob("*.prof")]
    if profiles:
        stats = pstats.Stats(*profiles)
        print(f"\nTop {top} functions by own time (all workers):")
        stats.sort_stats("tottime").print_stats(top)
        print(f"Top {top} by cumulative time:")
        stats.sort_stats("cumulative").print_stats(top)


def main(args) -> None:
    state = Path(args.state)
    state.mkdir(parents=True, exist_ok=True)
    environment = production_environment(state)
    os.environ.update(environment)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    # A database of its own (the test suite's test_<name> would clobber a kept dataset, and back).
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(state / "load-test.sqlite3")
    else:
        connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_load_test"
    old_name = connection.settings_dict["NAME"]
    start = time.perf_counter()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=args.reuse)
    try:
        if not args.reuse:
            from dataset import generate

            world = generate(referrals=args.referrals, partners=args.partners, open_for_one=args.open)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            print(
                f"Dataset: {world['referrals']} referrals, {args.partners} partners ({time.perf_counter() - start:.0f} s)"
            )
        plan = accounts(partners=args.partners, users=max(args.users), intake_share=args.intake_share)
        queued = sum(len(u["referrals"]) for u in plan["intake"])
        connection.close()  # gunicorn's workers open their own
        run(
            args, {**os.environ, **environment, "DATABASE_URL": test_database_url(connection)}, plan, queued, connection
        )
    finally:
        connection.close()
        if not (args.keep or args.reuse):
            connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args, env: dict[str, str], plan: dict, queued: int, connection) -> None:
    profile_dir = Path(tempfile.mkdtemp(prefix="load-profile-")) if args.profile else None
    if profile_dir:
        env["LOAD_TEST_PROFILE"] = str(profile_dir)
    port = free_port()
    log_path = Path(args.state) / "gunicorn.log"
    with log_path.open("w") as log:
        server = start_gunicorn(env, workers=args.workers, port=port, log=log)
        try:
            phases = [(kind, users, args.think) for users in args.users for kind in ("hello", "mixed")]
            if args.capacity:
                phases += [(kind, args.users[0], 0.0) for kind in ("hello", "mixed")]
            results = []
            for kind, users, think in phases:
                # Hello-world's users log in with the same accounts as the journeys' users.
                result = run_phase(
                    base_url=f"http://127.0.0.1:{port}",
                    kind=kind,
                    users=users,
                    think=think,
                    duration=args.duration,
                    plan=plan,
                )
                results.append((kind, users, think, result))
                taken = set(result["taken"])  # a referral is accepted once: the next phase takes others
                for intake in plan["intake"]:
                    intake["referrals"] = [pk for pk in intake["referrals"] if pk not in taken]
        finally:
            stop(server)
    print(
        f"Load test ({connection.vendor}), gunicorn {args.workers} sync workers, production settings, "
        f"{args.duration:.0f} s per phase after the logins; {os.cpu_count()} CPUs, load generator on the same machine"
    )
    print(f"  {'phase':28} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'requests':>8} {'errors':>6} {'gen CPU':>7}")
    by_key = {}
    for kind, users, think, r in results:
        label = f"{'hello-world' if kind == 'hello' else 'mixed journeys'} {users} u, think {think:g} s"
        by_key[(kind, users, think)] = r
        print(
            f"  {label:28} {r['rps']:7.1f} {r['p50']:7.0f} {r['p95']:7.0f} {r['requests']:8} {r['errors']:6} "
            f"{r['generator_cpu']:6.0%}"
        )
        for message in r["error_samples"]:
            print(f"      error: {message}")
    for kind, users, think, r in results:
        if kind == "mixed":
            hello = by_key[("hello", users, think)]
            print(
                f"  mixed / hello-world, {users} users, think {think:g} s: "
                f"{r['rps'] / max(hello['rps'], 1e-9):.0%} of the requests/s, p95 {r['p95'] / max(hello['p95'], 1):.1f}×"
            )
    mixed = [r for kind, _u, _t, r in results if kind == "mixed"]
    accepted = sum(r["accepted"] for r in mixed)
    print(f"  referrals accepted: {accepted} of {queued} queued (a --reuse run has fewer left)")
    if args.per_page:
        for kind, users, think, r in results:
            if kind == "mixed":
                print(f"\nPer page, mixed journeys {users} users, think {think:g} s:")
                for name, p in sorted(r["pages"].items()):
                    print(
                        f"  {name:34} {p['requests']:6} req  p50 {p['p50']:6.0f} ms  p95 {p['p95']:6.0f} ms  {p['errors']} err"
                    )
    if profile_dir:
        profile_report(profile_dir, args.top)
        shutil.rmtree(profile_dir)


# --- The child: locust, headless --------------------------------------------------------------


def totp(hex_key: str, at: float) -> str:
    """RFC 6238 with django-otp's defaults (30 s steps, 6 digits, SHA-1): the code an app shows."""
    import hashlib
    import hmac
    import struct

    digest = hmac.new(bytes.fromhex(hex_key), struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06}"


def phase(job_path: str) -> None:
    import random
    import re
    import resource
    from itertools import count

    import gevent
    from locust import HttpUser, task
    from locust.env import Environment
    from locust.exception import StopUser

    job = json.loads(Path(job_path).read_text())
    base, think = job["base_url"], job["think"]
    origin = "https://" + urlsplit(base).netloc
    refusal = re.compile(r'class="[^"]*(?:error|alert)[^"]*"[^>]*>\s*([^<]{3,})')
    field = re.compile(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"')
    logged_in: list[int] = []
    not_in: list[int] = []
    accepted: list[int] = []
    taken: list[int] = []
    samples: list[str] = []
    # Intake workers and referrers interleaved in their proportion: any number of users has the mix.
    intake, referrers = job["plan"]["intake"], job["plan"]["referrers"]
    placed = [((i + 0.5) / len(intake), a) for i, a in enumerate(intake)]
    placed += [((i + 0.5) / len(referrers), a) for i, a in enumerate(referrers)]
    roster = [account for _, account in sorted(placed, key=lambda pair: pair[0])]
    numbering = count()

    class Refused(Exception):
        pass

    class Simulated(HttpUser):
        host = base
        abstract = True

        def wait_time(self):
            return think

        def on_start(self):
            self.client.headers.update({"X-Forwarded-Proto": "https", "Origin": origin})
            self.me = roster[next(numbering) % len(roster)]
            try:
                tokens = self.page("/inloggen/", name="login")
                self.post("/inloggen/", {**tokens, "username": self.me["username"], "password": PASSWORD}, "login")
                self.second_step()
            except Refused:
                not_in.append(1)
                raise StopUser from None
            logged_in.append(1)

        def second_step(self) -> None:
            """The code of the TOTP device. A login queued behind others (each password check is
            slow on purpose) may answer after the code's 30 s: then the user types the next one."""
            for last in (False, True):
                tokens = self.page("/inloggen/code/", name="login")
                form = {**tokens, "token": totp(self.me["totp_key"], time.time())}
                if last:
                    self.post("/inloggen/code/", form, "login")
                    return
                with self.client.post(
                    "/inloggen/code/",
                    data=form,
                    name="login",
                    headers={"Referer": origin + "/inloggen/code/"},
                    allow_redirects=False,
                    catch_response=True,
                ) as answer:
                    self.as_the_browser()
                    if answer.status_code in (302, 303):
                        return
                    answer.success()  # the user reads "expired" and types the next code

        def as_the_browser(self) -> None:
            """Cookies go back as a browser sends them over HTTPS: this connection is the one nginx
            makes after TLS, so the Secure ones too (requests would keep them to https:// URLs)."""
            for cookie in self.client.cookies:
                cookie.secure = False

        def pause(self):
            gevent.sleep(think)

        def page(self, url: str, *, name: str) -> dict:
            """GET a page that must answer 200 (a redirect here means the session was lost); its form's tokens."""
            with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as answer:
                self.as_the_browser()
                if answer.status_code != 200:
                    self.fail(answer, f"GET {name}: {answer.status_code} {answer.headers.get('Location', '')}")
                    raise Refused
                return dict(field.findall(answer.text))

        def post(self, url: str, data: dict, name: str) -> str:
            """POST a form that must redirect (an answer with a page is a refusal or a form error)."""
            headers = {"Referer": origin + url}
            with self.client.post(
                url, data=data, name=name, headers=headers, allow_redirects=False, catch_response=True
            ) as answer:
                self.as_the_browser()
                if answer.status_code not in (302, 303):
                    said = " ".join(refusal.findall(answer.text or "")[:2])[:160]
                    self.fail(answer, f"POST {name}: {answer.status_code} (expected a redirect) {said}")
                    raise Refused
                return answer.headers["Location"]

        def fail(self, answer, message: str) -> None:
            answer.failure(message)
            if len(samples) < 5:
                samples.append(message)

    class Hello(Simulated):
        @task
        def hello(self):
            self.page("/hello/", name="hello")

    class Mixed(Simulated):
        @task
        def journey(self):
            try:
                if "referrals" in self.me:
                    self.intake()
                else:
                    self.referrer()
            except Refused:
                pass

        def intake(self):
            self.page("/inbox/", name="/inbox/")
            self.pause()
            if not self.me["referrals"]:
                return  # nothing left to accept (a long run or a reused dataset)
            pk = self.me["referrals"].pop(0)
            taken.append(pk)
            tokens = self.page(f"/verwijzingen/{pk}/", name="/verwijzingen/[id]/")
            self.pause()
            location = self.post(f"/verwijzingen/{pk}/aannemen/", tokens, "/verwijzingen/[id]/aannemen/ POST")
            accepted.append(pk)
            self.page(location, name="/verwijzingen/[id]/")
            self.pause()
            url = f"/verwijzingen/{pk}/eerste-contact/"
            tokens = self.page(url, name="/verwijzingen/[id]/eerste-contact/")
            self.pause()
            today = datetime.now(ZoneInfo("Europe/Amsterdam")).date().isoformat()  # the server's TIME_ZONE
            form = {**tokens, "on": today, "way": "phone", "note": ""}
            location = self.post(url, form, "/verwijzingen/[id]/eerste-contact/ POST")
            self.page(location, name="/verwijzingen/[id]/")

        def referrer(self):
            self.page("/verstuurd/", name="/verstuurd/")
            self.pause()
            self.page(f"/casussen/{random.choice(self.me['cases'])}/", name="/casussen/[id]/")
            self.pause()
            self.page("/wegwijzer/?zoek=dienst", name="/wegwijzer/?zoek=")

    user_class = Hello if job["kind"] == "hello" else Mixed
    env = Environment(user_classes=[user_class], host=base)
    runner = env.create_local_runner()
    users = job["users"]
    runner.start(users, spawn_rate=min(users, 10))
    deadline = time.monotonic() + 120 + users
    while len(logged_in) + len(not_in) < users and time.monotonic() < deadline:
        gevent.sleep(0.2)
    if len(logged_in) < users:
        samples.append(f"only {len(logged_in)} of {users} users logged in")
    env.stats.reset_all()
    cpu_start, start = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
    gevent.sleep(job["duration"])
    cpu_end, elapsed = resource.getrusage(resource.RUSAGE_SELF), time.monotonic() - start
    total = env.stats.total
    pages = {
        name: {
            "requests": entry.num_requests,
            "errors": entry.num_failures,
            "p50": entry.get_response_time_percentile(0.5) or 0,
            "p95": entry.get_response_time_percentile(0.95) or 0,
        }
        for (name, _method), entry in env.stats.entries.items()
    }
    result = {
        "rps": total.num_requests / elapsed,
        "p50": total.get_response_time_percentile(0.5) or 0,
        "p95": total.get_response_time_percentile(0.95) or 0,
        "requests": total.num_requests,
        "errors": total.num_failures + (users - len(logged_in)),
        "error_samples": samples,
        "accepted": len(accepted),
        "taken": taken,
        "pages": pages,
        "generator_cpu": (cpu_end.ru_utime + cpu_end.ru_stime - cpu_start.ru_utime - cpu_start.ru_stime) / elapsed,
    }
    runner.quit()
    (Path(job_path).parent / "result.json").write_text(json.dumps(result))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # the child process that runs locust
    parser.add_argument("--referrals", type=int, default=100_000, help="referrals in the dataset (default 100000)")
    parser.add_argument("--partners", type=int, default=40, help="partner organisations (default 40)")
    parser.add_argument("--open", type=int, default=1000, help="open referrals in partner 1's inbox (default 1000)")
    parser.add_argument("--users", type=int, nargs="+", default=[50], help="simulated users per phase (default 50)")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between a user's pages (default 1)")
    parser.add_argument("--duration", type=float, default=60, help="seconds measured per phase (default 60)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4, as deploy/)")
    parser.add_argument("--intake-share", type=float, default=0.5, help="share of intake workers (default 0.5)")
    parser.add_argument("--no-capacity", dest="capacity", action="store_false", help="skip the runs without think time")
    parser.add_argument("--keep", action="store_true", help="keep the test database for --reuse")
    parser.add_argument("--reuse", action="store_true", help="use the database an earlier --keep run left")
    parser.add_argument("--per-page", action="store_true", help="print p50/p95 per page of the mixed journeys")
    parser.add_argument("--profile", action="store_true", help="profile the workers (cProfile, statements per view)")
    parser.add_argument("--top", type=int, default=25, help="functions shown with --profile (default 25)")
    parser.add_argument("--state", default=str(STATE), help=f"the dataset's keys and gunicorn's log (default {STATE})")
    args = parser.parse_args()
    if args.phase:
        phase(args.phase)
    else:
        if args.referrals < 1 or args.partners < 3 or min(args.users) < 1 or not 0 <= args.open <= args.referrals:
            parser.error("--referrals and --users at least 1, --partners at least 3, --open at most --referrals")
        main(args)
