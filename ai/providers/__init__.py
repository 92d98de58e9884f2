"""Providers, one module per API kind: ``complete(...) -> Completion`` and ``stream(...)`` (see ``base``)."""

from . import gemini, offline, openai_compatible, openrouter
from .base import Completion, ProviderError, Usage

PROVIDERS = {
    "google": gemini.complete,
    "openrouter": openrouter.complete,
    "openai": openai_compatible.complete,
    "offline": offline.complete,
}
STREAMERS = {
    "google": gemini.stream,
    "openrouter": openrouter.stream,
    "openai": openai_compatible.stream,
    "offline": offline.stream,
}

__all__ = ["PROVIDERS", "STREAMERS", "Completion", "ProviderError", "Usage"]
