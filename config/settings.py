# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""Overdracht settings, read from the environment.

OVERDRACHT_PRODUCTION=1 switches on production mode: every secret is required,
cookies are secure, HTTPS is enforced and two-factor login is mandatory.
Without it the service runs for development and demo on a local SQLite file.
"""

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import Env

BASE_DIR = Path(__file__).resolve().parent.parent

# Every value is parsed strictly: a malformed one (OVERDRACHT_PRODUCTION=ture)
# stops the start with ImproperlyConfigured naming the variable.
env = Env()

PRODUCTION = env.bool("OVERDRACHT_PRODUCTION", False)
DEBUG = env.bool("DEBUG", False)
if PRODUCTION and DEBUG:
    # The debug page shows local variables: decrypted personal data.
    raise ImproperlyConfigured("DEBUG cannot be on in production mode (OVERDRACHT_PRODUCTION=1).")

# Development values are only ever used outside production mode; env.secret
# refuses to start production without the real ones, and the key checks
# (referrals/checks.py) refuse them when they are set explicitly in production.
DEVELOPMENT_SECRETS = {
    "SECRET_KEY": "dev-only-secret-key-not-for-production-0123456789abcdefghijklmnop",
    "FIELD_ENCRYPTION_KEYS": "dev1:ZGV2LW9ubHktbWFzdGVyLWtleS0zMi1ieXRlcyEhISE=",
    "RESIDENT_MATCH_KEY": "dev-only-resident-match-key",
}
SECRET_KEY = env.secret("SECRET_KEY", required=PRODUCTION, dev_default=DEVELOPMENT_SECRETS["SECRET_KEY"])

# Master key(s) that wrap each resident's data key (AES-256, urlsafe base64).
# FIELD_ENCRYPTION_KEYS is "id:key,id:key"; the first one encrypts, all decrypt,
# which is what lets rotate_master_key run without downtime.
FIELD_ENCRYPTION_KEYS = env.secret(
    "FIELD_ENCRYPTION_KEYS", required=PRODUCTION, dev_default=DEVELOPMENT_SECRETS["FIELD_ENCRYPTION_KEYS"]
)
# Key for the keyed hash (HMAC) that recognises a resident without decrypting.
RESIDENT_MATCH_KEY = env.secret(
    "RESIDENT_MATCH_KEY", required=PRODUCTION, dev_default=DEVELOPMENT_SECRETS["RESIDENT_MATCH_KEY"]
)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The setting ALLOWED_HOSTS is required in production mode.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
    "axes",
    "guardian",
    "auditlog",
    "csp",
    "django_fsm",
    "django_tasks",
    "django_tasks_db",
    "referrals",
    "audit",
    "directory",
    "accounts",
    "signals",
    "programme",
    "jobs",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "oauth2_provider",
    "api",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # With a read replica: after a request that wrote, the browser keeps the primary's WAL position,
    # so that the user's replica-scoped pages never show less than they just did (config.replica).
    "config.replica.ReadYourWritesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Keeps idle sessions alive by writing the session at most once a minute (not on every request).
    "accounts.views.idle.IdleTimeoutMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.views.scope.ActorScopeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # With REQUIRE_TWO_FACTOR: no page but the code page until the second factor is verified.
    # An OIDC login whose provider vouched for a second factor counts as verified (accounts/oidc.py).
    "accounts.oidc.ProviderSecondFactorMiddleware",
    "accounts.views.login.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A form POST that claimed its one-time token and failed gives it back (referrals/views/once.py).
    "referrals.views.once.ReleaseUnfinishedClaimMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "audit.services.trace.TraceIdMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Writes the refused attempts the access helpers noted, after the view (and any transaction
    # it ran in) has answered its 404/403.
    # An API request's audit entries (refusals written after the view too) name its client application.
    "api.middleware.ClientToolMiddleware",
    "audit.services.refusals.RefusedAttemptMiddleware",
    # Axes goes last so that it sees the outcome of the login view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# See DB_PREPARED_STATEMENTS below (psycopg: prepare a statement the second time it runs).
PREPARED_STATEMENTS = {"server_side_binding": True, "prepare_threshold": 2}
DATABASES = {
    "default": env.dj_db_url(
        "DATABASE_URL",
        f"sqlite:///{BASE_DIR / 'overdracht.sqlite3'}",
        conn_max_age=env.int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite serialises writers. Wait for the lock rather than fail when two requests write
    # at once; and take it when the transaction begins (IMMEDIATE): a transaction that read
    # first and wants to write later cannot wait for a writer (SQLite answers "database is
    # locked" at once to avoid a deadlock), whereas one that waits at BEGIN then reads the
    # winner's result and refuses in words, as a row lock makes PostgreSQL do.
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")
elif env.bool("DB_PREPARED_STATEMENTS", True):
    # Parameters sent apart from the SQL, and a statement run twice on a connection prepared: the
    # server then plans it once per connection, not on every request. Planning the ORM's joins
    # cost more than running them (the lock of a referral with what a transition reads: 1.8 ms
    # planning, 0.2 ms executing). Off (DB_PREPARED_STATEMENTS=false) only behind a connection
    # pooler in transaction mode, which cannot keep a connection's prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(PREPARED_STATEMENTS)

# --- A read replica (README "Read replica"): a PostgreSQL streaming standby of the primary. Only
# the pages that say so read from it (config.replica: the privacy officer's search and exports,
# the programme's figures), and only when it has replayed the user's own last write; writes and
# every other read stay on the primary. Unset: everything on the primary.
DATABASE_READ_REPLICA = ""
if env.str("DATABASE_REPLICA_URL", ""):
    DATABASE_READ_REPLICA = "replica"
    DATABASES[DATABASE_READ_REPLICA] = env.dj_db_url(
        "DATABASE_REPLICA_URL", conn_max_age=env.int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
    )
    _replica_options = DATABASES[DATABASE_READ_REPLICA].setdefault("OPTIONS", {})
    # A dead replica is noticed within seconds (the page then reads from the primary).
    _replica_options.setdefault("connect_timeout", 3)
    # The figures' grouping needs more memory than the default 4 MB (programme.selectors.figures,
    # WORK_MEM); there it is set per transaction on the primary, here for every replica session.
    _replica_options.setdefault("options", "-c work_mem=64MB")
    if env.bool("DB_PREPARED_STATEMENTS", True):
        _replica_options.update(PREPARED_STATEMENTS)
DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
    # Single sign-on (accounts/oidc.py); answers only the OIDC callback, and only when configured.
    "accounts.oidc.OIDCBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# The look: NL Design System tokens (EUPL "voorbeeld" theme) with Overdracht's own tokens on top.
# A municipality swaps in its own theme here (its token CSS files in static/ and the class that
# scopes them), without touching a template; see README "The look".
THEME_CLASS = env.str("THEME_CLASS", "voorbeeld-theme")
THEME_STYLESHEETS = env.list("THEME_STYLESHEETS", ["vendor/voorbeeld/design-tokens.css", "css/overdracht-theme.css"])
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Outside production, serve static files straight from the source folders, so
# `make demo` needs no collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Sessions and cookies: idle sessions end after SESSION_IDLE_MINUTES (± 1 minute): the expiry
# is moved forward at most once a minute (accounts.views.idle), so a page view is not a write.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Security headers; production mode makes everything HTTPS-only.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
# Parsed outside production too, so a typo shows up before the deployment does.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True) and PRODUCTION
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
if env.bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp): only our own scripts, styles and images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Accounts: lockout (django-axes) and two-factor login (django-otp).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
# Lock the account, not the address: a school or walk-in desk shares one IP
# between many colleagues, and locking it would lock them all out. Spraying one
# password over many accounts from one address is left to the proxy's rate limit.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
REQUIRE_TWO_FACTOR = env.bool("REQUIRE_TWO_FACTOR", PRODUCTION)
OTP_TOTP_ISSUER = "Overdracht"

# --- Single sign-on with OpenID Connect (mozilla-django-oidc, accounts/oidc.py): off unless
# OIDC_RP_CLIENT_ID is set. Users are never created from the provider: the claim OIDC_USER_CLAIM
# must name an existing, active account (field OIDC_USER_FIELD) with an active membership.
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_ISSUER = env.str("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", "")
# The provider's end_session_endpoint: logging out of Overdracht then ends the provider's session too.
OIDC_OP_LOGOUT_ENDPOINT = env.str("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", "openid email")
OIDC_USER_CLAIM = env.str("OIDC_USER_CLAIM", "email")
OIDC_USER_FIELD = env.str("OIDC_USER_FIELD", "email" if OIDC_USER_CLAIM == "email" else "username")
# Two-factor (REQUIRE_TWO_FACTOR): an OIDC login counts as two-factor only when the ID token (or
# the userinfo) shows it — an `amr` value in OIDC_TWO_FACTOR_AMR or an `acr` in OIDC_TWO_FACTOR_ACR —
# or when the installation states that its provider always asks for a second factor. Otherwise
# the user gives Overdracht's own TOTP code after the provider's login, as after a password.
OIDC_TWO_FACTOR_AMR = env.list("OIDC_TWO_FACTOR_AMR", ["mfa"])
OIDC_TWO_FACTOR_ACR = env.list("OIDC_TWO_FACTOR_ACR", [])
OIDC_TRUST_PROVIDER_TWO_FACTOR = env.bool("OIDC_TRUST_PROVIDER_TWO_FACTOR", False)
# The words on the login button: "Inloggen met …". Unset, the button names "het account van uw
# organisatie" in the user's language (accounts/templatetags/oidc.py).
OIDC_PROVIDER_NAME = env.str("OIDC_PROVIDER_NAME", "")
if OIDC_ENABLED:
    _oidc_required = [
        "OIDC_RP_CLIENT_SECRET",
        "OIDC_OP_ISSUER",
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
    ]
    if not OIDC_RP_SIGN_ALGO.startswith("HS"):
        _oidc_required.append("OIDC_OP_JWKS_ENDPOINT")
    _oidc_missing = [name for name in _oidc_required if not globals()[name]]
    if _oidc_missing:
        raise ImproperlyConfigured(
            f"OIDC_RP_CLIENT_ID is set, so these settings are required: {', '.join(_oidc_missing)}."
        )
    if OIDC_USER_FIELD not in ("email", "username"):
        raise ImproperlyConfigured("OIDC_USER_FIELD is 'email' or 'username'.")
    if OIDC_OP_LOGOUT_ENDPOINT:
        # The logout form's answer redirects to the provider: form-action must allow its origin.
        _logout = urlsplit(OIDC_OP_LOGOUT_ENDPOINT)
        CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(f"{_logout.scheme}://{_logout.netloc}")
# Fixed choices of the library: never create users, PKCE and a nonce on every login, no tokens
# kept in the session (the ID token holds personal data; logout names the client, not the token).
OIDC_CREATE_USER = False
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = False
OIDC_STORE_ACCESS_TOKEN = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
# --- The REST API for partner systems (api/): OAuth2 client credentials, scopes, problem details.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ClientCredentialsAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.HasScope"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": None,
}
# Requests per client application (DRF rate: "<n>/second|minute|hour|day").
API_RATE_LIMIT = env.str("API_RATE_LIMIT", "600/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "Overdracht API",
    "DESCRIPTION": "Verwijzingen, postbak en Wegwijzer voor partnersystemen (OAuth2 client credentials).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "DataCategoryEnum": "policies.data_categories.DataCategory",
        "CaseStatusEnum": "referrals.models.Case.Status",
        "SignalStatusEnum": "policies.signals.SignalStatus",
        "SignallerStatusEnum": ["closed", "picked_up", "received"],
        "HsdsServiceStatusEnum": ["active", "inactive", "defunct", "temporarily closed"],
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_problem_responses",
    ],
}
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER = {
    "SCOPES_BACKEND_CLASS": "api.scopes.ClientScopes",
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("API_TOKEN_SECONDS", 3600),
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
    # The OAuth 2.0 Security BCP (RFC 9700) throughout: no implicit or password grant, tokens
    # stored hashed and only in the Authorization header (`check --deploy` stays clean).
    **{
        f"COMPLIANT_BCP_RFC9700_{name}": True
        for name in (
            "ACCESS_TOKEN_TRANSPORT",
            "AUTHZ_RESPONSE_ISS",
            "IMPLICIT_GRANT",
            "PASSWORD_GRANT",
            "PKCE_METHOD",
            "PKCE_REQUIRED",
            "REDIRECT_URI_MATCHING",
            "REDIRECT_URI_SCHEME",
            "REFRESH_TOKEN",
            "TOKEN_STORAGE",
        )
    },
}
# The API's rate-limit counts, shared by every server process (api/throttling.py); the table is
# made by the api app's first migration.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "api_throttle": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "api_throttle_cache"},
}

# --- django-guardian: no anonymous user object; anonymous users see nothing.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# --- django-auditlog: our own entry model carries pseudonym, activity, chain.
AUDITLOG_LOGENTRY_MODEL = "audit.AuditEntry"
AUDITLOG_MASK_CALLABLE = "audit.services.trail.redact"
AUDITLOG_DISABLE_REMOTE_ADDR = True
AUDITLOG_CID_GETTER = "audit.services.trace.current_trace_id"

# --- Logging: never personal data; records carry only ids and pseudonyms.
# JSON lines in production (a log collector reads fields), readable text on a developer's machine.
LOG_FORMAT = env.str("LOG_FORMAT", "json" if PRODUCTION else "plain")
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured("LOG_FORMAT is 'json' or 'plain'.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Each line names the request's trace id: the code a user reads off the error page (500.html).
    "filters": {"trace_id": {"()": "audit.services.trace.TraceIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(trace_id)s] %(message)s"},
        # One JSON object a line, for the log collector; `trace_id` is the audit entries' cid.
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(trace_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["trace_id"]}},
    "root": {"handlers": ["console"], "level": env.log_level("LOG_LEVEL", logging.INFO)},
    # Django logs the request (path, user input) with 4xx/5xx; paths carry ids only.
    "loggers": {"django.security.DisallowedHost": {"level": "ERROR"}},
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "overdracht@localhost")
# E-mails say only that something happened and name the case reference.
NOTIFY_BY_EMAIL = env.bool("NOTIFY_BY_EMAIL", PRODUCTION)
# Where the people who get an e-mail open the service: its link leads to the notice.
SITE_URL = env.str("SITE_URL", "http://127.0.0.1:8000")
# Seconds the SMTP connection may take; an e-mail being sent is retried after EMAIL_LEASE_SECONDS
# (referrals.services.outbox), which must be longer than this.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", 30)
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.secret("EMAIL_HOST_PASSWORD", required=False, dev_default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)

# --- Background work (django-tasks with its database backend): e-mail from the outbox, the
# digests and the periodic jobs of config/schedule.py. `manage.py db_worker` runs the tasks,
# `manage.py run_scheduler` enqueues the periodic ones when they are due.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Events for partner systems (events/): CloudEvents after the NL GOV profile, from an outbox.
# This installation as the events' `source`: a URN in the nld namespace, naming the organisation
# (its OIN where it has one) and the system.
EVENTS_SOURCE = env.str("EVENTS_SOURCE", "urn:nld:overdracht")
# Seconds to connect and, separately, to wait for a receiver's answer.
EVENTS_TIMEOUT = env.int("EVENTS_TIMEOUT", 10)
# Callback URLs are https; plain http only to this machine, only in development (a test receiver).
EVENTS_ALLOW_LOOPBACK_HTTP = DEBUG

# Passkeys (django-otp-webauthn) as a second factor only: never instead of the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "Overdracht"
# A passkey belongs to this domain (changing it later makes every passkey unusable): SITE_URL's
# host, else (an IP address, which browsers refuse here) the first ALLOWED_HOSTS in production
# and localhost on a developer's machine — the demo offers passkeys on http://localhost:8000.
_site = urlsplit(SITE_URL)
_site_named = bool(_site.hostname) and not (_site.hostname or "").replace(".", "").isdigit()
OTP_WEBAUTHN_RP_ID = env.str(
    "WEBAUTHN_RP_ID",
    _site.hostname if _site_named else (ALLOWED_HOSTS[0].lstrip(".") if PRODUCTION else "localhost"),
)
# Where a passkey ceremony may run (browsers offer passkeys only on HTTPS or localhost).
_origin = f"{_site.scheme}://{_site.netloc}" if _site_named else f"https://{OTP_WEBAUTHN_RP_ID}"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list(
    "WEBAUTHN_ALLOWED_ORIGINS",
    [_origin] if PRODUCTION else [*([_origin] if _site_named else []), "http://localhost:8000"],
)

# --- Domain settings.
REOPEN_WINDOW_DAYS = 30
RETENTION_DAYS_AFTER_CLOSE = env.int("RETENTION_DAYS_AFTER_CLOSE", 365)
# Signals that did not become a case: erased this many days after their last step (policies/retention.py).
SIGNAL_RETENTION_DAYS = env.int("SIGNAL_RETENTION_DAYS", 180)
# A signaller's membership ends this many months after it was made (policies/signals.py).
SIGNALLER_MEMBERSHIP_MONTHS = env.int("SIGNALLER_MEMBERSHIP_MONTHS", 12)

# --- The processing register (policies/register.py, AVG art. 30 lid 1 onder a): who is
# responsible and how to reach them, and the functionaris gegevensbescherming. The OIN (20 digits)
# names the controller in the register's JSON (VNG's register API); all zeros until it is set.
REGISTER_CONTROLLER_CONTACT = env.str(
    "REGISTER_CONTROLLER_CONTACT", "Gemeente Leidschendam-Voorburg, telefoon 14 070, via het contactformulier"
)
REGISTER_DPO_CONTACT = env.str(
    "REGISTER_DPO_CONTACT", "Functionaris gegevensbescherming van de gemeente Leidschendam-Voorburg (via 14 070)"
)
REGISTER_CONTROLLER_OIN = env.str("REGISTER_CONTROLLER_OIN", "0" * 20)
if not re.fullmatch(r"[0-9]{20}", REGISTER_CONTROLLER_OIN):
    raise ImproperlyConfigured("The setting REGISTER_CONTROLLER_OIN is an OIN: 20 digits.")

# --- The erasure journal (referrals/services/erasure_journal.py): one line per erasure in a
# file outside the database, so that `manage.py reapply_erasures` can erase again whoever a
# restored backup brings back. Production names the file explicitly: it must live on storage
# that is backed up apart from the database, and a default could quietly land elsewhere.
_journal_path = env.str("ERASURE_JOURNAL_PATH", "")
if PRODUCTION and not _journal_path:
    raise ImproperlyConfigured(
        "The setting ERASURE_JOURNAL_PATH is required in production mode: an append-only file "
        "outside the database, backed up separately (see the README's restore procedure)."
    )
ERASURE_JOURNAL_PATH = Path(_journal_path) if _journal_path else BASE_DIR / "erasure-journal.jsonl"
if not ERASURE_JOURNAL_PATH.is_absolute():
    # A relative path would follow the working directory of each process: two journals.
    raise ImproperlyConfigured("The setting ERASURE_JOURNAL_PATH must be an absolute path.")
# Signs each journal line (HMAC), so a changed or forged line is refused. Changing it makes the
# lines written so far unverifiable: keep it as long as backups older than those lines exist.
ERASURE_JOURNAL_KEY = env.secret("ERASURE_JOURNAL_KEY", required=PRODUCTION, dev_default="dev-only-erasure-journal-key")
if PRODUCTION and len(ERASURE_JOURNAL_KEY) < 32:
    raise ImproperlyConfigured("The setting ERASURE_JOURNAL_KEY must be at least 32 random characters.")
# detect_unusual_access flags a user refused (404/403 on pages about a resident) this many times
# within this many minutes: someone trying ids.
UNUSUAL_REFUSALS = env.int("UNUSUAL_REFUSALS", 10)
UNUSUAL_REFUSALS_MINUTES = env.int("UNUSUAL_REFUSALS_MINUTES", 60)
