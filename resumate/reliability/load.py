"""Load: many concurrent clients against gunicorn (2 workers, production settings) for a while.

A realistic mix per client (log in, lists, create an achievement, track and move an application,
export a PDF, deliver a signed webhook, ask the offline AI for a letter), timed per request kind.
Afterwards every write that was answered 2xx is looked for in the database: none may be missing.
"""

import asyncio
import json
import random
import statistics
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

import httpx

from resumes.integrations.signatures import sign_timestamped

PASSWORD = "a-long-passphrase-7"  # noqa: S105  (the load's own throwaway accounts)


@dataclass
class Account:
    username: str
    access: str
    hook_url: str
    secret: str
    resume_id: int


@dataclass
class Tally:
    latencies: dict = field(default_factory=lambda: defaultdict(list))
    errors: dict = field(default_factory=lambda: defaultdict(int))
    # Answers the product gives on purpose under contention, e.g. one PDF render per user at a time.
    refused: dict = field(default_factory=lambda: defaultdict(int))
    examples: list = field(default_factory=list)
    error_times: list = field(default_factory=list)  # (sent, answered) of each failed request, monotonic
    error_codes: list = field(default_factory=list)  # its status code, or the exception's name
    # What the server said it stored: checked against the database afterwards.
    achievements: set = field(default_factory=set)
    webhook_ids: set = field(default_factory=set)
    applications: set = field(default_factory=set)
    moved: dict = field(default_factory=dict)
    ai_answers: list = field(default_factory=list)  # (monotonic time, the model that answered)


async def make_account(http: httpx.AsyncClient, n: int) -> Account:
    username = f"load{n}-{uuid.uuid4().hex[:6]}"
    response = await http.post(
        "/api/v1/auth/register/",
        json={"username": username, "email": f"{username}@example.com", "password": PASSWORD},
    )
    response.raise_for_status()
    access = (
        await http.post("/api/v1/auth/token/", json={"username": username, "password": PASSWORD})
    ).json()["access"]
    headers = {"Authorization": f"Bearer {access}"}
    hook = await http.post(
        "/api/v1/integrations/", json={"platform": "generic", "name": "CI"}, headers=headers
    )
    hook.raise_for_status()
    achievement = {
        "type": "job", "title": "Backend developer", "organization": "Acme", "start_date": "2021-03-01",
        "skills": ["Python", "Django"], "highlights": ["Cut API latency by 40%"],
    }  # fmt: skip
    (await http.post("/api/v1/achievements/", json=achievement, headers=headers)).raise_for_status()
    resumes = (await http.get("/api/v1/resumes/", headers=headers)).json()["results"]
    return Account(username, access, hook.json()["webhook_url"], hook.json()["secret"], resumes[0]["id"])


async def timed(tally: Tally, kind: str, request, ok=(200, 201, 202)):
    started, sent_at = time.perf_counter(), time.monotonic()
    try:
        response = await request
    except httpx.HTTPError as exc:
        tally.errors[kind] += 1
        tally.error_times.append((sent_at, time.monotonic()))
        tally.error_codes.append(type(exc).__name__)
        tally.examples.append(f"{kind}: {exc!r}")
        return None
    tally.latencies[kind].append((time.perf_counter() - started) * 1000)
    if response.status_code == 429 and response.headers.get("Retry-After"):
        tally.refused[kind] += 1
        return None
    if response.status_code not in ok:
        tally.errors[kind] += 1
        tally.error_times.append((sent_at, time.monotonic()))
        tally.error_codes.append(response.status_code)
        if len(tally.examples) < 20:
            tally.examples.append(f"{kind}: {response.status_code} {response.text[:200]}")
        return None
    return response


async def client_loop(
    http: httpx.AsyncClient,
    account: Account,
    tally: Tally,
    until: float,
    seed: int,
    ai_model: str = "Offline",
):
    rng = random.Random(seed)
    auth = {"Authorization": f"Bearer {account.access}"}
    kinds = ["list achievements"] * 4 + ["list applications"] * 3 + ["create achievement"] * 2 + [
        "track application", "move status", "export PDF", "webhook delivery", "AI letter", "log in", "me",
    ]  # fmt: skip
    while time.monotonic() < until:
        kind = rng.choice(kinds)
        if kind == "list achievements":
            await timed(tally, kind, http.get("/api/v1/achievements/", headers=auth))
        elif kind == "list applications":
            await timed(tally, kind, http.get("/api/v1/applications/", headers=auth))
        elif kind == "me":
            await timed(tally, kind, http.get("/api/v1/auth/me/", headers=auth))
        elif kind == "log in":
            credentials = {"username": account.username, "password": PASSWORD}
            await timed(tally, kind, http.post("/api/v1/auth/token/", json=credentials))
        elif kind == "create achievement":
            body = {"type": "project", "title": f"Project {uuid.uuid4().hex[:8]}", "skills": ["Python"]}
            response = await timed(tally, kind, http.post("/api/v1/achievements/", json=body, headers=auth))
            if response is not None:
                tally.achievements.add(response.json()["id"])
        elif kind == "track application":
            body = {"job_title": "Platform engineer", "company_name": f"Co {rng.randrange(50)}"}
            response = await timed(tally, kind, http.post("/api/v1/applications/", json=body, headers=auth))
            if response is not None:
                tally.applications.add(response.json()["id"])
        elif kind == "move status" and tally.applications:
            pk = rng.choice(sorted(tally.applications))
            status = rng.choice(["applied", "screening", "interviewing"])
            response = await timed(
                tally, kind, http.patch(f"/api/v1/applications/{pk}/", json={"status": status}, headers=auth),
                ok=(200, 404),  # another client's application: 404, as it must be
            )  # fmt: skip
            if response is not None and response.status_code == 200:
                tally.moved[pk] = status
        elif kind == "export PDF":
            await timed(tally, kind, http.get(f"/api/v1/resumes/{account.resume_id}/pdf/", headers=auth))
        elif kind == "webhook delivery":
            external_id = uuid.uuid4().hex
            body = json.dumps({"event": "achievement.upsert", "external_id": external_id, "achievement": {
                "type": "course", "title": "Kubernetes basics", "organization": "CNCF",
                "start_date": "2025-01-06", "skills": ["Kubernetes"]}}).encode()  # fmt: skip
            headers = {"X-ResuMate-Signature": sign_timestamped(account.secret, body),
                       "X-ResuMate-Delivery": external_id, "Content-Type": "application/json"}  # fmt: skip
            response = await timed(tally, kind, http.post(account.hook_url, content=body, headers=headers))
            if response is not None:
                tally.webhook_ids.add(external_id)
        elif kind == "AI letter":
            body = {"job_description": "Python developer at Fjord Logistics.", "model": ai_model}
            response = await timed(
                tally, kind, http.post("/api/v1/ai/cover-letter/", json=body, headers=auth)
            )
            if response is not None:
                tally.ai_answers.append((time.monotonic(), response.json().get("model", "")))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def run_load(
    base_url: str, *, clients: int, seconds: float, accounts: int, during=None, ai_model: str = "Offline"
) -> Tally:
    """``during``: a coroutine function run beside the clients (a fault), given the run's end time."""
    limits = httpx.Limits(max_connections=clients + 10, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits, trust_env=False) as http:
        made = [await make_account(http, n) for n in range(accounts)]
        tally = Tally()
        until = time.monotonic() + seconds
        extra = [during(until)] if during else []
        await asyncio.gather(
            *(
                client_loop(http, made[n % accounts], tally, until, seed=n, ai_model=ai_model)
                for n in range(clients)
            ),
            *extra,
        )
    return tally


def summary(tally: Tally) -> list[str]:
    lines = [
        "| request | count | errors | refused (429, Retry-After) | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in sorted(tally.latencies):
        values = tally.latencies[kind]
        lines.append(
            f"| {kind} | {len(values)} | {tally.errors[kind]} | {tally.refused[kind]} "
            f"| {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} "
            f"| {percentile(values, 0.99):.1f} |"
        )
    return lines
