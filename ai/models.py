import ipaddress
import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

# Keys are read from settings by name; only names of this shape, so a model row can never
# make the app read SECRET_KEY or a database password.
API_KEY_SUFFIX = "_API_KEY"


def validate_api_key_name(value: str) -> None:
    """Only settings meant to hold AI keys may be named (``*_API_KEY``): never SECRET_KEY and the like."""
    if value and not value.endswith(API_KEY_SUFFIX):
        raise ValidationError(f"Name a setting ending in {API_KEY_SUFFIX}.")


class APIProvider(models.TextChoices):
    GOOGLE = "google", "Google Gemini"
    OPENROUTER = "openrouter", "OpenRouter"
    OFFLINE = "offline", _("Offline (rule-based)")
    OPENAI_COMPATIBLE = "openai", _("OpenAI-compatible (Ollama, LM Studio, llama.cpp, vLLM, LocalAI)")


class AIFeature(models.TextChoices):
    GENERATE = "generate", _("Resume generation")
    COVER_LETTER = "cover_letter", _("Cover letter")
    TAILOR = "tailor", _("Resume tailoring")
    INTERVIEW = "interview", _("Interview preparation")
    IMPORT_IMPROVE = "import_improve", _("Import: fill gaps from the file")
    MODEL_TEST = "model_test", _("Model test (admin)")


def is_local_url(url: str) -> bool:
    """Whether ``url`` points at this machine or a private network (no API key is needed there).

    Loopback, private and link-local addresses, ``localhost``, ``host.docker.internal``,
    ``*.local`` / ``*.internal`` names and single-label names (a compose service such as ``ollama``).
    """
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or "." not in host or host.endswith((".localhost", ".local", ".internal"))
    return address.is_loopback or address.is_private or address.is_link_local


class AIModel(models.Model):
    """A model the assistant can use; requests name it by ``display_name``."""

    display_name = models.CharField(max_length=60, unique=True)
    model_name = models.CharField(max_length=120, help_text="The provider's model id.")
    api_provider = models.CharField(max_length=20, choices=APIProvider.choices)
    api_key_name = models.CharField(
        max_length=60,
        blank=True,
        validators=[validate_api_key_name],
        help_text="Name of the setting (environment variable) holding the API key; it ends in _API_KEY.",
    )
    base_url = models.URLField(
        max_length=300,
        blank=True,
        help_text="The API root, e.g. http://127.0.0.1:11434/v1 for Ollama. Required for OpenAI-compatible "
        "models; for Gemini and OpenRouter it overrides the setting. No key is needed for a local address.",
    )
    supports_response_format = models.BooleanField(
        default=True,
        verbose_name="Supports JSON mode",
        help_text="Send response_format={type: json_object} (OpenAI-compatible). Untick for servers that "
        "reject it: the prompt's JSON instruction and a tolerant parser are used instead.",
    )
    is_active = models.BooleanField(default=True)
    login_required = models.BooleanField(default=False)
    daily_limit = models.PositiveIntegerField(
        default=0, help_text="Requests per user (or IP) per day; 0 = unlimited."
    )
    global_daily_limit = models.PositiveIntegerField(
        default=0, help_text="Requests per day from everyone together (the budget); 0 = unlimited."
    )
    response_time_info = models.CharField(max_length=120, blank=True)
    description = models.TextField(blank=True)
    fallback = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="fallback_for"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name"]
        verbose_name = "AI model"
        constraints = [
            models.CheckConstraint(condition=~Q(fallback=F("id")), name="ai_model_not_own_fallback"),
        ]

    def __str__(self):
        return self.display_name

    def clean(self):
        errors = {}
        if self.api_provider == APIProvider.OPENAI_COMPATIBLE and not self.base_url:
            errors["base_url"] = "An OpenAI-compatible model needs the server's base URL."
        if errors:
            raise ValidationError(errors)

    @property
    def api_key(self) -> str:
        """The key from settings (or the environment); empty when not configured."""
        if not self.api_key_name or not self.api_key_name.endswith(API_KEY_SUFFIX):
            return ""
        return str(getattr(settings, self.api_key_name, "") or os.environ.get(self.api_key_name, ""))

    @property
    def needs_key(self) -> bool:
        if self.api_provider == APIProvider.OFFLINE:
            return False
        if self.api_provider == APIProvider.OPENAI_COMPATIBLE:
            return not is_local_url(self.base_url)
        return True

    @property
    def configured(self) -> bool:
        """Everything the provider needs is set: a base URL where required, a key unless local."""
        if self.api_provider == APIProvider.OPENAI_COMPATIBLE and not self.base_url:
            return False
        return not self.needs_key or bool(self.api_key)

    @property
    def unavailable_reason(self) -> str:
        if not self.is_active:
            return "inactive"
        if self.api_provider == APIProvider.OPENAI_COMPATIBLE and not self.base_url:
            return "no base URL"
        if not self.configured:
            return f"{self.api_key_name or 'the API key'} is not set"
        return ""

    @property
    def is_available(self) -> bool:
        """Active, and configured: a provider that needs a key has one."""
        return self.is_active and self.configured


class AIRequestStatus(models.TextChoices):
    SUCCESS = "success", _("Success")
    CACHED = "cached", _("Served from cache")
    ERROR = "error", _("Error")
    TIMEOUT = "timeout", _("Timed out")
    RATE_LIMITED = "rate_limited", _("Rate-limited by provider")
    UNAVAILABLE = "unavailable", _("Unavailable (no key or circuit open)")


class AIRequest(models.Model):
    """One call to one model: the usage log behind limits, costs and the admin totals."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="ai_requests"
    )
    model = models.ForeignKey(AIModel, null=True, on_delete=models.SET_NULL, related_name="requests")
    model_display_name = models.CharField(max_length=60)
    feature = models.CharField(max_length=20, choices=AIFeature.choices)
    status = models.CharField(max_length=20, choices=AIRequestStatus.choices)
    prompt_tokens = models.PositiveIntegerField(default=0)
    completion_tokens = models.PositiveIntegerField(default=0)
    latency_ms = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    is_fallback = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "AI request"
        indexes = [models.Index(fields=["model", "status", "created_at"])]

    def __str__(self):
        return f"{self.model_display_name} {self.feature} {self.status}"

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class AIQuotaUsage(models.Model):
    """Requests counted against a daily quota: one row per model, subject and day (ai/limits.py)."""

    model = models.ForeignKey(AIModel, on_delete=models.CASCADE, related_name="quota_usage")
    # "user:<pk>", "ip:<address or IPv6 /64>" or "global".
    subject = models.CharField(max_length=80)
    day = models.DateField()
    used = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "AI quota usage"
        constraints = [
            models.UniqueConstraint(fields=["model", "subject", "day"], name="ai_quota_one_row_per_day"),
        ]

    def __str__(self):
        return f"{self.model_id} {self.subject} {self.day}: {self.used}"
