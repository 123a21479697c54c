# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Hardening (issue 11, point 2): a wrong master key under a known id, and weak or malformed keys, are refused."""

import base64
import hashlib
import hmac
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import override_settings

from referrals.checks import refuse_to_start_with_key_problems
from referrals.models import KeyCheck, Resident, crypto
from referrals.models.key_checks import KeyCheckFailed, verify
from tests.factories import open_case
from tests.privacy.helpers import new_key

ROOT = Path(__file__).resolve().parent.parent.parent
DEV_KEY_B64 = "ZGV2LW9ubHktbWFzdGVyLWtleS0zMi1ieXRlcyEhISE="  # the published development key
STRONG_MATCH_KEY = base64.urlsafe_b64encode(bytes(range(100, 132))).decode()
STRONG_SECRET_KEY = "a-production-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"


def _error_ids(*, deploy=True):
    # Only the key checks: others depend on the test process (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    return [
        m.id for m in run_checks(include_deployment_checks=deploy) if m.is_serious() and m.id.startswith("referrals.")
    ]


def _new_resident(world, family_name="Nieuw"):
    return open_case(
        actor=world.people.fatima,
        organisation=world.orgs.waterlelie,
        family_name=family_name,
        categories=[world.categories.schulden],
    ).resident


@pytest.fixture
def wrong_key(case, settings):
    """The development key's id with other bytes, after a resident was written with the right key."""
    right = settings.FIELD_ENCRYPTION_KEYS
    settings.FIELD_ENCRYPTION_KEYS = new_key("dev1")
    yield
    settings.FIELD_ENCRYPTION_KEYS = right


# --- a wrong key under a known id


def test_the_first_wrap_records_a_check_value_that_is_not_the_key(case, settings):
    master = crypto.current_master_key()
    row = KeyCheck.objects.get(key_id="dev1")
    assert row.check_value == hmac.new(master.key, b"overdracht master key check v1", hashlib.sha256).hexdigest()
    assert master.key.hex() not in row.check_value


def test_a_wrong_key_under_a_known_id_fails_check_deploy(wrong_key):
    assert "referrals.E002" in _error_ids()
    message = next(m.msg for m in run_checks(include_deployment_checks=True) if m.id == "referrals.E002")
    assert "'dev1'" in message and "differ" in message


def test_a_wrong_key_under_a_known_id_makes_health_unhealthy(client, wrong_key, settings):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": "ok",
        "keys": "refused",
        "reason": "a master key differs from the key recorded for its id",
    }
    assert settings.FIELD_ENCRYPTION_KEYS.partition(":")[2] not in response.content.decode()


def test_a_wrong_key_under_a_known_id_wraps_no_new_data_key(world, wrong_key):
    before = list(Resident.objects.values_list("pk", "wrapped_data_key"))
    with pytest.raises(KeyCheckFailed, match="'dev1'"):
        _new_resident(world)
    assert list(Resident.objects.values_list("pk", "wrapped_data_key")) == before


def test_a_wrong_key_stops_the_start(wrong_key):
    with pytest.raises(KeyCheckFailed, match="Refusing to start.*'dev1'"):
        refuse_to_start_with_key_problems()


def test_a_wrong_key_stops_the_rotation_before_it_wraps_anything(world, case, settings):
    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{settings.FIELD_ENCRYPTION_KEYS}"
    _new_resident(world)  # records the check value of "new"
    wrapped = list(Resident.objects.order_by("pk").values_list("wrapped_data_key", flat=True))
    old = settings.FIELD_ENCRYPTION_KEYS.split(",")[1]
    settings.FIELD_ENCRYPTION_KEYS = f"{new_key('new')},{old}"  # "new" mistyped on this server
    with pytest.raises(KeyCheckFailed, match="'new'"):
        call_command("rotate_master_key", stdout=StringIO())
    assert list(Resident.objects.order_by("pk").values_list("wrapped_data_key", flat=True)) == wrapped


def test_before_key_checks_existed_a_key_is_proven_by_the_data_keys_it_opens(world, case, settings):
    KeyCheck.objects.all().delete()  # an installation from before key checks
    right = settings.FIELD_ENCRYPTION_KEYS

    settings.FIELD_ENCRYPTION_KEYS = new_key("dev1")
    assert "referrals.E002" in _error_ids()
    with pytest.raises(KeyCheckFailed):
        _new_resident(world)
    assert not KeyCheck.objects.exists()  # an unproven key is never recorded

    settings.FIELD_ENCRYPTION_KEYS = right
    assert _error_ids() == []
    assert KeyCheck.objects.get(key_id="dev1").check_value == crypto.key_check_value(crypto.current_master_key())


def test_the_oldest_data_keys_decide_for_an_installation_from_before_key_checks(world, case, settings):
    # New residents wrapped during a wrong-key period do not make that key the right one.
    right = settings.FIELD_ENCRYPTION_KEYS
    KeyCheck.objects.all().delete()
    settings.FIELD_ENCRYPTION_KEYS = wrong = new_key("dev1")
    master = crypto.current_master_key()
    for _ in range(4):
        resident = Resident.objects.create()
        Resident.objects.filter(pk=resident.pk).update(
            wrapped_data_key=crypto.wrap_data_key(crypto.new_data_key(), str(resident.uid), master)
        )
    assert "referrals.E002" in _error_ids()
    settings.FIELD_ENCRYPTION_KEYS = right
    assert _error_ids() == []
    settings.FIELD_ENCRYPTION_KEYS = wrong
    assert "referrals.E002" in _error_ids()


def test_the_right_key_passes_everywhere(client, world, case):
    assert _error_ids() == []
    refuse_to_start_with_key_problems()
    assert client.get("/health/").json() == {"status": "ok", "database": "ok", "keys": "ok"}
    assert _new_resident(world).family_name == "Nieuw"


def test_a_new_key_id_is_fixed_by_its_first_wrap(world, settings):
    settings.FIELD_ENCRYPTION_KEYS = new_key("k9")
    assert _error_ids() == []  # nothing wrapped yet: nothing to compare
    assert not KeyCheck.objects.filter(key_id="k9").exists()
    _new_resident(world)
    assert KeyCheck.objects.filter(key_id="k9").exists()
    settings.FIELD_ENCRYPTION_KEYS = new_key("k9")
    assert "referrals.E002" in _error_ids()


@pytest.mark.django_db(transaction=True)
def test_two_servers_with_different_bytes_for_a_new_id_cannot_both_record_it():
    # Two app servers start wrapping under a new id at the same moment, one with a mistyped key:
    # exactly one set of bytes is recorded, and the other is refused.
    masters = [crypto.MasterKey("k7", base64.b64decode(new_key("k7").partition(":")[2].encode(), altchars=b"-_"))]
    masters.append(crypto.MasterKey("k7", base64.b64decode(new_key("k7").partition(":")[2].encode(), altchars=b"-_")))
    start = threading.Barrier(2)
    results = [None, None]
    errors = []

    def first_wrap(i):
        try:
            start.wait()
            for attempt in range(50):
                try:
                    results[i] = verify(masters[i], first_use=True)
                    return
                except OperationalError as error:
                    # The test database on SQLite is in memory with a shared cache, where a read
                    # during another connection's write fails at once ("database table is locked")
                    # instead of waiting as a file database does: try again, as a server would.
                    if "locked" not in str(error) or attempt == 49:
                        raise
                    time.sleep(0.05)
        except Exception as error:  # an error must fail the test, not pass for "recorded"
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first_wrap, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(result is None for result in results) == [False, True]
    winner = masters[results.index(None)]
    assert KeyCheck.objects.get(key_id="k7").check_value == crypto.key_check_value(winner)


# --- malformed, short, development and weak keys


MALFORMED = {
    "short": "k1:" + base64.urlsafe_b64encode(b"sixteen byte key").decode(),
    "junk in the base64": "k1:" + base64.urlsafe_b64encode(bytes(range(32))).decode()[:-4] + "!!!=",
    "not random": "k1:" + base64.urlsafe_b64encode(b"a" * 32).decode(),
    "an id with a space": "k 1:" + base64.urlsafe_b64encode(bytes(range(32))).decode(),
}


@pytest.mark.parametrize("raw", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_or_short_key_is_refused_by_check_and_health(client, db, settings, raw):
    settings.FIELD_ENCRYPTION_KEYS = raw
    assert "referrals.E001" in _error_ids(deploy=False)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["reason"] == "the key configuration is refused"


def test_a_malformed_key_stops_manage_py_check_and_the_app_server():
    env = {"FIELD_ENCRYPTION_KEYS": MALFORMED["short"], "DATABASE_URL": "sqlite:////tmp/overdracht-keys-test.sqlite3"}
    check = _run([sys.executable, "manage.py", "check"], env)
    assert check.returncode != 0 and "referrals.E001" in check.stderr and "32 bytes" in check.stderr
    start = _run([sys.executable, "-c", "import config.wsgi"], env)
    assert start.returncode != 0 and "Refusing to start" in start.stderr


def _run(args, env):
    import os

    clean = {k: v for k, v in os.environ.items() if k not in env and not k.endswith("_FILE")}
    return subprocess.run(args, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("key_id", ["dev1", "k1"])
def test_the_development_key_is_refused_in_production_under_any_id(world, settings, key_id):
    settings.FIELD_ENCRYPTION_KEYS = f"{key_id}:{DEV_KEY_B64}"
    settings.RESIDENT_MATCH_KEY = STRONG_MATCH_KEY
    settings.SECRET_KEY = STRONG_SECRET_KEY
    assert "referrals.E001" not in _error_ids(deploy=False)  # development mode: the key is fine
    with override_settings(PRODUCTION=True):
        assert "referrals.E001" in _error_ids(deploy=False)
        with pytest.raises(KeyCheckFailed, match="development key"):
            _new_resident(world)
    assert not Resident.objects.exists()


@pytest.mark.parametrize(
    "match_key",
    ["dev-only-resident-match-key", "too-short-a-key", "ab" * 20],
    ids=["development", "short", "repetitive"],
)
def test_a_weak_match_key_is_refused_in_production(db, settings, match_key):
    settings.FIELD_ENCRYPTION_KEYS = new_key("k1")
    settings.SECRET_KEY = STRONG_SECRET_KEY
    settings.RESIDENT_MATCH_KEY = match_key
    assert "referrals.E001" not in _error_ids(deploy=False)
    with override_settings(PRODUCTION=True):
        messages = [m.msg for m in run_checks() if m.id == "referrals.E001"]
        assert messages and all("RESIDENT_MATCH_KEY" in m for m in messages)
        assert match_key not in " ".join(messages)


def test_the_development_secret_key_is_refused_in_production(db, settings):
    settings.FIELD_ENCRYPTION_KEYS = new_key("k1")
    settings.RESIDENT_MATCH_KEY = STRONG_MATCH_KEY
    with override_settings(PRODUCTION=True):
        assert [m.msg for m in run_checks() if m.id == "referrals.E001"] == [
            "SECRET_KEY is the development key, published with the source code."
        ]


def test_production_with_strong_keys_of_its_own_passes(db, settings):
    settings.FIELD_ENCRYPTION_KEYS = new_key("k1")
    settings.RESIDENT_MATCH_KEY = STRONG_MATCH_KEY
    settings.SECRET_KEY = STRONG_SECRET_KEY
    with override_settings(PRODUCTION=True):
        assert "referrals.E001" not in _error_ids(deploy=False)
