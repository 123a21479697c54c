import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The personas' passwords are never checked in these tests; a slow hasher
    # only makes each fixture take seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
