"""An MCP client (the SDK's own) over HTTP against the live test server, with personal access tokens."""

import asyncio
import datetime as dt

import httpx
import pytest
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client

from accounts.models import TokenScope
from accounts.tokens.services import token_create
from resumes.services import achievement_create


class MCP:
    """Runs ``work(session)`` in one client session: initialise, then whatever the test asks."""

    def __init__(self, url: str, raw_token: str | None):
        self.url, self.raw_token = url, raw_token

    def __call__(self, work):
        async def session():
            headers = {"Authorization": f"Bearer {self.raw_token}"} if self.raw_token else {}
            async with (
                httpx.AsyncClient(headers=headers, timeout=30) as http,
                streamable_http_client(self.url, http_client=http) as (read, write, _),
                ClientSession(read, write) as client,
            ):
                await client.initialize()
                return await work(client)

        return asyncio.run(session())

    def call(self, name: str, arguments: dict | None = None):
        return self(lambda client: client.call_tool(name, arguments or {}))

    def ok(self, name: str, arguments: dict | None = None) -> dict:
        """The tool's structured result, after asserting it is not an error."""
        result = self.call(name, arguments)
        assert not result.isError, " ".join(getattr(block, "text", "") for block in result.content)
        return result.structuredContent

    def tool_names(self) -> set[str]:
        async def names(client):
            return {tool.name for tool in (await client.list_tools()).tools}

        return self(names)


@pytest.fixture
def record(user):
    # Through the services, with real commits (live server): the auto resume rebuilds.
    user.first_name, user.last_name = "Zoë", "Brontë"
    user.save()
    return [
        achievement_create(
            user=user, type="job", title="Backend Developer", organization="Acme Analytics",
            start_date=dt.date(2021, 3, 1), skills=["Python", "Django", "PostgreSQL"],
            highlights=["Cut API latency by 40% by adding Redis caching"],
        ),
        achievement_create(
            user=user, type="course", title="Kubernetes Fundamentals", organization="CNCF",
            start_date=dt.date(2023, 1, 1), end_date=dt.date(2023, 2, 1), skills=["Kubernetes"],
        ),
    ]  # fmt: skip


@pytest.fixture
def mcp_url(live_server):
    return f"{live_server.url}/mcp/"


@pytest.fixture
def writer(user, mcp_url):
    return MCP(mcp_url, token_create(user=user, name="Claude", scope=TokenScope.WRITE)[1])


@pytest.fixture
def reader(user, mcp_url):
    return MCP(mcp_url, token_create(user=user, name="Read only", scope=TokenScope.READ)[1])
