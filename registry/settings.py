"""Settings for the claim registry, read from the environment only.

With no environment at all the service runs "embedded": a SQLite file in the project folder,
Celery tasks executed in-process, a local-memory cache and DEBUG on. DATABASE_URL and REDIS_URL
switch to PostgreSQL and a real broker. DJANGO_DEBUG=false is production mode, which refuses to
start without a real secret key and allowed hosts. Every variable is documented in
docs/operations.md.
"""

from __future__ import annotations

import ipaddress
import secrets
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_float, env_int, env_list, env_redis_url, env_str, parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)

# --- secrets and hosts --------------------------------------------------------------------------
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    if SECRET_KEY is None:
        # A dev secret kept in the (git-ignored) project folder so sessions survive restarts.
        key_file = BASE_DIR / ".run" / "dev-secret-key"
        try:
            SECRET_KEY = key_file.read_text().strip()
        except OSError:
            SECRET_KEY = ""
        if not SECRET_KEY:
            SECRET_KEY = secrets.token_urlsafe(50)
            try:
                key_file.parent.mkdir(exist_ok=True)
                key_file.write_text(SECRET_KEY)
            except OSError:
                pass  # read-only checkout: a per-process key is still safe in DEBUG
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if (
        SECRET_KEY is None
        or len(SECRET_KEY) < 50
        or len(set(SECRET_KEY)) < 5
        or SECRET_KEY.startswith("django-insecure")
    ):
        raise ImproperlyConfigured(
            "Production mode (DJANGO_DEBUG=false) needs DJANGO_SECRET_KEY: a random value of at least 50 "
            'characters, e.g. python -c "import secrets; print(secrets.token_urlsafe(64))"'
        )
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "Production mode (DJANGO_DEBUG=false) needs DJANGO_ALLOWED_HOSTS: a comma-separated list of the "
            "host names the service answers to ('*' is refused)"
        )

# Previous secret keys, still accepted when checking signatures (sessions, API cursors) after a rotation.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# --- applications -------------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "claims",
    "api",
    "webhooks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "registry.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a locked-out login into the login page with the lockout message (registry/login_throttle.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "registry.urls"
WSGI_APPLICATION = "registry.wsgi.application"
ASGI_APPLICATION = "registry.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- database -----------------------------------------------------------------------------------
_database_url = env_str("DATABASE_URL")
if _database_url:
    _db = parse_database_url("DATABASE_URL", _database_url)
    DATABASES = {
        "default": {
            "ENGINE": _db.engine,
            "NAME": _db.name,
            "USER": _db.user,
            "PASSWORD": _db.password,
            "HOST": _db.host,
            "PORT": _db.port,
            # Persistent connections with a health check: a restarted PostgreSQL costs one failed
            # check, not a worker restart.
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
            "CONN_HEALTH_CHECKS": True,
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # Several processes (web + an in-process task) may write: wait instead of failing.
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache and Celery ---------------------------------------------------------------------------
REDIS_URL = env_redis_url("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that does not answer (a partition, not a refusal) must not hold requests for the
            # operating system's connect timeout: callers of the cache fail open quickly instead.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "memory://localhost/")
CELERY_RESULT_BACKEND = None  # tasks record their outcome in the database, where operators look
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not bool(REDIS_URL or env_str("CELERY_BROKER_URL")))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360, minimum=1)
if CELERY_TASK_SOFT_TIME_LIMIT >= CELERY_TASK_TIME_LIMIT:
    # The soft limit lets a task stop cleanly (and be retried); at or past the hard limit it never fires.
    raise ImproperlyConfigured(
        f"CELERY_TASK_SOFT_TIME_LIMIT ({CELERY_TASK_SOFT_TIME_LIMIT} s) must be below "
        f"CELERY_TASK_TIME_LIMIT ({CELERY_TASK_TIME_LIMIT} s)"
    )
# At-least-once: a task is acknowledged after it ran, so a killed worker's task is redelivered.
# Every task is idempotent for that reason.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis redelivers an unacknowledged task after the visibility timeout: it must exceed the
# longest task, or a long task would run twice in parallel.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=CELERY_TASK_TIME_LIMIT + 1)
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "registry")
CELERY_TIMEZONE = "UTC"

# --- passwords, i18n, static --------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttle (django-axes, registry/login_throttle.py): after LIMIT failed logins of one account from
# one client address, that pair is locked out for LOCKOUT_MINUTES (attempts are kept in the database, so
# every process sees them, whatever the cache). Logins are the admin's; API keys never log in.
AUTHENTICATION_BACKENDS = [
    "registry.login_throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
REGISTRY_LOGIN_FAILURE_LIMIT = env_int("REGISTRY_LOGIN_FAILURE_LIMIT", 5, minimum=1, maximum=1000)
REGISTRY_LOGIN_LOCKOUT_MINUTES = env_int("REGISTRY_LOGIN_LOCKOUT_MINUTES", 15, minimum=1, maximum=7 * 24 * 60)
# Proxies in front of the web process whose X-Forwarded-For is trusted (0: the client is REMOTE_ADDR).
REGISTRY_TRUSTED_PROXIES = env_int("REGISTRY_TRUSTED_PROXIES", 0, minimum=0, maximum=5)
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = REGISTRY_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=REGISTRY_LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts while locked out are refused without being recorded: the lock ends LOCKOUT_MINUTES after the
# last counted failure, and a client hammering a locked account does not grow its record.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "registry.login_throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "registry.login_throttle.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not recorded (only failures count)
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken"]
AXES_VERBOSE = False

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# collectstatic writes hashed, compressed files and their manifest in either mode, so a STATIC_ROOT collected
# in debug mode serves production too; debug pages link the plain names (registry/staticfiles.py).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "registry.staticfiles.DebugStaticFilesStorage"
        if DEBUG
        else "registry.staticfiles.ProductionStaticFilesStorage"
    },
}

# --- security (production) ----------------------------------------------------------------------
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content-Security-Policy (registry/csp.py): scripts, styles, images and requests from this origin only, no
# inline script or style, no plugins, not framed. REPORT_ONLY sends it as Content-Security-Policy-Report-Only.
REGISTRY_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# REST framework's browsable API (its own templates) has inline styles: allowed there, and only there.
REGISTRY_CSP_BROWSABLE_API = REGISTRY_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
REGISTRY_CSP_REPORT_ONLY = env_bool("REGISTRY_CSP_REPORT_ONLY", False)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# --- REST API (the api app; every variable is described in docs/api.md) -------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # One error shape for every error: {"error": {"code", "message", "fields"}}.
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claim registry API",
    "DESCRIPTION": (
        "Claims extracted from news articles, with who said them, when and where, their verdicts and "
        "evidence; incremental sync; schema.org ClaimReview. Guide: docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "ENUM_NAME_OVERRIDES": {
        "VerdictEnum": "claims.models.Verdict",
        "StanceEnum": "claims.models.SourceLink.Stance",
        "ClaimKindEnum": "claims.models.Claim.Kind",
        "SpeakerKindEnum": "claims.models.Speaker.Kind",
        "PlaceKindEnum": "claims.models.ClaimPlace.Kind",
        "TombstoneKindEnum": "claims.models.Tombstone.Kind",
        "WebhookEventTypeEnum": "webhooks.models.EventType",
    },
}
# Rates per API key, per logged-in account and per IP address for anonymous requests:
# "<number>/<second|minute|hour|day>", or "off".
API_THROTTLE_RATES = {
    scope: (None if rate.lower() == "off" else rate)
    for scope, rate in {
        "key": env_str("API_THROTTLE_KEY", "1200/minute"),
        "user": env_str("API_THROTTLE_USER", "1200/minute"),
        "anon": env_str("API_THROTTLE_ANON", "60/minute"),
    }.items()
}
API_MAX_BODY_BYTES = env_int("API_MAX_BODY_BYTES", 5 * 1024 * 1024, minimum=1024)
# Claims exports (GET export/claims.ndjson) streaming at once: each holds a web worker while it runs.
API_EXPORT_MAX_CONCURRENT = env_int("API_EXPORT_MAX_CONCURRENT", 2, minimum=1, maximum=100)
# Django refuses bodies over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB by default) while they are read: keep it
# at least the API's limit, so that the API's limit is the one that applies (the admin's forms get it too).
DATA_UPLOAD_MAX_MEMORY_SIZE = max(API_MAX_BODY_BYTES, 2_621_440)
# CORS: read-only, for the origins listed (none by default).
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "if-none-match", "if-match"]
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Retry-After",
    "Location",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
    "Content-Disposition",
    "Feed-Cursor",
    "Tombstones-Cursor",
]

# --- the registry itself ------------------------------------------------------------------------
REGISTRY_ORGANIZATION_NAME = env_str("REGISTRY_ORGANIZATION_NAME", "Claim Registry")
# Where the registry is published: the public claim pages (/claims/<id>/) and the `url` of every
# ClaimReview are built from it, never from a request's Host header (which a client chooses). The
# organisation's own site defaults to it. Production mode refuses the loopback default.
_LOOPBACK_URL = "http://127.0.0.1:8000/"
REGISTRY_PUBLIC_URL = env_str("REGISTRY_PUBLIC_URL", _LOOPBACK_URL).rstrip("/") + "/"
REGISTRY_ORGANIZATION_URL = env_str("REGISTRY_ORGANIZATION_URL", REGISTRY_PUBLIC_URL)


def _public_url_problem(value: str) -> str | None:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an absolute http(s) URL"
    host = parts.hostname.lower()
    if host == "localhost" or host.endswith(".localhost"):
        return "is a loopback address"
    try:
        if ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified:
            return "is a loopback address"
    except ValueError:
        pass
    return None


for _name in ("REGISTRY_PUBLIC_URL", "REGISTRY_ORGANIZATION_URL"):
    _problem = _public_url_problem(globals()[_name])
    if _problem and (not DEBUG or _problem.startswith("is not")):
        raise ImproperlyConfigured(
            f"{_name} ({globals()[_name]!r}) {_problem}: set it to the address the public reaches the registry at, "
            "e.g. https://claims.example.org/ (it is the url of every published ClaimReview)"
        )
# Visibility between newsrooms (docs/api.md, "Visibility"). False (the default): the text of an article an
# organisation's key submitted, and its claims until reviewed, are visible to that organisation's keys and
# to reviewers only. Content with no organisation (the admin's, or from keys without one) stays visible to
# every key, so a single newsroom sees everything either way. True opens everything to every read key.
REGISTRY_OPEN_VISIBILITY = env_bool("REGISTRY_OPEN_VISIBILITY", False)
# An article left pending or extracting longer than this is re-enqueued by the sweeper.
REGISTRY_STUCK_AFTER_SECONDS = env_int("REGISTRY_STUCK_AFTER_SECONDS", 900, minimum=60)
REGISTRY_MAX_ARTICLE_CHARS = env_int("REGISTRY_MAX_ARTICLE_CHARS", 2_000_000, minimum=1000)
# Claim matching ("checked before?", docs/matching.md): how many earlier reviewed claims are kept per claim
# and what counts as a likely match: an engine score of at least MIN_SCORE, or at least MIN_OVERLAP of the
# claim's distinct terms stated by the earlier claim.
REGISTRY_MATCH_LIMIT = env_int("REGISTRY_MATCH_LIMIT", 5, minimum=1, maximum=50)
REGISTRY_MATCH_MIN_SCORE = env_float("REGISTRY_MATCH_MIN_SCORE", 2.0, minimum=0.0)
REGISTRY_MATCH_MIN_OVERLAP = env_float("REGISTRY_MATCH_MIN_OVERLAP", 0.5, minimum=0.0)
# Where the reviewed claims are indexed for matching: "database" (the tables of claims.services.match_index,
# candidates by PostgreSQL full-text / SQLite FTS5; SQLite without FTS5 falls back to memory) or "memory"
# (the engine over every reviewed claim in each process: fine up to tens of thousands).
REGISTRY_MATCH_INDEX = (env_str("REGISTRY_MATCH_INDEX", "database") or "database").strip().lower()
if REGISTRY_MATCH_INDEX not in ("database", "memory"):
    raise ImproperlyConfigured(f"REGISTRY_MATCH_INDEX must be database or memory, not {REGISTRY_MATCH_INDEX!r}")

# --- background re-checks, sweeper and re-extraction (docs/rechecks.md) -------------------------
# The safe fetcher (claims/fetching/): every outgoing request of the registry goes through it.
REGISTRY_FETCH_CONNECT_TIMEOUT_MS = env_int("REGISTRY_FETCH_CONNECT_TIMEOUT_MS", 5000, minimum=100)
REGISTRY_FETCH_READ_TIMEOUT_MS = env_int("REGISTRY_FETCH_READ_TIMEOUT_MS", 10000, minimum=100)
REGISTRY_FETCH_TOTAL_TIMEOUT_MS = env_int("REGISTRY_FETCH_TOTAL_TIMEOUT_MS", 20000, minimum=100)
if REGISTRY_FETCH_TOTAL_TIMEOUT_MS >= CELERY_TASK_SOFT_TIME_LIMIT * 1000:
    # A fetch must end inside the task that runs it, or the task is cut off mid-fetch every time.
    raise ImproperlyConfigured(
        f"REGISTRY_FETCH_TOTAL_TIMEOUT_MS ({REGISTRY_FETCH_TOTAL_TIMEOUT_MS} ms) must be below "
        f"CELERY_TASK_SOFT_TIME_LIMIT ({CELERY_TASK_SOFT_TIME_LIMIT} s)"
    )
REGISTRY_FETCH_MAX_BYTES = env_int("REGISTRY_FETCH_MAX_BYTES", 5_000_000, minimum=1000)
REGISTRY_FETCH_MAX_REDIRECTS = env_int("REGISTRY_FETCH_MAX_REDIRECTS", 5, minimum=0, maximum=20)
REGISTRY_FETCH_USER_AGENT = env_str(
    "REGISTRY_FETCH_USER_AGENT", f"ClaimRegistryBot/1.0 (+{REGISTRY_ORGANIZATION_URL}; source link checker)"
)
# Politeness: requests in flight per host (shared by all workers through Redis when REDIS_URL is
# set) and the minimum delay between two request starts to one host.
REGISTRY_FETCH_PER_HOST_LIMIT = env_int("REGISTRY_FETCH_PER_HOST_LIMIT", 4, minimum=1)
REGISTRY_FETCH_HOST_DELAY_MS = env_int("REGISTRY_FETCH_HOST_DELAY_MS", 250, minimum=0)
# A 429/503 Retry-After up to this many seconds is waited out; a longer one postpones the check.
REGISTRY_FETCH_RETRY_AFTER_MAX_WAIT_S = env_int("REGISTRY_FETCH_RETRY_AFTER_MAX_WAIT_S", 10, minimum=0)
# FOR TESTS ONLY: address ranges the fetcher may reach although they are private (e.g. 127.0.0.1/32
# for a local test server). Refused in production mode; cloud metadata addresses stay refused.
REGISTRY_FETCH_TEST_ALLOW_NETWORKS = env_list("REGISTRY_FETCH_TEST_ALLOW_NETWORKS")
for _network in REGISTRY_FETCH_TEST_ALLOW_NETWORKS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError as _exc:
        raise ImproperlyConfigured(
            f"REGISTRY_FETCH_TEST_ALLOW_NETWORKS: {_network!r} is not an address range such as 127.0.0.1/32 ({_exc})"
        ) from None
if REGISTRY_FETCH_TEST_ALLOW_NETWORKS and not DEBUG:
    raise ImproperlyConfigured(
        "REGISTRY_FETCH_TEST_ALLOW_NETWORKS opens private addresses to the fetcher and is for tests only; "
        "production mode (DJANGO_DEBUG=false) refuses it"
    )
# Re-check schedule: sources of verdicts younger than YOUNG_DAYS are checked every YOUNG_HOURS,
# older ones every OLD_HOURS; a link is "broken" after BROKEN_AFTER consecutive failed checks.
REGISTRY_RECHECK_YOUNG_DAYS = env_int("REGISTRY_RECHECK_YOUNG_DAYS", 30, minimum=0)
REGISTRY_RECHECK_YOUNG_HOURS = env_int("REGISTRY_RECHECK_YOUNG_HOURS", 24, minimum=1)
REGISTRY_RECHECK_OLD_HOURS = env_int("REGISTRY_RECHECK_OLD_HOURS", 168, minimum=1)
REGISTRY_RECHECK_BROKEN_AFTER = env_int("REGISTRY_RECHECK_BROKEN_AFTER", 3, minimum=1)
# Verified/disputed verdicts not reviewed for this many days are flagged for re-review.
REGISTRY_RECHECK_STALE_VERDICT_DAYS = env_int("REGISTRY_RECHECK_STALE_VERDICT_DAYS", 365, minimum=1)
# Fan-out bounds: sources per check task, concurrent fetches inside one task, batches per beat run.
REGISTRY_RECHECK_BATCH_SIZE = env_int("REGISTRY_RECHECK_BATCH_SIZE", 50, minimum=1, maximum=1000)
REGISTRY_RECHECK_THREADS = env_int("REGISTRY_RECHECK_THREADS", 16, minimum=1, maximum=128)
REGISTRY_RECHECK_MAX_BATCHES = env_int("REGISTRY_RECHECK_MAX_BATCHES", 40, minimum=1)
# A source handed to a check task is not handed out again for this long (a lost task's source
# comes back after it).
REGISTRY_RECHECK_LEASE_SECONDS = env_int("REGISTRY_RECHECK_LEASE_SECONDS", 3600, minimum=60)
if REGISTRY_RECHECK_LEASE_SECONDS <= CELERY_TASK_TIME_LIMIT:
    # A lease ending while its task may still run would hand the same source out twice.
    raise ImproperlyConfigured(
        f"REGISTRY_RECHECK_LEASE_SECONDS ({REGISTRY_RECHECK_LEASE_SECONDS} s) must be above "
        f"CELERY_TASK_TIME_LIMIT ({CELERY_TASK_TIME_LIMIT} s)"
    )
# One source's whole check (fetch, then reading the page) inside a check batch: a check not finished
# by then is recorded as failed ("check timed out") and the batch goes on. Between the fetch's total
# timeout and the Celery soft time limit; by default 10 s above the former, at most half-way to the latter.
REGISTRY_RECHECK_SOURCE_TIMEOUT_MS = env_int(
    "REGISTRY_RECHECK_SOURCE_TIMEOUT_MS",
    min(
        REGISTRY_FETCH_TOTAL_TIMEOUT_MS + 10_000,
        (REGISTRY_FETCH_TOTAL_TIMEOUT_MS + CELERY_TASK_SOFT_TIME_LIMIT * 1000) // 2,
    ),
    minimum=100,
)
if not REGISTRY_FETCH_TOTAL_TIMEOUT_MS <= REGISTRY_RECHECK_SOURCE_TIMEOUT_MS < CELERY_TASK_SOFT_TIME_LIMIT * 1000:
    raise ImproperlyConfigured(
        f"REGISTRY_RECHECK_SOURCE_TIMEOUT_MS ({REGISTRY_RECHECK_SOURCE_TIMEOUT_MS} ms) must be at least "
        f"REGISTRY_FETCH_TOTAL_TIMEOUT_MS ({REGISTRY_FETCH_TOTAL_TIMEOUT_MS} ms) and below "
        f"CELERY_TASK_SOFT_TIME_LIMIT ({CELERY_TASK_SOFT_TIME_LIMIT} s)"
    )
# `recheck_sources --now` stops checking after this long (its own time limit: no Celery there); below
# the lease, so no source it holds is handed out again while it runs (default 50 minutes, at most 5/6
# of the lease).
REGISTRY_RECHECK_NOW_TIME_LIMIT_S = env_int(
    "REGISTRY_RECHECK_NOW_TIME_LIMIT_S", min(3000, REGISTRY_RECHECK_LEASE_SECONDS * 5 // 6), minimum=1
)
if REGISTRY_RECHECK_NOW_TIME_LIMIT_S >= REGISTRY_RECHECK_LEASE_SECONDS:
    raise ImproperlyConfigured(
        f"REGISTRY_RECHECK_NOW_TIME_LIMIT_S ({REGISTRY_RECHECK_NOW_TIME_LIMIT_S} s) must be below "
        f"REGISTRY_RECHECK_LEASE_SECONDS ({REGISTRY_RECHECK_LEASE_SECONDS} s)"
    )
# Re-extraction after an engine upgrade: articles queued per run, and no new batch while this many
# are still waiting.
REGISTRY_REEXTRACT_BATCH_SIZE = env_int("REGISTRY_REEXTRACT_BATCH_SIZE", 100, minimum=1)
CELERY_BEAT_SCHEDULE = {
    "recheck-due-sources": {
        "task": "claims.tasks.recheck_due_sources",
        "schedule": float(env_int("REGISTRY_RECHECK_EVERY_SECONDS", 300, minimum=10)),
    },
    "sweep-stuck-articles": {
        "task": "claims.tasks.sweep_stuck_articles",
        "schedule": float(env_int("REGISTRY_SWEEP_EVERY_SECONDS", 300, minimum=10)),
    },
    "reextract-outdated-articles": {
        "task": "claims.tasks.reextract_outdated_articles",
        "schedule": float(env_int("REGISTRY_REEXTRACT_EVERY_SECONDS", 600, minimum=10)),
    },
    "flag-stale-verdicts": {
        "task": "claims.tasks.flag_stale_verdicts",
        "schedule": float(env_int("REGISTRY_STALE_VERDICTS_EVERY_SECONDS", 86400, minimum=60)),
    },
}
# --- end of background re-checks ----------------------------------------------------------------

# --- webhooks (docs/webhooks.md) ------------------------------------------------------------------
# Links inside webhook payloads are built from REGISTRY_PUBLIC_URL (there is no request to build them from).
# Webhook tasks (dispatcher and deliveries) run on their own queue and worker, so a slow endpoint never
# delays extraction or re-checks: `celery -A registry worker --queues webhooks`.
REGISTRY_WEBHOOKS_QUEUE = env_str("REGISTRY_WEBHOOKS_QUEUE", "webhooks")
CELERY_TASK_ROUTES = {"webhooks.tasks.*": {"queue": REGISTRY_WEBHOOKS_QUEUE}}
# Endpoint URLs must be https in production (a test or a local set-up may allow http).
REGISTRY_WEBHOOKS_REQUIRE_HTTPS = env_bool("REGISTRY_WEBHOOKS_REQUIRE_HTTPS", not DEBUG)
# Seconds between the attempts of one delivery (each with +-20 % jitter); after the last one it is given
# up. The default adds up to about 24 hours.
REGISTRY_WEBHOOKS_RETRY_DELAYS = [
    float(v) for v in env_list("REGISTRY_WEBHOOKS_RETRY_DELAYS", ["5", "30", "120", "600", "1800", "3600", "7200",
                                                                  "14400", "21600", "36000"])
]  # fmt: skip
if not REGISTRY_WEBHOOKS_RETRY_DELAYS or min(REGISTRY_WEBHOOKS_RETRY_DELAYS) <= 0:
    raise ImproperlyConfigured("REGISTRY_WEBHOOKS_RETRY_DELAYS must list positive numbers of seconds")
# An endpoint every attempt of which failed for this long is disabled (a 410 answer disables it at once).
REGISTRY_WEBHOOKS_DISABLE_AFTER_S = env_float("REGISTRY_WEBHOOKS_DISABLE_AFTER_S", 86400.0, minimum=0.1)
REGISTRY_WEBHOOKS_CONNECT_TIMEOUT_MS = env_int("REGISTRY_WEBHOOKS_CONNECT_TIMEOUT_MS", 3000, minimum=1)
# The whole request, answer included: a hanging or dripping endpoint is cut off at this.
REGISTRY_WEBHOOKS_TOTAL_TIMEOUT_MS = env_int("REGISTRY_WEBHOOKS_TOTAL_TIMEOUT_MS", 10000, minimum=1)
# How long one delivery task works for one endpoint before handing its slot back (it queues itself again).
REGISTRY_WEBHOOKS_TASK_BUDGET_S = env_int("REGISTRY_WEBHOOKS_TASK_BUDGET_S", 20, minimum=1)
# After a secret rotation the previous secret keeps signing (a second signature) this long.
REGISTRY_WEBHOOKS_SECRET_OVERLAP_S = env_int("REGISTRY_WEBHOOKS_SECRET_OVERLAP_S", 86400, minimum=0)
CELERY_BEAT_SCHEDULE["webhooks-sweep"] = {
    "task": "webhooks.tasks.sweep",
    "schedule": float(env_int("REGISTRY_WEBHOOKS_SWEEP_EVERY_SECONDS", 30, minimum=5)),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "filters": {"forbidden_one_line": {"()": "registry.log_filters.ForbiddenOneLine"}},
    "loggers": {
        # django-axes reports every successful login at INFO; its failures and lockouts are warnings.
        "axes": {"level": "WARNING"},
        # Every refused page (403) is one warning line: no traceback.
        "django.request": {"filters": ["forbidden_one_line"]},
    },
}
