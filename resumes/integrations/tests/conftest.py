import pytest

from resumes.integrations import services


@pytest.fixture
def connect(user):
    """Connect a platform for ``user`` (or another owner); returns (integration, secret)."""

    def _connect(platform="generic", *, owner=None, name=None, active=True):
        integration, secret = services.integration_create(
            user=owner or user, platform=platform, name=name or f"My {platform}"
        )
        if not active:
            services.integration_update(integration=integration, is_active=False)
        return integration, secret

    return _connect
