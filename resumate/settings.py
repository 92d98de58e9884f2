"""ResuMate settings: one module, driven by environment variables.

Every variable has an embedded default so a fresh clone runs on SQLite, a
local-memory cache and a filesystem Celery broker; production sets the real
services (see .env.example). Secrets have no default once DEBUG is off.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

# Off unless asked for: `make run` and the test suite set DEBUG=1 explicitly.
DEBUG = env.bool("DEBUG", default=False)

# Published in this repository, so usable only in development mode.
DEV_SECRETS = {
    "SECRET_KEY": "dev-only-insecure-secret-key-do-not-use-in-production",
    "JWT_SIGNING_KEY": "dev-only-insecure-jwt-signing-key-change-me",
}


def _secret(name):
    """A secret may fall back to (or equal) its development value only while DEBUG is on."""
    if DEBUG:
        return env.str(name, default=DEV_SECRETS[name])
    value = env.str(name)
    if value == DEV_SECRETS[name]:
        raise ImproperlyConfigured(f"{name} is the published development value; set a real secret.")
    return value


SECRET_KEY = _secret("SECRET_KEY")
JWT_SIGNING_KEY = _secret("JWT_SIGNING_KEY")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "axes",
    "corsheaders",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.github",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "accounts",
    "resumes",
    "job_tracker",
    "ai",
    "assistant",
    "django_prometheus",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "resumate.middleware.RequestIdMiddleware",
    "resumate.middleware.RequestSizeLimitMiddleware",
    "resumate.middleware.ApiNotFoundMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before anything that renders: the page's language from the cookie or Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "resumate.urls"
WSGI_APPLICATION = "resumate.wsgi.application"

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
                "resumate.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share the file: wait for locks, write-ahead log.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    # Persistent connections (not psycopg's pool: never both).
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# Query counts and latencies for /metrics: django-prometheus's thin wrappers of the same backends.
DATABASES["default"]["ENGINE"] = DATABASES["default"]["ENGINE"].replace(
    "django.db.backends.", "django_prometheus.db.backends."
)
# /metrics: open to the internal network; from anywhere else only with this bearer token.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")

# Optional read replica: with DATABASE_REPLICA_URL, requests read from the "replica" alias;
# writes, transactions, unsafe methods and a client's reads for
# REPLICA_PIN_SECONDS after its write stay on the primary (resumate/db_router.py).
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=5)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db_url_config(DATABASE_REPLICA_URL)
    for _key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS"):
        if _key in DATABASES["default"]:
            DATABASES["replica"][_key] = DATABASES["default"][_key]
    DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # Tests run against one database: the replica alias reads the primary's test copy.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["resumate.db_router.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("resumate.middleware.RequestIdMiddleware") + 1,
        "resumate.db_router.PrimaryPinMiddleware",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Cache ------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_prometheus.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "resumate",
            "OPTIONS": {
                # A Redis outage degrades to cache misses, never to 500s.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django_prometheus.cache.backends.locmem.LocMemCache",
            "LOCATION": "resumate",
        }
    }

# --- Auth -----------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Pages log in by username or e-mail through allauth.
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Brute force: only failures count, per (casefolded account, client); success resets.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.lockout_client_ip"
# Trust X-Forwarded-For only when a known number of proxies sit in front; the client is
# the entry that many hops from the right (the one our own proxy appended), never the left-most.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)

# --- Accounts (django-allauth) ----------------------------------------------
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# "optional" lets people in before they click the link; production examples use "mandatory".
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="optional")
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = env.int("ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS", default=3)
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
# One address per account; a new one replaces the old only once it is confirmed.
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Never mail an address no account has (the API answers 202 either way).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# django-axes counts failed log-ins per (account, client); allauth's own per-account limit would
# let anyone lock anyone out, so only its per-client limits stay. Sign-up is capped per client.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip",
    "signup": env.str("THROTTLE_SIGNUP_PAGE", default="10/h/ip"),
}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[ResuMate] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Password reset links (pages and API) stop working after this many seconds.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT_HOURS", default=24) * 3600
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "ResuMate"
# Staff must set up two-factor before they reach the admin or any page.
STAFF_REQUIRE_MFA = env.bool("STAFF_REQUIRE_MFA", default=False)

# Social log-in: a provider appears only when its client id and secret are set. Base URLs
# are settings so tests (and GitHub Enterprise) can point elsewhere.
_social_apps = {
    "github": {
        "client_id": env.str("GITHUB_CLIENT_ID", default=""),
        "secret": env.str("GITHUB_CLIENT_SECRET", default=""),
        "base_url": env.str("GITHUB_BASE_URL", default=""),
    },
    "google": {
        "client_id": env.str("GOOGLE_CLIENT_ID", default=""),
        "secret": env.str("GOOGLE_CLIENT_SECRET", default=""),
        "server_url": env.str("GOOGLE_OIDC_URL", default="https://accounts.google.com"),
        "name": "Google",
    },
    "linkedin": {
        "client_id": env.str("LINKEDIN_CLIENT_ID", default=""),
        "secret": env.str("LINKEDIN_CLIENT_SECRET", default=""),
        "server_url": env.str("LINKEDIN_OIDC_URL", default="https://www.linkedin.com/oauth"),
        "name": "LinkedIn",
    },
}
SOCIALACCOUNT_PROVIDERS = {}
_github = _social_apps["github"]
if _github["client_id"] and _github["secret"]:
    SOCIALACCOUNT_PROVIDERS["github"] = {
        "APPS": [{"client_id": _github["client_id"], "secret": _github["secret"]}],
        "SCOPE": ["read:user", "user:email"],
        "OAUTH_PKCE_ENABLED": True,
        **({"GITHUB_URL": _github["base_url"]} if _github["base_url"] else {}),
    }
_oidc_apps = [
    {
        "provider_id": provider_id,
        "name": app["name"],
        "client_id": app["client_id"],
        "secret": app["secret"],
        "settings": {"server_url": app["server_url"], "oauth_pkce_enabled": True},
    }
    for provider_id, app in _social_apps.items()
    if provider_id != "github" and app["client_id"] and app["secret"]
]
if _oidc_apps:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {"APPS": _oidc_apps}

# Deleted accounts are deactivated at once and erased for good after this many days.
ACCOUNT_DELETION_GRACE_DAYS = env.int("ACCOUNT_DELETION_GRACE_DAYS", default=30)

# Browser API clients on other origins (scheme://host[:port]); none by default.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"

# --- Internationalisation -------------------------------------------------
# The interface's languages; a resume's own language is separate (resumes.locales).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------
STATIC_URL = "/static/"
# Where collectstatic writes and nginx serves /static/ from (the image uses /app/staticfiles).
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- Request limits -------------------------------------------------------
# Bodies above this are refused with 413 before any view runs.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("MAX_REQUEST_BODY_BYTES", default=2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

# --- E-mail -----------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# Messages go through a counting wrapper (resumate/mail.py) to the backend EMAIL_URL names.
EMAIL_DELIVERY_BACKEND, EMAIL_BACKEND = EMAIL_BACKEND, "resumate.mail.CountingEmailBackend"  # noqa: F821
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ResuMate <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Security (production values when DEBUG is off) -----------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# --- REST API -------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Before JWT: it claims only "Bearer rmt_…" and leaves every other bearer value to simplejwt.
        "accounts.tokens.authentication.PersonalTokenAuthentication",
        # simplejwt's and DRF's, refusing staff who must still set up two-factor.
        "accounts.authentication.JWTAuthentication",
        "accounts.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "accounts.tokens.authentication.TokenScopePermission",
    ],
    # JSON only, errors too; Swagger UI at /api/docs/ is the browsable view.
    "DEFAULT_RENDERER_CLASSES": ["resumate.renderers.ORJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["resumate.parsers.ORJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "resumate.api.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_ANON", default="120/minute"),
        "user": env.str("THROTTLE_USER", default="1200/minute"),
        "auth": env.str("THROTTLE_AUTH", default="30/minute"),
        # PDF renders are CPU-heavy: a per-user cap on top of the general user rate (API and pages).
        "resume_pdf": env.str("THROTTLE_RESUME_PDF", default="60/minute"),
        # Parsing an upload is CPU-heavy too.
        "imports": env.str("THROTTLE_IMPORTS", default="30/minute"),
    },
    "NUM_PROXIES": PROXY_COUNT or None,
    "EXCEPTION_HANDLER": "resumate.api.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "resumate.schema.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "SIGNING_KEY": JWT_SIGNING_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "ResuMate API",
    "DESCRIPTION": "Achievements, self-rebuilding resumes, job tracking and AI writing.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from our own static files: works offline, no CDN in the CSP.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # status, from_status and to_status share one OpenAPI enum.
    "ENUM_NAME_OVERRIDES": {"ApplicationStatusEnum": "job_tracker.models.ApplicationStatus"},
}
# A resume's language (en ru de fr es) keeps its own enum name beside any other "language" field.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["ResumeLanguageEnum"] = "resumes.locales.LANGUAGE_CHOICES"

# --- Celery -----------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "celery" / "broker"
    # The filesystem transport needs its folders before start; in and out are one.
    for _folder in ("broker", "processed", "control"):
        (VAR_DIR / "celery" / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        # Broadcast (control) messages too, or kombu writes them to ./control.
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # A task a killed worker held (acks_late) is handed out again after this long: longer than
    # any task may run (CELERY_TASK_TIME_LIMIT), or a slow task would run twice at once.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
    }
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_IGNORE_RESULT = CELERY_RESULT_BACKEND is None
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# --- Logging ----------------------------------------------------------------
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "resumate.log_format.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "resumate.log_format.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Our own per-request line replaces Django's; keep its errors.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # The MCP SDK logs each stateless session's start and end; the request line says enough.
        "mcp": {"level": "WARNING"},
    },
}

# --- PDF rendering limits ---------------------------------------------------
# Each text field is cut at PDF_MAX_FIELD_CHARS; larger resumes or longer PDFs are refused (413);
# one render per user at a time (the lock expires after PDF_RENDER_LOCK_SECONDS).
PDF_MAX_FIELD_CHARS = env.int("PDF_MAX_FIELD_CHARS", default=5000)
PDF_MAX_CONTENT_BYTES = env.int("PDF_MAX_CONTENT_BYTES", default=200_000)
PDF_MAX_PAGES = env.int("PDF_MAX_PAGES", default=20)
PDF_RENDER_LOCK_SECONDS = env.int("PDF_RENDER_LOCK_SECONDS", default=30)

# --- Webhook integrations -------------------------------------------------
# Per-hook body cap, below the global request limit: platforms send small JSON events.
WEBHOOK_MAX_BODY_BYTES = env.int("WEBHOOK_MAX_BODY_BYTES", default=262_144)
# A delivery still unprocessed this long after it arrived is queued again (its task was never queued).
WEBHOOK_REQUEUE_AFTER_SECONDS = env.int("WEBHOOK_REQUEUE_AFTER_SECONDS", default=120)

# --- Importing career data (PDF, DOCX, LinkedIn, JSON, tracker CSV) --------
# Uploads above this answer 413; below the request body limit so the message names the file.
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=2_000_000)
# ZIP containers (DOCX, LinkedIn export): caps on what they may unpack to, against ZIP bombs.
IMPORT_MAX_UNCOMPRESSED_BYTES = env.int("IMPORT_MAX_UNCOMPRESSED_BYTES", default=50_000_000)
IMPORT_MAX_COMPRESSION_RATIO = env.int("IMPORT_MAX_COMPRESSION_RATIO", default=100)
IMPORT_DRAFT_DAYS = env.int("IMPORT_DRAFT_DAYS", default=7)

# --- AI assistant ---------------------------------------------------------
# Keys are read by name (AIModel.api_key_name); a model without its key is shown as unavailable.
GEMINI_API_KEY = env.str("GEMINI_API_KEY", default="")
GEMINI_BASE_URL = env.str("GEMINI_BASE_URL", default="https://generativelanguage.googleapis.com")
OPENROUTER_API_KEY = env.str("OPENROUTER_API_KEY", default="")
OPENROUTER_BASE_URL = env.str("OPENROUTER_BASE_URL", default="https://openrouter.ai/api/v1")
# One provider call; the whole request (retries and fallback included) stays within the total,
# so the API answers 503 well inside 15 seconds when nothing does.
AI_REQUEST_TIMEOUT_SECONDS = env.float("AI_REQUEST_TIMEOUT_SECONDS", default=8.0)
AI_TOTAL_TIMEOUT_SECONDS = env.float("AI_TOTAL_TIMEOUT_SECONDS", default=12.0)
AI_MAX_RETRIES = env.int("AI_MAX_RETRIES", default=2)
AI_BACKOFF_SECONDS = env.float("AI_BACKOFF_SECONDS", default=0.5)
# Circuit breaker per model: open after this many failed calls, probe again after the cool-down.
AI_BREAKER_FAILURES = env.int("AI_BREAKER_FAILURES", default=3)
AI_BREAKER_COOLDOWN_SECONDS = env.int("AI_BREAKER_COOLDOWN_SECONDS", default=60)
AI_RESPONSE_CACHE_SECONDS = env.int("AI_RESPONSE_CACHE_SECONDS", default=24 * 3600)
AI_MODELS_CACHE_SECONDS = env.int("AI_MODELS_CACHE_SECONDS", default=3600)
AI_DEFAULT_MODEL = env.str("AI_DEFAULT_MODEL", default="Offline")
# Streamed answers (the cover-letter page): the first piece must come within AI_TOTAL_TIMEOUT_SECONDS
# (fallback is only possible before it); the whole stream is cut after this many seconds, below
# gunicorn's timeout. The offline writer can pause between sentences (0 = as fast as it writes).
AI_STREAM_MAX_SECONDS = env.float("AI_STREAM_MAX_SECONDS", default=50.0)
AI_OFFLINE_STREAM_DELAY_SECONDS = env.float("AI_OFFLINE_STREAM_DELAY_SECONDS", default=0.0)

# --- Job board scraping ---------------------------------------------------
# Seconds per request, retries on 429/5xx/network errors (exponential backoff
# from JOB_SCRAPE_BACKOFF_SECONDS unless Retry-After says otherwise), and the
# least gap between two requests to the same board.
JOB_SCRAPE_TIMEOUT = env.float("JOB_SCRAPE_TIMEOUT", default=15.0)
JOB_SCRAPE_MAX_RETRIES = env.int("JOB_SCRAPE_MAX_RETRIES", default=3)
JOB_SCRAPE_BACKOFF_SECONDS = env.float("JOB_SCRAPE_BACKOFF_SECONDS", default=2.0)
JOB_SCRAPE_REQUEST_DELAY = env.float("JOB_SCRAPE_REQUEST_DELAY", default=1.0)

# --- hh.ru: vacancies, OAuth and applying ----------------------------------
# hh asks every client to name itself and a contact in HH-User-Agent ("App/1.0 (you@example.com)").
HH_USER_AGENT = env.str("HH_USER_AGENT", default="ResuMate/1.0 (admin@localhost)")
HH_BASE_URL = env.str("HH_BASE_URL", default="https://api.hh.ru")
HH_OAUTH_BASE_URL = env.str("HH_OAUTH_BASE_URL", default="https://hh.ru")
HH_REQUESTS_PER_SECOND = env.float("HH_REQUESTS_PER_SECOND", default=10.0)
HH_DAILY_REQUEST_CAP = env.int("HH_DAILY_REQUEST_CAP", default=5000)
HH_CLIENT_ID = env.str("HH_CLIENT_ID", default="")
HH_CLIENT_SECRET = env.str("HH_CLIENT_SECRET", default="")
HH_APPLICATIONS_PER_HOUR = env.int("HH_APPLICATIONS_PER_HOUR", default=10)

# --- Saved searches, alerts and matching by meaning -------------------------
# Alerts e-mail at most this many postings per user per rolling week.
SAVED_SEARCH_WEEKLY_LIMIT = env.int("SAVED_SEARCH_WEEKLY_LIMIT", default=15)
# Meaning vectors: SVD dimensions, how many skill-ranked postings the similarity reranks,
# and its share of the blended score (0 = skills alone). A sentence-embedding model
# (model2vec format) on disk replaces TF-IDF + SVD when EMBEDDING_MODEL_PATH is set.
JOB_SEMANTIC_DIMENSIONS = env.int("JOB_SEMANTIC_DIMENSIONS", default=128)
JOB_SEMANTIC_CANDIDATES = env.int("JOB_SEMANTIC_CANDIDATES", default=300)
JOB_SEMANTIC_WEIGHT = env.float("JOB_SEMANTIC_WEIGHT", default=0.35)
EMBEDDING_MODEL_PATH = env.str("EMBEDDING_MODEL_PATH", default="")
