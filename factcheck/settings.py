"""Factcheck settings: one module, driven by the environment.

With nothing set, Factcheck runs embedded: SQLite in the project folder and Celery tasks run
in-process. `DATABASE_URL=postgres://…` and `CELERY_BROKER_URL=redis://…` select the real stack.
With `DEBUG` off, a missing or weak `SECRET_KEY` or an empty `ALLOWED_HOSTS` stops start-up.
The README's configuration table lists every variable.
"""

import logging
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local `.env.local` (bin/run writes one; git- and docker-ignored) fills in what the
# environment leaves unset, so `manage.py` works in a clone without exporting DEBUG first.
# ENV_FILE names another file. Not `.env`: Docker Compose reads that one for its own
# substitutions, so a deployment from a checkout would silently take the local DEBUG and key.
ENV_FILE = Path(env.str("ENV_FILE", default=str(BASE_DIR / ".env.local")))
_debug_was_set = "DEBUG" in os.environ
if ENV_FILE.is_file():
    env.read_env(ENV_FILE)

DEBUG = env.bool("DEBUG", default=False)
if DEBUG and not _debug_was_set:
    # Django has not configured logging yet: this goes to stderr (logging's last resort).
    logging.getLogger("factcheck.settings").warning(
        "DEBUG=true comes from %s, not from the environment: development mode. "
        "Never deploy with that file present.",
        ENV_FILE,
    )

# A key for local runs only; production must bring its own (checked below).
_DEV_SECRET_KEY = "django-insecure-local-only-factcheck-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105 (refused when DEBUG is off)
SECRET_KEY = env.str("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY is the local development key; set a real one.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "claims.http.security.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

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
                "claims.web.context_processors.notifications",
                "claims.web.context_processors.public_site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# Production needs the real stack; EMBEDDED=true allows SQLite and in-process tasks anyway
# (a single-machine demo, a build step), so a missing variable cannot silently fall back.
EMBEDDED = env.bool("EMBEDDED", default=DEBUG)
if not EMBEDDED:
    missing = [name for name in ("DATABASE_URL", "CELERY_BROKER_URL") if not env.str(name, "")]
    if missing:
        raise ImproperlyConfigured(
            f"{' and '.join(missing)} must be set when DEBUG is off (or set EMBEDDED=true)."
        )
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # An unreachable server fails in seconds, not after the OS's TCP time-out (minutes): so
    # /healthz answers in time and a request waits no longer. `?connect_timeout=` overrides.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=2)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in lockout (django-axes): after LOGIN_FAILURE_LIMIT failed sign-ins in a row for one
# username from one address, that pair is refused (429), even with the right password, for
# LOGIN_COOLOFF_MINUTES. Counts live in the database, shared by every worker and machine.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "factcheck.login_lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "factcheck.login_lockout.lockout_response"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

# --- Internationalisation: store UTC, show the newsroom's zone -----------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# htmx comes from npm (package-lock.json; `npm ci`), served as static/htmx/htmx.min.js.
STATICFILES_DIRS = [BASE_DIR / "static", ("htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names need collectstatic first; local runs serve straight from the folders.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.bool("STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# --- Security (check --deploy is clean with DEBUG off) ---------------------------------------
_secure = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_secure)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=_secure)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=_secure)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if _secure else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_secure)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=_secure)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the container's own health check speaks plain HTTP
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Cache: throttling counts live here, so every process must share it. With the real stack
# it defaults to the broker's Redis on the next database number (a per-process memory cache
# would give each gunicorn worker its own budget; the queues' database stays apart). The short
# time-outs keep a Redis outage from holding requests, and the throttle lets requests through
# while the cache is away (claims/api/throttling.py).
_broker_url = env.str("CELERY_BROKER_URL", default="")
_shared_cache = not EMBEDDED and _broker_url.startswith(("redis://", "rediss://"))


def _next_redis_database(url: str) -> str:
    """The same Redis on the next database number (wrapping within 0–15): the cache apart from
    the queues, so that clearing the cache never flushes a task."""
    parts = urlsplit(url)
    number = parts.path.strip("/")
    current = int(number) if number.isdigit() else 0
    return urlunsplit(parts._replace(path=f"/{(current + 1) % 16}"))


CACHES = {
    "default": env.cache(
        "CACHE_URL",
        default=_next_redis_database(_broker_url) if _shared_cache else "locmemcache://",
    )
}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=env.float("CACHE_TIMEOUT", default=1.0),
        socket_timeout=env.float("CACHE_TIMEOUT", default=1.0),
    )

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["claims.api.permissions.NewsroomMember"],
    # JSON nested deeper than any of our bodies is refused before Python's parser recurses.
    "DEFAULT_PARSER_CLASSES": [
        # JSON only, as the README documents: a form cannot say null, and the schema says JSON.
        "claims.api.parsers.BoundedJSONParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "claims.api.pagination.NewestFirstCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["claims.api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": env.str("API_THROTTLE_RATE", default="600/minute")},
    "EXCEPTION_HANDLER": "claims.api.errors.api_exception_handler",
    # How many proxies in front of the app set X-Forwarded-For; 0 ignores the header, so an
    # anonymous client cannot dodge its throttle by sending one.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Factcheck API",
    "DESCRIPTION": (
        "Articles in, quantitative claims with machine findings out; sources, verdicts and the "
        "review workflow; schema.org ClaimReview for published fact-checks. Authenticate with "
        "`Authorization: Bearer <token>` (manage.py apitoken) or a browser session."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "OutcomeEnum": "claims.models.choices.OUTCOME_CHOICES",
        # Two fields are called `kind`: each enum keeps a name of its own.
        "KindEnum": "claims.models.choices.KIND_CHOICES",
        "NotificationKindEnum": "claims.models.notifications.NotificationKind",
        # Seen before: names that say whose status and decision these are.
        "MatchStatusEnum": "claims.models.matching.MatchStatus",
        "MatchDecisionEnum": "claims.models.matching.MatchDecision",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claims.api.schema.add_error_responses",
    ],
}

# --- Celery: a broker selects the real queue; without one tasks run in-process ---------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    # kombu warns of a URL with no host ("No hostname was supplied"); give it one.
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=None) or None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
# A worker or beat that loses Redis keeps trying to reconnect, for ever, instead of exiting
# (supervise them anyway: docker-compose restarts them, the README says how elsewhere).
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Longer than the hard time limit, or a healthy worker's task would be delivered twice.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # A broker that does not answer fails a publish in seconds, not minutes.
    "socket_connect_timeout": 2,
    "socket_timeout": 10,
}
# Extraction and fetch tasks share the default queue; beat's sweep has a queue of its own, so
# it never waits behind the backlog it is meant to repair (README: the worker commands).
CELERY_TASK_DEFAULT_QUEUE = "celery"
SWEEP_QUEUE = "sweep"
CELERY_TASK_ROUTES = {"claims.tasks.requeue_stalled_extractions": {"queue": SWEEP_QUEUE}}
CELERY_BEAT_SCHEDULE = {
    "requeue-stalled-extractions": {
        "task": "claims.tasks.requeue_stalled_extractions",
        "schedule": timedelta(seconds=env.int("EXTRACTION_SWEEP_SECONDS", default=60)),
        # A sweep that could not run in time is replaced by the next one, not piled up.
        "options": {"expires": env.int("EXTRACTION_SWEEP_SECONDS", default=60)},
    },
}

# --- Factcheck ------------------------------------------------------------------------------
# Files bigger than this are refused by ingest (bytes).
INGEST_MAX_BYTES = env.int("INGEST_MAX_BYTES", default=5 * 1024 * 1024)
# A pasted article travels in the form body: let it be as big as an uploaded file may be,
# so the ingest limit (with its clear message) is the one an editor meets.
DATA_UPLOAD_MAX_MEMORY_SIZE = INGEST_MAX_BYTES + 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = INGEST_MAX_BYTES
# Fetching articles from the web: time-outs in seconds; private and loopback addresses are
# refused unless this is on (tests turn it on for a server they start on 127.0.0.1).
FETCH_CONNECT_TIMEOUT = env.float("FETCH_CONNECT_TIMEOUT", default=5.0)
FETCH_READ_TIMEOUT = env.float("FETCH_READ_TIMEOUT", default=10.0)
FETCH_DEADLINE = env.float("FETCH_DEADLINE", default=20.0)
FETCH_ALLOW_PRIVATE_ADDRESSES = env.bool("FETCH_ALLOW_PRIVATE_ADDRESSES", default=False)
# An extraction left queued or running this long is enqueued again by the sweep. It must exceed
# CELERY_TASK_TIME_LIMIT, or a healthy run would be taken over (a system check refuses that).
EXTRACTION_STALL_SECONDS = env.int("EXTRACTION_STALL_SECONDS", default=600)
# After this many starts that never finished, the sweep fails the article instead.
EXTRACTION_MAX_ATTEMPTS = env.int("EXTRACTION_MAX_ATTEMPTS", default=5)

# --- Seen before: matching new claims with earlier ones (claims/services/matching.py) -----------
# Earlier claims whose static vectors (claims/matching/text.py) are within
# MATCH_CANDIDATE_FLOOR of a new claim's are scored by the transformer; its cosine is the text
# score. From MATCH_SUGGEST_AT an earlier claim is suggested to the editor, whatever its figure
# says; from MATCH_LINK_AT, with no figure, place or period telling them apart, it is linked as
# the same claim. A reworded claim with the same figure, places and period is suggested from
# MATCH_SUGGEST_AT - MATCH_FIGURE_EASES. Chosen on tests/matching/pairs.jsonl (README).
# Off: articles are extracted and checked but not matched (no "Seen before").
MATCH_ENABLED = env.bool("MATCH_ENABLED", default=True)
MATCH_CANDIDATE_FLOOR = env.float("MATCH_CANDIDATE_FLOOR", default=0.5)
MATCH_SUGGEST_AT = env.float("MATCH_SUGGEST_AT", default=0.85)
MATCH_LINK_AT = env.float("MATCH_LINK_AT", default=0.93)
MATCH_FIGURE_EASES = env.float("MATCH_FIGURE_EASES", default=0.2)
# How many nearest earlier claims each new claim is compared with on the numbers, and how many
# matches it keeps (published fact-checks first, then the same claim, then the closest words).
MATCH_CANDIDATES = env.int("MATCH_CANDIDATES", default=10)
MATCH_KEEP = env.int("MATCH_KEEP", default=3)
# A matching task takes the other extracted articles waiting with its own, up to this many
# articles and (beyond the first article) characters of text: one transformer call, one commit
# for all.
MATCH_BATCH = env.int("MATCH_BATCH", default=50)
MATCH_BATCH_CHARS = env.int("MATCH_BATCH_CHARS", default=250_000)
# While a matching task waits in the queue, the articles extracted meanwhile send none of their
# own (that task takes them along); after this long a task is taken for lost and another sent.
MATCH_QUEUED_SECONDS = env.int("MATCH_QUEUED_SECONDS", default=30)
# A matching task starts this long after it is sent, gathering the articles extracted meanwhile
# into its batch: the transformer reads a batch of sentences in less than half the time a
# sentence at a time takes (README, "Matching"). "Seen before" shows that much later.
MATCH_DELAY_SECONDS = env.float("MATCH_DELAY_SECONDS", default=1.0)
# Where the nearest-neighbour index is saved between processes (a cache: the database holds the
# vectors, and a missing or stale file is rebuilt from them). Empty: FACTCHECK_CACHE_DIR.
MATCH_INDEX_DIR = env.str("MATCH_INDEX_DIR", default="")

# --- Email: notifications (claims/services/notifications.py) --------------------------------
# The embedded default prints emails on the console; otherwise SMTP from these variables.
# A worker sends them (claims.tasks.email_notification), never the request that made the move.
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if EMBEDDED
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
# A mail server that does not answer fails the send in seconds (the task retries later).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Factcheck <factcheck@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the app is reached from outside: the links in emails start with it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Reader error reports (claims/web/reports.py) -------------------------------------------
# At most this many reports an hour from one address (counted in the database, by an HMAC of
# the address); a form sent sooner than REPORT_MIN_FILL_SECONDS after it was shown is taken
# for a bot's, and one older than REPORT_MAX_AGE_SECONDS must be sent again.
REPORTS_PER_HOUR = env.int("REPORTS_PER_HOUR", default=5)
REPORT_MIN_FILL_SECONDS = env.float("REPORT_MIN_FILL_SECONDS", default=3.0)
REPORT_MAX_AGE_SECONDS = env.int("REPORT_MAX_AGE_SECONDS", default=24 * 60 * 60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes reports every sign-in at INFO; a lockout is a WARNING, which is what we want.
    "loggers": {"axes": {"level": "WARNING"}},
}
