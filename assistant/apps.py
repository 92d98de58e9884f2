from django.apps import AppConfig


class AssistantConfig(AppConfig):
    """ResuMate inside the user's AI assistant: an MCP server over the same services as the API."""

    name = "assistant"
    verbose_name = "AI assistant (MCP)"

    def ready(self):
        from . import tools  # noqa: F401  (registers every tool with the server)
