"""Providers: ``complete(prompt, *, model_name, api_key, timeout) -> Completion`` per API kind."""

from . import gemini, offline, openrouter
from .base import Completion, ProviderError

PROVIDERS = {
    "google": gemini.complete,
    "openrouter": openrouter.complete,
    "offline": offline.complete,
}

__all__ = ["PROVIDERS", "Completion", "ProviderError"]
