"""Personal access tokens: API keys for scripts and AI assistants (``rmt_…``)."""
